"""Thousands separators in count columns, decided from what the whole file shows.

A Spanish-locale office writes ``1.000`` for a thousand and ``16,5`` for a
decimal; an English one writes ``1,000`` and ``16.5``. Read with one fixed rule,
``1.000`` silently becomes 1 and a quoted ``"3,000"`` becomes 3 — a VALID
dataset with different figures. So a grouped value in a count column is never
read until the file says which mark is the decimal one:

* a mark used as a decimal anywhere in the file (``-16,5``, ``0.25``) is not a
  thousands separator there: grouped values with it are refused as ambiguous;
* otherwise, when the other mark is the file's decimal (or the CSV is
  semicolon-separated, as Spanish Excel saves it, for ``.``), or when a grouped
  value can only be a whole number with grouping (``235.838`` in a count), the
  mark is read as a thousands separator and every such cell is reported FIXED;
* with no evidence at all (``1.000`` alone: one or a thousand?) the cells are
  refused as ambiguous, naming the rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geodata.cell_parsers import as_text, decimal_comma_cells, is_numeric
from geodata.problem_rows import Findings
from geodata.problems import Severity
from geodata.readers import RawLayer

# Plain-string patterns (run in Arrow, see cell_parsers.py). Cells arrive stripped.
_GROUPED = {
    ".": r"^[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+$",
    ",": r"^[-+]?[1-9][0-9]{0,2}(,[0-9]{3})+$",
}
#: Groups that are all zeros (``1.000``, ``12,000``): whole either way, so they prove nothing.
_ZERO_GROUPS = {".": r"^[-+]?[0-9]+(\.000)+$", ",": r"^[-+]?[0-9]+(,000)+$"}
#: A mark that can only be a decimal mark: not followed by exactly three digits, or after a lone 0,
#: or after a thousands group of the other mark (``1.234,5``).
_DECIMAL_USE = {
    ".": r"^[-+]?([0-9]+\.([0-9]{1,2}|[0-9]{4,})|0\.[0-9]+|[0-9]{1,3}(,[0-9]{3})+\.[0-9]+)$",
    ",": r"^[-+]?([0-9]+,([0-9]{1,2}|[0-9]{4,})|0,[0-9]+|[0-9]{1,3}(\.[0-9]{3})+,[0-9]+)$",
}
#: Both marks, thousands then decimal: ``1.234,50`` (Spanish) or ``1,234.50`` (English).
_FULL = {
    ".": r"^[-+]?[1-9][0-9]{0,2}(\.[0-9]{3})+,[0-9]+$",  # '.' groups, ',' decimal
    ",": r"^[-+]?[1-9][0-9]{0,2}(,[0-9]{3})+\.[0-9]+$",  # ',' groups, '.' decimal
}
#: Two or more groups (``1.000.000``): only a thousands separator repeats.
_MULTI = {".": r"^[-+]?[0-9]+(\.[0-9]{3}){2,}$", ",": r"^[-+]?[0-9]+(,[0-9]{3}){2,}$"}
_OTHER = {".": ",", ",": "."}


@dataclass(frozen=True)
class DecimalEvidence:
    """Where a file uses a mark as a decimal (the first cell found), for messages."""

    column: str
    row_position: int
    value: str


@dataclass(frozen=True)
class NumberStyle:
    """What one file shows about its decimal mark.

    ``decimal`` maps ``"."``/``","`` to the first cell that uses it as a decimal
    mark; ``semicolon`` is True for a semicolon-separated CSV (Spanish Excel).
    """

    decimal: Mapping[str, DecimalEvidence]
    semicolon: bool = False

    def decimal_reason(self, mark: str) -> str | None:
        """Why the file reads ``mark`` as its decimal mark, or None when it does not show that."""
        seen = self.decimal.get(mark)
        if seen is not None:
            return f"the file uses '{mark}' as a decimal mark (e.g. '{seen.value}' in column '{seen.column}')"
        if mark == "," and self.semicolon and "." not in self.decimal:
            return "the file is semicolon-separated, as Spanish Excel saves it, where ',' is the decimal mark"
        return None

    def thousands_by_file(self, mark: str) -> bool:
        """True when the file itself says ``mark`` is not the decimal mark (the other one is)."""
        return self.decimal_reason(mark) is None and self.decimal_reason(_OTHER[mark]) is not None


def number_style(texts: Mapping[str, pd.Series], delimiter: str | None = None) -> NumberStyle:
    """Scan every text column of a file for cells that use ``.`` or ``,`` as a decimal mark."""
    found: dict[str, DecimalEvidence] = {}
    for name, text in texts.items():
        distinct = _distinct(text)  # codes, periods and counts repeat: match each value once
        if distinct.empty:
            continue
        for mark, pattern in _DECIMAL_USE.items():
            if mark in found:
                continue
            hits = distinct[distinct.str.match(pattern).fillna(False).to_numpy(dtype=bool)]
            if len(hits):
                first = int(np.flatnonzero(text.isin(hits).to_numpy(dtype=bool))[0])
                found[mark] = DecimalEvidence(name, first, str(text.iloc[first]))
        if len(found) == 2:
            break
    return NumberStyle(found, semicolon=delimiter == ";")


def _distinct(text: pd.Series) -> pd.Series:
    """The column's distinct non-blank values, as text."""
    return pd.Series(pd.unique(text.dropna()), dtype="str")


