"""Who is whose neighbour: spatial weights for the hotspot statistics.

Hotspot statistics compare each area with the areas around it, so they need a
neighbour list. :func:`spatial_weights` uses *queen contiguity* (two areas are
neighbours when their borders touch, even at a single corner), the usual choice
for administrative units (municipalities, provinces, countries). An area that
touches nobody (an island in Lake Titicaca, an exclave, a country across the
sea) would otherwise be left out of every comparison, so it is linked to its
``k`` nearest areas instead, and they to it.

:func:`h3_weights` builds the same kind of weights for an H3 hexagon grid from
the grid's own neighbour relation, without touching geometry (the scale
benchmark has ~200,000 cells).

All weights are row-standardised (each area's neighbour weights sum to 1) and
use ``area_id`` (as text) as their ids, in the order of the input rows.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import pandas as pd
from libpysal.weights import WSP, Queen, W
from scipy import sparse
from scipy.spatial import cKDTree

#: Neighbours given to an area that touches no other area.
DEFAULT_K = 4


def spatial_weights(areas: gpd.GeoDataFrame, *, k: int = DEFAULT_K) -> W:
    """Queen-contiguity weights over ``areas``, islands linked to their ``k`` nearest areas.

    ``areas`` needs an ``area_id`` column (unique, no blanks) and a non-empty
    polygon geometry per row; at least two areas. The returned
    :class:`libpysal.weights.W` has ids ``areas["area_id"]`` (as text) in row
    order and is row-standardised.

    Islands are linked symmetrically (the island to its nearest areas and those
    areas back to it) so that every area has at least one neighbour and the
    links mean the same thing in both directions. Distances are measured
    between representative points on the sphere when the areas are in a
    geographic CRS (or have none), so the rule works for any country.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1 (got {k}): an island needs a neighbour")
    ids = _checked_ids(areas)
    n = len(ids)
    with warnings.catch_warnings():
        # libpysal warns about islands and disconnected components: handled below.
        warnings.simplefilter("ignore", UserWarning)
        queen = Queen.from_dataframe(
            areas.reset_index(drop=True), ids=ids, use_index=False, silence_warnings=True
        )
    neighbours: dict[str, set[str]] = {i: set(queen.neighbors.get(i, ())) - {i} for i in ids}
    islands = [i for i in ids if not neighbours[i]]
    if islands:
        points = _points_for_distance(areas)
        tree = cKDTree(points)
        position = {area: row for row, area in enumerate(ids)}
        k_used = min(k, n - 1)
        # k + 1 because the nearest point to an area is itself.
        _, found = tree.query(points[[position[i] for i in islands]], k=k_used + 1)
        for island, rows in zip(islands, np.atleast_2d(found)):
            nearest = [ids[r] for r in rows if ids[r] != island][:k_used]
            for other in nearest:
                neighbours[island].add(other)
                neighbours[other].add(island)
    return _row_standardised(neighbours, ids)


def h3_weights(cells: Sequence[str]) -> W:
    """Row-standardised weights between H3 cells that share an edge (same resolution).

    Uses H3's own neighbour relation (``grid_ring(cell, 1)``), so a 200,000-cell
    grid takes seconds and no geometry. Cells whose neighbours are all outside
    ``cells`` (possible at a jagged edge) get their nearest cells from the grid
    distance of the cell centres, like :func:`spatial_weights` does for islands.
    """
    import h3  # benchmarks only: not a runtime dependency of Vigía

    ids = [str(c) for c in cells]
    if len(ids) < 2:
        raise ValueError(f"spatial weights need at least 2 cells (got {len(ids)})")
    if len(set(ids)) != len(ids):
        raise ValueError("h3 cells must be unique")
    position = {cell: row for row, cell in enumerate(ids)}
    rows: list[int] = []
    cols: list[int] = []
    for row, cell in enumerate(ids):
        for other in h3.grid_ring(cell, 1):
            col = position.get(other)
            if col is not None:
                rows.append(row)
                cols.append(col)
    adjacency = sparse.csr_matrix(
        (np.ones(len(rows)), (np.asarray(rows), np.asarray(cols))), shape=(len(ids), len(ids))
    )
    lonely = np.flatnonzero(np.diff(adjacency.indptr) == 0)
    if lonely.size:
        latlng = np.array([h3.cell_to_latlng(c) for c in ids])
        points = _unit_vectors(latlng[:, 1], latlng[:, 0])
        _, found = cKDTree(points).query(points[lonely], k=min(DEFAULT_K, len(ids) - 1) + 1)
        extra_rows = np.repeat(lonely, found.shape[1] - 1)
        extra_cols = found[:, 1:].ravel()
        extra = sparse.csr_matrix(
            (np.ones(extra_rows.size), (extra_rows, extra_cols)), shape=adjacency.shape
        )
        adjacency = ((adjacency + extra + extra.T) > 0).astype(float).tocsr()
    return weights_from_adjacency(adjacency, ids)


