"""The routing core's input and output: a prize-collecting VRPTW with multiple depots.

Both engines solve a :class:`RoutingInstance` and return a :class:`RoutingSolution`. The
inspection planner builds one from an :class:`~planner.problem.InspectionProblem`
(:mod:`planner.engines.inspection`); the benchmarks build them from VRPLIB and Chao TOP
files, so the code measured on published instances is the code that plans inspections.

All numbers are integers (engines work on integers): the caller chooses the scale.
Location indices run over ``distance``/``duration`` rows; clients and depots each name
their location.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class VehicleGroup:
    """``count`` identical vehicles: start and end depot (indices into ``depots``), shift, limits.

    ``profile`` indexes :attr:`RoutingInstance.allowed`: the clients these vehicles may serve.
    """

    start: int
    end: int
    count: int = 1
    tw_early: int = 0
    tw_late: int = 2**40
    capacity: int | None = None
    max_distance: int | None = None
    profile: int = 0
    name: str = ""
    #: Cost per unit of distance (0: distance is only a limit, e.g. orienteering).
    unit_distance_cost: int = 1


@dataclass(frozen=True)
class RoutingInstance:
    """Clients, depots and vehicles on one integer clock.

    ``prize`` is what serving an optional client earns (the objective is travel distance
    plus the prizes of optional clients left out, minimised); ``required`` clients must be
    served. ``allowed`` is a list of boolean masks over clients (default: one mask, all
    True); a vehicle serves only clients its profile allows.
    """

    distance: np.ndarray
    duration: np.ndarray
    depot_location: np.ndarray
    client_location: np.ndarray
    service: np.ndarray
    tw_early: np.ndarray
    tw_late: np.ndarray
    vehicles: tuple[VehicleGroup, ...]
    demand: np.ndarray | None = None
    prize: np.ndarray | None = None
    required: np.ndarray | None = None
    allowed: tuple[np.ndarray, ...] = field(default_factory=tuple)
    name: str = ""

    @property
    def num_clients(self) -> int:
        return len(self.client_location)

    @property
    def num_depots(self) -> int:
        return len(self.depot_location)

    def is_required(self) -> np.ndarray:
        return np.ones(self.num_clients, dtype=bool) if self.required is None else self.required

    def prizes(self) -> np.ndarray:
        return np.zeros(self.num_clients, dtype=np.int64) if self.prize is None else self.prize

    def masks(self) -> tuple[np.ndarray, ...]:
        return self.allowed or (np.ones(self.num_clients, dtype=bool),)


@dataclass
class RoutingSolution:
    """Routes per vehicle group (each a list of client indices) and how the solve went."""

    routes: list[list[list[int]]]
    feasible: bool
    seconds: float
    engine: str
    iterations: int = 0
    status: str = ""

    def served(self) -> set[int]:
        return {c for group in self.routes for route in group for c in route}


def check_solution(instance: RoutingInstance, solution: RoutingSolution) -> list[str]:
    """Every rule the solution breaks, checked independently of any solver (empty = feasible).

    Rules: each client at most once and every required client served; fleet sizes; client
    profiles; capacity; time windows with waiting allowed (service starts no earlier than the
    window opens and no later than it closes); return to the end depot by the vehicle's
    shift end; maximum distance.
    """
    errors: list[str] = []
    seen: dict[int, int] = {}
    masks = instance.masks()
    for g, (group, routes) in enumerate(zip(instance.vehicles, solution.routes)):
        used = [r for r in routes if r]
        if len(used) > group.count:
            errors.append(f"group {g}: {len(used)} routes for {group.count} vehicles")
        for r, route in enumerate(used):
            where = f"group {g} route {r}"
            here = int(instance.depot_location[group.start])
            t = group.tw_early
            dist = 0
            load = 0
            for c in route:
                seen[c] = seen.get(c, 0) + 1
                if not masks[group.profile][c]:
                    errors.append(f"{where}: client {c} not allowed for this vehicle")
                loc = int(instance.client_location[c])
                t += int(instance.duration[here, loc])
                dist += int(instance.distance[here, loc])
                t = max(t, int(instance.tw_early[c]))
                if t > int(instance.tw_late[c]):
                    errors.append(f"{where}: client {c} starts at {t}, after its window closes at {instance.tw_late[c]}")
                t += int(instance.service[c])
                if instance.demand is not None:
                    load += int(instance.demand[c])
                here = loc
            end = int(instance.depot_location[group.end])
            t += int(instance.duration[here, end])
            dist += int(instance.distance[here, end])
            if t > group.tw_late:
                errors.append(f"{where}: back at {t}, after the shift ends at {group.tw_late}")
            if group.capacity is not None and load > group.capacity:
                errors.append(f"{where}: load {load} > capacity {group.capacity}")
            if group.max_distance is not None and dist > group.max_distance:
                errors.append(f"{where}: distance {dist} > limit {group.max_distance}")
    for c, n in seen.items():
        if n > 1:
            errors.append(f"client {c} served {n} times")
    missing = [c for c in np.flatnonzero(instance.is_required()) if int(c) not in seen]
    if missing:
        errors.append(f"{len(missing)} required clients not served, e.g. {missing[:5]}")
    return errors


def route_distance(instance: RoutingInstance, group: VehicleGroup, route: list[int]) -> int:
    """Distance of one route from its start depot to its end depot."""
    if not route:
        return 0
    locs = [int(instance.depot_location[group.start])] + [int(instance.client_location[c]) for c in route]
    locs.append(int(instance.depot_location[group.end]))
    return int(sum(instance.distance[a, b] for a, b in itertools.pairwise(locs)))
