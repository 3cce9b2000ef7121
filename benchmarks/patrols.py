"""Benchmark the border-patrol planner on the demo (run by hand, not a test).

    PYTHONPATH=. .venv/bin/python benchmarks/patrols.py [--scores SCORES.gpkg] [--seed 0] [--pool 200]

(``PYTHONPATH=.`` so the checkout's packages are imported, not an installed copy.)
Demo dataset (real geography, synthetic figures): 25 crossings plus the border
stretches between adjacent ones (41 targets); 28 patrol units derived from the
staff of the 14 police border units (one unit per 6 officers, at least one per
office: the demo has 14 police offices, so units come from staff, not offices);
21 shifts a week.
Crossing scores come from ``--scores`` or from ``risk.pipeline.score`` (its time is
printed but not part of the goal). Times: the deterministic CP-SAT roster and the
coverage LP (goal: together <= 10 s on 2 cores), then sampling 200 weekly rosters.
Attacker utilities: best response to the fixed roster (it knows the guarded cells)
and to the randomised one, measured on the sampled weeks' frequencies (the LP
value is printed too). CPU seconds are printed beside wall time because the
machine is shared. Ends with one line:

    RESULT seconds=<roster+LP> attacker_utility_fixed=<x> attacker_utility_random=<y> reduction_pct=<z> ...
"""

from __future__ import annotations

import argparse
import time

import pandas as pd

from geodata.demo import DEFAULT_SEED, build_demo
from planner.patrols.game import attacker_best_response, solve_coverage
from planner.patrols.metrics import compare
from planner.patrols.model import N_SLOTS, build_problem
from planner.patrols.plan import DEFAULT_CAUGHT_PENALTY
from planner.patrols.roster import fixed_roster, rule_violations
from planner.patrols.sampling import sample_rosters
from planner.patrols.scores import read_crossing_scores
from planner.patrols.units import default_units


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scores", help="crossing_scores GeoPackage (default: risk.pipeline.score on the demo)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pool", type=int, default=200)
    args = parser.parse_args()

    dataset = build_demo(DEFAULT_SEED)
    wall, cpu = _clock()
    if args.scores:
        scores = read_crossing_scores(args.scores)
        source = args.scores
    else:
        from risk.pipeline import score

        frame = score(dataset).crossing_scores
        assert frame is not None, "the demo has crossings"
        scores = pd.DataFrame(frame[["crossing_id", "score"]])
        source = "risk.pipeline.score"
    print(f"scores: {source} ({time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU)")

    problem = build_problem(dataset, scores, default_units(dataset))
    kinds = pd.Series([t.kind for t in problem.targets]).value_counts().to_dict()
    print(f"problem: {problem.n_units} units, {problem.n_targets} targets {kinds}, {N_SLOTS} shifts a week, "
          f"{int(problem.reach.sum())} reachable unit-target-shifts")

    wall, cpu = _clock()
    fixed = fixed_roster(problem, seed=args.seed)
    roster_s, roster_cpu = time.perf_counter() - wall, time.process_time() - cpu
    wall, cpu = _clock()
    coverage = solve_coverage(problem, caught_penalty=DEFAULT_CAUGHT_PENALTY)
    lp_s, lp_cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"fixed roster (CP-SAT): {roster_s:.2f} s wall, {roster_cpu:.2f} s CPU, "
          f"{len(fixed.assignments())} shifts, optimal={fixed.meta.get('optimal')}")
    print(f"coverage LP (GLOP): {lp_s:.2f} s wall, {lp_cpu:.2f} s CPU, attacker value {coverage.attacker_utility:.2f}")

    wall, cpu = _clock()
    sample = sample_rosters(problem, coverage, n=args.pool, seed=args.seed)
    sampling_s, sampling_cpu = time.perf_counter() - wall, time.process_time() - cpu
    broken = sum(bool(rule_violations(problem, week)) for week in sample.assignments)
    print(f"sampling {args.pool} weeks (CP-SAT): {sampling_s:.1f} s wall, {sampling_cpu:.1f} s CPU; "
          f"largest frequency gap {100 * sample.max_gap:.2f} points; weeks breaking a rule: {broken}")

    result = compare(problem, fixed.coverage, sample.frequency, DEFAULT_CAUGHT_PENALTY)
    lp_only = attacker_best_response(problem.risk, coverage.probability, DEFAULT_CAUGHT_PENALTY)
    print(f"attacker best response: fixed {result.attacker_utility_fixed:.2f}, randomised (sampled weeks) "
          f"{result.attacker_utility_random:.2f}, randomised (LP) {lp_only:.2f}; "
          f"entropy {result.entropy_random_bits:.0f} bits vs {result.entropy_fixed_bits:.0f}")
    print(f"RESULT seconds={roster_s + lp_s:.2f} attacker_utility_fixed={result.attacker_utility_fixed:.2f} "
          f"attacker_utility_random={result.attacker_utility_random:.2f} reduction_pct={result.reduction_pct:.1f} "
          f"sampling_seconds={sampling_s:.1f} max_gap_pp={100 * sample.max_gap:.2f} units={problem.n_units} "
          f"targets={problem.n_targets}")


if __name__ == "__main__":
    main()
