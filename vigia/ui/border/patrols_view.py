"""The patrols part of the Border page: units, the week's roster, coverage map, comparison, pins.

Display and input only: every number comes from :mod:`planner.patrols` through
``st.cache_data`` keyed on the inputs (dataset file version, scores, units table,
week, seed, mode, pool), so reruns cost nothing. "Draw another week" draws with a
fresh seed (recorded, and the same week as the CLI gives with that seed); a saved
roster is shown from its saved tables, never recomputed.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import secrets
from collections.abc import MutableMapping
from dataclasses import replace
from pathlib import Path
from typing import Any, cast

import pandas as pd
import streamlit as st

from geodata import formats
from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.export_texts import word
from planner.patrols import exports
from planner.patrols.metrics import PinCost, out_of_ten, pin_cost
from planner.patrols.model import (
    DAYS,
    N_SLOTS,
    SHIFTS,
    PatrolProblem,
    Pin,
    build_problem,
    slot_day,
    slot_shift,
)
from planner.patrols.plan import WeekPlan, plan_week
from planner.patrols.roster import RosterInfeasible
from planner.patrols.scores import read_crossing_scores
from planner.patrols.units import default_units, units_frame, units_from_frame
from risk.pipeline import score
from vigia.ui import access, chrome, maps, saved_work, state
from vigia.ui.border.patrol_grid import grid_html
from vigia.ui.border.patrol_map import coverage_map, unit_legend_html
from vigia.ui.border.patrol_result import PARTS, ShownRoster
from vigia.ui.i18n import current_language, fmt_dec, fmt_pct, has_text, t
from vigia.workspace import ItemRecord
from vigia.workspace.roles import Action

ROSTER_KIND = "patrol_roster"

#: Session keys.
SCORES_KEY = "vigia_patrol_scores_path"
REQUEST_KEY = "vigia_patrol_request"
SAVED_KEY = "vigia_patrol_saved_id"
UNITS_EDITOR_KEY = "vigia_patrol_units"
POOL_KEY = "vigia_patrol_pool"

#: Roster types offered, randomised first (the recommended one).
MODES_SHOWN: tuple[str, ...] = ("randomised", "fixed")

#: Weeks sampled by default in the app (the CLI samples 200); the user can raise it.
APP_POOL = 40



def _restore(record: ItemRecord) -> None:
    """Show a saved roster again as it was made: its request (for pins and re-draws) and its tables."""
    params = dict(record.params)
    params.pop("offset", None)  # rosters saved before draws had seeds kept a position in the pool
    st.session_state[REQUEST_KEY] = {**params, "dataset_key": _dataset_key()}
    st.session_state[SAVED_KEY] = record.id


def _open_saved(record: ItemRecord) -> None:
    _restore(record)
    st.rerun()


def _dataset_key() -> str:
    path = state.current_dataset_path(cast(MutableMapping[str, Any], st.session_state))
    stat = path.stat() if path.exists() else None
    return f"{path.resolve()}|{stat.st_mtime_ns if stat else 0}|{stat.st_size if stat else 0}"


@st.cache_data(show_spinner=False, max_entries=8)
def _engine_scores(dataset_key: str, _dataset: Dataset) -> pd.DataFrame | None:
    frame = score(_dataset).crossing_scores
    return None if frame is None else pd.DataFrame(frame[["crossing_id", "score"]])


def engine_scores(dataset: Dataset) -> pd.DataFrame | None:
    """Crossing scores from the risk engine (cached per dataset version); None when it cannot score them."""
    if "crossings" not in dataset:
        return None
    try:
        return _engine_scores(_dataset_key(), dataset)
    except ValueError:  # the engine cannot score this dataset: the page offers an upload instead
        return None


def uploaded_scores() -> pd.DataFrame | None:
    """Crossing scores from a GeoPackage the user uploaded on this page (or set by a test)."""
    upload = st.file_uploader(t("patrols.scores_upload"), type=["gpkg"], key="vigia_patrol_scores_upload")
    if upload is not None:
        target = state.uploads_dir() / "scores" / Path(upload.name).name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(upload.getvalue())
        st.session_state[SCORES_KEY] = str(target)
    path = st.session_state.get(SCORES_KEY)
    if not path:
        return None
    try:
        return read_crossing_scores(path)
    except DataError as error:
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return None


@st.cache_data(show_spinner=False, max_entries=16)
def _default_units_table(dataset_key: str, _dataset: Dataset) -> pd.DataFrame:
    return units_frame(default_units(_dataset))


@st.cache_data(show_spinner=False, max_entries=8)
def _plan(dataset_key: str, scores_csv: str, units_csv: str, week: str, seed: int, mode: str, pool: int,
          _dataset: Dataset) -> WeekPlan:
    """The week's plan; the leading arguments key the cache, ``_dataset`` is not hashed."""
    problem = _problem(scores_csv, units_csv, _dataset)
    return plan_week(problem, week=week, seed=seed, mode=mode, pool=pool)  # type: ignore[arg-type]


