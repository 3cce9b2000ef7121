"""Risk indicators per area, from whatever layers a dataset has.

Every indicator Vigía knows is registered in :data:`SPECS` as an
:class:`IndicatorSpec` saying its direction (does a higher value mean more
risk?), its unit, its weighting group and the layers it needs. A dataset with only ``areas`` still yields population and
geography; every indicator that cannot be computed is named in
:attr:`IndicatorTable.missing` with the reason, so the composite and the app
can say what the score rests on.

Case and victim rates are smoothed with esda's empirical Bayes estimator: a
municipality of 800 people with one case would otherwise show a rate of 125 per
100,000 and top every ranking on noise.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.contracts import CRS, HIGH_RISK_SECTORS
from geodata.dataset import Dataset
from geodata.travel import RoadNetworkTravel, travel_matrix

#: Km per degree of latitude (and of longitude at the equator).
KM_PER_DEGREE = 111.195

#: Rates are per this many residents.
PER = 100_000

#: Travel time (minutes) at which a crossing's flow counts half for an area: the
#: reach of a day trip from the crossing by bus.
HALF_LIFE_MINUTES = 90.0

#: Exploitation types scored separately; ``unknown`` is pooled with ``other``
#: because neither says which sector or setting to act on.
CASE_GROUPS: dict[str, tuple[str, ...]] = {
    "sexual": ("sexual",),
    "labour": ("labour",),
    "other": ("other", "unknown"),
}


@dataclass(frozen=True)
class IndicatorSpec:
    """What one indicator is: direction, unit, the layers it needs, and its group for weighting."""

    name: str
    label: str
    group: str
    direction: int
    unit: str
    layers: tuple[str, ...]
    description: str

    @property
    def uses_cases(self) -> bool:
        """True when it is computed from recorded cases (so it carries detection bias)."""
        return "cases" in self.layers


def sector_indicator(sector: str) -> str:
    """Indicator name of a sector: ``"brick-making"`` -> ``"sector_brick_making"``."""
    return "sector_" + re.sub(r"[^a-z0-9]+", "_", sector.lower()).strip("_")


def _specs() -> dict[str, IndicatorSpec]:
    specs = [
        IndicatorSpec(f"case_rate_{g}", f"{g} exploitation cases per 100,000", "cases", +1,
                      "cases per 100,000 residents per year (empirical Bayes)", ("areas", "cases"),
                      f"Recorded {'/'.join(types)} exploitation cases per 100,000 residents per year, "
                      "shrunk towards the national rate where the population is small.")
        for g, types in CASE_GROUPS.items()
    ]
    specs += [
        IndicatorSpec(f"victim_rate_{g}", f"{g} exploitation victims per 100,000", "victims", +1,
                      "victims per 100,000 residents per year (empirical Bayes)", ("areas", "cases"),
                      f"Identified victims of {'/'.join(types)} exploitation per 100,000 residents per year, "
                      "empirical-Bayes smoothed.")
        for g, types in CASE_GROUPS.items()
    ]
    specs.append(IndicatorSpec(
        "expected_rate", "modelled case rate", "cases", +1,
        "expected cases per 100,000 residents per year (model)", ("areas", "cases"),
        "Cases per 100,000 residents per year that the expected-cases model (risk.detection) predicts "
        "from the non-case indicators: the rate an area would record if it were policed like the average "
        "area. Less tied to where police already look than the recorded rates."))
    specs.append(IndicatorSpec(
        "migration_entries", "entries within reach", "migration", +1,
        "entries per year, weighted by travel-time decay", ("areas", "crossings", "migration"),
        f"Yearly entries at every crossing, each counted with weight 0.5^(minutes/{HALF_LIFE_MINUTES:g}) "
        "by travel time from the area."))
    specs.append(IndicatorSpec(
        "migration_irregular", "irregular entries within reach", "migration", +1,
        "irregular entries per year, weighted by travel-time decay", ("areas", "crossings", "migration"),
        "Yearly irregular entries detected at crossings, spread by the same travel-time decay."))
    for sector in HIGH_RISK_SECTORS:
        specs.append(IndicatorSpec(
            sector_indicator(sector), f"{sector} workers", "sectors", +1, "% of residents",
            ("areas", "sectors"), f"Workers in {sector} as a share of the area's residents."))
    specs.append(IndicatorSpec(
        "population", "population", "population", +1, "residents", ("areas",),
        "Residents: more people, more potential victims and more demand."))
    specs.append(IndicatorSpec(
        "border_km", "distance to the outer border", "geography", -1, "km", ("areas",),
        "Straight-line km from the area's representative point to the outer edge of all areas "
        "(the national border for a national dataset); nearer means more cross-border exposure."))
    return {s.name: s for s in specs}


#: Every indicator Vigía knows, by name.
SPECS: dict[str, IndicatorSpec] = _specs()


@dataclass
class IndicatorTable:
    """Raw indicator values (index ``area_id``), their specs, what is missing and the crossing reach.

    ``reach`` is the travel-time decay weight of each crossing for each area
    (rows = areas in ``values`` order, columns = ``crossing_ids``); the crossing
    scores reuse it for "risk around the crossing".
    """

    values: pd.DataFrame
    specs: dict[str, IndicatorSpec]
    missing: dict[str, str] = field(default_factory=dict)
    reach: np.ndarray | None = None
    crossing_ids: list[str] = field(default_factory=list)
    minutes: np.ndarray | None = None


def years_covered(periods: pd.Series) -> float:
    """How many years a set of periods spans: distinct years, or distinct months / 12."""
    text = periods.astype(str)
    if text.empty:
        return 0.0
    if (text.str.len() > 4).any():
        return max(text.nunique() / 12.0, 1.0 / 12.0)
    return float(text.nunique())


def smoothed_rate(events: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Empirical Bayes rates (esda) of ``events / base``; NaN where ``base`` is 0.

    esda's estimator weights each raw rate by ``v / (v + m / b)`` where ``v`` is
    the between-area variance of rates. When the raw rates vary less than Poisson
    noise alone would make them (``v <= 0``) that weight turns negative and would
    push rates past the mean; then every area gets the overall rate, the
    estimator's limit.
    """
    from esda.smoothing import Empirical_Bayes

    events = np.asarray(events, dtype=float)
    base = np.asarray(base, dtype=float)
    out = np.full(len(events), np.nan)
    ok = base > 0
    if not ok.any():
        return out
    e, b = events[ok], base[ok]
    mean = e.sum() / b.sum()
    if e.sum() == 0:
        out[ok] = 0.0
        return out
    raw = e / b
    between = (b * (raw - mean) ** 2).sum() / b.sum() - mean / b.mean()
    if between <= 0:
        out[ok] = mean
        return out
    out[ok] = np.asarray(Empirical_Bayes(e, b).r).ravel()
    return out


