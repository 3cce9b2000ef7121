"""The scoring pipeline end to end on hand-made datasets: intervals, seeds, missing layers, files, speed."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from risk_datasets import country_dataset, full_dataset, grid_areas

from geodata.dataset import Dataset
from geodata.scores_file import AREA_COLUMNS, column_names
from risk.pipeline import Prepared, ScoreConfig, Scores, prepare, recompose, score


@pytest.fixture(scope="module")
def prepared_full() -> Prepared:
    return prepare(full_dataset(side=6), ScoreConfig(permutations=99))


def test_rank_intervals_contain_the_point_rank_and_p_top10_is_a_probability(prepared_full: Prepared) -> None:
    for preset in ("balanced", "forced_labour", "migration"):
        areas = recompose(prepared_full, ScoreConfig(preset=preset, permutations=99)).area_scores
        assert (areas["rank_low"] <= areas["rank"]).all() and (areas["rank"] <= areas["rank_high"]).all()
        assert areas["p_top10"].between(0, 1).all()
        assert sorted(areas["rank"]) == list(range(1, len(areas) + 1))
        written_by_the_file = {"recorded_suppressed"}  # the writer marks hidden counts
        assert list(areas.columns) == [c for c in column_names(AREA_COLUMNS) if c not in written_by_the_file] + [
            "geometry"]


def test_same_seed_same_output_other_seed_other_draws(prepared_full: Prepared) -> None:
    a = recompose(prepared_full, ScoreConfig(seed=3, permutations=99)).area_scores.drop(columns="geometry")
    b = recompose(prepare(full_dataset(side=6), ScoreConfig(seed=3, permutations=99)),
                  ScoreConfig(seed=3, permutations=99)).area_scores.drop(columns="geometry")
    pd.testing.assert_frame_equal(a, b)
    c = recompose(prepared_full, ScoreConfig(seed=4, permutations=99)).area_scores
    assert not np.array_equal(a["p_top10"].to_numpy(), c["p_top10"].to_numpy())


def test_only_areas_scores_and_names_every_missing_layer() -> None:
    scores = score(Dataset(layers={"areas": grid_areas(3)}), ScoreConfig(permutations=0))
    assert len(scores.area_scores) == 9
    assert scores.area_scores["score"].notna().all()
    assert {"cases", "crossings", "sectors", "expected cases"} <= set(scores.missing)
    assert "expected cases" in scores.missing and "recorded cases" in scores.missing["expected cases"]
    assert set(scores.contributions.columns) == {"population", "border_km"}
    assert scores.crossing_scores is None


def test_areas_that_are_whole_countries_score() -> None:
    scores = score(country_dataset(), ScoreConfig(permutations=99))
    areas = scores.area_scores.set_index("area_id")
    assert len(areas) >= 5
    assert areas["score"].between(0, 100).all()
    assert areas.loc["BOL", "rank_low"] <= areas.loc["BOL", "rank"] <= areas.loc["BOL", "rank_high"]


def test_scores_round_trip_through_the_geopackage(tmp_path: Path, prepared_full: Prepared) -> None:
    scores = recompose(prepared_full, ScoreConfig(preset="migration", permutations=99))
    path = scores.to_gpkg(tmp_path / "scores.gpkg")
    back = Scores.from_gpkg(path)
    for name in ("preset", "normalisation", "aggregation", "draws", "permutations", "seed"):
        assert getattr(back.config, name) == getattr(scores.config, name)
    assert back.config.weights == scores.model["weights"]  # the weights each indicator had
    pd.testing.assert_series_equal(back.area_scores["score"], scores.area_scores["score"], check_names=False)
    assert back.crossing_scores is not None
    assert set(back.crossing_scores["crossing_id"]) == {"X1", "X2"}
    assert list(back.indicators.columns) == list(scores.indicators.columns)
    assert back.missing == scores.missing
    small = scores.area_scores["recorded_cases"].between(1, 4)
    assert back.area_scores.loc[small.to_numpy(), "recorded_cases"].isna().all()


def test_recompose_with_1000_draws_on_343_areas_is_fast() -> None:
    big = Dataset(layers={**full_dataset(side=6).layers, "areas": grid_areas(19)})  # 361 areas
    big.layers["cases"] = big.layers["cases"].iloc[0:0]
    big.layers["sectors"] = big.layers["sectors"].iloc[0:0]
    prepared = prepare(big, ScoreConfig(permutations=0))
    config = ScoreConfig(preset="forced_labour", weights={"population": 0.3}, draws=1000, permutations=0)
    recompose(prepared, config)
    start = time.process_time()
    recompose(prepared, config)
    assert time.process_time() - start < 1.0


def test_hotspot_and_emerging_columns_come_from_the_hotspot_modules(prepared_full: Prepared) -> None:
    from risk.emerging import CATEGORIES
    from risk.hotspots import GI_CLASSES, LISA_CLASSES

    dataset = _busy(full_dataset(side=6))
    areas = recompose(prepare(dataset, ScoreConfig(permutations=99)), ScoreConfig(permutations=99)).area_scores
    assert set(areas["hotspot"]) <= set(GI_CLASSES)
    assert set(areas["lisa"]) <= set(LISA_CLASSES)
    assert set(areas["hotspot_cases"]) <= set(GI_CLASSES)
    assert set(areas["emerging"]) <= set(CATEGORIES)
    quiet = recompose(prepared_full, ScoreConfig(permutations=99), hotspots=False).area_scores
    assert set(quiet["hotspot"]) == {"not_computed"}


def _busy(dataset: Dataset) -> Dataset:
    """Ten times the cases: few counts are small, so the privacy rule leaves the case rates as they are."""
    dataset.layers["cases"] = dataset["cases"].assign(cases=lambda c: c["cases"] * 10,
                                                      victims=lambda c: c["victims"] * 10)
    return dataset


def test_planted_cluster_of_high_sector_shares_is_a_score_hotspot() -> None:
    dataset = _busy(full_dataset(side=7))
    sectors = dataset["sectors"].copy()
    corner = sectors["area_id"].str[1:3].astype(int).le(2) & sectors["area_id"].str[3:5].astype(int).le(2)
    population = dataset.areas.set_index("area_id")["population"]
    planted = corner & (sectors["sector"] == "mining")
    sectors.loc[planted, "workers"] = (population.reindex(sectors.loc[planted, "area_id"]).to_numpy() * 0.3).astype(int)
    dataset.layers["sectors"] = sectors
    config = ScoreConfig(preset="forced_labour", permutations=999)
    areas = score(dataset, config).area_scores.set_index("area_id")
    block = [f"A{r:02d}{c:02d}" for r in range(3) for c in range(3)]
    assert areas.loc[block, "hotspot"].str.startswith("hot").sum() >= 5
    far = [f"A{r:02d}{c:02d}" for r in range(4, 7) for c in range(4, 7)]
    assert not areas.loc[far, "hotspot"].str.startswith("hot").any()


def test_an_area_without_residents_is_scored_on_what_it_has_and_flagged_for_low_coverage() -> None:
    dataset = full_dataset(side=5)
    dataset.areas.loc[3, "population"] = 0  # every rate and share is undefined there
    areas = score(dataset, ScoreConfig(permutations=0, draws=100)).area_scores.set_index("area_id")
    assert areas["score"].notna().all()
    assert bool(areas.loc["A0003", "low_coverage"]) and areas.loc["A0003", "coverage"] < 0.65
    assert not areas.drop(index="A0003")["low_coverage"].any()
    assert np.isnan(areas.loc["A0003", "expected_cases"])
