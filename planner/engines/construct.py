"""A starting solution for orienteering-type instances: best prize per added distance.

Used when every client is optional and there are no time windows or loads (the team
orienteering shape): routes grow by the insertion with the highest prize per unit of added
distance that keeps each route within its distance limit. A search that starts from a full,
feasible solution spends its time improving rather than building.
"""

from __future__ import annotations

import itertools

import numpy as np

from planner.engines.instance import RoutingInstance

#: Windows at least this wide count as "no window".
OPEN = 2**39


def applies(instance: RoutingInstance) -> bool:
    """Only optional clients, no time windows, no loads."""
    return (not instance.is_required().any() and instance.demand is None
            and bool((instance.tw_early <= 0).all()) and bool((instance.tw_late >= OPEN).all())
            and len(instance.masks()) == 1)


def best_ratio_insertion(instance: RoutingInstance, rounds: int = 20) -> list[list[list[int]]]:
    """Routes per vehicle group: best prize / added-distance insertion, then 2-opt to make room, repeated."""
    prize = instance.prizes().astype(float)
    free = np.flatnonzero(prize > 0)
    routes: list[tuple[int, list[int]]] = []  # (group, clients)
    for g, group in enumerate(instance.vehicles):
        routes.extend((g, []) for _ in range(group.count))
    for _ in range(rounds):
        free = _insert(instance, routes, free, prize)
        if not any(_two_opt(instance, g, route) for g, route in routes):
            break
    out: list[list[list[int]]] = [[] for _ in instance.vehicles]
    for g, route in routes:
        if route:
            out[g].append(route)
    return out


def _ends(instance: RoutingInstance, g: int) -> tuple[int, int]:
    group = instance.vehicles[g]
    return int(instance.depot_location[group.start]), int(instance.depot_location[group.end])


def _length(instance: RoutingInstance, g: int, route: list[int]) -> int:
    start, end = _ends(instance, g)
    stops = [start] + [int(instance.client_location[c]) for c in route] + [end]
    return int(sum(instance.distance[a, b] for a, b in itertools.pairwise(stops)))


def _insert(instance: RoutingInstance, routes: list[tuple[int, list[int]]], free: np.ndarray,
            prize: np.ndarray) -> np.ndarray:
    dist = instance.distance
    loc = instance.client_location
    used = [_length(instance, g, route) for g, route in routes]
    while len(free):
        best = None
        for r, (g, route) in enumerate(routes):
            group = instance.vehicles[g]
            limit = group.max_distance if group.max_distance is not None else np.iinfo(np.int64).max
            start, end = _ends(instance, g)
            stops = [start] + [int(loc[c]) for c in route] + [end]
            for k in range(len(stops) - 1):
                a, b = stops[k], stops[k + 1]
                added = dist[a, loc[free]] + dist[loc[free], b] - dist[a, b]
                ok = used[r] + added <= limit
                if not ok.any():
                    continue
                ratio = np.where(ok, prize[free] / (added + 1.0), -1.0)
                j = int(np.argmax(ratio))
                if best is None or ratio[j] > best[0]:
                    best = (float(ratio[j]), r, k, int(free[j]), int(added[j]))
        if best is None:
            break
        _, r, k, client, added_cost = best
        routes[r][1].insert(k, client)
        used[r] += added_cost
        free = free[free != client]
    return free


def _two_opt(instance: RoutingInstance, g: int, route: list[int]) -> bool:
    """Reverse segments while that shortens the route (in place); True if it changed."""
    dist = instance.distance
    start, end = _ends(instance, g)
    changed = False
    improved = True
    while improved:
        improved = False
        stops = [start] + [int(instance.client_location[c]) for c in route] + [end]
        n = len(stops)
        for i in range(n - 3):
            for j in range(i + 2, n - 1):
                a, b, c, d = stops[i], stops[i + 1], stops[j], stops[j + 1]
                if dist[a, c] + dist[b, d] < dist[a, b] + dist[c, d]:
                    route[i:j] = route[i:j][::-1]
                    improved = changed = True
                    break
            if improved:
                break
    return changed
