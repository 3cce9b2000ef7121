"""The coverage LP against games whose equilibrium is known in closed form."""

from __future__ import annotations

import numpy as np
import pytest
from patrol_fixtures import tiny_problem

from planner.patrols.game import attacker_utilities, solve_coverage
from planner.patrols.model import N_SLOTS, Rules


def _one_slot_game(r1: float, r2: float) -> np.ndarray:
    """Two targets that matter in one slot only (others carry no risk)."""
    risk = np.zeros((2, N_SLOTS))
    risk[0, 0], risk[1, 0] = r1, r2
    return risk


@pytest.mark.parametrize("penalty", [0.0, 0.5])
@pytest.mark.parametrize(("r1", "r2"), [(3.0, 1.0), (5.0, 4.0)])
def test_two_targets_one_resource_equalise_attacker_utility(r1: float, r2: float, penalty: float) -> None:
    """Attacker gets r(1 - c) - k r c. With c1 + c2 = 1 and equal utilities:
    r1 - (1+k) r1 c1 = r2 - (1+k) r2 (1 - c1)  =>  c1 = (r1 - r2 + (1+k) r2) / ((1+k)(r1 + r2))."""
    problem = tiny_problem(_one_slot_game(r1, r2))
    cov = solve_coverage(problem, caught_penalty=penalty)
    big_k = 1.0 + penalty
    c1 = (r1 - r2 + big_k * r2) / (big_k * (r1 + r2))
    assert cov.probability[0, 0] == pytest.approx(c1, abs=1e-5)
    assert cov.probability[1, 0] == pytest.approx(1.0 - c1, abs=1e-5)
    u = attacker_utilities(problem.risk[:, 0], cov.probability[:, 0], penalty)
    assert u[0] == pytest.approx(u[1], abs=1e-5)
    assert cov.attacker_utility == pytest.approx(r1 * (1 - big_k * c1), abs=1e-5)
    # Stackelberg: no other split of the one resource leaves the attacker less.
    for c in np.linspace(0, 1, 101):
        best = max(r1 - big_k * r1 * c, r2 - big_k * r2 * (1 - c))
        assert best >= cov.attacker_utility - 1e-5


def test_a_dominant_target_is_guarded_fully_when_the_other_cannot_compete() -> None:
    """r1 = 10, r2 = 1, k = 0: equalising needs c1 = 10/11; the attacker then gets 10/11 at both."""
    problem = tiny_problem(_one_slot_game(10.0, 1.0))
    cov = solve_coverage(problem, caught_penalty=0.0)
    assert cov.probability[0, 0] == pytest.approx(10 / 11, abs=1e-5)
    assert cov.attacker_utility == pytest.approx(10 / 11, abs=1e-5)


def test_schedule_constraints_bind_the_coverage() -> None:
    """One unit, two shifts a week: total coverage over the week is two, not 21."""
    risk = np.ones((1, N_SLOTS))
    problem = tiny_problem(risk, rules=Rules(max_shifts_per_week=2, min_rest_hours=0, min_official_shifts=0))
    cov = solve_coverage(problem, caught_penalty=0.0)
    assert cov.probability.sum() == pytest.approx(2.0, abs=1e-5)
    # Uniform spreading is the equilibrium: 2/21 everywhere, attacker gets 1 - 2/21.
    assert cov.attacker_utility == pytest.approx(1 - 2 / N_SLOTS, abs=1e-5)
    assert np.allclose(cov.probability, 2 / N_SLOTS, atol=1e-4)
