"""Emerging hot spots: how each area's hot- or cold-spot status has changed over the periods.

A hot spot that appeared last year calls for a different response than one
that has been there for a decade or one that is fading. Following ArcGIS Pro's
*Emerging Hot Spot Analysis* (which has no Python equivalent), each period gets
its own Getis-Ord Gi* (see :mod:`risk.hotspots`; seeded permutations, FDR per
period), and the series of an area's Gi* z-scores gets a Mann-Kendall trend
test. The pattern of significant periods plus the trend give one category per
area. Hot categories (``"new"``, ``"intensifying"``, ...) carry the names agreed
for Vigía; cold ones the same names prefixed with ``"cold_"``.

Definitions (ArcGIS Pro, "How Emerging Hot Spot Analysis works"; "hot" means a
statistically significant Gi* hot spot in that period, "90%" means at least 90%
of the periods, which with fewer than 10 periods means all of them):

=============  ================================================================
new            hot in the final period and never significant (hot or cold) before.
consecutive    a single uninterrupted run of at least two hot periods at the end,
               never hot before that run, hot in less than 90% of periods.
intensifying   hot in 90% of periods including the final one, and the clustering
               grows stronger over time (significant upward Mann-Kendall trend).
persistent     hot in 90% of periods including the final one, with no significant
               trend in the clustering.
diminishing    hot in 90% of periods including the final one, and the clustering
               grows weaker over time (significant downward trend).
sporadic       hot in the final period, on and off before (less than 90% of
               periods), never a cold spot.
oscillating    hot in the final period, and a cold spot in some earlier period;
               hot in less than 90% of periods.
historical     hot in at least 90% of periods but not in the final one.
no_pattern     none of the above, hot or cold.
=============  ================================================================

Where two definitions could both apply (ArcGIS leaves the order implicit), the
≥90% categories come first, then oscillating (any earlier cold spot), then new,
consecutive and sporadic. :data:`CATEGORY_TEXT` has plain-language legends.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from geodata.catalog import Text, msg
from risk.hotspots import fdr_adjust, gi_star, weights_matrix

#: Hot categories, most urgent first, then their cold mirrors, then no pattern.
HOT_CATEGORIES: tuple[str, ...] = (
    "new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic",
    "oscillating", "historical",
)
CATEGORIES: tuple[str, ...] = HOT_CATEGORIES + tuple(f"cold_{c}" for c in HOT_CATEGORIES) + (
    "no_pattern",
)

#: Share of periods that makes a spot "persistent"-like (ArcGIS: 90%).
PERSISTENT_SHARE = 0.9

#: Plain-language meaning of every category, for legends: ``CATEGORY_TEXT[label][lang]`` (Spanish
#: from the gettext catalog, see :mod:`geodata.catalog`).
CATEGORY_TEXT: dict[str, Text] = {
    "new": msg("risk.emerging.new",
               "New hot spot: part of a high-value cluster in the latest period, and never before."),
    "consecutive": msg("risk.emerging.consecutive",
                       "Consecutive hot spot: part of a high-value cluster for the last few periods in a row, not before that."),
    "intensifying": msg("risk.emerging.intensifying",
                        "Intensifying hot spot: part of a high-value cluster in almost every period, and the "
                        "cluster is getting stronger."),
    "persistent": msg("risk.emerging.persistent",
                      "Persistent hot spot: part of a high-value cluster in almost every period, with no clear rise or fall."),
    "diminishing": msg("risk.emerging.diminishing",
                       "Diminishing hot spot: part of a high-value cluster in almost every period, but the "
                       "cluster is getting weaker."),
    "sporadic": msg("risk.emerging.sporadic",
                    "Sporadic hot spot: part of a high-value cluster in the latest period, and on and off before."),
    "oscillating": msg("risk.emerging.oscillating",
                       "Oscillating hot spot: part of a high-value cluster in the latest period, but part of "
                       "a low-value cluster in some earlier period."),
    "historical": msg("risk.emerging.historical",
                      "Historical hot spot: part of a high-value cluster in almost every period, but not in the latest one."),
    "cold_new": msg("risk.emerging.cold_new",
                    "New cold spot: part of a low-value cluster in the latest period, and never before."),
    "cold_consecutive": msg("risk.emerging.cold_consecutive",
                            "Consecutive cold spot: part of a low-value cluster for the last few periods in "
                            "a row, not before that."),
    "cold_intensifying": msg("risk.emerging.cold_intensifying",
                             "Intensifying cold spot: part of a low-value cluster in almost every period, "
                             "and the cluster is getting stronger."),
    "cold_persistent": msg("risk.emerging.cold_persistent",
                           "Persistent cold spot: part of a low-value cluster in almost every period, with "
                           "no clear rise or fall."),
    "cold_diminishing": msg("risk.emerging.cold_diminishing",
                            "Diminishing cold spot: part of a low-value cluster in almost every period, but "
                            "the cluster is getting weaker."),
    "cold_sporadic": msg("risk.emerging.cold_sporadic",
                         "Sporadic cold spot: part of a low-value cluster in the latest period, and on and off before."),
    "cold_oscillating": msg("risk.emerging.cold_oscillating",
                            "Oscillating cold spot: part of a low-value cluster in the latest period, but "
                            "part of a high-value cluster in some earlier period."),
    "cold_historical": msg("risk.emerging.cold_historical",
                           "Historical cold spot: part of a low-value cluster in almost every period, but "
                           "not in the latest one."),
    "no_pattern": msg("risk.emerging.no_pattern",
                      "No pattern: not a hot or cold spot in a way that matches any trend above."),
}


class EmergingHotspots:
    """Gi* per period + Mann-Kendall trend -> one emerging-hotspot category per area.

    Parameters
    ----------
    permutations, seed
        Conditional permutations of each period's Gi* (0: normal approximation).
    alpha
        Largest FDR-adjusted p-value for a period to count as a hot/cold spot.
    trend_alpha
        Largest Mann-Kendall p-value for a trend to count as significant
        (intensifying / diminishing). With few periods a trend cannot reach it:
        a perfectly steady rise over 5 periods has p ≈ 0.03, over 4 p ≈ 0.09.
    fdr
        Benjamini–Hochberg correction across areas within each period.
    refine
        More permutations for area-periods in the far tail (see
        :class:`risk.hotspots.Hotspots`).

    Fitted attributes (indexed by ``area_id``): ``category_``, ``trend_tau_``
    (Kendall's tau between time and the Gi* z-scores, -1..1), ``trend_z_``,
    ``trend_p_``, ``gi_z_`` and ``gi_class_`` (DataFrames, one column per
    period: z-score; "hot", "cold" or "not_significant"), ``hot_periods_``,
    ``cold_periods_`` (counts) and ``table_`` (category, trend and counts).
    """

    def __init__(self, permutations: int = 999, alpha: float = 0.10, seed: int = 0,
                 trend_alpha: float = 0.05, fdr: bool = True, refine: bool = True) -> None:
        if permutations < 0:
            raise ValueError(f"permutations must be >= 0 (got {permutations})")
        for name, value in (("alpha", alpha), ("trend_alpha", trend_alpha)):
            if not 0 < value < 1:
                raise ValueError(f"{name} must be between 0 and 1 (got {value})")
        self.permutations = permutations
        self.alpha = alpha
        self.seed = seed
        self.trend_alpha = trend_alpha
        self.fdr = fdr
        self.refine = refine

    def fit(self, panel: pd.DataFrame, w: Any) -> EmergingHotspots:
        """Classify every area from ``panel`` (index area_id, one column per period, oldest first).

        Columns are used in the order given (the caller knows its periods;
        "YYYY" / "YYYY-MM" labels sorted as text are in time order). At least
        two periods; every area of the weights needs a finite value in every
        period (use 0 for "no cases").
        """
        ids, matrix = weights_matrix(w)
        values = _aligned_panel(panel, ids)
        periods = list(panel.columns)
        index = pd.Index(ids, name="area_id")

        z, p = gi_star(values, matrix, self.permutations, self.seed, self.refine)
        if self.fdr:
            p = np.column_stack([fdr_adjust(p[:, t]) for t in range(p.shape[1])])
        significant = p <= self.alpha
        hot = significant & (z > 0)
        cold = significant & (z < 0)
        tau, trend_z, trend_p = mann_kendall(z)
        category = classify(hot, cold, trend_z, trend_p, self.trend_alpha)

        self.gi_z_ = pd.DataFrame(z, index=index, columns=periods)
        self.gi_class_ = pd.DataFrame(
            np.where(hot, "hot", np.where(cold, "cold", "not_significant")),
            index=index, columns=periods)
        self.category_ = pd.Series(category, index=index, name="emerging")
        self.trend_tau_ = pd.Series(tau, index=index, name="trend_tau")
        self.trend_z_ = pd.Series(trend_z, index=index, name="trend_z")
        self.trend_p_ = pd.Series(trend_p, index=index, name="trend_p")
        self.hot_periods_ = pd.Series(hot.sum(axis=1), index=index, name="hot_periods")
        self.cold_periods_ = pd.Series(cold.sum(axis=1), index=index, name="cold_periods")
        self.table_ = pd.concat([self.category_, self.trend_tau_, self.trend_z_, self.trend_p_,
                                 self.hot_periods_, self.cold_periods_], axis=1)
        return self


def mann_kendall(series: np.ndarray, continuity: bool = True
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mann-Kendall trend test on each row of ``series`` (areas x periods, oldest first).

    Returns Kendall's tau-b between time and the values, the normal score and
    its two-sided p-value. ``S`` counts rising minus falling pairs of periods;
    its variance under "no trend" is ``[T(T-1)(2T+5) - Σ t(t-1)(2t+5)] / 18``
    with ``t`` the sizes of groups of tied values, and
    ``Z = (S - sign(S)) / sqrt(var)`` (continuity correction). Without the
    correction Z and p equal :func:`scipy.stats.kendalltau` of time against the
    values (asymptotic method), which the tests check.
    """
    x = np.asarray(series, dtype=float)
    n_rows, periods = x.shape
    s = np.zeros(n_rows)
    for first in range(periods - 1):
        s += np.sign(x[:, first + 1:] - x[:, [first]]).sum(axis=1)
    # Tie correction: each value's tie-group size t; a group contributes t(t-1)(2t+5)
    # once, i.e. (t-1)(2t+5) per member.
    group = (x[:, :, None] == x[:, None, :]).sum(axis=2).astype(float)
    tie_sum = ((group - 1) * (2 * group + 5)).sum(axis=1)
    variance = (periods * (periods - 1) * (2 * periods + 5) - tie_sum) / 18.0
    pairs = periods * (periods - 1) / 2.0
    tied_pairs = ((group - 1) / 2.0).sum(axis=1)  # Σ t(t-1)/2 over tie groups
    with np.errstate(divide="ignore", invalid="ignore"):
        tau = np.where(pairs - tied_pairs > 0, s / np.sqrt(pairs * (pairs - tied_pairs)), 0.0)
        corrected = s - np.sign(s) if continuity else s
        z = np.where(variance > 0, corrected / np.sqrt(variance), 0.0)
    p = 2.0 * stats.norm.sf(np.abs(z))
    return tau, z, p


def classify(hot: np.ndarray, cold: np.ndarray, trend_z: np.ndarray, trend_p: np.ndarray,
             trend_alpha: float) -> np.ndarray:
    """Category per area from per-period hot/cold flags (areas x periods) and the trend."""
    category = np.full(hot.shape[0], "no_pattern", dtype=object)
    cold_side = _classify_side(cold, hot, -trend_z, trend_p, trend_alpha)
    hot_side = _classify_side(hot, cold, trend_z, trend_p, trend_alpha)
    has_cold = cold_side != ""
    category[has_cold] = "cold_" + cold_side[has_cold].astype(object)
    has_hot = hot_side != ""
    category[has_hot] = hot_side[has_hot]  # a final-period hot spot outranks a cold history
    return category


def _classify_side(spot: np.ndarray, other: np.ndarray, rising: np.ndarray,
                   trend_p: np.ndarray, trend_alpha: float) -> np.ndarray:
    """ArcGIS's rules for one side (hot, or cold with ``other`` = hot and the trend flipped)."""
    n_rows, periods = spot.shape
    label = np.full(n_rows, "", dtype=object)
    final = spot[:, -1]
    before = spot[:, :-1]
    mostly = spot.sum(axis=1) >= PERSISTENT_SHARE * periods - 1e-9
    trend = trend_p <= trend_alpha

    # Length of the run of spot periods that ends in the final period.
    run = np.zeros(n_rows, dtype=int)
    still = np.ones(n_rows, dtype=bool)
    for t in range(periods - 1, -1, -1):
        still &= spot[:, t]
        run += still
    before_run = np.arange(periods)[None, :] < (periods - run)[:, None]
    spot_before_run = (spot & before_run).any(axis=1)
    other_before = other[:, :-1].any(axis=1)

    rules = [
        ("historical", mostly & ~final),
        ("intensifying", mostly & final & trend & (rising > 0)),
        ("diminishing", mostly & final & trend & (rising < 0)),
        ("persistent", mostly & final),
        ("oscillating", final & other_before),
        ("new", final & ~before.any(axis=1) & ~other_before),
        ("consecutive", final & (run >= 2) & ~spot_before_run),
        ("sporadic", final),
    ]
    for name, hit in rules:
        label[(label == "") & hit] = name
    return label


def _aligned_panel(panel: pd.DataFrame, ids: list[str]) -> np.ndarray:
    if panel.shape[1] < 2:
        raise ValueError(f"emerging hotspots need at least 2 periods (got {panel.shape[1]} columns)")
    frame = panel.copy()
    frame.index = frame.index.astype(str)
    if frame.index.duplicated().any():
        raise ValueError(f"panel repeats area ids: {frame.index[frame.index.duplicated()][:5].tolist()}")
    missing = [i for i in ids if i not in frame.index]
    if missing:
        raise ValueError(f"panel has no row for areas {missing[:5]} (of {len(missing)}) in the weights")
    extra = frame.index.difference(pd.Index(ids))
    if len(extra):
        raise ValueError(f"panel rows {extra[:5].tolist()} are not areas of the weights")
    values = frame.loc[ids].apply(pd.to_numeric, errors="coerce").to_numpy(dtype=float)
    bad_rows, bad_cols = np.nonzero(~np.isfinite(values))
    if bad_rows.size:
        where = [(ids[r], str(panel.columns[c])) for r, c in zip(bad_rows[:5], bad_cols[:5])]
        raise ValueError(f"panel values missing or not numbers at (area, period) {where}: "
                         "use 0 where nothing was recorded")
    return values
