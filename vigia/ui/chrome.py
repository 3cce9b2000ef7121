"""What every page shares: sidebar switches, the title block, the synthetic banner.

The banner lives here, not in each page, so no page can forget to say that demo
figures are invented.
"""

from __future__ import annotations

import contextlib
import numbers
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import Any

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitAPIException

from geodata import formats
from geodata.dataset import Dataset
from geodata.messages import localise
from geodata.problems import DataError, Problem
from vigia.ui import access, cookies, sign_in, state, stored_datasets
from vigia.ui.i18n import (
    DEFAULT_LANG,
    LANG_FOR_KEY,
    LANG_KEY,
    LANGS,
    areas_kind_label,
    areas_kind_note,
    current_language,
    language_from_header,
    t,
)
from vigia.workspace import accounts

#: Session-state key of the "online basemap" toggle.
ONLINE_TILES_KEY = "vigia_online_tiles"
#: Session-state flag: the session has had its first run (see :func:`first_run_of_session`).
STARTED_KEY = "vigia_started"


def _initial_language(viewer: access.Viewer | None, account_lang: str | None) -> None:
    """Before the switch is drawn: the account's language on sign-in, else (new session) the
    browser's cookie, else its ``Accept-Language``, else Spanish. A choice made in this session
    stays until the next sign-in."""
    session = st.session_state
    if viewer is not None and not viewer.open_mode and session.get(LANG_FOR_KEY) != viewer.name:
        session[LANG_FOR_KEY] = viewer.name
        if account_lang in LANGS:
            session[LANG_KEY] = account_lang
            return
    if LANG_KEY not in session:
        remembered = cookies.read(cookies.LANG)
        session[LANG_KEY] = (remembered if remembered in LANGS else None) or \
            language_from_header(_accept_language()) or DEFAULT_LANG


def _accept_language() -> str | None:
    try:
        header = st.context.headers.get("Accept-Language")
    except Exception:  # no browser context
        return None
    return header if isinstance(header, str) else None


def _keep_choices() -> None:
    """Language switched: hand every choice widget its value again, so it is shown in the new words.

    Choice widgets (radio, selectbox, multiselect, ...) remember the *label* the browser shows;
    after a switch that label no longer matches any option and the choice would be lost. Their
    values are language-independent codes (``"geometric"``, ``"hotspot"``): writing them back
    makes Streamlit send the new label. Only text values are rewritten: buttons, uploads and
    maps hold other types and are left alone.
    """
    for key in list(st.session_state.keys()):
        value = st.session_state[key]
        textual = isinstance(value, str) or (
            isinstance(value, list | tuple) and bool(value) and all(isinstance(v, str) for v in value))
        if key != LANG_KEY and textual:
            with contextlib.suppress(StreamlitAPIException):  # a widget that takes no value from code
                st.session_state[key] = value


def _language_changed() -> None:
    """Remember the new language: in the account (any browser) or, without one, in this browser."""
    lang = st.session_state[LANG_KEY]
    viewer = st.session_state.get(sign_in.VIEWER_KEY)
    if isinstance(viewer, access.Viewer) and not viewer.open_mode:
        accounts.set_language(access.workspace(), viewer.name, lang)
    cookies.write(cookies.LANG, lang, max_age_s=cookies.LANG_MAX_AGE_S)
    _keep_choices()


def language_switch(viewer: access.Viewer | None = None, account_lang: str | None = None) -> str:
    """Sidebar language choice (Spanish first); returns the language code.

    Call after :func:`vigia.ui.sign_in.identify`, before anything else reads the language.
    """
    _initial_language(viewer, account_lang)
    return st.sidebar.radio(
        t("sidebar.language"), LANGS, key=LANG_KEY, horizontal=True, format_func=lambda code: t(f"lang.{code}"),
        on_change=_language_changed,
    )


def map_options() -> None:
    """Sidebar toggle for web map tiles; off by default so nothing leaves the machine."""
    st.sidebar.toggle(t("sidebar.online_tiles"), value=False, key=ONLINE_TILES_KEY,
                      help=t("sidebar.online_tiles_help"))


def first_run_of_session() -> bool:
    """True once per browser session (a new tab, a reload): its first run loads the page's tools,
    and on a first start builds the demo and prepares scores, so the app says it is busy."""
    if st.session_state.get(STARTED_KEY):
        return False
    st.session_state[STARTED_KEY] = True
    return True


def online_tiles() -> bool:
    return bool(st.session_state.get(ONLINE_TILES_KEY, False))


_COUNT_TEXT = re.compile(r"^(<\d+|[\d.,]*)$")


def _decimals(values: pd.Series) -> int:
    """The fewest decimals (0 to 3) that show every value of a numeric column as it is."""
    finite = values.dropna().astype(float)
    for digits in range(4):
        if ((finite - finite.round(digits)).abs() < 1e-9).all():
            return digits
    return 3