def _case_indicators(dataset: Dataset, area_ids: pd.Index, population: np.ndarray) -> dict[str, np.ndarray]:
    """Case and victim rates by exploitation group, per 100,000 per year."""
    cases = dataset["cases"]
    years = years_covered(cases["period"])
    exposure = population * max(years, 1e-9)
    out: dict[str, np.ndarray] = {}
    by_type = cases.groupby(["area_id", "exploitation"])[["cases", "victims"]].sum()
    for group, types in CASE_GROUPS.items():
        rows = by_type[by_type.index.get_level_values("exploitation").isin(types)]
        counts = rows.groupby(level="area_id")["cases"].sum().reindex(area_ids).fillna(0).to_numpy()
        out[f"case_rate_{group}"] = smoothed_rate(counts, exposure) * PER
        victims = rows.groupby(level="area_id")["victims"].sum().reindex(area_ids).fillna(0).to_numpy()
        out[f"victim_rate_{group}"] = smoothed_rate(victims, exposure) * PER
    return out


def representative_points(areas: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """One point inside each area (a centroid can fall outside a crescent-shaped municipality)."""
    return areas.geometry.representative_point()


def crossing_reach(minutes: np.ndarray) -> np.ndarray:
    """Travel-time decay weight ``0.5 ** (minutes / HALF_LIFE_MINUTES)``."""
    return np.power(0.5, np.asarray(minutes, dtype=float) / HALF_LIFE_MINUTES)


def _migration_indicators(dataset: Dataset, reach: np.ndarray, crossing_ids: list[str]) -> dict[str, np.ndarray]:
    migration = dataset["migration"]
    years = max(years_covered(migration["period"]), 1e-9)
    flows = migration.groupby("crossing_id")[["entries", "irregular"]].sum().reindex(crossing_ids).fillna(0) / years
    return {
        "migration_entries": reach @ flows["entries"].to_numpy(dtype=float),
        "migration_irregular": reach @ flows["irregular"].to_numpy(dtype=float),
    }


def _sector_indicators(dataset: Dataset, area_ids: pd.Index, population: np.ndarray) -> dict[str, np.ndarray]:
    """Share of residents (%) working in each high-risk sector present in the layer.

    An area with no row at all in ``sectors`` is unknown (NaN), not zero: an
    employment survey that skipped it says nothing about it. An area with rows
    for some sectors has zero workers in the others.
    """
    sectors = dataset["sectors"]
    table = sectors.pivot_table(index="area_id", columns="sector", values="workers", aggfunc="sum", fill_value=0)
    listed = area_ids.isin(table.index)
    table = table.reindex(area_ids)
    out: dict[str, np.ndarray] = {}
    with np.errstate(divide="ignore", invalid="ignore"):
        for sector in HIGH_RISK_SECTORS:
            if sector not in table.columns:
                continue
            workers = table[sector].fillna(0).to_numpy(dtype=float)
            share = np.where(population > 0, 100.0 * workers / population, np.nan)
            out[sector_indicator(sector)] = np.where(listed, share, np.nan)
    return out


def _outline_union(geoms: np.ndarray) -> shapely.Geometry:
    """Union of all areas, fast: a coverage union of the shapes snapped to ~1 m (exact
    for grids and clean boundaries, linear time), else a union of simplified shapes.
    Either can leave slivers between neighbours as holes, so callers keep exterior rings.
    """
    with contextlib.suppress(shapely.errors.GEOSException):  # not a coverage: the general union below
        union = shapely.coverage_union_all(shapely.set_precision(geoms, 1e-5))
        if shapely.is_valid(union):  # shapes that do not quite tile give an invalid union: not used
            return shapely.simplify(union, 0.01)
    return shapely.union_all(shapely.simplify(geoms, 0.01))


def border_km(areas: gpd.GeoDataFrame) -> np.ndarray:
    """Km from each area's representative point to the outer edge of all areas together.

    Distances are measured on a local equirectangular plane (km per degree of
    longitude taken at each point's own latitude, so a continent-wide dataset of
    whole countries stays within a few percent); border detail below ~1 km is
    simplified away, which changes nothing at this scale and keeps it fast.
    """
    geoms = areas.to_crs(CRS).geometry.to_numpy() if areas.crs is not None else areas.geometry.to_numpy()
    union = _outline_union(geoms)
    parts = shapely.get_parts(union)
    outline = shapely.union_all(shapely.get_exterior_ring(parts[shapely.get_type_id(parts) == 3]))
    points = shapely.point_on_surface(geoms)
    lon, lat = shapely.get_x(points), shapely.get_y(points)
    out = np.empty(len(geoms))
    bands = np.floor(lat).astype(int)  # one projection per degree of latitude: vectorised, < 1% scale error
    for band in np.unique(bands):
        rows = np.flatnonzero(bands == band)
        kx = KM_PER_DEGREE * np.cos(np.radians(band + 0.5))

        def to_km(c: np.ndarray, kx: float = kx) -> np.ndarray:
            return np.column_stack([c[:, 0] * kx, c[:, 1] * KM_PER_DEGREE])

        local = shapely.points(lon[rows] * kx, lat[rows] * KM_PER_DEGREE)
        out[rows] = shapely.distance(local, shapely.transform(outline, to_km))
    return out


def build_indicators(dataset: Dataset, travel: RoadNetworkTravel | None = None) -> IndicatorTable:
    """All indicators the dataset supports, with reasons for those it does not."""
    areas = dataset.areas
    area_ids = pd.Index(areas["area_id"].astype(str), name="area_id")
    population = areas["population"].to_numpy(dtype=float)
    columns: dict[str, np.ndarray] = {}
    missing: dict[str, str] = {}

    if "cases" in dataset and len(dataset["cases"]):
        columns.update(_case_indicators(dataset, area_ids, population))
    else:
        missing["cases"] = ("no 'cases' layer: case and victim rates, expected cases and the detection gap "
                            "cannot be computed; the score rests on the other indicators")

    reach = minutes = None
    crossing_ids: list[str] = []
    crossings = dataset.get("crossings")
    if crossings is not None and len(crossings):
        crossing_ids = crossings["crossing_id"].astype(str).tolist()
        matrix = travel_matrix(representative_points(areas), crossings.geometry, roads=travel)
        minutes = np.asarray(matrix.minutes, dtype=float)
        reach = crossing_reach(minutes)
    if reach is None:
        missing["crossings"] = "no 'crossings' layer: migration pressure and crossing scores cannot be computed"
    elif "migration" in dataset and len(dataset["migration"]):
        columns.update(_migration_indicators(dataset, reach, crossing_ids))
    else:
        missing["migration"] = "no 'migration' layer: migration pressure (entries, irregular entries) is not scored"

    if "sectors" in dataset and len(dataset["sectors"]):
        columns.update(_sector_indicators(dataset, area_ids, population))
    else:
        missing["sectors"] = "no 'sectors' layer: exposure to high-risk sectors (mining, Brazil nut, ...) is not scored"

    columns["population"] = population
    columns["border_km"] = border_km(areas) if len(areas) else np.array([])
    values = pd.DataFrame(columns, index=area_ids)
    specs = {name: SPECS[name] for name in values.columns}
    return IndicatorTable(values=values, specs=specs, missing=missing, reach=reach,
                          crossing_ids=crossing_ids, minutes=minutes)


def indicators(dataset: Dataset, travel: RoadNetworkTravel | None = None) -> pd.DataFrame:
    """Raw indicator values, index ``area_id``, one column per indicator the dataset supports."""
    return build_indicators(dataset, travel).values


def case_rate_panel(dataset: Dataset) -> pd.DataFrame | None:
    """Smoothed case rate per 100,000 (all forms) per area and year: the input of emerging hotspots.

    Monthly periods are summed into years (a month of a few cases is mostly
    noise). ``None`` without cases or with fewer than two years.
    """
    cases = dataset.get("cases")
    if cases is None or cases.empty:
        return None
    area_ids = pd.Index(dataset.areas["area_id"].astype(str), name="area_id")
    population = dataset.areas["population"].to_numpy(dtype=float)
    year = cases["period"].astype(str).str[:4]
    counts = cases.assign(year=year).pivot_table(index="area_id", columns="year", values="cases",
                                                 aggfunc="sum", fill_value=0)
    if counts.shape[1] < 2:
        return None
    counts = counts.reindex(area_ids).fillna(0)
    panel = {y: smoothed_rate(counts[y].to_numpy(dtype=float), population) * PER for y in sorted(counts.columns)}
    return pd.DataFrame(panel, index=area_ids)
