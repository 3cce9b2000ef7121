"""Benchmark the risk pipeline at scale: an H3 resolution-7 grid over Bolivia (run by hand).

    /work/main/.venv/bin/python benchmarks/risk_scale.py [--resolution 7] [--seed 0]
        [--permutations 999] [--draws 1000] [--skip-esda]

What it does:

1. Covers Bolivia's outline (Natural Earth, bundled) with H3 cells (~210,000 at
   resolution 7) and builds their weights from H3's own neighbour relation
   (:func:`risk.weights.h3_weights`; timed separately, not part of the pipeline
   figure: at this size the grid *is* the geometry, so queen contiguity on
   polygons would only rediscover it).
2. Builds a SYNTHETIC dataset whose areas are the cells: department of each
   cell from the demo areas, seeded population, cases and victims for 2016-2024
   (two exploitation types) driven by a smooth risk surface with planted
   clusters, mining workers in some cells, and the demo's crossings and
   migration flows.
3. Times :func:`risk.pipeline.score` (``ScoreConfig(permutations, draws, seed)``)
   on that dataset, with ``risk.weights.spatial_weights`` answering with the
   H3 weights of step 1, and records the process's peak resident memory
   (``resource.getrusage``; the whole process, dataset included). One
   substitution, printed as a NOTE: the pipeline's ``border_km`` is O(n^2) on
   this grid (see ``outline_border_km``); ``--pipeline-border-km`` keeps it.
   Time per stage is printed too.
4. Times esda's ``G_Local`` (Gi*, 999 permutations, one job: the pipeline is
   single-threaded too) alone on the same weights and the pipeline's score, and,
   for reference, Vigía's own Gi* (:class:`risk.hotspots.Hotspots` does Gi* and
   Local Moran together).

Ends with one line:

    RESULT cells=<n> seconds=<pipeline s> peak_mb=<peak RSS MB> ratio_to_gi=<pipeline / esda Gi*>
"""

from __future__ import annotations

import argparse
import functools
import resource
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import risk.emerging
import risk.hotspots
import risk.indicators
import risk.pipeline
import risk.weights
from geodata.basemap import bolivia_outline
from geodata.contracts import CRS
from geodata.dataset import Dataset
from geodata.demo import build_demo
from risk.hotspots import Hotspots
from risk.pipeline import ScoreConfig, score
from risk.weights import h3_weights

YEARS = tuple(str(y) for y in range(2016, 2025))
#: Mean residents per cell: ~11.3 million Bolivians over ~210,000 cells.
MEAN_POPULATION = 54.0


#: Pipeline stages timed separately: (object, attribute) wrapped while the pipeline runs.
STAGES: tuple[tuple[object, str], ...] = (
    (risk.pipeline, "build_indicators"),
    (risk.pipeline, "expected_cases"),
    (risk.hotspots.Hotspots, "fit"),
    (risk.emerging.EmergingHotspots, "fit"),
    (risk.pipeline, "rank_uncertainty"),
    (risk.pipeline, "score_crossings"),
)


def _timed(stages: dict[str, float], peaks: dict[str, float], owner: object, name: str
           ) -> Callable[[], None]:
    """Wrap ``owner.name`` so its calls add their wall time to ``stages`` (and note the process's
    peak memory when it last returned in ``peaks``); return the undo."""
    original = getattr(owner, name)
    label = f"{getattr(owner, '__name__', owner)}.{name}"

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            stages[label] = stages.get(label, 0.0) + time.perf_counter() - start
            peaks[label] = peak_mb()

    setattr(owner, name, timed)
    return lambda: setattr(owner, name, original)


def outline_border_km(areas: gpd.GeoDataFrame) -> np.ndarray:
    """Km from each area's representative point to Bolivia's outline (UTM metres)."""
    crs = areas.estimate_utm_crs()
    outline = gpd.GeoSeries([bolivia_outline()], crs=CRS).to_crs(crs).exterior.iloc[0]
    points = areas.geometry.representative_point().to_crs(crs).to_numpy()
    return np.asarray(shapely.distance(points, outline), dtype=float) / 1000.0


