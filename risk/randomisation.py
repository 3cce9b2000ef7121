"""Conditional randomisation for local spatial statistics, vectorised for large maps.

How significant is an area's local statistic? Conditional randomisation (Anselin
1995) keeps the area's own value fixed, gives it neighbours drawn at random
from all the *other* areas, recomputes the statistic many times and counts how
often chance does at least as well as the real neighbours. esda's ``crand``
does exactly this; without numba (not installed here) it loops over areas in
Python and copies the whole value vector for every area, which is O(n²): fine
for 343 municipalities, minutes for a 200,000-cell grid.

This module computes the *same* statistic with the *same* random draws as
esda (one shared table of random neighbour positions, ``ids``, where position
``j`` means "the j-th area when the focal area is left out") but in chunks of
areas with one matrix product per chunk:

* For a chunk of areas ``[start, stop)``, a drawn position ``j`` points at area
  ``j`` if ``j < i`` and at ``j + 1`` otherwise (skipping the focal area ``i``).
  For every ``j`` outside ``[start, stop)`` the answer is the same for the whole
  chunk, so the drawn values form one ``(permutations, k)`` table per chunk and
  the random neighbour sums of all areas in the chunk are a single
  ``(chunk, k) @ (k, permutations)`` product.
* The few draws that fall inside the chunk (about ``permutations * k`` over the
  whole map, whatever its size) are corrected one by one.

The result equals esda's to floating-point rounding; ``tests/risk`` checks
p-values against ``esda.G_Local`` and ``esda.Moran_Local`` on small maps
driven by esda's own draw table. :func:`draw_table` draws the table with
numpy's ``Generator`` (rows with a repeated position are drawn again, which
keeps every row exactly uniform) instead of esda's
``np.random.choice(n - 1, k, replace=False)``, which shuffles all ``n``
positions for each of the 999 rows (9 s at 200,000 cells here).

:func:`permutation_test` adds Besag & Clifford's sequential refinement: areas
still in the far tail after the first round get more permutations, so that
p-values can go below ``2 / (P + 1)`` where it matters for the FDR correction.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
from scipy import sparse

#: Target size of one chunk's work array (float64 elements), ~64 MB.
_CHUNK_ELEMENTS = 8_000_000

#: Above this many draws inside a chunk, its sums are built directly instead of corrected.
_MAX_CORRECTIONS = 256

#: Areas with fewer random statistics this extreme get more permutations (Besag & Clifford).
REFINE_EXCEEDANCES = 10
#: Total permutations after each refinement round.
REFINE_STEPS: tuple[int, ...] = (9_999,)
#: Largest work (areas x extra permutations x neighbours) of one refinement round for
#: one variable; bigger rounds are skipped (~0.2 s each at most).
REFINE_BUDGET = 30_000_000

#: ``statistic(rows, columns, sums) -> random statistics``: random neighbour sums
#: ``(len(rows), P, len(columns))`` of those areas and value columns, turned into
#: statistics comparable with ``observed[rows][:, columns]``.
RandomStatistic = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@lru_cache(maxsize=8)
def draw_table(n: int, k: int, permutations: int, seed: int | tuple[int, ...]) -> np.ndarray:
    """``(permutations, k)`` positions in ``0..n-2``, distinct within each row, uniformly drawn.

    Row ``r`` gives the random neighbours of every area in permutation ``r``
    (position ``j`` skips the focal area, see the module notes). Cached: all
    statistics on the same map with the same seed share one table, as in esda.
    """
    if n < 2:
        raise ValueError("conditional randomisation needs at least 2 areas")
    if not 1 <= k <= n - 1:
        raise ValueError(f"cannot draw {k} distinct neighbours among {n - 1} other areas")
    rng = np.random.default_rng(seed)
    pool = n - 1
    if 2 * pool < k * k:
        # Tiny maps, where most rows would repeat a position: shuffle all positions.
        table = np.ascontiguousarray(
            np.argsort(rng.random((permutations, pool)), axis=1)[:, :k], dtype=np.int64)
        table.setflags(write=False)
        return table
    table = rng.integers(0, pool, size=(permutations, k), dtype=np.int64)
    while True:
        ordered = np.sort(table, axis=1)
        repeated = np.flatnonzero((np.diff(ordered, axis=1) == 0).any(axis=1))
        if repeated.size == 0:
            table.setflags(write=False)
            return table
        table[repeated] = rng.integers(0, pool, size=(repeated.size, k), dtype=np.int64)


def _neighbour_weights(neighbours: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
    """``(len(rows), k)`` stored weights of each row in CSR order, zero-padded."""
    counts = np.diff(neighbours.indptr)[rows]
    k = int(counts.max()) if counts.size else 0
    slot = np.arange(k)
    present = slot[None, :] < counts[:, None]
    where = neighbours.indptr[rows][:, None] + slot[None, :]
    return np.where(present, neighbours.data[np.where(present, where, 0)], 0.0)


def _direct_sums(values: np.ndarray, weights: np.ndarray, ids: np.ndarray, rows: np.ndarray
                 ) -> np.ndarray:
    """Random neighbour sums built value by value: any rows, cost ``rows * P * k * m``."""
    # Position j means area j for rows after it and area j + 1 otherwise (the row is skipped).
    index = ids[None, :, :] + (ids[None, :, :] >= rows[:, None, None])  # (c, P, k)
    columns = [values[:, col][index] @ weights[:, :, None] for col in range(values.shape[1])]
    return np.concatenate(columns, axis=2)  # (c, P, m)


def random_neighbour_sums(
    values: np.ndarray, neighbours: sparse.csr_matrix, table: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Weighted sums of random neighbours for ``rows`` (a contiguous range), shape ``(rows, P, m)``.

    ``values`` is ``(n, m)``; ``neighbours`` holds the weights of the *other*
    areas (zero diagonal) in CSR order, and the ``c``-th stored weight of area
    ``i`` multiplies its ``c``-th random neighbour, as in esda.
    """
    start, stop = int(rows[0]), int(rows[-1]) + 1
    weights = _neighbour_weights(neighbours, rows)
    k = weights.shape[1]
    n_rows, permutations, m = stop - start, table.shape[0], values.shape[1]
    if k == 0:
        return np.zeros((n_rows, permutations, m))
    ids = table[:, :k]  # (P, k)
    inside_p, inside_k = np.nonzero((ids >= start) & (ids < stop))
    if inside_p.size > _MAX_CORRECTIONS:
        # Small maps: most draws fall inside the chunk, so build every drawn value directly.
        return _direct_sums(values, weights, ids, rows)
    # For draws outside [start, stop) the skip is the same for every row in the chunk.
    chunk_ids = np.where(ids >= start, ids + 1, ids)
    drawn = values[chunk_ids]  # (P, k, m)
    sums = (weights @ drawn.transpose(1, 0, 2).reshape(k, permutations * m)).reshape(
        n_rows, permutations, m
    )

    # Draws inside the chunk: rows i > j see area j, not j + 1 (assumed above).
    for p, c in zip(inside_p.tolist(), inside_k.tolist()):
        j = int(ids[p, c])
        first = j - start + 1  # first row (chunk-relative) with i > j
        if first < n_rows:
            change = values[j] - values[j + 1]  # (m,)
            sums[first:, p, :] += weights[first:, c, None] * change[None, :]
    return sums


