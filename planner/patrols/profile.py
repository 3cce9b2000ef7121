"""A time-profile file: the user's own shift weights per target kind, replacing the default.

The migration data cannot say when in the day people cross; a border chief often
can. The file has one row per target kind it changes::

    kind,morning,afternoon,night
    unofficial,0.5,1,3
    stretch,0.5,1,2.5

``kind`` is official, unofficial or stretch; weights are numbers >= 0 (relative:
only their ratios matter). Kinds not listed keep the default (night raised by the
irregular share). Bad cells raise :class:`geodata.problems.DataError` with row and column.
"""

from __future__ import annotations

from pathlib import Path

from geodata.problems import DataError, Problem, Severity
from geodata.readers import read_csv
from geodata.workbooks import read_xlsx
from planner.patrols.model import SHIFTS, TARGET_KINDS, TimeProfile

LAYER = "profile"


def read_profile(path: str | Path) -> TimeProfile:
    """A :class:`TimeProfile` whose shift weights come from ``path`` (CSV or XLSX)."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx") or not path.exists():
        raise DataError([Problem(path.name, LAYER, None, None, "not an existing .csv or .xlsx file",
                                 "give a table with columns kind, morning, afternoon, night")])
    raw, problems = (read_csv if path.suffix.lower() == ".csv" else read_xlsx)(path, path.name, LAYER)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if raw is None or errors:
        raise DataError(errors or problems)
    frame = raw.frame.rename(columns=lambda c: str(c).strip().lower())
    missing = [c for c in ("kind", *SHIFTS) if c not in frame.columns]
    if missing:
        raise DataError([Problem(path.name, LAYER, None, c, f"column '{c}' is missing",
                                 "the table needs kind, morning, afternoon, night") for c in missing])
    weights: dict[str, tuple[float, float, float]] = {}
    for row, record in zip(raw.rows, frame.fillna("").astype(str).to_dict("records")):
        kind = record["kind"].strip().lower()
        if kind not in TARGET_KINDS:
            problems.append(Problem(path.name, LAYER, int(row), "kind", f"kind '{record['kind']}' is unknown",
                                    f"use one of {', '.join(TARGET_KINDS)}"))
            continue
        values = []
        for shift in SHIFTS:
            try:
                value = float(record[shift].replace(",", "."))
            except ValueError:
                value = -1.0
            if not value >= 0:
                problems.append(Problem(path.name, LAYER, int(row), shift,
                                        f"'{record[shift]}' is not a weight >= 0", "write a number such as 1.5"))
            values.append(value)
        weights[kind] = (values[0], values[1], values[2])
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise DataError(errors)
    return TimeProfile(shift_weights=weights)
