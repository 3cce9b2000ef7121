"""The planner's result API: one call plans, the result re-plans with locks and drops, and it goes
to storage and back without solving again. Locks keep their team, day and start; nothing else may
serve them."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from planner_fixtures import check_plan, problem, site, team

from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.engines.inspection import build_model
from planner.plan import greedy
from planner.problem import InspectionProblem, LockedVisit, Town
from planner.result import PlanResult, day_trip_locks, plan_inspections
from planner.trips import plan_shifts

ENGINES = ["pyvrp", "ortools"]
TEN_THIRTY = 10 * 60 + 30


def _tempting_lock() -> InspectionProblem:
    """One day; site L locked on T1 at 10:30, though T2 sits 10 minutes from it.

    T1 works from the origin beside five valuable sites; L is 150 minutes out. Kept where
    the lock says, L costs T1 most of its day (L, then one site near the office); moved to
    T2 it would free T1 for four sites. T2 (driving limit 200 min) cannot reach the sites
    near T1 and come back. Any search allowed to move L moves it.
    """
    near = [site(name, x, y, 5.0, service_minutes=120) for name, x, y in
            (("A", 10, 0), ("B", 0, 10), ("C", -10, 0), ("D", 0, -10), ("E", 7, 7))]
    teams = [team("T1", 0, 0), team("T2", 160, 0, max_drive_minutes=200)]
    base = problem([site("L", 150, 0, 1.0, service_minutes=60), *near], teams, days=1)
    return base.replace(locked=(LockedVisit("L", "T1", base.days[0], TEN_THIRTY),))


def _where(result: PlanResult, site_id: str) -> tuple[str, date, int]:
    visit = next(v for v in result.plan.visits if v.site_id == site_id)
    return visit.team_id, visit.day, visit.start.hour * 60 + visit.start.minute


def test_the_model_lets_only_the_locks_team_day_serve_it() -> None:
    p = _tempting_lock()
    shifts = plan_shifts(p)
    model = build_model(p, shifts)
    client = list(model.client_site).index(p.site_position("L"))
    for group, members in enumerate(model.group_shifts):
        serves = bool(model.instance.allowed[model.instance.vehicles[group].profile][client])
        own = any((p.teams[shifts[s].team].team_id, shifts[s].day) == ("T1", p.days[0]) for s in members)
        assert serves == own, f"vehicle group {group} ({model.instance.vehicles[group].name}) may serve the lock: {serves}"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_lock_stays_on_its_team_day_and_start_even_when_another_team_would_do_better(engine: str) -> None:
    p = _tempting_lock()
    result = plan_inspections(p, time_limit=1.0, seed=0, engine=engine)
    check_plan(p, result.plan)
    assert _where(result, "L") == ("T1", p.days[0], TEN_THIRTY)
    assert len([v for v in result.plan.visits if v.team_id == "T1"]) == 2, "L, then one site: the day is full"


def test_a_lock_on_a_day_its_team_does_not_work_is_refused() -> None:
    p = _tempting_lock()
    t1 = p.teams[0]
    away = p.with_teams((replace(t1, dates=(date(2030, 1, 1),)), p.teams[1]))
    with pytest.raises(DataError, match="does not work"):
        plan_inspections(away, time_limit=0.5)
    with pytest.raises(DataError, match="no such team"):
        plan_inspections(p.replace(locked=(LockedVisit("L", "T9", p.days[0], TEN_THIRTY),)), time_limit=0.5)


def _busy() -> InspectionProblem:
    sites = [site(f"S{k}", 30 * np.cos(k), 30 * np.sin(k) + 10 * k, 1.0 + k % 4, service_minutes=90)
             for k in range(12)]
    return problem(sites, [team("T1"), team("T2", 20, 20)], days=2)


@pytest.mark.parametrize("engine", ENGINES)
def test_replan_keeps_locked_visits_and_lists_dropped_sites_as_unplaced(engine: str) -> None:
    first = plan_inspections(_busy(), time_limit=0.5, seed=1, engine=engine)
    keep = [v.site_id for v in first.plan.visits if v.team_id == "T2"][:2]
    gone = next(v.site_id for v in first.plan.visits if v.site_id not in keep)
    again = first.replan(keep, [gone])
    check_plan(again.problem, again.plan)
    for site_id in keep:
        assert _where(again, site_id) == _where(first, site_id)
        assert next(v for v in again.plan.visits if v.site_id == site_id).locked
    assert gone not in {v.site_id for v in again.plan.visits}
    dropped = [u for u in again.unplaced if u.site_id == gone]
    assert [(u.reason_code, u.reason) for u in dropped] == [("dropped", "dropped by the user")]
    assert again.baseline is not None and gone not in {v.site_id for v in again.baseline.visits}


def test_replan_of_a_replan_keeps_earlier_drops_and_frees_unlisted_locks() -> None:
    first = plan_inspections(_busy(), time_limit=0.5, seed=0)
    a, b = (v.site_id for v in first.plan.visits[:2])
    second = first.replan([b], [a])
    third = second.replan([], [])
    assert a in third.problem.dropped and not third.problem.locked
    assert a in {u.site_id for u in third.unplaced if u.reason_code == "dropped"}
    assert len(third.problem.sites) == len(first.problem.sites), "a dropped site stays a candidate, listed"


def test_a_visit_both_locked_and_dropped_is_refused() -> None:
    first = plan_inspections(_busy(), time_limit=0.5, seed=0)
    both = first.plan.visits[0].site_id
    with pytest.raises(DataError, match="also dropped"):
        first.replan([both], [both])
    unvisited = next((u.site_id for u in first.unplaced), None)
    if unvisited is not None:
        with pytest.raises(DataError, match="does not visit"):
            first.replan([unvisited], [])


def test_kpis_compare_with_the_greedy_baseline() -> None:
    p = _busy()
    result = plan_inspections(p, time_limit=0.5, seed=0)
    baseline = result.baseline_kpis()
    assert baseline is not None
    assert baseline["risk_covered"] == pytest.approx(greedy(p).kpis(p)["risk_covered"])
    assert result.kpis()["risk_covered"] >= baseline["risk_covered"] - 1e-9


def _through_parquet(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    out = {}
    for name, frame in tables.items():
        buffer = io.BytesIO()
        frame.to_parquet(buffer)
        out[name] = pd.read_parquet(io.BytesIO(buffer.getvalue()))
    return out


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path) -> Dataset:
    from geodata.load import load_dataset

    return load_dataset(demo_gpkg)


def test_a_result_comes_back_from_its_tables_whole_and_replans_with_locks(demo: Dataset) -> None:
    p = InspectionProblem.from_dataset(demo, start=date(2026, 12, 7), days=2)
    first = plan_inspections(p, time_limit=1.0, seed=0).replan([], [p.sites[0].site_id])
    back = PlanResult.from_tables(_through_parquet(first.to_tables()))
    assert back.plan.visits == first.plan.visits and back.plan.routes == first.plan.routes
    assert back.unplaced == first.unplaced and back.plan.engine == first.plan.engine
    assert back.baseline is not None and first.baseline is not None
    assert back.baseline.visits == first.baseline.visits
    assert (back.problem.teams, back.problem.sites, back.problem.towns, back.problem.days, back.problem.dropped) == \
        (first.problem.teams, first.problem.sites, first.problem.towns, first.problem.days, first.problem.dropped)
    assert np.array_equal(back.problem.minutes, first.problem.minutes)
    assert np.array_equal(back.problem.km, first.problem.km)
    mine, theirs = back.kpis(), first.kpis()
    assert {k: mine[k] for k in mine if k != "by_department"} == {k: theirs[k] for k in theirs if k != "by_department"}
    # Re-planning the reopened result keeps the day-trip visits where they were.
    day_trips = {(r.team_id, r.day) for r in back.plan.routes if r.overnight is None and r.start_name == r.end_name}
    keep = [v.site_id for v in back.plan.visits if (v.team_id, v.day) in day_trips][:3]
    assert keep, "the demo plan has day trips"
    again = back.replan(keep, [])
    for site_id in keep:
        assert _where(again, site_id) == _where(back, site_id)


def test_tables_that_are_not_a_result_are_refused_by_name() -> None:
    tables = plan_inspections(_busy(), time_limit=0.3, seed=0).to_tables()
    with pytest.raises(ValueError, match="missing: travel"):
        PlanResult.from_tables({k: v for k, v in tables.items() if k != "travel"})
    tables["problem"] = tables["problem"].assign(format=99)
    with pytest.raises(ValueError, match="format 99"):
        PlanResult.from_tables(tables)


def test_older_saves_lock_their_day_trip_visits_only() -> None:
    monday = date(2026, 12, 7)
    visits = pd.DataFrame({"site_id": ["S1", "S2"], "team_id": ["T1", "T2"], "day": [monday, monday],
                           "start": [pd.Timestamp("2026-12-07 09:15"), pd.Timestamp("2026-12-07 11:00")]})
    routes = pd.DataFrame({"team_id": ["T1", "T2"], "day": [monday, monday], "start_name": ["OFF", "OFF"],
                           "end_name": ["OFF", "Town"], "overnight": ["", "Town"]})
    assert day_trip_locks(visits, routes) == (LockedVisit("S1", "T1", monday, 9 * 60 + 15),)


def test_replan_after_a_lost_day_keeps_locks_and_leaves_the_day_empty(demo: Dataset) -> None:
    first = plan_inspections(InspectionProblem.from_dataset(demo, start=date(2026, 12, 7), days=2), time_limit=1.0)
    day1, day2 = first.problem.days
    busy = {v.team_id for v in first.plan.visits if v.day == day1} & {v.team_id for v in first.plan.visits if v.day == day2}
    team_id = sorted(busy)[0]
    done = next(v for v in first.plan.visits if v.team_id == team_id and v.day == day1)
    teams = tuple(replace(t, dates=(day1,)) if t.team_id == team_id else t for t in first.problem.teams)
    again = first.replan([done.site_id], [], teams=teams)
    assert not [v for v in again.plan.visits if v.team_id == team_id and v.day == day2], "the lost day stays empty"
    assert _where(again, done.site_id) == _where(first, done.site_id)
    lost = tuple(replace(t, dates=(day2,)) if t.team_id == team_id else t for t in first.problem.teams)
    with pytest.raises(DataError, match="does not work"):
        first.replan([done.site_id], [], teams=lost)


def test_locks_that_only_fit_together_on_a_field_trip_get_that_trip() -> None:
    """P and Q are each a day trip from the office, but at their locked starts (10:30 and 16:00) the
    team cannot be back by 18:00: the day must end at the camp beside them, as when it was planned."""
    sites = [site("P", 150, 0, 1.0, service_minutes=60), site("Q", 170, 0, 1.0, service_minutes=60)]
    base = problem(sites, [team("T1")], days=2, towns=[Town("Camp", 175, 0)])
    day = base.days[0]
    locked = base.replace(locked=(LockedVisit("P", "T1", day, TEN_THIRTY), LockedVisit("Q", "T1", day, 16 * 60)))
    result = plan_inspections(locked, time_limit=0.5)
    check_plan(locked, result.plan)
    assert (_where(result, "P"), _where(result, "Q")) == (("T1", day, TEN_THIRTY), ("T1", day, 16 * 60))
    assert next(r for r in result.plan.routes if r.day == day).overnight == "Camp"
