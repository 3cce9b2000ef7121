"""Beasley's OR-Library p-median instances (pmed1-pmed40) solved by the what-if covering model.

The instances are not shipped (no licence is stated for them); fetch them (e.g. from a public
repository holding the OR-Library files ``pmed1.txt`` .. ``pmed40.txt``) and give the folder:

    python benchmarks/facility_location.py --instances DIR [--time-limit 30] [--only pmed1,pmed2]

File format: ``n edges p`` then one ``i j cost`` line per undirected edge. Some edges are listed
twice with different costs; the published optima take the LAST occurrence, and so does this
reader. Distances are shortest paths over the graph (scipy). The model is
:func:`planner.coverage.p_median.p_median`: the maximal covering MIP of the what-if planner with one
demand point per (client, distance level), on OR-Tools (SCIP), within the time limit.

Prints one line per instance and ends with
``RESULT instances=N solved_optimal=N proven=N mean_gap_pct=X seconds_mean=S`` where
``solved_optimal`` counts costs within 0.1% of the published optimum, ``proven`` the instances
whose optimality the model proved, and ``mean_gap_pct`` is the mean gap to the published optimum.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import numpy as np

#: Published optimal values (Beasley 1985; OR-Library ``pmedopt``).
OPTIMA: dict[str, int] = {
    "pmed1": 5819, "pmed2": 4093, "pmed3": 4250, "pmed4": 3034, "pmed5": 1355, "pmed6": 7824, "pmed7": 5631,
    "pmed8": 4445, "pmed9": 2734, "pmed10": 1255, "pmed11": 7696, "pmed12": 6634, "pmed13": 4374,
    "pmed14": 2968, "pmed15": 1729, "pmed16": 8162, "pmed17": 6999, "pmed18": 4809, "pmed19": 2845,
    "pmed20": 1789, "pmed21": 9138, "pmed22": 8579, "pmed23": 4619, "pmed24": 2961, "pmed25": 1828,
    "pmed26": 9917, "pmed27": 8307, "pmed28": 4498, "pmed29": 3033, "pmed30": 1989, "pmed31": 10086,
    "pmed32": 9297, "pmed33": 4700, "pmed34": 3013, "pmed35": 10400, "pmed36": 9934, "pmed37": 5057,
    "pmed38": 11060, "pmed39": 9423, "pmed40": 5128,
}

#: A cost within this share of the published optimum counts as solved.
TOLERANCE = 0.001


def read_instance(path: Path) -> tuple[np.ndarray, int]:
    """All-pairs shortest-path distances and p; a repeated edge keeps its last cost."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import shortest_path

    numbers = path.read_text().split()
    n, edges, p = int(numbers[0]), int(numbers[1]), int(numbers[2])
    cost: dict[tuple[int, int], float] = {}
    for k in range(edges):
        i, j, c = int(numbers[3 + 3 * k]) - 1, int(numbers[4 + 3 * k]) - 1, float(numbers[5 + 3 * k])
        key = (min(i, j), max(i, j))
        cost[key] = c  # last occurrence wins, as in the published optima
    rows = [i for i, _ in cost] + [j for _, j in cost]
    cols = [j for _, j in cost] + [i for i, _ in cost]
    values = list(cost.values()) * 2
    graph = coo_matrix((values, (rows, cols)), shape=(n, n)).tocsr()
    return shortest_path(graph, directed=False), p


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--instances", required=True, help="folder with pmed1.txt .. pmed40.txt")
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds per instance (default 30)")
    parser.add_argument("--only", default="", help="comma-separated instance names")
    args = parser.parse_args(argv)

    from planner.coverage.p_median import p_median

    folder = Path(args.instances)
    names = [n for n in args.only.split(",") if n] or sorted(
        (f.stem for f in folder.glob("pmed*.txt") if f.stem in OPTIMA), key=lambda s: int(re.sub(r"\D", "", s)))
    if not names:
        print(f"no pmed*.txt files in {folder}", file=sys.stderr)
        return 2
    gaps, seconds, solved, proven = [], [], 0, 0
    print(f"{'instance':<9}{'n':>5}{'p':>5}{'optimum':>9}{'cost':>9}{'gap%':>8}{'bound':>10}{'proven':>8}"
          f"{'rounds':>7}{'start':>8}{'s':>7}")
    for name in names:
        distances, p = read_instance(folder / f"{name}.txt")
        began = time.perf_counter()
        result = p_median(distances, p, time_limit=args.time_limit)
        spent = time.perf_counter() - began
        optimum = OPTIMA[name]
        gap = 100.0 * (result.cost - optimum) / optimum
        gaps.append(gap)
        seconds.append(spent)
        solved += gap <= 100 * TOLERANCE
        proven += result.optimal
        print(f"{name:<9}{len(distances):>5}{p:>5}{optimum:>9}{result.cost:>9.0f}{gap:>8.3f}{result.bound:>10.1f}"
              f"{'yes' if result.optimal else 'no':>8}{result.rounds:>7}{result.heuristic_cost:>8.0f}{spent:>7.1f}",
              flush=True)
    print(f"RESULT instances={len(names)} solved_optimal={solved} proven={proven} "
          f"mean_gap_pct={np.mean(gaps):.4f} seconds_mean={np.mean(seconds):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
