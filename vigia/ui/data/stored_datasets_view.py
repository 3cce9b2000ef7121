"""Data page section: the datasets kept in the workspace, to reopen, share, delete and undo."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from geodata import formats
from vigia.ui import stored_datasets
from vigia.ui.access import Viewer
from vigia.ui.i18n import current_language, fmt_dec, t
from vigia.workspace import Workspace
from vigia.workspace.roles import Action

UNDO_KEY = "vigia_undo_dataset"


def render(ws: Workspace, viewer: Viewer, zone: ZoneInfo | None = None) -> None:
    """The kept datasets; times in ``zone`` (the dataset's time zone, Bolivia's by default)."""
    st.subheader(t("workspace.datasets_header"))
    records = ws.datasets()
    undo = st.session_state.get(UNDO_KEY)
    if undo is not None:
        c1, c2 = st.columns([3, 1])
        c1.info(t("workspace.deleted", name=undo[1]))
        if c2.button(t("workspace.undo"), key="vigia_undo_dataset_button"):
            ws.restore_dataset(undo[0], viewer.name)
            st.session_state.pop(UNDO_KEY, None)
            st.rerun()
    if not records:
        st.caption(t("workspace.no_datasets"))
        return
    current = stored_datasets.current_id(st.session_state)
    table = pd.DataFrame({
        t("workspace.col_id"): [r.id for r in records],
        t("workspace.col_name"): [r.name for r in records],
        t("workspace.col_by"): [r.created_by for r in records],
        t("workspace.col_at", zone=str(zone or formats.timezone_of(None))): [
            formats.date_time(r.created_at, current_language(), zone) for r in records],
        t("workspace.col_size"): [fmt_dec(r.size_bytes / 1e6) + " MB" for r in records],
        t("workspace.col_in_use"): ["●" if r.id == current else "" for r in records],
    })
    st.dataframe(table, hide_index=True, width="stretch")
    labels = {r.id: f"{r.id} · {r.name}" for r in records}
    chosen = st.selectbox(t("workspace.pick_dataset"), list(labels), format_func=labels.__getitem__,
                          key="vigia_stored_pick")
    c1, c2, c3 = st.columns(3)
    if c1.button(t("workspace.use"), key="vigia_stored_use", disabled=chosen == current):
        stored_datasets.choose(ws, viewer, st.session_state, int(chosen))
        st.rerun()
    if viewer.can(Action.CHOOSE_DATASET_FOR_EVERYONE) and c2.button(t("workspace.use_for_everyone"),
                                                                      key="vigia_stored_everyone"):
        stored_datasets.choose(ws, viewer, st.session_state, int(chosen), for_everyone=True)
        st.rerun()
    if viewer.can(Action.UPLOAD_DATASET) and c3.button(t("workspace.delete"), key="vigia_stored_delete"):
        ws.delete_dataset(int(chosen), viewer.name)
        st.session_state[UNDO_KEY] = (int(chosen), labels[chosen])
        if chosen == current:
            stored_datasets.back_to_default(ws, viewer, st.session_state)
        st.rerun()
