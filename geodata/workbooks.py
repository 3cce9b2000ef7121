"""Read one layer from an Excel workbook: the right sheet, cells as text, years kept as years.

Clerks keep instructions on the first sheet, name the data sheet in Spanish
(``Casos``) and let Excel store years as dates shown ``yyyy``. The sheet is
chosen by name or by its header (never silently the first one), and a date
shown as a year is read as that year, so annual figures stay annual. Cells
arrive as text like a CSV's, with which ones Excel stored as numbers or dates.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from geodata.headers import MAX_HEADER_SEARCH, find_header, header_matches, header_words
from geodata.layer_names import layer_for, names_for
from geodata.problem_rows import format_rows
from geodata.problems import Problem, Severity
from geodata.readers import RawLayer, blank_record, check_file_kind, file_problem, spreadsheet_table


def _cell_text(value: object) -> tuple[str | None, bool, bool]:
    """Spreadsheet cell -> (text, was a number, was a date). Formulas stay as '=...' text."""
    if value is None:
        return None, False, False
    if isinstance(value, bool):
        return ("true" if value else "false"), False, False
    if isinstance(value, int):
        return str(value), True, False
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value), True, False
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value)), True, False
        return repr(value), True, False
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat(), False, True
        return value.isoformat(sep=" "), False, True
    if isinstance(value, dt.date):
        return value.isoformat(), False, True
    if isinstance(value, dt.time):
        return value.strftime("%H:%M"), False, True
    if isinstance(value, str):
        return value, False, False
    text = getattr(value, "text", None)  # openpyxl ArrayFormula / DataTableFormula
    if isinstance(text, str):
        return text if text.startswith("=") else "=" + text, False, False
    return str(value), False, False


def is_year_format(number_format: str | None) -> bool:
    """An Excel number format that shows only the year (``yyyy``, ``yy``, ``"Año "yyyy``)."""
    if not number_format:
        return False
    plain = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]', "", number_format).lower()
    return "y" in plain and not any(ch in plain for ch in "mdhs")


def read_xlsx(path: Path, display: str, layer: str) -> tuple[RawLayer | None, list[Problem]]:
    """The workbook's sheet for ``layer`` as text cells, sheet row numbers kept.

    The sheet is the one named after the layer (English or Spanish), else the
    only sheet, else the one sheet whose header has the layer's columns; with
    none of those the workbook is refused, never read from the wrong sheet.
    """
    problems = check_file_kind(path, display, layer, "xlsx")
    if problems:
        return None, problems
    import openpyxl  # imported here: only spreadsheet uploads need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # any corrupt workbook must become a report
        return None, [file_problem(display, layer, f"cannot open the file as an Excel .xlsx workbook ({type(exc).__name__}: {exc})",
                               "the file may be damaged, password-protected or an old .xls; save it again as .xlsx or CSV")]
    try:
        sheets = book.worksheets
        if not sheets:
            return None, [file_problem(display, layer, "the workbook has no sheets")]
        sheet, choice_problems = _choose_sheet(sheets, display, layer)
        problems.extend(choice_problems)
        if sheet is None:
            return None, problems
        cells: list[list[str | None]] = []
        numeric: list[list[bool]] = []
        dates: list[list[bool]] = []
        years: list[tuple[int, int]] = []  # (record index, column index) of dates shown as years
        for raw_row in sheet.iter_rows(min_row=1):
            converted: list[tuple[str | None, bool, bool]] = []
            for j, cell in enumerate(raw_row):
                value = getattr(cell, "value", None)
                if isinstance(value, dt.date) and is_year_format(getattr(cell, "number_format", None)):
                    converted.append((str(value.year), False, True))
                    years.append((len(cells), j))
                else:
                    converted.append(_cell_text(value))
            cells.append([c[0] for c in converted])
            numeric.append([c[1] for c in converted])
            dates.append([c[2] for c in converted])
    except Exception as exc:  # openpyxl raises many types on damaged sheets
        return None, problems + [file_problem(display, layer, f"the workbook is damaged and cannot be read ({type(exc).__name__}: {exc})",
                                          "save it again as .xlsx or CSV")]
    finally:
        book.close()
    raw, problems = spreadsheet_table(display, layer, "xlsx", cells, problems, numeric=numeric, dates=dates,
                                       sheet=sheet.title if len(sheets) > 1 else "")
    if raw is not None and years:
        problems.extend(_year_cells_problems(display, layer, cells, years))
    return raw, problems


def _year_cells_problems(display: str, layer: str, cells: list[list[str | None]],
                         years: list[tuple[int, int]]) -> list[Problem]:
    """Say which date cells were read as years because Excel showed them as years."""
    header_at = find_header(cells, layer).index or 0
    header = cells[header_at]
    by_column: dict[int, list[int]] = {}
    for i, j in years:
        if i > header_at:
            by_column.setdefault(j, []).append(i + 1)
    out = []
    for j, rows in sorted(by_column.items()):
        name = header[j] if j < len(header) and header[j] else f"column {j + 1}"
        out.append(file_problem(display, layer,
                            f"{len(rows)} date cell(s) shown as years (format yyyy) were read as years, e.g. "
                            f"{cells[rows[0] - 1][j]} (annual figures), not as January dates (rows {format_rows(rows)})",
                            "nothing to do; type years as plain numbers or text to skip this step",
                            Severity.FIXED, column=name))
    return out


def _choose_sheet(sheets: list[Any], display: str, layer: str) -> tuple[Any, list[Problem]]:
    """The sheet holding ``layer``: named after it, the only one, or the one whose header has its columns."""
    named = [s for s in sheets if (found := layer_for(s.title)) is not None and found[0] == layer]
    if named:
        sheet = named[0]
        if len(sheets) > 1 and sheet.title.strip().lower() != layer:
            return sheet, [file_problem(display, layer, f"sheet '{sheet.title}' read as the {layer} layer "
                                    f"(the workbook has {len(sheets)} sheets)",
                                    "nothing to do", Severity.FIXED)]
        return sheet, []
    if len(sheets) == 1:
        return sheets[0], []
    words = header_words(layer)
    matching, filled = [], []
    for sheet in sheets:
        head = [list(r) for r in sheet.iter_rows(min_row=1, max_row=MAX_HEADER_SEARCH + 1, values_only=True)]
        if any(_non_blank_row(r) for r in head):
            filled.append(sheet)
        if any(header_matches(r, words, layer) >= 2 for r in head):
            matching.append(sheet)
    titles = ", ".join(f"'{s.title}'" for s in sheets)
    if len(matching) == 1 or (not matching and len(filled) == 1):
        sheet = (matching or filled)[0]
        why = "the one whose header has its columns" if matching else "the only one with data"
        return sheet, [file_problem(display, layer, f"the workbook has {len(sheets)} sheets ({titles}); sheet "
                                f"'{sheet.title}', {why}, was read as the {layer} layer",
                                f"nothing to do; name the sheet '{layer}' to make it certain", Severity.FIXED)]
    spanish = " or ".join(f"'{n}'" for n in names_for(layer)[:2])
    which = (f"{len(matching)} of them have the columns of {layer}" if matching
             else f"none is named {spanish} or has its columns")
    return None, [file_problem(display, layer, f"the workbook has {len(sheets)} sheets ({titles}) and {which}, so "
                           "it is not clear which one holds the data",
                           f"name the data sheet {spanish}, or keep only that sheet in the file")]


def _non_blank_row(row: Sequence[object]) -> bool:
    return not blank_record(row)
