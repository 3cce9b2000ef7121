"""Emerging hotspots: clusters planted with a known history get ArcGIS's category for it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hotspot_grids import block, grid_areas, noise
from scipy import stats

from risk.emerging import CATEGORIES, CATEGORY_TEXT, EmergingHotspots, classify, mann_kendall
from risk.weights import spatial_weights

PERIODS = [str(year) for year in range(2015, 2025)]  # 10: "90% of periods" can be 9 of them

#: Multiplier of the background, per period, for a 3x3 cluster planted in the middle of a map.
HISTORIES: dict[str, list[float]] = {
    "new": [1, 1, 1, 1, 1, 1, 1, 1, 1, 4],
    "consecutive": [1, 1, 1, 1, 1, 1, 1, 4, 4, 4],
    "intensifying": [2.0, 2.3, 2.6, 2.9, 3.2, 3.5, 3.8, 4.1, 4.4, 4.7],
    "persistent": [4, 4, 4, 4, 4, 4, 4, 4, 4, 4],
    "diminishing": [4.7, 4.4, 4.1, 3.8, 3.5, 3.2, 2.9, 2.6, 2.3, 2.0],
    "sporadic": [4, 1, 4, 1, 1, 4, 1, 1, 1, 4],
    "historical": [4, 4, 4, 4, 4, 4, 4, 4, 4, 1],
    "oscillating": [0.05, 0.05, 1, 1, 1, 1, 1, 1, 1, 4],
    "cold_new": [1, 1, 1, 1, 1, 1, 1, 1, 1, 0.05],
    "cold_persistent": [0.05] * 10,
}
SIDE = 13
CENTRE = "r06c06"


@pytest.fixture(scope="module")
def grid():
    areas = grid_areas(SIDE)
    return areas, spatial_weights(areas)


def planted_panel(areas, factors: list[float], seed: int = 0) -> pd.DataFrame:
    """Fresh background noise each period; the central 3x3 block scaled by ``factors``."""
    cluster = block(areas, 5, 5, 3)
    columns = {}
    for t, period in enumerate(PERIODS):
        values = noise(areas, seed=1000 * seed + t)
        values[cluster] *= factors[t]
        columns[period] = values
    return pd.DataFrame(columns)


@pytest.mark.parametrize("history", list(HISTORIES))
def test_a_planted_history_gets_its_category(grid, history: str) -> None:
    areas, w = grid
    panel = planted_panel(areas, HISTORIES[history])
    fitted = EmergingHotspots(permutations=199, seed=3).fit(panel, w)
    assert fitted.category_[CENTRE] == history
    # Far from the cluster (two or more cells away) nothing persistent or trending shows up.
    far = ~block(areas, 3, 3, 7)
    assert fitted.category_[far].isin(["no_pattern", "sporadic", "cold_sporadic", "new",
                                       "cold_new"]).all()
    assert (fitted.category_[far] == "no_pattern").mean() > 0.8
    assert set(fitted.category_) <= set(CATEGORIES)
    assert list(fitted.gi_z_.columns) == PERIODS
    if history == "intensifying":
        assert fitted.trend_tau_[CENTRE] > 0.5 and fitted.trend_p_[CENTRE] < 0.05
    if history == "diminishing":
        assert fitted.trend_tau_[CENTRE] < -0.5 and fitted.trend_p_[CENTRE] < 0.05


def test_same_seed_same_categories_with_999_permutations(grid) -> None:
    areas, w = grid
    panel = planted_panel(areas, HISTORIES["consecutive"], seed=1)
    first = EmergingHotspots(permutations=999, seed=1).fit(panel, w)
    again = EmergingHotspots(permutations=999, seed=1).fit(panel, w)
    assert first.category_[CENTRE] == "consecutive"
    pd.testing.assert_frame_equal(first.table_, again.table_)
    pd.testing.assert_frame_equal(first.gi_class_, again.gi_class_)


def test_classification_rules_on_hand_made_histories() -> None:
    hot = np.array([
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],  # new
        [0, 0, 0, 0, 0, 0, 0, 1, 1, 1],  # consecutive
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],  # persistent (no trend given)
        [0, 1, 1, 1, 1, 1, 1, 1, 1, 1],  # persistent: 90% of periods
        [1, 0, 1, 0, 0, 1, 0, 0, 0, 1],  # sporadic
        [1, 1, 1, 1, 1, 1, 1, 1, 1, 0],  # historical
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 1],  # oscillating: cold earlier
        [1, 0, 0, 0, 0, 0, 0, 1, 1, 1],  # sporadic: hot before the final run
        [1, 1, 1, 1, 1, 1, 1, 1, 0, 0],  # 80% hot, not at the end: nothing
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],  # nothing
    ], dtype=bool)
    cold = np.zeros_like(hot)
    cold[6, 1] = True
    no_trend = np.zeros(len(hot)), np.ones(len(hot))
    labels = classify(hot, cold, *no_trend, trend_alpha=0.05)
    assert labels.tolist() == ["new", "consecutive", "persistent", "persistent", "sporadic",
                               "historical", "oscillating", "sporadic", "no_pattern",
                               "no_pattern"]
    rising = classify(hot[[2]], cold[[2]], np.array([3.0]), np.array([0.001]), 0.05)
    falling = classify(hot[[2]], cold[[2]], np.array([-3.0]), np.array([0.001]), 0.05)
    assert rising.tolist() == ["intensifying"] and falling.tolist() == ["diminishing"]
    # Cold mirrors.
    nothing = np.zeros((1, 10), dtype=bool)
    assert classify(nothing, hot[[1]], np.zeros(1), np.ones(1), 0.05)[0] == "cold_consecutive"
    assert classify(nothing, hot[[2]], np.array([-3.0]), np.array([0.001]), 0.05)[0] == \
        "cold_intensifying"  # colder and colder


def test_mann_kendall_matches_scipy_kendalltau_against_time() -> None:
    rng = np.random.default_rng(0)
    series = rng.integers(0, 4, size=(40, 9)).astype(float)  # many ties
    series[0] = np.arange(9)  # a perfect rise
    tau, z, p = mann_kendall(series, continuity=False)
    for row in range(len(series)):
        expected = stats.kendalltau(np.arange(9), series[row], method="asymptotic")
        assert tau[row] == pytest.approx(expected.statistic)
        assert p[row] == pytest.approx(expected.pvalue)
    # With the usual continuity correction a steady rise over 9 periods is significant.
    _, z_corrected, p_corrected = mann_kendall(series[[0]])
    assert tau[0] == 1.0 and p_corrected[0] < 0.001 and z_corrected[0] < z[0]


def test_a_panel_must_cover_the_weights_and_have_two_periods(grid) -> None:
    areas, w = grid
    panel = planted_panel(areas, HISTORIES["new"])
    with pytest.raises(ValueError, match="at least 2 periods"):
        EmergingHotspots(permutations=9).fit(panel[["2019"]], w)
    with pytest.raises(ValueError, match="no row for areas"):
        EmergingHotspots(permutations=9).fit(panel.drop(index="r00c00"), w)
    broken = panel.copy()
    broken.loc["r03c03", "2021"] = np.nan
    with pytest.raises(ValueError, match=r"r03c03.*2021"):
        EmergingHotspots(permutations=9).fit(broken, w)


def test_every_category_has_plain_words_in_both_languages() -> None:
    for label in CATEGORIES:
        assert set(CATEGORY_TEXT[label]) == {"en", "es"}
    assert "cold spot" in CATEGORY_TEXT["cold_persistent"]["en"]
    assert "frío" in CATEGORY_TEXT["cold_persistent"]["es"]
