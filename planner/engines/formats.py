"""Published routing benchmarks as :class:`RoutingInstance` (VRPLIB VRPTW, Chao TOP).

Used by ``benchmarks/vrptw.py`` and ``benchmarks/top.py`` so that the engines measured
on best-known solutions are the ones that plan inspections.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from planner.engines.instance import RoutingInstance, VehicleGroup

#: DIMACS convention: every edge is ``floor(10 * d) / 10``; engines see it times 10.
DIMACS_SCALE = 10

#: TOP lengths are full precision; engines see them times this, rounded UP so that a route
#: within ``tmax`` on the integer clock is within ``tmax`` at full precision.
TOP_SCALE = 10_000

#: Prize of one TOP score point, against a cost of 1 per scaled unit of distance: distance
#: breaks ties and guides the search (a distance cost of 0 measured 20 points worse).
TOP_PRIZE = 10**7
TOP_DISTANCE_COST = 1


def read_vrptw(path: str | Path) -> RoutingInstance:
    """A VRPLIB (C)VRPTW instance under the DIMACS convention (all values times 10, edges truncated)."""
    import vrplib

    data = vrplib.read_instance(str(path))
    xy = np.asarray(data["node_coord"], dtype=float)
    euclid = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(-1))
    edges = np.floor(euclid * DIMACS_SCALE + 1e-9).astype(np.int64)
    tw = np.asarray(data["time_window"], dtype=np.int64) * DIMACS_SCALE
    raw_service = data["service_time"]
    service = np.broadcast_to(np.asarray(raw_service, dtype=np.int64), (len(xy),)) * DIMACS_SCALE
    demand = np.asarray(data["demand"], dtype=np.int64)
    fleet = int(data.get("vehicles", len(xy) - 1))
    return RoutingInstance(
        distance=edges, duration=edges,
        depot_location=np.array([0]), client_location=np.arange(1, len(xy)),
        service=service[1:], tw_early=tw[1:, 0], tw_late=tw[1:, 1],
        vehicles=(VehicleGroup(0, 0, fleet, int(tw[0, 0]), int(tw[0, 1]), capacity=int(data["capacity"])),),
        demand=demand[1:], name=str(data.get("name", Path(path).stem)),
    )


@dataclass(frozen=True)
class TopInstance:
    """A Chao TOP instance: points, scores, vehicles and the route length limit."""

    name: str
    xy: np.ndarray
    score: np.ndarray
    vehicles: int
    tmax: float

    def exact_length(self, route: list[int]) -> float:
        """Full-precision length of a route over customer indices (start and end depot added)."""
        nodes = [0] + [c + 1 for c in route] + [len(self.xy) - 1]
        return float(sum(math.dist(self.xy[a], self.xy[b]) for a, b in itertools.pairwise(nodes)))


def read_top(path: str | Path) -> TopInstance:
    """Chao's semicolon format: ``n;N``, ``m;M``, ``tmax;T``, then ``x;y;score`` per node."""
    lines = [ln.strip() for ln in Path(path).read_text().splitlines() if ln.strip()]
    head = {ln.split(";")[0]: ln.split(";")[1] for ln in lines[:3]}
    rows = np.array([[float(v) for v in ln.split(";")[:3]] for ln in lines[3:]])
    return TopInstance(Path(path).name.removesuffix(".txt"), rows[:, :2], rows[:, 2].astype(np.int64),
                       int(head["m"]), float(head["tmax"]))


def top_instance(top: TopInstance) -> RoutingInstance:
    """TOP as prize-collecting VRP: customers optional with prize = score, start and end depots, length <= tmax."""
    euclid = np.sqrt(((top.xy[:, None, :] - top.xy[None, :, :]) ** 2).sum(-1))
    edges = np.ceil(euclid * TOP_SCALE - 1e-6).astype(np.int64)
    n = len(top.xy)
    limit = int(math.floor(top.tmax * TOP_SCALE + 1e-6))
    customers = np.arange(1, n - 1)
    return RoutingInstance(
        distance=edges, duration=edges,
        depot_location=np.array([0, n - 1]), client_location=customers,
        service=np.zeros(len(customers), dtype=np.int64),
        tw_early=np.zeros(len(customers), dtype=np.int64), tw_late=np.full(len(customers), 2**40, dtype=np.int64),
        vehicles=(VehicleGroup(0, 1, top.vehicles, 0, 2**40, max_distance=limit, unit_distance_cost=TOP_DISTANCE_COST),),
        prize=top.score[1:-1] * TOP_PRIZE, required=np.zeros(len(customers), dtype=bool), name=top.name,
    )
