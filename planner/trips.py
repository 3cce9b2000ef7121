"""Which days each team works from its office and which days it spends on a field trip.

The routing engines plan one vehicle per team-day (:class:`planner.shifts.Shift`) with a
fixed start and end. This module fixes those ends before routing, by a documented rule:

* By default every day is a **day trip**: office -> sites -> office.
* Sites that no team can reach and work within one day from an office ("remote") are
  served by **field trips**. A trip is a run of consecutive working days (at most
  ``problem.max_trip_days``; a weekend ends a run unless ``problem.trips_over_weekends``).
  The team drives to a **base** (an overnight town, by default each area's seat, or a remote
  site itself, a camp that puts the team up), sleeps there, works around it and drives
  back. A base more than one day's drive away is reached through one or two overnight
  stops (towns or sites), each leg within a day's drive both ways. Nights:
  ``via + [base] * (days - 1 - 2 * len(via)) + reversed(via)``; every day's route may
  visit sites on the way.
* Bases are chosen greedily by the remote risk they unlock per trip day: for every team,
  its first free run and every base it can reach, the remote sites a day from the base can
  serve are taken in priority order (must-visits first) while the trip's working time lasts
  (each site costs its service time plus the round trip from the base; each day gives 60% of
  the working window, less the commute). The best trip is taken, its sites leave the remote
  pool, and so on while a trip serves at least one site per two days. At most half an
  office's teams (rounded up) are away at once unless the office has more team-days than
  its own day-trip sites need.

Why fixed ends: a route-per-day model with known ends is plain VRPTW that PyVRP and
OR-Tools both solve well, and every overnight stop is a named place a chief can book.
The weakness is that base choice does not see the routing; the trip value uses the same
reachability rule the routes must obey, so chosen trips are always usable.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from datetime import date, timedelta

import numpy as np

from planner.problem import InspectionProblem
from planner.shifts import Shift, shift_alone_ok


def runs(days: list[date], over_weekends: bool = False) -> list[list[date]]:
    """Consecutive working days grouped: a day off ends a run, and so does a weekend unless ``over_weekends``."""
    out: list[list[date]] = []
    for day in sorted(days):
        gap = [out[-1][-1] + timedelta(days=k) for k in range(1, (day - out[-1][-1]).days)] if out else []
        if out and (not gap or (over_weekends and all(d.weekday() >= 5 for d in gap))):
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


def _bases(problem: InspectionProblem, remote: set[int]) -> dict[int, list[int]]:
    """Overnight places (towns, and remote sites themselves as camps) -> remote sites a day from there serves."""
    minutes = problem.minutes
    drive = max(t.max_drive_minutes for t in problem.teams)
    window = max(t.day_end - t.day_start for t in problem.teams)
    places = [problem.town_location(j) for j in range(len(problem.towns))] + sorted(remote)
    useful: dict[int, list[int]] = {}
    for loc in places:
        sites = [i for i in remote
                 if int(minutes[loc, i]) + int(minutes[i, loc]) <= drive
                 and int(minutes[loc, i]) + int(minutes[i, loc]) + problem.sites[i].service_minutes <= window]
        if sites:
            useful[loc] = sites
    return useful


def _home_need(problem: InspectionProblem, reach: np.ndarray) -> dict[str, float]:
    """Team-days each office needs at home for the day-trip sites it is nearest to (rough, see _trip)."""
    need: dict[str, float] = defaultdict(float)
    for i in np.flatnonzero(reach.any(axis=0)):
        teams = np.flatnonzero(reach[:, i])
        k = int(teams[np.argmin([problem.minutes[problem.team_location[t], i] for t in teams])])
        team = problem.teams[k]
        home = problem.team_location[k]
        cost = problem.sites[i].service_minutes + int(problem.minutes[home, i]) + int(problem.minutes[i, home])
        need[team.office_id] += cost / ((team.day_end - team.day_start) * 0.6)
    return need


def _field_trips(problem: InspectionProblem) -> dict[tuple[int, date], tuple[int, int, str | None]]:
    reach = day_trip_reach(problem)
    locked: dict[tuple[int, date], list[int]] = defaultdict(list)
    for lock in problem.locked:
        locked[(problem.team_position(lock.team_id), lock.day)].append(problem.site_position(lock.site_id))
    held = {i for sites in locked.values() for i in sites} | problem.dropped_positions()
    remote = {i for i in range(len(problem.sites)) if i not in held
              and not reach[:, i].any() and (problem.sites[i].priority > 0 or problem.sites[i].must_visit)}
    if not remote and all(_day_trip_holds(problem, k, day, sites) for (k, day), sites in locked.items()):
        return {}
    useful = _bases(problem, remote)
    minutes = problem.minutes
    team_runs = []
    for k, team in enumerate(problem.teams):
        for run in runs([d for d in problem.days if team.available(d)], problem.trips_over_weekends):
            if len(run) >= 2:
                team_runs.append((k, run))
    office_teams: dict[str, int] = defaultdict(int)
    home_days: dict[str, float] = defaultdict(float)
    for team in problem.teams:
        office_teams[team.office_id] += 1
        home_days[team.office_id] += sum(team.available(d) for d in problem.days)
    need = _home_need(problem, reach)
    away: dict[tuple[str, date], int] = defaultdict(int)
    busy: set[tuple[int, date]] = set()
    trips: dict[tuple[int, date], tuple[int, int, str | None]] = {}
    # Overnight stops on the way: towns, and sites (a camp or farm that puts the team up).
    towns = np.array([problem.town_location(j) for j in range(len(problem.towns))] + list(range(len(problem.sites))),
                     dtype=np.int64)
    vias: dict[tuple[int, int, int], list[int] | None] = {}

    def book(k: int, days: list[date], loc: int, via: list[int]) -> None:
        team = problem.teams[k]
        home = problem.team_location[k]
        for day, (start, end) in zip(days, _legs(home, loc, via, len(days))):
            trips[(k, day)] = (start, end, None if end == home else problem.location_name(end))
            busy.add((k, day))
            away[(team.office_id, day)] += 1
        home_days[team.office_id] -= len(days)

    # Locked visits first: a team-day holding them stays a day trip when the team can reach them
    # from the office, else gets the field trip that serves them (re-planning never moves a lock).
    for (k, day), sites in sorted(locked.items(), key=lambda item: (item[0][1], item[0][0])):
        if (k, day) in busy:
            continue
        if _day_trip_holds(problem, k, day, sites):
            busy.add((k, day))
            continue
        found = _trip_for_locks(problem, k, day, sites, towns, vias, busy)
        if found is not None:
            book(k, *found)
    while remote and useful:
        best = None
        seen: set[tuple] = set()
        value_at = {loc: sum(problem.sites[i].priority for i in sites if i in remote) for loc, sites in useful.items()}
        for k, run in team_runs:
            team = problem.teams[k]
            office = team.office_id
            spare = home_days[office] - need[office]
            free = [d for d in run if (k, d) not in busy
                    and (away[(office, d)] < math.ceil(office_teams[office] / 2) or spare >= len(run))]
            days = _first_block(free, problem.max_trip_days, problem.trips_over_weekends)
            home = problem.team_location[k]
            signature = (home, team.day_start, team.day_end, team.max_drive_minutes, team.skills, tuple(days))
            if len(days) < 2 or signature in seen:
                continue
            seen.add(signature)
            window = team.day_end - team.day_start
            limit = min(team.max_drive_minutes, window)
            for loc, sites in useful.items():
                if best is not None and value_at[loc] / 2 <= best[0]:
                    continue
                if (home, loc, limit) not in vias:
                    vias[(home, loc, limit)] = _via(problem, home, loc, limit, towns)
                via = vias[(home, loc, limit)]
                if via is None:
                    continue
                shortest = 2 + 2 * len(via)
                if len(days) < shortest:
                    continue
                legs = [home] + via + [loc]
                commute = 2 * sum(int(minutes[a, b]) for a, b in itertools.pairwise(legs))
                length, value, taken = _trip(problem, team, loc, [i for i in sites if i in remote], days,
                                             commute, shortest)
                if taken and len(taken) * 2 >= length and (best is None or value / length > best[0]):
                    best = (value / length, k, days[:length], loc, via, taken)
        if best is None:
            break
        _, k, days, loc, via, served = best
        book(k, days, loc, via)
        remote -= set(served)
    return trips


def _day_trip_holds(problem: InspectionProblem, k: int, day: date, sites: list[int]) -> bool:
    """Whether team ``k`` can make all its locked visits of ``day`` (at their fixed starts) from the
    office and back: each one alone within reach is not enough when together they fill the day."""
    from planner.shifts import locked_starts, timeline

    fixed = locked_starts(problem)
    home = problem.team_location[k]
    order = sorted(sites, key=lambda i: (fixed.get(i, problem.sites[i].open_from), i))
    return timeline(problem, Shift(k, day, home, home), order, fixed) is not None


def _legs(home: int, base: int, via: list[int], length: int) -> list[tuple[int, int]]:
    """(start, end) of each day of a trip: out through ``via``, nights at ``base``, back through ``via``."""
    nights = via + [base] * (length - 1 - 2 * len(via)) + via[::-1]
    return [(home if n == 0 else nights[n - 1], home if n == length - 1 else nights[n]) for n in range(length)]


def _trip_for_locks(problem: InspectionProblem, k: int, day: date, sites: list[int], stops: np.ndarray,
                    vias: dict[tuple[int, int, int], list[int] | None],
                    busy: set[tuple[int, date]]) -> tuple[list[date], int, list[int]] | None:
    """The shortest trip (days, base, via) on which team ``k`` can make its locked visits of ``day``."""
    from planner.shifts import locked_starts, timeline

    team = problem.teams[k]
    home = problem.team_location[k]
    limit = min(team.max_drive_minutes, team.day_end - team.day_start)
    fixed = locked_starts(problem)
    order = sorted(sites, key=lambda i: (fixed.get(i, problem.sites[i].open_from), i))
    free = [d for d in problem.days if team.available(d) and ((k, d) not in busy or d == day)]
    run = next((r for r in runs(free, problem.trips_over_weekends) if day in r), [])
    places = [problem.town_location(j) for j in range(len(problem.towns))] + list(range(len(problem.sites)))
    at = run.index(day) if run else 0
    for length in range(2, min(problem.max_trip_days, len(run)) + 1):
        for first in range(max(0, at - length + 1), min(at, len(run) - length) + 1):
            days = run[first:first + length]
            for base in places:
                if (home, base, limit) not in vias:
                    vias[(home, base, limit)] = _via(problem, home, base, limit, stops)
                via = vias[(home, base, limit)]
                if via is None or length < 2 + 2 * len(via):
                    continue
                start, end = _legs(home, base, via, length)[days.index(day)]
                if timeline(problem, Shift(k, day, start, end), order, fixed) is not None:
                    return days, base, via
    return None


def _via(problem: InspectionProblem, home: int, loc: int, limit: int, towns: np.ndarray) -> list[int] | None:
    """Overnight towns on the way from the office to a base: [] within one day's drive, else one or two towns.

    Each leg must be one day's drive (``limit``) both ways; among the possible stops the
    ones with the shortest longest leg are taken. None when even two stops do not reach.
    """
    minutes = problem.minutes
    if max(int(minutes[home, loc]), int(minutes[loc, home])) <= limit:
        return []
    if not len(towns):
        return None
    out = np.maximum(minutes[home, towns], minutes[towns, home])
    onward = np.maximum(minutes[towns, loc], minutes[loc, towns])
    ok = (out <= limit) & (onward <= limit)
    if ok.any():
        worst = np.where(ok, np.maximum(out, onward), np.iinfo(np.int64).max)
        return [int(towns[int(np.argmin(worst))])]
    first, last = towns[out <= limit], towns[onward <= limit]
    if not len(first) or not len(last):
        return None
    middle = np.maximum(minutes[np.ix_(first, last)], minutes[np.ix_(last, first)].T)
    legs = np.maximum(np.maximum(out[out <= limit][:, None], middle), onward[onward <= limit][None, :])
    legs = np.where(middle <= limit, legs, np.iinfo(np.int64).max)
    if legs.min() == np.iinfo(np.int64).max:
        return None
    a, b = np.unravel_index(int(np.argmin(legs)), legs.shape)
    return [int(first[a]), int(last[b])]


def _first_block(days: list[date], limit: int, over_weekends: bool) -> list[date]:
    """The first run of consecutive free days, at most ``limit`` long."""
    blocks = runs(days, over_weekends)
    return blocks[0][:limit] if blocks else []


def _trip(problem: InspectionProblem, team, loc: int, sites: list[int], days: list[date],
          commute: int, shortest: int) -> tuple[int, float, list[int]]:
    """(days needed, remote priority served, sites) for a trip based at ``loc``.

    Sites are taken in priority order (must-visits first) while the trip's working time lasts:
    each costs its service time plus the round trip from the base; each day gives 60% of the
    working window (the rest is driving between sites and waiting), less the drive out and back.
    Days needed: the fewest that fit the sites taken, at least ``shortest`` (out and back).
    """
    day_budget = (team.day_end - team.day_start) * 0.6
    budget = len(days) * day_budget - commute
    value = 0.0
    used = 0.0
    taken: list[int] = []
    order = sorted(sites, key=lambda i: (not problem.sites[i].must_visit, -problem.sites[i].priority, i))
    for i in order:
        site = problem.sites[i]
        if not team.can_do(site.required_skill):
            continue
        cost = site.service_minutes + int(problem.minutes[loc, i]) + int(problem.minutes[i, loc])
        if used + cost > budget:
            continue
        used += cost
        value += site.priority
        taken.append(i)
    length = max(shortest, min(len(days), math.ceil((used + commute) / day_budget)))
    return length, value, taken
