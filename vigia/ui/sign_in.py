"""The sign-in step ``app.py`` runs before any page: decides the :class:`Viewer` or stops the run."""

from __future__ import annotations

import streamlit as st

from vigia.ui import access
from vigia.ui.i18n import t
from vigia.workspace import Workspace, accounts

VIEWER_KEY = "vigia_viewer"


def _oidc_viewer(ws: Workspace) -> access.Viewer:
    """Streamlit's OIDC sign-in; the workspace account with that e-mail gives the role."""
    user = st.user
    if not user.get("is_logged_in", False):
        st.title(t("app.name"))
        st.write(t("auth.oidc_prompt"))
        if st.button(t("auth.oidc_button"), type="primary"):
            st.login()
        st.stop()
    email = str(user.get("email") or "")
    try:
        account = accounts.get_user(ws, email)
    except Exception:
        account = None
    if account is None or account.disabled:
        st.error(t("auth.oidc_unknown", email=email))
        if st.button(t("auth.sign_out")):
            st.logout()
        st.stop()
    if st.session_state.get(access.USER_KEY) != account.name:
        access.sign_in(st.session_state, account)
        ws.record("sign_in", account.name, method="oidc")
    return access.Viewer(account.name, account.role)


def _password_form(ws: Workspace) -> None:
    st.title(t("app.name"))
    if st.session_state.pop(access.EXPIRED_KEY, False):
        st.warning(t("auth.expired", minutes=int(access.session_minutes())))
    with st.form("vigia_sign_in"):
        name = st.text_input(t("auth.user"))
        password = st.text_input(t("auth.password"), type="password")
        submitted = st.form_submit_button(t("auth.sign_in"), type="primary")
    if submitted:
        account = accounts.authenticate(ws, name, password)
        if account is None:
            st.error(t("auth.failed"))
        else:
            access.sign_in(st.session_state, account)
            st.rerun()
    st.caption(t("auth.help"))
    st.stop()


def gate() -> access.Viewer:
    """The viewer of this run; shows the sign-in form (and stops) when someone must sign in."""
    ws = access.workspace()
    if access.oidc_configured():
        viewer = _oidc_viewer(ws)
    else:
        access.touch(st.session_state)
        found = access.viewer_from_session(ws, st.session_state)
        if found is None:
            _password_form(ws)
            raise RuntimeError("not reached: st.stop() ends the run")
        viewer = found
    st.session_state[VIEWER_KEY] = viewer
    with st.sidebar:
        if viewer.open_mode:
            st.caption(t("auth.open_mode_short"))
        else:
            st.caption(t("auth.signed_in_as", name=viewer.name, role=t(f"role.{viewer.role}")))
            if st.button(t("auth.sign_out"), key="vigia_sign_out"):
                ws.record("sign_out", viewer.name)
                access.sign_out(st.session_state)
                if access.oidc_configured():
                    st.logout()
                st.rerun()
    return viewer


def open_mode_banner() -> None:
    """Every page says when the app runs without accounts."""
    if access.current_viewer().open_mode:
        st.info(t("auth.open_mode"), icon=":material/lock_open:")
