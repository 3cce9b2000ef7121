"""Targets, risk per slot and reach on the demo: what the roster and the game are built from."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geodata.load import load_dataset
from geodata.problems import DataError
from planner.patrols.model import (
    N_SLOTS,
    Rules,
    TimeProfile,
    build_problem,
    irregular_share,
    slot_of,
)
from planner.patrols.units import default_units


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path):
    return load_dataset(demo_gpkg)


@pytest.fixture(scope="module")
def scores(demo) -> pd.DataFrame:
    ids = demo["crossings"]["crossing_id"]
    return pd.DataFrame({"crossing_id": ids, "score": np.linspace(10.0, 90.0, len(ids))})


def test_targets_are_crossings_and_stretches_between_neighbours(demo, scores) -> None:
    problem = build_problem(demo, scores, default_units(demo))
    kinds = pd.Series([t.kind for t in problem.targets]).value_counts()
    assert kinds["official"] + kinds["unofficial"] == len(demo["crossings"])
    assert kinds["stretch"] >= 10 and problem.n_targets >= 20
    neighbour = dict(zip(demo["crossings"]["crossing_id"], demo["crossings"]["neighbour"]))
    score = dict(zip(scores["crossing_id"], scores["score"]))
    for target in problem.targets:
        if target.kind == "stretch":
            a, b = target.crossing_ids
            assert neighbour[a] == neighbour[b] == target.neighbour, "a stretch never crosses into another country"
            assert target.value == pytest.approx(0.6 * (score[a] + score[b]) / 2)
    # Pisiga's two unofficial trails hang off Pisiga: both are stretches from it.
    ids = {t.target_id for t in problem.targets}
    assert {"PISIGA~PISIGA-NO1", "PISIGA~PISIGA-NO2"} <= ids


def test_nights_weigh_more_where_crossing_is_irregular(demo, scores) -> None:
    problem = build_problem(demo, scores, default_units(demo))
    share = irregular_share(demo)
    assert share["PISIGA-NO1"] == pytest.approx(1.0) and share["VILLAZON"] < 0.05
    by_id = {t.target_id: i for i, t in enumerate(problem.targets)}
    trail, post = problem.risk[by_id["PISIGA-NO1"]], problem.risk[by_id["VILLAZON"]]
    monday_morning, monday_night = slot_of(0, 0), slot_of(0, 2)
    assert trail[monday_night] == pytest.approx(2.0 * trail[monday_morning])
    assert post[monday_night] / post[monday_morning] == pytest.approx(1.0 + share["VILLAZON"])
    flat = build_problem(demo, scores, default_units(demo),
                         profile=TimeProfile(shift_weights={"unofficial": (1.0, 1.0, 1.0)}))
    assert np.allclose(flat.risk[by_id["PISIGA-NO1"]], flat.risk[by_id["PISIGA-NO1"], 0])


def test_reach_follows_travel_limit_and_unit_shifts(demo, scores) -> None:
    units = default_units(demo)
    problem = build_problem(demo, scores, units, rules=Rules(max_travel_minutes=60))
    assert problem.reach.shape == (len(units), problem.n_targets, N_SLOTS)
    assert np.array_equal(problem.reach.any(axis=2), problem.travel_minutes <= 60)
    own = next(i for i, u in enumerate(units) if u.base_id == "POL-OLLAGUE")
    far = next(i for i, t in enumerate(problem.targets) if t.target_id == "COBIJA")
    assert problem.reach[own, by_target(problem, "OLLAGUE")].all() and not problem.reach[own, far].any()


def by_target(problem, target_id: str) -> int:
    return problem.target_index(target_id)


def test_missing_scores_are_named(demo, scores) -> None:
    with pytest.raises(DataError, match="no score for crossing"):
        build_problem(demo, scores.iloc[3:], default_units(demo))
    with pytest.raises(DataError, match="column 'score' is missing"):
        build_problem(demo, scores.drop(columns="score"), default_units(demo))
