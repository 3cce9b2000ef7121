"""Vigía: the Streamlit app. Run with ``streamlit run app.py`` (or ``make run``).

This file only wires pages together: sign-in first (or open demo mode), then one
page per role (planners, labour inspection, border police) plus Data, About and,
for admins, Admin. Which pages a user sees follows their role
(:mod:`vigia.workspace.roles`). Everything else is in ``vigia.ui``.
"""

import streamlit as st

from vigia.ui import chrome, sign_in
from vigia.ui.i18n import t
from vigia.workspace.roles import Page

st.set_page_config(page_title=t("app.name"), page_icon="🛡️", layout="wide")

chrome.language_switch()
viewer = sign_in.gate()

PAGES = "vigia/ui/pages/"
ROLE_PAGES = [
    (Page.RISK_MAP, st.Page(PAGES + "risk_map.py", title=t("nav.risk_map"), icon=":material/map:",
                            url_path="risk-map", default=True)),
    (Page.INSPECTIONS, st.Page(PAGES + "inspections.py", title=t("nav.inspections"),
                               icon=":material/factory:", url_path="inspections")),
    (Page.BORDER, st.Page(PAGES + "border.py", title=t("nav.border"), icon=":material/signpost:",
                          url_path="border")),
    (Page.WHAT_IF, st.Page(PAGES + "what_if.py", title=t("nav.what_if"), icon=":material/add_location_alt:",
                           url_path="what-if")),
]
PROJECT_PAGES = [
    (Page.DATA, st.Page(PAGES + "data.py", title=t("nav.data"), icon=":material/database:", url_path="data")),
    (Page.ABOUT, st.Page(PAGES + "about.py", title=t("nav.about"), icon=":material/info:", url_path="about")),
    (Page.ADMIN, st.Page(PAGES + "admin.py", title=t("nav.admin"), icon=":material/admin_panel_settings:",
                         url_path="admin")),
]
navigation = st.navigation(
    {
        t("nav.roles"): [page for key, page in ROLE_PAGES if viewer.can_see(key)],
        t("nav.project"): [page for key, page in PROJECT_PAGES if viewer.can_see(key)],
    }
)
chrome.map_options()
navigation.run()
