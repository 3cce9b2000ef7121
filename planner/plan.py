"""A plan: who visits which site, on which day, in which order, and what is left out and why.

Engines return a :class:`Plan` built by :func:`build_plan` from routes (site indices per
team-day); :func:`greedy` is the baseline every engine is compared with.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import TypedDict

import numpy as np
import pandas as pd

from planner.problem import InspectionProblem
from planner.shifts import Shift, locked_starts, shift_alone_ok, timeline

#: Why a site is not in the plan (``Unplaced.reason_code``).
REASONS: dict[str, str] = {
    "no_skill": "no team has the skill the site needs",
    "unreachable": "no team can get there, work and get back (or to tonight's overnight stop) within a working "
                   "day and its driving limit, and no field trip planned for this horizon goes near it",
    "window_too_short": "the site's opening hours leave no room for the inspection within a team's working day",
    "horizon_full": "it could be visited, but the teams' days are full with higher-priority or must-visit sites",
    "dropped": "dropped by the user",
}


class Kpis(TypedDict):
    """What :meth:`Plan.kpis` returns (a dict, so tables and JSON take it as is)."""

    risk_covered: float
    risk_total: float
    risk_share: float
    sites_visited: int
    top_decile_share: float
    must_visit_planned: int
    must_visit_total: int
    km: float
    drive_hours: float
    work_hours: float
    team_days_used: int
    by_department: pd.DataFrame


@dataclass(frozen=True)
class Visit:
    """One inspection in the plan (times are local date-times)."""

    team_id: str
    day: date
    order: int
    site_id: str
    name: str
    lon: float
    lat: float
    arrive: datetime
    start: datetime
    end: datetime
    priority: float
    overnight_after: bool = False
    overnight_where: str | None = None
    locked: bool = False
    must_visit: bool = False
    #: Copied from the site (:mod:`planner.explore`): why it is visited, and with which probability.
    selection: str = "planned"
    selection_probability: float | None = None


@dataclass(frozen=True)
class Route:
    """One team-day: where it leaves from and returns to, and its driving."""

    team_id: str
    day: date
    start_name: str
    start_lon: float
    start_lat: float
    end_name: str
    end_lon: float
    end_lat: float
    depart: datetime
    back: datetime
    drive_minutes: int
    km: float
    overnight: str | None
    site_ids: tuple[str, ...]


@dataclass(frozen=True)
class Unplaced:
    """A site left out of the plan, with a reason a chief can act on."""

    site_id: str
    name: str
    reason_code: str
    reason: str
    must_visit: bool = False
    priority: float = 0.0


@dataclass
class Plan:
    """The result of any engine."""

    visits: list[Visit]
    unplaced: list[Unplaced]
    engine: str
    seconds: float
    objective: float
    routes: list[Route] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """One row per visit, in team, day, order."""
        columns = [f for f in Visit.__dataclass_fields__]
        rows = [{c: getattr(v, c) for c in columns} for v in self.visits]
        frame = pd.DataFrame(rows, columns=columns)
        return frame.sort_values(["team_id", "day", "order"]).reset_index(drop=True) if len(frame) else frame

    def unplaced_frame(self) -> pd.DataFrame:
        columns = [f for f in Unplaced.__dataclass_fields__]
        return pd.DataFrame([{c: getattr(u, c) for c in columns} for u in self.unplaced], columns=columns)

    def kpis(self, problem: InspectionProblem, departments: dict[str, str] | None = None) -> Kpis:
        """Risk covered, share of top-decile sites visited, km, hours, and coverage per department.

        ``departments`` maps area_id -> department; by default each site's ``department``
        (its area's ``admin1``) is used. Sites with neither count under "?".
        """
        visited = {v.site_id for v in self.visits}
        priorities = np.array([s.priority for s in problem.sites])
        total = float(priorities.sum())
        covered = float(sum(s.priority for s in problem.sites if s.site_id in visited))
        top_n = max(1, math.ceil(len(problem.sites) / 10))
        top = [problem.sites[i].site_id for i in np.argsort(-priorities, kind="stable")[:top_n]]
        must = [s.site_id for s in problem.sites if s.must_visit]
        by_department = pd.DataFrame(columns=["department", "sites", "visited", "risk", "risk_covered", "share"])
        if problem.sites:
            rows = pd.DataFrame({
                "department": [(departments.get(s.area_id or "") if departments else s.department) or "?"
                               for s in problem.sites],
                "visited": [s.site_id in visited for s in problem.sites],
                "risk": priorities,
            })
            rows["risk_covered"] = rows["risk"].where(rows["visited"], 0.0)
            by_department = rows.groupby("department").agg(
                sites=("visited", "size"), visited=("visited", "sum"), risk=("risk", "sum"),
                risk_covered=("risk_covered", "sum")).reset_index()
            by_department["share"] = (by_department["risk_covered"] / by_department["risk"].where(by_department["risk"] > 0)).fillna(0.0)
        return {
            "risk_covered": covered,
            "risk_total": total,
            "risk_share": covered / total if total else 0.0,
            "sites_visited": len(visited),
            "top_decile_share": sum(s in visited for s in top) / len(top),
            "must_visit_planned": sum(s in visited for s in must),
            "must_visit_total": len(must),
            "km": float(sum(r.km for r in self.routes)),
            "drive_hours": sum(r.drive_minutes for r in self.routes) / 60.0,
            "work_hours": sum((r.back - r.depart).total_seconds() for r in self.routes if r.site_ids or r.overnight
                              or r.start_name != r.end_name) / 3600.0,
            "team_days_used": sum(1 for r in self.routes if r.site_ids),
            "by_department": by_department,
        }


def _at(day: date, minute: int) -> datetime:
    return datetime.combine(day, clock(0, 0)) + timedelta(minutes=int(minute))


def build_plan(problem: InspectionProblem, shifts: list[Shift], routes: list[list[int]],
               engine: str, seconds: float, objective: float | None = None) -> Plan:
    """Turn routes (site indices per shift) into a :class:`Plan`, checking every route.

    Raises ``RuntimeError`` if a route breaks a rule: an engine bug must never reach a user.
    """
    fixed = locked_starts(problem)
    locked = {lock.site_id for lock in problem.locked}
    visits: list[Visit] = []
    out_routes: list[Route] = []
    for shift, route in zip(shifts, routes):
        team = problem.teams[shift.team]
        line = timeline(problem, shift, route, fixed)
        if line is None:
            raise RuntimeError(f"{engine}: the route of {team.team_id} on {shift.day} breaks a rule: {route}")
        start_lon, start_lat = problem.location_lonlat(shift.start_loc)
        end_lon, end_lat = problem.location_lonlat(shift.end_loc)
        out_routes.append(Route(
            team.team_id, shift.day, problem.location_name(shift.start_loc), start_lon, start_lat,
            problem.location_name(shift.end_loc), end_lon, end_lat, _at(shift.day, line.depart),
            _at(shift.day, line.back), line.drive_minutes, line.km, shift.overnight,
            tuple(problem.sites[i].site_id for i in route)))
        for order, stop in enumerate(line.stops, start=1):
            site = problem.sites[stop.site]
            last = order == len(line.stops)
            visits.append(Visit(
                team.team_id, shift.day, order, site.site_id, site.name, site.lon, site.lat,
                _at(shift.day, stop.arrive), _at(shift.day, stop.start), _at(shift.day, stop.end), site.priority,
                overnight_after=last and shift.overnight is not None,
                overnight_where=shift.overnight if last else None,
                locked=site.site_id in locked, must_visit=site.must_visit, selection=site.selection,
                selection_probability=site.selection_probability))
    seen = [v.site_id for v in visits]
    if len(seen) != len(set(seen)):
        raise RuntimeError(f"{engine}: a site is visited twice")
    missing = locked - set(seen)
    if missing:
        raise RuntimeError(f"{engine}: locked visits were dropped: {sorted(missing)}")
    moved = _moved_locks(problem, visits)
    if moved:
        raise RuntimeError(f"{engine}: locked visits left their team, day or start: {moved}")
    covered = sum(v.priority for v in visits)
    return Plan(visits, explain_unplaced(problem, shifts, set(seen)), engine, seconds,
                covered if objective is None else objective, out_routes)


def _moved_locks(problem: InspectionProblem, visits: list[Visit]) -> list[str]:
    """Locked visits the plan has on another team, day or start than the lock says."""
    where = {v.site_id: v for v in visits}
    moved = []
    for lock in problem.locked:
        visit = where.get(lock.site_id)
        if visit is None:
            continue
        start = visit.start.hour * 60 + visit.start.minute
        if (visit.team_id, visit.day) != (lock.team_id, lock.day) or lock.start_minute not in (None, start):
            moved.append(lock.site_id)
    return sorted(moved)


def explain_unplaced(problem: InspectionProblem, shifts: list[Shift], visited: set[str]) -> list[Unplaced]:
    """Each site not visited, with the first reason that applies (skill, reach, window, else full)."""
    out: list[Unplaced] = []
    dropped = set(problem.dropped)
    skills = set().union(*(t.skills for t in problem.teams)) if problem.teams else set()
    # One shift per (team, start, end) is enough to test reach: days differ only in availability.
    distinct = list({(s.team, s.start_loc, s.end_loc): s for s in shifts}.values())
    for i, site in enumerate(problem.sites):
        if site.site_id in visited:
            continue
        able = [s for s in distinct if problem.teams[s.team].can_do(site.required_skill)]
        if site.site_id in dropped:
            code = "dropped"
        elif site.required_skill is not None and site.required_skill not in skills:
            code = "no_skill"
        elif not any(shift_alone_ok(problem, s, i, ignore_window=True) for s in able):
            code = "unreachable"
        elif not any(shift_alone_ok(problem, s, i) for s in able):
            code = "window_too_short"
        else:
            code = "horizon_full"
        out.append(Unplaced(site.site_id, site.name, code, REASONS[code], site.must_visit, site.priority))
    out.sort(key=lambda u: (not u.must_visit, -u.priority))
    return out


def greedy(problem: InspectionProblem, shifts: list[Shift] | None = None) -> Plan:
    """The baseline: each team-day repeatedly takes the reachable site with the best priority per minute.

    By default every team-day is a day trip from the office (what a chief plans by hand);
    pass ``shifts`` (e.g. :func:`planner.trips.plan_shifts`) to fill field trips the same way.
    Team-days are filled in date order (teams in file order within a day). "Minutes" are the
    drive, wait and inspection time the site adds from where the team is. Must-visit sites
    go first; locked visits stay on their team-day and keep their start.
    """
    from planner.trips import plan_shifts

    began = time.perf_counter()
    shifts = plan_shifts(problem, field_trips=False) if shifts is None else shifts
    fixed = locked_starts(problem)
    locked_on: dict[tuple[str, date], list[int]] = {}
    for lock in problem.locked:
        locked_on.setdefault((lock.team_id, lock.day), []).append(problem.site_position(lock.site_id))
    taken = {problem.site_position(lock.site_id) for lock in problem.locked}
    taken |= problem.dropped_positions()
    routes: list[list[int]] = []
    for shift in shifts:
        team = problem.teams[shift.team]
        pending = sorted(locked_on.get((team.team_id, shift.day), []),
                         key=lambda i: (fixed.get(i, problem.sites[i].open_from), i))
        route: list[int] = []
        while True:
            line = timeline(problem, shift, route, fixed)
            now = line.stops[-1].end if line and line.stops else team.day_start
            here = route[-1] if route else shift.start_loc
            best, best_key = None, None
            for i, site in enumerate(problem.sites):
                if i in taken or not team.can_do(site.required_skill):
                    continue
                arrive = now + int(problem.minutes[here, i])
                if max(arrive, site.open_from) + site.service_minutes > min(site.open_to, team.day_end):
                    continue
                spent = max(arrive, site.open_from) + site.service_minutes - now
                key = (site.must_visit, site.priority / max(spent, 1), -i)
                if best_key is not None and key <= best_key:
                    continue
                if timeline(problem, shift, route + [i] + pending, fixed) is None:
                    continue
                best, best_key = i, key
            if best is not None:
                route.append(best)
                taken.add(best)
            elif pending:
                route.append(pending.pop(0))
                if timeline(problem, shift, route + pending, fixed) is None:
                    raise ValueError(
                        f"the locked visits of {team.team_id} on {shift.day} do not fit in that day "
                        f"({', '.join(problem.sites[i].site_id for i in route + pending)}): unlock some of them")
            else:
                break
        routes.append(route)
    return build_plan(problem, shifts, routes, "greedy", time.perf_counter() - began)
