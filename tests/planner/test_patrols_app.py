"""The Border page plans a roster: AppTest on the demo with the scores file ``vigia score`` wrote."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geodata.load import load_dataset
from planner.patrols import exports
from planner.patrols.units import default_units
from vigia.ui import state
from vigia.ui.border import patrols_view
from vigia.ui.i18n import t

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture
def app_env(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    return demo_scores_gpkg


def _grid(at: AppTest) -> str:
    return next(m.value for m in at.markdown if "vigia-week" in m.value)


def test_border_page_plans_and_redraws_a_roster(app_env: Path, demo_gpkg: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    at = AppTest.from_file(APP, default_timeout=240).run()
    at.switch_page("vigia/ui/border/page.py")
    at.session_state[patrols_view.SCORES_KEY] = str(app_env)  # as if uploaded (the risk engine may be absent)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("patrols.header", "es") in [h.value for h in at.header]
    assert at.text_input(key="vigia_patrol_week").value == exports.next_week(dt.date.today())
    at.number_input(key=patrols_view.POOL_KEY).set_value(10)
    at.text_input(key="vigia_patrol_week").set_value("2026-W23")
    at.button(key="vigia_patrol_plan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    grid = _grid(at)
    # names and dates, not codes: every unit's name, day headers with their dates, places in words
    dataset = load_dataset(demo_gpkg)
    units = default_units(dataset)
    assert all(html.escape(u.name) in grid for u in units)
    for day in ("lunes 01/06", "martes 02/06", "domingo 07/06"):
        assert f"<th>{day}</th>" in grid
    assert "Desaguadero" in grid and "Villazón" in grid
    codes = set(dataset["crossings"]["crossing_id"]) | {u.unit_id for u in units}
    assert not [c for c in codes if re.search(rf">[^<]*\b{re.escape(c)}\b", grid)], "the grid shows codes"
    assert "mon" not in re.findall(r"<th>(\w+)", grid) and "morning" not in grid
    words = " ".join(i.value for i in at.info)
    assert "igual de válido" in words and "Sorteo n.º 1" in words
    captions = " ".join(c.value for c in at.caption)
    assert "semanas que rompen una regla: 0" in captions
    assert "Semana sorteada" not in captions, "the pool behind the draws is not shown as a list to cycle through"
    assert "bits" not in " ".join(m.value for m in at.markdown)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[t("patrols.metric_fixed", "es")] == "10 de cada 10"
    headline = metrics[t("patrols.metric_reduction", "es")]

    # a true draw may repeat a week now and then (as dice do), so up to three draws must bring a new one
    seeds, grids = [at.session_state[patrols_view.REQUEST_KEY]["seed"]], [grid]
    for n in range(2, 5):
        at.button(key="vigia_patrol_draw").click().run()
        assert not at.exception
        seeds.append(at.session_state[patrols_view.REQUEST_KEY]["seed"])
        grids.append(_grid(at))
        assert f"Sorteo n.º {n}" in " ".join(i.value for i in at.info)
        if grids[-1] != grid:
            break
    assert len(set(seeds)) == len(seeds), "every draw has a new seed"
    assert grids[-1] != grid, "drawing another week must change the roster"
    assert {m.label: m.value for m in at.metric}[t("patrols.metric_reduction", "es")] == headline

    at.button(key="vigia_pin_button").click().run()
    assert not at.exception
    pin = next(i.value for i in at.info if "Fijar" in i.value)
    assert f"en {headline}" in pin or f"de {headline} a" in pin, (pin, headline)

    # saved work comes back whole after a reload, read from the workspace, not planned again
    drawn, figures = _grid(at), {m.label: m.value for m in at.metric}
    at.button(key="vigia_patrol_save").click().run()
    assert not at.exception
    st.cache_data.clear()

    def no_planning(*args: object, **kwargs: object) -> None:
        raise AssertionError("a saved roster must not be planned again")

    monkeypatch.setattr(patrols_view, "plan_week", no_planning)
    again = AppTest.from_file(APP, default_timeout=240).run()
    again.switch_page("vigia/ui/border/page.py")
    again.session_state[patrols_view.SCORES_KEY] = str(app_env)
    again.run()
    assert not again.exception, [e.message for e in again.exception]
    assert _grid(again) == drawn
    assert {m.label: m.value for m in again.metric} == figures
    assert any("tal como se hizo" in c.value for c in again.caption)
    assert {b.key for b in again.get("download_button")} >= {f"vigia_patrol_dl_{k}" for k in ("pdf", "csv", "xlsx",
                                                                                                "ics")}
