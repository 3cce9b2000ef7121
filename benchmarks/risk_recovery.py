"""Does Vigía find truly high-risk areas better than counting recorded cases? (run by hand, not a test)

    .venv/bin/python benchmarks/risk_recovery.py [--worlds 40] [--side 18] [--seed 7] [--preset forced_labour]

Each simulated world is a grid of ``side`` x ``side`` square areas over Bolivia's
latitude/longitude box, grouped into departments (``admin1``) of 6 x 6 areas, with:

* residents: log-normal (median 6,000, some cities of 100,000+);
* drivers a ministry can observe: workers in mining, Brazil nut, sugar cane and
  agriculture (spatially smooth fields plus noise) and crossings on the grid's
  edge with yearly entries and irregular entries;
* a HIDDEN true risk per resident: log-linear in the mining, Brazil-nut and
  sugar-cane shares and in migration exposure (agriculture and population have no
  effect), plus a spatially smooth unobserved part and area noise;
* true cases ~ Poisson(residents x risk x 8 years);
* recorded cases ~ Binomial(true cases, detection), where detection is set by
  department and by area (police and inspectors present or not) and is
  INDEPENDENT of risk: effort, not crime, decides most of what is recorded.

Truly high-risk areas are the top 10% by hidden risk per resident. We compare
the top 10% of:

* ``raw``   — recorded case counts (what a dashboard of cases shows);
* ``rate``  — empirical-Bayes smoothed recorded case rates (for reference);
* ``model`` — the expected-cases model's rate alone (for reference);
* ``vigia`` — Vigía's score, ``risk.pipeline`` with the ``forced_labour``
  preset the ministry would pick for labour exploitation (``--preset`` to
  try another), which never sees the hidden risk: it reads the same dataset a
  ministry would have (recorded cases, sectors, crossings and flows).

Recall = share of the truly high-risk areas found in a method's top 10%, averaged
over worlds. Ends with one line:

    RESULT raw_recall=<x> vigia_recall=<y> ratio=<y/x>
"""

from __future__ import annotations

import argparse
import time

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.dataset import Dataset
from risk.indicators import smoothed_rate
from risk.pipeline import ScoreConfig, prepare, recompose

LON0, LAT0, LON1, LAT1 = -69.5, -22.8, -57.6, -9.8
YEARS = [str(y) for y in range(2017, 2025)]
DEPARTMENT_CELLS = 6
TOP_SHARE = 0.10


def smooth_field(rng: np.random.Generator, side: int, passes: int = 3) -> np.ndarray:
    """A spatially smooth standard-normal field on the grid (box blur of white noise)."""
    f = rng.normal(size=(side, side))
    for _ in range(passes):
        p = np.pad(f, 1, mode="edge")
        f = (p[:-2, 1:-1] + p[2:, 1:-1] + p[1:-1, :-2] + p[1:-1, 2:] + p[1:-1, 1:-1]) / 5.0
    return ((f - f.mean()) / f.std()).ravel()


