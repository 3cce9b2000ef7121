"""Effort-adjusted risk: where inspectors went often, cases are not read as risk; where nobody went, not as safety."""

from __future__ import annotations

import numpy as np
import pandas as pd

from risk.detection import expected_cases
from risk.effort import MIN_VISITS, gamma_poisson_prior, inspection_effort, little_inspected


def biased_world(n: int = 90, seed: int = 1) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series, pd.Series]:
    """True risk rises with mining only; inspectors go where the office is near, and find in proportion to visits."""
    rng = np.random.default_rng(seed)
    index = pd.Index([f"A{i:03d}" for i in range(n)], name="area_id")
    mining = rng.uniform(0.0, 10.0, n)
    near_office = rng.uniform(0.0, 10.0, n)
    population = np.full(n, 40_000.0)
    effort = 0.2 * np.exp(0.35 * near_office)  # visits per year: ~0.2 far away, ~6.6 next to an office
    # Planted: A000 high risk, never near an office; A001 low risk, next to one.
    mining[:2], near_office[:2] = [9.5, 0.5], [0.2, 9.8]
    effort[:2] = 0.2 * np.exp(0.35 * near_office[:2])
    exposure = pd.Series(population * 4, index=index)
    rate = 1e-5 * np.exp(0.3 * mining) * (0.1 + effort) / (0.1 + effort.mean())  # other channels find some too
    recorded = pd.Series(rng.poisson(exposure.to_numpy() * rate), index=index)
    features = pd.DataFrame({"sector_mining": mining, "near_office": near_office}, index=index)
    groups = pd.Series([f"D{i % 6}" for i in range(n)], index=index)
    return features, recorded, exposure, groups, pd.Series(effort, index=index)


def test_effort_adjustment_ranks_the_uninspected_mining_area_above_the_busy_office_area() -> None:
    features, recorded, exposure, groups, effort = biased_world()
    naive = expected_cases(features, recorded, exposure, groups).table["expected_cases"]
    adjusted_result = expected_cases(features, recorded, exposure, groups, effort=effort)
    adjusted = adjusted_result.table["expected_cases"]
    # Without effort the model learns "near an office = risk" and gets the two planted areas backwards.
    assert naive["A001"] > naive["A000"]
    assert adjusted["A000"] > 2 * adjusted["A001"]
    # Ranking over all areas follows true risk (mining) far better once effort is known.
    assert adjusted.corr(features["sector_mining"], method="spearman") > 0.7
    assert naive.corr(features["sector_mining"], method="spearman") < adjusted.corr(features["sector_mining"],
                                                                                      method="spearman") - 0.2
    assert adjusted_result.reference_effort is not None
    # Busy areas' case rates are scaled down, neglected ones up.
    factor = adjusted_result.table["effort_factor"]
    assert factor["A001"] < 1 < factor["A000"]


def test_likely_risk_little_inspected_needs_both_high_risk_and_low_effort() -> None:
    index = pd.Index(list("ABCDEFGH"), name="area_id")
    rate = pd.Series([9, 8, 1, 2, 3, 4, 5, 6], index=index, dtype=float)
    effort = pd.Series([0, 9, 0, 5, 5, 5, 5, 5], index=index, dtype=float)
    flag = little_inspected(rate, effort)
    assert list(flag[flag].index) == ["A"]  # B is risky but inspected; C uninspected but low risk


def test_without_effort_the_model_is_unchanged() -> None:
    features, recorded, exposure, groups, _ = biased_world()
    result = expected_cases(features, recorded, exposure, groups)
    assert result.reference_effort is None and "effort_factor" not in result.table


def test_yield_per_inspection_is_shrunk_and_too_few_visits_are_named() -> None:
    visits = pd.DataFrame({
        "inspection_id": [f"I{i}" for i in range(40)],
        "date": ["2023-03-01"] * 20 + ["2024-05-01"] * 20,
        "area_id": ["A"] * 30 + ["B"] * 9 + ["C"],
        "victims": [1] * 15 + [0] * 15 + [0] * 9 + [3],
    })
    result = inspection_effort(visits, pd.Index(["A", "B", "C", "D"], name="area_id"))
    assert result.usable and result.years == 2
    table = result.table
    assert list(table["visits"]) == [30, 9, 1, 0] and table.loc["A", "effort"] == 15
    # C found 3 victims in one visit: shrunk well below 3; D never visited: the country's yield.
    mean, _ = gamma_poisson_prior(table["victims_found"].to_numpy(float), table["visits"].to_numpy(float))
    assert table.loc["C", "yield_per_inspection"] < 3 and table.loc["D", "yield_per_inspection"] == mean
    few = inspection_effort(visits.head(MIN_VISITS - 1), pd.Index(["A"], name="area_id"))
    assert not few.usable and f"at least {MIN_VISITS}" in str(few.reason)


def test_score_with_an_inspection_history_adds_effort_columns_and_a_held_out_check() -> None:
    from risk_datasets import YEARS, full_dataset

    from geodata.scores_file import published_areas
    from risk.pipeline import EFFORT_COLUMNS, ScoreConfig, score

    dataset = full_dataset()
    plain = score(dataset, ScoreConfig(draws=50, permutations=0))
    ids = dataset.areas["area_id"].tolist()
    rng = np.random.default_rng(3)
    rows = [{"inspection_id": f"V{k}", "date": f"{y}-06-01", "area_id": a, "victims": int(rng.poisson(0.5)),
             "selection": "planned"} for k, (a, y) in enumerate((a, y) for a in ids[:12] for y in YEARS for _ in range(3))]
    dataset.layers["inspections"] = pd.DataFrame(rows)
    adjusted = score(dataset, ScoreConfig(draws=50, permutations=0))
    areas = adjusted.area_scores.set_index("area_id")
    assert set(EFFORT_COLUMNS) <= set(areas.columns) and not set(EFFORT_COLUMNS) & set(plain.area_scores.columns)
    assert areas.loc[ids[0], "inspection_visits"] == 3 * len(YEARS) and areas.loc[ids[-1], "inspection_visits"] == 0
    assert "inspection effort" in adjusted.missing and "reference_effort" in adjusted.model["inspection_effort"]
    assert not np.allclose(adjusted.indicators["case_rate_labour"], plain.indicators["case_rate_labour"])
    exported = published_areas(adjusted.area_scores)
    small = pd.to_numeric(adjusted.area_scores["victims_found"]).between(1, 4)
    assert exported.loc[small, "victims_found"].isna().all()
