"""Who is using the app: sign-in (Streamlit OIDC or local accounts), roles, expiry, the workspace.

Three modes, decided on every run:

- **OIDC**: ``.streamlit/secrets.toml`` has an ``[auth]`` section; Streamlit's own
  ``st.login`` signs the user in and the workspace account with that e-mail gives the role.
- **Local accounts**: accounts exist (``vigia users add``); a name/password form signs in and
  starts a workspace session (:mod:`vigia.workspace.sessions`) whose opaque token the browser
  keeps in a cookie, so a reload, a new tab or a typed URL stays signed in.
- **Open demo mode**: no account at all; everyone may do everything, and every page says so.

A signed-in session ends after ``$VIGIA_SESSION_MINUTES`` (default 30) minutes without
activity, on sign-out, or when an admin disables the account or changes its role. The
decision logic is plain functions so tests need no browser.
"""

from __future__ import annotations

import os
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from vigia.workspace import Workspace, accounts, open_workspace, sessions
from vigia.workspace.db import default_url
from vigia.workspace.roles import Action, Page, Role, can, can_see

ENV_SESSION_MINUTES = "VIGIA_SESSION_MINUTES"
DEFAULT_SESSION_MINUTES = 30
#: Session-state keys: this session's sign-in token, a token found dead, why it died.
TOKEN_KEY = "vigia_session_token"
DEAD_TOKEN_KEY = "vigia_dead_token"
ENDED_KEY = "vigia_session_ended"
#: The user name recorded in open demo mode.
OPEN_USER = "open-demo"


@dataclass(frozen=True)
class Viewer:
    """The person using this session. ``role`` None means open demo mode."""

    name: str
    role: Role | None

    @property
    def open_mode(self) -> bool:
        return self.role is None

    def can(self, action: Action) -> bool:
        return can(self.role, action)

    def can_see(self, page: Page) -> bool:
        return can_see(self.role, page)


@st.cache_resource(show_spinner=False)
def _workspace(url: str) -> Workspace:
    return open_workspace(url)


def workspace() -> Workspace:
    """The workspace of this server (opened once; the URL follows the environment)."""
    return _workspace(default_url())


def session_minutes() -> float:
    try:
        return float(os.environ.get(ENV_SESSION_MINUTES, DEFAULT_SESSION_MINUTES))
    except ValueError:
        return DEFAULT_SESSION_MINUTES


def oidc_configured() -> bool:
    """True when the ministry configured an identity provider for ``st.login``."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, AttributeError):
        return False
    except Exception:  # Streamlit raises its own error type when no secrets file exists
        return False


def viewer_from_token(ws: Workspace, session: MutableMapping[Any, Any], cookie_token: str | None,
                      ) -> tuple[Viewer | None, sessions.SessionUser | None]:
    """The viewer of this request: open mode without accounts, the token's user, or None (sign in).

    The token is this Streamlit session's own (after a sign-in here) or the browser's cookie
    (a reload, a new tab, a typed URL). It is checked against the workspace on every run, so
    signing out in another tab, idle expiry, and an admin disabling the account or changing
    its role all apply at this user's next click. A dead token is remembered and never
    tried again; why it died (expired, revoked) is kept for the sign-in form to say.
    """
    if not accounts.has_accounts(ws):
        return Viewer(OPEN_USER, None), None
    token = session.get(TOKEN_KEY)
    if not token and cookie_token and cookie_token != session.get(DEAD_TOKEN_KEY):
        token = cookie_token
    if not token:
        return None, None
    found = sessions.check(ws, token, session_minutes())
    if found.user is None:
        session.pop(TOKEN_KEY, None)
        session[DEAD_TOKEN_KEY] = token
        if found.ended in (sessions.EXPIRED, sessions.REVOKED):
            session[ENDED_KEY] = found.ended
        return None, None
    session[TOKEN_KEY] = token
    return Viewer(found.user.name, found.user.role), found.user


def sign_in(ws: Workspace, session: MutableMapping[Any, Any], account: accounts.Account) -> str:
    """Start a workspace session for ``account``; returns the token the browser keeps.

    Sessions of anyone left idle too long are closed on the way (see :func:`sessions.expire_idle`).
    """
    sessions.expire_idle(ws, session_minutes())
    token = sessions.start(ws, account.name)
    session[TOKEN_KEY] = token
    session.pop(ENDED_KEY, None)
    return token


def sign_out(ws: Workspace, session: MutableMapping[Any, Any]) -> None:
    """End this browser's session in the workspace (every tab of it signs out at its next click)."""
    token = session.pop(TOKEN_KEY, None)
    if token:
        sessions.end(ws, token)
        session[DEAD_TOKEN_KEY] = token


def current_viewer() -> Viewer:
    """The viewer of this run (set by :func:`vigia.ui.sign_in.gate` in ``app.py``)."""
    viewer = st.session_state.get("vigia_viewer")
    return viewer if isinstance(viewer, Viewer) else Viewer(OPEN_USER, None)
