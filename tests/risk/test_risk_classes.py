"""The risk model's plain-language classes and preset group shares, on numbers checked by hand."""

from __future__ import annotations

import math

import pytest

from risk import classes
from risk.presets import PRESET_GROUPS, group_order, group_shares


def test_score_classes_follow_the_share_of_areas_ranked_above() -> None:
    assert [classes.score_class(r, 100) for r in (1, 10, 11, 20, 40, 70, 71, 100)] == [
        "top10", "top10", "top20", "top20", "top40", "top70", "rest", "rest"]
    assert classes.score_class(math.nan, 100) == classes.MISSING
    assert classes.score_class(None, 100) == classes.MISSING


def test_interval_classes_by_how_far_the_rank_can_move() -> None:
    assert classes.interval_class(10, 14, 100) == "firm"  # ±2 of 100
    assert classes.interval_class(10, 24, 100) == "moderate"  # ±7
    assert classes.interval_class(10, 40, 100) == "loose"  # ±15
    assert classes.interval_class(1, 100, 100) == "very_loose"
    assert classes.interval_places("moderate", 200) == 15 and classes.interval_places("very_loose", 200) == 30


def test_a_much_lower_gap_needs_the_models_own_test() -> None:
    assert classes.gap_class(0.3) == "much_lower"
    assert classes.gap_class(0.3, under_detection=True) == "much_lower"
    assert classes.gap_class(0.0, under_detection=False) == "lower", "0 against 0.3 expected is noise"
    assert [classes.gap_class(r) for r in (0.6, 1.0, 1.25, 3.0)] == ["lower", "as_expected", "higher", "higher"]
    assert classes.gap_class(None) == classes.gap_class(math.nan) == classes.NO_ESTIMATE


def test_absent_groups_pass_their_share_to_the_others_in_proportion() -> None:
    shares = group_shares("balanced", ["sectors", "cases"])
    assert list(shares) == ["cases", "sectors"], "listed in the presets' order"
    assert shares["cases"] == pytest.approx(0.20 / 0.50) and shares["sectors"] == pytest.approx(0.30 / 0.50)
    every = group_shares("migration", PRESET_GROUPS["migration"])
    assert every == pytest.approx(PRESET_GROUPS["migration"])
    assert group_order(["zeta", "migration", "cases"]) == ["cases", "migration", "zeta"]
    with pytest.raises(ValueError, match="unknown preset 'nope'"):
        group_shares("nope", ["cases"])
