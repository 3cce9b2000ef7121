"""The pieces of the Inspections page: setup, run with progress, results, re-plan, downloads.

Display and input only. Planning is :mod:`vigia.inspection_runs` (which calls the
planner's result API, :mod:`planner.result`); tables and files come from :mod:`planner.exports` and
:mod:`planner.route_sheets`. The finished run lives in ``st.session_state`` so
reruns (every click) keep it.
"""

from __future__ import annotations

import hashlib
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Literal

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from geodata.dataset import Dataset
from geodata.problems import DataError
from geodata.scores_file import file_label, read_scores
from planner import exports, field_files, route_sheets
from planner.problem import Team
from vigia import inspection_runs
from vigia.inspection_runs import PlanRequest, PlanRun
from vigia.ui import access, chrome, maps, saved_work
from vigia.ui.i18n import current_language, fmt_dec, fmt_int, fmt_pct, reason_text, sector_label, t
from vigia.ui.inspections import learning_panels, route_maps
from vigia.workspace.roles import Action

#: Session-state keys.
RUN_KEY = "vigia_inspection_run"
RUN_DATASET_KEY = "vigia_inspection_dataset"
NOTICE_KEY = "vigia_inspection_notice"
#: A bulk drop waiting for the user's confirmation: (id of the run, locked, dropped) as selected.
PENDING_DROP_KEY = "vigia_inspection_pending_drop"
#: Dropping more than this share of the plan's visits at once asks for confirmation first.
BULK_DROP_SHARE = 0.10

DEFAULT_DAYS = 10
DEFAULT_TIME_LIMIT = 20
MAX_TIME_LIMIT = 300
#: Where teams come from: derived from the offices, or an uploaded file.
TEAM_SOURCES = ("offices", "file")
#: ``st.metric`` colours a rise red for KPIs where less is better (km, hours).
LESS_IS_BETTER: Literal["inverse"] = "inverse"
#: The teams file's columns (see :mod:`planner.teams`), for the upload's help text.
TEAMS_FILE_COLUMNS = ("team_id, office_id (or lon, lat), name, members, day_start, day_end, "
                      "max_drive_minutes, skills, available_dates")


def labels(frame: pd.DataFrame) -> pd.DataFrame:
    """Column codes replaced by this page's translated headers."""
    return frame.rename(columns={c: t(f"inspections.col.{c}") for c in frame.columns})


def next_monday(today: date | None = None) -> date:
    today = today or date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


# ------------------------------------------------------------------------------ setup

def _labour_offices(dataset: Dataset) -> pd.DataFrame:
    offices = dataset.get("offices")
    if offices is None:
        return pd.DataFrame(columns=["office_id", "name", "staff"])
    return offices[offices["kind"].astype(str) == "labour"]


def _save_upload(upload: UploadedFile) -> Path:
    """An uploaded file written under its own name (readers recognise formats by extension)."""
    folder = Path(tempfile.mkdtemp(prefix="vigia-inspections-"))
    path = folder / Path(upload.name.replace("\\", "/")).name
    path.write_bytes(upload.getvalue())
    return path


def _problems(error: DataError) -> None:
    st.dataframe(chrome.problems_frame(error.problems), hide_index=True)


def teams_setup(dataset: Dataset) -> tuple[Team, ...] | None:
    """Teams from the offices (editable) or from an uploaded file; None when invalid or empty."""
    from planner.teams import DEFAULT_TEAMS_RULE, default_teams, teams_frame, teams_from_frame

    offices = _labour_offices(dataset)
    source = st.radio(t("inspections.teams_source"), TEAM_SOURCES, horizontal=True, key="insp_teams_source",
                      format_func=lambda v: t(f"inspections.teams_from_{'offices' if v == 'offices' else 'file'}"))
    if source == "file":
        from planner.teams import read_teams

        upload = st.file_uploader(t("inspections.teams_upload"), type=["csv", "xlsx"], key="insp_teams_file",
                                  help=t("inspections.teams_upload_help", columns=TEAMS_FILE_COLUMNS))
        if upload is None:
            return None
        try:
            loaded = tuple(read_teams(_save_upload(upload), dataset))
        except DataError as error:
            st.error(t("inspections.teams_invalid"))
            _problems(error)
            return None
        with st.expander(t("inspections.teams_loaded", n=len(loaded), file=upload.name)):
            chrome.table(labels(teams_frame(list(loaded))))
        return loaded
    if offices.empty:
        st.info(t("inspections.no_labour_offices"))
        return None
    names = dict(zip(offices["office_id"].astype(str), offices["name"].astype(str)))
    chosen = st.multiselect(t("inspections.offices_pick"), list(names), default=list(names),
                            format_func=lambda o: names.get(o, o), help=t("inspections.offices_pick_help"),
                            key="insp_offices")
    teams = [team for team in default_teams(dataset) if team.office_id in set(chosen)]
    if not teams:
        st.warning(t("inspections.teams_none"))
        return None
    with st.expander(t("inspections.teams_rule_expander")):
        st.caption(reason_text(DEFAULT_TEAMS_RULE))
    table = teams_frame(teams).astype(str)
    digest = hashlib.sha1(",".join(sorted(chosen)).encode()).hexdigest()[:10]
    with st.expander(t("inspections.teams_table", n=len(teams))):
        st.caption(t("inspections.teams_editor_help"))
        edited = st.data_editor(table, num_rows="dynamic", hide_index=True, key=f"insp_teams_editor_{digest}",
                                column_config={c: st.column_config.TextColumn(t(f"inspections.col.{c}"))
                                               for c in table.columns})
    try:
        return tuple(teams_from_frame(edited, t("inspections.teams_source"), dataset=dataset))
    except DataError as error:
        st.error(t("inspections.teams_edit_invalid"))
        _problems(error)
        return None


