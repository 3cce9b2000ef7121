"""Inspections page: a plan kept in the workspace, reopened whole after a reload, and re-planned from.

After a reload the session has no plan; the user's latest saved plan on this dataset (or
one opened from *Saved work*) is reopened from its stored result (:mod:`vigia.saved_plans`)
and shown like a fresh plan: map, KPIs against greedy, timeline, downloads, lock/drop and
re-plan, without running the solver. Plans saved before results were kept whole are shown
as a table with a button that plans them again (day-trip visits locked).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geodata.dataset import Dataset
from geodata.problems import DataError
from vigia import inspection_runs, saved_plans
from vigia.inspection_runs import PlanRun
from vigia.ui import access, chrome, saved_work
from vigia.ui.i18n import t
from vigia.workspace import ItemRecord

#: Session key: the workspace number of the plan the session shows (or re-planned from).
SAVED_ID_KEY = "insp_saved_id"
#: Session key: a saved plan the user opened from *Saved work*.
OPENED_KEY = "insp_opened_id"


def keep(run: PlanRun, replaces: int | None = None) -> None:
    """Save a finished run (a re-plan as the next version of the plan it came from)."""
    record = saved_work.save(saved_plans.KIND, saved_plans.plan_name(run), saved_plans.plan_tables(run),
                             saved_plans.plan_params(run), replaces=replaces)
    st.session_state[SAVED_ID_KEY] = record.id


def withdraw(item_id: int) -> None:
    """Hide a saved version (an undone re-plan); the Saved work panel can restore it."""
    access.workspace().delete_item(item_id, access.current_viewer().name)


def _open(record: ItemRecord) -> None:
    st.session_state[OPENED_KEY] = record.id
    st.session_state.pop("vigia_inspection_run", None)  # the opened plan replaces what the session showed
    st.rerun()


def panel() -> None:
    saved_work.panel(saved_plans.KIND, _open)


def saved_to_show() -> ItemRecord | None:
    """The opened saved plan, else the user's latest on this dataset."""
    ws = access.workspace()
    opened = st.session_state.get(OPENED_KEY)
    if opened is not None:
        record = ws.item(int(opened))
        if not record.deleted:
            return record
    return saved_work.latest(saved_plans.KIND)


def reopen(record: ItemRecord, dataset: Dataset) -> PlanRun | None:
    """The saved plan as it was made, or None for an older save (tables only) or unreadable tables."""
    if not saved_plans.is_whole(record.parts):
        return None
    try:
        run = saved_plans.reopen(saved_work.tables(record), record.params, dataset)
    except ValueError as error:
        st.error(t("inspections.saved_unreadable", reason=str(error)))
        return None
    st.session_state[SAVED_ID_KEY] = record.id
    st.session_state.pop(OPENED_KEY, None)
    return run


def header() -> None:
    """Which saved version the page shows: name, version, who saved it and when."""
    saved_id = st.session_state.get(SAVED_ID_KEY)
    if saved_id is None:
        return
    record = access.workspace().item(int(saved_id))
    st.subheader(t("inspections.saved_header", name=record.name, version=record.version))
    st.caption(t("inspections.saved_caption", by=record.created_by, at=chrome.when(record.created_at),
                 visits=record.params.get("visits", "–"), risk=record.params.get("risk_covered", "–")))


def show_tables_only(record: ItemRecord, dataset: Dataset) -> PlanRun | None:
    """An older save's tables; returns a fresh run when the user plans it again."""
    tables = saved_work.tables(record)
    st.subheader(t("inspections.saved_header", name=record.name, version=record.version))
    st.caption(t("inspections.saved_caption", by=record.created_by, at=chrome.when(record.created_at, dataset),
                 visits=record.params.get("visits", len(tables["visits"])),
                 risk=record.params.get("risk_covered", "–")))
    visits = tables["visits"]
    shown = pd.DataFrame({t("inspections.col_team"): visits["team_id"], t("inspections.col_day"): visits["day"],
                          t("inspections.col_order"): visits["order"], t("inspections.col_site"): visits["name"],
                          t("inspections.col_start"): pd.to_datetime(visits["start"]).dt.strftime("%H:%M")})
    chrome.table(shown)
    if len(tables.get("unplaced", [])):
        with st.expander(t("inspections.saved_unplaced", n=len(tables["unplaced"]))):
            chrome.table(tables["unplaced"])
    st.caption(t("inspections.saved_replan_note"))
    if not st.button(t("inspections.saved_replan"), type="primary", key="insp_saved_replan"):
        return None
    try:
        request, locks = saved_plans.request_from_saved(tables, record.params, dataset)
    except DataError as error:
        chrome.table(chrome.problems_frame(error.problems))
        return None
    with st.spinner(t("inspections.saved_replanning")):
        try:
            run = inspection_runs.run(dataset, request, locked=locks)
        except (DataError, ValueError) as error:
            st.error(t("inspections.saved_replan_failed", reason=str(error)))
            return None
    keep(run, replaces=record.id)
    st.session_state.pop(OPENED_KEY, None)
    return run


#: Session key: the re-plan that can be undone: (id of the new run, the previous run, its saved id, the new saved id).
UNDO_KEY = "insp_undo_state"


def remember_for_undo(new: PlanRun, previous: PlanRun, previous_id: int | None) -> None:
    """After a re-plan: what "Undo" brings back (the previous run and its saved version)."""
    st.session_state[UNDO_KEY] = (id(new), previous, previous_id, st.session_state.get(SAVED_ID_KEY))


def undo_button(run: PlanRun) -> PlanRun | None:
    """"Undo the last re-plan" while ``run`` is that re-plan; returns the previous run when pressed.

    The re-plan's saved version is hidden (restorable from *Saved work*), so a reload shows
    the previous plan again too.
    """
    pending = st.session_state.get(UNDO_KEY)
    if pending is None or pending[0] != id(run):
        return None
    if not st.button(t("inspections.undo_replan"), key="insp_undo", icon=":material/undo:"):
        return None
    _, previous, previous_id, new_id = pending
    if new_id is not None and new_id != previous_id:
        withdraw(int(new_id))
    if previous_id is not None:
        st.session_state[SAVED_ID_KEY] = previous_id
    st.session_state.pop(UNDO_KEY, None)
    return previous