def number_formats(frame: pd.DataFrame, lang: str | None = None) -> dict[Any, str | Callable[[object], str] | None]:
    """For each number column of ``frame``, how to write its values in the language (``10.934``, ``267,8``).

    The browser's own locale would decide otherwise (Streamlit's "localized" format), so a
    Spanish page read on an English browser would mix ``10,934`` with Spanish words.
    """
    lang = lang or current_language()
    found: dict[Any, str | Callable[[object], str] | None] = {}
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
            digits = _decimals(values)
            found[column] = partial(_number_text, lang=lang, digits=digits)
    return found


def _number_text(value: object, lang: str, digits: int) -> str:
    if not isinstance(value, numbers.Real) or value != value:  # NaN, pd.NA, None: an empty cell
        return ""
    number = float(value)  # numpy's int64 and float64 too
    return formats.decimal(number, lang, digits) if digits else formats.integer(number, lang)


def localised_numbers(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """``frame`` with its number columns written as text the language's way (what :func:`table` shows)."""
    shown = frame.copy()
    for column, write in number_formats(frame, lang).items():
        assert callable(write)
        shown[column] = [write(v) for v in frame[column]]
    return shown


def table(frame: pd.DataFrame) -> None:
    """A read-only table: numbers written the page's language's way (still sorted as numbers), count texts
    ("<5") right-aligned like them."""
    config = {}
    for column in frame.columns:
        values = frame[column]
        if values.dtype == object and len(values) and values.map(lambda v: bool(_COUNT_TEXT.match(str(v)))).all():
            config[column] = st.column_config.TextColumn(alignment="right")
    writers = number_formats(frame)
    shown = frame.style.format(writers) if writers else frame  # display text; the numbers stay numbers
    st.dataframe(shown, hide_index=True, column_config=config)


def when(moment: datetime, dataset: Dataset | None = None) -> str:
    """A stored (UTC) moment as people here read it: date and 24-hour time in the dataset's time zone."""
    about = (dataset or state.load_dataset_cached(state.current_dataset_path(st.session_state))).about
    return formats.date_time(moment, current_language(), formats.timezone_of(about))


def problems_frame(problems: Sequence[Problem]) -> pd.DataFrame:
    """Problems as a table with translated headers, severities and (where geodata has them) messages."""
    lang = current_language()
    rows = [localise(p, lang).as_dict() for p in problems]
    frame = pd.DataFrame(rows, columns=["severity", "file", "layer", "row", "column", "message", "hint"])
    frame["severity"] = [t(f"severity_one.{value}") for value in frame["severity"]]
    # a problem about a whole file or layer has no row or column: an empty cell, never "None"
    frame["row"] = [str(int(value)) if pd.notna(value) else "" for value in frame["row"]]  # as the sheet numbers it
    frame = frame.fillna("")
    return frame.rename(columns={c: t(f"problems.{c}") for c in frame.columns})


def _fall_back_to_default() -> None:
    """After a chosen dataset failed: next run shows the default one again."""
    if not state.is_default(st.session_state):
        stored_datasets.back_to_default(access.workspace(), access.current_viewer(), st.session_state)
        state.reset_to_default(st.session_state)
        st.info(t("state.reset_hint"))


def _load_current() -> Dataset:
    """The session's dataset; builds the demo on first run; stops the page on bad data."""
    stored_datasets.restore_choice(access.workspace(), access.current_viewer(), st.session_state)
    path = state.current_dataset_path(st.session_state)
    if path == state.demo_path() and not path.exists():
        with st.spinner(t("state.building_demo", path=str(path))):
            state.ensure_demo(path)
    if not path.exists():
        st.error(t("state.missing", path=str(path), env=state.ENV_DATASET))
        _fall_back_to_default()
        st.stop()
    try:
        return state.load_dataset_cached(path)
    except DataError as error:
        st.error(t("state.invalid", path=str(path)))
        st.dataframe(problems_frame(error.problems), hide_index=True)
        _fall_back_to_default()
        st.stop()
        raise  # not reached: st.stop() ends the run; keeps the return type honest


def dataset_title(dataset: Dataset, path_name: str) -> str:
    return dataset.about.get("title") or path_name


def page_start(title_key: str) -> Dataset:
    """Title, synthetic banner and dataset line of a page; returns the dataset."""
    dataset = _load_current()
    st.title(t(title_key))
    sign_in.open_mode_banner()
    synthetic_banner(dataset)
    path = state.current_dataset_path(st.session_state)
    name, kind, note = dataset_title(dataset, path.name), areas_kind_label(dataset), areas_kind_note(dataset)
    if note:
        st.caption(t("page.dataset_line_note", name=name, kind=kind, note=note))
    else:
        st.caption(t("page.dataset_line", name=name, kind=kind))
    return dataset


def synthetic_banner(dataset: Dataset) -> None:
    """A warning every page shows when the figures are generated, not real."""
    if dataset.synthetic:
        st.warning(t("banner.synthetic"), icon=":material/science:")


def missing_layer(layer: str) -> None:
    """Say which optional layer the dataset lacks, rather than an empty widget."""
    st.info(t("page.missing_layer", layer=layer), icon=":material/info:")
