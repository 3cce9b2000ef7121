"""What leaves the Risk map: no recorded count under the threshold, directly or by subtraction.

Checked on the demo's real scores, in every download format (CSV, Excel,
GeoPackage, map HTML), and on the per-period trend of each area.
"""

from __future__ import annotations

import io
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

from geodata.load import load_dataset
from geodata.privacy import small_count_threshold
from geodata.scores_file import AREA_LAYER, CROSSING_LAYER, read_scores
from risk import pipeline
from vigia.ui.i18n import t
from vigia.ui.risk_map import risk_exports, risk_maps, risk_tables


@pytest.fixture(scope="module")
def demo_scores(demo_gpkg: Path) -> tuple[object, pipeline.Scores]:
    dataset = load_dataset(demo_gpkg)
    return dataset, pipeline.score(dataset, pipeline.ScoreConfig(draws=100, permutations=0))


def _assert_protected(published: pd.Series, true: pd.Series, admin1: pd.Series) -> None:
    """Every shown count is 0 or >= threshold; per department (and so nationally) the hidden
    cells are none, or at least two whose true sum reaches the threshold (no unique solution)."""
    limit = small_count_threshold()
    shown = published.astype(str)
    hidden = shown.str.startswith("<") | (shown == "*") | (shown == "") | (shown == "nan")
    visible = pd.to_numeric(shown[~hidden], errors="raise")
    assert ((visible == 0) | (visible >= limit)).all(), visible[(visible > 0) & (visible < limit)]
    small = (true > 0) & (true < limit)
    assert hidden[small].all(), "every small count is hidden"
    for department, cells in hidden.groupby(admin1):
        if not cells.any() or len(cells) == 1:
            continue
        assert cells.sum() >= 2, f"{department}: one hidden cell could be recovered from the total"
        assert true[cells[cells].index].sum() >= limit, f"{department}: hidden cells sum below the threshold"


def test_csv_xlsx_and_gpkg_hide_small_counts_and_their_complements(demo_scores, tmp_path: Path) -> None:
    _, scores = demo_scores
    areas = scores.area_scores
    true = areas.set_index("area_id")["recorded_cases"].astype(float)
    assert ((true > 0) & (true < small_count_threshold())).any(), "the demo must have small counts to hide"
    admin1 = areas.set_index("area_id")["admin1"]
    export = risk_tables.export_frame(areas)
    written = scores.to_file(created_by="ana")

    csv = pd.read_csv(io.BytesIO(risk_exports.csv_bytes(export, written.provenance)), comment="#",
                      dtype={"area_id": str, "recorded_cases": str})
    workbook = risk_exports.xlsx_bytes(export, scores.crossing_scores, written.provenance)
    codes = dict(zip(risk_exports.people_table(export).columns, risk_exports._table(export).columns))
    xlsx = pd.read_excel(io.BytesIO(workbook), sheet_name=t("riskexport.sheet.areas", "es"), dtype=str)
    xlsx = xlsx.rename(columns=codes)  # the workbook's words back to the column codes
    path = tmp_path / "scores.gpkg"
    path.write_bytes(risk_exports.gpkg_bytes(written))
    gpkg = read_scores(path).areas  # the scores file, as the planners read it
    gpkg["recorded_cases"] = np.where(gpkg["recorded_suppressed"] != "", gpkg["recorded_suppressed"],
                                      gpkg["recorded_cases"].astype("Int64").astype(str))
    assert {AREA_LAYER, CROSSING_LAYER} <= {str(n) for n, _ in pyogrio.list_layers(path)}
    assert t("riskexport.sheet.crossings", "es") in pd.ExcelFile(io.BytesIO(workbook)).sheet_names
    for frame in (csv, xlsx, gpkg):
        frame = frame.set_index(frame["area_id"].astype(str))
        assert len(frame) == len(areas)
        _assert_protected(frame["recorded_cases"].fillna(""), true.reindex(frame.index), admin1.reindex(frame.index))
        hidden = ~frame["recorded_cases"].astype(str).str.fullmatch(r"\d+")
        ratio = pd.to_numeric(frame["detection_ratio"], errors="coerce")
        assert ratio[hidden].isna().all(), "ratio x expected would give a hidden count back"
        assert {"score", "rank", "rank_low", "rank_high", "p_top10"} <= set(frame.columns)
        assert "victims" not in frame.columns


def test_map_html_carries_no_case_counts(demo_scores) -> None:
    dataset, scores = demo_scores
    for view in risk_maps.VIEWS:
        page = risk_exports.map_html(risk_maps.area_view(dataset, scores.area_scores, view, online=False),
                                     scores.provenance()).decode()
        assert "recorded_cases" not in page and "cases_text" not in page
        assert "https://" not in page.split("<body>")[0].replace("https://leafletjs.com", ""), "offline map"


def test_area_trend_hides_small_periods_and_cannot_be_summed_back(demo_scores) -> None:
    dataset, scores = demo_scores
    limit = small_count_threshold()
    cases = dataset["cases"]
    _, hidden = risk_tables.protect_recorded(scores.area_scores)
    checked = 0
    for position, area_id in scores.area_scores["area_id"].head(80).items():
        trend = risk_tables.case_trend(dataset, area_id, total_hidden=bool(hidden[position]))
        assert trend is not None, "the demo has a cases layer"
        values = trend.iloc[:, 0]
        true = cases[cases["area_id"] == area_id].groupby("period")["cases"].sum().reindex(values.index,
                                                                                         fill_value=0)
        shown = values.dropna()
        assert ((shown == 0) | (shown >= limit)).all()
        gaps = values.isna()
        if hidden[position]:
            assert gaps.all(), "a hidden area total must not be recoverable as the sum of its periods"
        elif gaps.any():
            assert gaps.sum() >= 2 and true[gaps].sum() >= limit
        checked += int(gaps.any())
    assert checked > 0, "some trend had something to hide"


def test_classes_read_as_plain_language() -> None:
    assert risk_maps.score_class(1, 100)[0] == "top10" and risk_maps.score_class(10, 100)[0] == "top10"
    assert risk_maps.score_class(11, 100)[0] == "top20" and risk_maps.score_class(100, 100)[0] == "rest"
    assert risk_maps.score_class(float("nan"), 100)[0] == "missing"
    ranked = gpd.GeoDataFrame({"rank": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "score": [90, 80, 70, 60, 50, 40, 30, 20, 10, 0]})
    classed = risk_maps.classify(ranked, "score")
    assert classed.codes[0] == "top10" and classed.lows["top10"] == 90 and classed.lows["top40"] == 60
    assert "60" in risk_maps.class_label("score", "top40", 10, classed.lows["top40"])
    assert risk_maps.gap_class(0.3)[0] == "much_lower" and risk_maps.gap_class(1.0)[0] == "as_expected"
    assert risk_maps.gap_class(None)[0] == "none"
    assert risk_maps.gap_class(0.0, under_detection=False)[0] == "lower", "a gap the model does not flag is noise"
    assert risk_maps.gap_class(0.2, under_detection=True)[0] == "much_lower"
    assert risk_maps.interval_class(10, 12, 100)[0] == "firm"
    assert risk_maps.interval_class(1, 100, 100)[0] == "very_loose"
    frame = gpd.GeoDataFrame({"emerging": ["new", "cold_persistent", None]})
    classed = risk_maps.classify(frame, "emerging")
    assert classed.codes == ["new", "cold_persistent", "missing"]
    assert risk_maps.class_label("emerging", "cold_persistent", 0) != "cold_persistent"
    assert np.unique(classed.colours).size == 3
