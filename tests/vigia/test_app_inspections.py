"""The Inspections page with AppTest on the demo: plan, see KPIs against greedy, keep the plan
across reruns, lock and drop visits and re-plan (locked visits never move), download outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geodata import formats
from vigia.ui import access, state
from vigia.ui.i18n import has_text, t
from vigia.ui.inspections import inspection_panels, saved_plan_view

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "vigia/ui/inspections/page.py"
TIMEOUT = 120


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    return demo_gpkg


def _page() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _plan(at: AppTest, days: int = 2, limit: int = 2) -> AppTest:
    at.number_input(key="insp_days").set_value(days)
    at.slider(key="insp_time_limit").set_value(limit)
    at.button(key="insp_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_page_offers_planning_instead_of_a_not_built_notice(app_env: Path) -> None:
    at = _page()
    if has_text("inspections.not_built"):  # the old notice's text may be removed from the table later
        assert t("inspections.not_built", "es") not in [i.value for i in at.info]
    assert t("inspections.no_plan", "es") in [i.value for i in at.info]
    assert at.button(key="insp_run").label == t("inspections.run", "es")
    assert not at.button(key="insp_run").disabled, "default teams from the demo's offices are valid"


def test_plan_shows_kpis_against_greedy_and_survives_reruns(app_env: Path) -> None:
    at = _plan(_page())
    run = at.session_state[inspection_panels.RUN_KEY]
    assert len(run.problem.days) == 2 and run.plan.visits
    labels = [m.label for m in at.metric]
    assert t("inspections.kpi.risk_covered", "es") in labels and t("inspections.kpi.km", "es") in labels
    risk = next(m for m in at.metric if m.label == t("inspections.kpi.risk_covered", "es"))
    assert risk.delta is not None, "each headline KPI shows its difference to the greedy plan"
    assert [s.label for s in at.status] == [t("inspections.done", "es", seconds=formats.decimal(run.seconds, "es"))], \
        "a status box shows the run and says when it is done"
    keys = {b.key for b in at.get("download_button")}
    assert {f"insp_dl_{ext}" for ext in ("xlsx", "csv", "geojson", "ics", "zip", "pdf", "html", "gpx", "kml")} == keys
    team = run.plan.visits[0].team_id
    at.multiselect(key="insp_map_teams").set_value([team])
    at.selectbox(key="insp_map_day").set_value(run.plan.visits[0].day).run()
    assert not at.exception, "the routes map filters by team and day"
    must = [u for u in run.plan.unplaced if u.must_visit]
    if must:
        assert t("inspections.unplaced_must_some", "es", n=len(must)) in [w.value for w in at.warning]
    at.run()  # any click reruns the script: the plan must still be there
    assert at.session_state[inspection_panels.RUN_KEY] is run
    assert t("inspections.kpi.risk_covered", "es") in [m.label for m in at.metric]


def test_lock_and_drop_then_replan_keeps_locked_visits_in_place(app_env: Path) -> None:
    at = _plan(_page())
    run = at.session_state[inspection_panels.RUN_KEY]
    ordered = sorted(run.plan.visits, key=lambda v: (-v.priority, v.site_id))
    locked, dropped = ordered[0], ordered[1]
    at.multiselect(key=f"insp_lock_{id(run)}").set_value([locked.site_id])
    at.multiselect(key=f"insp_drop_{id(run)}").set_value([dropped.site_id]).run()
    at.button(key="insp_replan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    again = at.session_state[inspection_panels.RUN_KEY]
    assert again is not run
    kept = next(v for v in again.plan.visits if v.site_id == locked.site_id)
    assert (kept.team_id, kept.day, kept.start) == (locked.team_id, locked.day, locked.start)
    assert kept.locked
    assert dropped.site_id not in {v.site_id for v in again.plan.visits}
    assert [u.reason_code for u in again.plan.unplaced if u.site_id == dropped.site_id] == ["dropped"]
    site, reason = t("inspections.col.site_id", "es"), t("inspections.col.reason", "es")
    listed = [f.loc[f[site] == dropped.site_id, reason].tolist() for f in (d.value for d in at.dataframe)
              if {site, reason} <= set(f.columns)]
    assert ["quitado por el usuario"] in listed, "listed among the unplaced, with the reason in Spanish"
    assert t("inspections.replan_done", "es", locked=1, dropped=1) in [s.value for s in at.success]


def test_keys_built_from_codes_exist() -> None:
    """The page builds ``inspections.col.<code>`` and ``inspections.kpi.<code>`` keys at run time."""
    from planner import exports
    from planner.teams import teams_frame
    from vigia.ui.i18n import TEXTS

    columns = (set(exports.VISIT_COLUMNS) | set(exports.UNPLACED_COLUMNS) | {"kpi", "plan", "greedy", "lock", "drop"}
               | {"visits", "days_used", "nights_away", "risk_covered", "km", "drive_hours", "sites", "visited", "risk",
                  "share", "greedy_visited", "greedy_share"})
    columns |= set(teams_frame([]).columns) | {"team_id", "office_id", "name", "lon", "lat", "members", "day_start",
                                                 "day_end", "max_drive_minutes", "skills", "available_dates"}
    missing = sorted(c for c in columns - {"service_minutes", "overnight_after", "reason_code"}
                     if f"inspections.col.{c}" not in TEXTS)
    assert not missing, missing
    assert not [k for k in exports.KPI_ROWS if f"inspections.kpi.{k}" not in TEXTS]


def test_a_visit_both_locked_and_dropped_is_refused_with_a_message(app_env: Path) -> None:
    at = _plan(_page())
    run = at.session_state[inspection_panels.RUN_KEY]
    both = run.plan.visits[0]
    at.multiselect(key=f"insp_lock_{id(run)}").set_value([both.site_id])
    at.multiselect(key=f"insp_drop_{id(run)}").set_value([both.site_id]).run()
    assert any(e.value.startswith(t("inspections.lock_and_drop", "es", sites="").split(":")[0]) for e in at.error)
    assert at.button(key="insp_replan").disabled, "re-planning waits until the visit is in one list only"


def test_dropping_many_visits_asks_first_and_can_be_undone(app_env: Path) -> None:
    at = _plan(_page())
    run = at.session_state[inspection_panels.RUN_KEY]
    saved_before = at.session_state[saved_plan_view.SAVED_ID_KEY]
    many = [v.site_id for v in run.plan.visits][: len(run.plan.visits) // 10 + 1]  # just over 10%
    at.multiselect(key=f"insp_drop_{id(run)}").set_value(many).run()
    at.button(key="insp_replan").click().run()
    assert at.session_state[inspection_panels.RUN_KEY] is run, "nothing is dropped before the user confirms"
    question = t("inspections.drop_confirm", "es", n=len(many), total=len(run.plan.visits),
                 share=f"{len(many) / len(run.plan.visits):.0%}")
    assert question in [w.value for w in at.warning]
    at.button(key="insp_drop_cancel").click().run()
    assert at.session_state[inspection_panels.RUN_KEY] is run and question not in [w.value for w in at.warning]

    at.button(key="insp_replan").click().run()
    at.button(key="insp_drop_confirm").click().run()
    assert not at.exception, [e.message for e in at.exception]
    again = at.session_state[inspection_panels.RUN_KEY]
    assert again is not run and not set(many) & {v.site_id for v in again.plan.visits}
    assert set(many) <= {u.site_id for u in again.plan.unplaced if u.reason_code == "dropped"}

    at.button(key="insp_undo").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state[inspection_panels.RUN_KEY] is run, "undo brings the plan before the drop back"
    assert t("inspections.undone", "es") in [s.value for s in at.success]
    assert at.session_state[saved_plan_view.SAVED_ID_KEY] == saved_before
    latest = access.workspace().latest("inspection_plan")
    assert latest is not None and latest.id == saved_before, "a reload shows the plan before the drop too"


def test_dropping_a_few_visits_needs_no_confirmation(app_env: Path) -> None:
    at = _plan(_page())
    run = at.session_state[inspection_panels.RUN_KEY]
    few = [v.site_id for v in run.plan.visits][: max(1, len(run.plan.visits) // 10)]  # at most 10%
    at.multiselect(key=f"insp_drop_{id(run)}").set_value(few).run()
    at.button(key="insp_replan").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert at.session_state[inspection_panels.RUN_KEY] is not run
