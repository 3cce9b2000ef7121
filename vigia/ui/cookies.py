"""The app's two cookies: the sign-in token and, in open demo mode, the chosen language.

Streamlit reads cookies (``st.context.cookies``, as sent when the tab connected) but has
no call to set one, so writes are queued in the session and run by a few lines of
JavaScript in the page itself (``st.html(..., unsafe_allow_javascript=True)``, which is
not iframed, so ``document.cookie`` is the app's own). The script is built only from
values this module checks (a URL-safe token, a language code), never from user text.
Cookies are ``SameSite=Strict`` (never sent from another site's page), ``Secure`` when
the app is served over HTTPS, on path ``/``, and hold no password, role or name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

import streamlit as st

SESSION = "vigia_session"
LANG = "vigia_lang"
#: The language cookie outlives the browser session: a year.
LANG_MAX_AGE_S = 365 * 24 * 3600
_QUEUE_KEY = "vigia_cookie_writes"
_SAFE_VALUE = re.compile(r"^[A-Za-z0-9_\-]*$")


def read(name: str, cookies: Mapping[str, str] | None = None) -> str | None:
    """The cookie ``name`` this tab connected with (None when absent or not in a browser)."""
    try:
        jar = st.context.cookies if cookies is None else cookies
        value = jar.get(name)
    except Exception:  # no browser context (bare script, some test harnesses)
        return None
    return value if isinstance(value, str) and value else None


def write(name: str, value: str, *, max_age_s: int | None = None) -> None:
    """Queue setting cookie ``name``; ``max_age_s`` None keeps it until the browser closes."""
    if not _SAFE_VALUE.match(value):
        raise ValueError(f"cookie {name}: only letters, digits, '-' and '_' may be stored")
    st.session_state.setdefault(_QUEUE_KEY, {})[name] = (value, max_age_s)


def clear(name: str) -> None:
    """Queue removing cookie ``name`` from the browser."""
    st.session_state.setdefault(_QUEUE_KEY, {})[name] = ("", 0)


def script(writes: Mapping[str, tuple[str, int | None]]) -> str:
    """The JavaScript that applies ``writes`` (name -> (value, max age in s or None))."""
    lines = ['var secure = window.location.protocol === "https:" ? "; Secure" : "";']
    for name, (value, max_age) in sorted(writes.items()):
        age = "" if max_age is None else f"; Max-Age={int(max_age)}"
        cookie = f"{name}={value}; Path=/; SameSite=Strict{age}"
        lines.append(f"document.cookie = {json.dumps(cookie)} + secure;")
    return "<script>" + "\n".join(lines) + "</script>"


def flush() -> None:
    """Run the queued writes in the browser (called once per run, by ``app.py``)."""
    writes = st.session_state.pop(_QUEUE_KEY, None)
    if writes:
        with st.sidebar:
            st.html(script(writes), unsafe_allow_javascript=True)
