"""What a route sheet shows, as plain data: teams, their days, each day's stops with legs.

The template (``planner/templates/route_sheet.html.j2``) only formats these objects, so
the HTML sheet, its PDF and the navigation files (GPX, KML) show the same stops, times,
kilometres and minutes. Legs come from the problem's own travel matrices: the km and
minutes a stop shows are the ones the planner used, and a day's legs add up to its total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from planner.export_texts import sector_text
from planner.exports import PlanContext, routes_frame, stops_frame
from planner.plan import Plan, Visit
from planner.problem import InspectionProblem


@dataclass(frozen=True)
class SheetStop:
    """One stop of a day: ``kind`` is ``office``, ``overnight`` or ``visit`` (``order`` 1.. for visits)."""

    kind: str
    order: int
    name: str
    site_id: str
    sector: str
    department: str
    municipality: str
    lon: float
    lat: float
    arrive: datetime | None
    depart: datetime | None
    km_from_previous: float | None
    minutes_from_previous: int | None
    must_visit: bool
    locked: bool
    #: Why the visit is in the plan (``planned`` or ``random``) and, when drawn at random, its probability.
    selection: str = "planned"
    selection_probability: float | None = None

    @property
    def geo_uri(self) -> str:
        """``geo:`` URI (RFC 5870) that opens the point in a phone's map app, offline maps included."""
        return f"geo:{self.lat:.5f},{self.lon:.5f}"


@dataclass(frozen=True)
class SheetDay:
    """One team-day: its stops in order (start and end included) and its totals."""

    number: int
    day: date
    stops: tuple[SheetStop, ...]
    km: float
    drive_minutes: int
    overnight: str

    @property
    def visits(self) -> tuple[SheetStop, ...]:
        return tuple(s for s in self.stops if s.kind == "visit")

    @property
    def start(self) -> SheetStop:
        return self.stops[0]

    @property
    def end(self) -> SheetStop:
        return self.stops[-1]


@dataclass(frozen=True)
class SheetTeam:
    """A team's sheet: who, from where, when, and its days (only those that move)."""

    team_id: str
    name: str
    office: str
    members: int
    first_day: date | None
    last_day: date | None
    days: tuple[SheetDay, ...]


def _locations(problem: InspectionProblem) -> dict[tuple[float, float], int]:
    """Start/end points by rounded coordinates -> location index: offices and towns first, then
    sites (a field trip may sleep at its last site)."""
    found: dict[tuple[float, float], int] = {}
    count = problem.town_offset + len(problem.towns)
    for loc in [*range(len(problem.sites), count), *range(len(problem.sites))]:
        lon, lat = problem.location_lonlat(loc)
        found.setdefault((round(lon, 6), round(lat, 6)), loc)
    return found


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _time(value: object) -> datetime | None:
    return None if _missing(value) else pd.Timestamp(value).to_pydatetime()  # type: ignore[arg-type]


def _selection(visit: Visit | None) -> tuple[str, float | None]:
    """A visit's ``selection`` and ``selection_probability`` (start and end points: planned, none)."""
    if visit is None:
        return "planned", None
    return visit.selection or "planned", visit.selection_probability


def sheet_teams(plan: Plan, context: PlanContext, lang: str = "es") -> list[SheetTeam]:
    """Every team of the problem with its days; teams without a moving day get ``days=()``."""
    problem = context.problem
    stops, routes = stops_frame(plan, context), routes_frame(plan, context)
    sites = {s.site_id: s for s in problem.sites}
    municipalities = context.background.municipalities if context.background else {}
    points = _locations(problem)
    totals = {(r["team_id"], r["date"]): r for r in routes.to_dict("records")}
    chosen = {(v.team_id, str(v.day), v.site_id): v for v in plan.visits}
    teams = []
    for team in problem.teams:
        days = []
        mine = stops[stops["team_id"] == team.team_id]
        for day, group in mine.groupby("date", sort=True):
            previous: int | None = None
            drawn: list[SheetStop] = []
            for row in group.sort_values("seq").to_dict("records"):
                site = sites.get(_text(row["site_id"])) if row["kind"] == "visit" else None
                selection, probability = _selection(
                    chosen.get((team.team_id, str(day), site.site_id)) if site else None)
                loc = problem.site_position(site.site_id) if site else \
                    points.get((round(float(row["lon"]), 6), round(float(row["lat"]), 6)))
                km = minutes = None
                if previous is not None and loc is not None:
                    km, minutes = float(problem.km[previous, loc]), int(problem.minutes[previous, loc])
                previous = loc
                drawn.append(SheetStop(
                    kind=str(row["kind"]), order=int(row["order"]), name=_text(row["place"]),
                    site_id=_text(row["site_id"]),
                    sector=sector_text(_text(row["sector"]), lang) if site else "",
                    department=_text(row["department"]),
                    municipality=municipalities.get(site.area_id or "", "") if site else "",
                    lon=float(row["lon"]), lat=float(row["lat"]), arrive=_time(row["arrive"]),
                    depart=_time(row["depart"]), km_from_previous=km, minutes_from_previous=minutes,
                    must_visit=bool(row["must_visit"]), locked=bool(row["locked"]),
                    selection=selection, selection_probability=probability))
            info = totals.get((team.team_id, day), {})
            days.append(SheetDay(number=int(group["day"].iloc[0]), day=day,  # type: ignore[arg-type]
                                 stops=tuple(drawn), km=float(info.get("km", 0.0)),
                                 drive_minutes=int(info.get("drive_minutes", 0)),
                                 overnight=_text(info.get("overnight_where"))))
        teams.append(SheetTeam(
            team_id=team.team_id, name=team.name, office=(context.offices or {}).get(team.office_id, team.office_id),
            members=team.members, first_day=problem.days[0] if problem.days else None,
            last_day=problem.days[-1] if problem.days else None, days=tuple(days)))
    return teams
