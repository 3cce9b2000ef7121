"""How long the demo dataset takes to build (run by hand: python benchmarks/bench_demo.py).

The app builds the demo on its first start, so this is the wait a new user sees.
``cold`` is the first build in this process (reads GeoNames and Natural Earth
from their packages); ``warm`` builds reuse those per-process caches; ``write``
is ``write_demo`` to a GeoPackage. Ends with one ``RESULT`` line.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from geodata.demo import build_demo, write_demo


def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="warm runs to take the median of")
    args = parser.parse_args()

    cold = _seconds(lambda: build_demo(seed=1))
    warm = [_seconds(lambda seed=seed: build_demo(seed=seed)) for seed in range(2, 2 + args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        write = [_seconds(lambda i=i: write_demo(Path(tmp) / f"demo{i}.gpkg", seed=i)) for i in range(args.runs)]
    print(f"build_demo cold (first in process): {cold:.3f} s")
    print(f"build_demo warm: median {statistics.median(warm):.3f} s over {args.runs} seeds (min {min(warm):.3f}, max {max(warm):.3f})")
    print(f"write_demo: median {statistics.median(write):.3f} s over {args.runs} runs")
    print(f"RESULT demo_build_cold_s={cold:.3f} demo_build_warm_s={statistics.median(warm):.3f} "
          f"demo_write_s={statistics.median(write):.3f}")


if __name__ == "__main__":
    main()
