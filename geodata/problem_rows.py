"""Turn vectorised checks into :class:`~geodata.problems.Problem` rows.

Checks work on whole columns (boolean masks); this module maps a mask back to
the rows a user sees (spreadsheet rows or feature numbers), caps the list so a
file with 12 000 bad cells still gives a readable report, and keeps values of
private layers out of the messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from geodata.problems import Problem, Severity

#: Per-row problems reported one by one for each (column, rule); the rest are summed up.
MAX_ROWS_PER_RULE = 50

#: Layers whose cell values are never echoed (they could hold names).
PRIVATE_LAYERS = frozenset({"cases"})


def format_rows(rows: Sequence[int] | np.ndarray, limit: int = 20) -> str:
    """``2, 5, 9 and 14 more`` — a short list of row numbers for a message."""
    listed = [int(r) for r in rows]
    shown = ", ".join(str(r) for r in listed[:limit])
    if len(listed) > limit:
        shown += f" and {len(listed) - limit} more"
    return shown


def show_value(value: object, max_chars: int = 40) -> str:
    """A cell value quoted for a message, shortened when long."""
    text = str(value)
    if len(text) > max_chars:
        text = text[: max_chars - 1] + "…"
    return f"'{text}'"


@dataclass
class Findings:
    """Problems about one layer read from one file.

    ``rows`` gives, for each position in the layer's frame, the row number the
    user sees in their file.
    """

    file: str
    layer: str | None
    rows: np.ndarray
    items: list[Problem] = field(default_factory=list)

    @property
    def private(self) -> bool:
        return self.layer in PRIVATE_LAYERS

    def add(
        self,
        message: str,
        *,
        column: str | None = None,
        row: int | None = None,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        """One problem about the file, a column or a given row."""
        self.items.append(Problem(self.file, self.layer, row, column, message, hint, severity))

    def at_rows(
        self,
        mask: np.ndarray,
        column: str | None,
        message: str,
        *,
        hint: str = "",
        severity: Severity = Severity.ERROR,
        values: Sequence[object] | np.ndarray | None = None,
    ) -> int:
        """One problem per flagged row (capped), returning how many rows were flagged.

        ``message`` reads after the value, e.g. ``"is not a whole number"``; with
        ``values`` given it becomes ``"'abc' is not a whole number"``, except in
        private layers where it stays ``"the value is not a whole number"``.
        """
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        if positions.size == 0:
            return 0
        for pos in positions[:MAX_ROWS_PER_RULE]:
            if values is not None and not self.private:
                text = f"{show_value(values[pos])} {message}"
            else:
                text = f"the value {message}"
            self.add(text, column=column, row=int(self.rows[pos]), hint=hint, severity=severity)
        rest = positions[MAX_ROWS_PER_RULE:]
        if rest.size:
            self.add(
                f"{rest.size} more row(s) with the same problem (the value {message}): rows "
                + format_rows(self.rows[rest]),
                column=column,
                hint=hint,
                severity=severity,
            )
        return int(positions.size)

    def listing_rows(
        self,
        mask: np.ndarray,
        column: str | None,
        message: str,
        *,
        hint: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        """One problem for all flagged rows together (the message gets the row list)."""
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        if positions.size == 0:
            return
        rows = self.rows[positions]
        row = int(rows[0]) if positions.size == 1 else None
        self.add(f"{message} (row(s) {format_rows(rows)})", column=column, row=row, hint=hint, severity=severity)