def scores_setup() -> tuple[pd.DataFrame | None, str, bool]:
    """An optional scores GeoPackage: (area scores or None, file name, ok)."""
    upload = st.file_uploader(t("inspections.scores_upload"), type=["gpkg"], key="insp_scores_file",
                              help=t("inspections.scores_upload_help", fallback=t("inspections.priority_fallback")))
    if upload is None:
        return None, "", True
    try:
        saved = _save_upload(upload)
        return read_scores(saved).areas, file_label(saved, upload.name), True
    except DataError as error:
        st.error(t("inspections.scores_invalid", error=error.problems[0].message if error.problems else ""))
        _problems(error)
        return None, upload.name, False


def plan_setup(dataset: Dataset) -> tuple[PlanRequest | None, bool]:
    """The whole setup block: (the request the inputs make, or None while invalid; "Plan routes" pressed).

    Re-planning reads the teams of the current request too, so a lost day entered in the
    teams table (available dates) counts when the user re-plans.
    """
    st.subheader(t("inspections.setup_header"))
    teams = teams_setup(dataset)
    c1, c2, c3, c4, c5 = st.columns([1.2, 1, 1.4, 1, 0.8])
    start = c1.date_input(t("inspections.start_date"), value=next_monday(), key="insp_start", format="DD/MM/YYYY")
    days = c2.number_input(t("inspections.days"), min_value=1, max_value=60, value=DEFAULT_DAYS, step=1, key="insp_days")
    limit = c3.slider(t("inspections.time_limit"), min_value=2, max_value=MAX_TIME_LIMIT, value=DEFAULT_TIME_LIMIT,
                      key="insp_time_limit", help=t("inspections.time_limit_help"))
    engines = inspection_runs.engine_names()
    engine = c4.selectbox(t("inspections.engine"), engines, key="insp_engine")
    seed = c5.number_input(t("inspections.seed"), min_value=0, value=0, step=1, key="insp_seed")
    scores, scores_name, scores_ok = scores_setup()
    explore = learning_panels.explore_share()
    learn = learning_panels.learn_switch()
    ready = teams is not None and scores_ok and isinstance(start, date)
    pressed = st.button(t("inspections.run"), type="primary", disabled=not ready, key="insp_run")
    if not ready or not isinstance(start, date):
        return None, False
    return PlanRequest(start=start, days=int(days), time_limit=float(limit), engine=str(engine), seed=int(seed),
                       teams=teams, scores=scores, scores_name=scores_name, explore=explore,
                       learn=learn), pressed


# -------------------------------------------------------------------------------- run

