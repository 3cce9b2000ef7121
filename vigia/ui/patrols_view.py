"""The patrols part of the Border page: units, the week's roster, coverage map, comparison, pins.

Display and input only: every number comes from :mod:`planner.patrols` through
``st.cache_data`` keyed on the inputs (dataset file version, scores, units table,
week, seed, mode, pool), so reruns and "draw another week" cost nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
import streamlit as st

from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.patrols import exports
from planner.patrols.metrics import PinCost, pin_cost
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
from planner.patrols.roster import Roster, RosterInfeasible
from planner.patrols.sampling import week_index
from planner.patrols.scores import read_crossing_scores
from planner.patrols.units import default_units, units_frame, units_from_frame
from risk.pipeline import score
from vigia.ui import access, chrome, map_views, maps, saved_work, state
from vigia.ui.i18n import current_language, t
from vigia.ui.maps import LegendItem, PointStyle
from vigia.workspace import ItemRecord
from vigia.workspace.roles import Action

ROSTER_KIND = "patrol_roster"

#: Session keys.
SCORES_KEY = "vigia_patrol_scores_path"
REQUEST_KEY = "vigia_patrol_request"
OFFSET_KEY = "vigia_patrol_offset"
UNITS_EDITOR_KEY = "vigia_patrol_units"
POOL_KEY = "vigia_patrol_pool"

#: Roster types offered, randomised first (the recommended one).
MODES_SHOWN: tuple[str, ...] = ("randomised", "fixed")

#: Weeks sampled by default in the app (the CLI samples 200); the user can raise it.
APP_POOL = 40

#: Coverage bands (share of the week's shifts guarded) and their colours (light -> dark blue).
BANDS = (0.0, 0.05, 0.15, 0.3, 0.5)
BAND_COLOURS = ("#d9d9d9", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def _restore(record: ItemRecord) -> None:
    """Put a saved roster's request back: same inputs and seed give the same roster."""
    params = dict(record.params)
    st.session_state[OFFSET_KEY] = int(params.pop("offset", 0))
    st.session_state[REQUEST_KEY] = {**params, "dataset_key": _dataset_key()}


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
    scores = pd.read_csv(io.StringIO(scores_csv), dtype={"crossing_id": str})
    table = pd.read_csv(io.StringIO(units_csv), dtype=str, keep_default_na=False)
    units = units_from_frame(table, dataset, file=t("patrols.units_header"))
    return build_problem(dataset, scores, units)


def _slot_label(slot: int) -> str:
    return f"{t('patrols.day.' + DAYS[slot_day(slot)])} {t('patrols.shift.' + SHIFTS[slot_shift(slot)])}"


def _pct(value: float) -> str:
    return f"{value:.0f} %"


def _grid(roster: Roster) -> pd.DataFrame:
    """The week grid with translated day/shift headers and the unit's name first."""
    grid = exports.week_grid(roster)
    grid.columns = [_slot_label(s) for s in range(N_SLOTS)]
    grid.insert(0, t("patrols.col.unit"), [u.name for u in roster.problem.units])
    return grid.reset_index(drop=True)


def _band(value: float) -> int:
    return int(np.searchsorted(BANDS, value, side="right") - 1)


def _band_label(i: int) -> str:
    low = BANDS[i]
    high = BANDS[i + 1] if i + 1 < len(BANDS) else 1.0
    return f"{100 * low:.0f}–{100 * high:.0f} %"


