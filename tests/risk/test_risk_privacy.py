"""Small counts never leave Vigía, neither directly nor by subtracting visible cells from a total."""

from __future__ import annotations

import itertools

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geodata.privacy import (
    SECONDARY,
    small_count_threshold,
    suppress_counts,
    suppress_small,
    suppression_mask,
)
from geodata.scores_file import published_areas


def test_threshold_defaults_to_5_and_reads_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIA_SMALL_COUNT", raising=False)
    assert small_count_threshold() == 5
    assert suppress_small(4) == "<5" and suppress_small(5) == "5" and suppress_small(0) == "0"
    monkeypatch.setenv("VIGIA_SMALL_COUNT", "10")
    assert suppress_small(9) == "<10" and suppress_small(10) == "10"
    monkeypatch.setenv("VIGIA_SMALL_COUNT", "zero")  # malformed: fail closed to the default
    assert small_count_threshold() == 5


def _feasible_values(row_values: list[int], hidden: list[bool], primary: list[bool], total: int, t: int) -> dict:
    """Every value each hidden cell can take given the visible cells and the total (brute force)."""
    hidden_idx = [i for i, h in enumerate(hidden) if h]
    rest = total - sum(v for v, h in zip(row_values, hidden) if not h)
    ranges = [range(1, t) if primary[i] else range(0, rest + 1) for i in hidden_idx]
    seen: dict[int, set[int]] = {i: set() for i in hidden_idx}
    for combo in itertools.product(*ranges):
        if sum(combo) == rest:
            for i, v in zip(hidden_idx, combo):
                seen[i].add(v)
    return seen


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(st.integers(0, 9), min_size=2, max_size=4), min_size=1, max_size=5).filter(
    lambda rows: len({len(r) for r in rows}) == 1))
def test_no_small_count_is_shown_or_recoverable_from_a_row_total(rows: list[list[int]]) -> None:
    t = small_count_threshold()
    cols = [f"c{i}" for i in range(len(rows[0]))]
    frame = pd.DataFrame(rows, columns=cols)
    frame["total"] = frame[cols].sum(axis=1)
    shown = suppress_counts(frame, cols, ["total"])
    for text in shown[[*cols, "total"]].to_numpy().ravel().tolist():
        if text not in ("<5", SECONDARY):
            assert not 0 < int(str(text).replace(",", "")) < t
    primary_frame, secondary_frame = suppression_mask(frame, cols, ["total"])
    prim, sec = primary_frame[cols].to_numpy(), secondary_frame[cols].to_numpy()
    total_hidden = (primary_frame["total"] | secondary_frame["total"]).to_numpy()
    counts, totals = frame[cols].to_numpy(), frame["total"].to_numpy()
    for r in range(len(frame)):
        if total_hidden[r]:
            continue  # the total itself is hidden: nothing to subtract from
        hidden = (prim[r] | sec[r]).tolist()
        feasible = _feasible_values(counts[r].tolist(), hidden, prim[r].tolist(), int(totals[r]), t)
        for i in np.flatnonzero(prim[r]):
            assert len(feasible[i]) >= 2, f"row {r}: hidden cell {cols[i]} can be solved for"


def test_column_totals_protect_every_column_too() -> None:
    frame = pd.DataFrame({"a": [3, 40, 50], "b": [20, 2, 30]})
    primary, secondary = suppression_mask(frame, ["a", "b"], column_totals=True)
    for col in ("a", "b"):
        hidden = primary[col] | secondary[col]
        assert hidden.sum() >= 2
        assert frame.loc[hidden, col].sum() >= small_count_threshold()


def test_area_scores_export_hides_small_recorded_counts_their_complement_and_the_ratio() -> None:
    frame = gpd.GeoDataFrame({
        "area_id": ["a", "b", "c", "d"], "admin1": ["X", "X", "X", "Y"], "recorded_cases": [3, 0, 12, 40],
        "expected_cases": [6.0, 1.0, 10.0, 30.0], "detection_ratio": [0.5, 0.0, 1.2, 1.33],
        "score": [10.0, 20.0, 30.0, 40.0],
    }, geometry=[shapely.Point(0, 0)] * 4, crs="EPSG:4326")
    out = published_areas(frame)
    assert pd.isna(out.loc[0, "recorded_cases"]) and pd.isna(out.loc[0, "detection_ratio"])
    # department X publishes a total: 12 is hidden too, or 3 = total - 12 - 0
    assert out["recorded_suppressed"].tolist() == ["<5", "", "*", ""]
    assert pd.isna(out.loc[2, "recorded_cases"]) and pd.isna(out.loc[2, "detection_ratio"])
    assert out.loc[3, "recorded_cases"] == 40 and out.loc[1, "recorded_cases"] == 0
    assert out["score"].tolist() == [10.0, 20.0, 30.0, 40.0]  # scores are not counts


def test_app_privacy_module_delegates_to_the_shared_rule() -> None:
    from vigia.ui import privacy as ui_privacy

    assert ui_privacy.suppress_small is suppress_small
    assert ui_privacy.SUPPRESSED == "<5"
