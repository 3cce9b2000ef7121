"""Team Orienteering benchmark of the planner's routing core (Chao instances; run by hand).

    python benchmarks/top.py --instances ../shared/benchmarks/top_chao --time-limit 2 [--only p4.2.a,p7.4.t] [--engine pyvrp]

Each instance is solved as a prize-collecting VRP (:func:`planner.engines.formats.top_instance`:
customers optional with prize = score, start and end depots, route length <= tmax on lengths
rounded UP at 1e-4, so feasible routes stay feasible at full precision). Every solution is
checked independently at full precision (each customer once, at most M routes, each route
<= tmax) and compared with ``bks.csv``. Instances whose BKS is 0 count as 100% when the
solution is feasible. Prints one line per instance, then

    RESULT instances=N mean_pct_of_bks=X
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from planner.engines import ENGINES
from planner.engines.formats import read_top, top_instance

TOLERANCE = 1e-6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instances", required=True, type=Path)
    parser.add_argument("--time-limit", type=float, default=2.0)
    parser.add_argument("--only", default="", help="comma-separated instance names")
    parser.add_argument("--engine", default="pyvrp", choices=sorted(ENGINES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    with open(args.instances / "bks.csv", newline="") as fh:
        bks = {row["instance"]: int(row["bks_score"]) for row in csv.DictReader(fh)}
    wanted = {n.strip() for n in args.only.split(",") if n.strip()}
    names = [n for n in bks if not wanted or n in wanted]
    pcts: list[float] = []
    infeasible = 0
    for name in names:
        top = read_top(args.instances / f"{name}.txt")
        instance = top_instance(top)
        solution = ENGINES[args.engine].solve_instance(instance, args.time_limit, args.seed)
        routes = [r for group in solution.routes for r in group if r]
        served = [c for r in routes for c in r]
        lengths = [top.exact_length(r) for r in routes]
        ok = (solution.feasible and len(served) == len(set(served)) and len(routes) <= top.vehicles
              and all(length <= top.tmax + TOLERANCE for length in lengths))
        score = int(sum(top.score[c + 1] for c in served))
        ref = bks[name]
        if not ok:
            infeasible += 1
            pcts.append(0.0)
            print(f"{name:10s} INFEASIBLE score={score} lengths={[round(x, 3) for x in lengths]} tmax={top.tmax}")
            continue
        pct = 100.0 if ref == 0 else 100.0 * score / ref
        pcts.append(pct)
        print(f"{name:10s} score={score} bks={ref} pct={pct:.2f} seconds={solution.seconds:.1f}", flush=True)
    mean = sum(pcts) / len(pcts) if pcts else float("nan")
    print(f"RESULT instances={len(names)} mean_pct_of_bks={mean:.2f} infeasible={infeasible}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