def run_with_progress(work: Callable[[Callable[[str], None]], PlanRun], time_limit: float,
                      engine: str) -> PlanRun | None:
    """Run ``work`` in a thread while a status box shows the stage and the elapsed time.

    ``work`` gets a callback it calls with ``problem``, ``greedy`` or ``solve``; the
    thread never touches Streamlit, this function alone updates the page.
    """
    stage = {"name": "problem"}
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["run"] = work(lambda name: stage.__setitem__("name", name))
        except Exception as error:  # shown to the user below, never swallowed
            outcome["error"] = error

    began = time.perf_counter()
    worker = threading.Thread(target=target, daemon=True)
    with st.status(t("inspections.running"), expanded=True) as status:
        line = st.empty()
        bar = st.progress(0.0)
        worker.start()
        shown = ""
        while worker.is_alive():
            worker.join(0.25)
            elapsed = time.perf_counter() - began
            name = stage["name"]
            if name != shown:
                text = t("inspections.step_solve", engine=engine, limit=fmt_int(time_limit)) \
                    if name == "solve" else t(f"inspections.step_{name}")
                line.markdown(text)
                shown = name
            bar.progress(min(1.0, elapsed / max(time_limit, 1e-9)), text=t("inspections.progress", elapsed=fmt_int(elapsed),
                                                                            limit=fmt_int(time_limit)))
        if "error" in outcome:
            status.update(label=t("inspections.failed", error=str(outcome["error"])), state="error")
            error = outcome["error"]
            if isinstance(error, DataError):
                st.error(t("inspections.problem_errors"))
                _problems(error)
            return None
        run = outcome["run"]
        assert isinstance(run, PlanRun)
        bar.progress(1.0, text=t("inspections.progress", elapsed=fmt_int(run.seconds), limit=fmt_int(time_limit)))
        status.update(label=t("inspections.done", seconds=fmt_dec(run.seconds)), state="complete", expanded=False)
    return run


def store(run: PlanRun, dataset_path: Path) -> None:
    st.session_state[RUN_KEY] = run
    st.session_state[RUN_DATASET_KEY] = str(dataset_path)


def stored(dataset_path: Path) -> tuple[PlanRun | None, bool]:
    """The session's plan and whether it was computed on another dataset than the one shown."""
    run = st.session_state.get(RUN_KEY)
    return run, run is not None and st.session_state.get(RUN_DATASET_KEY) != str(dataset_path)


# ---------------------------------------------------------------------------- results

def _delta(mine: float, other: float, kind: str = "number") -> str | None:
    """Signed difference to the greedy plan: ``number`` (one decimal), ``whole`` or ``percent`` points."""
    if pd.isna(other):
        return None
    diff = mine - other
    if kind == "percent":
        return ("+" if diff >= 0 else "-") + fmt_int(abs(diff) * 100) + " pp"
    if kind == "whole":
        return ("+" if diff >= 0 else "-") + fmt_int(abs(diff))
    return ("+" if diff >= 0 else "-") + fmt_dec(abs(diff))


def show_kpis(run: PlanRun) -> None:
    """Headline KPIs with the difference to the greedy plan, then every KPI in a table."""
    st.markdown(f"**{t('inspections.kpi_header')}**", help=t("inspections.kpi_help"))
    table = exports.kpi_frame(run.plan, run.context)
    values = {(code, col): float(table.loc[table["kpi"] == code, col].iloc[0])
              for code in table["kpi"] for col in ("plan", "greedy")}

    def get(code: str, col: str) -> float:
        return values[(code, col)]

    c1, c2, c3, c4, c5 = st.columns(5)
    c1.metric(t("inspections.kpi.risk_covered"), fmt_dec(get('risk_covered', 'plan')),
              _delta(get("risk_covered", "plan"), get("risk_covered", "greedy")))
    c2.metric(t("inspections.kpi.top_decile_share"), fmt_pct(get('top_decile_share', 'plan')),
              _delta(get("top_decile_share", "plan"), get("top_decile_share", "greedy"), "percent"))
    c3.metric(t("inspections.kpi.must_visit_planned"),
              f"{fmt_int(get('must_visit_planned', 'plan'))} / {fmt_int(get('must_visit_total', 'plan'))}",
              _delta(get("must_visit_planned", "plan"), get("must_visit_planned", "greedy"), "whole"))
    c4.metric(t("inspections.kpi.km"), fmt_int(get("km", "plan")),
              _delta(get("km", "plan"), get("km", "greedy"), "whole"), delta_color=LESS_IS_BETTER)
    c5.metric(t("inspections.kpi.drive_hours"), fmt_dec(get('drive_hours', 'plan')),
              _delta(get("drive_hours", "plan"), get("drive_hours", "greedy")), delta_color=LESS_IS_BETTER)
    with st.expander(t("inspections.kpi_table_expander")):
        full = table.copy()
        full["kpi"] = [t(f"inspections.kpi.{code}") for code in full["kpi"]]
        chrome.table(labels(full.round(3)))


def _unplaced_must(run: PlanRun) -> pd.DataFrame:
    frame = exports.unplaced_frame(run.plan, run.context, current_language())
    return frame[frame["must_visit"]]


