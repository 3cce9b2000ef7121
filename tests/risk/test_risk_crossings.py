"""Crossing scores: the crossing with planted irregular flows ranks first and says why."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from risk_datasets import YEARS, full_dataset

from risk.crossings import CrossingTable, crossing_score_sample
from risk.pipeline import ScoreConfig, score


def test_crossing_with_planted_irregular_surge_ranks_first_with_that_driver() -> None:
    dataset = full_dataset(side=5)
    migration = dataset["migration"].copy()
    surge = migration["crossing_id"] == "X1"
    migration.loc[surge, "irregular"] = [200, 2_000, 20_000][: len(YEARS)]  # rising, mostly irregular
    migration.loc[~surge, "irregular"] = 10
    dataset.layers["migration"] = migration
    crossings = score(dataset, ScoreConfig(permutations=0, draws=200)).crossing_scores
    assert crossings is not None
    top = crossings.iloc[0]
    assert top["crossing_id"] == "X1"
    assert "irregular share" in top["drivers"]
    assert top["flow_trend"] > 0
    assert (crossings["rank_low"] <= crossings["rank"]).all() and (crossings["rank"] <= crossings["rank_high"]).all()
    shares = crossings.set_index("crossing_id")["third_country_share"]
    assert np.isclose(shares["X2"], 100 * (2_000 + 5_000 // 3) / 5_000)  # VEN and PER at a Chilean crossing
    assert np.isclose(shares["X1"], 100 * 1_000 / 50_000)  # Peruvians at a Peruvian crossing are not third-country


def test_crossings_without_migration_are_scored_on_their_surroundings_and_say_so() -> None:
    dataset = full_dataset(side=5)
    del dataset.layers["migration"]
    scores = score(dataset, ScoreConfig(permutations=0, draws=200))
    assert scores.crossing_scores is not None and len(scores.crossing_scores) == 2
    assert "crossings: migration" in scores.missing


def _three_crossings() -> CrossingTable:
    """Crossings X0..X2, each reached only by area k (reach = identity), with no migration figures."""
    ids = pd.Index(["X0", "X1", "X2"], name="crossing_id")
    crossings = gpd.GeoDataFrame({"crossing_id": list(ids), "name": list(ids), "neighbour": "PER",
                                  "kind": "official"},
                                 geometry=[shapely.Point(-69 + k, -16) for k in range(3)], crs=4326)
    return CrossingTable(crossings=crossings, values=pd.DataFrame(index=ids), missing={})


def test_crossing_draw_k_stands_on_area_draw_k() -> None:
    """Only the surrounding areas' risk ranks these crossings, so in every draw the crossings rank as their
    areas do in the same draw: area 1 on top in draw 0, area 2 in draw 1, area 0 in draw 2."""
    area_draws = np.array([[10.0, 20.0, 90.0], [90.0, 10.0, 20.0], [20.0, 90.0, 10.0]])
    sample = crossing_score_sample(_three_crossings(), np.array([50.0, 40.0, 30.0]), area_draws, np.eye(3),
                                   draws=200, seed=3, keep=100)
    assert sample.shape == (3, 3)  # capped by the area draws there are
    assert list(sample.idxmax()) == ["X1", "X2", "X0"]
    assert ((sample >= 0) & (sample <= 100)).all().all()


def test_crossing_draws_with_the_point_area_scores_are_the_rank_intervals_own_draws() -> None:
    table, area_score = _three_crossings(), np.array([50.0, 40.0, 30.0])
    same = crossing_score_sample(table, area_score, np.tile(area_score[:, None], (1, 20)), np.eye(3),
                                 draws=200, seed=3, keep=20)
    plain = crossing_score_sample(table, area_score, None, np.eye(3), draws=200, seed=3, keep=20)
    pd.testing.assert_frame_equal(same, plain)
    assert list(plain.columns) == [f"draw_{i:03d}" for i in range(20)]
