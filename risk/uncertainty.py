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

from risk.composite import AGGREGATIONS, GEOMETRIC_FLOOR, NORMALISATIONS

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


#: Work in blocks of about this many (area, draw) cells so that memory stays bounded
#: (a 200,000-cell grid x 1,000 draws would otherwise hold several GB of scores).
BLOCK_CELLS = 4_000_000


@dataclass(frozen=True)
class DrawPlan:
    """The random choices of every draw: weights (draws x indicators), normalisation and aggregation picks."""

    weights: np.ndarray
    normalisation: np.ndarray
    aggregation: np.ndarray


def draw_plan(weights: np.ndarray, draws: int, seed: int, spread: float = WEIGHT_SPREAD,
              normalisations: Sequence[str] = NORMALISATIONS,
              aggregations: Sequence[str] = AGGREGATIONS) -> DrawPlan:
    """Seeded choices of ``draws`` draws: each weight times U(1 - spread, 1 + spread), re-normalised."""
    rng = np.random.default_rng(seed)
    base = np.asarray(weights, dtype=float)
    factors = rng.uniform(1.0 - spread, 1.0 + spread, size=(draws, len(base)))
    w = base[None, :] * factors
    sums = w.sum(axis=1, keepdims=True)
    w = w / np.where(sums > 0, sums, 1.0)
    return DrawPlan(weights=w, normalisation=rng.integers(0, len(normalisations), size=draws),
                    aggregation=rng.integers(0, len(aggregations), size=draws))


@dataclass(frozen=True)
class _Parts:
    """One normalisation's matrices, transposed (indicators x areas) for row-contiguous draws."""

    values: np.ndarray     # normalised values, NaN as 0
    logs: np.ndarray       # log of the floored values (geometric aggregation), NaN as 0
    available: np.ndarray  # 1.0 where the value exists
    complete: bool         # no value missing: every weighted mean divides by 1


def _parts(normalised: np.ndarray) -> _Parts:
    available = ~np.isnan(normalised)
    v = np.where(available, normalised, 0.0)
    logs = np.where(available, np.log(GEOMETRIC_FLOOR + (1.0 - GEOMETRIC_FLOOR) * v), 0.0)
    return _Parts(np.ascontiguousarray(v.T), np.ascontiguousarray(logs.T),
                  np.ascontiguousarray(available.T.astype(float)), bool(available.all()))


def _scores_by_draw(part: _Parts, w: np.ndarray, aggregation: str) -> np.ndarray:
    """(draws x areas) scores of weight rows ``w`` — same numbers as :func:`risk.composite.aggregate`.

    Draw weights sum to 1, so with no missing value the weighted mean needs no division.
    """
    matrix = part.values if aggregation == "arithmetic" else part.logs
    if part.complete:
        mean = w @ matrix
    else:
        denominator = w @ part.available
        empty = np.log(GEOMETRIC_FLOOR) if aggregation == "geometric" else 0.0
        mean = np.where(denominator > 0, (w @ matrix) / np.where(denominator > 0, denominator, 1.0), empty)
    if aggregation == "geometric":
        mean = (np.exp(mean) - GEOMETRIC_FLOOR) / (1.0 - GEOMETRIC_FLOOR)
    return np.clip(mean, 0.0, 1.0)


def draw_scores(normalised: dict[str, np.ndarray], plan: DrawPlan, columns: np.ndarray,
                normalisations: Sequence[str] = NORMALISATIONS,
                aggregations: Sequence[str] = AGGREGATIONS) -> np.ndarray:
    """Scores (areas x len(columns)) of the draws ``columns`` of ``plan`` (for inspection and tests)."""
    parts = {m: _parts(normalised[m]) for m in normalisations}
    return _draw_block(parts, plan, columns, normalisations, aggregations).T


def _draw_block(parts: dict[str, _Parts], plan: DrawPlan, columns: np.ndarray,
                normalisations: Sequence[str], aggregations: Sequence[str]) -> np.ndarray:
    n = next(iter(parts.values())).values.shape[1]
    scores = np.empty((len(columns), n))
    norm_pick, agg_pick = plan.normalisation[columns], plan.aggregation[columns]
    for i, norm in enumerate(normalisations):
        for j, agg in enumerate(aggregations):
            rows = np.flatnonzero((norm_pick == i) & (agg_pick == j))
            if rows.size:
                scores[rows] = _scores_by_draw(parts[norm], plan.weights[columns[rows]], agg)
    return scores


def _ranks_by_row(scores: np.ndarray) -> np.ndarray:
    """Rank (1 = highest) of every column within each row of a (draws x areas) block."""
    d, n = scores.shape
    order = np.argsort(-scores, axis=1)
    ranks = np.empty((d, n), dtype=np.int32)
    np.put_along_axis(ranks, order, np.broadcast_to(np.arange(1, n + 1, dtype=np.int32), (d, n)), axis=1)
    return ranks


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
    plan = draw_plan(weights, draws, seed, spread)
    parts = {m: _parts(normalised[m]) for m in NORMALISATIONS}
    ranks = np.empty((draws, n), dtype=np.int32)  # draws x areas: each draw's ranking is contiguous
    step = max(1, BLOCK_CELLS // n)
    for first in range(0, draws, step):
        columns = np.arange(first, min(first + step, draws))
        ranks[columns] = _ranks_by_row(_draw_block(parts, plan, columns, NORMALISATIONS, AGGREGATIONS))
    low, median, high = (np.empty(n) for _ in range(3))
    p_top = np.empty(n)
    width = max(1, BLOCK_CELLS // draws)
    top = top_count(n)
    for first in range(0, n, width):
        block = np.ascontiguousarray(ranks[:, first:first + width].T)
        part = slice(first, first + width)
        low[part], median[part], high[part] = np.percentile(block, [5.0, 50.0, 95.0], axis=1)
        p_top[part] = (block <= top).mean(axis=1)
    rank_low = np.minimum(np.floor(low).astype(int), point_rank)
    rank_high = np.maximum(np.ceil(high).astype(int), point_rank)
    return RankUncertainty(
        rank_median=pd.Series(median, index=index, name="rank_median"),
        rank_low=pd.Series(rank_low, index=index, name="rank_low"),
        rank_high=pd.Series(rank_high, index=index, name="rank_high"),
        p_top10=pd.Series(p_top, index=index, name="p_top10"),
        draws=draws,
    )


def score_sample(normalised: dict[str, np.ndarray], weights: np.ndarray, index: pd.Index, draws: int = 1000,
                 seed: int = 0, keep: int = 100, spread: float = WEIGHT_SPREAD) -> pd.DataFrame:
    """Composite scores (0..100) of ``keep`` of the ``draws`` seeded draws behind :func:`rank_uncertainty`.

    Rows are areas (``index``), columns ``draw_000``...; the draws are the first
    ``keep`` of the same plan, which are a random sample of it since every draw is
    independent. A what-if planner resamples these rather than re-running the model.
    """
    count = min(max(draws, 0), keep)
    if count < 1 or len(index) == 0:
        return pd.DataFrame(index=index)
    plan = draw_plan(weights, draws, seed, spread)
    values = draw_scores(normalised, plan, np.arange(count)) * 100.0
    return pd.DataFrame(values, index=index, columns=[f"draw_{i:03d}" for i in range(count)])
