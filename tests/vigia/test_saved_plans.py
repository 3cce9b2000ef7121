"""Inspection plans kept in the workspace: a reload shows the latest one, and re-planning from it
keeps its day-trip visits where they were."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geodata.load import load_dataset
from vigia import inspection_runs, saved_plans
from vigia.ui import access, inspection_panels, saved_plan_view, state
from vigia.ui.i18n import t
from vigia.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "vigia/ui/pages/inspections.py"


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return demo_gpkg


def test_replan_from_a_saved_plan_keeps_its_day_trip_visits(demo_gpkg: Path, tmp_path: Path) -> None:
    dataset = load_dataset(demo_gpkg)
    first = inspection_runs.run(dataset, inspection_runs.PlanRequest(start=date(2026, 12, 7), days=3, time_limit=2))
    ws = open_workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    record = ws.save_item(saved_plans.KIND, saved_plans.plan_name(first), user="jefa",
                          tables=saved_plans.plan_tables(first), params=saved_plans.plan_params(first))
    tables = {name: ws.table(record.id, name) for name in record.parts}
    request = saved_plans.request_from_saved(tables, record.params, dataset)
    assert request.locked, "the demo plan has day trips"
    again = inspection_runs.run(dataset, request)
    placed = {(v.site_id, v.team_id, v.day, v.start.hour * 60 + v.start.minute) for v in again.plan.visits}
    for lock in request.locked:
        assert (lock.site_id, lock.team_id, lock.day, lock.start_minute) in placed


def test_a_new_session_shows_the_latest_saved_plan_and_replans_from_it(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    at.number_input(key="insp_days").set_value(2)
    at.slider(key="insp_time_limit").set_value(2)
    at.button(key="insp_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    first = at.session_state[inspection_panels.RUN_KEY]

    reloaded = AppTest.from_file(APP, default_timeout=120).run()  # a reload: empty session
    reloaded.switch_page(PAGE).run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    headers = [h.value for h in reloaded.subheader]
    assert any(h.startswith(t("inspections.saved_header", "es", name="", version=1).split(":")[0]) for h in headers)
    reloaded.button(key="insp_saved_replan").click().run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    again = reloaded.session_state[inspection_panels.RUN_KEY]
    assert again.request.locked and again is not first
    versions = access.workspace().versions(reloaded.session_state[saved_plan_view.SAVED_ID_KEY])
    assert [v.version for v in versions] == [1, 2], "the re-plan is a new version; the old one stays"


def _grid(at: AppTest) -> str:
    """The week grid (a wrapping HTML table) as the page shows it."""
    return next(m.value for m in at.markdown if "vigia-week" in m.value)


def test_a_saved_roster_comes_back_after_a_reload(app_env: Path) -> None:
    from vigia.ui import patrols_view

    at = AppTest.from_file(APP, default_timeout=240).run()
    at.switch_page("vigia/ui/pages/border.py").run()
    at.number_input(key=patrols_view.POOL_KEY).set_value(5)
    at.text_input(key="vigia_patrol_week").set_value("2026-W50")
    at.button(key="vigia_patrol_plan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    planned = _grid(at)
    at.button(key="vigia_patrol_save").click().run()
    assert not at.exception, [e.message for e in at.exception]
    saved = access.workspace().latest(patrols_view.ROSTER_KIND)
    assert saved is not None and saved.params["week"] == "2026-W50"

    reloaded = AppTest.from_file(APP, default_timeout=240).run()
    reloaded.switch_page("vigia/ui/pages/border.py").run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    assert _grid(reloaded) == planned, "the saved roster, as it was made"
