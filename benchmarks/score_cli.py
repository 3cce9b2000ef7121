"""Time ``vigia score`` as a user runs it (run by hand, not a test).

    .venv/bin/python benchmarks/score_cli.py [--runs 3] [--municipios PATH]

Builds the demo dataset and the demo figures on the 343 real municipalities
(``vigia demo-data --areas ../shared/data/bolivia/municipios/municipios_bolivia_2024.gpkg``;
skipped with a message when ``../shared/`` is absent), then times the full
command in a fresh Python process each run — imports, loading, indicators,
expected-cases model, 999 hotspot permutations, 1,000 Monte Carlo draws and
writing the GeoPackage — exactly what a planner waits for. Figures are the
median of ``--runs`` runs. Goal: under 5 s each on 2 cores. Ends with:

    RESULT demo_s=<x> municipios_s=<y> demo_cpu_s=<a> municipios_cpu_s=<b>
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MUNICIPIOS = (Path(__file__).resolve().parents[2] / "shared" / "data" / "bolivia" / "municipios"
              / "municipios_bolivia_2024.gpkg")


def vigia(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "vigia.cli", *args], check=True, stdout=subprocess.DEVNULL)


def median_seconds(dataset: Path, out: Path, runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (user + system) of the child process.

    CPU time is printed too because on a shared machine wall time mostly measures
    the other processes; CPU time is what the command itself costs.
    """
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        vigia("score", str(dataset), "--out", str(out), "--permutations", "999", "--draws", "1000")
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--municipios", type=Path, default=MUNICIPIOS,
                        help="boundary file of the 343 municipalities (default: ../shared/...)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        demo = folder / "demo.gpkg"
        vigia("demo-data", str(demo))
        demo_s, demo_cpu = median_seconds(demo, folder / "demo_scores.gpkg", args.runs)
        print(f"vigia score on the bundled demo (343 municipalities, simplified): {demo_s:.2f} s wall, {demo_cpu:.2f} s CPU "
              f"(median of {args.runs})")
        municipios_s = municipios_cpu = float("nan")
        if args.municipios.exists():
            muni = folder / "municipios.gpkg"
            vigia("demo-data", str(muni), "--areas", str(args.municipios))
            municipios_s, municipios_cpu = median_seconds(muni, folder / "muni_scores.gpkg", args.runs)
            print(f"vigia score on 343 municipalities: {municipios_s:.2f} s wall, {municipios_cpu:.2f} s CPU "
                  f"(median of {args.runs})")
        else:
            print(f"skipped the municipalities: {args.municipios} not found")
    print(f"RESULT demo_s={demo_s:.2f} municipios_s={municipios_s:.2f} "
          f"demo_cpu_s={demo_cpu:.2f} municipios_cpu_s={municipios_cpu:.2f}")


if __name__ == "__main__":
    main()
