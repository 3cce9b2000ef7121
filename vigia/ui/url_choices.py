"""Choices kept in the page's URL (``?risk_view=hotspot``), so a reload or a shared link shows them again.

The URL holds the language-independent code of the choice (``geometric``, never
"Media geométrica"), so a link works in either language. Only the choice codes of a
page go there: never a token, a name or a figure.
"""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st


def restore(key: str, options: Sequence[str]) -> None:
    """Before the widget ``key`` is drawn: on its first run, take its value from the URL if valid."""
    wanted = st.query_params.get(key)
    if key not in st.session_state and wanted in options:
        st.session_state[key] = wanted


def keep(key: str, value: str) -> None:
    """After the widget: write its current value into the URL (no rerun)."""
    if st.query_params.get(key) != value:
        st.query_params[key] = value