def world(side: int, rng: np.random.Generator) -> tuple[Dataset, np.ndarray]:
    """One simulated dataset and its hidden true risk per resident."""
    n = side * side
    rows, cols = np.divmod(np.arange(n), side)
    dx, dy = (LON1 - LON0) / side, (LAT1 - LAT0) / side
    geoms = [shapely.box(LON0 + c * dx, LAT0 + r * dy, LON0 + (c + 1) * dx, LAT0 + (r + 1) * dy)
             for r, c in zip(rows, cols)]
    area_ids = [f"A{i:04d}" for i in range(n)]
    dep = [f"D{r // DEPARTMENT_CELLS}{c // DEPARTMENT_CELLS}" for r, c in zip(rows, cols)]
    population = np.round(np.exp(rng.normal(np.log(6000), 1.0, n))).astype("int64") + 200
    areas = gpd.GeoDataFrame({"area_id": area_ids, "name": area_ids, "admin1": dep, "population": population},
                             geometry=geoms, crs="EPSG:4326")

    # Observable drivers: sector shares (fraction of residents) from smooth fields.
    mining = 0.04 * np.exp(0.9 * smooth_field(rng, side)) * rng.gamma(4, 0.25, n)
    nut = np.where(smooth_field(rng, side) > 0.8, 0.10 * rng.gamma(4, 0.25, n), 0.0)
    cane = np.where(smooth_field(rng, side) > 1.0, 0.06 * rng.gamma(4, 0.25, n), 0.0)
    agriculture = 0.25 * np.exp(0.4 * smooth_field(rng, side)) * rng.gamma(4, 0.25, n)
    shares = {"mining": mining, "brazil nut": nut, "sugar cane": cane, "agriculture": agriculture}
    sectors = pd.concat([
        pd.DataFrame({"area_id": area_ids, "sector": s, "workers": rng.poisson(population * v).astype("int64")})
        for s, v in shares.items()], ignore_index=True)
    sectors = sectors[sectors["workers"] > 0].reset_index(drop=True)

    # Crossings on the west and south edges, with entries and irregular entries.
    k = 8
    edge = rng.choice(side, size=k, replace=False)
    west = rng.random(k) < 0.5
    lon = np.where(west, LON0 + 0.02, LON0 + (edge + 0.5) * dx)
    lat = np.where(west, LAT0 + (edge + 0.5) * dy, LAT0 + 0.02)
    crossing_ids = [f"X{i}" for i in range(k)]
    crossings = gpd.GeoDataFrame({"crossing_id": crossing_ids, "name": crossing_ids,
                                  "neighbour": np.where(west, "PER", "ARG"), "kind": "official"},
                                 geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    entries = np.round(np.exp(rng.normal(np.log(60_000), 1.0, k))).astype("int64")
    irregular = np.round(entries * rng.uniform(0.002, 0.05, k)).astype("int64")
    migration = pd.DataFrame({
        "crossing_id": np.repeat(crossing_ids, len(YEARS)), "period": np.tile(YEARS, k),
        "entries": np.repeat(entries, len(YEARS)), "exits": np.repeat(entries, len(YEARS)),
        "irregular": np.repeat(irregular, len(YEARS)),
    })
    # Exposure to irregular migration: what the world uses (hidden from Vigía, which rebuilds its own).
    cx, cy = LON0 + (cols + 0.5) * dx, LAT0 + (rows + 0.5) * dy
    km = np.hypot((cx[:, None] - lon[None, :]) * 105.0, (cy[:, None] - lat[None, :]) * 111.0)
    exposure_mig = (np.exp(-km / 120.0) * irregular[None, :]).sum(axis=1)

    def z(v: np.ndarray) -> np.ndarray:
        return (v - v.mean()) / v.std()

    log_risk = (np.log(2e-5) + 0.45 * z(np.log(mining)) + 0.35 * z(nut) + 0.25 * z(cane)
                + 0.35 * z(np.log1p(exposure_mig)) + 0.35 * smooth_field(rng, side) + 0.25 * rng.normal(size=n))
    risk = np.exp(log_risk)
    true_cases = rng.poisson(population[:, None] * risk[:, None] * np.ones(len(YEARS))[None, :])
    dep_codes = pd.factorize(pd.Series(dep))[0]
    dep_effort = rng.uniform(0.05, 0.9, dep_codes.max() + 1)[dep_codes]
    detection = np.clip(dep_effort * np.exp(rng.normal(0.0, 0.8, n)), 0.01, 1.0)
    recorded = rng.binomial(true_cases, detection[:, None])
    cases = pd.DataFrame({
        "area_id": np.repeat(area_ids, len(YEARS)), "period": np.tile(YEARS, n), "exploitation": "labour",
        "cases": recorded.ravel().astype("int64"), "victims": recorded.ravel().astype("int64"),
    })
    layers = {"areas": areas, "crossings": crossings, "cases": cases, "migration": migration, "sectors": sectors}
    return Dataset(layers=layers, about={"synthetic": "true"}, source="simulated world"), risk


def recall(order_score: np.ndarray, truth: np.ndarray, top: int) -> float:
    """Share of the true top ``top`` areas among the ``top`` highest of ``order_score``."""
    picked = set(np.argsort(-order_score, kind="stable")[:top])
    true = set(np.argsort(-truth, kind="stable")[:top])
    return len(picked & true) / top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--worlds", type=int, default=40)
    parser.add_argument("--side", type=int, default=18)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--preset", default="forced_labour", help="Vigía weight preset (default forced_labour)")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    config = ScoreConfig(preset=args.preset, draws=0, permutations=0, seed=args.seed)
    results: dict[str, list[float]] = {"raw": [], "rate": [], "model": [], "vigia": []}
    start = time.perf_counter()
    for i in range(args.worlds):
        dataset, risk = world(args.side, rng)
        n = len(risk)
        top = max(1, int(np.ceil(TOP_SHARE * n)))
        cases = dataset["cases"].groupby("area_id")["cases"].sum().reindex(dataset.areas["area_id"]).to_numpy()
        pop = dataset.areas["population"].to_numpy(dtype=float)
        scores = recompose(prepare(dataset, config), config, hotspots=False).area_scores
        vigia = scores.set_index("area_id")["score"].reindex(dataset.areas["area_id"]).to_numpy()
        results["raw"].append(recall(cases.astype(float), risk, top))
        results["rate"].append(recall(smoothed_rate(cases, pop * len(YEARS)), risk, top))
        results["vigia"].append(recall(vigia, risk, top))
        expected = scores.set_index("area_id")["expected_cases"].reindex(dataset.areas["area_id"]).to_numpy()
        results["model"].append(recall(np.nan_to_num(expected / pop), risk, top))
        if i < 3 or (i + 1) % 10 == 0:
            print(f"world {i + 1:3d}: recall raw {results['raw'][-1]:.2f}  EB rate {results['rate'][-1]:.2f}  "
                  f"model {results['model'][-1]:.2f}  vigia {results['vigia'][-1]:.2f}")
    elapsed = time.perf_counter() - start
    means = {k: float(np.mean(v)) for k, v in results.items()}
    sds = {k: float(np.std(v)) for k, v in results.items()}
    print(f"{args.worlds} worlds of {args.side * args.side} areas in {elapsed:.1f} s")
    for k in results:
        print(f"  top-10% recall {k:6s}: {means[k]:.3f} (sd {sds[k]:.3f})")
    ratio = means["vigia"] / means["raw"] if means["raw"] > 0 else float("inf")
    print(f"RESULT raw_recall={means['raw']:.3f} vigia_recall={means['vigia']:.3f} ratio={ratio:.2f}")


if __name__ == "__main__":
    main()
