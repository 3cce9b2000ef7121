"""Coverage problems from a dataset: inspection offices over areas, checkpoints over crossings.

Scores arrive as plain arrays (``area_ids``/``risk``/``draws``), so the planner needs
no ``risk`` import. Today's resources follow the planners the chiefs use:
inspection teams from :func:`planner.teams.default_teams` (or a teams list), patrol
units from :func:`planner.patrols.units.default_units`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import geopandas as gpd
import numpy as np

from geodata.dataset import Dataset
from geodata.problems import DataError, Problem
from planner.coverage.candidates import Candidate
from planner.coverage.model import CoverageProblem
from planner.teams import MAX_DRIVE_MINUTES, Team

#: Default reach of an office: half a day's driving limit, so a team goes, inspects and is back the same day.
OFFICE_REACH_MINUTES = MAX_DRIVE_MINUTES / 2

#: A crossing with a police base closer than this already has its checkpoint.
CHECKPOINT_KM = 5.0


def dataset_bbox(dataset: Dataset) -> tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) of the dataset's areas in degrees."""
    minx, miny, maxx, maxy = gpd.GeoDataFrame(dataset.areas).to_crs(4326).total_bounds
    return float(minx), float(miny), float(maxx), float(maxy)


def _area_points(dataset: Dataset, area_ids: Sequence[str]) -> np.ndarray:
    """One point inside each area (its representative point), in the order of ``area_ids``."""
    areas = gpd.GeoDataFrame(dataset.areas).to_crs(4326)
    points = areas.set_index(areas["area_id"].astype(str)).geometry.representative_point()
    missing = [a for a in area_ids if a not in points.index]
    if missing:
        raise DataError([Problem(dataset.source or "dataset", "areas", None, "area_id",
                                 f"{len(missing)} scored area(s) are not in the dataset, e.g. {missing[0]}",
                                 "use the scores made from this dataset")])
    chosen = points.reindex(list(area_ids))
    return np.column_stack([chosen.x.to_numpy(), chosen.y.to_numpy()])


def _sites(existing: list[tuple[str, str, float, float, int]], candidates: Sequence[Candidate]
           ) -> tuple[list[str], list[str], np.ndarray, np.ndarray, np.ndarray]:
    ids = [e[0] for e in existing] + [c.candidate_id for c in candidates]
    names = [e[1] for e in existing] + [c.name for c in candidates]
    lonlat = np.array([(e[2], e[3]) for e in existing] + [(c.lon, c.lat) for c in candidates], dtype=float)
    teams = np.array([e[4] for e in existing] + [0] * len(candidates), dtype=int)
    flag = np.array([True] * len(existing) + [False] * len(candidates), dtype=bool)
    return ids, names, lonlat.reshape(-1, 2), teams, flag


def office_problem(dataset: Dataset, area_ids: Sequence[str], risk: np.ndarray, candidates: Sequence[Candidate],
                   *, draws: np.ndarray | None = None, teams: Sequence[Team] | None = None,
                   reach_minutes: float = OFFICE_REACH_MINUTES, demand: str = "areas") -> CoverageProblem:
    """Areas (risk = their score) covered by inspection offices with their teams, plus ``candidates``.

    ``demand="sites"``: the inspection sites are the demand points instead, each with the
    risk of the area holding it (the priority the inspection planner gives it).
    """
    from geodata.travel import travel_matrix
    from planner.teams import default_teams

    team_list = list(teams) if teams is not None else default_teams(dataset)
    if not team_list:
        raise DataError([Problem(dataset.source or "dataset", "offices", None, None, "there are no inspection teams",
                                 "add labour offices with staff to the dataset, or give a teams file")])
    count = Counter(t.office_id for t in team_list)
    first = {t.office_id: t for t in reversed(team_list)}
    names = _office_names(dataset)
    existing = [(o, names.get(o, o), first[o].lon, first[o].lat, count[o]) for o in count]
    ids, site_names, lonlat, today, flag = _sites(existing, candidates)
    if demand == "sites":
        point_ids, points, risk, draws = _site_demand(dataset, [str(a) for a in area_ids], risk, draws)
    else:
        point_ids, points = [str(a) for a in area_ids], _area_points(dataset, [str(a) for a in area_ids])
    minutes = travel_matrix(lonlat, points).minutes
    return CoverageProblem.from_minutes(point_ids, risk, ids, site_names, lonlat, today, flag,
                                        minutes, reach_minutes, draws)


