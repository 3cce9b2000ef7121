"""The demo's SYNTHETIC inspection history: three years of visits and what they found.

Nothing here is a record of real inspections. The history is drawn so that every view of
learning from results has something true to find, and so that the usual trap is there too:

* **A hidden true yield per site.** Each site has an expected number of victims per visit,
  ``exp(log SECTOR_YIELD[sector] + area effect + site effect)``: a sector effect (harvest
  camps and mines yield most, agriculture least), an area effect shared by the sites of one
  area (normal, sd :data:`AREA_SD`) and a site effect (normal, sd :data:`SITE_SD`). Victims
  at a visit are Poisson with that mean. The yield is never written into the dataset;
  :func:`true_yield` gives it to tests and benchmarks that check what a model recovers.
* **Selection biased towards offices.** ``planned`` visits go where inspectors can easily
  go: sites are drawn with weight ``SITE_PRIORITY[sector] * exp(-km to the nearest labour
  office / OFFICE_KM)``, so distant sites are rarely seen whatever they hold, and "no
  victims found there" mostly means "nobody went".
* **A random share with known probabilities.** Each year every site is also drawn
  independently (Poisson sampling) with probability ``selection_probability`` (higher for
  riskier sectors, never below :data:`MIN_PROBABILITY`), about :data:`RANDOM_VISITS` visits
  a year. These ``random`` rows let results be weighted honestly (inverse probability).
* Must-visit sites get a ``complaint`` visit each year; a site where a visit found victims
  gets a ``follow_up`` visit the next year with probability :data:`FOLLOW_UP_SHARE`.

The draws come from their own stream (:func:`geodata.demo.figures.rng_for` ``"history"``), so
adding this layer changed no other figure of the demo.
"""

from __future__ import annotations

import datetime as dt

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.demo.crossings import KM_PER_DEG_LAT, km_per_deg_lon
from geodata.demo.figures import SITE_PRIORITY, YEARS, rng_for

#: The last three years of the demo's figures.
HISTORY_YEARS: tuple[int, ...] = YEARS[-3:]

#: Planned visits a year (of the order of the 145 labour inspections in the Amazon, northern Santa
#: Cruz and the Chaco that US TIP 2020 reports for 2019).
PLANNED_VISITS = 140

#: Expected random visits a year (the Dutch labour authority keeps a random share of this order).
RANDOM_VISITS = 30

#: No site's chance of a random visit is below this.
MIN_PROBABILITY = 0.02

#: Planned-visit weight falls by e for every this many km from the nearest labour office.
OFFICE_KM = 60.0

#: Expected victims per visit by sector before area and site effects (SYNTHETIC, stylised from the
#: order of findings the US TIP and DOL reports describe: harvest camps and mines first).
SECTOR_YIELD: dict[str, float] = {
    "brazil nut": 0.45, "sugar cane": 0.40, "mining": 0.30, "ranching": 0.25, "brick-making": 0.20,
    "textiles": 0.20, "logging": 0.15, "domestic work": 0.08, "agriculture": 0.04,
}

#: Spread (log scale) of the area effect and of the site effect.
AREA_SD = 0.6
SITE_SD = 0.8

#: Chance a site where victims were found is visited again the next year.
FOLLOW_UP_SHARE = 0.5

#: Typical workers present at a visit, by sector (SYNTHETIC).
WORKERS: dict[str, float] = {
    "brazil nut": 25, "sugar cane": 40, "mining": 30, "ranching": 12, "brick-making": 15,
    "textiles": 12, "logging": 15, "domestic work": 4, "agriculture": 10,
}


def true_yield(sites: pd.DataFrame, seed: int) -> np.ndarray:
    """The hidden expected victims per visit of every site (same seed, same yield)."""
    rng = rng_for(seed, "history")
    return _yield(sites, rng)