@st.cache_data(show_spinner=False, max_entries=32)
def _pin_cost(dataset_key: str, scores_csv: str, units_csv: str, unit_id: str, target_id: str, slot: int,
              _dataset: Dataset) -> PinCost:
    problem = _problem(scores_csv, units_csv, _dataset)
    return pin_cost(problem, [Pin(unit_id, target_id, slot)])


def _problem(scores_csv: str, units_csv: str, dataset: Dataset) -> PatrolProblem:
    """The problem for the request (no solving: scores, units, places, travel times)."""
    scores = pd.read_csv(io.StringIO(scores_csv), dtype={"crossing_id": str})
    table = pd.read_csv(io.StringIO(units_csv), dtype=str, keep_default_na=False)
    units = units_from_frame(table, dataset, file=t("patrols.units_header"))
    return build_problem(dataset, scores, units)


def _slot_label(slot: int) -> str:
    return f"{t('patrols.day.' + DAYS[slot_day(slot)])} {t('patrols.shift.' + SHIFTS[slot_shift(slot)])}"


def _pct(value: float) -> str:
    return fmt_pct(value / 100)


def _units_table(dataset: Dataset) -> pd.DataFrame | None:
    st.subheader(t("patrols.units_header"))
    st.caption(t("patrols.units_help"))
    try:
        base = _default_units_table(_dataset_key(), dataset)
    except DataError as error:
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return None
    # shift names in the user's language (the units reader takes mañana;tarde;noche as well as the codes)
    base = base.assign(shifts=[";".join(t(f"patrols.shift.{s}") for s in v.split(";") if s) for v in base["shifts"]])
    labels = {code: st.column_config.Column(t(f"patrols.unitcol.{code}")) for code in base.columns
              if has_text(f"patrols.unitcol.{code}")}  # headers translated, the columns keep their codes
    edited = st.data_editor(base, key=UNITS_EDITOR_KEY, hide_index=True, num_rows="dynamic", column_config=labels)
    return pd.DataFrame(edited)


def _context(dataset: Dataset, week: str) -> exports.RosterContext:
    return exports.context_for(dataset, week, current_language())


def _show_grid(dataset: Dataset, shown: ShownRoster, request: dict) -> None:
    roster, problem = shown.roster, shown.roster.problem
    context = _context(dataset, shown.week)
    dates = exports.week_dates(shown.week)
    words: dict[str, Any] = {"week": shown.week, "first": formats.date(dates[0], current_language()),
                             "last": formats.date(dates[-1], current_language()),
             "shifts": len(roster.assignments()), "units": problem.n_units, "targets": problem.n_targets}
    st.subheader(t("patrols.grid_header"))
    st.caption(t("patrols.grid_caption" if shown.mode == "randomised" else "patrols.grid_caption_fixed", **words))
    st.markdown(grid_html(exports.week_grid(roster, context), word("off_duty", context.lang)),
                unsafe_allow_html=True)
    st.caption(t("patrols.grid_off"))
    with st.expander(t("patrols.grid_legend")):
        chrome.table(exports.places_table(roster, context.lang))
    if shown.mode != "randomised":
        return
    st.info(t("patrols.draw_words", draw=int(request.get("draw", 1)), seed=shown.seed))
    st.caption(t("patrols.reproduce", week=shown.week, seed=shown.seed, pool=shown.pool))
    if st.button(t("patrols.draw_another"), key="vigia_patrol_draw"):
        # A new draw from the same plan: a fresh seed (recorded), never the next member of a fixed list.
        st.session_state[REQUEST_KEY] = {**request, "seed": secrets.randbelow(1_000_000),
                                         "draw": int(request.get("draw", 1)) + 1}
        st.session_state.pop(SAVED_KEY, None)
        st.rerun()


def _show_comparison(shown: ShownRoster) -> None:
    st.subheader(t("patrols.compare_header"))
    c = shown.comparison
    fixed, drawn = out_of_ten(c.watcher_success_fixed), out_of_ten(c.watcher_success_random)
    cols = st.columns(3)
    cols[0].metric(t("patrols.metric_fixed"), t("patrols.out_of_ten", n=fixed))
    cols[1].metric(t("patrols.metric_random"), t("patrols.out_of_ten", n=drawn))
    cols[2].metric(t("patrols.metric_reduction"), fmt_dec(c.attacker_utility_random),
                   help=t("patrols.gain_delta", pct=_pct(c.reduction_pct)))
    st.write(t("patrols.compare_words", fixed=fixed, random=drawn, gain_fixed=fmt_dec(c.attacker_utility_fixed),
               gain_random=fmt_dec(c.attacker_utility_random), pct=_pct(c.reduction_pct)))
    st.write(t("patrols.predictability_words", unknown=_pct(100 * (1 - c.predictable_share_random))))
    if shown.gap is not None:
        st.caption(t("patrols.gap_words", gap=fmt_dec(100 * shown.gap), broken=shown.weeks_breaking_rules))
    st.caption(t("patrols.profile_note"))


