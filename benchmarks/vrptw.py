"""VRPTW benchmark of the planner's routing core against best-known solutions (run by hand).

    python benchmarks/vrptw.py --instances ../shared/benchmarks/solomon --time-limit 10 [--only C101,R101] [--engine pyvrp]

Reads every ``*.vrp`` (VRPLIB) in the folder and ``bks_distance.csv`` beside them, solves
each with :mod:`planner.engines` (the code that plans inspections), re-costs the routes
with the DIMACS convention (each edge truncated to one decimal; travel times the same),
checks feasibility independently of the solver (:func:`planner.engines.instance.check_solution`:
every customer once, capacity, windows, fleet), and prints one line per instance, then

    RESULT instances=N infeasible=N mean_gap_pct=X

The gap is against the distance-only BKS (``bks_distance.csv``), never the hierarchical one.
Infeasible runs are left out of the mean gap and counted.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from planner.engines import ENGINES
from planner.engines.formats import DIMACS_SCALE, read_vrptw
from planner.engines.instance import check_solution, route_distance


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", required=True, type=Path)
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--only", default="", help="comma-separated instance names")
    parser.add_argument("--engine", default="pyvrp", choices=sorted(ENGINES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    bks = {}
    with open(args.instances / "bks_distance.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            bks[row["instance"]] = float(row["distance"])
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    files = sorted(p for p in args.instances.glob("*.vrp") if not wanted or p.stem in wanted)
    gaps, infeasible = [], 0
    for path in files:
        instance = read_vrptw(path)
        solution = ENGINES[args.engine].solve_instance(instance, args.time_limit, args.seed)
        errors = check_solution(instance, solution) if solution.feasible else ["no solution: " + solution.status]
        cost = sum(route_distance(instance, instance.vehicles[g], r)
                   for g, routes in enumerate(solution.routes) for r in routes) / DIMACS_SCALE
        vehicles = sum(1 for routes in solution.routes for r in routes if r)
        ref = bks.get(path.stem)
        if errors:
            infeasible += 1
            print(f"{path.stem:10s} INFEASIBLE {errors[0]} seconds={solution.seconds:.1f}", flush=True)
            continue
        gap = 100.0 * (cost - ref) / ref if ref else float("nan")
        if ref:
            gaps.append(gap)
        print(f"{path.stem:10s} cost={cost:.1f} bks={ref} gap_pct={gap:.2f} vehicles={vehicles} "
              f"seconds={solution.seconds:.1f}", flush=True)
    mean = sum(gaps) / len(gaps) if gaps else float("nan")
    print(f"RESULT instances={len(files)} infeasible={infeasible} mean_gap_pct={mean:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
