"""Inspections page: a plan kept in the workspace, shown again after a reload, and re-planned from.

After a reload the session has no plan; the user's latest saved plan on this dataset (or
one opened from *Saved work*) is shown from its stored tables, with a button that
re-plans from it (day-trip visits locked, see :mod:`vigia.saved_plans`).
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


def show(record: ItemRecord, dataset: Dataset) -> PlanRun | None:
    """The saved plan's tables; returns a fresh run when the user re-plans from it."""
    tables = saved_work.tables(record)
    st.subheader(t("inspections.saved_header", name=record.name, version=record.version))
    st.caption(t("inspections.saved_caption", by=record.created_by, at=f"{record.created_at:%d/%m/%Y %H:%M}",
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
        request = saved_plans.request_from_saved(tables, record.params, dataset)
    except DataError as error:
        chrome.table(chrome.problems_frame(error.problems))
        return None
    with st.spinner(t("inspections.saved_replanning")):
        try:
            run = inspection_runs.run(dataset, request)
        except (DataError, ValueError) as error:
            st.error(t("inspections.saved_replan_failed", reason=str(error)))
            return None
    keep(run, replaces=record.id)
    st.session_state.pop(OPENED_KEY, None)
    return run
