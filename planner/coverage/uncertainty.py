"""How solid is a recommendation? The same question solved across draws of the scores.

The risk scores come with Monte Carlo draws (weights, normalisation, aggregation
perturbed; see ``risk.uncertainty``). Solving the covering model once per draw says
how often each site is in the best set: a site chosen under most weightings is
*robust*; one that wins only under some weightings (fewer than
:data:`~planner.coverage.model.FRAGILE_SHARE` of the draws) is *fragile*.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planner.coverage.model import FRAGILE_SHARE, CoverageProblem, Question
from planner.coverage.solve import best_changes

#: Draws solved by default (a seeded sample of the score draws).
DEFAULT_DRAWS = 30


@dataclass(frozen=True)
class DrawStudy:
    """Per site: share of the solved draws in which the site gains an office or teams."""

    in_best: np.ndarray        # (m,) share in [0, 1]
    draws_solved: int
    seconds: float

    def label(self, sites: tuple[int, ...] | list[int]) -> str:
        """``robust`` when every site of an option is in the best set often enough, else ``fragile``."""
        if self.draws_solved == 0:
            return "not_assessed"
        shares = [float(self.in_best[s]) for s in sites]
        return "robust" if shares and min(shares) >= FRAGILE_SHARE else "fragile"

    def share(self, sites: tuple[int, ...] | list[int]) -> float:
        """How often the weakest site of an option is in the best set (NaN when not assessed)."""
        if self.draws_solved == 0 or not sites:
            return float("nan")
        return float(min(self.in_best[s] for s in sites))


def sample_columns(draws: int, wanted: int, seed: int = 0) -> np.ndarray:
    """A seeded sample of ``wanted`` draw columns out of ``draws`` (all of them when fewer)."""
    if draws <= wanted:
        return np.arange(draws)
    return np.sort(np.random.default_rng(seed).choice(draws, size=wanted, replace=False))


def across_draws(problem: CoverageProblem, question: Question, *, draws: int = DEFAULT_DRAWS, seed: int = 0,
                 time_limit: float = 30.0) -> DrawStudy:
    """Solve ``question`` under a seeded sample of the problem's draws; count each site's wins."""
    m = len(problem.site_ids)
    began = time.perf_counter()
    if problem.draws is None or problem.draws.shape[1] == 0:
        return DrawStudy(np.zeros(m), 0, 0.0)
    columns = sample_columns(problem.draws.shape[1], draws, seed)
    wins = np.zeros(m)
    solved = 0
    per_draw = time_limit / len(columns)
    for column in columns:
        risk = np.clip(np.asarray(problem.draws[:, column], dtype=float), 0.0, None)
        found = best_changes(problem, question, options=1, time_limit=per_draw, risk=risk)
        if not found:
            continue
        solved += 1
        wins[list(found[0].gaining)] += 1
    return DrawStudy(wins / max(solved, 1), solved, time.perf_counter() - began)
