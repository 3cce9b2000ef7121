"""Who is using the app: sign-in (Streamlit OIDC or local accounts), roles, expiry, the workspace.

Three modes, decided on every run:

- **OIDC**: ``.streamlit/secrets.toml`` has an ``[auth]`` section; Streamlit's own
  ``st.login`` signs the user in and the workspace account with that e-mail gives the role.
- **Local accounts**: accounts exist (``vigia users add``); a name/password form signs in.
- **Open demo mode**: no account at all; everyone may do everything, and every page says so.

A signed-in session ends after ``$VIGIA_SESSION_MINUTES`` (default 30) minutes without
activity. The decision logic is plain functions so tests need no browser.
"""

from __future__ import annotations

import os
import time
from collections.abc import MutableMapping
from dataclasses import dataclass
from typing import Any

import streamlit as st

from vigia.workspace import Workspace, accounts, open_workspace
from vigia.workspace.db import default_url
from vigia.workspace.roles import Action, Page, Role, can, can_see

ENV_SESSION_MINUTES = "VIGIA_SESSION_MINUTES"
DEFAULT_SESSION_MINUTES = 30
USER_KEY = "vigia_user"
ROLE_KEY = "vigia_role"
LAST_SEEN_KEY = "vigia_last_seen"
EXPIRED_KEY = "vigia_session_expired"
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


def touch(session: MutableMapping[Any, Any], clock: float | None = None) -> bool:
    """Record activity; returns False (and signs out) when the session was idle too long."""
    clock = time.time() if clock is None else clock
    last = session.get(LAST_SEEN_KEY)
    if session.get(USER_KEY) and last is not None and clock - float(last) > session_minutes() * 60:
        sign_out(session)
        session[EXPIRED_KEY] = True
        return False
    session[LAST_SEEN_KEY] = clock
    return True


def sign_in(session: MutableMapping[Any, Any], account: accounts.Account) -> None:
    session[USER_KEY] = account.name
    session[ROLE_KEY] = account.role.value
    session[LAST_SEEN_KEY] = time.time()
    session.pop(EXPIRED_KEY, None)


def sign_out(session: MutableMapping[Any, Any]) -> None:
    for key in (USER_KEY, ROLE_KEY, LAST_SEEN_KEY):
        session.pop(key, None)


def oidc_configured() -> bool:
    """True when the ministry configured an identity provider for ``st.login``."""
    try:
        return "auth" in st.secrets
    except (FileNotFoundError, KeyError, AttributeError):
        return False
    except Exception:  # Streamlit raises its own error type when no secrets file exists
        return False


def viewer_from_session(ws: Workspace, session: MutableMapping[Any, Any]) -> Viewer | None:
    """The signed-in viewer, open mode when there are no accounts, None when sign-in is needed.

    The account is re-read on every run, so disabling a user or changing a role takes
    effect at that user's next click.
    """
    if not accounts.has_accounts(ws):
        return Viewer(OPEN_USER, None)
    name = session.get(USER_KEY)
    if not name:
        return None
    try:
        account = accounts.get_user(ws, name)
    except Exception:
        sign_out(session)
        return None
    if account.disabled:
        sign_out(session)
        return None
    return Viewer(account.name, account.role)


def current_viewer() -> Viewer:
    """The viewer of this run (set by :func:`vigia.ui.sign_in.gate` in ``app.py``)."""
    viewer = st.session_state.get("vigia_viewer")
    return viewer if isinstance(viewer, Viewer) else Viewer(OPEN_USER, None)