def tail_counts(
    values: np.ndarray,
    neighbours: sparse.csr_matrix,
    table: np.ndarray,
    observed: np.ndarray,
    statistic: RandomStatistic,
) -> np.ndarray:
    """Per area and column, how many random statistics are at least as extreme, smaller tail.

    Returns ``min(#(random >= observed), #(random <= observed))`` with shape
    ``(n, m)``, so that ``(count + 1) / (P + 1)`` is esda's ``p_sim`` and twice
    it a two-sided pseudo p-value. Unlike esda's folded count
    ``min(#(>=), #(<))``, ties count in both tails: an area whose neighbours
    are as ordinary as any random draw (e.g. zeros in a map of mostly zeros)
    gets p = 1 instead of looking extreme. Without ties the two agree.
    ``statistic`` turns random neighbour sums into random statistics (see
    :data:`RandomStatistic`).
    """
    n, m = values.shape
    permutations = table.shape[0]
    k = max(int(np.diff(neighbours.indptr).max()), 1)
    chunk = max(1, min(n, _CHUNK_ELEMENTS // (permutations * k * m)))
    tolerance = _tolerance(values, neighbours, observed)
    counts = np.empty((n, m), dtype=np.int64)
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk))
        sums = random_neighbour_sums(values, neighbours, table, rows)
        random = statistic(rows, np.arange(m), sums)
        counts[rows] = _count_tail(random, observed[rows][:, None, :], tolerance)
    return counts


