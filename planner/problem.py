"""The inspection-planning problem as plain data: teams, sites, days, travel.

Like PyVRP's ``ProblemData``: frozen, validated once by :meth:`InspectionProblem.from_dataset`,
then read by every engine (and by :func:`planner.plan.greedy`) without further checks.
Times of day are minutes after midnight; travel minutes are whole minutes rounded up,
so a plan that fits these numbers also fits the travel model it came from.

Locations are one index space for the travel matrices: sites first (``0 .. S-1``), then
the distinct team start points, then the overnight towns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.dataset import Dataset
from geodata.problems import DataError, Problem
from planner.teams import Team, default_teams, normal_skill

if TYPE_CHECKING:
    from geodata.travel import RoadNetworkTravel

#: Longest field trip (consecutive working days away from the office, overnight stays between).
MAX_TRIP_DAYS = 5


@dataclass(frozen=True)
class Site:
    """A workplace that may be inspected. ``priority`` is the risk one visit covers."""

    site_id: str
    name: str
    lon: float
    lat: float
    sector: str
    priority: float
    service_minutes: int = 60
    open_from: int = 0
    open_to: int = 24 * 60
    must_visit: bool = False
    required_skill: str | None = None
    last_inspected: date | None = None
    area_id: str | None = None
    #: The area's ``admin1`` (department), for coverage per department.
    department: str | None = None
    #: ``random`` when drawn to learn (:mod:`planner.explore`), with the probability it was drawn with;
    #: ``planned`` (probability empty) when the planner targets it.
    selection: str = "planned"
    selection_probability: float | None = None


@dataclass(frozen=True)
class Town:
    """A place a team can sleep during a field trip (by default each area's seat)."""

    name: str
    lon: float
    lat: float
    area_id: str | None = None


@dataclass(frozen=True)
class LockedVisit:
    """A visit that re-planning must keep: same team, same day (and same start when given)."""

    site_id: str
    team_id: str
    day: date
    start_minute: int | None = None


@dataclass(frozen=True, eq=False)  # identity equality: it holds numpy matrices
class InspectionProblem:
    """Everything an engine needs. Build it with :meth:`from_dataset`.

    Attributes
    ----------
    teams, sites, towns:
        The actors and places; ``sites`` excludes nothing (engines decide what is visited).
    start, days:
        First day asked for and the working dates of the horizon (Monday to Friday).
    minutes, km:
        Driving between locations (see the module docstring for the index space);
        ``minutes`` are integers (rounded up), ``km`` floats.
    team_location:
        Location index of each team's start point (its office).
    locked:
        Visits kept by re-planning.
    dropped:
        Sites the user removed from the plan (never planned; reported as ``dropped``).
    priority_rule:
        One sentence on where the priorities came from, for the page and exports.
    travel_method:
        ``great_circle`` or ``road_network``.
    """

    teams: tuple[Team, ...]
    sites: tuple[Site, ...]
    start: date
    days: tuple[date, ...]
    minutes: np.ndarray
    km: np.ndarray
    team_location: tuple[int, ...]
    towns: tuple[Town, ...] = ()
    locked: tuple[LockedVisit, ...] = ()
    #: Site ids the user removed from this plan (listed as unplaced, reason ``dropped``).
    dropped: tuple[str, ...] = ()
    priority_rule: str = ""
    travel_method: str = "great_circle"
    max_trip_days: int = MAX_TRIP_DAYS
    trips_over_weekends: bool = False
    sources: dict[str, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        n = len(self.sites) + len(set(self.team_location)) + len(self.towns)
        if self.minutes.shape != (n, n) or self.km.shape != (n, n):
            raise ValueError(f"travel matrices must be {n}x{n}, got {self.minutes.shape} and {self.km.shape}")
        if len({t.team_id for t in self.teams}) != len(self.teams):
            raise ValueError("team ids must be unique")
        if len({s.site_id for s in self.sites}) != len(self.sites):
            raise ValueError("site ids must be unique")

    # ----------------------------------------------------------------- indices
    @property
    def town_offset(self) -> int:
        return len(self.sites) + len(set(self.team_location))

    def town_location(self, j: int) -> int:
        return self.town_offset + j

    def site_position(self, site_id: str) -> int:
        """Index of a site in :attr:`sites` (its location index too)."""
        return self._site_index()[site_id]

    def dropped_positions(self) -> set[int]:
        """Indices of the dropped sites (ids not in the problem are ignored: nothing to drop)."""
        index = self._site_index()
        return {index[site_id] for site_id in self.dropped if site_id in index}

    def team_position(self, team_id: str) -> int:
        return {t.team_id: k for k, t in enumerate(self.teams)}[team_id]

    def _site_index(self) -> dict[str, int]:
        cache = self.__dict__.get("_site_index_cache")
        if cache is None:
            cache = {s.site_id: i for i, s in enumerate(self.sites)}
            object.__setattr__(self, "_site_index_cache", cache)
        return cache

    def location_name(self, loc: int) -> str:
        """Plain name of a location (site, office or town)."""
        if loc < len(self.sites):
            return self.sites[loc].name
        if loc < self.town_offset:
            k = self.team_location.index(loc)
            return self.teams[k].office_id
        return self.towns[loc - self.town_offset].name

    def location_lonlat(self, loc: int) -> tuple[float, float]:
        if loc < len(self.sites):
            return self.sites[loc].lon, self.sites[loc].lat
        if loc < self.town_offset:
            team = self.teams[self.team_location.index(loc)]
            return team.lon, team.lat
        town = self.towns[loc - self.town_offset]
        return town.lon, town.lat

    def replace(self, **changes: object) -> InspectionProblem:
        """A copy with some fields changed (``locked=``, ``dropped=``, team ``dates``) sharing the matrices.

        Changing sites, towns or team start points needs :meth:`from_dataset` (the matrices index them).
        """
        from dataclasses import replace

        return replace(self, **changes)  # type: ignore[arg-type]

    def with_teams(self, teams: tuple[Team, ...] | list[Team]) -> InspectionProblem:
        """A copy with other teams (a lost day, other hours, a new team), the same sites, towns and days.

        Teams starting where the old ones did keep the travel matrices; a new start point
        needs new travel times, which only the great-circle model can give without its
        road data (``ValueError`` otherwise: build the problem again with the roads).
        """
        team_list = list(teams)
        starts, team_location = _start_points(team_list, len(self.sites))
        if starts == _start_points(list(self.teams), len(self.sites))[0]:
            return self.replace(teams=tuple(team_list), team_location=team_location)
        if self.travel_method != "great_circle":
            raise ValueError("the new teams start from other places and the travel times came from a road "
                             "network: build the problem again from the dataset and its roads")
        minutes, km, _ = _travel(self.sites, starts, list(self.towns), None)
        return self.replace(teams=tuple(team_list), team_location=team_location, minutes=minutes, km=km)

    # ------------------------------------------------------------ construction
    @classmethod
    def from_dataset(
        cls,
        dataset: Dataset,
        teams: list[Team] | None = None,
        scores: pd.DataFrame | None = None,
        start: date | None = None,
        days: int = 10,
        roads: RoadNetworkTravel | None = None,
        *,
        priority_column: str | None = None,
        locked: tuple[LockedVisit, ...] | list[LockedVisit] = (),
        towns: list[Town] | None = None,
        max_trip_days: int = MAX_TRIP_DAYS,
        trips_over_weekends: bool = False,
    ) -> InspectionProblem:
        """Sites, teams and travel from a validated dataset.

        ``teams`` defaults to :func:`planner.teams.default_teams`; ``scores`` is an
        ``area_scores`` frame (``area_id``, ``score``, optional geometry) giving each
        site its containing area's score; without it ``priority_column`` (a numeric
        column of ``sites``) or the sector x area rule of :mod:`planner.priority` sets
        priorities. ``start`` defaults to the next Monday. Raises ``DataError`` for
        data that cannot be planned and ``ValueError`` for calling mistakes.
        """
        from planner.priority import site_priorities

        source = dataset.source or "dataset"
        frame = dataset.get("sites")
        if frame is None or len(frame) == 0:
            raise DataError([Problem(source, "sites", None, None, "the dataset has no inspection sites",
                                     "add a 'sites' layer (points: site_id, name, sector) to plan inspections")])
        if days < 1:
            raise ValueError("days must be at least 1")
        start = start or _next_monday(date.today())
        working = working_days(start, days)
        team_list = list(teams) if teams is not None else default_teams(dataset)
        if not team_list:
            raise DataError([Problem(source, "offices", None, None, "there are no inspection teams",
                                     "add labour offices with staff to the dataset, or give a teams file")])
        sites_gdf = gpd.GeoDataFrame(frame).to_crs(4326) if isinstance(frame, gpd.GeoDataFrame) else frame
        area_ids = _containing_area(sites_gdf, dataset.areas)
        priority, rule = site_priorities(dataset, sites_gdf, area_ids, scores=scores, column=priority_column)
        admin1 = dict(zip(dataset.areas["area_id"].astype(str), dataset.areas["admin1"].astype(str))) \
            if "admin1" in dataset.areas else {}
        sites = tuple(_sites(sites_gdf, area_ids, priority, admin1))
        town_list = list(towns) if towns is not None else area_towns(dataset.areas)
        starts, team_location = _start_points(team_list, len(sites))
        minutes, km, method = _travel(sites, starts, town_list, roads)
        problem = cls(
            teams=tuple(team_list), sites=sites, start=start, days=working,
            minutes=minutes, km=km, team_location=team_location,
            towns=tuple(town_list), locked=tuple(locked), priority_rule=rule,
            travel_method=method, max_trip_days=max_trip_days, trips_over_weekends=trips_over_weekends,
            sources={"dataset": source},
        )
        check_locked(problem)
        return problem


def _start_points(teams: list[Team], n_sites: int) -> tuple[list[tuple[float, float]], tuple[int, ...]]:
    """The distinct team start points (in team order) and each team's location index."""
    starts: list[tuple[float, float]] = []
    team_location: list[int] = []
    for team in teams:
        point = (round(team.lon, 6), round(team.lat, 6))
        if point not in starts:
            starts.append(point)
        team_location.append(n_sites + starts.index(point))
    return starts, tuple(team_location)


def _travel(sites: tuple[Site, ...], starts: list[tuple[float, float]], towns: list[Town],
            roads: RoadNetworkTravel | None) -> tuple[np.ndarray, np.ndarray, str]:
    """Whole driving minutes (rounded up), km and the travel method over sites, starts and towns."""
    from geodata.travel import travel_matrix

    lonlat = np.array([(s.lon, s.lat) for s in sites] + starts + [(t.lon, t.lat) for t in towns], dtype=float)
    travel = travel_matrix(lonlat, roads=roads)
    minutes = np.ceil(np.asarray(travel.minutes, dtype=float) - 1e-9).astype(np.int64)
    np.fill_diagonal(minutes, 0)
    return minutes, np.array(travel.km, dtype=float), travel.method


def working_days(start: date, count: int) -> tuple[date, ...]:
    """The first ``count`` Monday-to-Friday dates from ``start`` (included when a weekday)."""
    out: list[date] = []
    day = start
    while len(out) < count:
        if day.weekday() < 5:
            out.append(day)
        day += timedelta(days=1)
    return tuple(out)


def _next_monday(today: date) -> date:
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def area_towns(areas: gpd.GeoDataFrame) -> list[Town]:
    """One overnight town per area: a point inside it (the seat when areas are municipalities)."""
    geo = gpd.GeoDataFrame(areas).to_crs(4326)
    points = geo.geometry.representative_point()
    names = geo["name"].astype(str) if "name" in geo else geo["area_id"].astype(str)
    return [Town(str(n), float(p.x), float(p.y), str(a)) for n, p, a in zip(names, points, geo["area_id"].astype(str))]


def _containing_area(sites: pd.DataFrame, areas: gpd.GeoDataFrame) -> pd.Series:
    """Area id of the polygon holding each site (nearest area when a point falls between polygons)."""
    if not isinstance(sites, gpd.GeoDataFrame):
        return sites.get("area_id", pd.Series([None] * len(sites), index=sites.index)).astype("object")
    geo_areas = gpd.GeoDataFrame(areas[["area_id", "geometry"]]).to_crs(4326)
    points = gpd.GeoDataFrame({"_row": np.arange(len(sites))}, geometry=sites.geometry.values, crs=4326)
    joined = gpd.sjoin(points, geo_areas, how="left", predicate="within").drop_duplicates("_row")
    found = joined.set_index("_row")["area_id"].reindex(np.arange(len(sites)))
    missing = found.isna().to_numpy()
    if missing.any():
        projected_areas = geo_areas.to_crs(3857)
        near = gpd.sjoin_nearest(points[missing].to_crs(3857), projected_areas, how="left").drop_duplicates("_row")
        found.loc[near["_row"].to_numpy()] = near["area_id"].to_numpy()
    return pd.Series(found.astype("object").to_numpy(), index=sites.index)


def _minutes_of(value: object, default: int) -> int:
    if value is None or (isinstance(value, float) and np.isnan(value)) or pd.isna(value):  # type: ignore[call-overload]
        return default
    text = str(value).strip()
    if not text:
        return default
    h, m = text.split(":")[:2]
    return int(h) * 60 + int(m)


def _date_of(value: object) -> date | None:
    if value is None or pd.isna(value):  # type: ignore[call-overload]
        return None
    try:  # the contract's period type: YYYY-MM or YYYY (read as the first day of the period)
        stamp = pd.Timestamp(str(value).strip())
    except ValueError:
        return None
    return None if pd.isna(stamp) else stamp.date()


def _sites(frame: pd.DataFrame, area_ids: pd.Series, priority: np.ndarray, admin1: dict[str, str]) -> list[Site]:
    out = []
    geom = frame.geometry if isinstance(frame, gpd.GeoDataFrame) else None
    for k, (_, row) in enumerate(frame.iterrows()):
        lon = float(geom.iloc[k].x) if geom is not None else float(row["lon"])
        lat = float(geom.iloc[k].y) if geom is not None else float(row["lat"])
        skill = row.get("required_skill")
        skill_text = None if skill is None or pd.isna(skill) or not str(skill).strip() else normal_skill(str(skill))
        service = row.get("service_minutes", 60)
        area = area_ids.iloc[k]
        out.append(Site(
            site_id=str(row["site_id"]), name=str(row["name"]), lon=lon, lat=lat,
            sector=str(row.get("sector", "")), priority=float(priority[k]),
            service_minutes=int(60 if service is None or pd.isna(service) else service),
            open_from=_minutes_of(row.get("open_from"), 0), open_to=_minutes_of(row.get("open_to"), 24 * 60),
            must_visit=bool(row.get("must_visit", False) is True or str(row.get("must_visit")).lower() == "true"),
            required_skill=skill_text, last_inspected=_date_of(row.get("last_inspected")),
            area_id=None if area is None or pd.isna(area) else str(area),
            department=None if area is None or pd.isna(area) else admin1.get(str(area)),
        ))
    return out


def check_locked(problem: InspectionProblem) -> None:
    """Locked visits must name a known site and team, a horizon day and a day the team works."""
    sites = {s.site_id for s in problem.sites}
    teams = {t.team_id: t for t in problem.teams}
    problems = []
    seen: set[str] = set()
    for lock in problem.locked:
        where = f"locked visit {lock.site_id} ({lock.team_id}, {lock.day})"
        if lock.site_id not in sites:
            problems.append(f"{where}: no such site")
        elif lock.site_id in problem.dropped:
            problems.append(f"{where}: the site is also dropped")
        elif lock.site_id in seen:
            problems.append(f"{where}: the site is locked twice")
        if lock.team_id not in teams:
            problems.append(f"{where}: no such team")
        elif lock.day not in problem.days or not teams[lock.team_id].available(lock.day):
            problems.append(f"{where}: the day is outside the horizon or the team does not work then")
        seen.add(lock.site_id)
    if problems:
        raise DataError([Problem("locked visits", None, None, None, text, "unlock the visit or fix its team/day")
                         for text in problems])
