"""Validator messages in Spanish and English: every key translated, the CLI and the Data page speak Spanish."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
import validate_fixtures as fx
from catalog_messages import english_messages

from geodata.load import check_dataset
from geodata.messages import (
    FRAME,
    HINT_PATTERNS,
    HINTS,
    LANGUAGES,
    MESSAGES,
    language_from_env,
    localise,
    problem_text,
    translate_hint,
)
from geodata.problems import Severity
from vigia.cli import EXIT_DATA_ERRORS, main


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_message_key_has_both_languages_and_is_unique() -> None:
    keys = [m.key for m in (*MESSAGES, *HINT_PATTERNS)] + list(FRAME)
    assert len(keys) == len(set(keys)), "duplicate message keys"
    for key, texts in FRAME.items():
        assert set(texts) == set(LANGUAGES) and all(texts.values()), f"{key} lacks a translation"
    for entry in (*MESSAGES, *HINT_PATTERNS):
        assert entry.es.strip() and entry.en.strip(), f"{entry.key} lacks a translation"
        groups = set(re.compile(entry.pattern).groupindex)
        assert _fields(entry.es) <= groups, f"{entry.key}: Spanish text uses {_fields(entry.es) - groups}"
    assert all(translate_hint(english, "es").strip() not in ("", english) for english in HINTS)


def _broken_folder(tmp_path: Path) -> Path:
    folder = fx.areas_folder(tmp_path)
    cases = fx.cases().astype({"cases": object, "victims": object})
    cases.loc[1, "cases"] = "muchos"
    cases.loc[2, "victims"] = "-3"
    cases.loc[3, "period"] = "24"
    cases = cases.drop(columns="exploitation")
    fx.write_csv(cases, folder / "casos.csv")
    return folder


def test_common_problems_are_all_translated(tmp_path: Path) -> None:
    report = check_dataset(_broken_folder(tmp_path))
    assert len(report.errors) == 4
    for problem in report.problems:
        spanish = localise(problem, "es")
        assert spanish.message != problem.message, f"untranslated: {problem.message}"
        assert spanish.hint != problem.hint, f"untranslated hint: {problem.hint}"
        assert spanish.row == problem.row and spanish.column == problem.column


def test_validate_speaks_spanish_with_lang_es(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _broken_folder(tmp_path)
    assert main(["validate", "--lang", "es", str(folder)]) == EXIT_DATA_ERRORS
    out = capsys.readouterr().out
    assert "NO VÁLIDO" in out and "fila 3, columna 'cases'" in out and "no es un número" in out
    assert "falta la columna obligatoria 'exploitation'" in out
    leaked = [english for english in english_messages() if english in out.replace(str(folder), "")]
    assert not leaked, f"English of the catalog in the Spanish report: {leaked}"
    assert main(["validate", "--lang", "en", str(folder)]) == EXIT_DATA_ERRORS
    out = capsys.readouterr().out
    assert "NOT VALID" in out and "row 3, column 'cases'" in out


def test_the_language_defaults_from_the_locale() -> None:
    assert language_from_env({"LANG": "es_BO.UTF-8"}) == "es"
    assert language_from_env({"LANG": "en_GB.UTF-8"}) == "en"
    assert language_from_env({"LC_ALL": "es_ES.UTF-8", "LANG": "en_US.UTF-8"}) == "es"
    assert language_from_env({}) == "en"


def test_untranslated_messages_stay_whole_english() -> None:
    from geodata.problems import Problem

    problem = Problem("x.csv", "cases", 2, "cases", "something new went wrong", "", Severity.WARNING)
    assert problem_text(problem, "es") == "AVISO: x.csv [cases], fila 2, columna 'cases': something new went wrong"


def test_data_page_table_shows_messages_in_the_ui_language(tmp_path: Path) -> None:
    from vigia.ui import chrome
    from vigia.ui.i18n import t

    report = check_dataset(_broken_folder(tmp_path))
    table = chrome.problems_frame(report.problems)  # default UI language: Spanish
    messages = table[t("problems.message", "es")].tolist()
    assert any("no es un número" in m for m in messages)


def test_fixes_reported_for_clerks_files_are_translated_too(tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    folder = fx.areas_folder(tmp_path)
    (folder / "sectores.csv").write_bytes("area_id;sector;workers\n050101;Mining;1.000\n020101;mining;5,0\n"
                                          .encode("cp1252"))
    book = openpyxl.Workbook()
    book.active.title = "Instrucciones"
    book.active.append(["Llene la hoja de datos."])
    sheet = book.create_sheet("Datos")
    sheet.append(["Registro 2016-2017"])
    sheet.append(["area_id", "period", "exploitation", "cases", "victims"])
    for year in (2016, 2017):
        sheet.append(["020101", dt.datetime(year, 1, 1), "labour", 1, 1])
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy"
    book.save(folder / "casos.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    untranslated = [p for p in report.problems if localise(p, "es").message == p.message]
    assert not untranslated, fx.text_of(untranslated)
