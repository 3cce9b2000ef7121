"""Roster figures and files as the police read them: plain chances, dated weeks, named places, time zones."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from icalendar import Calendar
from patrol_fixtures import tiny_problem

from planner.patrols import exports
from planner.patrols.game import solve_coverage
from planner.patrols.metrics import PinCost, out_of_ten, pin_cost, watcher_success
from planner.patrols.model import N_SLOTS, Pin, Rules, slot_of
from planner.patrols.plan import plan_week
from planner.patrols.roster import Roster


def test_the_default_week_is_the_next_one_that_has_not_started() -> None:
    assert exports.next_week(dt.date(2026, 12, 4)) == "2026-W50"   # a Friday in W49
    assert exports.next_week(dt.date(2026, 12, 6)) == "2026-W50"   # Sunday: W50 starts tomorrow
    assert exports.next_week(dt.date(2026, 12, 7)) == "2026-W51"   # Monday: W50 has started
    assert exports.next_week(dt.date(2026, 12, 31)) == "2027-W01"
    assert exports.week_dates("2026-W50")[0] == dt.date(2026, 12, 7)


def test_a_watcher_always_finds_the_gap_in_a_fixed_roster_and_less_often_in_drawn_ones() -> None:
    risk = np.array([[4.0], [2.0], [1.0]])
    assert watcher_success(risk, np.array([[1.0], [0.0], [0.0]])) == 1.0  # fixed: the best gap, every time
    assert watcher_success(risk, np.ones((3, 1))) == 0.0                  # nowhere is ever empty
    # c = (0.5, 0.5, 0): the top cell looked empty all 4 weeks with 1/16 and is empty again with 1/2;
    # else the second with 1/16 (then 1/2); else the never-guarded third, empty for sure.
    c = np.array([[0.5], [0.5], [0.0]])
    first, second = 1 / 16, (1 - 1 / 16) / 16
    expected = first * 0.5 + second * 0.5 + (1 - first - second) * 1.0
    assert watcher_success(risk, c) == pytest.approx(expected)
    assert out_of_ten(0.64) == 6


def test_the_pin_cost_starts_from_the_headline_figure() -> None:
    """The page's headline (plan.comparison) and the pin's "before" are one and the same number."""
    rng = np.random.default_rng(3)
    problem = tiny_problem(rng.uniform(1, 10, size=(4, N_SLOTS)), units=2,
                           rules=Rules(max_shifts_per_week=3, min_rest_hours=0, min_official_shifts=0))
    plan = plan_week(problem, week="2026-W50", seed=1, mode="fixed")  # the comparison needs no sampled weeks
    assert plan.comparison.attacker_utility_random == pytest.approx(solve_coverage(problem).attacker_utility)
    cost = pin_cost(problem, [Pin("U1", "T1", 0)])
    assert cost.attacker_utility_free == pytest.approx(plan.comparison.attacker_utility_random, abs=1e-6)
    assert cost.watcher_success_free == pytest.approx(plan.comparison.watcher_success_random, abs=1e-6)
    assert plan.comparison.watcher_success_fixed == 1.0
    # "costs nothing" is said only when the gain does not move (the page then says so instead of "from X to X")
    assert PinCost(44.5, 44.5).costs_nothing and not PinCost(44.5, 45.7).costs_nothing


def _one_shift_roster() -> Roster:
    problem = tiny_problem(np.ones((2, N_SLOTS)))
    assign = np.zeros(problem.reach.shape, dtype=bool)
    assign[0, 1, slot_of(2, 2)] = True  # Wednesday night at Target 2
    return Roster(problem, assign)


@pytest.mark.parametrize(("lang", "day", "shift", "kind"), [("es", "miércoles", "noche", "paso no oficial"),
                                                            ("en", "Wednesday", "night", "unofficial crossing")])
def test_files_speak_the_readers_language(lang: str, day: str, shift: str, kind: str) -> None:
    roster = _one_shift_roster()
    context = exports.RosterContext("2026-W50", lang, {"BASE": "Puesto Central"})
    table = exports.roster_table(roster, context)
    assert table.iloc[0].tolist()[:9] == ["Unit 1", "Puesto Central", "09/12/2026", day, shift, "22:00", "06:00",
                                          "Target 2", kind]
    grid = exports.week_grid(roster, context)
    assert len(grid) == 3 and grid.iloc[2, 2].startswith(shift) and grid.iloc[2, 5] == "Target 2"
    assert grid.columns[5].endswith("09/12")


def test_the_calendar_names_the_datasets_time_zone() -> None:
    roster = _one_shift_roster()
    assert exports.timezone_of({"timezone": "America/Lima"}) == "America/Lima"
    assert exports.timezone_of({"timezone": "Mars/Olympus"}) == exports.DEFAULT_TIMEZONE
    assert exports.timezone_of({}) == "America/La_Paz"
    ics = exports.to_ics(roster, exports.RosterContext("2026-W50", "es", timezone="America/Lima"))
    calendar = Calendar.from_ical(ics)
    event = calendar.walk("VEVENT")[0]
    assert event["DTSTART"].params["TZID"] == "America/Lima"
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/Lima"]
    start = event.decoded("DTSTART")
    assert (start.year, start.month, start.day, start.hour) == (2026, 12, 9, 22)
