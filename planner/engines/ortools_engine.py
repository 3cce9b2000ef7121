"""OR-Tools routing on a :class:`RoutingInstance`.

Optional clients are disjunctions whose penalty is the prize; a time dimension carries
windows and shifts; a distance dimension carries the driving limit; a load dimension the
capacity. The first solution comes from parallel cheapest insertion, which finds feasible
routes on tight windows where path-cheapest-arc times out (Solomon R1/RC1), then guided
local search improves it until the time limit.

OR-Tools' routing search has no seed: under a time limit the result depends on how many
moves fit in the time, so identical plans are only guaranteed when the search converges.
"""

from __future__ import annotations

import time

import numpy as np
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from planner.engines.instance import RoutingInstance, RoutingSolution

#: Seconds, and share of the limit, kept back: guided local search checks the clock between
#: moves, and on a loaded machine a move can take a while (measured on the demo at 60 s with the
#: machine at load 10: 7-9 s over its own limit, none at 10-20 s).
OVERHEAD_SECONDS = 0.1
OVERHEAD_SHARE = 0.15

_STATUS = {0: "not_solved", 1: "success", 2: "partial_success_limit", 3: "fail", 4: "fail_timeout", 5: "invalid",
           6: "infeasible", 7: "optimal"}


def solve_instance(instance: RoutingInstance, time_limit: float, seed: int = 0,
                   first_solution: str = "PARALLEL_CHEAPEST_INSERTION",
                   initial: list[list[list[int]]] | None = None) -> RoutingSolution:
    """Best solution OR-Tools finds within ``time_limit`` seconds (``seed`` is unused; see module doc).

    ``initial`` (routes per vehicle group) replaces the first-solution heuristic when given.
    """
    began = time.perf_counter()
    n_dep, n_cli = instance.num_depots, instance.num_clients
    node_loc = np.concatenate([instance.depot_location, instance.client_location]).astype(np.int64)
    owner: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    for g, group in enumerate(instance.vehicles):
        for _ in range(group.count):
            owner.append(g)
            starts.append(group.start)
            ends.append(group.end)
    manager = pywrapcp.RoutingIndexManager(n_dep + n_cli, len(owner), starts, ends)
    routing = pywrapcp.RoutingModel(manager)

    dist = instance.distance[np.ix_(node_loc, node_loc)].astype(np.int64)
    service = np.concatenate([np.zeros(n_dep, dtype=np.int64), instance.service.astype(np.int64)])
    dur = instance.duration[np.ix_(node_loc, node_loc)].astype(np.int64) + service[:, None]
    dist_cb = routing.RegisterTransitMatrix(dist.tolist())
    time_cb = routing.RegisterTransitMatrix(dur.tolist())
    routing.SetArcCostEvaluatorOfAllVehicles(dist_cb)

    horizon = int(max(max(g.tw_late for g in instance.vehicles), int(instance.tw_late.max(initial=0)))
                  + int(dur.max(initial=0)) + 1)
    routing.AddDimension(time_cb, horizon, horizon, False, "Time")
    time_dim = routing.GetDimensionOrDie("Time")
    for c in range(n_cli):
        index = manager.NodeToIndex(n_dep + c)
        time_dim.CumulVar(index).SetRange(int(instance.tw_early[c]), int(instance.tw_late[c]))
    for v, g in enumerate(owner):
        group = instance.vehicles[g]
        time_dim.CumulVar(routing.Start(v)).SetRange(group.tw_early, group.tw_late)
        time_dim.CumulVar(routing.End(v)).SetRange(group.tw_early, group.tw_late)

    if any(g.max_distance is not None for g in instance.vehicles):
        caps = [int(instance.vehicles[g].max_distance or 2**40) for g in owner]
        routing.AddDimensionWithVehicleCapacity(dist_cb, 0, caps, True, "Distance")
    if instance.demand is not None:
        demand = np.concatenate([np.zeros(n_dep, dtype=np.int64), instance.demand.astype(np.int64)])
        load_cb = routing.RegisterUnaryTransitVector(demand.tolist())
        caps = [int(instance.vehicles[g].capacity or 2**40) for g in owner]
        routing.AddDimensionWithVehicleCapacity(load_cb, 0, caps, True, "Load")

    masks = instance.masks()
    required = instance.is_required()
    if len(masks) > 1 or not masks[0].all():
        # SetAllowedVehiclesForIndex's Span argument does not bind in ortools 9.15's SWIG
        # wrapper, so restrict the vehicle variable directly (-1 = not performed).
        for c in range(n_cli):
            allowed = [v for v, g in enumerate(owner) if masks[instance.vehicles[g].profile][c]]
            values = allowed if required[c] else [-1] + allowed
            routing.VehicleVar(manager.NodeToIndex(n_dep + c)).SetValues(values)
    prizes = instance.prizes()
    for c in range(n_cli):
        if not required[c]:
            routing.AddDisjunction([manager.NodeToIndex(n_dep + c)], int(prizes[c]))

    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = getattr(routing_enums_pb2.FirstSolutionStrategy, first_solution)
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH

    def remaining() -> None:  # the clock starts at the call: model building counts against it
        left = max(0.1, time_limit * (1 - OVERHEAD_SHARE) - (time.perf_counter() - began) - OVERHEAD_SECONDS)
        params.time_limit.FromMilliseconds(int(left * 1000))

    remaining()
    assignment = None
    if initial is not None:
        per_vehicle: list[list[int]] = []
        for g, group in enumerate(instance.vehicles):
            routes_g = [r for r in initial[g] if r] + [[]] * group.count
            per_vehicle.extend([manager.NodeToIndex(n_dep + c) for c in r] for r in routes_g[: group.count])
        routing.CloseModelWithParameters(params)
        remaining()
        start = routing.ReadAssignmentFromRoutes(per_vehicle, True)
        if start is not None:
            remaining()
            assignment = routing.SolveFromAssignmentWithParameters(start, params)
    if assignment is None:
        remaining()
        assignment = routing.SolveWithParameters(params)
    status = _STATUS.get(int(routing.status()), str(routing.status()))
    routes: list[list[list[int]]] = [[] for _ in instance.vehicles]
    if assignment is None:
        return RoutingSolution(routes, False, time.perf_counter() - began, "ortools", 0, status)
    for v, g in enumerate(owner):
        index = routing.Start(v)
        route: list[int] = []
        index = assignment.Value(routing.NextVar(index))
        while not routing.IsEnd(index):
            route.append(manager.IndexToNode(index) - n_dep)
            index = assignment.Value(routing.NextVar(index))
        routes[g].append(route)
    return RoutingSolution(routes, True, time.perf_counter() - began, "ortools", 0, status)