def show_unplaced_must(run: PlanRun) -> None:
    must = _unplaced_must(run)
    st.markdown(f"**{t('inspections.unplaced_must_header')}**")
    if must.empty:
        st.success(t("inspections.unplaced_must_none"))
        return
    st.warning(t("inspections.unplaced_must_some", n=len(must)))
    chrome.table(labels(must[["site_id", "site", "sector", "department", "reason"]].assign(
        sector=[sector_label(s) for s in must["sector"]])))


def show_map(run: PlanRun, dataset: Dataset, online: bool) -> None:
    """The routes map with a team and a day filter; the team legend (names) below the map."""
    st.subheader(t("inspections.map_header"))
    must = _unplaced_must(run)
    unplaced = None
    if not must.empty:
        unplaced = gpd.GeoDataFrame({"name": must["site"].values, "reason_text": must["reason"].values},
                                    geometry=gpd.points_from_xy(must["lon"], must["lat"]), crs="EPSG:4326")
    stops = exports.stops_frame(run.plan, run.context)
    names = {team.team_id: team.name for team in run.problem.teams}
    colours = route_maps.team_colours(list(names))
    days = list(run.problem.days)
    pick_teams, pick_day = st.columns([3, 1])
    chosen = pick_teams.multiselect(t("inspections.filter_teams"), list(names), format_func=lambda k: names[k],
                                    placeholder=t("inspections.filter_teams_all"), key="insp_map_teams")
    day = pick_day.selectbox(
        t("inspections.filter_day"), [None, *days], key="insp_map_day",
        format_func=lambda d: t("inspections.filter_day_all") if d is None else
        t("inspections.map_day", day=days.index(d) + 1, date=f"{d:%d/%m}"))
    shown = route_maps.filter_stops(stops, chosen, day)
    visited = set(stops.loc[stops["kind"] == "visit", "site_id"].astype(str)) if not stops.empty else set()
    if shown.empty and not stops.empty:
        st.info(t("inspections.filter_nothing"))
    maps.show(route_maps.plan_map(dataset, shown, unplaced, online, colours, visited), key="inspections_plan_map",
              height=620)
    st.html(route_maps.team_legend_html(shown, colours))
    st.caption(t("inspections.map_caption"))


def _timeline(run: PlanRun) -> pd.DataFrame:
    frame = exports.visits_frame(run.plan, run.context)
    frame = frame.assign(sector=[sector_label(s) for s in frame["sector"]],
                         arrive=[f"{v:%H:%M}" for v in frame["arrive"]],
                         start=[f"{v:%H:%M}" for v in frame["start"]], end=[f"{v:%H:%M}" for v in frame["end"]])
    return frame[["team", "date", "order", "site", "sector", "department", "arrive", "start", "end",
                  "must_visit", "locked", "overnight_where", "priority", "site_id"]]


def show_tables(run: PlanRun) -> None:
    unplaced = exports.unplaced_frame(run.plan, run.context, current_language())
    tabs = st.tabs([t("inspections.tab_timeline"), t("inspections.tab_teams"), t("inspections.tab_departments"),
                    t("inspections.tab_unplaced", n=len(unplaced))])
    with tabs[0]:
        chrome.table(labels(_timeline(run).round({"priority": 3})))
    with tabs[1]:
        chrome.table(labels(exports.teams_frame(run.plan, run.context)))
    with tabs[2]:
        departments = exports.departments_frame(run.plan, run.context)
        keep = [c for c in ("department", "sites", "visited", "risk", "risk_covered", "share", "greedy_visited",
                            "greedy_share") if c in departments]
        chrome.table(labels(departments[keep].round(3)))
    with tabs[3]:
        shown = unplaced.assign(sector=[sector_label(s) for s in unplaced["sector"]])
        chrome.table(labels(shown[["site_id", "site", "sector", "department", "priority", "must_visit", "reason"]]
                            .round({"priority": 3})))


def same_teams(edited: tuple[Team, ...], planned: tuple[Team, ...]) -> bool:
    """Whether the teams table holds the plan's teams (same ids), perhaps with other dates or hours."""
    return sorted(team.team_id for team in edited) == sorted(team.team_id for team in planned)


def _visit_label(row: pd.Series) -> str:
    return f"{row['site']} · {row['team']} · {pd.Timestamp(row['date']):%d/%m} #{int(row['order'])}"


