"""The routable graph built from road segments, and fastest paths on it.

Where roads connect (a decision users should know): two lines connect where they
share a vertex, at their ends or in their middle (coordinates equal after rounding
to 1e-7°, about 1 cm). Lines that cross without a shared vertex do not connect,
which is right for bridges and overpasses; a layer digitised without shared
vertices at junctions must be split (noded) in a GIS first. Roads are two-way.

To keep Dijkstra fast on detailed layers, runs of vertices with exactly two
neighbours are folded into one edge between **junctions** (vertices with one, three
or more neighbours: road ends, forks, crossings); between two junctions the fastest
of parallel runs is kept. Every vertex stays a place a point can snap to: for a
query, the snapped vertices in the middle of a run are put back as stops on it, so
joining a road in the middle of a long stretch is exact.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pyproj import Geod
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from geodata.travel.road_lines import COORD_DECIMALS, RoadSegments

#: Cap on Dijkstra cells held at once (sources x nodes), bounding memory to ~100 MB.
_CELLS_PER_CHUNK = 2_000_000

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class RoadGraph:
    """Junction graph, plus where every other vertex lies on the runs between junctions.

    Attributes
    ----------
    vertices:
        ``(V, 2)`` lon/lat of every distinct road vertex (the snap targets).
    node:
        ``(V,)`` junction number of each vertex, -1 for a vertex inside a run.
    run, run_minutes, run_km:
        ``(V,)`` for vertices inside a run: its number and the minutes/km along it
        from the run's start junction (-1 and 0 for junctions).
    run_start, run_end, run_total_minutes, run_total_km:
        ``(R,)`` per run: its end junctions and its full minutes/km.
    edge_u, edge_v, edge_minutes, edge_km:
        ``(E,)`` the fastest run between each pair of junctions ``u < v``.
    component:
        ``(N,)`` connected-component label of every junction.
    length_km:
        Total length of the distinct road segments, km (geodesic on WGS84).
    """

    vertices: np.ndarray
    node: np.ndarray
    run: np.ndarray
    run_minutes: np.ndarray
    run_km: np.ndarray
    run_start: np.ndarray
    run_end: np.ndarray
    run_total_minutes: np.ndarray
    run_total_km: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_minutes: np.ndarray
    edge_km: np.ndarray
    component: np.ndarray
    length_km: float

    @property
    def node_count(self) -> int:
        """Number of junctions."""
        return len(self.component)

    def paths(self, sources: np.ndarray, targets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Minutes and km of the fastest road path from each source to each target vertex.

        ``sources``/``targets`` index :attr:`vertices` (unique each); the result is
        ``(len(sources), len(targets))``, ``inf`` where no path exists. Dijkstra runs
        once per source, in chunks that bound memory; km are summed along the
        fastest path found.
        """
        node_of, u, v, minutes, km, n = self._with_stops(np.union1d(sources, targets))
        rows, cols = np.concatenate([u, v]), np.concatenate([v, u])
        graph = csr_matrix((np.concatenate([minutes, minutes]), (rows, cols)), shape=(n, n))
        keys = rows * n + cols
        order = np.argsort(keys)
        keys, step_km = keys[order], np.concatenate([km, km])[order]
        src, dst = node_of[sources], node_of[targets]
        out_min = np.empty((len(src), len(dst)))
        out_km = np.empty_like(out_min)
        step = max(1, _CELLS_PER_CHUNK // n)
        for lo in range(0, len(src), step):
            dist, pred = dijkstra(graph, directed=True, indices=src[lo: lo + step], return_predecessors=True)
            along = _tree_km(pred, keys, step_km)
            along[~np.isfinite(dist)] = np.inf
            out_min[lo: lo + step] = dist[:, dst]
            out_km[lo: lo + step] = along[:, dst]
        return out_min, out_km

    def _with_stops(
        self, stops: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int]:
        """Junction edges plus the ``stops`` inside runs as extra nodes cutting their run.

        Returns the node of every vertex (stops numbered after the junctions), the
        edges ``u, v, minutes, km`` and the node count.
        """
        n = self.node_count
        node_of = self.node.copy()
        inner = stops[self.node[stops] < 0]
        inner = inner[np.lexsort((self.run_minutes[inner], self.run[inner]))]
        node_of[inner] = n + np.arange(len(inner))
        run = self.run[inner]
        first = np.ones(len(inner), dtype=bool)
        first[1:] = run[1:] != run[:-1]
        last = np.ones(len(inner), dtype=bool)
        last[:-1] = first[1:]
        here = node_of[inner]
        before = np.where(first, self.run_start[run], np.roll(here, 1))
        before_min = self.run_minutes[inner] - np.where(first, 0.0, np.roll(self.run_minutes[inner], 1))
        before_km = self.run_km[inner] - np.where(first, 0.0, np.roll(self.run_km[inner], 1))
        u = np.concatenate([self.edge_u, before, here[last]])
        v = np.concatenate([self.edge_v, here, self.run_end[run[last]]])
        minutes = np.concatenate([self.edge_minutes, before_min,
                                  self.run_total_minutes[run[last]] - self.run_minutes[inner[last]]])
        km = np.concatenate([self.edge_km, before_km, self.run_total_km[run[last]] - self.run_km[inner[last]]])
        total = n + len(inner)
        lo, hi, minutes, km = _fastest_per_pair(np.minimum(u, v), np.maximum(u, v), minutes, km, total)
        return node_of, lo, hi, minutes, km, total


def _tree_km(pred: np.ndarray, keys: np.ndarray, step_km: np.ndarray) -> np.ndarray:
    """km from each source (row) to every node along its shortest-path tree.

    Pointer doubling: each node's sum to its ancestor doubles the distance covered
    per pass, so a tree of depth d needs about log2(d) vectorised passes.
    """
    s, n = pred.shape
    flat_pred = pred.ravel()
    cells = np.flatnonzero(flat_pred >= 0)
    parent = flat_pred[cells].astype(np.int64)
    ancestor = np.arange(s * n, dtype=np.int64)
    ancestor[cells] = parent + (cells // n) * n
    total = np.zeros(s * n)
    total[cells] = step_km[np.searchsorted(keys, parent * n + cells % n)]
    while True:
        next_ancestor = ancestor[ancestor]
        if np.array_equal(next_ancestor, ancestor):
            return total.reshape(s, n)
        total += total[ancestor]
        ancestor = next_ancestor


def build_graph(segments: RoadSegments) -> RoadGraph:
    """Junction graph of ``segments``; lengths geodesic on WGS84, time = length / speed."""
    _, _, metres = _GEOD.inv(segments.start[:, 0], segments.start[:, 1], segments.end[:, 0], segments.end[:, 1])
    seg_km = np.asarray(metres, dtype=float) / 1000.0
    seg_min = seg_km / segments.speed_kmh * 60.0
    ends = np.round(np.vstack([segments.start, segments.end]), COORD_DECIMALS)
    coords, ids = np.unique(ends, axis=0, return_inverse=True)
    ids = ids.ravel()
    k = len(seg_km)
    a, b = ids[:k], ids[k:]
    lo, hi, edge_min, edge_km = _fastest_per_pair(np.minimum(a, b), np.maximum(a, b), seg_min, seg_km, len(coords))
    return _fold_runs(coords, lo, hi, edge_min, edge_km)


def _fastest_per_pair(lo: np.ndarray, hi: np.ndarray, minutes: np.ndarray, km: np.ndarray,
                      n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Keep one edge per unordered pair ``lo < hi``: the fastest."""
    key = lo.astype(np.int64) * n + hi
    order = np.lexsort((minutes, key))
    first = np.ones(len(order), dtype=bool)
    first[1:] = key[order][1:] != key[order][:-1]
    keep = order[first]
    return lo[keep], hi[keep], minutes[keep], km[keep]


def _fold_runs(vertices: np.ndarray, lo: np.ndarray, hi: np.ndarray, seg_min: np.ndarray,
               seg_km: np.ndarray) -> RoadGraph:
    """Fold runs of two-neighbour vertices into junction-to-junction edges."""
    n_vertices, n_edges = len(vertices), len(lo)
    degree = np.bincount(lo, minlength=n_vertices) + np.bincount(hi, minlength=n_vertices)
    junction = (degree != 2).tolist()
    src = np.concatenate([lo, hi])
    order = np.argsort(src, kind="stable")
    indptr = np.concatenate([[0], np.cumsum(np.bincount(src, minlength=n_vertices))]).tolist()
    neighbour = np.concatenate([hi, lo])[order].tolist()
    slot_edge = np.concatenate([np.arange(n_edges), np.arange(n_edges)])[order].tolist()
    minutes, km = seg_min.tolist(), seg_km.tolist()
    visited = bytearray(n_edges)
    run = [-1] * n_vertices
    pos_min = [0.0] * n_vertices
    pos_km = [0.0] * n_vertices
    runs: list[tuple[int, int, float, float]] = []

    def walk_from(start: int) -> None:
        for slot in range(indptr[start], indptr[start + 1]):
            edge = slot_edge[slot]
            if visited[edge]:
                continue
            visited[edge] = 1
            number = len(runs)
            t, d, here = minutes[edge], km[edge], neighbour[slot]
            while not junction[here]:
                run[here], pos_min[here], pos_km[here] = number, t, d
                s = indptr[here]
                if slot_edge[s] == edge:
                    s += 1
                edge = slot_edge[s]
                visited[edge] = 1
                t, d, here = t + minutes[edge], d + km[edge], neighbour[s]
            runs.append((start, here, t, d))

    for vertex in range(n_vertices):
        if junction[vertex]:
            walk_from(vertex)
    for edge in range(n_edges):  # rings with no junction at all: cut each at one vertex
        if not visited[edge]:
            junction[int(lo[edge])] = True
            walk_from(int(lo[edge]))

    is_junction = np.array(junction)
    n_nodes = int(is_junction.sum())
    node = np.full(n_vertices, -1, dtype=np.int64)
    node[is_junction] = np.arange(n_nodes)
    start, end, total_min, total_km = (np.array(col) for col in zip(*runs))
    start, end = node[start.astype(np.int64)], node[end.astype(np.int64)]
    not_loop = start != end
    u, v, e_min, e_km = _fastest_per_pair(
        np.minimum(start, end)[not_loop], np.maximum(start, end)[not_loop],
        total_min[not_loop], total_km[not_loop], n_nodes,
    )
    adjacency = csr_matrix((np.ones(len(u)), (u, v)), shape=(n_nodes, n_nodes))
    _, component = connected_components(adjacency, directed=False)
    return RoadGraph(
        vertices=vertices,
        node=node,
        run=np.array(run, dtype=np.int64),
        run_minutes=np.array(pos_min),
        run_km=np.array(pos_km),
        run_start=start,
        run_end=end,
        run_total_minutes=total_min.astype(float),
        run_total_km=total_km.astype(float),
        edge_u=u,
        edge_v=v,
        edge_minutes=e_min,
        edge_km=e_km,
        component=component,
        length_km=float(seg_km.sum()),
    )