def peak_mb() -> float:
    """Peak resident memory of this process so far, MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def hex_grid(resolution: int) -> gpd.GeoDataFrame:
    """Every H3 cell of ``resolution`` whose centre lies in Bolivia, as polygons, sorted by id."""
    import h3

    cells = sorted(h3.geo_to_cells(bolivia_outline(), resolution))
    rings = [[(lng, lat) for lat, lng in h3.cell_to_boundary(c)] for c in cells]
    centres = np.array([h3.cell_to_latlng(c) for c in cells])
    return gpd.GeoDataFrame({"area_id": cells, "lon": centres[:, 1], "lat": centres[:, 0]},
                            geometry=[shapely.Polygon(r) for r in rings], crs=CRS)


def synthetic_dataset(grid: gpd.GeoDataFrame, seed: int) -> Dataset:
    """Areas = the cells, with SYNTHETIC population, cases, victims and sector workers."""
    rng = np.random.default_rng(seed)
    demo = build_demo(seed)
    lon, lat = grid["lon"].to_numpy(), grid["lat"].to_numpy()
    centres = gpd.GeoDataFrame(geometry=shapely.points(lon, lat), crs=CRS)
    # Department of each cell: that of the nearest demo area (demo areas tile Bolivia).
    joined = gpd.sjoin_nearest(centres, demo.areas[["admin1", "geometry"]], how="left")
    admin1 = joined[~joined.index.duplicated()]["admin1"].to_numpy()
    n = len(grid)
    population = np.maximum(1, rng.lognormal(np.log(MEAN_POPULATION) - 0.5, 1.0, n)).round().astype(int)

    # Smooth risk surface (per 100,000 per year) with three planted clusters. Far above real
    # rates, so that ~54-resident cells record some cases at all (SYNTHETIC).
    risk = 300.0 + 150.0 * np.sin(lon / 2.0) * np.cos(lat / 3.0)
    for c_lon, c_lat, height in ((-68.1, -16.5, 1500.0), (-63.2, -17.8, 1200.0), (-65.3, -19.6, 1000.0)):
        risk += height * np.exp(-((lon - c_lon) ** 2 + (lat - c_lat) ** 2) / (2 * 0.4**2))
    detection = rng.uniform(0.3, 1.0, n)
    frames = []
    for t, year in enumerate(YEARS):
        growth = 1.0 + 0.05 * t
        for kind, share in (("sexual", 0.6), ("labour", 0.4)):
            mean = population * risk * share * growth * detection / 1e5
            cases = rng.poisson(mean)
            victims = cases + rng.poisson(0.5 * cases)
            frames.append(pd.DataFrame({"area_id": grid["area_id"].to_numpy(), "period": year,
                                        "exploitation": kind, "cases": cases, "victims": victims}))
    cases = pd.concat(frames, ignore_index=True)
    mining = rng.random(n) < 0.1
    sectors = pd.DataFrame({"area_id": grid["area_id"].to_numpy()[mining], "sector": "mining",
                            "workers": rng.poisson(0.2 * population[mining])})
    areas = grid.assign(name=grid["area_id"], admin1=admin1, population=population)[
        ["area_id", "name", "admin1", "population", "geometry"]]
    layers: dict[str, pd.DataFrame] = {"areas": areas, "cases": cases, "sectors": sectors,
                                       "crossings": demo["crossings"], "migration": demo["migration"]}
    return Dataset(layers=layers, about={"title": "risk_scale benchmark (SYNTHETIC)", "synthetic": "true"},
                   source="benchmarks/risk_scale.py")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--resolution", type=int, default=7)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--permutations", type=int, default=999)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--skip-esda", action="store_true", help="do not time esda's Gi* (slow)")
    parser.add_argument("--pipeline-border-km", action="store_true",
                        help="keep the pipeline's own border_km (O(n^2) on this grid: hours)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")

    start = time.perf_counter()
    grid = hex_grid(args.resolution)
    print(f"grid: {len(grid):,} H3 resolution-{args.resolution} cells in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    w = h3_weights(grid["area_id"].tolist())
    print(f"weights from H3 neighbours: {time.perf_counter() - start:.1f} s "
          f"(mean {w.mean_neighbors:.2f} neighbours)")
    start = time.perf_counter()
    dataset = synthetic_dataset(grid, args.seed)
    print(f"synthetic dataset: {time.perf_counter() - start:.1f} s; layers "
          f"{ {k: len(v) for k, v in dataset.layers.items()} }; memory so far {peak_mb():,.0f} MB")

    original = risk.weights.spatial_weights
    risk.weights.spatial_weights = lambda areas, **_: w
    config = ScoreConfig(permutations=args.permutations, draws=args.draws, seed=args.seed)
    stages: dict[str, float] = {}
    peaks: dict[str, float] = {}
    undo = [_timed(stages, peaks, owner, name) for owner, name in STAGES]
    if not args.pipeline_border_km:
        # risk.indicators.border_km simplifies every area by 1 km before the union; H3 res-7
        # edges are ~1.4 km, so the union falls apart into ~200,000 pieces and the distance
        # to their outline is O(n^2). Same quantity, from the outline the grid was cut from.
        print("NOTE: risk.indicators.border_km replaced by the distance to Bolivia's outline "
              "(the pipeline's version ran over 25 minutes at this size on 2026-12-02; "
              "--pipeline-border-km keeps it)")
        pipeline_border = risk.indicators.border_km
        risk.indicators.border_km = outline_border_km
        undo.append(lambda: setattr(risk.indicators, "border_km", pipeline_border))
    try:
        start = time.perf_counter()
        scores = score(dataset, config)
        pipeline_seconds = time.perf_counter() - start
    finally:
        risk.weights.spatial_weights = original
        for restore in undo:
            restore()
    pipeline_peak = peak_mb()
    table = scores.area_scores
    print(f"pipeline (risk.pipeline.score, {args.permutations} permutations, {args.draws} draws): "
          f"{pipeline_seconds:.1f} s, peak {pipeline_peak:,.0f} MB")
    for label, seconds in stages.items():
        print(f"  stage {label}: {seconds:.1f} s (process peak when it last ended: "
              f"{peaks[label]:,.0f} MB)")
    print(f"  everything else: {pipeline_seconds - sum(stages.values()):.1f} s")
    print("  hotspot classes of the score:", table["hotspot"].value_counts().to_dict())
    print("  emerging categories:", table["emerging"].value_counts().to_dict())
    print("  missing:", scores.missing)

    values = table.set_index("area_id")["score"].reindex(w.id_order)
    start = time.perf_counter()
    Hotspots(permutations=args.permutations, seed=args.seed).fit(values, w)
    print(f"Vigía Hotspots (Gi* + Local Moran) alone: {time.perf_counter() - start:.1f} s")

    ratio = float("nan")
    if not args.skip_esda:
        from esda import G_Local

        start = time.perf_counter()
        G_Local(values.to_numpy(), w, transform="B", star=True, permutations=args.permutations,
                seed=args.seed, n_jobs=1, keep_simulations=False)
        esda_seconds = time.perf_counter() - start
        ratio = pipeline_seconds / esda_seconds
        print(f"esda G_Local (Gi*, {args.permutations} permutations, no numba) alone: {esda_seconds:.1f} s")
    print(f"RESULT cells={len(grid)} seconds={pipeline_seconds:.1f} peak_mb={pipeline_peak:.0f} "
          f"ratio_to_gi={ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
