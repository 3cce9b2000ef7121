"""Exploration: the share of visits drawn at random is honoured, and every visit says how it was chosen."""

from __future__ import annotations

import pandas as pd
import pytest
from planner_fixtures import check_plan, problem, site, team

from planner.explore import DEFAULT_SHARE, explore
from planner.exports import PlanContext, visits_frame
from planner.problem import InspectionProblem
from planner.result import plan_inspections, reference_plan


def _field() -> InspectionProblem:
    """Forty sites around one office, high priority near it; one site no team can reach in a day."""
    sites = [site(f"S{k:02d}", 15 + 4 * (k % 8), 10 * (k // 8), priority=40.0 - k, service_minutes=60)
             for k in range(40)]
    sites.append(site("FAR", 2000, 0, priority=1.0))
    return problem(sites, [team("T1"), team("T2")], days=2)


def test_the_share_is_honoured_and_probabilities_are_recorded_and_sum_to_the_draw() -> None:
    base = _field()
    expected = len(reference_plan(base).visits)  # type: ignore[union-attr]
    explored, info = explore(base, share=0.25, seed=3)
    assert info.expected_visits == expected and info.drawn == round(0.25 * expected) > 0
    assert info.eligible == 40 and "FAR" not in info.eligible_ids  # FAR cannot be reached: never drawn
    assert "FAR" not in info.site_ids
    random_sites = [s for s in explored.sites if s.selection == "random"]
    assert {s.site_id for s in random_sites} == set(info.site_ids)
    assert all(s.must_visit and s.selection_probability == pytest.approx(info.drawn / 40) for s in random_sites)
    # Every eligible site had the same chance; over the eligible population the chances add up to the draw.
    assert info.probability * info.eligible == pytest.approx(info.drawn)
    result = plan_inspections(explored, time_limit=1, seed=0)
    check_plan(explored, result.plan)
    frame = visits_frame(result.plan, PlanContext(problem=explored))
    random_rows = frame[frame["selection"] == "random"]
    assert set(random_rows["site_id"]) == set(info.site_ids)  # every drawn site is visited
    assert list(random_rows["selection_probability"]) == pytest.approx([info.probability] * len(random_rows))
    planned = frame[frame["selection"] == "planned"]
    assert len(planned) > 0 and planned["selection_probability"].isna().all()
    # The random share of the plan is the share asked for (of the expected visits).
    assert len(random_rows) / expected == pytest.approx(0.25, abs=0.5 / expected)


def test_draws_differ_by_seed_and_zero_turns_exploration_off() -> None:
    base = _field()
    _, a = explore(base, seed=1)
    _, b = explore(base, seed=2)
    assert a.share == DEFAULT_SHARE and a.drawn == b.drawn and a.site_ids != b.site_ids
    same, off = explore(base, share=0.0)
    assert same is base and off.drawn == 0
    with pytest.raises(ValueError, match="below 1"):
        explore(base, share=1.0)


def test_selection_survives_storage() -> None:
    from planner.result import PlanResult

    explored, info = explore(_field(), share=0.2, seed=0)
    result = plan_inspections(explored, time_limit=1, seed=0)
    back = PlanResult.from_tables(result.to_tables())
    got = pd.Series({v.site_id: v.selection_probability for v in back.plan.visits if v.selection == "random"})
    assert set(got.index) == set(info.site_ids) and (got == info.probability).all()
