"""Inspection plans kept in the workspace: a reload brings the latest one back whole (map, KPIs
against greedy, timeline, downloads, lock/drop) without running the solver, and re-planning from
it keeps the locked visits where they were."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geodata.load import load_dataset
from planner import exports
from vigia import inspection_runs, saved_plans
from vigia.ui import access, state, stored_datasets
from vigia.ui.i18n import t
from vigia.ui.inspections import inspection_panels, saved_plan_view
from vigia.workspace import open_workspace

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "vigia/ui/inspections/page.py"


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return demo_gpkg


def _first_plan(demo_gpkg: Path):  # type: ignore[no-untyped-def]
    dataset = load_dataset(demo_gpkg)
    return dataset, inspection_runs.run(dataset, inspection_runs.PlanRequest(start=date(2026, 12, 7), days=2,
                                                                             time_limit=1))


def test_a_saved_plan_reopens_as_it_was_made(demo_gpkg: Path, tmp_path: Path) -> None:
    dataset, first = _first_plan(demo_gpkg)
    ws = open_workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    record = ws.save_item(saved_plans.KIND, saved_plans.plan_name(first), user="jefa",
                          tables=saved_plans.plan_tables(first), params=saved_plans.plan_params(first))
    assert saved_plans.is_whole(record.parts)
    again = saved_plans.reopen({name: ws.table(record.id, name) for name in record.parts}, record.params, dataset)
    assert again.plan.visits == first.plan.visits and again.plan.unplaced == first.plan.unplaced
    assert exports.kpi_frame(again.plan, again.context).equals(exports.kpi_frame(first.plan, first.context)), \
        "the KPIs against greedy come back the same"
    assert (again.request.start, again.request.days, again.request.seed) == (date(2026, 12, 7), 2, 0)


def _plan_in_app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    at.number_input(key="insp_days").set_value(2)
    at.slider(key="insp_time_limit").set_value(2)
    at.button(key="insp_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _metrics(at: AppTest) -> list[tuple[str, str, str | None]]:
    return [(m.label, m.value, m.delta) for m in at.metric]


def test_a_reload_brings_the_plan_back_whole_without_running_the_solver(app_env: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    at = _plan_in_app()
    first = at.session_state[inspection_panels.RUN_KEY]
    shown = _metrics(at)
    assert len(shown) == 5 and all(delta is not None for _, _, delta in shown), "KPIs against greedy"

    def no_solver(*args: object, **kwargs: object) -> None:
        raise AssertionError("reopening a saved plan ran the solver")

    reloaded = AppTest.from_file(APP, default_timeout=120).run()  # a reload: empty session
    with monkeypatch.context() as patch:
        patch.setattr("planner.engines.inspection.solve", no_solver)
        reloaded.switch_page(PAGE).run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    headers = [h.value for h in reloaded.subheader]
    assert t("inspections.saved_header", "es", name=saved_plans.plan_name(first), version=1) in headers
    assert _metrics(reloaded) == shown, "the same KPIs with the same differences to greedy"
    [route_map] = [c for c in reloaded.get("component_instance") if c.proto.component_name.endswith("st_folium")]
    script = json.loads(route_map.proto.json_args)["script"]  # the map's HTML/JS, names JSON-escaped
    assert all(json.dumps(v.name)[1:-1] in script for v in first.plan.visits), "the routes map shows every visit"
    assert len(reloaded.get("download_button")) == 9, "xlsx, csv, geojson, ics, zip, pdf, html, gpx, kml"
    timeline = next(d.value for d in reloaded.dataframe if t("inspections.col.arrive", "es") in d.value.columns)
    assert len(timeline) == len(first.plan.visits)
    run = reloaded.session_state[inspection_panels.RUN_KEY]
    assert len(reloaded.multiselect(key=f"insp_lock_{id(run)}").options) == len(first.plan.visits), \
        "every visit can be locked or dropped again"

    # Re-planning from the reopened plan runs the solver: locks kept, saved as a new version.
    kept = first.plan.visits[0]
    reloaded.multiselect(key=f"insp_lock_{id(run)}").set_value([kept.site_id])
    reloaded.button(key="insp_replan").click().run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    again = reloaded.session_state[inspection_panels.RUN_KEY]
    moved = next(v for v in again.plan.visits if v.site_id == kept.site_id)
    assert (moved.team_id, moved.day, moved.start) == (kept.team_id, kept.day, kept.start)
    versions = access.workspace().versions(reloaded.session_state[saved_plan_view.SAVED_ID_KEY])
    assert [v.version for v in versions] == [1, 2], "the re-plan is a new version; the old one stays"


def test_an_older_save_of_tables_only_still_opens_and_plans_again(app_env: Path) -> None:
    from planner.teams import teams_frame

    _, first = _first_plan(app_env)
    routes = pd.DataFrame([{"team_id": r.team_id, "day": r.day, "start_name": r.start_name, "end_name": r.end_name,
                            "overnight": r.overnight or "", "site_ids": "; ".join(r.site_ids)}
                           for r in first.plan.routes])
    tables = {"visits": first.plan.to_frame(), "unplaced": first.plan.unplaced_frame(), "routes": routes,
              "teams": teams_frame(list(first.problem.teams))}
    at = AppTest.from_file(APP, default_timeout=120).run()
    dataset_id = at.session_state.get(stored_datasets.DATASET_ID_KEY, None)
    access.workspace().save_item(saved_plans.KIND, "older save", user=access.current_viewer().name, tables=tables,
                                 params=saved_plans.plan_params(first), dataset_id=dataset_id)
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("inspections.saved_header", "es", name="older save", version=1) in [h.value for h in at.subheader]
    at.button(key="insp_saved_replan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    again = at.session_state[inspection_panels.RUN_KEY]
    assert again.problem.locked, "its day-trip visits are locked"
    placed = {(v.site_id, v.team_id, v.day) for v in again.plan.visits}
    assert all((x.site_id, x.team_id, x.day) in placed for x in again.problem.locked)


def _grid(at: AppTest) -> str:
    """The week grid (a wrapping HTML table) as the page shows it."""
    return next(m.value for m in at.markdown if "vigia-week" in m.value)


def test_a_saved_roster_comes_back_after_a_reload(app_env: Path) -> None:
    from vigia.ui.border import patrols_view

    at = AppTest.from_file(APP, default_timeout=240).run()
    at.switch_page("vigia/ui/border/page.py").run()
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
    reloaded.switch_page("vigia/ui/border/page.py").run()
    assert not reloaded.exception, [e.message for e in reloaded.exception]
    assert _grid(reloaded) == planned, "the saved roster, as it was made"


def test_another_chief_opens_a_saved_plan_from_saved_work_whole(app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vigia.workspace import accounts

    _, first = _first_plan(app_env)
    ws = access.workspace()
    accounts.add_user(ws, "ana", "inspection_chief", "una clave larga 2026")
    record = ws.save_item(saved_plans.KIND, saved_plans.plan_name(first), user="jefa",
                          tables=saved_plans.plan_tables(first), params=saved_plans.plan_params(first))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.text_input[0].input("ana")
    at.text_input[1].input("una clave larga 2026")
    at.button[0].click().run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.metric, "ana has no plan of her own yet"
    with monkeypatch.context() as patch:
        patch.setattr("planner.engines.inspection.solve", lambda *a, **k: pytest.fail("opening ran the solver"))
        at.selectbox(key=f"vigia_saved_pick_{saved_plans.KIND}").set_value(record.id)
        at.button(key=f"vigia_saved_open_{saved_plans.KIND}").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("inspections.kpi.risk_covered", "es") in [m.label for m in at.metric]
    assert len(at.get("download_button")) == 9, "an inspection chief may download the plan"
    assert at.session_state[inspection_panels.RUN_KEY].plan.visits == first.plan.visits


def test_two_versions_of_a_saved_plan_compare_by_visits(demo_gpkg: Path, tmp_path: Path) -> None:
    dataset, first = _first_plan(demo_gpkg)
    gone = first.plan.visits[1].site_id
    again = inspection_runs.replan_run(dataset, first, [first.plan.visits[0].site_id], [gone])
    ws = open_workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    old = ws.save_item(saved_plans.KIND, "plan", user="jefa", tables=saved_plans.plan_tables(first),
                       params=saved_plans.plan_params(first))
    new = ws.save_item(saved_plans.KIND, "plan", user="jefa", tables=saved_plans.plan_tables(again),
                       params=saved_plans.plan_params(again), replaces=old.id)
    comparison = ws.compare(old.id, new.id)
    assert comparison.params["dropped"] == ([], [gone])
    assert gone in set(comparison.tables["visits"].removed["site_id"]), "the dropped visit is gone"
    assert gone in set(comparison.tables["unplaced"].added["site_id"]), "and listed among the unplaced"
    assert "travel" in comparison.not_compared, "the travel matrix has no rows to match"
