"""Which days each team works from its office and which days it spends on a field trip.

The routing engines plan one vehicle per team-day (:class:`planner.shifts.Shift`) with a
fixed start and end. This module fixes those ends before routing, by a documented rule:

* By default every day is a **day trip**: office -> sites -> office.
* Sites that no team can reach and work within one day from an office ("remote") are
  served by **field trips**: for a run of consecutive working days (at most
  ``problem.max_trip_days``) a team drives out to an overnight town (each area's seat by
  default), works around it, sleeps there, and drives back on the last day:
  day 1 office -> sites -> town; middle days town -> sites -> town; last day town -> sites -> office.
* Towns are chosen greedily by the remote risk they unlock: for every (team, run of days)
  and every town the team can reach in one day's drive, the value is the priority of the
  remote sites a day from that town can serve, taken in priority order until the trip's
  working time is used (each site costs its service time plus the drive from the town).
  The best (team, run, town) is taken, its sites leave the remote pool, and so on while a
  trip unlocks at least one site per trip day. At most half of an office's teams (rounded
  up) are away at once, so the office keeps day-trip capacity.

Why fixed ends: a route-per-day model with known ends is plain VRPTW that PyVRP and
OR-Tools both solve well, and every overnight stop is in a named town a chief can book.
The weakness is that the town choice does not see the routing; the trip value uses the
same reachability rule the routes must obey, so chosen trips are always usable.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from planner.problem import InspectionProblem
from planner.shifts import Shift, shift_alone_ok


def runs(days: list[date]) -> list[list[date]]:
    """Consecutive calendar days grouped (a weekend or day off ends a run)."""
    out: list[list[date]] = []
    for day in sorted(days):
        if out and day - out[-1][-1] == timedelta(days=1):
            out[-1].append(day)
        else:
            out.append([day])
    return out


def day_trip_reach(problem: InspectionProblem) -> np.ndarray:
    """``reach[k, i]``: team k can visit site i on a day trip from its office (one visit alone)."""
    reach = np.zeros((len(problem.teams), len(problem.sites)), dtype=bool)
    today = problem.days[0]
    for k in range(len(problem.teams)):
        home = problem.team_location[k]
        shift = Shift(k, today, home, home)
        for i in range(len(problem.sites)):
            reach[k, i] = shift_alone_ok(problem, shift, i)
    return reach


def plan_shifts(problem: InspectionProblem, *, field_trips: bool = True) -> list[Shift]:
    """Every team-day of the horizon with its start and end (see the module docstring)."""
    trips = _field_trips(problem) if field_trips and problem.towns and problem.max_trip_days >= 2 else {}
    shifts: list[Shift] = []
    for k, team in enumerate(problem.teams):
        home = problem.team_location[k]
        for day in problem.days:
            if not team.available(day):
                continue
            if (k, day) in trips:
                start, end, town = trips[(k, day)]
                shifts.append(Shift(k, day, start, end, town))
            else:
                shifts.append(Shift(k, day, home, home))
    shifts.sort(key=lambda s: (s.day, s.team))
    return shifts


def _field_trips(problem: InspectionProblem) -> dict[tuple[int, date], tuple[int, int, str | None]]:
    reach = day_trip_reach(problem)
    remote = {i for i in range(len(problem.sites))
              if not reach[:, i].any() and (problem.sites[i].priority > 0 or problem.sites[i].must_visit)}
    if not remote:
        return {}
    minutes = problem.minutes
    towns = [problem.town_location(j) for j in range(len(problem.towns))]
    # Towns that serve at least one remote site on a town-based day.
    useful: dict[int, list[int]] = {}
    for loc in towns:
        sites = [i for i in remote if int(minutes[loc, i]) + int(minutes[i, loc]) <= min(t.max_drive_minutes for t in problem.teams)
                 and int(minutes[loc, i]) * 2 + problem.sites[i].service_minutes
                 <= max(t.day_end - t.day_start for t in problem.teams)]
        if sites:
            useful[loc] = sites
    if not useful:
        return {}
    team_runs = []
    for k, team in enumerate(problem.teams):
        days = [d for d in problem.days if team.available(d)]
        for run in runs(days):
            if len(run) >= 2:
                team_runs.append((k, run[: problem.max_trip_days]))
    office_teams: dict[str, int] = defaultdict(int)
    for team in problem.teams:
        office_teams[team.office_id] += 1
    away: dict[tuple[str, date], int] = defaultdict(int)
    busy: set[tuple[int, date]] = set()
    trips: dict[tuple[int, date], tuple[int, int, str | None]] = {}
    while True:
        best = None
        for k, run in team_runs:
            team = problem.teams[k]
            if any((k, d) in busy for d in run):
                continue
            if any(away[(team.office_id, d)] >= math.ceil(office_teams[team.office_id] / 2) for d in run):
                continue
            home = problem.team_location[k]
            window = team.day_end - team.day_start
            for loc, sites in useful.items():
                there = int(minutes[home, loc])
                if there > team.max_drive_minutes or there > window:
                    continue
                value, taken = _trip_value(problem, team, loc, [i for i in sites if i in remote], len(run))
                if len(taken) >= len(run) and (best is None or value > best[0]):
                    best = (value, k, run, loc, taken)
        if best is None:
            break
        _, k, run, loc, taken = best
        team = problem.teams[k]
        home = problem.team_location[k]
        town = problem.location_name(loc)
        for n, day in enumerate(run):
            start = home if n == 0 else loc
            end = home if n == len(run) - 1 else loc
            trips[(k, day)] = (start, end, None if end == home else town)
            busy.add((k, day))
            away[(team.office_id, day)] += 1
        remote -= set(taken)
        if not remote:
            break
    return trips


def _trip_value(problem: InspectionProblem, team, loc: int, sites: list[int], days: int) -> tuple[float, list[int]]:
    """Remote priority a trip based at ``loc`` can serve, sites taken in priority order until time runs out."""
    budget = days * (team.day_end - team.day_start) * 0.6
    value = 0.0
    taken: list[int] = []
    for i in sorted(sites, key=lambda i: -problem.sites[i].priority - (1e6 if problem.sites[i].must_visit else 0)):
        site = problem.sites[i]
        if not team.can_do(site.required_skill):
            continue
        cost = site.service_minutes + int(problem.minutes[loc, i])
        if cost > budget:
            continue
        budget -= cost
        value += site.priority
        taken.append(i)
    return value, taken