def _site_demand(dataset: Dataset, area_ids: list[str], risk: np.ndarray, draws: np.ndarray | None
                 ) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray | None]:
    """Inspection sites as demand points: each carries its area's risk (the planner's own priority)."""
    from planner.problem import _containing_area

    sites = dataset.get("sites")
    if sites is None or len(sites) == 0:
        raise DataError([Problem(dataset.source or "dataset", "sites", None, None, "the dataset has no sites",
                                 "use the areas as demand, or add a 'sites' layer")])
    sites = gpd.GeoDataFrame(sites).to_crs(4326)
    position = {a: k for k, a in enumerate(area_ids)}
    rows = np.array([position.get(str(a), -1) for a in _containing_area(sites, dataset.areas)])
    keep = rows >= 0
    lonlat = np.column_stack([sites.geometry.x.to_numpy(), sites.geometry.y.to_numpy()])[keep]
    ids = sites["site_id"].astype(str).to_numpy()[keep].tolist()
    chosen = rows[keep]
    return ids, lonlat, np.asarray(risk, dtype=float)[chosen], None if draws is None else np.asarray(draws)[chosen]


def _office_names(dataset: Dataset) -> dict[str, str]:
    offices = dataset.get("offices")
    if offices is None:
        return {}
    return dict(zip(offices["office_id"].astype(str), offices["name"].astype(str)))


def open_crossings(dataset: Dataset, min_km: float = CHECKPOINT_KM) -> list[Candidate]:
    """Crossings with no police base within ``min_km``: where a new checkpoint could stand."""
    from geodata.travel import haversine_km

    crossings = dataset.get("crossings")
    if crossings is None or len(crossings) == 0:
        return []
    crossings = gpd.GeoDataFrame(crossings).to_crs(4326)
    offices = dataset.get("offices")
    police = gpd.GeoDataFrame(offices[offices["kind"].astype(str) == "police"]).to_crs(4326) \
        if offices is not None else None
    out = []
    for cid, name, x, y in zip(crossings["crossing_id"].astype(str), crossings["name"].astype(str),
                               crossings.geometry.x, crossings.geometry.y):
        if police is not None and len(police):
            km = haversine_km(police.geometry.x.to_numpy(), police.geometry.y.to_numpy(),
                              np.full(len(police), x), np.full(len(police), y))
            if km.min() < min_km:
                continue
        out.append(Candidate(f"X-{cid}", name, float(x), float(y)))
    return out


def checkpoint_problem(dataset: Dataset, crossing_ids: Sequence[str], risk: np.ndarray,
                       candidates: Sequence[Candidate] | None = None, *, draws: np.ndarray | None = None,
                       reach_minutes: float | None = None) -> CoverageProblem:
    """Crossings (risk = their score) covered by police patrol units, plus new checkpoints.

    A unit reaches a crossing when its base is within the patrol model's travel limit
    (:class:`planner.patrols.model.Rules`); a new checkpoint holds one unit.
    """
    from geodata.travel import travel_matrix
    from planner.patrols.model import Rules
    from planner.patrols.units import default_units

    units = default_units(dataset)
    count = Counter(u.base_id for u in units)
    first = {u.base_id: u for u in reversed(units)}
    names = _office_names(dataset)
    existing = [(b, names.get(b, b), first[b].lon, first[b].lat, count[b]) for b in count]
    chosen = list(candidates) if candidates is not None else open_crossings(dataset)
    ids, site_names, lonlat, today, flag = _sites(existing, chosen)
    crossings = gpd.GeoDataFrame(dataset["crossings"]).to_crs(4326)
    crossings = crossings.set_index(crossings["crossing_id"].astype(str)).reindex([str(c) for c in crossing_ids])
    if crossings.geometry.isna().any():
        raise DataError([Problem(dataset.source or "dataset", "crossings", None, "crossing_id",
                                 "some scored crossings are not in the dataset", "use the scores made from this dataset")])
    points = np.column_stack([crossings.geometry.x.to_numpy(), crossings.geometry.y.to_numpy()])
    minutes = travel_matrix(lonlat, points).minutes
    reach = Rules().max_travel_minutes if reach_minutes is None else reach_minutes
    return CoverageProblem.from_minutes([str(c) for c in crossing_ids], risk, ids, site_names, lonlat, today, flag,
                                        minutes, reach, draws)