def _coverage_map(dataset: Dataset, plan: WeekPlan) -> maps.OfflineMap:
    """The border map with each target coloured by its mean coverage over the week's 21 shifts."""
    fmap = map_views.border(dataset, chrome.online_tiles())
    frame = plan.roster.problem.targets_frame()
    share = plan.coverage.probability.mean(axis=1)
    frame["band"] = [str(_band(v)) for v in share]
    frame["share_text"] = [f"{100 * v:.0f} %" for v in share]
    frame["kind_label"] = [t("patrols.kind.stretch") if k == "stretch" else t(f"crossing_kind.{k}")
                           for k in frame["kind"]]
    tooltip = {"name": t("col.crossing"), "kind_label": t("col.kind"), "share_text": t("patrols.legend_title")}
    stretches, points = frame[frame["kind"] == "stretch"], frame[frame["kind"] != "stretch"]
    for i, colour in enumerate(BAND_COLOURS):
        chosen = stretches[stretches["band"] == str(i)]
        if not chosen.empty:
            maps.add_polygons(fmap, chosen, name=f"stretches_{i}", fill_opacity=0.0, line=colour, weight=5.0,
                              tooltip=tooltip, class_name="vigia-stretch")
    styles = {str(i): PointStyle(color="#222222", fill=c, radius=9.0, weight=1.0, fill_opacity=1.0)
              for i, c in enumerate(BAND_COLOURS)}
    maps.add_points(fmap, points, name="coverage", class_name="vigia-coverage", style=styles["0"],
                    style_column="band", styles=styles, tooltip=tooltip)
    maps.add_legend(fmap, t("patrols.legend_title"),
                    [LegendItem(_band_label(i), "#222222", "circle", c) for i, c in enumerate(BAND_COLOURS)])
    return fmap


def _units_table(dataset: Dataset) -> pd.DataFrame | None:
    st.subheader(t("patrols.units_header"))
    st.caption(t("patrols.units_help"))
    try:
        base = _default_units_table(_dataset_key(), dataset)
    except DataError as error:
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return None
    edited = st.data_editor(base, key=UNITS_EDITOR_KEY, hide_index=True, num_rows="dynamic")
    return pd.DataFrame(edited)


def _show_plan(dataset: Dataset, plan: WeekPlan, request: dict) -> None:
    problem = plan.roster.problem
    roster = plan.roster
    if plan.sample is not None:
        n = len(plan.sample.assignments)
        offset = int(st.session_state.get(OFFSET_KEY, 0))
        k = (week_index(request["week"], request["seed"], n) + offset) % n
        roster = plan.sample.roster(k)
        caption = t("patrols.grid_caption", week=request["week"],
                    shifts=len(roster.assignments()), units=problem.n_units, targets=problem.n_targets,
                    sample=k + 1, pool=n)
    else:
        caption = t("patrols.grid_caption_fixed", week=request["week"], shifts=len(roster.assignments()),
                    units=problem.n_units, targets=problem.n_targets)
    st.subheader(t("patrols.grid_header"))
    st.caption(caption)
    st.dataframe(_grid(roster), hide_index=True, key="vigia_patrol_grid")
    if plan.sample is not None and st.button(t("patrols.draw_another"), key="vigia_patrol_draw"):
        st.session_state[OFFSET_KEY] = int(st.session_state.get(OFFSET_KEY, 0)) + 1
        st.rerun()

    st.subheader(t("patrols.compare_header"))
    c = plan.comparison
    cols = st.columns(3)
    cols[0].metric(t("patrols.metric_fixed"), f"{c.attacker_utility_fixed:.1f}")
    cols[1].metric(t("patrols.metric_random"), f"{c.attacker_utility_random:.1f}")
    cols[2].metric(t("patrols.metric_reduction"), _pct(c.reduction_pct))
    st.write(t("patrols.compare_words", fixed=f"{c.attacker_utility_fixed:.1f}",
               random=f"{c.attacker_utility_random:.1f}", pct=_pct(c.reduction_pct)))
    st.write(t("patrols.predictability_words", bits=f"{c.entropy_random_bits:.0f}",
               known=_pct(100 * c.predictable_share_random)))
    if plan.sample is not None:
        st.caption(t("patrols.gap_words", pool=len(plan.sample.assignments),
                     gap=f"{100 * plan.sample.max_gap:.1f}", broken=plan.weeks_breaking_rules))
    st.caption(t("patrols.profile_note"))

    st.subheader(t("patrols.map_header"))
    st.caption(t("patrols.map_caption"))
    maps.show(_coverage_map(dataset, plan), key="vigia_patrol_map")

    st.subheader(t("patrols.downloads"))
    week = request["week"]
    if st.button(t("patrols.save"), key="vigia_patrol_save"):
        kept = saved_work.save(ROSTER_KIND, f"{week} · {request['mode']} · seed {request['seed']}",
                               {"roster": _grid(roster)},
                               {k: v for k, v in request.items() if k != "dataset_key"}
                               | {"offset": int(st.session_state.get(OFFSET_KEY, 0))})
        st.success(t("patrols.saved", id=kept.id))
    if not access.current_viewer().can(Action.DOWNLOAD_ROSTER):
        st.info(t("patrols.no_download_right"))
        return
    buttons = st.columns(4)
    scores_hash = hashlib.sha256(request["scores_csv"].encode("utf-8")).hexdigest()[:16]
    about = [("about.scores", f"crossing_id,score · {scores_hash}"), ("about.week", week),
             ("about.seed", str(request["seed"])), ("about.mode", request["mode"]), ("about.pool", str(request["pool"]))]
    for col, kind, mime in zip(buttons, ("csv", "xlsx", "ics"),
                               ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                "text/calendar")):
        col.download_button(t(f"patrols.download_{kind}"),
                            exports.roster_bytes(roster, week, kind, about, current_language()),
                            file_name=f"roster_{week}.{kind}", mime=mime, key=f"vigia_patrol_dl_{kind}",
                            on_click=saved_work.record_export("patrol_roster", f"roster_{week}.{kind}"))
    buttons[3].download_button(t("patrols.download_units"), request["units_csv"].encode("utf-8"),
                            file_name="units.csv", mime="text/csv", key="vigia_patrol_dl_units")


