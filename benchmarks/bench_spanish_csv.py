"""How long a national cases CSV saved by Spanish Excel takes to validate (run by hand:
python benchmarks/bench_spanish_csv.py).

Writes ``--rows`` case rows (default 500 000) as Spanish Excel saves them: semicolons,
Windows-1252, counts with '.' thousands separators (``12.345``) — the case where a
naive reader loads 12 instead of 12 345. Times ``check_dataset`` and checks that the
loaded counts equal the intended ones exactly. Ends with one ``RESULT`` line.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_validate import national_areas  # noqa: E402

from geodata.load import check_dataset  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(5)
    areas, kind = national_areas()
    ids = areas["area_id"].to_numpy()[rng.integers(0, len(areas), args.rows)]
    months = rng.integers(0, 12 * 9, args.rows)
    periods = [f"{2016 + m // 12}-{m % 12 + 1:02d}" for m in months]
    kinds = np.array(["sexual", "labour", "other", "unknown"])[rng.integers(0, 4, args.rows)]
    cases = rng.integers(0, 50_000, args.rows)
    victims = cases + rng.integers(0, 5_000, args.rows)
    dotted = [f"{c:,}".replace(",", ".") for c in cases]
    dotted_v = [f"{v:,}".replace(",", ".") for v in victims]
    lines = ["codigo_ine;periodo;explotacion;casos;victimas"]
    lines += [f"{a};{p};{k};{c};{v}" for a, p, k, c, v in zip(ids, periods, kinds, dotted, dotted_v)]
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "envio"
        folder.mkdir()
        areas.to_file(folder / "municipios.gpkg", layer="municipios")
        (folder / "casos.csv").write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
        for _ in range(args.runs):
            start = time.perf_counter()
            report = check_dataset(folder)
            times.append(time.perf_counter() - start)
    if not report.ok or report.dataset is None:
        raise SystemExit(f"not valid: {[str(p) for p in report.errors[:5]]}")
    loaded = report.dataset["cases"]
    exact = bool((loaded["cases"].to_numpy() == cases).all() and (loaded["victims"].to_numpy() == victims).all())
    print(f"areas: {len(areas)} ({kind}); rows: {args.rows}; problems reported: {len(report.problems)}")
    print(f"check_dataset: median {statistics.median(times):.2f} s, min {min(times):.2f} s over {len(times)} runs")
    print(f"loaded counts equal the intended ones: {exact}")
    print(f"RESULT spanish_csv_seconds={statistics.median(times):.2f} rows={args.rows} exact={exact}")


if __name__ == "__main__":
    main()
