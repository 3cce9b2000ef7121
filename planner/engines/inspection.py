"""An :class:`InspectionProblem` as a routing instance, solved by either engine, returned as a Plan.

The model (documented for the page and the README):

* **Vehicles are team-days** (:func:`planner.trips.plan_shifts`): each leaves its start
  (office, or last night's town) no earlier than the team's day start, and reaches its end
  (office, or tonight's town) by the day end. Team-days with the same start, end, hours,
  driving limit and skills are interchangeable, so they form one vehicle group of that
  many vehicles (fewer symmetric copies for the search); routes are handed back to the
  group's days, richest route first, so urgent work happens early.
* **Distance = driving minutes.** The group's ``max_distance`` is the daily driving limit
  and travel cost is one unit per minute: a small tie-breaker against prizes.
* **Prizes**: ``PRIZE_SCALE * priority / max priority`` (so one unit of the top priority
  is worth far more than any day's driving); must-visit sites get :data:`MUST_PRIZE`,
  above the sum of all others, so they are always planned when possible; locked visits
  are required clients that only their team-day may serve, with the window narrowed to
  their fixed start when they have one.
* **Profiles** keep each team-day to the sites it could serve on its own (skills, reach),
  which also shrinks the search.
* The search starts from the greedy plan (PyVRP ``initial_solution``, OR-Tools
  ``ReadAssignmentFromRoutes``); and the returned plan never covers less risk than greedy.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from planner.engines import DEFAULT_ENGINE, ENGINES
from planner.engines.instance import RoutingInstance, RoutingSolution, VehicleGroup
from planner.plan import Plan, build_plan, greedy
from planner.problem import InspectionProblem
from planner.shifts import Shift, locked_starts, timeline
from planner.trips import plan_shifts

PRIZE_SCALE = 100_000


@dataclass(frozen=True)
class InspectionModel:
    """The routing instance plus what is needed to read its routes back."""

    instance: RoutingInstance
    shifts: list[Shift]
    group_shifts: list[list[int]]  # shift indices per vehicle group, in day order
    client_site: np.ndarray  # site index per client
    depot_loc: list[int]  # problem location per depot


def _shift_key(problem: InspectionProblem, shift: Shift, locked_here: bool) -> tuple:
    team = problem.teams[shift.team]
    base = (shift.start_loc, shift.end_loc, team.day_start, team.day_end, team.max_drive_minutes, team.skills,
            shift.overnight)
    return base + ((team.team_id, shift.day) if locked_here else ())


def build_model(problem: InspectionProblem, shifts: list[Shift]) -> InspectionModel:
    """Vehicle groups, clients, profiles and prizes (see the module docstring)."""
    fixed = locked_starts(problem)
    lock_of: dict[int, tuple[str, date]] = {problem.site_position(x.site_id): (x.team_id, x.day) for x in problem.locked}
    locked_shifts = {(x.team_id, x.day) for x in problem.locked}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for s, shift in enumerate(shifts):
        team = problem.teams[shift.team]
        groups[_shift_key(problem, shift, (team.team_id, shift.day) in locked_shifts)].append(s)
    keys = list(groups)
    n_sites = len(problem.sites)
    allowed = np.zeros((len(keys), n_sites), dtype=bool)
    for g, key in enumerate(keys):
        shift = shifts[groups[key][0]]
        team = problem.teams[shift.team]
        for i in range(n_sites):
            if i in lock_of:
                allowed[g, i] = lock_of[i] == (team.team_id, shift.day)
            else:
                allowed[g, i] = timeline(problem, shift, [i]) is not None
    client_site = np.flatnonzero(allowed.any(axis=0))
    depot_loc = sorted({shifts[g[0]].start_loc for g in groups.values()} | {shifts[g[0]].end_loc for g in groups.values()})
    locs = np.array(depot_loc + client_site.tolist(), dtype=np.int64)
    minutes = problem.minutes[np.ix_(locs, locs)].astype(np.int64)
    sites = [problem.sites[i] for i in client_site]
    top = max((s.priority for s in problem.sites), default=1.0) or 1.0
    prize = np.array([round(PRIZE_SCALE * max(s.priority, 0.0) / top) for s in sites], dtype=np.int64)
    must_prize = int(PRIZE_SCALE * (n_sites + 1))
    prize = np.where([s.must_visit for s in sites], must_prize, prize)
    required = np.array([i in lock_of for i in client_site.tolist()], dtype=bool)
    tw_early = np.array([s.open_from for s in sites], dtype=np.int64)
    tw_late = np.array([s.open_to - s.service_minutes for s in sites], dtype=np.int64)
    for c, site_index in enumerate(client_site.tolist()):
        if site_index in fixed:
            tw_early[c] = tw_late[c] = fixed[site_index]
    masks: list[np.ndarray] = []
    vehicles = []
    for g, key in enumerate(keys):
        shift = shifts[groups[key][0]]
        team = problem.teams[shift.team]
        mask = allowed[g, client_site]
        profile = next((p for p, m in enumerate(masks) if np.array_equal(m, mask)), None)
        if profile is None:
            masks.append(mask)
            profile = len(masks) - 1
        vehicles.append(VehicleGroup(
            start=depot_loc.index(shift.start_loc), end=depot_loc.index(shift.end_loc), count=len(groups[key]),
            tw_early=team.day_start, tw_late=team.day_end, max_distance=team.max_drive_minutes, profile=profile,
            name=f"{team.office_id}:{problem.location_name(shift.start_loc)}->{problem.location_name(shift.end_loc)}"))
    instance = RoutingInstance(
        distance=minutes, duration=minutes,
        depot_location=np.arange(len(depot_loc)), client_location=np.arange(len(depot_loc), len(locs)),
        service=np.array([s.service_minutes for s in sites], dtype=np.int64),
        tw_early=tw_early, tw_late=tw_late, vehicles=tuple(vehicles),
        prize=prize, required=required, allowed=tuple(masks), name="inspections",
    )
    ordered = [sorted(groups[k], key=lambda s: (shifts[s].day, shifts[s].team)) for k in keys]
    return InspectionModel(instance, shifts, ordered, client_site, depot_loc)


def _routes_per_shift(model: InspectionModel, problem: InspectionProblem, solution: RoutingSolution) -> list[list[int]]:
    """Hand each group's routes to its team-days: richest route to the earliest day."""
    out: list[list[int]] = [[] for _ in model.shifts]
    for g, routes in enumerate(solution.routes):
        sites = [[int(model.client_site[c]) for c in r] for r in routes if r]
        sites.sort(key=lambda r: -sum(problem.sites[i].priority + (1e9 if problem.sites[i].must_visit else 0) for i in r))
        members = model.group_shifts[g]
        for shift_index, route in zip(members, sites):
            out[shift_index] = route
    return out


