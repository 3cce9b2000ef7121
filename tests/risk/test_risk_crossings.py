"""Crossing scores: the crossing with planted irregular flows ranks first and says why."""

from __future__ import annotations

import numpy as np
from risk_datasets import YEARS, full_dataset

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