def _show_map(dataset: Dataset, shown: ShownRoster) -> None:
    st.subheader(t("patrols.map_header"))
    st.caption(t("patrols.map_caption"))
    units = shown.roster.problem.units
    names = {u.unit_id: u.name for u in units}
    cols = st.columns([3, 1])
    chosen = cols[0].multiselect(t("patrols.map_units"), list(names), default=list(names),
                                 format_func=names.__getitem__, key="vigia_patrol_map_units")
    dates = exports.week_dates(shown.week)
    day = cols[1].selectbox(t("patrols.map_day"), [None, *range(len(DAYS))], key="vigia_patrol_map_day",
                            format_func=lambda d: t("patrols.map_all_days") if d is None
                            else exports.day_words(dates[d], current_language()))
    fmap, drawn = coverage_map(dataset, shown.roster, shown.probability, chosen, day)
    if not drawn:
        st.info(t("patrols.map_nothing"))
    maps.show(fmap, key="vigia_patrol_map")
    with st.expander(t("patrols.map_legend"), expanded=len(chosen) <= 12):
        st.markdown(unit_legend_html(shown.roster, chosen), unsafe_allow_html=True)


def _show_downloads(dataset: Dataset, shown: ShownRoster, request: dict) -> None:
    st.subheader(t("patrols.downloads"))
    week = shown.week
    if st.session_state.get(SAVED_KEY) is None and st.button(t("patrols.save"), key="vigia_patrol_save"):
        params = {k: v for k, v in request.items() if k != "dataset_key"} | {"seed": shown.seed}
        kept = saved_work.save(ROSTER_KIND, f"{week} · {t('patrols.mode.' + shown.mode)} · seed {shown.seed}",
                               shown.tables(), params)
        st.success(t("patrols.saved", id=kept.id))
    if not access.current_viewer().can(Action.DOWNLOAD_ROSTER):
        st.info(t("patrols.no_download_right"))
        return
    scores_hash = hashlib.sha256(request["scores_csv"].encode("utf-8")).hexdigest()[:16]
    about = (("about.scores", f"crossing_id,score · {scores_hash}"), ("about.week", week),
             ("about.seed", str(shown.seed)), ("about.mode", shown.mode), ("about.pool", str(request["pool"])))
    context = replace(_context(dataset, week), about=about)
    kinds = (("pdf", "application/pdf"), ("csv", "text/csv"),
             ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), ("ics", "text/calendar"))
    buttons = st.columns(len(kinds) + 1)
    for col, (kind, mime) in zip(buttons, kinds):
        name = f"roster_{week}_{context.lang}.{kind}"
        # made when clicked (the PDF takes seconds), not on every rerun
        data = functools.partial(exports.roster_bytes, shown.roster, context, kind)
        col.download_button(t(f"patrols.download_{kind}"), data, file_name=name, mime=mime,
                            key=f"vigia_patrol_dl_{kind}", on_click=saved_work.record_export("patrol_roster", name))
    buttons[-1].download_button(t("patrols.download_units"), request["units_csv"].encode("utf-8"),
                                file_name="units.csv", mime="text/csv", key="vigia_patrol_dl_units")


def _pin_section(dataset: Dataset, shown: ShownRoster, request: dict) -> None:
    st.subheader(t("patrols.pin_header"))
    problem = shown.roster.problem
    units = {u.unit_id: u.name for u in problem.units}
    places = {x.target_id: x.name for x in problem.targets}
    cols = st.columns(3)
    unit = cols[0].selectbox(t("patrols.pin_unit"), list(units), format_func=units.__getitem__, key="vigia_pin_unit")
    target = cols[1].selectbox(t("patrols.pin_target"), list(places), format_func=places.__getitem__,
                               key="vigia_pin_target")
    slot = cols[2].selectbox(t("patrols.pin_slot"), list(range(N_SLOTS)), format_func=_slot_label,
                             key="vigia_pin_slot")
    if st.button(t("patrols.pin_button"), key="vigia_pin_button"):
        try:
            cost = _pin_cost(request["dataset_key"], request["scores_csv"], request["units_csv"], unit, target,
                             int(slot), dataset)
        except (RuntimeError, ValueError) as error:
            st.warning(t("patrols.pin_impossible", error=str(error)))
            return
        words: dict[str, Any] = {"unit": units[unit], "target": places[target], "slot": _slot_label(int(slot)),
                 "free": fmt_dec(cost.attacker_utility_free), "pinned": fmt_dec(cost.attacker_utility_pinned),
                 "pct": _pct(cost.weakening_pct), "before": out_of_ten(cost.watcher_success_free),
                 "after": out_of_ten(cost.watcher_success_pinned)}
        st.info(t("patrols.pin_free" if cost.costs_nothing else "patrols.pin_cost", **words))