def _cells(text: pd.Series, distinct: pd.Series, pattern: str) -> np.ndarray:
    """Cells of ``text`` matching ``pattern``, matching each distinct value once."""
    hits = distinct[distinct.str.match(pattern).fillna(False).to_numpy(dtype=bool)]
    if hits.empty:
        return np.zeros(len(text), dtype=bool)
    return text.isin(hits).to_numpy(dtype=bool)


@dataclass
class Regrouped:
    """A count column's text after its thousands separators were decided.

    ``text`` has the separators removed where they were read as such;
    ``fixed`` maps a mark to the cells read with it as a thousands separator;
    ``ambiguous`` maps a mark to the cells refused, with ``why`` saying why.
    """

    text: pd.Series
    fixed: dict[str, np.ndarray]
    ambiguous: dict[str, np.ndarray]
    why: dict[str, str]


def regroup_counts(text: pd.Series, style: NumberStyle) -> Regrouped:
    """Decide, for one count column, how its grouped values (``1.000``, ``"3,000"``) read."""
    fixed: dict[str, np.ndarray] = {}
    ambiguous: dict[str, np.ndarray] = {}
    why: dict[str, str] = {}
    out = text
    distinct = _distinct(text)
    if distinct.empty or not distinct.str.contains(r"[.,]").any():
        return Regrouped(out, fixed, ambiguous, why)
    for mark in (".", ","):
        full = _cells(text, distinct, _FULL[mark])
        grouped = _cells(text, distinct, _GROUPED[mark])
        if full.any():  # both marks present: unambiguous
            out = out.where(~full, out.str.replace(mark, "", regex=False).str.replace(",", ".", regex=False))
            fixed[mark] = full
        if not grouped.any():
            continue
        zero_groups = _cells(text, distinct, _ZERO_GROUPS[mark])
        multi = _cells(text, distinct, _MULTI[mark])
        only_grouping = grouped & (~zero_groups | multi)  # 235.838 is a count only as 235838
        reason = style.decimal_reason(mark)
        if reason is not None:
            why[mark] = f"{reason}, so it cannot be told from a thousands separator"
            ambiguous[mark] = grouped
        elif style.thousands_by_file(mark) or only_grouping.any():
            out = out.where(~grouped, out.str.replace(mark, "", regex=False))
            fixed[mark] = fixed.get(mark, np.zeros(len(text), dtype=bool)) | grouped
        else:
            why[mark] = (f"nothing else in the file shows whether '{mark}' is a decimal mark or a thousands "
                         f"separator (is '1{mark}000' one or a thousand?)")
            ambiguous[mark] = grouped
    return Regrouped(out, fixed, ambiguous, why)


# ---------------------------------------------------------------- applied to a layer


def file_number_style(attrs: pd.DataFrame, raw: RawLayer) -> NumberStyle:
    """What the file shows about its decimal mark; cells Excel or a GIS file stored as numbers show nothing."""
    texts = {}
    for name in attrs.columns:
        series = attrs[name]
        if is_numeric(series):
            continue
        text = as_text(series)
        stored = raw.numeric_cells.get(name)
        if stored is not None and stored.any():
            text = text.mask(stored, None)
        texts[name] = text
    return number_style(texts, raw.delimiter)


def read_thousands(text: pd.Series, skip: np.ndarray, style: NumberStyle, name: str,
               findings: Findings) -> tuple[pd.Series, np.ndarray]:
    """Read or refuse grouped counts (``1.000``, ``"3,000"``) and whole decimal-comma counts (``5,0``)."""
    regrouped = regroup_counts(text, style)
    for mark, mask in regrouped.fixed.items():
        mask = mask & ~skip
        if mask.any():
            example = "" if findings.private else f" (e.g. '{text[mask].iloc[0]}' -> {regrouped.text[mask].iloc[0]})"
            findings.listing_rows(mask, name, f"{int(mask.sum())} value(s) written with '{mark}' as a thousands "
                                  f"separator were read as whole numbers{example}", severity=Severity.FIXED,
                                  hint="nothing to do; write numbers without separators to skip this step")
    for mark, mask in regrouped.ambiguous.items():
        mask = mask & ~skip
        if mask.any():
            example = "" if findings.private else f" (e.g. '{text[mask].iloc[0]}')"
            findings.listing_rows(mask, name, f"{int(mask.sum())} value(s) look like whole numbers with '{mark}' as "
                                  f"a thousands separator{example}, but {regrouped.why[mark]}",
                                  hint="write counts without thousands separators (e.g. 1000), so they read the same "
                                  "in every program")
            skip = skip | mask
    text = regrouped.text
    whole_comma = decimal_comma_cells(text) & ~skip
    if whole_comma.any():
        parsed = pd.to_numeric(text.where(whole_comma).str.replace(",", ".", regex=False), errors="coerce")
        whole_comma &= (parsed.notna() & (parsed % 1 == 0)).to_numpy(dtype=bool)
        if whole_comma.any():
            example = "" if findings.private else f" (e.g. '{text[whole_comma].iloc[0]}' -> {int(parsed[whole_comma].iloc[0])})"
            findings.listing_rows(whole_comma, name, f"{int(whole_comma.sum())} value(s) written with a decimal comma "
                                  f"were read as whole numbers{example}", severity=Severity.FIXED,
                                  hint="nothing to do; write whole numbers without decimals to skip this step")
    return text, skip
