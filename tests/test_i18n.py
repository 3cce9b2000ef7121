"""Every UI string comes from one Spanish/English table, and pages hold none of their own."""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest

from geodata.catalog import Text
from geodata.contracts import LAYERS, NEIGHBOURS
from geodata.problems import Severity
from vigia.ui.i18n import LANGS, TEXTS, areas_kind_label, fmt_int, sector_label, t, table_labels

ROOT = Path(__file__).resolve().parents[1]
UI_SOURCES = [ROOT / "app.py", *sorted((ROOT / "vigia" / "ui").rglob("*.py"))]

#: Streamlit calls that put text on screen (by attribute name, so ``st.title``,
#: ``st.sidebar.radio`` and ``col.metric`` are all covered).
DISPLAY_CALLS = {
    "title", "header", "subheader", "write", "markdown", "caption", "text", "code", "latex",
    "info", "warning", "error", "success", "exception", "toast", "status", "spinner",
    "button", "download_button", "link_button", "page_link", "form_submit_button",
    "radio", "toggle", "checkbox", "selectbox", "multiselect", "select_slider", "slider",
    "text_input", "text_area", "number_input", "date_input", "file_uploader",
    "metric", "expander", "tabs", "popover", "Page", "navigation", "set_page_config",
}
#: Arguments that are identifiers or options, not text a person reads.
NON_TEXT_KWARGS = {"key", "type", "icon", "url_path", "layout", "page_icon", "format", "position",
                   "initial_sidebar_state", "on_click", "on_change", "mime", "file_name", "language"}


def _has_words(value: str) -> bool:
    return any(ch.isalpha() for ch in value)


def _literal_text(node: ast.AST) -> str | None:
    """The user-visible literal in ``node`` (string, f-string part, list/dict of them)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and _has_words(node.value):
        return node.value
    if isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and _has_words(str(part.value)):
                return str(part.value)
    if isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            if (found := _literal_text(item)) is not None:
                return found
    if isinstance(node, ast.Dict):
        for item in node.keys:
            if item is not None and (found := _literal_text(item)) is not None:
                return found
    return None


def literal_ui_strings(source: str, filename: str = "<src>") -> list[str]:
    """``file:line: text`` for each literal string handed to a Streamlit display call."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        name = node.func.attr
        if name not in DISPLAY_CALLS:
            continue
        args = list(node.args)
        if name == "Page" and args:
            args = args[1:]  # the page's script path
        candidates = args + [kw.value for kw in node.keywords if kw.arg not in NON_TEXT_KWARGS]
        for arg in candidates:
            if (text := _literal_text(arg)) is not None:
                found.append(f"{filename}:{node.lineno}: {name}({text!r})")
    return found


def used_keys(source: str) -> set[str]:
    """Keys passed as literals to ``t(...)``."""
    keys = set()
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            keys.add(node.args[0].value)
    return keys


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_spanish_and_english_with_the_same_placeholders() -> None:
    """Every key reads in both languages; its Spanish comes from the gettext catalog (country names
    from pycountry's own ISO 3166 catalog), so a translator never edits Python."""
    assert not [key for key, texts in TEXTS.items() if not isinstance(texts, Text) and not key.startswith("country.")]
    for key, texts in TEXTS.items():
        assert set(texts) == set(LANGS), f"{key} must have exactly {LANGS}, has {sorted(texts)}"
        assert all(texts[lang].strip() for lang in LANGS), f"{key} has an empty translation"
        assert _placeholders(texts["es"]) == _placeholders(texts["en"]), f"{key}: placeholders differ"


def test_the_scanner_catches_a_literal_title() -> None:
    """Guard for the guard: a page with hard-coded text must be reported."""
    bad = 'import streamlit as st\nst.title("Mapa de riesgo")\ncol.metric(f"Casos {n}", 3)\n' \
          'st.button(label="OK")\nst.tabs(["Uno", "Dos"])\nst.info(t("risk.title"))\n'
    found = literal_ui_strings(bad)
    assert len(found) == 4, found


def test_app_and_pages_have_no_literal_user_facing_strings() -> None:
    assert len(UI_SOURCES) > 5, "the UI sources were not found"
    offenders = [hit for path in UI_SOURCES
                 for hit in literal_ui_strings(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert not offenders, "UI text must go through vigia.ui.i18n.t():\n" + "\n".join(offenders)


def test_every_literal_key_used_in_the_ui_exists() -> None:
    used = set().union(*(used_keys(p.read_text(encoding="utf-8")) for p in UI_SOURCES))
    assert len(used) > 40, "t() calls were not found"
    missing = sorted(used - set(TEXTS))
    assert not missing, f"t() keys missing from TEXTS: {missing}"


def test_keys_built_from_data_values_exist() -> None:
    """Keys made at run time from validated data values (contract choices, severities)."""
    crossing_kinds = LAYERS["crossings"].column("kind").choices
    office_kinds = LAYERS["offices"].column("kind").choices
    needed = ([f"lang.{c}" for c in LANGS] + [f"severity.{s.value}" for s in Severity]
              + [f"severity_one.{s.value}" for s in Severity]
              + [f"crossing_kind.{k}" for k in crossing_kinds] + [f"office_kind.{k}" for k in office_kinds]
              + [f"country.{iso}" for iso in NEIGHBOURS])
    assert not [k for k in needed if k not in TEXTS]


def test_language_switch_changes_the_text() -> None:
    assert t("risk.title", "es") == "Mapa de riesgo"
    assert t("risk.title", "en") == "Risk map"
    assert t("data.accepted", "en", path="/x.gpkg").endswith("Saved to `/x.gpkg`.")


def test_numbers_use_the_languages_thousands_separator() -> None:
    assert fmt_int(1234567, "es") == "1.234.567"
    assert fmt_int(1234567, "en") == "1,234,567"


def test_data_labels_are_translated_or_shown_as_given() -> None:
    import pandas as pd

    assert sector_label("mining", "es") == "minería"
    assert sector_label("quinoa packing", "es") == "quinoa packing"
    assert list(table_labels(pd.DataFrame(columns=["admin1", "cases"]), "en").columns) == ["Department", "Cases"]

    from types import SimpleNamespace

    demo = SimpleNamespace(about={"areas_kind": "demo areas"})
    assert areas_kind_label(demo, "es") == "áreas de demostración"
    assert areas_kind_label(demo, "en") == "demo areas"


def test_unknown_key_fails_loudly() -> None:
    with pytest.raises(KeyError):
        t("no.such.key", "es")
