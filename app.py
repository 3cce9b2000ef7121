"""Vigía: the Streamlit app. Run with ``streamlit run app.py`` (or ``make run``).

This file only wires pages together: one page per role (planners, labour
inspection, border police) plus Data and About. Everything else is in
``vigia.ui``.
"""

import streamlit as st

from vigia.ui import chrome
from vigia.ui.i18n import t

st.set_page_config(page_title=t("app.name"), page_icon="🛡️", layout="wide")

chrome.language_switch()

PAGES = "vigia/ui/pages/"
navigation = st.navigation(
    {
        t("nav.roles"): [
            st.Page(PAGES + "risk_map.py", title=t("nav.risk_map"), icon=":material/map:",
                    url_path="risk-map", default=True),
            st.Page(PAGES + "inspections.py", title=t("nav.inspections"), icon=":material/factory:",
                    url_path="inspections"),
            st.Page(PAGES + "border.py", title=t("nav.border"), icon=":material/signpost:", url_path="border"),
        ],
        t("nav.project"): [
            st.Page(PAGES + "data.py", title=t("nav.data"), icon=":material/database:", url_path="data"),
            st.Page(PAGES + "about.py", title=t("nav.about"), icon=":material/info:", url_path="about"),
        ],
    }
)
chrome.map_options()
navigation.run()