def _count_tail(random: np.ndarray, target: np.ndarray, tolerance: float) -> np.ndarray:
    at_least = (random >= target - tolerance).sum(axis=1)
    at_most = (random <= target + tolerance).sum(axis=1)
    return np.minimum(at_least, at_most)


def _tolerance(values: np.ndarray, neighbours: sparse.csr_matrix, observed: np.ndarray) -> float:
    """Sums taken in a different order differ in the last bits: treat those as ties."""
    row_weight = float(np.abs(neighbours).sum(axis=1).max()) if neighbours.nnz else 0.0
    return 1e-9 * max(1.0, float(np.abs(observed).max()),
                      float(np.abs(values).max()) * max(row_weight, 1.0))


def permutation_test(
    values: np.ndarray,
    neighbours: sparse.csr_matrix,
    observed: np.ndarray,
    statistic: RandomStatistic,
    permutations: int,
    seed: int,
    refine: bool = True,
) -> tuple[np.ndarray, np.ndarray]:
    """Tail counts and permutations used, per area and column (both ``(n, m)``).

    First ``permutations`` draws for every area (the table shared by all
    statistics, as in esda). Then, with ``refine``, areas whose result is
    still in the far tail (fewer than :data:`REFINE_EXCEEDANCES` random
    statistics as extreme) get more draws, up to :data:`REFINE_STEPS`, in the
    manner of Besag & Clifford's (1991) sequential Monte Carlo p-values.

    Why: with 999 permutations no p-value is below 0.002, and the FDR
    correction over a map of ``n`` areas needs ``0.002 * n / level`` areas at
    that floor before it accepts any: on the 343 municipalities, 69 areas for
    a single 99% hot spot. Refining only the extreme areas lifts the floor
    (to 0.0002) at a small cost. Rounds whose work would exceed
    :data:`REFINE_BUDGET` array elements are skipped (very large maps), so the
    cost stays bounded; then those areas keep their first-round p-values.
    Each round draws its own seeded table: same seed, same output.
    """
    n, m = values.shape
    k = max(int(np.diff(neighbours.indptr).max()), 1)
    table = draw_table(n, k, permutations, seed)
    counts = tail_counts(values, neighbours, table, observed, statistic)
    totals = np.full((n, m), permutations, dtype=np.int64)
    if not refine:
        return counts, totals
    tolerance = _tolerance(values, neighbours, observed)
    for column in range(m):
        columns = np.array([column])
        previous = permutations
        for round_number, target in enumerate(REFINE_STEPS, start=1):
            extend = np.flatnonzero(counts[:, column] < REFINE_EXCEEDANCES)
            extra = target - previous
            if extend.size == 0 or extra <= 0:
                continue
            if extend.size * extra * k > REFINE_BUDGET:
                break  # later rounds would cost even more
            more = draw_table(n, k, extra, (seed, round_number))
            chunk = max(1, _CHUNK_ELEMENTS // (extra * k))
            for first in range(0, extend.size, chunk):
                rows = extend[first:first + chunk]
                weights = _neighbour_weights(neighbours, rows)
                sums = _direct_sums(values[:, columns], weights, more[:, :weights.shape[1]], rows)
                random = statistic(rows, columns, sums)
                target_values = observed[rows][:, None, columns]
                counts[rows, column] += _count_tail(random, target_values, tolerance)[:, 0]
            totals[extend, column] = target
            previous = target
    return counts, totals


def pseudo_p_two_sided(counts: np.ndarray, permutations: np.ndarray | int) -> np.ndarray:
    """Two-sided pseudo p-value: twice esda's directed ``(count + 1) / (P + 1)``, at most 1."""
    return np.minimum(1.0, 2.0 * (counts + 1.0) / (np.asarray(permutations) + 1.0))
