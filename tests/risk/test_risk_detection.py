"""Expected cases: an area recording far fewer cases than its drivers predict is flagged; refusals say why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from risk.detection import MIN_AREAS, expected_cases


def world(n: int = 60, seed: int = 0) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    rng = np.random.default_rng(seed)
    index = pd.Index([f"A{i:03d}" for i in range(n)], name="area_id")
    mining = rng.uniform(0.0, 10.0, n)
    noise = rng.uniform(0.0, 1.0, n)  # an indicator with no effect
    population = rng.integers(5_000, 80_000, n).astype(float)
    exposure = pd.Series(population * 5, index=index)
    rate = 2e-5 * np.exp(0.25 * mining)  # cases per person-year rise with the mining share
    recorded = pd.Series(rng.poisson(exposure.to_numpy() * rate), index=index)
    features = pd.DataFrame({"sector_mining": mining, "noise": noise, "population": population}, index=index)
    groups = pd.Series([f"D{i % 6}" for i in range(n)], index=index)
    return features, recorded, exposure, groups


def test_planted_undetected_area_is_flagged_and_models_beat_the_population_baseline() -> None:
    features, recorded, exposure, groups = world()
    features.loc["A007", ["sector_mining", "population"]] = [9.5, 60_000]
    exposure.loc["A007"] = 300_000
    recorded.loc["A007"] = 0  # nobody looks there
    result = expected_cases(features, recorded, exposure, groups)
    assert result.fitted and result.model in {"glm", "boosting"}
    assert result.deviance["glm"] < result.deviance["baseline"]
    assert "grouped by admin1" in result.folds
    row = result.table.loc["A007"]
    assert row["expected_cases"] > 20 and row["under_detection"]
    assert result.table["under_detection"].sum() <= 5  # not everyone


def test_refuses_with_too_few_areas_or_no_cases() -> None:
    features, recorded, exposure, groups = world(n=MIN_AREAS - 1)
    small = expected_cases(features, recorded, exposure, groups)
    assert not small.fitted and f"at least {MIN_AREAS}" in str(small.reason)
    assert small.table["expected_cases"].isna().all()
    features, recorded, exposure, groups = world()
    none = expected_cases(features, recorded * 0, exposure, groups)
    assert not none.fitted and "no cases" in str(none.reason)


def test_one_department_falls_back_to_random_folds_and_says_so() -> None:
    features, recorded, exposure, groups = world()
    result = expected_cases(features, recorded, exposure, groups.map(lambda _: "only"))
    assert result.fitted and "cannot be spatial" in result.folds