def _default_week() -> str:
    """The next ISO week that has not started (the week a unit can still be given)."""
    return exports.next_week(dt.date.today())


def _week_inputs() -> tuple[str, int, str, int]:
    week_default = _default_week()
    dates = exports.week_dates(week_default)
    cols = st.columns(4)
    week = cols[0].text_input(t("patrols.week"), value=week_default, key="vigia_patrol_week",
                              help=t("patrols.week_help", week=week_default, first=formats.date(dates[0], current_language()),
                                     last=formats.date(dates[-1], current_language())))
    seed = int(cols[1].number_input(t("patrols.seed"), min_value=0, value=0, step=1, key="vigia_patrol_seed"))
    mode = cols[2].radio(t("patrols.mode"), MODES_SHOWN, format_func=lambda m: t(f"patrols.mode.{m}"),
                         key="vigia_patrol_mode")
    pool = int(cols[3].number_input(t("patrols.pool"), min_value=5, max_value=200, value=APP_POOL, step=5,
                                    help=t("patrols.pool_help"), key=POOL_KEY))
    return week, seed, str(mode), pool


def _shown(dataset: Dataset, request: dict) -> ShownRoster:
    """The saved roster being reopened (read, not recomputed), or the plan for the request."""
    saved = st.session_state.get(SAVED_KEY)
    if saved is not None:
        record = access.workspace().item(int(saved))
        if record is not None and set(PARTS) <= set(record.parts):
            problem = _problem(request["scores_csv"], request["units_csv"], dataset)
            st.caption(t("patrols.saved_shown", id=record.id))
            return ShownRoster.from_tables(problem, saved_work.tables(record), request)
    with st.spinner(t("patrols.computing")):
        plan = _plan(request["dataset_key"], request["scores_csv"], request["units_csv"], request["week"],
                     request["seed"], request["mode"], request["pool"], dataset)
    return ShownRoster.from_plan(plan, int(request["pool"]), int(request["seed"]))


def render(dataset: Dataset, crossing_scores: pd.DataFrame | None) -> None:
    """The patrols section; ``crossing_scores`` (crossing_id, score) from the risk engine, or None."""
    st.header(t("patrols.header"))
    st.caption(t("patrols.intro"))
    if "crossings" not in dataset:
        chrome.missing_layer("crossings")
        return
    if crossing_scores is None:
        st.info(t("patrols.needs_scores"))
        crossing_scores = uploaded_scores()
        if crossing_scores is None:
            return
    units = _units_table(dataset)
    if units is None:
        return
    week, seed, mode, pool = _week_inputs()
    if st.button(t("patrols.plan_button"), type="primary", key="vigia_patrol_plan"):
        try:
            exports.week_monday(week)
        except ValueError as error:
            st.error(t("patrols.bad_week", error=str(error)))
            return
        st.session_state[REQUEST_KEY] = {
            "dataset_key": _dataset_key(),
            "scores_csv": pd.DataFrame(crossing_scores[["crossing_id", "score"]]).to_csv(index=False),
            "units_csv": units.fillna("").astype(str).to_csv(index=False), "week": week, "seed": seed, "mode": mode,
            "pool": pool, "draw": 1,
        }
        st.session_state.pop(SAVED_KEY, None)
    saved_work.panel(ROSTER_KIND, _open_saved)
    if REQUEST_KEY not in st.session_state and (latest := saved_work.latest(ROSTER_KIND)) is not None:
        _restore(latest)  # a reload shows the user's latest saved roster again, whole
    request = st.session_state.get(REQUEST_KEY)
    if not request or request["dataset_key"] != _dataset_key():
        return
    try:
        shown = _shown(dataset, request)
    except DataError as error:
        st.error(t("patrols.units_error"))
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return
    except RosterInfeasible as error:
        st.error(t("patrols.infeasible"))
        for conflict in error.conflicts:
            st.markdown(f"- {conflict.message}")
        return
    _show_grid(dataset, shown, request)
    _show_comparison(shown)
    _show_map(dataset, shown)
    _show_downloads(dataset, shown, request)
    _pin_section(dataset, shown, request)