def lock_drop_editor(run: PlanRun, enabled: bool = True) -> tuple[list[str], list[str]] | None:
    """Pick visits to lock and sites to drop; returns (locked, dropped) site ids when "Re-plan" is pressed.

    Multiselects (searchable by site, team or date) rather than ticks in a grid: a chief
    looks for a few named visits among hundreds. A visit in both lists is refused with a
    message; dropping more than :data:`BULK_DROP_SHARE` of the visits at once asks first
    (one slip with "select all" must not drop the whole plan).
    """
    st.subheader(t("inspections.replan_header"))
    st.markdown(t("inspections.replan_help"))
    timeline = exports.visits_frame(run.plan, run.context)
    options = {str(r["site_id"]): _visit_label(r) for _, r in timeline.iterrows()}
    already = [s for s in (lock.site_id for lock in run.problem.locked) if s in options]
    left, right = st.columns(2)
    def name(site_id: str) -> str:
        return options.get(site_id, site_id)

    lock = left.multiselect(t("inspections.col.lock"), list(options), default=already, format_func=name,
                            key=f"insp_lock_{id(run)}", placeholder=t("inspections.pick_visits"))
    drop = right.multiselect(t("inspections.col.drop"), list(options), format_func=name,
                             key=f"insp_drop_{id(run)}", placeholder=t("inspections.pick_visits"))
    both = [s for s in lock if s in drop]
    if both:
        st.error(t("inspections.lock_and_drop", sites="; ".join(name(s) for s in both)))
    if st.session_state.get(PENDING_DROP_KEY) == (id(run), list(lock), list(drop)) and not both:
        return _confirm_drop(list(lock), list(drop), len(options))
    st.session_state.pop(PENDING_DROP_KEY, None)  # the selection changed since the question: ask again
    if not st.button(t("inspections.replan"), key="insp_replan", disabled=not enabled or bool(both)):
        return None
    if len(drop) > BULK_DROP_SHARE * len(options):
        st.session_state[PENDING_DROP_KEY] = (id(run), list(lock), list(drop))
        st.rerun()
    return list(lock), list(drop)


def _confirm_drop(lock: list[str], drop: list[str], total: int) -> tuple[list[str], list[str]] | None:
    """The question a bulk drop waits on: drop and re-plan, or go back to the selection."""
    st.warning(t("inspections.drop_confirm", n=len(drop), total=total, share=fmt_pct(len(drop) / max(total, 1))))
    yes, no = st.columns(2)
    if yes.button(t("inspections.drop_confirm_yes"), type="primary", key="insp_drop_confirm"):
        st.session_state.pop(PENDING_DROP_KEY, None)
        return lock, drop
    if no.button(t("inspections.drop_confirm_no"), key="insp_drop_cancel"):
        st.session_state.pop(PENDING_DROP_KEY, None)
        st.rerun()
    return None


def downloads(run: PlanRun) -> None:
    """One button per output; files are built only when their button is clicked."""
    st.subheader(t("inspections.downloads_header"))
    if not access.current_viewer().can(Action.DOWNLOAD_INSPECTION_PLAN):
        st.info(t("inspections.no_download_right"))
        return
    lang = current_language()
    plan, context = run.plan, run.context
    stem = f"plan-inspecciones-{run.problem.days[0]:%Y%m%d}" if run.problem.days else "plan-inspecciones"
    items = [
        ("inspections.download_xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         lambda: exports.to_xlsx(plan, context, lang)),
        ("inspections.download_csv", "csv", "text/csv", lambda: exports.to_csv(plan, context)),
        ("inspections.download_geojson", "geojson", "application/geo+json", lambda: exports.to_geojson(plan, context)),
        ("inspections.download_ics", "ics", "text/calendar", lambda: exports.to_ics(plan, context, lang)),
        ("inspections.download_sheets", "zip", "application/zip",
         lambda: route_sheets.route_sheets_zip(plan, context, lang)),
        ("inspections.download_pdf", "pdf", "application/pdf",
         lambda: route_sheets.route_sheets_pdf(plan, context, lang)),
        ("inspections.download_html", "html", "text/html",
         lambda: field_files.field_file_bytes(plan, context, "html", lang)),
        ("inspections.download_gpx", "gpx", "application/gpx+xml", lambda: field_files.to_gpx(plan, context, lang)),
        ("inspections.download_kml", "kml", "application/vnd.google-earth.kml+xml",
         lambda: field_files.to_kml(plan, context, lang)),
    ]
    columns = st.columns(3)
    for k, (label, ext, mime, build) in enumerate(items):
        name = f"{stem}-hojas-de-ruta.{ext}" if ext in ("zip", "pdf", "html") else f"{stem}.{ext}"
        columns[k % 3].download_button(t(label), data=build, file_name=name, mime=mime, key=f"insp_dl_{ext}",
                                       on_click=saved_work.record_export("inspection_plan", name),
                                       icon=":material/download:")
