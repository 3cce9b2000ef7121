"""Team-days ("shifts") and the clock of one day's route.

Every engine plans the same unit: one team on one working day, leaving a start point at
the start of its working day and reaching an end point by its end. A day trip starts and
ends at the office; a field trip's days chain through overnight towns (see
:mod:`planner.trips`). :func:`timeline` is the single definition of when a route's visits
happen and whether it fits: engines, the greedy plan and the tests all call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.problem import InspectionProblem


@dataclass(frozen=True)
class Shift:
    """One team on one day: from ``start_loc`` to ``end_loc`` (location indices).

    ``overnight`` names the town where the team sleeps after this day (None: at home).
    """

    team: int
    day: date
    start_loc: int
    end_loc: int
    overnight: str | None = None


@dataclass(frozen=True)
class Stop:
    """When one visit of a route happens (minutes after midnight)."""

    site: int
    arrive: int
    start: int
    end: int


@dataclass(frozen=True)
class Timeline:
    """A feasible route's clock: visits, departure, return, driving."""

    stops: tuple[Stop, ...]
    depart: int
    back: int
    drive_minutes: int
    km: float


def locked_starts(problem: InspectionProblem) -> dict[int, int]:
    """Site index -> fixed start minute, for locked visits that fix their start."""
    return {problem.site_position(lock.site_id): lock.start_minute
            for lock in problem.locked if lock.start_minute is not None}


def timeline(problem: InspectionProblem, shift: Shift, route: list[int],
             fixed: dict[int, int] | None = None) -> Timeline | None:
    """The earliest-start schedule of ``route`` (site indices) on ``shift``, or None if it breaks a rule.

    Rules: each visit starts within the site's opening hours and ends by its closing time;
    the team leaves no earlier than its day start and is at ``end_loc`` by its day end;
    driving stays within the team's daily limit; skills match; a locked start (``fixed``)
    is met exactly. The departure is pushed as late as possible without delaying any visit,
    so waiting happens at the office rather than outside a closed gate.
    """
    team = problem.teams[shift.team]
    fixed = fixed or {}
    minutes = problem.minutes
    t = team.day_start
    here = shift.start_loc
    drive = 0
    km = 0.0
    stops: list[Stop] = []
    for site_index in route:
        site = problem.sites[site_index]
        if not team.can_do(site.required_skill):
            return None
        travel = int(minutes[here, site_index])
        drive += travel
        km += float(problem.km[here, site_index])
        arrive = t + travel
        start = max(arrive, site.open_from)
        if site_index in fixed:
            if start > fixed[site_index]:
                return None
            start = fixed[site_index]
        end = start + site.service_minutes
        if end > site.open_to or end > team.day_end:
            return None
        stops.append(Stop(site_index, arrive, start, end))
        t = end
        here = site_index
    travel = int(minutes[here, shift.end_loc])
    drive += travel
    km += float(problem.km[here, shift.end_loc])
    back = t + travel
    if back > team.day_end or drive > team.max_drive_minutes:
        return None
    depart = team.day_start
    if stops:  # leave later by the wait at the first site: the team waits at the office instead
        first = stops[0]
        depart += first.start - first.arrive
        stops[0] = Stop(first.site, first.start, first.start, first.end)
    return Timeline(tuple(stops), depart, back, drive, km)


def shift_alone_ok(problem: InspectionProblem, shift: Shift, site_index: int, *, ignore_window: bool = False) -> bool:
    """Whether ``shift`` could visit this one site (used to explain what is not planned)."""
    if not ignore_window:
        return timeline(problem, shift, [site_index]) is not None
    team = problem.teams[shift.team]
    site = problem.sites[site_index]
    go = int(problem.minutes[shift.start_loc, site_index])
    back = int(problem.minutes[site_index, shift.end_loc])
    return (go + back <= team.max_drive_minutes
            and team.day_start + go + site.service_minutes + back <= team.day_end)
