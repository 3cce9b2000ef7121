"""The dark-figure panel rendered headless (AppTest) on the demo and on tables with no estimate."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geodata.load import load_dataset
from vigia.ui.i18n import LANG_KEY, t

TIMEOUT = 60


def _panel(path: str, drop_lists: bool = False, never_overlap: bool = False) -> None:
    import pandas as pd

    from geodata.load import load_dataset
    from vigia.ui.risk_map.dark_figure_view import render

    dataset = load_dataset(path)
    if drop_lists:
        del dataset.layers["lists"]
    if never_overlap:
        dataset.layers["lists"] = pd.DataFrame({"police": [1, 0], "ngo": [0, 1], "count": [9, 7]})
    render(dataset)


def _run(demo_gpkg: Path, lang: str = "es", **kwargs: object) -> AppTest:
    at = AppTest.from_function(_panel, kwargs={"path": str(demo_gpkg), **kwargs}, default_timeout=TIMEOUT)
    at.session_state[LANG_KEY] = lang
    return at.run()


def test_panel_shows_recorded_vs_estimated_with_interval_and_sensitivity(demo_gpkg: Path) -> None:
    at = _run(demo_gpkg, lang="en")
    assert not at.exception
    demo = load_dataset(demo_gpkg)
    observed = int(demo.layers["lists"]["count"].sum())  # people on at least one list
    truth = int(demo.about["lists_true_total"])
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("dark.metric_observed", "en")] == f"{observed:,}"
    estimate = int(metrics[t("dark.metric_estimate", "en")].replace(",", ""))
    low, high = (int(v.replace(",", "")) for v in metrics[t("dark.metric_interval", "en")].split(" – "))
    assert observed < low < estimate < high
    assert any(f"{truth:,}" in c.value for c in at.caption), "the synthetic demo says its true total"
    assert any("police × fiscalia" in c.value for c in at.caption)
    assert "closed" in "".join(m.value for m in at.markdown)
    tables = at.dataframe
    assert len(tables) == 2, "per-period table and sensitivity table"
    periods = tables[0].value
    assert periods.iloc[:, 0].tolist() == [str(y) for y in range(2016, 2025)]
    assert tables[1].value[t("dark.col.chosen", "en")].sum() == 1


def test_panel_switches_to_departments(demo_gpkg: Path) -> None:
    at = _run(demo_gpkg)
    at.radio(key="dark_figure_split").set_value("admin1").run()
    assert not at.exception
    assert "La Paz" in at.dataframe[0].value.iloc[:, 0].tolist()


@pytest.mark.parametrize(("kwargs", "key"), [({"drop_lists": True}, "dark.missing"),
                                             ({"never_overlap": True}, "dark.refused")])
def test_panel_explains_when_there_is_no_estimate(demo_gpkg: Path, kwargs: dict[str, object], key: str) -> None:
    at = _run(demo_gpkg, "es", **kwargs)
    assert not at.exception
    shown = [e.value for e in (*at.info, *at.warning)]
    expected = t(key, "es", reason="")
    assert any(text.startswith(expected) for text in shown), shown
    assert not at.dataframe
