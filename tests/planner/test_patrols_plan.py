"""``plan_week``: the randomised roster is a drawn week, not the fixed roster, and it keeps the rules."""

from __future__ import annotations

import numpy as np
import pytest
from patrol_fixtures import tiny_problem
from patrol_rest import shortest_rests

from planner.patrols.model import N_SLOTS, Rules
from planner.patrols.plan import WeekPlan, plan_week
from planner.patrols.roster import rule_violations

WEEKS = [f"2026-W{w:02d}" for w in range(20, 26)]


@pytest.fixture(scope="module")
def duty_problem():
    """2 units, 3 targets (one official), nights riskier, the default duty rules."""
    rng = np.random.default_rng(3)
    risk = rng.uniform(10, 60, size=(3, 1)) * np.tile([1.0, 1.0, 1.8], 7)[None, :]
    return tiny_problem(risk, units=2, rules=Rules(), kinds=("official", "unofficial", "stretch"))


@pytest.fixture(scope="module")
def plans(duty_problem) -> dict[tuple[str, int], WeekPlan]:
    """Randomised plans of several weeks under seed 1, and of one week under seeds 1 and 2."""
    out = {(week, 1): plan_week(duty_problem, week=week, seed=1, pool=12) for week in WEEKS}
    out[(WEEKS[0], 2)] = plan_week(duty_problem, week=WEEKS[0], seed=2, pool=12)
    return out


def _keeps_the_rules(problem, assign: np.ndarray) -> None:
    assert rule_violations(problem, assign) == []
    assert min(shortest_rests(assign).values()) >= 16.0


def test_randomised_weeks_are_drawn_from_the_pool_not_the_fixed_roster(duty_problem, plans) -> None:
    for plan in plans.values():
        assert plan.mode == "randomised" and plan.sample is not None
        assert any(np.array_equal(plan.roster.assign, week) for week in plan.sample.assignments)
        _keeps_the_rules(duty_problem, plan.roster.assign)
    same_seed = [plans[(week, 1)] for week in WEEKS]
    unlike_fixed = [not np.array_equal(p.roster.assign, p.fixed.assign) for p in same_seed]
    assert sum(unlike_fixed) >= len(WEEKS) - 1, "a randomised roster must not be the fixed one week after week"
    distinct = {p.roster.assign.tobytes() for p in same_seed}
    assert len(distinct) >= 3, "calendar weeks should get different rosters"


def test_another_seed_gives_another_roster_and_the_same_seed_the_same(duty_problem, plans) -> None:
    first, other = plans[(WEEKS[0], 1)], plans[(WEEKS[0], 2)]
    assert not np.array_equal(first.roster.assign, other.roster.assign)
    again = plan_week(duty_problem, week=WEEKS[0], seed=1, pool=12)
    assert np.array_equal(first.roster.assign, again.roster.assign)


def test_the_fixed_mode_returns_the_fixed_roster_within_the_rules(duty_problem) -> None:
    plan = plan_week(duty_problem, week=WEEKS[0], seed=1, mode="fixed")
    assert plan.sample is None and np.array_equal(plan.roster.assign, plan.fixed.assign)
    _keeps_the_rules(duty_problem, plan.roster.assign)
    assert plan.roster.assign.shape == (2, 3, N_SLOTS)
