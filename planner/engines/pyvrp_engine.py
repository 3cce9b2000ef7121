"""PyVRP (iterated local search) on a :class:`RoutingInstance`.

Prize collecting is native (``Client(prize=, required=)``); each vehicle group is a
``VehicleType`` with its own start/end depot, shift and distance limit; client profiles
become routing profiles whose matrices make forbidden clients unreachable.
"""

from __future__ import annotations

import time

import numpy as np
import pyvrp
from pyvrp.stop import MaxIterations, MaxRuntime, MultipleCriteria, StoppingCriterion

from planner.engines.instance import RoutingInstance, RoutingSolution

#: Distance and duration to a client a profile forbids: large enough that no solution uses
#: it, small enough that sums over a route cannot overflow int64.
FORBIDDEN = 10**9

#: Seconds kept back from the time limit for building the model and reading the result.
OVERHEAD_SECONDS = 0.05


def to_problem_data(instance: RoutingInstance) -> pyvrp.ProblemData:
    """The instance as PyVRP data (one profile per client mask)."""
    n_loc = instance.distance.shape[0]
    locations = [pyvrp.Location(0, 0) for _ in range(n_loc)]
    depots = [pyvrp.Depot(int(loc)) for loc in instance.depot_location]
    has_load = instance.demand is not None
    prizes = instance.prizes()
    required = instance.is_required()
    clients = [
        pyvrp.Client(
            int(instance.client_location[c]),
            delivery=[int(instance.demand[c])] if has_load and instance.demand is not None else [],
            service_duration=int(instance.service[c]),
            tw_early=int(instance.tw_early[c]),
            tw_late=int(instance.tw_late[c]),
            prize=int(prizes[c]),
            required=bool(required[c]),
        )
        for c in range(instance.num_clients)
    ]
    vehicle_types = [
        pyvrp.VehicleType(
            num_available=g.count,
            capacity=[g.capacity if g.capacity is not None else 2**40] if has_load else [],
            start_depot=g.start,
            end_depot=g.end,
            tw_early=g.tw_early,
            tw_late=g.tw_late,
            max_distance=g.max_distance if g.max_distance is not None else np.iinfo(np.int64).max,
            profile=g.profile,
            unit_distance_cost=g.unit_distance_cost,
            name=g.name,
        )
        for g in instance.vehicles
    ]
    masks = instance.masks()
    distances: list[np.ndarray] = []
    durations: list[np.ndarray] = []
    for mask in masks:
        dist = np.array(instance.distance, dtype=np.int64)
        dur = np.array(instance.duration, dtype=np.int64)
        if not mask.all():
            blocked = instance.client_location[~mask]
            dist[blocked, :] = FORBIDDEN
            dist[:, blocked] = FORBIDDEN
            dur[blocked, :] = FORBIDDEN
            dur[:, blocked] = FORBIDDEN
            dist[blocked, blocked] = 0
            dur[blocked, blocked] = 0
        distances.append(dist)
        durations.append(dur)
    return pyvrp.ProblemData(locations, clients, depots, vehicle_types, distances, durations)  # type: ignore[arg-type]


def solve_instance(instance: RoutingInstance, time_limit: float, seed: int = 0,
                   iterations: int | None = None,
                   initial: list[list[list[int]]] | None = None) -> RoutingSolution:
    """Best solution PyVRP finds within ``time_limit`` seconds (or ``iterations``, whichever first).

    ``initial`` (routes per vehicle group) seeds the search, e.g. with the greedy plan.
    """
    began = time.perf_counter()
    if len(set(instance.client_location.tolist())) != instance.num_clients and len(instance.masks()) > 1:
        raise ValueError("client profiles need one location per client")
    data = to_problem_data(instance)
    left = max(0.05, time_limit - (time.perf_counter() - began) - OVERHEAD_SECONDS)
    stop: StoppingCriterion = MaxRuntime(left)
    if iterations is not None:
        stop = MultipleCriteria([MaxRuntime(left), MaxIterations(iterations)])
    start = None
    if initial is not None:
        start = pyvrp.Solution(data, [pyvrp.Route(data, route, g)
                                      for g, routes in enumerate(initial) for route in routes if route])
    result = pyvrp.solve(data, stop=stop, seed=seed, collect_stats=False, display=False, initial_solution=start)
    routes: list[list[list[int]]] = [[] for _ in instance.vehicles]
    for route in result.best.routes():
        visits = [a.idx for a in route.schedule() if a.is_client()]
        routes[route.vehicle_type()].append(visits)
    return RoutingSolution(routes, bool(result.best.is_feasible()), time.perf_counter() - began, "pyvrp",
                           int(result.num_iterations), "feasible" if result.best.is_feasible() else "infeasible")
