"""Display tables the pages show: aggregates only, never records as loaded.

Pages must not group or filter data themselves (the app only orchestrates), and
anything derived from ``cases`` must leave here already aggregated per area or
coarser and small-count suppressed, so a page cannot show a raw case row by
mistake. Column names are internal codes; pages translate them for display.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from geodata.dataset import Dataset
from geodata.privacy import SECONDARY, hidden_areas
from vigia.ui.privacy import suppress_counts, suppress_small


@dataclass(frozen=True)
class Coverage:
    """What the areas and the case table cover, for the risk-map page."""

    areas: int
    departments: int
    population: int
    areas_with_cases: int
    first_period: str | None
    last_period: str | None
    cases: str  # suppressed display text
    victims: str  # suppressed display text


def cases_per_area(dataset: Dataset) -> pd.DataFrame:
    """Cases and victims summed per area (all periods and types); raw integers.

    Indexed by ``area_id``; areas without any case row are absent. Callers that
    display these numbers must pass them through :func:`suppress_small`.
    """
    cases = dataset.get("cases")
    if cases is None or cases.empty:
        return pd.DataFrame(columns=["cases", "victims"], dtype="int64")
    return cases.groupby("area_id")[["cases", "victims"]].sum().astype("int64")


def area_case_texts(dataset: Dataset, thousands: str = ",") -> pd.Series:
    """Recorded cases per area as display text (map tooltips), indexed by ``area_id``.

    Department totals are published on the Data page, so the one area rule of
    :func:`geodata.privacy.hidden_areas` applies: small counts show as "<5" and,
    within a department, complementary areas as "*".
    """
    areas = dataset.areas
    ids = areas["area_id"].astype(str)
    cases = ids.map(cases_per_area(dataset)["cases"]).fillna(0).astype("int64")
    hidden = hidden_areas(pd.Series(cases.to_numpy(), index=ids), pd.Series(areas["admin1"].to_numpy(), index=ids))
    texts = [SECONDARY if second else suppress_small(c, thousands)
             for c, second in zip(cases, hidden["secondary"], strict=True)]
    return pd.Series(texts, index=ids)


def coverage(dataset: Dataset, thousands: str = ",") -> Coverage:
    """Headline coverage figures: areas, departments, people, case-data reach."""
    areas = dataset.areas
    per_area = cases_per_area(dataset)
    with_cases = per_area[per_area["cases"] > 0].index.intersection(areas["area_id"])
    cases = dataset.get("cases")
    periods = sorted(cases["period"].astype(str).unique()) if cases is not None and not cases.empty else []
    return Coverage(
        areas=len(areas),
        departments=int(areas["admin1"].nunique()),
        population=int(areas["population"].sum()),
        areas_with_cases=len(with_cases),
        first_period=periods[0] if periods else None,
        last_period=periods[-1] if periods else None,
        cases=suppress_small(per_area["cases"].sum(), thousands) if cases is not None else "",
        victims=suppress_small(per_area["victims"].sum(), thousands) if cases is not None else "",
    )


def departments_table(dataset: Dataset, thousands: str = ",") -> pd.DataFrame:
    """One row per department: areas, population, areas with cases, cases, victims.

    ``cases`` and ``victims`` are suppressed text (1-4 shown as "<5", complements as "*").
    """
    areas = pd.DataFrame(dataset.areas.drop(columns=dataset.areas.geometry.name))
    per_area = cases_per_area(dataset)
    joined = areas[["area_id", "admin1", "population"]].merge(
        per_area, left_on="area_id", right_index=True, how="left"
    )
    joined[["cases", "victims"]] = joined[["cases", "victims"]].fillna(0).astype("int64")
    table = joined.groupby("admin1").agg(
        areas=("area_id", "size"),
        population=("population", "sum"),
        areas_with_cases=("cases", lambda s: int((s > 0).sum())),
        cases=("cases", "sum"),
        victims=("victims", "sum"),
    )
    table = table.sort_values("population", ascending=False).reset_index()
    if dataset.get("cases") is None:
        table[["cases", "victims"]] = ""
        return table
    # The national totals are published too (coverage): complements keep a small department unsolvable.
    return suppress_counts(table, ["cases", "victims"], column_totals=True, thousands=thousands)


def _department_of(points: gpd.GeoDataFrame, dataset: Dataset) -> pd.Series:
    """Department (``admin1``) of each point, by the area it falls in."""
    areas = dataset.areas[["admin1", dataset.areas.geometry.name]]
    joined = gpd.sjoin(points[[points.geometry.name]], areas, how="left", predicate="within")
    return joined.groupby(level=0)["admin1"].first().reindex(points.index)


def sites_by_sector(dataset: Dataset) -> pd.DataFrame:
    """Workplaces per sector: count, must-visit count, departments, mean visit minutes."""
    sites = dataset.get("sites")
    if sites is None or sites.empty:
        return pd.DataFrame(columns=["sector", "sites", "must_visit", "departments", "service_minutes"])
    frame = pd.DataFrame({"sector": sites["sector"].astype(str)})
    frame["must_visit"] = sites["must_visit"].fillna(False).astype(bool) if "must_visit" in sites else False
    frame["service_minutes"] = sites.get("service_minutes", 60)
    frame["department"] = _department_of(sites, dataset)
    table = frame.groupby("sector").agg(
        sites=("sector", "size"),
        must_visit=("must_visit", "sum"),
        departments=("department", "nunique"),
        service_minutes=("service_minutes", "mean"),
    )
    table["service_minutes"] = table["service_minutes"].round().astype("int64")
    table["must_visit"] = table["must_visit"].astype("int64")
    return table.sort_values(["sites", "sector"], ascending=[False, True]).reset_index()


def offices_table(dataset: Dataset, kind: str) -> pd.DataFrame:
    """Offices of one ``kind`` (``labour`` or ``police``): name, department, staff."""
    offices = dataset.get("offices")
    if offices is None or offices.empty:
        return pd.DataFrame(columns=["name", "department", "staff"])
    chosen = offices[offices["kind"] == kind]
    table = pd.DataFrame(
        {"name": chosen["name"], "department": _department_of(chosen, dataset), "staff": chosen["staff"]}
    )
    return table.sort_values(["department", "name"]).reset_index(drop=True)


def migration_by_crossing(dataset: Dataset) -> pd.DataFrame:
    """One row per crossing: kind, neighbour, periods reported, entries, exits, irregular.

    Crossings with no migration rows are kept with empty figures, so a patrol
    chief sees where data is missing rather than a shorter table.
    """
    crossings = dataset.get("crossings")
    if crossings is None or crossings.empty:
        return pd.DataFrame(columns=["crossing_id", "name", "neighbour", "kind", "periods",
                                     "entries", "exits", "irregular"])
    table = pd.DataFrame(crossings[["crossing_id", "name", "neighbour", "kind"]])
    migration = dataset.get("migration")
    if migration is not None and not migration.empty:
        flows = migration.groupby("crossing_id").agg(
            periods=("period", "nunique"),
            entries=("entries", "sum"),
            exits=("exits", "sum"),
            irregular=("irregular", "sum"),
        )
        table = table.merge(flows, left_on="crossing_id", right_index=True, how="left")
    else:
        for column in ("periods", "entries", "exits", "irregular"):
            table[column] = pd.NA
    for column in ("periods", "entries", "exits", "irregular"):
        table[column] = table[column].astype("Int64")
    return table.sort_values(["irregular", "name"], ascending=[False, True], na_position="last").reset_index(drop=True)


def layer_counts(dataset: Dataset) -> pd.DataFrame:
    """Rows per layer present in the dataset (aggregated tables count table rows)."""
    return pd.DataFrame({"layer": list(dataset.layers), "rows": [len(f) for f in dataset.layers.values()]})
