"""Hand-made datasets for the risk tests: square-grid areas, whole countries, planted values."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.dataset import Dataset

YEARS = ("2021", "2022", "2023")


def grid_areas(side: int, *, lon0: float = -66.0, lat0: float = -18.0, cell: float = 0.25,
               seed: int = 0) -> gpd.GeoDataFrame:
    """``side`` x ``side`` square areas (EPSG:4326) in departments of 3 x 3, seeded populations."""
    rng = np.random.default_rng(seed)
    rows, cols = np.divmod(np.arange(side * side), side)
    return gpd.GeoDataFrame({
        "area_id": [f"A{r:02d}{c:02d}" for r, c in zip(rows, cols)],
        "name": [f"Area {r}-{c}" for r, c in zip(rows, cols)],
        "admin1": [f"D{r // 3}{c // 3}" for r, c in zip(rows, cols)],
        "population": rng.integers(2_000, 60_000, side * side).astype("int64"),
    }, geometry=[shapely.box(lon0 + c * cell, lat0 + r * cell, lon0 + (c + 1) * cell, lat0 + (r + 1) * cell)
                 for r, c in zip(rows, cols)], crs="EPSG:4326")


def full_dataset(side: int = 6, seed: int = 0) -> Dataset:
    """A grid with every scoring layer: cases, sectors, two crossings with migration."""
    rng = np.random.default_rng(seed)
    areas = grid_areas(side, seed=seed)
    ids = areas["area_id"].tolist()
    pop = areas["population"].to_numpy()
    cases = pd.DataFrame([
        {"area_id": a, "period": y, "exploitation": kind, "cases": int(c), "victims": int(c + rng.poisson(c * 0.5))}
        for a, p in zip(ids, pop) for y in YEARS for kind in ("sexual", "labour")
        for c in [rng.poisson(p * 4e-5)]
    ])
    sectors = pd.DataFrame([
        {"area_id": a, "sector": s, "workers": int(rng.poisson(p * share))}
        for a, p in zip(ids, pop) for s, share in (("mining", 0.02), ("agriculture", 0.2), ("textiles", 0.005))
    ])
    bounds = areas.total_bounds
    crossings = gpd.GeoDataFrame({
        "crossing_id": ["X1", "X2"], "name": ["Crossing one", "Crossing two"],
        "neighbour": ["PER", "CHL"], "kind": ["official", "unofficial"],
    }, geometry=[shapely.Point(bounds[0] - 0.01, bounds[1] + 0.1), shapely.Point(bounds[2] + 0.01, bounds[3] - 0.1)],
        crs="EPSG:4326")
    migration = pd.DataFrame([
        {"crossing_id": c, "period": y, "entries": e, "exits": e, "irregular": irr, "nat_VEN": v, "nat_PER": e // 3}
        for c, e, irr, v in (("X1", 50_000, 500, 1_000), ("X2", 5_000, 900, 2_000)) for y in YEARS
    ])
    return Dataset(layers={"areas": areas, "crossings": crossings, "cases": cases, "migration": migration,
                           "sectors": sectors}, about={"synthetic": "true"}, source="test grid")


def country_dataset() -> Dataset:
    """Areas that are whole countries (Bolivia and its neighbours, Natural Earth outlines), areas only."""
    from geodata.basemap import country_outlines

    countries = country_outlines()
    countries = countries[countries["iso3"].isin(["BOL", "PER", "CHL", "ARG", "BRA", "PRY"])].reset_index(drop=True)
    areas = gpd.GeoDataFrame({
        "area_id": countries["iso3"].astype(str), "name": countries["name"].astype(str),
        "admin1": "South America",
        "population": np.array([12, 34, 19, 46, 216, 7][: len(countries)], dtype="int64") * 1_000_000,
    }, geometry=countries.geometry.simplify(0.05).to_numpy(), crs="EPSG:4326")
    return Dataset(layers={"areas": areas}, source="countries")
