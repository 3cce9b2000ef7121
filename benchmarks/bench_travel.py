"""Benchmark the travel-time matrices (run by hand, not a test).

    .venv/bin/python benchmarks/bench_travel.py [--runs 7] [--size 500]

Times a great-circle 500 x 500 matrix and a road-network 500 x 500 matrix on Bolivia's
Red Vial Fundamental skeleton from ``../shared/`` (the derived graph CSVs turned into
LineStrings, written to a temporary GeoPackage and loaded through ``from_file``, so
the build time includes reading the file). Points are uniform random in Bolivia's
bounding box, seeded. Figures are medians of several runs. The road part is skipped,
with a message, when ``../shared/`` is absent. Ends with one line:

    RESULT gc_500x500_s=<x> road_500x500_s=<y> road_build_s=<z>
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.travel import GreatCircleTravel, RoadNetworkTravel

ROADS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bolivia" / "roads" / "travelmapping_bolf"
BOLIVIA_BBOX = (-69.5, -22.8, -57.6, -9.8)  # lon_min, lat_min, lon_max, lat_max
SEED = 20240501


def median_seconds(run: Callable[[], object], runs: int) -> float:
    """Median wall time of ``runs`` calls, seconds (one untimed warm-up call first)."""
    run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def random_points(n: int, rng: np.random.Generator) -> np.ndarray:
    lon_min, lat_min, lon_max, lat_max = BOLIVIA_BBOX
    return np.column_stack([rng.uniform(lon_min, lon_max, n), rng.uniform(lat_min, lat_max, n)])


def write_road_file(folder: Path) -> Path:
    """The derived graph as a GeoPackage of two-point lines, as a user would supply it."""
    nodes = pd.read_csv(ROADS / "derived_graph_nodes.csv").set_index("node_id")
    edges = pd.read_csv(ROADS / "derived_graph_edges.csv")
    start = nodes.loc[edges["from_node"], ["lon", "lat"]].to_numpy()
    end = nodes.loc[edges["to_node"], ["lon", "lat"]].to_numpy()
    lines = gpd.GeoDataFrame({"route": edges["route"].to_numpy()},
                             geometry=shapely.linestrings(np.stack([start, end], axis=1)), crs="EPSG:4326")
    path = folder / "bolivia_rvf.gpkg"
    lines.to_file(path, layer="roads")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per figure (median reported)")
    parser.add_argument("--size", type=int, default=500, help="origins = destinations count")
    args = parser.parse_args()
    rng = np.random.default_rng(SEED)
    origins, destinations = random_points(args.size, rng), random_points(args.size, rng)
    n = args.size

    gc = GreatCircleTravel()
    gc_s = median_seconds(lambda: gc.matrix(origins, destinations), args.runs)
    print(f"great-circle {n}x{n}: {gc_s:.4f} s (median of {args.runs})")

    road_s = build_s = float("nan")
    if not (ROADS / "derived_graph_edges.csv").exists():
        print(f"road network skipped: shared test data not found at {ROADS}")
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_road_file(Path(tmp))
            build_s = median_seconds(lambda: RoadNetworkTravel.from_file(path), args.runs)
            roads = RoadNetworkTravel.from_file(path)
        print(f"road network built from {path.name}: {roads!r}")
        print(f"road build (read file + graph): {build_s:.4f} s (median of {args.runs})")
        road_s = median_seconds(lambda: roads.matrix(origins, destinations), args.runs)
        m = roads.matrix(origins, destinations)
        print(f"road network {n}x{n}: {road_s:.4f} s (median of {args.runs}); "
              f"{m.fallback.mean():.1%} of pairs fell back to great-circle (other component)")
        sq = median_seconds(lambda: roads.matrix(origins), args.runs)
        print(f"road network {n}x{n} square (origins only): {sq:.4f} s")
    print(f"RESULT gc_{n}x{n}_s={gc_s:.4f} road_{n}x{n}_s={road_s:.4f} road_build_s={build_s:.4f}")


if __name__ == "__main__":
    main()