def weights_from_adjacency(adjacency: sparse.spmatrix, ids: Sequence[str]) -> W:
    """Row-standardised :class:`W` from a 0/1 sparse adjacency whose rows follow ``ids``."""
    matrix = sparse.csr_matrix(adjacency, dtype=float)
    matrix.setdiag(0)
    matrix.eliminate_zeros()
    degree = np.asarray(matrix.sum(axis=1)).ravel()
    if (degree == 0).any():
        raise ValueError("every area needs at least one neighbour")
    standardised = sparse.diags(1.0 / degree) @ matrix
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        w = WSP(standardised.tocsr(), id_order=list(ids)).to_W(silence_warnings=True)
    w.transform = "r"
    return w


def _checked_ids(areas: gpd.GeoDataFrame) -> list[str]:
    """``area_id`` as text, after the checks whose failure would give meaningless weights."""
    if "area_id" not in areas.columns:
        raise ValueError(
            f"areas need an 'area_id' column to name the weights (columns: {list(areas.columns)})"
        )
    if len(areas) < 2:
        raise ValueError(
            f"spatial weights need at least 2 areas (got {len(areas)}): with one area there "
            "is nothing to compare it with"
        )
    raw = areas["area_id"]
    blank = raw.isna() | (raw.astype(str).str.strip() == "")
    if blank.any():
        rows = [int(r) for r in np.flatnonzero(blank.to_numpy())[:5]]
        raise ValueError(f"areas rows {rows} have no area_id: give every area a code")
    ids = raw.astype(str).tolist()
    duplicated = pd.Index(ids)[pd.Index(ids).duplicated()].unique().tolist()
    if duplicated:
        raise ValueError(f"area_id values repeat: {duplicated[:5]}: each area needs its own code")
    empty = areas.geometry.isna() | areas.geometry.is_empty
    if empty.any():
        missing = [ids[r] for r in np.flatnonzero(empty.to_numpy())[:5]]
        raise ValueError(f"areas {missing} have no geometry: neighbours cannot be found")
    return ids


def _points_for_distance(areas: gpd.GeoDataFrame) -> np.ndarray:
    """Points whose straight-line distances rank areas by closeness.

    Geographic (or unknown) CRS: representative points on the unit sphere, so
    chord length orders pairs like great-circle distance. Projected CRS: the
    planar coordinates.
    """
    crs = areas.crs
    points = areas.geometry.representative_point()
    if crs is not None and not crs.is_geographic:
        return np.column_stack([points.x.to_numpy(), points.y.to_numpy()])
    if crs is not None and crs.to_epsg() != 4326:
        points = points.to_crs(4326)
    return _unit_vectors(points.x.to_numpy(), points.y.to_numpy())


def _unit_vectors(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    lam, phi = np.radians(lon), np.radians(lat)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _row_standardised(neighbours: dict[str, set[str]], ids: list[str]) -> W:
    position = {area: row for row, area in enumerate(ids)}
    ordered = {i: sorted(neighbours[i], key=position.__getitem__) for i in ids}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        w = W(ordered, id_order=ids, silence_warnings=True)
    w.transform = "r"
    return w
