"""The Border page plans a roster: AppTest on the demo with the scores file ``vigia score`` wrote."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from vigia.ui import patrols_view, state
from vigia.ui.i18n import t

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")


@pytest.fixture
def app_env(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    return demo_scores_gpkg


def test_border_page_plans_and_redraws_a_roster(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=240).run()
    at.switch_page("vigia/ui/pages/border.py")
    at.session_state[patrols_view.SCORES_KEY] = str(app_env)  # as if uploaded (the risk engine may be absent)
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("patrols.header", "es") in [h.value for h in at.header]
    at.number_input(key=patrols_view.POOL_KEY).set_value(10)
    at.text_input(key="vigia_patrol_week").set_value("2026-W23")
    at.button(key="vigia_patrol_plan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    grid = next(d.value for d in at.dataframe if t("patrols.col.unit", "es") in d.value.columns)
    assert len(grid) >= 10 and grid.shape[1] == 1 + 21
    assigned = (grid.iloc[:, 1:] != "").to_numpy().sum()
    assert assigned > 50, "the week grid must hold the roster"
    captions = " ".join(c.value for c in at.caption)
    assert "Semana sorteada" in captions
    assert "semanas que rompen una regla: 0" in captions
    metrics = {m.label: m.value for m in at.metric}
    assert t("patrols.metric_reduction", "es") in metrics
    before = grid.to_numpy().tolist()
    at.button(key="vigia_patrol_draw").click().run()
    assert not at.exception
    after = next(d.value for d in at.dataframe if t("patrols.col.unit", "es") in d.value.columns)
    assert after.to_numpy().tolist() != before, "drawing another week must change the roster"
    at.button(key="vigia_pin_button").click().run()
    assert not at.exception
    assert any("debilita" in i.value for i in at.info)
