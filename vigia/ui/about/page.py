"""About: what Vigía is, the user guide (one chapter per role), data sources and privacy rules."""

import streamlit as st

from vigia.ui import access, chrome
from vigia.ui.about import guide
from vigia.ui.i18n import current_language, t

chrome.page_start("about.title")
st.markdown(t("about.what"))

st.subheader(t("about.guide_header"))
lang = current_language()
st.caption(t("about.guide_intro", path=f"docs/guide/{lang}/index.md"))
role = access.current_viewer().role
chapter = st.selectbox(t("about.guide_chapter"), guide.CHAPTERS, format_func=guide.chapter_label,
                       index=guide.CHAPTERS.index(role.value) if role is not None else 0, key="about_guide_chapter")
with st.container(border=True):
    guide.render(lang, chapter)

st.subheader(t("about.roles_header"))
st.markdown(t("about.roles"))
st.subheader(t("about.sources_header"))
st.markdown(t("about.sources"))
st.subheader(t("about.privacy_header"))
st.markdown(t("about.privacy"))
st.subheader(t("about.offline_header"))
st.markdown(t("about.offline"))
