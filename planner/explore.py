"""Exploration: a share of the plan's visits goes to sites drawn at random, so results can be learned from.

A plan that only visits the sites the model already ranks highest never learns
whether the others are as quiet as it thinks, and its results cannot estimate
how many victims there are across all sites. Like the Dutch labour authority's
random share, :func:`explore` draws ``round(share x expected visits)`` sites by
simple random sampling without replacement from every *eligible* site (not
already a must-visit, locked or dropped, and placeable by some team at all), so
every eligible site has the same, known, non-zero inspection probability
``k / N``. The drawn sites become must-visits marked ``selection = "random"``
with that probability; everything the planner then targets stays
``planned`` (probability empty: chosen by targeting, not by chance).

Why a minimum inspection probability rather than Thompson sampling: the
probability of each visit is then exact (Thompson sampling's is only known by
simulation), so a Horvitz-Thompson estimate of the total victims across all
sites and an inverse-probability-weighted evaluation of the ranking are exact
too. The expected visits are the greedy reference plan's visit count (what the
teams' days hold), computed before the draw.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from planner.problem import InspectionProblem

#: Share of the plan's expected visits drawn at random when nothing else is said.
DEFAULT_SHARE = 0.1

#: Unplaced reasons that make a site ineligible: no team could ever visit it in this horizon.
UNPLACEABLE = frozenset({"no_skill", "unreachable", "window_too_short"})

RANDOM, PLANNED = "random", "planned"


@dataclass(frozen=True)
class Exploration:
    """What :func:`explore` drew: ``drawn`` of ``eligible`` sites, each with ``probability``;
    ``eligible_ids`` is the population the draw stands for (what an inverse-probability estimate covers)."""

    share: float
    expected_visits: int
    eligible: int
    drawn: int
    probability: float
    site_ids: tuple[str, ...] = ()
    eligible_ids: tuple[str, ...] = ()


def explore(problem: InspectionProblem, share: float = DEFAULT_SHARE, seed: int = 0) -> tuple[
        InspectionProblem, Exploration]:
    """The problem with ``share`` of its expected visits drawn at random (module docstring)."""
    from planner.result import reference_plan

    if not 0.0 <= share < 1.0:
        raise ValueError(f"the exploration share must be at least 0 and below 1, not {share}")
    none = Exploration(share, 0, 0, 0, 0.0)
    if share == 0.0:
        return problem, none
    baseline = reference_plan(problem)
    expected = len(baseline.visits) if baseline is not None else 0
    unplaceable = {u.site_id for u in baseline.unplaced if u.reason_code in UNPLACEABLE} if baseline else set()
    fixed = {lock.site_id for lock in problem.locked} | set(problem.dropped) | unplaceable
    eligible = [i for i, s in enumerate(problem.sites) if not s.must_visit and s.site_id not in fixed]
    drawn = min(int(round(share * expected)), len(eligible))
    population = tuple(problem.sites[i].site_id for i in eligible)
    if drawn == 0:
        return problem, replace(none, expected_visits=expected, eligible=len(eligible), eligible_ids=population)
    probability = drawn / len(eligible)
    chosen = set(np.random.default_rng(seed).choice(eligible, size=drawn, replace=False).tolist())
    sites = tuple(replace(s, must_visit=True, selection=RANDOM, selection_probability=probability)
                  if i in chosen else s for i, s in enumerate(problem.sites))
    ids = tuple(problem.sites[i].site_id for i in sorted(chosen))
    return problem.replace(sites=sites), Exploration(share, expected, len(eligible), drawn, probability, ids,
                                                     population)
