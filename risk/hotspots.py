"""Hot and cold spots: where high (or low) values cluster on the map.

A single area with a high score may be noise; a *group* of neighbouring areas
with high scores is a pattern worth planning around. Two standard local
statistics answer "is this area part of such a group?":

* **Getis-Ord Gi*** adds up the values of an area and its neighbours and asks
  whether that local sum is higher (hot spot) or lower (cold spot) than
  chance would give. This is what ArcGIS's *Hot Spot Analysis* computes.
* **Local Moran's I** (LISA) asks whether an area resembles its neighbours
  (high among high "HH", low among low "LL") or stands out from them
  (outliers "HL", "LH").

Significance comes from seeded conditional permutations (999 by default, see
:mod:`risk.randomisation`), so the result does not assume normal data and the
same seed gives the same map. Because a map tests every area at once, a few
"significant" areas would appear by chance alone; the Benjamini–Hochberg
false-discovery-rate (FDR) correction is applied by default, so that among the
areas flagged at 90% confidence at most about 10% are expected to be false
alarms (5% at 95%, 1% at 99%).

Plain-language meanings of every class are in :data:`CLASS_TEXT` (English and
Spanish) for maps and legends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse, stats

from geodata.catalog import Text, msg
from risk.randomisation import permutation_test, pseudo_p_two_sided

#: Confidence levels of the hot/cold classes: (largest p-value, label suffix), strictest first.
CONFIDENCE_LEVELS: tuple[tuple[float, str], ...] = ((0.01, "99"), (0.05, "95"), (0.10, "90"))

#: Gi* classes, from hottest to coldest.
GI_CLASSES: tuple[str, ...] = (
    "hot_99", "hot_95", "hot_90", "not_significant", "cold_90", "cold_95", "cold_99",
)
#: Local Moran classes: quadrant when significant.
LISA_CLASSES: tuple[str, ...] = ("HH", "HL", "LH", "LL", "not_significant")
NOT_SIGNIFICANT = "not_significant"

#: Plain-language meaning of every class label, for legends: ``CLASS_TEXT[label][lang]`` (Spanish
#: from the gettext catalog, see :mod:`geodata.catalog`).
CLASS_TEXT: dict[str, Text] = {
    "hot_99": msg("risk.hotspots.hot_99",
                  "Hot spot (99% confidence): this area and its neighbours together have clearly higher "
                  "values than the rest of the map. A cluster this strong would appear by chance less than 1 "
                  "time in 100 (after allowing for testing every area)."),
    "hot_95": msg("risk.hotspots.hot_95",
                  "Hot spot (95% confidence): this area and its neighbours together have clearly higher "
                  "values than the rest of the map. A cluster this strong would appear by chance less than 1 "
                  "time in 20 (after allowing for testing every area)."),
    "hot_90": msg("risk.hotspots.hot_90",
                  "Hot spot (90% confidence): this area and its neighbours together have clearly higher "
                  "values than the rest of the map. A cluster this strong would appear by chance less than 1 "
                  "time in 10 (after allowing for testing every area)."),
    "cold_99": msg("risk.hotspots.cold_99",
                   "Cold spot (99% confidence): this area and its neighbours together have clearly lower "
                   "values than the rest of the map. A cluster this strong would appear by chance less than "
                   "1 time in 100 (after allowing for testing every area)."),
    "cold_95": msg("risk.hotspots.cold_95",
                   "Cold spot (95% confidence): this area and its neighbours together have clearly lower "
                   "values than the rest of the map. A cluster this strong would appear by chance less than "
                   "1 time in 20 (after allowing for testing every area)."),
    "cold_90": msg("risk.hotspots.cold_90",
                   "Cold spot (90% confidence): this area and its neighbours together have clearly lower "
                   "values than the rest of the map. A cluster this strong would appear by chance less than "
                   "1 time in 10 (after allowing for testing every area)."),
    "not_significant": msg("risk.hotspots.not_significant",
                           "No clear cluster: the values in and around this area are within what chance "
                           "alone produces. This does not mean the area is safe, only that it is not part of "
                           "a group."),
    "HH": msg("risk.hotspots.HH",
              "High among high: a high value surrounded by high values (the core of a hot cluster)."),
    "LL": msg("risk.hotspots.LL",
              "Low among low: a low value surrounded by low values (the core of a cold cluster)."),
    "HL": msg("risk.hotspots.HL",
              "High among low: a high value whose neighbours are low. An isolated peak: worth checking what "
              "makes this area different."),
    "LH": msg("risk.hotspots.LH",
              "Low among high: a low value whose neighbours are high. Worth checking whether cases here go undetected."),
}


class Hotspots:
    """Getis-Ord Gi* and Local Moran's I on one variable, with FDR-controlled classes.

    Parameters
    ----------
    permutations
        Conditional permutations for the pseudo p-values (0: normal
        approximation instead, fast but assumes well-behaved data). With
        ``P`` permutations the smallest two-sided p-value is ``2 / (P + 1)``,
        so 99% classes need ``P >= 199`` and FDR on many areas needs more.
    alpha
        Largest p-value (after FDR when ``fdr``) still called significant;
        0.10 keeps the 90%, 95% and 99% classes, 0.05 drops the 90% one.
    fdr
        Apply the Benjamini–Hochberg false-discovery-rate correction across
        areas (ArcGIS's "Apply False Discovery Rate Correction").
    seed
        Seed of the permutations: same seed, same classes.
    refine
        Give areas in the far tail more permutations (up to 9,999; see
        :func:`risk.randomisation.permutation_test`). Without it, 999
        permutations cap every p-value at 0.002 or more, and FDR over a few
        hundred areas then rarely lets any 95% or 99% class through.

    Fitted attributes (pandas Series indexed by ``area_id`` in the weights' order):
    ``gi_z_`` (Gi* z-score, ArcGIS's GiZScore), ``gi_p_`` (two-sided pseudo
    p-value), ``gi_p_adjusted_`` (after FDR; equal to ``gi_p_`` without FDR),
    ``gi_class_`` (:data:`GI_CLASSES`), ``lisa_i_``, ``lisa_q_`` (quadrant
    "HH", "LH", "LL", "HL"), ``lisa_p_``, ``lisa_p_adjusted_``, ``lisa_class_``
    (quadrant when significant, else ``"not_significant"``), and ``table_``
    with all of them as columns.
    """

    def __init__(self, permutations: int = 999, alpha: float = 0.10, fdr: bool = True,
                 seed: int = 0, refine: bool = True) -> None:
        if permutations < 0:
            raise ValueError(f"permutations must be >= 0 (got {permutations})")
        if not 0 < alpha < 1:
            raise ValueError(f"alpha must be between 0 and 1 (got {alpha})")
        self.permutations = permutations
        self.alpha = alpha
        self.fdr = fdr
        self.seed = seed
        self.refine = refine

    def fit(self, values: pd.Series, w: Any) -> Hotspots:
        """Compute both statistics for ``values`` (indexed by area_id) on weights ``w``.

        ``w`` is a :class:`libpysal.weights.W` (e.g. from
        :func:`risk.weights.spatial_weights`) or a ``libpysal.graph.Graph``
        whose ids are the area ids. Values are aligned to the weights' order;
        a missing, extra or non-finite value is an error naming the areas.
        """
        ids, matrix = weights_matrix(w)
        x = aligned_values(values, ids)
        index = pd.Index(ids, name="area_id")

        z, p = gi_star(x[:, None], matrix, self.permutations, self.seed, self.refine)
        gi_z, gi_p = z[:, 0], p[:, 0]
        gi_adj = fdr_adjust(gi_p) if self.fdr else gi_p
        self.gi_z_ = pd.Series(gi_z, index=index, name="gi_z")
        self.gi_p_ = pd.Series(gi_p, index=index, name="gi_p")
        self.gi_p_adjusted_ = pd.Series(gi_adj, index=index, name="gi_p_adjusted")
        self.gi_class_ = pd.Series(gi_classes(gi_z, gi_adj, self.alpha), index=index,
                                   name="gi_class")

        lisa_i, quadrant, lisa_p = local_moran(x, matrix, self.permutations, self.seed,
                                               self.refine)
        lisa_adj = fdr_adjust(lisa_p) if self.fdr else lisa_p
        self.lisa_i_ = pd.Series(lisa_i, index=index, name="lisa_i")
        self.lisa_q_ = pd.Series(quadrant, index=index, name="lisa_q")
        self.lisa_p_ = pd.Series(lisa_p, index=index, name="lisa_p")
        self.lisa_p_adjusted_ = pd.Series(lisa_adj, index=index, name="lisa_p_adjusted")
        self.lisa_class_ = pd.Series(np.where(lisa_adj <= self.alpha, quadrant, NOT_SIGNIFICANT),
                                     index=index, name="lisa_class")
        self.table_ = pd.concat(
            [self.gi_z_, self.gi_p_, self.gi_p_adjusted_, self.gi_class_, self.lisa_i_,
             self.lisa_q_, self.lisa_p_, self.lisa_p_adjusted_, self.lisa_class_], axis=1)
        return self


# ---------------------------------------------------------------------------
# Building blocks (also used by risk.emerging)
# ---------------------------------------------------------------------------


def weights_matrix(w: Any) -> tuple[list[str], sparse.csr_matrix]:
    """Ids and the weights as CSR (rows/columns in id order, zero diagonal) from a W or Graph."""
    if hasattr(w, "id_order"):  # libpysal.weights.W
        ids = [str(i) for i in w.id_order]
    elif hasattr(w, "unique_ids"):  # libpysal.graph.Graph
        ids = [str(i) for i in w.unique_ids]
    else:
        raise TypeError(f"expected libpysal weights (W or Graph), got {type(w).__name__}")
    matrix = sparse.csr_matrix(w.sparse, dtype=float)
    matrix.setdiag(0)
    matrix.eliminate_zeros()
    matrix.sort_indices()
    if len(ids) < 2:
        raise ValueError(f"hotspots need at least 2 areas (got {len(ids)})")
    return ids, matrix


def aligned_values(values: pd.Series, ids: Sequence[str]) -> np.ndarray:
    """``values`` as floats in the order of ``ids``; clear errors for gaps and extras."""
    series = pd.Series(values)
    series.index = series.index.astype(str)
    if series.index.duplicated().any():
        raise ValueError(f"values repeat area ids: {series.index[series.index.duplicated()][:5].tolist()}")
    missing = [i for i in ids if i not in series.index]
    if missing:
        raise ValueError(f"no value for areas {missing[:5]} (of {len(missing)}) that are in the weights")
    extra = series.index.difference(pd.Index(ids))
    if len(extra):
        raise ValueError(f"values for areas {extra[:5].tolist()} that are not in the weights")
    x = pd.to_numeric(series.loc[list(ids)], errors="coerce").to_numpy(dtype=float)
    bad = ~np.isfinite(x)
    if bad.any():
        raise ValueError(f"values missing or not numbers for areas {np.asarray(ids)[bad][:5].tolist()}: "
                         "fill them or drop those areas before looking for hotspots")
    return x


def gi_star(x: np.ndarray, matrix: sparse.csr_matrix, permutations: int, seed: int,
            refine: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Gi* z-scores and two-sided p-values for each column of ``x`` (shape ``(n, m)``).

    Neighbours are binary (any non-zero weight counts 1) and each area counts
    itself, the classical Gi* of Getis & Ord (1992) and ArcGIS. The z-score is
    the analytical one; the p-value comes from conditional permutations of the
    neighbours (the area's own value fixed; refined in the far tail when
    ``refine``), or from the normal distribution when ``permutations == 0``. A column with no variation gives z 0, p 1.
    """
    n = x.shape[0]
    binary = (matrix != 0).astype(float).tocsr()
    binary.sort_indices()
    neighbours_sum = binary @ x  # (n, m): sum over neighbours, self excluded
    k = np.diff(binary.indptr).astype(float)
    w_i = k + 1.0  # self weight 1
    mean = x.mean(axis=0)
    spread = np.sqrt(np.maximum((x**2).mean(axis=0) - mean**2, 0.0))
    denominator = np.sqrt(np.maximum(n * w_i - w_i**2, 0.0) / (n - 1))[:, None] * spread[None, :]
    numerator = neighbours_sum + x - mean[None, :] * w_i[:, None]
    informative = (denominator > 1e-12 * np.maximum(np.abs(numerator), 1.0)) & (k[:, None] > 0)
    z = np.where(informative, numerator / np.where(informative, denominator, 1.0), 0.0)
    if permutations == 0:
        p = 2.0 * stats.norm.sf(np.abs(z))
    else:
        counts, used = permutation_test(x, binary, neighbours_sum, lambda rows, cols, sums: sums,
                                        permutations, seed, refine)
        p = pseudo_p_two_sided(counts, used)
    return z, np.where(informative, p, 1.0)


def local_moran(x: np.ndarray, matrix: sparse.csr_matrix, permutations: int, seed: int,
                refine: bool = True) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Local Moran's I, quadrant label and two-sided p-value per area (esda's Moran_Local).

    Uses the weights as given (row-standardised from :mod:`risk.weights`).
    Quadrants: "HH" value and neighbours above the mean, "LL" both below,
    "HL" high value among low neighbours, "LH" the reverse.
    """
    n = x.size
    spread = x.std()
    if spread <= 1e-12 * max(np.abs(x).max(), 1.0):
        return np.zeros(n), np.full(n, "LL", dtype=object), np.ones(n)
    z = (x - x.mean()) / spread
    lag = matrix @ z
    local_i = (n - 1) * z * lag / (z * z).sum()
    high, high_lag = z > 0, lag > 0
    quadrant = np.select([high & high_lag, ~high & high_lag, ~high & ~high_lag],
                         ["HH", "LH", "LL"], default="HL").astype(object)
    k = np.diff(matrix.indptr)
    if permutations == 0:
        p = _moran_normal_p(z, local_i, matrix)
    else:
        observed = (z * lag)[:, None]
        counts, used = permutation_test(z[:, None], matrix, observed,
                                        lambda rows, cols, sums: z[None, None, rows] * sums,
                                        permutations, seed, refine)
        p = pseudo_p_two_sided(counts, used)[:, 0]
    return local_i, quadrant, np.where(k > 0, p, 1.0)


def _moran_normal_p(z: np.ndarray, local_i: np.ndarray, matrix: sparse.csr_matrix) -> np.ndarray:
    """Two-sided normal p-value under conditional randomisation (Sokal et al. 1998, A7-A8)."""
    n = z.size
    m2 = (z * z).sum() / n
    wi = np.asarray(matrix.sum(axis=1)).ravel()
    wi2 = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    expected = -(z**2 * wi) / ((n - 1) * m2)
    variance = (z / m2) ** 2 * (n / max(n - 2, 1)) * (wi2 - wi**2 / (n - 1)) * (m2 - z**2 / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        score = (local_i - expected) / np.sqrt(variance)
    return np.where(variance > 0, 2.0 * stats.norm.sf(np.abs(score)), 1.0)


def fdr_adjust(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values: ``adjusted <= a`` exactly when BH at level ``a`` rejects."""
    return np.asarray(stats.false_discovery_control(np.clip(p, 0.0, 1.0), method="bh"), dtype=float)


def gi_classes(z: np.ndarray, p: np.ndarray, alpha: float) -> np.ndarray:
    """ "hot_99" ... "cold_90" / "not_significant" from Gi* z-scores and (adjusted) p-values."""
    labels = np.full(z.shape, NOT_SIGNIFICANT, dtype=object)
    for threshold, suffix in reversed(CONFIDENCE_LEVELS):  # loosest first, strictest wins
        if threshold > alpha + 1e-12:
            continue
        hit = p <= threshold
        labels[hit & (z > 0)] = f"hot_{suffix}"
        labels[hit & (z < 0)] = f"cold_{suffix}"
    return labels