def _yield(sites: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    areas = pd.Index(sorted(sites["area_id"].astype(str).unique()))
    area_effect = rng.normal(0.0, AREA_SD, len(areas))
    site_effect = rng.normal(0.0, SITE_SD, len(sites))
    base = np.log(sites["sector"].map(SECTOR_YIELD).fillna(min(SECTOR_YIELD.values())).to_numpy(dtype=float))
    return np.exp(base + area_effect[areas.get_indexer(sites["area_id"].astype(str))] + site_effect)


def office_km(sites: gpd.GeoDataFrame, offices: gpd.GeoDataFrame) -> np.ndarray:
    """Km from each site to its nearest labour office (flat-earth, ample at this scale)."""
    labour = offices[offices["kind"] == "labour"]
    lon, lat = sites.geometry.x.to_numpy(), sites.geometry.y.to_numpy()
    nearest = np.full(len(sites), np.inf)
    for point in labour.geometry:
        dx = (lon - point.x) * km_per_deg_lon(point.y)
        dy = (lat - point.y) * KM_PER_DEG_LAT
        nearest = np.minimum(nearest, np.hypot(dx, dy))
    return nearest


def random_probabilities(sites: pd.DataFrame) -> np.ndarray:
    """Each site's chance of a random visit in a year: riskier sectors more, every site at least a little."""
    weight = 1.0 + sites["sector"].map(SITE_PRIORITY).fillna(0.0).to_numpy(dtype=float)
    return np.clip(RANDOM_VISITS * weight / weight.sum(), MIN_PROBABILITY, 1.0)


def inspection_history(sites: gpd.GeoDataFrame, offices: gpd.GeoDataFrame, seed: int) -> pd.DataFrame:
    """The ``inspections`` layer of the demo: :data:`HISTORY_YEARS` of visits, one row each."""
    rng = rng_for(seed, "history")
    yields = _yield(sites, rng)  # first draws of the stream: the same as true_yield()
    planned_weight = sites["sector"].map(SITE_PRIORITY).fillna(0.1).to_numpy(dtype=float) \
        * np.exp(-office_km(sites, offices) / OFFICE_KM)
    chance = random_probabilities(sites)
    must = np.flatnonzero(sites["must_visit"].to_numpy(dtype=bool)) if "must_visit" in sites else np.array([], int)
    rows: list[dict[str, object]] = []
    found_last_year: np.ndarray = np.array([], dtype=int)
    for year in HISTORY_YEARS:
        visits: list[tuple[int, str, float | None]] = []
        planned = rng.choice(len(sites), size=min(PLANNED_VISITS, len(sites)), replace=False,
                             p=planned_weight / planned_weight.sum())
        visits += [(int(i), "planned", None) for i in planned]
        drawn = np.flatnonzero(rng.random(len(sites)) < chance)
        visits += [(int(i), "random", float(round(chance[i], 4))) for i in drawn]
        visits += [(int(i), "complaint", None) for i in must]
        again = found_last_year[rng.random(len(found_last_year)) < FOLLOW_UP_SHARE]
        visits += [(int(i), "follow_up", None) for i in again]
        days = _workdays(year)
        found = []
        for i, selection, probability in visits:
            victims = int(rng.poisson(yields[i]))
            sector = str(sites["sector"].iloc[i])
            rows.append({
                "date": days[rng.integers(len(days))], "area_id": str(sites["area_id"].iloc[i]),
                "site_id": str(sites["site_id"].iloc[i]), "sector": sector, "victims": victims,
                "violations": int(rng.poisson(1.0 + 4.0 * yields[i])),
                "workers": int(rng.poisson(WORKERS.get(sector, 10))) + victims,
                "selection": selection, "selection_probability": probability,
            })
            if victims:
                found.append(i)
        found_last_year = np.unique(np.array(found, dtype=int))
    frame = pd.DataFrame(rows).sort_values(["date", "site_id"], kind="stable").reset_index(drop=True)
    frame.insert(0, "inspection_id", [f"DEMO-I{d[:4]}-{k:04d}" for k, d in enumerate(frame["date"], start=1)])
    for column in ("victims", "violations", "workers"):
        frame[column] = frame[column].astype("int64")
    frame["selection_probability"] = frame["selection_probability"].astype(float)
    return frame


def _workdays(year: int) -> list[str]:
    """Monday-Friday days of ``year`` as YYYY-MM-DD."""
    day, out = dt.date(year, 1, 1), []
    while day.year == year:
        if day.weekday() < 5:
            out.append(day.isoformat())
        day += dt.timedelta(days=1)
    return out
