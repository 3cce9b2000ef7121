"""The sign-in steps ``app.py`` runs before any page: who is here, the form, pages a role may not open.

:func:`identify` decides the viewer without drawing anything (so the language can follow
the account before the sidebar is drawn); :func:`gate` shows the sign-in form and stops
the run when someone must sign in. Local accounts keep a workspace session whose token
the browser holds in a cookie (:mod:`vigia.ui.cookies`), so a reload, a new tab or a typed
URL stays signed in; the page in the URL is registered even before sign-in, so whoever
opened ``/inspections`` lands there once signed in.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from vigia.ui import access, cookies
from vigia.ui.i18n import t
from vigia.workspace import Workspace, accounts, sessions
from vigia.workspace.roles import Page, Role, can_see

VIEWER_KEY = "vigia_viewer"
#: Session-state key: the OIDC account whose sign-in this session has audited.
OIDC_USER_KEY = "vigia_oidc_user"
_COOKIE_CLEARED_KEY = "vigia_session_cookie_cleared"


def _oidc_account(ws: Workspace) -> accounts.Account | None:
    """The enabled workspace account of the OIDC user signed in through ``st.login``, if any."""
    user = st.user
    if not user.get("is_logged_in", False):
        return None
    try:
        account = accounts.get_user(ws, str(user.get("email") or ""))
    except Exception:
        return None
    return None if account.disabled else account


def identify() -> tuple[access.Viewer | None, str | None]:
    """The viewer of this run (None: must sign in) and the language their account remembers."""
    ws = access.workspace()
    viewer: access.Viewer | None
    lang: str | None = None
    if access.oidc_configured():
        account = _oidc_account(ws)
        viewer = None if account is None else access.Viewer(account.name, account.role)
        if account is not None:
            lang = account.lang
            if st.session_state.get(OIDC_USER_KEY) != account.name:
                st.session_state[OIDC_USER_KEY] = account.name
                ws.record("sign_in", account.name, method="oidc")
    else:
        cookie_token = cookies.read(cookies.SESSION)
        viewer, user = access.viewer_from_token(ws, st.session_state, cookie_token)
        lang = user.lang if user is not None else None
        dead = st.session_state.get(access.DEAD_TOKEN_KEY)
        if viewer is None and cookie_token and dead == cookie_token \
                and st.session_state.get(_COOKIE_CLEARED_KEY) != dead:
            cookies.clear(cookies.SESSION)  # a dead token is not offered again by new tabs
            st.session_state[_COOKIE_CLEARED_KEY] = dead
    if viewer is not None:
        st.session_state[VIEWER_KEY] = viewer
    else:
        st.session_state.pop(VIEWER_KEY, None)
    return viewer, lang


def _oidc_prompt(ws: Workspace) -> None:
    user = st.user
    st.title(t("app.name"))
    if not user.get("is_logged_in", False):
        st.write(t("auth.oidc_prompt"))
        if st.button(t("auth.oidc_button"), type="primary"):
            st.login()
        return
    st.error(t("auth.oidc_unknown", email=str(user.get("email") or "")))
    if st.button(t("auth.sign_out")):
        st.logout()


def _password_form(ws: Workspace) -> None:
    st.title(t("app.name"))
    ended = st.session_state.pop(access.ENDED_KEY, None)
    if ended == sessions.EXPIRED:
        st.warning(t("auth.expired", minutes=int(access.session_minutes())))
    elif ended == sessions.REVOKED:
        st.warning(t("auth.revoked"))
    with st.form("vigia_sign_in"):
        name = st.text_input(t("auth.user"))
        password = st.text_input(t("auth.password"), type="password")
        submitted = st.form_submit_button(t("auth.sign_in"), type="primary")
    if submitted:
        account = accounts.authenticate(ws, name, password)
        if account is None:
            st.error(t("auth.failed"))
        else:
            token = access.sign_in(ws, st.session_state, account)
            cookies.write(cookies.SESSION, token)  # until the browser closes; the server decides expiry
            st.rerun()  # the same page again, now signed in (the URL's page stays the page)
    st.caption(t("auth.help"))


def gate(viewer: access.Viewer | None) -> access.Viewer:
    """Shows the sign-in form (and stops) when ``viewer`` is None; else the sidebar's sign-out."""
    ws = access.workspace()
    if viewer is None:
        if access.oidc_configured():
            _oidc_prompt(ws)
        else:
            _password_form(ws)
        st.stop()
        raise RuntimeError("not reached: st.stop() ends the run")
    with st.sidebar:
        if viewer.open_mode:
            st.caption(t("auth.open_mode_short"))
        else:
            st.caption(t("auth.signed_in_as", name=viewer.name, role=t(f"role.{viewer.role}")))
            if st.button(t("auth.sign_out"), key="vigia_sign_out"):
                _sign_out(ws, viewer)
    return viewer


def _sign_out(ws: Workspace, viewer: access.Viewer) -> None:
    if access.oidc_configured():
        ws.record("sign_out", viewer.name, method="oidc")
        st.session_state.pop(OIDC_USER_KEY, None)
        st.logout()
    else:
        access.sign_out(ws, st.session_state)  # audited; other tabs of this browser follow at their next click
        cookies.clear(cookies.SESSION)
    st.session_state.pop(VIEWER_KEY, None)
    st.rerun()


def allowed_roles_text(page: Page) -> str:
    """Who may open ``page``, in words: "jefaturas de inspección laboral y administradores"."""
    names = [t(f"role_plural.{role.value}") for role in Role if can_see(role, page)]
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('access.and')} {names[-1]}"


def refusal(page: Page) -> Callable[[], None]:
    """A page body that says who ``page`` is for, shown instead of it to a role that may not open it.

    Registered (hidden from the menu) at the page's own URL, so a typed or bookmarked link
    answers with a reason rather than silently landing on another page.
    """

    def not_allowed() -> None:
        viewer = access.current_viewer()
        st.title(t(f"nav.{page.value}"))
        st.error(t("access.not_allowed", roles=allowed_roles_text(page), role=t(f"role.{viewer.role}")),
                 icon=":material/block:")

    not_allowed.__name__ = f"not_allowed_{page.value}"
    return not_allowed


def open_mode_banner() -> None:
    """Every page says when the app runs without accounts."""
    if access.current_viewer().open_mode:
        st.info(t("auth.open_mode"), icon=":material/lock_open:")
