"""Invariants on random small weeks: rosters obey rules; randomising never helps the attacker."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from patrol_fixtures import tiny_problem

from planner.patrols.game import attacker_best_response, solve_coverage
from planner.patrols.model import N_SLOTS, Rules
from planner.patrols.roster import RosterInfeasible, fixed_roster, rule_violations


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), units=st.integers(1, 3), targets=st.integers(1, 4),
       max_shifts=st.integers(1, 6), rest=st.sampled_from([0, 8, 16]))
def test_equilibrium_is_never_worse_than_the_fixed_roster(seed: int, units: int, targets: int, max_shifts: int,
                                                          rest: int) -> None:
    rng = np.random.default_rng(seed)
    risk = rng.uniform(1, 100, size=(targets, N_SLOTS))
    reach = rng.random((units, targets, N_SLOTS)) < 0.7
    kinds = ("official",) + ("unofficial",) * (targets - 1)
    problem = tiny_problem(risk, units=units, reach=reach, kinds=kinds,
                           rules=Rules(max_shifts_per_week=max_shifts, min_rest_hours=rest, min_official_shifts=1))
    try:
        fixed = fixed_roster(problem)
    except RosterInfeasible as error:
        assert error.conflicts, "an infeasible week must name its conflicting rules"
        return
    assert rule_violations(problem, fixed.assign) == []
    coverage = solve_coverage(problem)
    # A fixed roster is one of the defender's strategies, so the equilibrium can only do better.
    assert coverage.attacker_utility <= attacker_best_response(problem.risk, fixed.coverage, 0.5) + 1e-5
    assert np.all(coverage.probability <= 1 + 1e-9) and np.all(coverage.probability >= -1e-9)
    assert coverage.probability.sum() <= units * max_shifts + 1e-6
