"""Composite index: presets, normalisation, contributions, and the monotonicity a planner relies on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from risk.composite import (
    NORMALISATIONS,
    PRESETS,
    Composite,
    aggregate,
    normalise,
    preset_weights,
    read_weights,
    top_contributors,
)
from risk.indicators import SPECS

NAMES = ["case_rate_labour", "migration_irregular", "sector_mining", "sector_textiles", "population", "border_km"]


def table(n: int = 30, seed: int = 1) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    values = {
        "case_rate_labour": rng.gamma(2.0, 1.0, n),
        "migration_irregular": rng.gamma(2.0, 100.0, n),
        "sector_mining": rng.uniform(0.5, 1.5, n),
        "sector_textiles": rng.uniform(0.0, 0.5, n),
        "population": rng.integers(1_000, 50_000, n).astype(float),
        "border_km": rng.uniform(1.0, 200.0, n),
    }
    return pd.DataFrame(values, index=pd.Index([f"A{i:02d}" for i in range(n)], name="area_id"))


def specs() -> dict:
    return {n: SPECS[n] for n in NAMES}


@pytest.mark.parametrize("preset", PRESETS)
def test_every_preset_gives_weights_summing_to_one_over_available_indicators(preset: str) -> None:
    w = preset_weights(preset, specs())
    assert w.sum() == pytest.approx(1.0)
    assert (w > 0).all()
    assert list(w.index) == NAMES


def test_planted_high_sector_share_is_that_areas_top_contributor() -> None:
    values = table()
    values.loc["A07"] = values.median()  # an otherwise typical area...
    values.loc["A07", "sector_mining"] = 25.0  # ...where 25 % work in mining (others: 0.5-1.5 %)
    fit = Composite(specs()).fit(values)
    assert fit.contributions_.loc["A07"].idxmax() == "sector_mining"
    assert top_contributors(fit.contributions_).loc["A07", "top_1"] == "sector_mining"


@pytest.mark.parametrize("normalisation", NORMALISATIONS)
@pytest.mark.parametrize("aggregation", ["arithmetic", "geometric"])
def test_contributions_add_up_to_the_score_which_stays_within_0_100(normalisation: str, aggregation: str) -> None:
    fit = Composite(specs(), normalisation=normalisation, aggregation=aggregation).fit(table())
    assert fit.score_.between(0, 100).all()
    np.testing.assert_allclose(fit.contributions_.sum(axis=1), fit.score_, atol=1e-9)
    assert sorted(fit.rank_) == list(range(1, len(fit.rank_) + 1))


def test_negative_direction_indicator_is_flipped() -> None:
    values = table()
    fit = Composite(specs(), weights={"border_km": 1.0, "population": 0.0, "case_rate_labour": 0.0,
                                      "migration_irregular": 0.0, "sector_mining": 0.0, "sector_textiles": 0.0}).fit(values)
    assert fit.rank_.idxmin() == values["border_km"].idxmin()  # nearest to the border ranks first


def test_missing_values_drop_out_of_that_areas_weighted_mean_and_low_coverage_is_dropped() -> None:
    values = table()
    values.loc["A03", "sector_mining"] = np.nan
    values["sector_textiles"] = np.nan
    values.loc[values.index[:5], "sector_textiles"] = 0.2
    fit = Composite(specs()).fit(values)
    assert "sector_textiles" in fit.coverage_.dropped  # 5 of 30 areas: below 65 %
    assert "sector_textiles" not in fit.weights_.index
    assert np.isfinite(fit.score_.loc["A03"])
    assert fit.contributions_.loc["A03", "sector_mining"] == 0.0


def test_unknown_weight_names_are_refused_with_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown indicator or group"):
        Composite(specs(), weights={"sector_minning": 1.0})
    with pytest.raises(ValueError, match="unknown preset"):
        Composite(specs(), preset="everything")


def test_group_weight_overrides_spread_over_the_group() -> None:
    w = preset_weights("balanced", specs(), {"sectors": 0.0})
    assert w[["sector_mining", "sector_textiles"]].sum() == 0.0
    assert w.sum() == pytest.approx(1.0)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.floats(0.0, 1000.0, allow_nan=False), min_size=4, max_size=25),
    st.integers(0, 24),
    st.floats(0.0, 500.0, allow_nan=False),
    st.sampled_from(NORMALISATIONS),
    st.sampled_from(["arithmetic", "geometric"]),
)
def test_raising_a_positive_indicator_never_lowers_that_areas_score(
        column: list[float], which: int, raise_by: float, normalisation: str, aggregation: str) -> None:
    values = table(len(column), seed=len(column))
    values["sector_mining"] = column
    area = values.index[which % len(column)]
    before = Composite(specs(), normalisation=normalisation, aggregation=aggregation).fit(values).score_[area]
    values.loc[area, "sector_mining"] += raise_by
    after = Composite(specs(), normalisation=normalisation, aggregation=aggregation).fit(values).score_[area]
    assert after >= before - 1e-9


def test_normalisations_map_to_unit_interval_and_constant_columns_to_zero() -> None:
    x = np.array([[1.0, 5.0], [2.0, 5.0], [np.nan, 5.0], [10.0, 5.0]])
    for method in NORMALISATIONS:
        out = normalise(x, method)
        assert np.isnan(out[2, 0])
        assert np.nanmin(out[:, 0]) >= 0 and np.nanmax(out[:, 0]) <= 1
        assert (out[:, 1] == 0).all()


def test_geometric_aggregation_penalises_imbalance_more_than_arithmetic() -> None:
    balanced, lopsided = [0.5, 0.5], [1.0, 0.0]
    v = np.array([balanced, lopsided])
    w = np.array([0.5, 0.5])
    arith, geo = aggregate(v, w, "arithmetic"), aggregate(v, w, "geometric")
    assert arith[0] == pytest.approx(arith[1])
    assert geo[0] > geo[1]


def test_weights_files_csv_and_json(tmp_path: Path) -> None:
    csv_file = tmp_path / "w.csv"
    csv_file.write_text("indicator,weight\nsector_mining,2\nmigration,0.5\n", encoding="utf-8")
    assert read_weights(csv_file) == {"sector_mining": 2.0, "migration": 0.5}
    json_file = tmp_path / "w.json"
    json_file.write_text('[{"indicator": "population", "weight": 1}]', encoding="utf-8")
    assert read_weights(json_file) == {"population": 1.0}
    bad = tmp_path / "bad.csv"
    bad.write_text("indicator,weight\nsector_mining,lots\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.csv, row 2, column 'weight'"):
        read_weights(bad)


def test_monte_carlo_draws_score_exactly_like_the_composite_including_missing_values() -> None:
    from risk.composite import AGGREGATIONS
    from risk.uncertainty import draw_plan, draw_scores

    x = table(40).to_numpy().copy()
    x[3, 2] = np.nan
    x[7, :] = np.nan
    normalised = {m: normalise(x, m) for m in NORMALISATIONS}
    plan = draw_plan(np.full(x.shape[1], 1 / x.shape[1]), draws=30, seed=5)
    drawn = draw_scores(normalised, plan, np.arange(30))
    for j in range(30):
        expected = aggregate(normalised[NORMALISATIONS[plan.normalisation[j]]], plan.weights[j],
                             AGGREGATIONS[plan.aggregation[j]])
        np.testing.assert_allclose(drawn[:, j], expected, atol=1e-12)