def _pin_section(dataset: Dataset, plan: WeekPlan, request: dict) -> None:
    st.subheader(t("patrols.pin_header"))
    problem = plan.roster.problem
    cols = st.columns(3)
    unit = cols[0].selectbox(t("patrols.pin_unit"), [u.unit_id for u in problem.units], key="vigia_pin_unit")
    target = cols[1].selectbox(t("patrols.pin_target"), [x.target_id for x in problem.targets],
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
        st.info(t("patrols.pin_cost", unit=unit, target=target, slot=_slot_label(int(slot)),
                  free=f"{cost.attacker_utility_free:.1f}", pinned=f"{cost.attacker_utility_pinned:.1f}",
                  pct=_pct(cost.weakening_pct)))


def _this_week() -> str:
    """The current ISO week as ``YYYY-Www`` (the default week to plan)."""
    today = dt.date.today().isocalendar()
    return f"{today.year}-W{today.week:02d}"


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
    this_week = _this_week()
    cols = st.columns(4)
    week = cols[0].text_input(t("patrols.week"), value=this_week, key="vigia_patrol_week")
    seed = int(cols[1].number_input(t("patrols.seed"), min_value=0, value=0, step=1, key="vigia_patrol_seed"))
    mode = cols[2].radio(t("patrols.mode"), MODES_SHOWN, format_func=lambda m: t(f"patrols.mode.{m}"),
                         key="vigia_patrol_mode")
    pool = int(cols[3].number_input(t("patrols.pool"), min_value=5, max_value=200, value=APP_POOL, step=5,
                                    help=t("patrols.pool_help"), key=POOL_KEY))
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
            "pool": pool,
        }
        st.session_state[OFFSET_KEY] = 0
    saved_work.panel(ROSTER_KIND, _open_saved)
    if REQUEST_KEY not in st.session_state and (latest := saved_work.latest(ROSTER_KIND)) is not None:
        _restore(latest)  # a reload shows the user's latest saved roster again
    request = st.session_state.get(REQUEST_KEY)
    if not request or request["dataset_key"] != _dataset_key():
        return
    try:
        with st.spinner(t("patrols.computing")):
            plan = _plan(request["dataset_key"], request["scores_csv"], request["units_csv"], request["week"],
                         request["seed"], request["mode"], request["pool"], dataset)
    except DataError as error:
        st.error(t("patrols.units_error"))
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return
    except RosterInfeasible as error:
        st.error(t("patrols.infeasible"))
        for conflict in error.conflicts:
            st.markdown(f"- {conflict.message}")
        return
    _show_plan(dataset, plan, request)
    _pin_section(dataset, plan, request)
