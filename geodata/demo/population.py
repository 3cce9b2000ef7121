"""SYNTHETIC municipal populations for the demo, matching the real CPV-2024 department totals.

A search of public repositories (December 2026) found no municipal census table (CPV-2024 or
2012) under a licence that allows shipping it: only department totals, and scripts that read
CPV-2012 municipal indicators from datos.gob.bo without the data or a stated licence. So the demo
makes up each municipality's population, and says so in every area's ``population_source`` and
in the dataset's ``about``; only the department totals are real.

Department totals: INE Bolivia, Censo de Población y Vivienda 2024, results published on
29 August 2024 (Bolivia 11,312,620). The split inside a department, seeded by
:data:`POPULATION_SEED` (fixed, so every demo seed has the same geography):

1. each municipality gets the GeoNames population (CC BY 4.0) of the places inside it (a place
   outside every polygon counts in the nearest), so La Paz, El Alto, Santa Cruz de la Sierra
   and Cochabamba stay the big ones; GeoNames gives "La Paz" the figure of the whole
   metropolitan area (2.0 million) and lists no El Alto, so :data:`SHARED_PLACES` moves half of
   it to El Alto (a synthetic choice; the census counts El Alto as the larger of the two);
2. plus a rural base of :data:`RURAL_BASE` residents times a log-normal factor (sd
   :data:`RURAL_SD`), the people outside named places;
3. the department total is shared in proportion to these weights (largest remainders), so the
   nine sums are exactly the census figures.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

#: Census population by department, INE CPV-2024 (published 2024-08-29). Sum: 11,312,620.
DEPARTMENT_POPULATION_CPV2024: dict[str, int] = {
    "Santa Cruz": 3_115_386,
    "La Paz": 3_022_566,
    "Cochabamba": 2_005_373,
    "Potosí": 856_419,
    "Chuquisaca": 600_132,
    "Oruro": 570_194,
    "Tarija": 534_348,
    "Beni": 477_441,
    "Pando": 130_761,
}

#: Rural residents of a municipality outside GeoNames places, before the department scaling
#: (Bolivia's ~3.8 million people outside named places over 343 units is ~11,000 each).
RURAL_BASE = 8_000
#: Spread of the rural base (log scale).
RURAL_SD = 0.6
#: Seed of the split (not the demo seed: the geography, populations included, is one for all seeds).
POPULATION_SEED = 2024

#: Area code -> (other area code, share): the share of the first area's GeoNames residents that
#: live in the second. La Paz (020101) -> El Alto (020105).
SHARED_PLACES: dict[str, tuple[str, float]] = {"020101": ("020105", 0.5)}

SOURCE = "synthetic: CPV-2024 department total (INE) split by GeoNames places + a seeded rural base"


def place_population(areas: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> np.ndarray:
    """GeoNames residents of the places in each area (a place outside all areas counts in the nearest)."""
    geoms = areas.geometry.to_numpy()
    points = places.geometry.to_numpy()
    tree = shapely.STRtree(geoms)
    owner = np.full(len(points), -1)
    place_idx, area_idx = tree.query(points, predicate="within")
    owner[place_idx] = area_idx
    outside = np.flatnonzero(owner < 0)
    if len(outside):
        owner[outside] = tree.query_nearest(points[outside], all_matches=False)[1]
    return np.bincount(owner, weights=places["population"].to_numpy(dtype=float), minlength=len(areas))


def _share(total: int, weights: np.ndarray) -> np.ndarray:
    """``total`` split in proportion to ``weights``, whole numbers summing exactly to ``total``."""
    exact = total * weights / weights.sum()
    whole = np.floor(exact).astype("int64")
    short = total - int(whole.sum())
    whole[np.argsort(-(exact - whole), kind="stable")[:short]] += 1
    return whole


def synthetic_population(areas: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> np.ndarray:
    """Population of each area (``admin1`` must be one of the nine departments)."""
    unknown = set(areas["admin1"]) - set(DEPARTMENT_POPULATION_CPV2024)
    if unknown:
        raise ValueError(f"no CPV-2024 total for departments {sorted(unknown)}")
    rng = np.random.default_rng(POPULATION_SEED)
    placed = place_population(areas, places)
    index = {code: i for i, code in enumerate(areas["area_id"].astype(str))}
    for code, (other, share) in SHARED_PLACES.items():
        if code in index and other in index:
            moved = placed[index[code]] * share
            placed[index[code]] -= moved
            placed[index[other]] += moved
    weights = placed + RURAL_BASE * rng.lognormal(0.0, RURAL_SD, len(areas))
    out = np.zeros(len(areas), dtype="int64")
    department = areas["admin1"].to_numpy()
    for name, total in DEPARTMENT_POPULATION_CPV2024.items():
        mask = department == name
        if mask.any():
            out[mask] = _share(total, weights[mask])
    return out
