"""Sampled weeks obey every rule and, over 200 weeks, follow the LP's coverage probabilities."""

from __future__ import annotations

import numpy as np
import pytest
from patrol_fixtures import tiny_problem

from planner.patrols.game import solve_coverage
from planner.patrols.metrics import compare, coverage_entropy_bits, pin_cost
from planner.patrols.model import N_SLOTS, Pin, Rules
from planner.patrols.roster import fixed_roster, rule_violations
from planner.patrols.sampling import draw_week, sample_rosters


@pytest.fixture(scope="module")
def duty_problem():
    """3 units, 4 targets (one official), nights riskier, real duty rules; unit 3 cannot reach T4."""
    rng = np.random.default_rng(7)
    risk = rng.uniform(10, 60, size=(4, 1)) * np.tile([1.0, 1.0, 1.8], 7)[None, :]
    reach = np.ones((3, 4, N_SLOTS), dtype=bool)
    reach[2, 3] = False
    rules = Rules(max_shifts_per_week=5, min_rest_hours=16, min_official_shifts=3)
    return tiny_problem(risk, units=3, reach=reach, rules=rules,
                        kinds=("official", "unofficial", "stretch", "unofficial"))


@pytest.fixture(scope="module")
def pool(duty_problem):
    coverage = solve_coverage(duty_problem)
    return sample_rosters(duty_problem, coverage, n=200, seed=11)


def test_no_sampled_week_breaks_a_rule(duty_problem, pool) -> None:
    assert len(pool.assignments) == 200
    for k, week in enumerate(pool.assignments):
        assert rule_violations(duty_problem, week) == [], f"week {k}"


def test_frequencies_match_lp_probabilities_within_five_points(pool) -> None:
    assert pool.max_gap <= 0.05
    # and the LP is not trivial: several cells are genuinely randomised
    p = pool.coverage.probability
    assert ((p > 0.05) & (p < 0.95)).sum() >= 10


def test_same_seed_same_weeks_and_week_choice_is_reproducible(duty_problem, pool) -> None:
    again = sample_rosters(duty_problem, pool.coverage, n=5, seed=11)
    for a, b in zip(again.assignments, pool.assignments[:5]):
        assert np.array_equal(a, b)
    first = draw_week(pool, "2026-W23")
    assert np.array_equal(first.assign, draw_week(pool, "2026-W23").assign)
    others = {draw_week(pool, f"2026-W{w:02d}").meta["sample"] for w in range(1, 30)}
    assert len(others) > 10, "different weeks should draw different rosters"


def test_randomised_beats_fixed_and_is_less_predictable(duty_problem, pool) -> None:
    fixed = fixed_roster(duty_problem)
    result = compare(duty_problem, fixed.coverage, pool.frequency, pool.coverage.caught_penalty)
    assert result.attacker_utility_random < result.attacker_utility_fixed
    assert result.reduction_pct > 0
    assert result.entropy_fixed_bits == 0.0
    assert result.entropy_random_bits > 1.0
    assert coverage_entropy_bits(np.array([0.5])) == pytest.approx(1.0)


def test_pinning_a_unit_costs_protection(duty_problem) -> None:
    free = solve_coverage(duty_problem, spread=False)
    # Force unit 1 to the least risky target on a quiet morning every week.
    cold = int(np.argmin(duty_problem.risk[:, 0]))
    cost = pin_cost(duty_problem, [Pin("U1", f"T{cold + 1}", 0)], free=free)
    assert cost.attacker_utility_pinned >= cost.attacker_utility_free - 1e-6
    assert cost.weakening_pct >= 0.0


def test_a_pin_the_unit_cannot_reach_is_refused_with_the_reason(duty_problem) -> None:
    with pytest.raises(ValueError, match="cannot be at T4"):
        pin_cost(duty_problem, [Pin("U3", "T4", 0)])
