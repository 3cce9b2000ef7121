"""The covering model in its p-median form (radius formulation), for the OR-Library benchmark.

A p-median cost is a sum of covering terms: client ``i`` pays ``D_i^1`` plus, for every
distance level ``D_i^k`` (its sorted distinct distances to the sites), the step
``D_i^{k+1} - D_i^k`` when no open site lies within ``D_i^k``. So minimising the cost is
*maximising the covered steps*: the maximal covering model of :mod:`planner.coverage.solve`
with one demand point per (client, level), risk = the step, reach = the sites within
``D_i^k``, ``p`` new sites with one "team" each, and a single coverage level (gain 1).
This is the radius formulation of Elloumi (2010) / García, Labbé and Marín (2011).

Levels far beyond where a client is served in a good solution rarely matter, so each
client starts with the levels up to its distance in a greedy+interchange solution; the
model without the farther levels is a relaxation (their steps are left out). When its
optimum serves every client within its kept levels, the left-out steps are all zero and
the relaxation's optimum is optimal for the full problem; otherwise the clients served
farther get more levels and the model is solved again.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planner.coverage.model import CoverageProblem, Question
from planner.coverage.solve import best_changes


@dataclass(frozen=True)
class PMedianResult:
    """Open sites, cost, the proven lower bound, and how many relaxations were solved."""

    sites: tuple[int, ...]
    cost: float
    bound: float
    optimal: bool
    rounds: int
    seconds: float
    heuristic_cost: float

    @property
    def gap(self) -> float:
        return max(0.0, (self.cost - self.bound) / max(abs(self.cost), 1e-9))


def assignment_cost(distances: np.ndarray, sites: np.ndarray | list[int] | tuple[int, ...]) -> float:
    """Sum over clients of the distance to the nearest open site."""
    return float(np.min(distances[:, list(sites)], axis=1).sum())


def _interchange(distances: np.ndarray, chosen: list[int], passes: int) -> tuple[list[int], float]:
    """Improving swaps until none helps (each open site replaced by the best one given the others)."""
    n_clients = distances.shape[0]
    current = assignment_cost(distances, chosen)
    for _ in range(passes):
        improved = False
        for position in range(len(chosen)):
            others = chosen[:position] + chosen[position + 1:]
            base = np.min(distances[:, others], axis=1) if others else np.full(n_clients, np.inf)
            totals = np.minimum(base[:, None], distances).sum(axis=0)
            totals[others] = np.inf
            best = int(np.argmin(totals))
            if totals[best] < current - 1e-9:
                chosen[position], current, improved = best, float(totals[best]), True
        if not improved:
            break
    return chosen, current


def greedy_interchange(distances: np.ndarray, p: int, passes: int = 20, restarts: int = 8,
                       seed: int = 0) -> np.ndarray:
    """A good start: greedy addition then swaps, and ``restarts`` seeded random starts; the best found."""
    n_clients, n_sites = distances.shape
    nearest = np.full(n_clients, np.inf)
    chosen: list[int] = []
    for _ in range(p):
        totals = np.minimum(nearest[:, None], distances).sum(axis=0)
        totals[chosen] = np.inf
        best = int(np.argmin(totals))
        chosen.append(best)
        nearest = np.minimum(nearest, distances[:, best])
    best_sites, best_cost = _interchange(distances, chosen, passes)
    rng = np.random.default_rng(seed)
    for _ in range(restarts):
        sites, cost = _interchange(distances, rng.choice(n_sites, size=p, replace=False).tolist(), passes)
        if cost < best_cost - 1e-9:
            best_sites, best_cost = sites, cost
    return np.array(sorted(best_sites))


def _levels(distances: np.ndarray) -> list[np.ndarray]:
    return [np.unique(row) for row in distances]


def p_median(distances: np.ndarray, p: int, *, time_limit: float = 60.0, max_rounds: int = 20) -> PMedianResult:
    """Minimise the sum of client-to-nearest-open-site distances with ``p`` sites open (clients x sites)."""
    began = time.perf_counter()
    d = np.asarray(distances, dtype=float)
    start = greedy_interchange(d, p)
    heuristic = assignment_cost(d, start)
    levels = _levels(d)
    # client i keeps levels 0 .. kept[i]-1: those below the distance to its second-nearest site of the
    # start (a relaxation that drops the farther levels could otherwise "abandon" clients for free)
    served = np.sort(d[:, start], axis=1)[:, min(1, p - 1)]
    kept = np.array([int(np.searchsorted(lv, s)) for lv, s in zip(levels, served)])
    best_sites, best_cost, bound, rounds = tuple(int(s) for s in start), heuristic, 0.0, 0
    while rounds < max_rounds:
        left = time_limit - (time.perf_counter() - began)
        if left <= 0.1:
            break
        rounds += 1
        problem, base = _relaxation(d, levels, kept)
        found = best_changes(problem, Question(new_sites=p, teams_per_new_site=1), options=1, time_limit=left,
                             gains=np.array([1.0]), hint=best_sites)
        if not found:
            break
        change = found[0]
        sites = tuple(int(s) for s in change.opened)
        bound = max(bound, base - change.bound)  # relaxation's proven lower bound
        cost = assignment_cost(d, sites)
        if cost < best_cost:
            best_sites, best_cost = sites, cost
        if not change.optimal:
            break
        nearest = np.min(d[:, list(sites)], axis=1)
        top = np.array([lv[k] for lv, k in zip(levels, kept)])  # served within this: no step left out is paid
        beyond = nearest > top
        if not beyond.any():
            bound = max(bound, base - change.covered)
            break
        for i in np.flatnonzero(beyond):
            kept[i] = min(len(levels[i]) - 1, max(int(np.searchsorted(levels[i], nearest[i])), 2 * kept[i]))
    return PMedianResult(sites=best_sites, cost=best_cost, bound=min(bound, best_cost),
                         optimal=bound >= best_cost - 1e-6, rounds=rounds, seconds=time.perf_counter() - began,
                         heuristic_cost=heuristic)


def _relaxation(d: np.ndarray, levels: list[np.ndarray], kept: np.ndarray) -> tuple[CoverageProblem, float]:
    """The covering problem with levels ``1..kept[i]`` of each client; and the cost with nothing covered."""
    n_clients, n_sites = d.shape
    steps: list[float] = []
    reach_rows: list[np.ndarray] = []
    parent: list[int] = []
    base = 0.0
    for i in range(n_clients):
        lv = levels[i]
        base += float(lv[0])
        for level in range(int(kept[i])):
            step = lv[level + 1] - lv[level]
            parent.append(len(steps) - 1 if level else -1)  # the client's previous level: nested reach
            steps.append(step)
            reach_rows.append(d[i] <= lv[level])
            base += float(step)
    reach = np.array(reach_rows, dtype=bool).T.reshape(n_sites, len(steps))
    problem = CoverageProblem(point_ids=tuple(str(i) for i in range(len(steps))), risk=np.array(steps, dtype=float),
                              site_ids=tuple(str(j) for j in range(n_sites)),
                              site_names=tuple(str(j) for j in range(n_sites)), lonlat=np.zeros((n_sites, 2)),
                              teams=np.zeros(n_sites, dtype=int), existing=np.zeros(n_sites, dtype=bool), reach=reach,
                              parent=np.array(parent, dtype=int))
    return problem, base
