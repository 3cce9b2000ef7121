"""The Spanish app shows no English of Vigía's text tables, on every page and for every role (AppTest, demo).

What a user reads is gathered from the rendered element tree: every text, label, help,
option, table cell, chart title and map tooltip. Machine values the maps keep for their
filters (a site's ``sector`` code) are not read by anyone and are left out; the dataset's
own ``about`` table is data the ministry wrote, shown as it is; `code spans` are codes a user types
into a file (the contract's ``mining``), not words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from english_texts import english_texts
from google.protobuf.descriptor import FieldDescriptor
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest
from warm_scores import DRAWS, PERMUTATIONS

from geodata.problems import Severity
from vigia.ui import access, chrome, state
from vigia.ui.data.upload import process_upload
from vigia.ui.i18n import t
from vigia.ui.risk_map import risk_state
from vigia.workspace import accounts, open_workspace
from vigia.workspace.db import default_url
from vigia.workspace.roles import PAGES, Page, Role

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "una clave larga 2026"
#: Proto fields that hold no reader's text (ids, keys, CSS, the browser's autocomplete hint).
SKIP_FIELDS = {"id", "form_id", "key", "type", "icon", "css", "format", "url", "page_script_hash", "autocomplete",
               "styles", "uuid"}
#: Chart grammar keys (Vega-Lite): their values are code words, never shown.
GRAMMAR = {"type", "field", "aggregate", "timeUnit", "scheme", "interpolate", "orient", "format", "sort", "$schema",
           "name", "mark", "stack", "align", "baseline", "strokeCap", "shape"}
#: Sector codes the inspection map keeps beside the shown ``sector_text`` to filter its layers.
MAP_CODES = re.compile(r'\\*"sector\\*": \\*"[^"\\]*\\*"')


def _json_or_none(text: str) -> object:
    """``text`` read as JSON (a chart spec, a map's data), or None when it is plain text."""
    try:
        return json.loads(text)
    except ValueError:
        return None


def _json_values(value: object, out: list[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in GRAMMAR:
                _json_values(item, out)
    elif isinstance(value, list):
        for item in value:
            _json_values(item, out)
    elif isinstance(value, str):
        parsed = _json_or_none(value) if value[:1] in "{[" else None
        if parsed is not None:
            _json_values(parsed, out)
        else:
            out.append(MAP_CODES.sub("", value))


def _strings(message, out: list[str]) -> None:
    for field, value in message.ListFields():
        if field.name in SKIP_FIELDS:
            continue
        for item in value if field.is_repeated else [value]:
            if field.type == FieldDescriptor.TYPE_MESSAGE:
                _strings(item, out)
            elif field.type == FieldDescriptor.TYPE_STRING:
                _json_values(item, out)


def displayed(node) -> pd.DataFrame | None:
    """What a table shows when its numbers are written for the reader (a pandas Styler's display values)."""
    arrow = getattr(node.proto, "arrow_data", node.proto)
    styler = getattr(arrow, "styler", None)
    if styler is None or not styler.display_values:
        return None
    return convert_arrow_bytes_to_pandas_df(styler.display_values)


def page_text(at: AppTest) -> str:
    """Everything the page shows, as one text (tables as CSV)."""
    out: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", "")
        if kind in ("arrow_data_frame", "dataframe", "table"):
            frame = node.value
            if frame.index.name != t("col.key", "es"):  # the dataset's own about table: data, shown as given
                out.append(frame.to_csv())
                shown = displayed(node)
                if shown is not None:
                    out.append(shown.to_csv())
        if proto is not None and hasattr(proto, "ListFields"):  # labels, help, column headers (column_config)
            _strings(proto, out)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return "\n".join(out)


def english_in(text: str) -> list[str]:
    """The tables' English pieces found as whole words in ``text`` (codes in `backticks` are values to type;
    a word inside a script's property chain, ``layer.options.style``, is code, not text)."""
    text = re.sub(r"`[^`\n]*`", "", text)
    found = []
    for piece in english_texts():
        if piece in text and re.search(r"(?<![\w.])" + re.escape(piece) + r"(?!\w|\.\w)", text):
            found.append(piece)
    return sorted(found)


@pytest.fixture
def app_env(warm_demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(warm_demo))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(risk_state.ENV_DRAWS, DRAWS)
    monkeypatch.setenv(risk_state.ENV_PERMUTATIONS, PERMUTATIONS)
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return warm_demo


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _signed_in(role: Role | None) -> AppTest:
    """A browser session of ``role`` (None: open demo mode, no accounts)."""
    if role is not None:
        accounts.add_user(open_workspace(default_url()), role.value, role.value, PASSWORD)
    at = _run(AppTest.from_file(APP, default_timeout=60))
    if role is None:
        return at
    at.text_input[0].input(role.value)
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    return _run(at)


#: page -> (script folder, title key)
SCRIPTS = {Page.RISK_MAP: ("risk_map", "risk.title"), Page.INSPECTIONS: ("inspections", "inspections.title"),
           Page.BORDER: ("border", "border.title"), Page.WHAT_IF: ("what_if", "whatif.title"),
           Page.DATA: ("data", "data.title"), Page.ABOUT: ("about", "about.title"), Page.ADMIN: ("admin", "admin.title")}


@pytest.mark.parametrize("role", [None, *Role], ids=["open-demo", *(r.value for r in Role)])
def test_every_page_of_every_role_is_in_spanish(app_env: Path, role: Role | None) -> None:
    at = _signed_in(role)
    pages = [p for p in Page if role is None or p in PAGES[role]]
    for page in pages:
        folder, title = SCRIPTS[page]
        _run(at.switch_page(f"vigia/ui/{folder}/page.py"))
        assert [x.value for x in at.title] == [t(title, "es")]
        text = page_text(at)
        assert english_in(text) == [], f"English on the {page.value} page for {role}"
        if page == Page.BORDER:  # the units table's headers are words; its cells keep the file's codes
            assert t("patrols.unitcol.max_shifts", "es") in text and t("patrols.shift.morning", "es") in text


def test_a_rejected_upload_is_reported_in_spanish_with_the_uploaded_files_names(app_env: Path) -> None:
    cases = (b"area_id,period,exploitation,cases,victims\n020101,2023,sexual,abc,1\n"
             b"020101,20x3,labour,2.5,-1\n020101,2023,,3,3\n")
    outcome = process_upload([("casos.csv", cases)], {})  # the real check, as the Upload button runs it
    assert not outcome.accepted
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["vigia_upload_outcome"] = outcome
    _run(at)
    _run(at.switch_page("vigia/ui/data/page.py"))
    report = at.dataframe[-1].value
    files = set(report[t("problems.file", "es")])
    assert files == {"casos.csv"}, "the name the user uploaded, never the server's temporary folder"
    assert not report.isna().to_numpy().any(), "a problem about a whole file or layer has empty cells, not None"
    assert not {"None", "nan", "<NA>"} & {str(cell) for cell in report.to_numpy().ravel()}
    messages = " ".join(report[t("problems.message", "es")]) + " " + " ".join(report[t("problems.hint", "es")])
    assert "el valor no es un número" in messages and "falta la capa obligatoria de áreas" in messages
    assert english_in(page_text(at)) == []
    assert t("severity_one.error", "es") in set(report[t("problems.severity", "es")])
    assert Severity.ERROR.value not in set(report[t("problems.severity", "es")])


def test_a_kpi_row_reads_spanish_numbers(app_env: Path) -> None:
    """Population (thousands) and the area's score (decimals) in one page: ``10.934`` and ``267,8`` style."""
    at = _signed_in(None)
    metrics = {m.label: m.value for m in at.metric}
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", metrics[t("risk.metric_population", "es")])
    assert re.fullmatch(r"\d+,\d", metrics[t("riskmap.metric_score", "es")])
    departments = next(d for d in at.dataframe if t("col.population", "es") in d.value.columns)
    population = displayed(departments)[t("col.population", "es")]
    assert population.str.fullmatch(r"\d{1,3}(\.\d{3})+").all(), "tables write thousands the Spanish way too"
    assert pd.api.types.is_numeric_dtype(departments.value[t("col.population", "es")]), "and still sort as numbers"


def test_tables_write_numbers_the_pages_language() -> None:
    frame = pd.DataFrame({"km": [10934, 12], "hours": [267.8, 3.0],
                          "visits": pd.array([1200, None], dtype="Int64")})
    spanish = chrome.localised_numbers(frame, "es")
    assert list(spanish["km"]) == ["10.934", "12"] and list(spanish["hours"]) == ["267,8", "3,0"]
    assert list(spanish["visits"]) == ["1.200", ""], "a missing count is an empty cell"
    english = chrome.localised_numbers(frame, "en")
    assert list(english["km"]) == ["10,934", "12"] and list(english["hours"]) == ["267.8", "3.0"]

