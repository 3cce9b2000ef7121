"""Save, list, reopen, compare and delete (with undo) a page's work: score runs, plans, rosters.

Pages call :func:`save` after computing something and :func:`panel` to show what is
kept; the workspace does the storing (:mod:`vigia.workspace.store`). A re-plan is saved
with ``replaces=`` the item it came from, so the old version stays and can be compared.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pandas as pd
import streamlit as st

from vigia.ui import access, stored_datasets
from vigia.ui.i18n import t
from vigia.workspace import ItemRecord

UNDO_KEY = "vigia_saved_undo_{kind}"


def save(kind: str, name: str, tables: Mapping[str, pd.DataFrame], params: Mapping[str, Any],
         replaces: int | None = None) -> ItemRecord:
    """Keep one result in the workspace for the signed-in user and the dataset in use."""
    viewer, ws = access.current_viewer(), access.workspace()
    return ws.save_item(kind, name, user=viewer.name, tables=tables, params=params,
                        dataset_id=stored_datasets.in_use_id(ws, viewer, st.session_state), replaces=replaces)


@st.cache_data(show_spinner=False, max_entries=16)
def _tables(url: str, item_id: int, parts: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    return {name: access.workspace().table(item_id, name) for name in parts}


def tables(record: ItemRecord) -> dict[str, pd.DataFrame]:
    """A saved item's tables, read once: a saved version never changes (a re-plan is a new item)."""
    from vigia.workspace.db import default_url

    return _tables(default_url(), record.id, record.parts)


def latest(kind: str) -> ItemRecord | None:
    """This user's newest item of ``kind`` on the dataset in use (what a reload shows again)."""
    return access.workspace().latest(kind, user=access.current_viewer().name,
                                     dataset_id=stored_datasets.current_id(st.session_state))


def record_export(what: str, file_name: str, **params: Any) -> Callable[[], None]:
    """An ``on_click`` for ``st.download_button`` that writes the export in the audit log."""
    def _record() -> None:
        ws, viewer = access.workspace(), access.current_viewer()
        ws.record("export", viewer.name, dataset_id=stored_datasets.in_use_id(ws, viewer, st.session_state),
                  what=what, file=file_name, **params)
    return _record


def _label(record: ItemRecord) -> str:
    return f"{record.id} · {record.name} · v{record.version} · {record.created_at:%Y-%m-%d %H:%M} · {record.created_by}"


def panel(kind: str, on_open: Callable[[ItemRecord], None]) -> None:
    """The saved items of ``kind``: reopen one (``on_open``), compare two, delete with undo."""
    ws, viewer = access.workspace(), access.current_viewer()
    records = ws.items(kind)
    undo_key = UNDO_KEY.format(kind=kind)
    with st.expander(t("saved.header", n=len(records))):
        undo = st.session_state.get(undo_key)
        if undo is not None and st.button(t("saved.undo", name=undo[1]), key=f"{undo_key}_button"):
            ws.restore_item(undo[0], viewer.name)
            st.session_state.pop(undo_key, None)
            st.rerun()
        if not records:
            st.caption(t("saved.none"))
            return
        labels = {r.id: _label(r) for r in records}
        chosen = st.selectbox(t("saved.pick"), list(labels), format_func=labels.__getitem__,
                              key=f"vigia_saved_pick_{kind}")
        c1, c2 = st.columns(2)
        if c1.button(t("saved.open"), key=f"vigia_saved_open_{kind}"):
            on_open(ws.item(int(chosen)))
        if c2.button(t("saved.delete"), key=f"vigia_saved_delete_{kind}"):
            ws.delete_item(int(chosen), viewer.name)
            st.session_state[undo_key] = (int(chosen), labels[chosen])
            st.rerun()
        if len(records) >= 2:
            other = st.selectbox(t("saved.compare_with"), [i for i in labels if i != chosen],
                                 format_func=labels.__getitem__, key=f"vigia_saved_other_{kind}")
            if st.button(t("saved.compare"), key=f"vigia_saved_compare_{kind}"):
                _show_comparison(int(chosen), int(other))


def _show_comparison(left: int, right: int) -> None:
    comparison = access.workspace().compare(left, right)
    if comparison.params:
        st.markdown(t("saved.params_changed"))
        st.dataframe(pd.DataFrame([(k, str(a), str(b)) for k, (a, b) in comparison.params.items()],
                                  columns=[t("saved.param"), t("saved.before"), t("saved.after")]),
                     hide_index=True)
    for name, diff in comparison.tables.items():
        st.markdown(t("saved.table_diff", table=name, added=len(diff.added), removed=len(diff.removed),
                      changed=len(diff.changed)))
        if not diff.identical:
            tabs = st.tabs([t("saved.added"), t("saved.removed"), t("saved.changed")])
            for tab, frame in zip(tabs, (diff.added, diff.removed, diff.changed), strict=True):
                tab.dataframe(frame, hide_index=True)
