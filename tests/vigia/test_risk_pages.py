"""The Risk map and the Border page as a planner and a border chief meet them (AppTest, demo data).

The slow part of scoring (``prepare``) is computed once per test session into
the app's process-wide cache, with fewer Monte Carlo draws and permutations, so
each page run stays inside AppTest's default timeout.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from warm_scores import DRAWS, PERMUTATIONS

from geodata.load import load_dataset
from vigia.ui import state
from vigia.ui.i18n import has_text, t
from vigia.ui.risk_map import risk_state

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
BORDER = "vigia/ui/border/page.py"
TIMEOUT = 30  # the first run of a session imports folium and builds the basemap


@pytest.fixture
def app_env(warm_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(warm_demo))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(risk_state.ENV_DRAWS, DRAWS)
    monkeypatch.setenv(risk_state.ENV_PERMUTATIONS, PERMUTATIONS)
    return warm_demo


def _risk_page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _top_table(at: AppTest):
    """The top-20 table: a static table (it wraps, so the main factors are never cut)."""
    header = t("riskcol.interval", "es")
    return next(d.value for d in at.table if header in d.value.columns and t("riskcol.area", "es") in d.value.columns)


def test_risk_map_shows_scores_ranks_intervals_and_one_area(app_env: Path) -> None:
    at = _risk_page()
    assert not has_text("risk.not_built"), "the page is built now: no 'not built' notice is left"
    top = _top_table(at)
    assert len(top) == 20
    assert list(top[t("riskcol.rank", "es")]) == list(range(1, 21))
    scores = top[t("riskcol.score", "es")].str.replace(",", ".").astype(float)
    assert scores.between(0, 100).all() and scores.is_monotonic_decreasing
    for rank, interval in zip(top[t("riskcol.rank", "es")], top[t("riskcol.interval", "es")]):
        low, high = (int(x) for x in interval.split("–"))
        assert low <= rank <= high, "a rank interval contains the point rank"

    assert len(at.get("download_button")) == 4, "GeoPackage, CSV, Excel and HTML downloads"

    # Picking the 6th area of the list shows its rank, interval and contributions.
    at.selectbox(key="risk_area").select_index(5).run()
    assert not at.exception, [e.message for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("riskmap.metric_rank", "es")].startswith("6 /")
    assert t("riskmap.metric_interval", "es") in metrics
    contributions = next(d.value for d in at.dataframe if t("riskcol.contribution", "es") in d.value.columns)
    assert len(contributions) >= 2 and contributions[t("riskcol.contribution", "es")].is_monotonic_decreasing


def test_presets_and_weight_sliders_change_the_ranking(app_env: Path) -> None:
    at = _risk_page()
    before = list(_top_table(at)[t("riskcol.area", "es")])
    values = [s.value for s in at.sidebar.slider]
    assert len(values) >= 2, "one slider per weight group"

    at.selectbox(key="risk_preset").set_value("forced_labour").run()
    assert not at.exception, [e.message for e in at.exception]
    assert [s.value for s in at.sidebar.slider] != values, "a new preset moves the sliders to its weights"

    for slider in at.sidebar.slider:
        slider.set_value(100 if str(slider.key).endswith("_population") else 0)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    after = list(_top_table(at)[t("riskcol.area", "es")])
    assert after != before, "all the weight on population must reorder the areas"
    populous = set(load_dataset(app_env).areas.nlargest(10, "population")["name"])
    assert set(after[:3]) <= populous, "with only population weighted, the most populous areas lead"


def test_every_map_view_renders_and_explains_itself(app_env: Path) -> None:
    at = _risk_page()
    for view in ("interval", "hotspot", "emerging", "gap"):
        at.radio(key="risk_view").set_value(view).run()
        assert not at.exception, (view, [e.message for e in at.exception])
        captions = " ".join(c.value for c in at.caption)
        assert t(f"riskview.{view}.explain", "es", draws=DRAWS, permutations=PERMUTATIONS) in captions
        if view == "emerging":
            infos, classes = " ".join(i.value for i in at.info), " ".join(m.value for m in at.markdown)
            assert "«sin patrón»" in infos or "Punto caliente" in classes, "an all-'no pattern' map says why"
        if view == "hotspot":
            assert t("riskmap.meanings_header", "es") in [e.label for e in at.expander]
            meanings = " ".join(m.value for m in at.markdown)
            assert "Sin grupo claro" in meanings, "each class present is explained in plain words"


def test_border_page_ranks_crossings_with_intervals_and_drivers(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(BORDER).run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("borderrisk.ranking_header", "es") == at.subheader[0].value, "the ranking comes first"
    table = at.dataframe[0].value
    assert t("riskcol.crossing", "es") in table.columns and t("riskcol.drivers", "es") in table.columns
    assert list(table[t("riskcol.rank", "es")]) == list(range(1, len(table) + 1))
    assert table[t("riskcol.score", "es")].astype(float).is_monotonic_decreasing
    assert (table[t("riskcol.drivers", "es")].str.len() > 0).any()


def test_an_empty_cases_chart_says_why_instead_of_drawing_an_axis() -> None:
    from vigia.ui.risk_map.risk_tables import as_text, classes_empty_reason, trend_empty_reason

    def trend(values: list[float]) -> pd.DataFrame:
        return pd.DataFrame({"cases": values}, index=[str(2016 + i) for i in range(len(values))])

    nan = float("nan")
    assert trend_empty_reason(None) == "riskmap.no_cases"
    assert trend_empty_reason(trend([nan, nan, nan])) == "riskmap.trend_hidden"
    assert trend_empty_reason(trend([0.0, nan, 0.0])) == "riskmap.trend_none_shown"
    assert trend_empty_reason(trend([0.0, 0.0])) == "riskmap.trend_zero"
    assert trend_empty_reason(trend([7.0])) == "riskmap.trend_few_periods"
    assert trend_empty_reason(trend([0.0, nan, 6.0])) is None
    for key in ("riskmap.trend_none_shown", "riskmap.trend_few_periods", "riskmap.trend_zero"):
        assert has_text(key) and t(key, "es") != t(key, "en")
    quiet = pd.DataFrame({"emerging": ["no_pattern"] * 3, "hotspot": ["not_significant", "hot_95", "hot_90"]})
    assert classes_empty_reason(quiet, "emerging") == "riskmap.emerging_none"
    assert classes_empty_reason(quiet, "hotspot") is None and classes_empty_reason(quiet, "score") is None
    assert classes_empty_reason(quiet.assign(hotspot="not_significant"), "hotspot") == "riskmap.hotspot_none"
    shown = as_text(pd.DataFrame({"score": [73.44], "rank": [1], "p": [96.0], "factors": ["a, b, c"]}), "es")
    assert shown.iloc[0].tolist() == ["73,4", 1, "96", "a, b, c"]