def _initial_routes(model: InspectionModel, plan: Plan, problem: InspectionProblem) -> list[list[list[int]]]:
    """Greedy routes expressed per vehicle group (client indices) for warm starts."""
    client_of = {int(i): c for c, i in enumerate(model.client_site)}
    by_shift = {(v.team_id, v.day): [] for v in plan.visits}  # type: dict[tuple[str, date], list[int]]
    for v in sorted(plan.visits, key=lambda v: (v.team_id, v.day, v.order)):
        by_shift[(v.team_id, v.day)].append(problem.site_position(v.site_id))
    out: list[list[list[int]]] = []
    for members in model.group_shifts:
        routes = []
        for s in members:
            shift = model.shifts[s]
            route = by_shift.get((problem.teams[shift.team].team_id, shift.day), [])
            if route and all(i in client_of for i in route):
                routes.append([client_of[i] for i in route])
        out.append(routes)
    return out


def solve(problem: InspectionProblem, time_limit: float = 30.0, seed: int = 0,
          engine: str = DEFAULT_ENGINE, shifts: list[Shift] | None = None,
          iterations: int | None = None) -> Plan:
    """The best plan ``engine`` finds within ``time_limit`` seconds (everything included).

    Same seed, same plan whenever the search stops for a reason other than the clock: pass
    ``iterations`` (PyVRP) for plans that reproduce on any machine as long as the time limit
    is generous enough to reach them.
    """
    began = time.perf_counter()
    if engine not in ENGINES:
        raise ValueError(f"unknown engine '{engine}'; choose one of {sorted(ENGINES)}")
    shifts = plan_shifts(problem) if shifts is None else shifts
    baseline = greedy(problem, shifts)
    day_trips = greedy(problem) if _locks_on_day_trips(problem, shifts) else None
    model = build_model(problem, shifts)
    # Keep back a little for reading the routes into a plan (measured: well under 2% of the limit).
    left = time_limit - (time.perf_counter() - began) - max(0.05, 0.02 * time_limit)
    solution = None
    if model.instance.num_clients and left > 0.05:
        initial = _initial_routes(model, baseline, problem)
        if engine == "pyvrp" and iterations is not None:
            solution = ENGINES[engine].solve_instance(model.instance, left, seed, iterations=iterations,
                                                      initial=initial)
        else:
            solution = ENGINES[engine].solve_instance(model.instance, left, seed, initial=initial)
    if solution is None or not solution.feasible:
        plan = _relabel(baseline, engine, 0.0)
    else:
        plan = build_plan(problem, shifts, _routes_per_shift(model, problem, solution), engine, 0.0)
        for fallback in (baseline, day_trips):
            if fallback is not None and _worse(plan, fallback):
                plan = _relabel(fallback, engine, 0.0)
    plan.seconds = time.perf_counter() - began
    return plan


def _worse(plan: Plan, other: Plan) -> bool:
    """Fewer must-visits, or less risk covered, than ``other``."""
    must = sum(v.must_visit for v in plan.visits), sum(v.must_visit for v in other.visits)
    return must[0] < must[1] or (must[0] == must[1] and
                                 sum(v.priority for v in plan.visits) + 1e-9 < sum(v.priority for v in other.visits))


def _locks_on_day_trips(problem: InspectionProblem, shifts: list[Shift]) -> bool:
    """Whether every locked visit's team-day is a day trip (so the day-trip greedy plan can keep it)."""
    day_trip = {(problem.teams[s.team].team_id, s.day) for s in shifts if s.start_loc == s.end_loc and s.overnight is None
                and s.start_loc == problem.team_location[s.team]}
    return all((x.team_id, x.day) in day_trip for x in problem.locked)


def _relabel(plan: Plan, engine: str, seconds: float) -> Plan:
    return Plan(plan.visits, plan.unplaced, f"{engine} (kept the greedy plan)", seconds, plan.objective, plan.routes)
