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
consecutive areas with one matrix product per chunk:

* For a chunk of areas ``[start, stop)``, a drawn position ``j`` points at area
  ``j`` if ``j < i`` and at ``j + 1`` otherwise (skipping the focal area ``i``).
  For every ``j`` outside the chunk the answer is the same for all its areas,
  so the drawn values form one ``(permutations, k)`` table per chunk and the
  random neighbour sums of all its areas are a single
  ``(permutations, k) @ (k, chunk)`` product.
* The few draws that fall inside the chunk (about ``permutations * k`` over the
  whole map, whatever its size) are corrected with one sparse product. On
  small maps, where most draws fall inside, the sums are built value by value.
* Sums are laid out permutations first, so counting how many random values
  beat the observed one reads contiguous memory; chunks stay ~8 MB.

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

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy as np
from scipy import sparse

#: Target size of one chunk's work array (float64 elements): 8 MB stays in cache; bigger is slower.
_CHUNK_ELEMENTS = 1_000_000

#: Areas with fewer random statistics this extreme get more permutations (Besag & Clifford).
REFINE_EXCEEDANCES = 10
#: Total permutations after each refinement round.
REFINE_STEPS: tuple[int, ...] = (9_999,)
#: Largest work (areas x extra permutations x neighbours) of one refinement round for
#: one variable; bigger rounds are skipped (~0.2 s each at most).
REFINE_BUDGET = 30_000_000

#: ``statistic(rows, columns, sums) -> random statistics``: random neighbour sums
#: ``(P, len(columns), len(rows))`` of those areas and value columns, turned into
#: statistics comparable with ``observed[rows][:, columns].T``.
RandomStatistic = Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]


@contextmanager
def single_threaded_blas() -> Iterator[None]:
    """Run BLAS on one thread: the products here are thin (inner size = neighbours, ~6), and
    OpenBLAS's threads cost more than they save; on a busy machine 10x more.
    (threadpoolctl comes with scikit-learn; without it, nothing changes.)
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn brings it
        yield
        return
    with threadpool_limits(limits=1, user_api="blas"):
        yield


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


def random_neighbour_sums(
    values: np.ndarray, neighbours: sparse.csr_matrix, table: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Weighted sums of random neighbours for ``rows`` (sorted positions), shape ``(P, m, rows)``.

    ``values`` is ``(n, m)``; ``neighbours`` holds the weights of the *other*
    areas (zero diagonal) in CSR order, and the ``c``-th stored weight of area
    ``i`` multiplies its ``c``-th random neighbour, as in esda. Drawn position
    ``j`` means area ``j`` for rows after it and ``j + 1`` otherwise (the row
    itself is skipped). For every ``j`` outside ``[rows[0], rows[-1])`` the
    answer is the same for all ``rows``, so one matrix product gives the sums;
    the draws inside that range are then corrected with one sparse product.
    Permutations come first so that counting over them reads contiguous memory.
    """
    lo, hi = int(rows[0]), int(rows[-1])
    weights = _neighbour_weights(neighbours, rows)  # (c, k)
    n_rows, k = weights.shape
    permutations, m = table.shape[0], values.shape[1]
    if k == 0:
        return np.zeros((permutations, m, n_rows))
    ids = table[:, :k]  # (P, k)
    inside_p, inside_k = np.nonzero((ids >= lo) & (ids < hi))
    if 4 * inside_p.size > ids.size:
        # Most draws fall inside the rows' range (small maps, scattered rows): build
        # every drawn value directly instead of correcting most of them.
        index = ids[:, None, :] + (ids[:, None, :] >= rows[None, :, None])  # (P, c, k)
        return np.stack([np.einsum("pck,ck->pc", values[:, column][index], weights)
                         for column in range(m)], axis=1)
    drawn = values[np.where(ids >= lo, ids + 1, ids)]  # (P, k, m): right for rows i <= j
    sums = (np.ascontiguousarray(drawn.transpose(0, 2, 1)).reshape(permutations * m, k)
            @ weights.T).reshape(permutations, m, n_rows)
    # Draws j with lo <= j < hi: rows i > j see area j, not j + 1 as assumed above.
    if inside_p.size:
        j = ids[inside_p, inside_k]
        shifted = np.ascontiguousarray(weights.T)[inside_k]  # (J, c)
        shifted *= j[:, None] < rows[None, :]
        change = values[j] - values[j + 1]  # (J, m)
        correction = change[:, :, None] * shifted[:, None, :]  # (J, m, c)
        # Add each touched permutation's corrections once (a permutation may hold several).
        touched, slot = np.unique(inside_p, return_inverse=True)
        gather = sparse.csr_matrix((np.ones(j.size), (slot, np.arange(j.size))),
                                   shape=(touched.size, j.size))
        sums[touched] += (gather @ correction.reshape(j.size, -1)).reshape(touched.size, m, n_rows)
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
    chunk = _chunk_rows(n, permutations, k, m)
    tolerance = _tolerance(values, neighbours, observed)
    counts = np.empty((n, m), dtype=np.int64)
    for start in range(0, n, chunk):
        rows = np.arange(start, min(n, start + chunk))
        sums = random_neighbour_sums(values, neighbours, table, rows)
        random = statistic(rows, np.arange(m), sums)
        counts[rows] = _count_tail(random, observed[rows].T[None, :, :], tolerance).T
    return counts


def _chunk_rows(n: int, permutations: int, k: int, m: int) -> int:
    """Rows per chunk of consecutive areas.

    The sums of a chunk hold ``P * m * c`` numbers (kept near
    :data:`_CHUNK_ELEMENTS`); about ``P * k * c / n`` draws fall inside the
    chunk and need correcting, so ``c <= n / (8 k)`` keeps that work an eighth
    of the sums'. Small maps get one chunk (built directly: cheaper there).
    """
    by_sums = _CHUNK_ELEMENTS // (permutations * m)
    if n * permutations * k * m <= _CHUNK_ELEMENTS:
        return n
    return max(1, min(n, by_sums, max(n // (8 * k), 256)))


def _count_tail(random: np.ndarray, target: np.ndarray, tolerance: float) -> np.ndarray:
    """Smaller tail count over the permutations (axis 0) of ``random`` ``(P, m, c)``."""
    at_least = np.count_nonzero(random >= target - tolerance, axis=0)
    at_most = np.count_nonzero(random <= target + tolerance, axis=0)
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
    with single_threaded_blas():
        return _permutation_test(values, neighbours, observed, statistic, permutations, seed,
                                 refine)


def _permutation_test(
    values: np.ndarray,
    neighbours: sparse.csr_matrix,
    observed: np.ndarray,
    statistic: RandomStatistic,
    permutations: int,
    seed: int,
    refine: bool,
) -> tuple[np.ndarray, np.ndarray]:
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
            chunk = max(1, _CHUNK_ELEMENTS // (extra * k))  # scattered rows: built directly
            for first in range(0, extend.size, chunk):
                rows = extend[first:first + chunk]
                sums = random_neighbour_sums(values[:, columns], neighbours, more, rows)
                random = statistic(rows, columns, sums)
                target_values = observed[rows][:, columns].T[None, :, :]
                counts[rows, column] += _count_tail(random, target_values, tolerance)[0]
            totals[extend, column] = target
            previous = target
    return counts, totals


def pseudo_p_two_sided(counts: np.ndarray, permutations: np.ndarray | int) -> np.ndarray:
    """Two-sided pseudo p-value: twice esda's directed ``(count + 1) / (P + 1)``, at most 1."""
    return np.minimum(1.0, 2.0 * (counts + 1.0) / (np.asarray(permutations) + 1.0))
