"""Read back the results sheet of a plan's workbook once a team has filled it offline.

The plan's XLSX (:func:`planner.exports.to_xlsx`) carries a sheet named like the
``inspections`` layer, one row per visit, with its codes and empty result cells
(``Realizada`` sí/no, victims, violations, workers). This module reads that sheet
with the ordinary spreadsheet reader (so formulas, dates, leading zeros and row
numbers are handled as for any layer), turns its headers back into codes in either
language, and keeps only the visits marked done. It returns the rows as a raw
``inspections`` layer: validating and recording them is :mod:`geodata.record`'s job.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from geodata.cell_parsers import as_text, normalise_name, parse_bools
from geodata.problems import Problem, Severity
from geodata.readers import RawLayer
from geodata.workbooks import read_xlsx
from planner.export_texts import LANGS, word
from planner.exports import RESULT_COLUMNS, RESULT_VISIT_COLUMNS, header_text, labelled

LAYER = "inspections"
#: Result cells other than ``done``: filled in on a visit marked "no" or left unmarked, they contradict it.
_FINDINGS = [c for c in RESULT_COLUMNS if c != "done"]


def read_results(path: str | Path, display: str | None = None) -> tuple[RawLayer | None, list[Problem]]:
    """The visits marked done in a filled results workbook, as a raw ``inspections`` layer.

    Returns ``(None, problems)`` when the workbook cannot be read. A ``done`` cell that is
    not yes/no or contradicts the results beside it is an error in ``problems`` (its row is
    left out), so that :func:`geodata.record.record_inspections` records nothing.
    """
    path = Path(path)
    display = display or path.name
    raw, problems = read_xlsx(path, display, LAYER)
    if raw is None:
        return None, problems
    raw, headers = _codes_for_headers(raw)
    if "done" not in raw.frame:
        header = " / ".join(word("done", lang) for lang in LANGS)
        return None, problems + [Problem(display, LAYER, None, "done", f"the column '{header}' is missing: this is not "
                                         "the results sheet of a Vigía plan",
                                         "export the plan as .xlsx again and fill its Inspections sheet")]
    keep, found = _done_rows(raw, display, headers.get("done", "done"))
    # The rows marked done go on to be checked even when other done cells are wrong, so the user
    # gets every error in one pass; any error among ``problems`` still means nothing is recorded.
    return _subset(raw, keep), problems + found


def _codes_for_headers(raw: RawLayer) -> tuple[RawLayer, dict[str, str]]:
    """Spanish or English headers of the results sheet back to their codes (other columns as they are);
    also each code's header as the sheet writes it, for messages. The words written beside code
    columns (``sector_label``: «Sector» next to «Código del sector») are dropped: the codes are read."""
    written = list(labelled(pd.DataFrame(columns=RESULT_VISIT_COLUMNS + RESULT_COLUMNS), "es").columns)
    codes = {normalise_name(code): code for code in written}
    codes.update({normalise_name(header_text(code, lang, written)): code for code in written for lang in LANGS})
    rename = {c: codes.get(normalise_name(c), c) for c in raw.frame.columns}
    raw.frame = raw.frame.rename(columns=rename).drop(columns=[c for c in written if c.endswith("_label")],
                                                      errors="ignore")
    raw.numeric_cells = {rename.get(k, k): v for k, v in raw.numeric_cells.items() if rename.get(k, k) in raw.frame}
    raw.date_cells = {rename.get(k, k): v for k, v in raw.date_cells.items() if rename.get(k, k) in raw.frame}
    return raw, {code: str(header) for header, code in rename.items()}


def _done_rows(raw: RawLayer, display: str, header: str) -> tuple[np.ndarray, list[Problem]]:
    """Rows to record (done = yes), and every done cell that is unreadable or contradicts its row."""
    done_text = as_text(raw.frame["done"])
    done, bad = parse_bools(raw.frame["done"], done_text)
    empty = done_text.isna().to_numpy(dtype=bool)
    filled = np.zeros(len(raw.frame), dtype=bool)
    for column in _FINDINGS:
        if column in raw.frame:
            filled |= as_text(raw.frame[column]).notna().to_numpy(dtype=bool)
    yes, no = word("yes", "es"), word("no", "es")
    problems = []
    for position in np.flatnonzero(bad):
        problems.append(Problem(display, LAYER, int(raw.rows[position]), header,
                                f"'{done_text.iloc[position]}' is not {yes} or {no}",
                                f"write {yes} when the visit took place, {no} when it did not"))
    for position in np.flatnonzero(~bad & (empty | ~done) & filled):
        state = "not marked" if empty[position] else f"marked '{done_text.iloc[position]}'"
        problems.append(Problem(display, LAYER, int(raw.rows[position]), header,
                                f"the visit is {state} but has results",
                                f"write {yes} if the visit took place, or clear its result cells"))
    waiting = int((empty & ~filled).sum())
    if waiting:
        problems.append(Problem(display, LAYER, None, header,
                                f"{waiting} visit(s) without results yet (done left empty) were not recorded",
                                "nothing to do; bring them with the next sheet", Severity.WARNING))
    return done & ~bad, problems


def _subset(raw: RawLayer, keep: np.ndarray) -> RawLayer:
    """The raw layer restricted to ``keep``, with its row numbers and cell flags (so errors name sheet rows)."""
    frame = raw.frame.loc[keep].drop(columns=["done"]).reset_index(drop=True)
    return RawLayer(raw.file, raw.layer, raw.format, frame, raw.rows[keep],
                    {k: v[keep] for k, v in raw.numeric_cells.items() if k != "done"},
                    {k: v[keep] for k, v in raw.date_cells.items() if k != "done"}, raw.delimiter)
