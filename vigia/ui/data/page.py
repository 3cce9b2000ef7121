"""Data: the dataset in use, the contract, and uploading a replacement.

An upload replaces the dataset in use only when it validates; otherwise the
errors are listed and the page says the current dataset was kept.
"""

import pandas as pd
import streamlit as st

from geodata import formats
from geodata.contracts import contract_markdown
from vigia.ui import access, chrome, state, stored_datasets, summaries
from vigia.ui.data import stored_datasets_view
from vigia.ui.data.upload import UploadOutcome, process_upload
from vigia.ui.i18n import current_language, t, table_labels
from vigia.workspace.roles import Action

#: Session-state key of the last upload's outcome (shown after the rerun).
OUTCOME_KEY = "vigia_upload_outcome"
#: Session-state key numbering the uploader: a new number is an empty uploader, so files already
#: checked (a rejected set above all) are never checked again together with the next ones.
UPLOADER_KEY = "vigia_upload_round"
UPLOAD_TYPES = ["gpkg", "geojson", "json", "csv", "xlsx", "zip", "shp", "shx", "dbf", "prj", "cpg"]

dataset = chrome.page_start("data.title")
path = state.current_dataset_path(st.session_state)
viewer = access.current_viewer()
workspace = access.workspace()

st.subheader(t("data.current_header"))
st.markdown(t("data.current_name", name=chrome.dataset_title(dataset, path.name)))
st.markdown(t("data.current_file", path=str(path)))
if dataset.source:
    st.markdown(t("data.current_source", source=dataset.source))
left, right = st.columns([1, 2])
with left:
    st.markdown(t("data.layers_header"))
    chrome.table(table_labels(summaries.layer_counts(dataset)))
with right:
    st.markdown(t("data.about_header"))
    about = pd.DataFrame({"key": list(dataset.about), "value": [str(v) for v in dataset.about.values()]})
    st.table(table_labels(about).set_index(t("col.key")))  # full text, wrapped
if dataset.problems:
    with st.expander(t("data.load_notes", n=len(dataset.problems))):
        chrome.table(chrome.problems_frame(dataset.problems))

default_label = "data.back_to_configured" if state.configured_dataset() else "data.back_to_demo"
if st.button(t(default_label), disabled=state.is_default(st.session_state)):
    stored_datasets.back_to_default(workspace, viewer, st.session_state)
    st.session_state.pop(OUTCOME_KEY, None)
    st.rerun()

stored_datasets_view.render(workspace, viewer, formats.timezone_of(dataset.about))

st.subheader(t("data.upload_header"))
if viewer.can(Action.UPLOAD_DATASET):
    st.markdown(t("data.upload_help"))
    limit_mb = int(st.get_option("server.maxUploadSize"))
    st.caption(t("workspace.upload_limit", mb=limit_mb))
    upload_round = int(st.session_state.get(UPLOADER_KEY, 0))
    uploaded = st.file_uploader(t("data.upload_label"), type=UPLOAD_TYPES, accept_multiple_files=True,
                                key=f"vigia_upload_files_{upload_round}")
    if st.button(t("data.upload_button"), type="primary", disabled=not uploaded):
        with st.spinner(t("data.checking")):
            checked = process_upload([(f.name, f.getvalue()) for f in uploaded], st.session_state)
            if checked.accepted:
                stored_datasets.store_upload(workspace, viewer, st.session_state, checked)
            else:
                workspace.record("dataset.upload_refused", viewer.name, files=list(checked.files),
                                 errors=checked.counts()["error"])
        st.session_state[OUTCOME_KEY] = checked
        st.session_state[UPLOADER_KEY] = upload_round + 1  # the checked files leave the uploader
        st.rerun()
else:
    st.info(t("workspace.no_upload_right"))

outcome: UploadOutcome | None = st.session_state.get(OUTCOME_KEY)
if outcome is not None:
    st.subheader(t("data.report_header", files=", ".join(outcome.files)))
    if outcome.accepted:
        st.success(t("workspace.accepted", name=outcome.saved_to.stem if outcome.saved_to else ""))
    else:
        st.error(t("data.rejected", path=outcome.kept.name if outcome.kept else ""))  # a name, not the server path
    counts = outcome.counts()
    c1, c2, c3 = st.columns(3)
    c1.metric(t("severity.error"), counts["error"])
    c2.metric(t("severity.fixed"), counts["fixed"])
    c3.metric(t("severity.warning"), counts["warning"])
    if outcome.problems:
        chrome.table(chrome.problems_frame(outcome.problems))

with st.expander(t("data.contract_header")):
    st.caption(t("data.contract_note"))
    st.markdown(contract_markdown(current_language()))
