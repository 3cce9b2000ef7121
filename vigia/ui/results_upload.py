"""Inspections page: bring a filled results sheet back, as a new version of the dataset.

Orchestration only: the sheet is read by :mod:`planner.field_results`, checked and
added by :mod:`geodata.record`; a sheet with any error records nothing and its
problems are listed by row and column. An accepted sheet becomes a new stored
dataset (the one in use stays in the workspace, untouched) and the audit log says
who brought which results.
"""

from __future__ import annotations

import tempfile
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st

from geodata.dataset import Dataset, write_dataset
from geodata.record import Recorded, record_inspections
from planner.field_results import read_results
from vigia.ui import access, chrome, state, stored_datasets
from vigia.ui.access import Viewer
from vigia.ui.i18n import t
from vigia.workspace import Workspace
from vigia.workspace.roles import Action

NOTICE_KEY = "vigia_results_notice"


def record_upload(dataset: Dataset, filename: str, content: bytes) -> tuple[Recorded, bytes | None]:
    """The outcome of adding the sheet to ``dataset`` and, when accepted, the new dataset file's bytes."""
    before = 0 if dataset.get("inspections") is None else len(dataset.layers["inspections"])
    with tempfile.TemporaryDirectory(prefix="vigia_results_") as folder:
        path = Path(folder) / (Path(filename).name or "results.xlsx")
        path.write_bytes(content)
        raw, problems = read_results(path, Path(filename).name)
        if raw is None:
            return Recorded(None, problems, before=before), None
        outcome = record_inspections(dataset, raw, problems)
        if outcome.dataset is None:
            return outcome, None
        return outcome, write_dataset(outcome.dataset, Path(folder) / "recorded.gpkg").read_bytes()


def bring_results(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any], dataset: Dataset,
                  dataset_name: str, filename: str, content: bytes) -> tuple[Recorded, int | None]:
    """Record the sheet; when accepted, store the new version and switch this user to it."""
    outcome, data = record_upload(dataset, filename, content)
    if data is None:
        return outcome, None
    name = f"{Path(dataset_name).stem} + {Path(filename).stem}"
    return outcome, stored_datasets.store_results(ws, viewer, session, data, name=name, results_file=filename,
                                                  added=outcome.added)


def render(dataset: Dataset) -> None:
    """The "Results from the field" expander: upload, record, and what happened."""
    viewer = access.current_viewer()
    if not viewer.can(Action.UPLOAD_DATASET):
        return
    if (notice := st.session_state.pop(NOTICE_KEY, None)) is not None:
        st.success(notice)
    with st.expander(t("inspections.results_header")):
        st.caption(t("inspections.results_help"))
        upload = st.file_uploader(t("inspections.results_upload"), type=["xlsx"], key="vigia_results_file")
        if upload is None or not st.button(t("inspections.results_record"), key="vigia_results_record"):
            return
        name = state.current_dataset_path(st.session_state).name
        outcome, new_id = bring_results(access.workspace(), viewer, st.session_state, dataset, name, upload.name,
                                        upload.getvalue())
        if new_id is None:
            st.error(t("inspections.results_invalid"))
            st.dataframe(chrome.problems_frame(outcome.problems), hide_index=True)
            return
        st.session_state[NOTICE_KEY] = t("inspections.results_done", added=len(outcome.added), file=upload.name,
                                         before=outcome.before, after=outcome.before + len(outcome.added),
                                         victims=outcome.victims_text(), id=new_id)
        st.rerun()
