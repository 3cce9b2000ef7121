"""Checkpoints in ``vigia what-if`` on a hand-made border: robustness across the crossings' own draws,
and the check by the real patrol planner (one unit per new checkpoint).

One police post at Central with one unit; crossings A (east) and B (west) lie 5 degrees away,
far beyond its two-hour reach, so today nobody patrols them and a checkpoint at either adds
coverage a person can see.
"""

from __future__ import annotations

from datetime import date

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geodata.dataset import Dataset
from planner.coverage.model import Question
from vigia import what_if_runs

CHECKPOINT = Question(new_sites=1, teams_per_new_site=1)


def border() -> Dataset:
    crossings = gpd.GeoDataFrame(
        {"crossing_id": ["C", "A", "B"], "name": ["Central", "Este", "Oeste"],
         "neighbour": ["BRA", "PRY", "PER"], "kind": ["official", "unofficial", "unofficial"]},
        geometry=[shapely.Point(-65.0, -17.01), shapely.Point(-60.0, -17.0), shapely.Point(-70.0, -17.0)],
        crs=4326)
    offices = gpd.GeoDataFrame({"office_id": ["P1"], "name": ["Puesto Central"], "kind": ["police"], "staff": [6]},
                               geometry=[shapely.Point(-65.0, -17.0)], crs=4326)
    areas = gpd.GeoDataFrame({"area_id": ["1"], "name": ["Todo"], "admin1": ["X"], "population": [1000]},
                             geometry=[shapely.box(-71, -18, -59, -16)], crs=4326)
    return Dataset(layers={"areas": areas, "crossings": crossings, "offices": offices}, source="border")


def scores(a_wins: int, draws: int = 10) -> what_if_runs.WhatIfScores:
    """Point scores: A 50, B 40 (A looks best); A is riskier than B in ``a_wins`` of the draws."""
    columns = [[10.0, 60.0, 30.0] if d < a_wins else [10.0, 30.0, 60.0] for d in range(draws)]
    crossing_draws = pd.DataFrame(np.array(columns).T, index=["C", "A", "B"])
    areas = pd.DataFrame({"area_id": ["1"], "score": [50.0]})
    return what_if_runs.arrays_from(areas, pd.DataFrame({"crossing_id": ["C", "A", "B"], "score": [10.0, 50.0, 40.0]}),
                                    pd.DataFrame(index=["1"]), {}, draws=pd.DataFrame({"d0": [50.0]}, index=["1"]),
                                    crossing_draws=crossing_draws)


@pytest.mark.parametrize(("a_wins", "labels"), [(10, ("robust", None)), (1, ("fragile", "robust"))])
def test_checkpoint_robustness_follows_the_crossing_draws(a_wins: int, labels: tuple[str, str | None]) -> None:
    result = what_if_runs.run(border(), scores(a_wins), CHECKPOINT, target="crossings", draws=10, time_limit=20)
    assert result.draws_solved == 10
    assert "robustness over the scores' own 10 crossing draws" in result.notes
    by_site = {o.changes[0].site_id: o for o in result.options}
    assert result.options[0].changes[0].site_id == "X-A"  # on the point scores A covers most
    assert by_site["X-A"].robustness == labels[0]
    assert by_site["X-A"].in_best_share == pytest.approx(a_wins / 10)
    if labels[1] is not None:  # B wins under every weighting but one: robust, A fragile
        assert by_site["X-B"].robustness == labels[1] and by_site["X-B"].in_best_share == pytest.approx(0.9)


def test_without_crossing_draws_robustness_is_not_assessed() -> None:
    plain = scores(10)
    bare = what_if_runs.WhatIfScores(plain.area_ids, plain.area_risk, plain.area_draws, plain.crossing_ids,
                                      plain.crossing_risk, plain.area_scores, plain.note)
    result = what_if_runs.run(border(), bare, CHECKPOINT, target="crossings", draws=10, time_limit=10)
    assert result.draws_solved == 0 and result.options[0].robustness == "not_assessed"


def test_patrol_planner_guards_more_with_a_checkpoint_that_adds_coverage() -> None:
    result = what_if_runs.run(border(), scores(10), CHECKPOINT, target="crossings", draws=0, time_limit=10,
                              check_start=date(2026, 6, 1))
    table = result.to_frame().set_index("site_ids")
    # By hand: the one unit works 5 shifts a week and guards Central (score 10, no night boost without
    # migration figures) each time: 50. A unit at A guards A on 5 nights (rest rules allow one shift a day;
    # an unofficial crossing's night weighs 1 + 1 = 2, so 50 x 2 a night): 500 more; at B 5 x 40 x 2 = 400.
    assert table.loc["X-A", "planner_today"] == pytest.approx(50.0)
    assert table.loc["X-A", "planner_after"] == pytest.approx(550.0)
    assert table.loc["X-B", "planner_after"] == pytest.approx(450.0)
    assert table.loc["X-A", "planner_gain_pct"] == pytest.approx(1000.0)


def test_a_week_the_patrol_rules_cannot_plan_keeps_the_options_and_says_why() -> None:
    """Crossing A made official: it must be staffed 3 shifts a week, but no unit reaches it today."""
    dataset = border()
    dataset.layers["crossings"].loc[1, "kind"] = "official"
    result = what_if_runs.run(dataset, scores(10), CHECKPOINT, target="crossings", draws=0, time_limit=10,
                              check_start=date(2026, 6, 1))
    assert result.options and result.options[0].changes[0].site_id == "X-A"
    assert all(np.isnan(o.planner_today) for o in result.options)
    assert any(note.startswith("check by the patrol planner not made") and "A" in note for note in result.notes)
