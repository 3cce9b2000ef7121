"""Vigía: the Streamlit app. Run with ``streamlit run app.py`` (or ``make run``).

This file only wires pages together: who is here (a kept session, or open demo mode),
the language, then one page per role (planners, labour inspection, border police) plus
Data, About and, for admins, Admin. Which pages a user sees follows their role
(:mod:`vigia.workspace.roles`); a page the role may not open answers at its own URL with
who it is for. Pages are registered before the sign-in form, so a typed link to
``/inspections`` lands there after signing in. Everything else is in ``vigia.ui``.
"""

from typing import Final

import streamlit as st

from vigia.ui import chrome, cookies, sign_in
from vigia.ui.i18n import t
from vigia.workspace.roles import Page

st.set_page_config(page_title=t("app.name"), page_icon="🛡️", layout="wide")

viewer, account_lang = sign_in.identify()
chrome.language_switch(viewer, account_lang)
cookies.flush()

HIDDEN: Final = "hidden"  # st.Page/st.navigation's code for "not in the menu"
ROLE_PAGES = [
    (Page.RISK_MAP, "vigia/ui/risk_map/page.py", ":material/map:", "risk-map"),
    (Page.INSPECTIONS, "vigia/ui/inspections/page.py", ":material/factory:", "inspections"),
    (Page.BORDER, "vigia/ui/border/page.py", ":material/signpost:", "border"),
    (Page.WHAT_IF, "vigia/ui/what_if/page.py", ":material/add_location_alt:", "what-if"),
]
PROJECT_PAGES = [
    (Page.DATA, "vigia/ui/data/page.py", ":material/database:", "data"),
    (Page.ABOUT, "vigia/ui/about/page.py", ":material/info:", "about"),
    (Page.ADMIN, "vigia/ui/admin/page.py", ":material/admin_panel_settings:", "admin"),
]


def _page(key: Page, script: str, icon: str, url_path: str) -> st.Page:
    """The page, or (for a role that may not open it) a hidden one at its URL saying who it is for."""
    title, default = t(f"nav.{key.value}"), key == Page.RISK_MAP
    if viewer is None or viewer.can_see(key):
        return st.Page(script, title=title, icon=icon, url_path=url_path, default=default)
    return st.Page(sign_in.refusal(key), title=title, icon=icon, url_path=url_path, default=default,
                   visibility=HIDDEN)


navigation = st.navigation(
    {
        t("nav.roles"): [_page(*spec) for spec in ROLE_PAGES],
        t("nav.project"): [_page(*spec) for spec in PROJECT_PAGES],
    },
    position=HIDDEN if viewer is None else "sidebar",
)
sign_in.gate(viewer)
chrome.map_options()
if chrome.first_run_of_session():  # a new tab or a first start: say what happens while the tools load
    with st.spinner(t("state.starting")):
        navigation.run()
else:
    navigation.run()
