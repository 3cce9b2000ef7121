"""The What-if page as a ministry planner meets it (AppTest, demo data): ask where five more teams go,
see the ranked options and both maps, and find the scenario saved in the workspace (audited)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from planner.export_texts import word
from vigia.ui import state
from vigia.ui.i18n import t
from vigia.ui.risk_map import risk_state

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "vigia/ui/what_if/page.py"


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(risk_state.ENV_DRAWS, "100")
    monkeypatch.setenv(risk_state.ENV_PERMUTATIONS, "0")
    return demo_gpkg


def test_planner_adds_teams_sees_options_and_the_scenario_is_saved(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    at.radio(key="whatif_question").set_value("teams")
    at.number_input(key="whatif_count").set_value(5)
    at.number_input(key="whatif_draws").set_value(4)
    at.checkbox(key="whatif_check").uncheck()
    at.button(key="whatif_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    header = word("wi.option", "es")
    table = next(d.value for d in at.dataframe if header in d.value.columns)
    assert 1 <= len(table) <= 3
    assert all("(+" in option for option in table[header])
    assert any(t("whatif.saved_as", "es", id=1, version=1) == s.value for s in at.success)
    assert any(t("whatif.map_after", "es", rank=1) in m.value for m in at.markdown)

    from vigia.ui import access

    ws = access.workspace()
    saved = ws.items("what_if")
    assert [r.version for r in saved] == [1]
    assert ws.table(saved[0].id, "options")["option"].tolist() == table[header].tolist()
    assert "what_if.save" in set(ws.audit_log()["action"])

    again = AppTest.from_file(APP, default_timeout=120).run()  # a new session: open the saved scenario
    again.switch_page(PAGE).run()
    again.button(key="vigia_saved_open_what_if").click().run()
    assert not again.exception, [e.message for e in again.exception]
    reopened = next(d.value for d in again.dataframe if header in d.value.columns)
    assert reopened[header].tolist() == table[header].tolist()


def test_planner_asks_for_a_checkpoint_and_sees_its_robustness_and_the_patrol_check(app_env: Path) -> None:
    """The app's scores carry crossing draws, so a checkpoint is judged across them, and the check
    by planning runs the patrol planner with one more unit at the checkpoint."""
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    at.radio(key="whatif_question").set_value("checkpoints")
    at.number_input(key="whatif_draws").set_value(4)
    at.number_input(key="whatif_limit").set_value(5)
    at.button(key="whatif_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    header = word("wi.option", "es")
    table = next(d.value for d in at.dataframe if header in d.value.columns)
    labels = set(table[word("wi.robustness", "es")])
    assert labels <= {word("wi.robustness.robust", "es"), word("wi.robustness.fragile", "es")}, labels
    assert (table[word("wi.planner_gain_pct", "es")] >= 0).all()
