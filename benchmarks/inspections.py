"""Inspection plan on the demo against the greedy baseline (run by hand).

    python benchmarks/inspections.py [--time-limit 60] [--engine pyvrp] [--days 10] [--scores SCORES.gpkg]
                                     [--max-trip-days 5] [--trips-over-weekends]

The demo dataset (real geography, synthetic sites and offices), its default teams
(:data:`planner.teams.DEFAULT_TEAMS_RULE`), 10 working days from Monday 2026-03-02, site
priorities from ``--scores`` (layer ``area_scores``) or else the sector x area rule. Prints
the KPIs of the engine's plan, of the greedy baseline (day trips from the office, each
team-day taking the best priority per minute) and of greedy filling the same field trips,
then

    RESULT risk_covered=X greedy_risk_covered=Y ratio=X/Y seconds=S
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from geodata.demo import build_demo
from geodata.scores_file import read_scores
from planner.engines import DEFAULT_ENGINE, ENGINES
from planner.engines.inspection import solve
from planner.plan import Plan, greedy
from planner.problem import InspectionProblem
from planner.trips import plan_shifts

START = date(2026, 3, 2)


def _line(name: str, plan: Plan, problem: InspectionProblem) -> None:
    k = plan.kpis(problem)
    reasons: dict[str, int] = {}
    for u in plan.unplaced:
        reasons[u.reason_code] = reasons.get(u.reason_code, 0) + 1
    print(f"{name:22s} risk={k['risk_covered']:.2f} ({100 * k['risk_share']:.1f}%) sites={k['sites_visited']} "
          f"top_decile={100 * k['top_decile_share']:.0f}% must={k['must_visit_planned']}/{k['must_visit_total']} "
          f"km={k['km']:.0f} drive_h={k['drive_hours']:.0f} team_days={k['team_days_used']} "
          f"seconds={plan.seconds:.1f} unplaced={reasons}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--time-limit", type=float, default=60.0)
    parser.add_argument("--engine", default=DEFAULT_ENGINE, choices=sorted(ENGINES))
    parser.add_argument("--days", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scores", default=None)
    parser.add_argument("--max-trip-days", type=int, default=5)
    parser.add_argument("--trips-over-weekends", action="store_true")
    args = parser.parse_args(argv)
    dataset = build_demo()
    scores = read_scores(args.scores).areas if args.scores else None
    began = time.perf_counter()
    problem = InspectionProblem.from_dataset(dataset, scores=scores, start=START, days=args.days,
                                             max_trip_days=args.max_trip_days,
                                             trips_over_weekends=args.trips_over_weekends)
    build = time.perf_counter() - began
    print(f"teams={len(problem.teams)} sites={len(problem.sites)} days={len(problem.days)} "
          f"build_seconds={build:.1f} priority: {problem.priority_rule[:80]}...")
    baseline = greedy(problem)
    same_trips = greedy(problem, plan_shifts(problem))
    began = time.perf_counter()
    plan = solve(problem, time_limit=args.time_limit, seed=args.seed, engine=args.engine)
    seconds = time.perf_counter() - began
    _line("greedy (day trips)", baseline, problem)
    _line("greedy (same trips)", same_trips, problem)
    _line(plan.engine, plan, problem)
    covered = plan.kpis(problem)["risk_covered"]
    base = baseline.kpis(problem)["risk_covered"]
    print(f"RESULT risk_covered={covered:.2f} greedy_risk_covered={base:.2f} "
          f"ratio={covered / base if base else float('nan'):.3f} seconds={seconds:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
