"""Tiny hand-made inspection problems and an independent checker of plans.

Locations are points on a plane measured in driving minutes, so every travel time in a
test can be worked out by hand. The checker re-derives every rule from the problem data
without calling the planner's own timeline code.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import numpy as np

from planner.plan import Plan
from planner.problem import InspectionProblem, LockedVisit, Site, Team, Town, working_days

MONDAY = date(2026, 3, 2)


def site(site_id: str, x: float, y: float, priority: float = 1.0, **kw: object) -> Site:
    return Site(site_id=site_id, name=site_id, lon=x, lat=y, sector="mining", priority=priority, **kw)  # type: ignore[arg-type]


def team(team_id: str, x: float = 0.0, y: float = 0.0, **kw: object) -> Team:
    return Team(team_id=team_id, office_id="OFF", name=team_id, lon=x, lat=y, **kw)  # type: ignore[arg-type]


def problem(sites: list[Site], teams: list[Team], days: int = 1, towns: list[Town] | None = None,
            locked: tuple[LockedVisit, ...] = (), **kw: object) -> InspectionProblem:
    starts: list[tuple[float, float]] = []
    team_location = []
    for t in teams:
        if (t.lon, t.lat) not in starts:
            starts.append((t.lon, t.lat))
        team_location.append(len(sites) + starts.index((t.lon, t.lat)))
    towns = towns or []
    xy = np.array([(s.lon, s.lat) for s in sites] + starts + [(t.lon, t.lat) for t in towns], dtype=float)
    dist = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    minutes = np.ceil(dist - 1e-9).astype(np.int64)
    return InspectionProblem(teams=tuple(teams), sites=tuple(sites), start=MONDAY, days=working_days(MONDAY, days),
                             minutes=minutes, km=dist, team_location=tuple(team_location), towns=tuple(towns),
                             locked=locked, **kw)  # type: ignore[arg-type]


def _minute(day: date, moment: datetime) -> float:
    return (moment - datetime.combine(day, time(0, 0))).total_seconds() / 60.0


def check_plan(problem: InspectionProblem, plan: Plan) -> None:
    """Assert every rule: windows, working hours, driving limits, skills, once per site, overnight chaining."""
    where = {problem.location_lonlat(loc): loc for loc in range(problem.minutes.shape[0])}
    teams = {t.team_id: (k, t) for k, t in enumerate(problem.teams)}
    visits = defaultdict(list)
    for v in plan.visits:
        visits[(v.team_id, v.day)].append(v)
    seen: set[str] = set()
    by_team = defaultdict(list)
    for r in plan.routes:
        k, tm = teams[r.team_id]
        assert r.day in problem.days and tm.available(r.day), f"{r.team_id} works on {r.day}, a day it is not available"
        start, end = where[(r.start_lon, r.start_lat)], where[(r.end_lon, r.end_lat)]
        by_team[r.team_id].append((r.day, start, end))
        day_visits = sorted(visits.get((r.team_id, r.day), []), key=lambda v: v.order)
        assert [v.site_id for v in day_visits] == list(r.site_ids)
        t = _minute(r.day, r.depart)
        assert t >= tm.day_start, f"{r.team_id} {r.day} leaves at {t} before its day starts"
        here, drive = start, 0
        for v in day_visits:
            i = problem.site_position(v.site_id)
            s = problem.sites[i]
            assert s.site_id not in seen, f"{s.site_id} visited twice"
            seen.add(s.site_id)
            assert s.required_skill is None or s.required_skill in tm.skills, f"{s.site_id} needs {s.required_skill}"
            travel = int(problem.minutes[here, i])
            drive += travel
            arrive, begin, finish = (_minute(r.day, x) for x in (v.arrive, v.start, v.end))
            assert arrive >= t + travel - 1e-6, f"{s.site_id}: arrives before the drive allows"
            assert begin >= arrive and begin >= s.open_from, f"{s.site_id}: starts before it opens or before arrival"
            assert math.isclose(finish - begin, s.service_minutes), f"{s.site_id}: inspection length changed"
            assert finish <= s.open_to, f"{s.site_id}: ends at {finish} after closing {s.open_to}"
            t, here = finish, i
        travel = int(problem.minutes[here, end])
        drive += travel
        back = _minute(r.day, r.back)
        assert back >= t + travel - 1e-6 and back <= tm.day_end, f"{r.team_id} {r.day}: back at {back}"
        assert drive <= tm.max_drive_minutes, f"{r.team_id} {r.day}: drives {drive} > {tm.max_drive_minutes}"
        assert drive == r.drive_minutes
    for team_id, days in by_team.items():
        k, tm = teams[team_id]
        home = problem.team_location[k]
        position = home
        days.sort()
        for n, (day, start, end) in enumerate(days):
            assert start == position, f"{team_id} starts {day} somewhere it did not sleep"
            position = end
            if end != home:  # away overnight: the next day must follow without a day off
                assert n + 1 < len(days), f"{team_id} ends the horizon away from the office"
                gap = [day + timedelta(d) for d in range(1, (days[n + 1][0] - day).days)]
                assert all(g.weekday() >= 5 for g in gap) and (problem.trips_over_weekends or not gap), \
                    f"{team_id} stays away over days off"
        assert position == home, f"{team_id} does not come home"
    unplaced = {u.site_id for u in plan.unplaced}
    assert unplaced.isdisjoint(seen) and unplaced | seen == {s.site_id for s in problem.sites}
