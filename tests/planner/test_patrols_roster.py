"""Fixed rosters obey the rules, and a week that cannot be planned is explained rule by rule."""

from __future__ import annotations

import numpy as np
import pytest
from patrol_fixtures import tiny_problem
from patrol_rest import shortest_rests

from planner.patrols.model import N_SLOTS, Pin, Rules
from planner.patrols.roster import (
    RosterInfeasible,
    explain_infeasible,
    fixed_roster,
    rule_violations,
)

DUTY = Rules(max_shifts_per_week=5, min_rest_hours=16, min_official_shifts=3)


def test_fixed_roster_guards_the_riskiest_slots_within_the_rules() -> None:
    risk = np.ones((2, N_SLOTS))
    risk[0, [2, 5, 8]] = 50.0  # three night shifts at target 1 stand out
    problem = tiny_problem(risk, units=1, rules=Rules(max_shifts_per_week=3, min_rest_hours=16,
                                                      min_official_shifts=0))
    roster = fixed_roster(problem)
    assert rule_violations(problem, roster.assign) == []
    assert sorted(s for _, t, s in roster.assignments() if t == 0) == [2, 5, 8]
    assert roster.objective == pytest.approx(150.0)


def test_rule_checker_catches_broken_rosters() -> None:
    problem = tiny_problem(np.ones((2, N_SLOTS)), units=1, rules=DUTY, kinds=("official", "unofficial"))
    assign = np.zeros((1, 2, N_SLOTS), dtype=bool)
    assign[0, 0, 0] = assign[0, 0, 1] = True  # back-to-back shifts: 0 h rest
    assign[0, 1, 1] = True  # and two places at once
    found = " | ".join(rule_violations(problem, assign))
    assert "rests less than 16 h" in found
    assert "in 2 places" in found
    assert "official crossing T1 staffed 2 shifts (min 3)" in found


def test_official_crossing_nobody_can_reach_is_named() -> None:
    reach = np.ones((1, 2, N_SLOTS), dtype=bool)
    reach[0, 0] = False
    problem = tiny_problem(np.ones((2, N_SLOTS)), units=1, reach=reach, rules=DUTY,
                           kinds=("official", "unofficial"))
    with pytest.raises(RosterInfeasible) as info:
        fixed_roster(problem)
    conflicts = info.value.conflicts
    assert [c.rule for c in conflicts] == ["presence"]
    assert conflicts[0].targets == ("T1",)
    assert "units able to reach it: none" in str(info.value)


def test_presence_beyond_unit_capacity_names_rule_unit_and_target() -> None:
    rules = Rules(max_shifts_per_week=2, min_rest_hours=16, min_official_shifts=3)
    problem = tiny_problem(np.ones((1, N_SLOTS)), units=1, rules=rules, kinds=("official",))
    conflicts = explain_infeasible(problem)
    assert sorted(c.rule for c in conflicts) == ["max_shifts", "presence"]
    assert {u for c in conflicts for u in c.units} == {"U1"}
    assert {t for c in conflicts for t in c.targets} == {"T1"}


def test_pins_that_break_rest_are_explained() -> None:
    problem = tiny_problem(np.ones((2, N_SLOTS)), units=1, rules=Rules(min_official_shifts=0))
    pinned = problem.with_pins([Pin("U1", "T1", 0), Pin("U1", "T2", 1)])
    with pytest.raises(RosterInfeasible) as info:
        fixed_roster(pinned)
    rules = sorted(c.rule for c in info.value.conflicts)
    assert rules == ["pin", "pin", "rest"]
    assert "rests 16 h between shifts" in str(info.value)


def test_a_feasible_week_has_no_conflicts() -> None:
    problem = tiny_problem(np.ones((1, N_SLOTS)), units=1, rules=DUTY, kinds=("official",))
    assert explain_infeasible(problem) == []


# --- rest between shifts, measured on the clock (not only between back-to-back slots) -------------

MON_NIGHT, TUE_AFTERNOON, WED_MORNING = 2, 4, 6


def test_rest_is_measured_on_the_clock_across_non_adjacent_shifts() -> None:
    assign = np.zeros((1, 1, N_SLOTS), dtype=bool)
    assign[0, 0, [MON_NIGHT, TUE_AFTERNOON]] = True  # one free slot between them, 8 h of rest
    assert shortest_rests(assign) == {0: 8.0}
    assign[0, 0, TUE_AFTERNOON] = False
    assign[0, 0, WED_MORNING] = True
    assert shortest_rests(assign) == {0: 24.0}


def test_the_default_rules_promise_sixteen_hours_of_rest() -> None:
    """README: 16 h rest. Night then the next afternoon (8 h) breaks it; the next morning but one does not."""
    problem = tiny_problem(np.ones((1, N_SLOTS)), units=1, rules=Rules(min_official_shifts=0))
    assign = np.zeros((1, 1, N_SLOTS), dtype=bool)
    assign[0, 0, [MON_NIGHT, TUE_AFTERNOON]] = True
    assert any("rests less than 16 h" in v for v in rule_violations(problem, assign))
    with pytest.raises(RosterInfeasible) as info:
        fixed_roster(problem.with_pins([Pin("U1", "T1", MON_NIGHT), Pin("U1", "T1", TUE_AFTERNOON)]))
    assert "rest" in {c.rule for c in info.value.conflicts}
    roster = fixed_roster(problem.with_pins([Pin("U1", "T1", MON_NIGHT), Pin("U1", "T1", WED_MORNING)]))
    assert roster.assign[0, 0, MON_NIGHT] and roster.assign[0, 0, WED_MORNING]


def test_busy_rosters_keep_sixteen_hours_between_any_two_shifts() -> None:
    """Every shift is worth guarding and the cap allows ten: only the rest rule stops a unit from
    working night, next afternoon, ... (8 h apart); with 16 h it works at most every third slot."""
    risk = np.tile([30.0, 40.0, 50.0], 7)[None, :]
    problem = tiny_problem(risk, units=1, rules=Rules(max_shifts_per_week=10, min_official_shifts=0))
    roster = fixed_roster(problem)
    rests = shortest_rests(roster.assign)
    assert roster.assign.sum() == 7, "one shift in every three slots"
    assert min(rests.values()) >= 16.0, rests
