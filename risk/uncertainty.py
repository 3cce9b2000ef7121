"""How fragile is a ranking? Monte Carlo over the choices a composite index makes.

Following the JRC/OECD handbook's uncertainty analysis: each draw perturbs
every weight by a uniform factor in [1 - spread, 1 + spread] (±50% by default),
picks a normalisation (min-max, z-score, rank) and an aggregation (arithmetic,
geometric) at random, and ranks the areas again. An area's median rank, its
90% rank interval and the share of draws that put it in the top 10% tell a
planner whether its position is solid or an artefact of one set of choices.

Everything is vectorised: the three normalisations are computed once, then all
draws of one (normalisation, aggregation) pair are a single matrix product.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from risk.composite import AGGREGATIONS, NORMALISATIONS, aggregate

#: Default relative perturbation of each weight (±50%).
WEIGHT_SPREAD = 0.5

#: Share of areas that counts as "top" for ``p_top10``.
TOP_SHARE = 0.10


@dataclass(frozen=True)
class RankUncertainty:
    """Per area: median rank, 90% interval (always containing the point rank) and P(top 10%)."""

    rank_median: pd.Series
    rank_low: pd.Series
    rank_high: pd.Series
    p_top10: pd.Series
    draws: int

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({"rank_median": self.rank_median, "rank_low": self.rank_low,
                             "rank_high": self.rank_high, "p_top10": self.p_top10})


def top_count(n: int, share: float = TOP_SHARE) -> int:
    """How many areas are "the top 10%": at least one."""
    return max(1, int(np.ceil(share * n)))


def ranks_by_column(scores: np.ndarray) -> np.ndarray:
    """Rank of every row in every column (1 = highest), ties broken by row order."""
    n, d = scores.shape
    order = np.argsort(-scores, axis=0, kind="stable")
    ranks = np.empty((n, d), dtype=np.int32)
    np.put_along_axis(ranks, order, np.broadcast_to(np.arange(1, n + 1, dtype=np.int32)[:, None], (n, d)), axis=0)
    return ranks


def draw_scores(normalised: dict[str, np.ndarray], weights: np.ndarray, draws: int, seed: int,
                spread: float = WEIGHT_SPREAD, normalisations: Sequence[str] = NORMALISATIONS,
                aggregations: Sequence[str] = AGGREGATIONS) -> np.ndarray:
    """Scores (areas x draws) under ``draws`` random choices, seeded.

    ``normalised`` maps each normalisation name to its (areas x indicators)
    0..1 matrix; ``weights`` are the point weights.
    """
    rng = np.random.default_rng(seed)
    base = np.asarray(weights, dtype=float)
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(draws, len(base)))
    w = base[None, :] * factors
    sums = w.sum(axis=1, keepdims=True)
    w = w / np.where(sums > 0, sums, 1.0)
    norm_pick = rng.integers(0, len(normalisations), size=draws)
    agg_pick = rng.integers(0, len(aggregations), size=draws)
    n = next(iter(normalised.values())).shape[0]
    scores = np.empty((n, draws))
    for i, norm in enumerate(normalisations):
        for j, agg in enumerate(aggregations):
            cols = np.flatnonzero((norm_pick == i) & (agg_pick == j))
            if cols.size:
                scores[:, cols] = aggregate(normalised[norm], w[cols], agg)
    return scores


def rank_uncertainty(normalised: dict[str, np.ndarray], weights: np.ndarray, point_rank: np.ndarray,
                     index: pd.Index, draws: int = 1000, seed: int = 0,
                     spread: float = WEIGHT_SPREAD) -> RankUncertainty:
    """Median rank, 90% rank interval and P(top 10%) of every area over ``draws`` seeded draws.

    The interval is the 5th-95th percentile of the drawn ranks, widened when
    needed to contain ``point_rank``: a published rank outside its own interval
    would only confuse, and it happens only when the chosen configuration sits
    at the edge of the plausible ones (which the widened interval then shows).
    """
    point_rank = np.asarray(point_rank, dtype=int)
    n = len(point_rank)
    if draws < 1 or n == 0:
        ones = pd.Series(point_rank, index=index)
        return RankUncertainty(ones.astype(float), ones, ones,
                               pd.Series(np.where(point_rank <= top_count(n), 1.0, 0.0), index=index), 0)
    scores = draw_scores(normalised, weights, draws, seed, spread)
    ranks = ranks_by_column(scores)
    low, median, high = np.percentile(ranks, [5.0, 50.0, 95.0], axis=1)
    rank_low = np.minimum(np.floor(low).astype(int), point_rank)
    rank_high = np.maximum(np.ceil(high).astype(int), point_rank)
    p_top = (ranks <= top_count(n)).mean(axis=1)
    return RankUncertainty(
        rank_median=pd.Series(median, index=index, name="rank_median"),
        rank_low=pd.Series(rank_low, index=index, name="rank_low"),
        rank_high=pd.Series(rank_high, index=index, name="rank_high"),
        p_top10=pd.Series(p_top, index=index, name="p_top10"),
        draws=draws,
    )
