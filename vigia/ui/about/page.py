"""About: what Vigía is, where its data comes from, and its privacy rules."""

import streamlit as st

from vigia.ui import chrome
from vigia.ui.i18n import t

chrome.page_start("about.title")
st.markdown(t("about.what"))
st.subheader(t("about.roles_header"))
st.markdown(t("about.roles"))
st.subheader(t("about.sources_header"))
st.markdown(t("about.sources"))
st.subheader(t("about.privacy_header"))
st.markdown(t("about.privacy"))
st.subheader(t("about.offline_header"))
st.markdown(t("about.offline"))
