"""Structured data problems: what went wrong, where, and what the user should do.

Every loader and validator reports through :class:`Problem` so that the CLI, the
app and the tests speak about a bad file in the same words. Problems are
collected, never raised one by one: a user fixing a spreadsheet wants the whole
list in one pass. :class:`DataError` carries that list when loading must stop.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    """How serious a problem is.

    ``error`` blocks the dataset; ``fixed`` means the loader repaired the data
    itself (e.g. reprojected, made a geometry valid) and says so; ``warning``
    means the data loads but a person should look.
    """

    ERROR = "error"
    FIXED = "fixed"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem in one place of one input file.

    Attributes
    ----------
    file:
        The file name as the user supplied it (base name, not a temp path).
    layer:
        The dataset layer (``areas``, ``cases``, ...) or ``None`` for the file itself.
    row:
        Row as the user sees it: for CSV/XLSX the spreadsheet row (header = row 1,
        first record = row 2); for GIS layers the 1-based feature number.
        ``None`` when the problem is not about one row.
    column:
        Column name, or ``None`` when the problem is not about one column.
    message:
        What is wrong, in plain words.
    hint:
        What to do about it.
    severity:
        See :class:`Severity`.
    """

    file: str
    layer: str | None
    row: int | None
    column: str | None
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def location(self) -> str:
        """``file [layer] row N, column C`` — the part a user needs to find the cell."""
        text = self.file
        if self.layer and self.layer not in self.file:
            text += f" [{self.layer}]"
        if self.row is not None:
            text += f", row {self.row}"
        if self.column is not None:
            text += f", column '{self.column}'"
        return text

    def __str__(self) -> str:
        text = f"{self.severity.value.upper()}: {self.location()}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text

    def as_dict(self) -> dict:
        """Plain dict for tables (the app shows the report as a dataframe)."""
        d = asdict(self)
        d["severity"] = self.severity.value
        return d


@dataclass
class ProblemLog:
    """An append-only list of problems with helpers to ask about them."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def ok(self) -> bool:
        """True when nothing blocks the dataset (fixes and warnings allowed)."""
        return not self.errors


class DataError(ValueError):
    """Input data cannot be used. ``problems`` lists every reason found.

    This is the only exception the loaders raise for bad input: callers (the CLI,
    the app) catch it, show the list, and keep whatever they had loaded before.
    """

    def __init__(self, problems: Iterable[Problem]):
        self.problems: list[Problem] = list(problems)
        errors = [p for p in self.problems if p.severity is Severity.ERROR] or self.problems
        head = "; ".join(str(p) for p in errors[:3])
        more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
        super().__init__(f"{len(errors)} problem(s) in the data: {head}{more}")
