"""Building the problem from a dataset: priorities from scores, a column or the rule; travel; locks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.priority import SECTOR_AREA_RULE
from planner.problem import InspectionProblem, LockedVisit, working_days


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path) -> Dataset:
    from geodata.load import load_dataset

    return load_dataset(demo_gpkg)


@pytest.fixture(scope="module")
def demo_problem(demo: Dataset) -> InspectionProblem:
    return InspectionProblem.from_dataset(demo, start=date(2026, 3, 4), days=5)


def test_working_days_skip_weekends() -> None:
    days = working_days(date(2026, 3, 6), 3)  # a Friday
    assert [d.isoformat() for d in days] == ["2026-03-06", "2026-03-09", "2026-03-10"]


def test_from_dataset_builds_sites_teams_and_travel(demo: Dataset, demo_problem: InspectionProblem) -> None:
    p = demo_problem
    assert len(p.sites) == len(demo["sites"])
    assert p.days[0] == date(2026, 3, 4) and len(p.days) == 5
    n = p.minutes.shape[0]
    assert n == len(p.sites) + len(set(p.team_location)) + len(p.towns)
    assert (np.diag(p.minutes) == 0).all() and (p.minutes >= 0).all()
    assert p.priority_rule == SECTOR_AREA_RULE
    must = set(demo["sites"].loc[demo["sites"]["must_visit"].astype(bool), "site_id"])
    assert {s.site_id for s in p.sites if s.must_visit} == must
    # every demo site lies in the area its generator put it in
    assert [s.area_id for s in p.sites] == demo["sites"]["area_id"].astype(str).tolist()


def test_sites_get_the_score_of_the_area_that_contains_them(demo: Dataset) -> None:
    areas = demo.areas
    scores = gpd.GeoDataFrame({"area_id": areas["area_id"], "score": np.arange(len(areas), dtype=float)},
                              geometry=areas.geometry, crs=areas.crs)
    p = InspectionProblem.from_dataset(demo, scores=scores, start=date(2026, 3, 2), days=1)
    by_area = dict(zip(scores["area_id"].astype(str), scores["score"]))
    assert all(s.priority == by_area[s.area_id] for s in p.sites)
    assert "scores" in p.priority_rule


def test_a_numeric_sites_column_can_be_the_priority(demo: Dataset) -> None:
    sites = demo["sites"].copy()
    sites["complaints"] = np.arange(len(sites))
    data = Dataset({**demo.layers, "sites": sites}, demo.about, "demo")
    p = InspectionProblem.from_dataset(data, priority_column="complaints", start=date(2026, 3, 2), days=1)
    assert [s.priority for s in p.sites] == list(range(len(sites)))
    sites["complaints"] = sites["complaints"].astype(object)
    sites.loc[sites.index[3], "complaints"] = "many"
    bad = Dataset({**demo.layers, "sites": sites}, demo.about, "demo")
    with pytest.raises(DataError) as caught:
        InspectionProblem.from_dataset(bad, priority_column="complaints", start=date(2026, 3, 2), days=1)
    assert caught.value.problems[0].row == 5 and caught.value.problems[0].column == "complaints"


def test_the_sector_rule_ranks_high_risk_sectors_and_case_rates_first(demo_problem: InspectionProblem) -> None:
    high = [s.priority for s in demo_problem.sites if s.sector in ("mining", "brazil nut", "brick-making")]
    assert min(high) >= 1.0 and max(s.priority for s in demo_problem.sites) <= 2.0


def test_a_dataset_without_sites_is_refused(demo: Dataset) -> None:
    layers = {k: v for k, v in demo.layers.items() if k != "sites"}
    with pytest.raises(DataError, match="no inspection sites"):
        InspectionProblem.from_dataset(Dataset(layers, demo.about, "x.gpkg"), start=date(2026, 3, 2))


def test_locks_must_name_known_sites_teams_and_working_days(demo_problem: InspectionProblem) -> None:
    from planner.problem import check_locked

    site = demo_problem.sites[0].site_id
    team = demo_problem.teams[0].team_id
    bad = demo_problem.replace(locked=(LockedVisit("NOPE", team, demo_problem.days[0]),
                                       LockedVisit(site, team, date(2030, 1, 1))))
    with pytest.raises(DataError) as caught:
        check_locked(bad)
    messages = " ".join(p.message for p in caught.value.problems)
    assert "no such site" in messages and "outside the horizon" in messages


def test_last_inspected_and_required_skill_are_read(demo: Dataset) -> None:
    sites = demo["sites"].copy()
    sites["required_skill"] = None
    sites.loc[sites.index[0], "required_skill"] = "  Child Labour "
    sites["last_inspected"] = pd.Series([None] * len(sites), dtype=object)
    sites.loc[sites.index[0], "last_inspected"] = "2025-06"
    data = Dataset({**demo.layers, "sites": sites}, demo.about, "demo")
    p = InspectionProblem.from_dataset(data, start=date(2026, 3, 2), days=1)
    assert p.sites[0].required_skill == "child labour"
    assert p.sites[0].last_inspected == date(2025, 6, 1)
    assert p.sites[1].required_skill is None and p.sites[1].last_inspected is None


def test_kpis_count_risk_top_decile_and_departments(demo_problem: InspectionProblem) -> None:
    from planner.plan import greedy

    plan = greedy(demo_problem)
    k = plan.kpis(demo_problem)
    visited = {v.site_id for v in plan.visits}
    assert k["risk_covered"] == pytest.approx(sum(s.priority for s in demo_problem.sites if s.site_id in visited))
    assert 0 <= k["top_decile_share"] <= 1 and k["km"] > 0 and k["drive_hours"] > 0
    table = k["by_department"]
    assert table["sites"].sum() == len(demo_problem.sites)
    assert table["risk_covered"].sum() == pytest.approx(k["risk_covered"])
    assert set(table["department"]) <= {s.department for s in demo_problem.sites}
