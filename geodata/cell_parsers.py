"""Parse whole columns of cell values into contract types, vectorised.

Each parser takes a column as read (text from spreadsheets, typed from GIS
files) and returns the parsed values plus boolean masks of the cells that
failed, so the validator can name every bad row without a Python loop per
cell type. Blank cells are never "bad" here: whether blank is allowed is the
validator's decision.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

import numpy as np
import pandas as pd

TRUE_WORDS = frozenset({"true", "yes", "si", "sí", "1", "y", "t", "verdadero"})
FALSE_WORDS = frozenset({"false", "no", "0", "n", "f", "falso"})

# Patterns are plain strings, not compiled: pandas then runs them in Arrow (C++),
# about 20x faster than Python's re on a national cases table.
# Cells reach them stripped, so no \s (it, and \d, would force the slow Python path).
_PERIOD = r"^(19|20|21)[0-9]{2}(-(0[1-9]|1[0-2]))?$"
_DAY = r"^(19|20|21)[0-9]{2}-[0-9]{2}-[0-9]{2}$"
_MIDNIGHT = r"[ T]00:00(:00)?$"
_HHMM = r"^([01]?[0-9]|2[0-3]):([0-5][0-9])(:00)?$"
_DECIMAL_COMMA = r"^[-+]?[0-9]*,[0-9]+$"
#: Spreadsheet formulas and CSV-injection payloads (OWASP "CSV Injection"): a cell
#: starting with '=', '+', '-' or '@' (tab and carriage return are checked on the raw cell).
FORMULA = r"^[=+\-@]"
#: Cells that start so but cannot run anything: numbers (-12, +3, -16,5, 1e-3), phone
#: numbers (+591 2 2123456) and a dash meaning "none".
_HARMLESS = r"^([-+]?[0-9][0-9 .,]*([eE][-+]?[0-9]+)?|\+[0-9][0-9 ()\-]*|-+)$"
_CONTROL_START = r"^[\t\r]"

#: Largest count accepted: beyond it float parsing loses integer precision.
MAX_COUNT = 2**53


def blank(series: pd.Series, text: pd.Series | None = None) -> np.ndarray:
    """Cells that are missing or only spaces (``text`` is ``as_text(series)`` when already known)."""
    text = as_text(series) if text is None else text
    return text.isna().to_numpy(dtype=bool)


def is_numeric(series: pd.Series) -> bool:
    """True for number columns as a GIS file typed them (bools excluded)."""
    return pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype)


def as_text(series: pd.Series) -> pd.Series:
    """Cells as stripped text (``str`` dtype, missing for blanks); whole floats lose their '.0'."""
    if pd.api.types.is_integer_dtype(series.dtype):
        return series.astype("str").mask(series.isna(), None)
    if is_numeric(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        out = np.full(len(values), None, dtype=object)
        finite = np.isfinite(values)
        whole = finite & (np.mod(values, 1, where=finite, out=np.zeros_like(values)) == 0) & (np.abs(values) < 1e15)
        out[whole] = [str(int(v)) for v in values[whole]]
        other = ~whole & ~np.isnan(values)
        out[other] = [repr(float(v)) for v in values[other]]
        return pd.Series(out, index=series.index, dtype="str")
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.map({True: "true", False: "false"}).astype("str")
    if isinstance(series.dtype, pd.StringDtype):
        text = series.str.strip()
    else:
        text = series.map(_to_str, na_action="ignore").astype("str").str.strip()
    return text.mask(text.eq(""), None)


def _to_str(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def parse_numbers(series: pd.Series, text: pd.Series | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Numbers from a column: (values as float, bad cells, cells read with a decimal comma).

    ``-16,5`` (Spanish Excel) reads as -16.5. Infinity and NaN written out are bad.
    """
    no_comma = np.zeros(len(series), dtype=bool)
    if is_numeric(series):
        values = series.to_numpy(dtype=float, na_value=np.nan)
        return values, np.isinf(values), no_comma
    text = as_text(series) if text is None else text
    empty = text.isna().to_numpy(dtype=bool)
    if pd.api.types.is_bool_dtype(series.dtype):
        return np.full(len(series), np.nan), ~empty, no_comma
    comma = text.str.match(_DECIMAL_COMMA).fillna(False).to_numpy(dtype=bool)
    if comma.any():
        text = text.where(~comma, text.str.replace(",", ".", regex=False))
    values = pd.to_numeric(text, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    bad = ~empty & ~np.isfinite(values)
    values = np.where(bad, np.nan, values)
    return values, bad, comma & ~bad


def decimal_comma_cells(text: pd.Series) -> np.ndarray:
    """Cells written with a decimal comma (``-16,5``, ``5,0``)."""
    return text.str.match(_DECIMAL_COMMA).fillna(False).to_numpy(dtype=bool)


def parse_counts(
    series: pd.Series, text: pd.Series | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Whole non-negative numbers: (values, not a number, has decimals, negative)."""
    values, bad, _ = parse_numbers(series, text)
    finite = np.isfinite(values)
    too_big = finite & (np.abs(values) >= MAX_COUNT)
    bad = bad | too_big
    finite = finite & ~too_big
    fractional = finite & (np.mod(values, 1, where=finite, out=np.zeros_like(values)) != 0)
    negative = finite & ~fractional & (values < 0)
    values = np.where(bad, np.nan, values)
    return values, bad, fractional, negative


def parse_bools(series: pd.Series, text: pd.Series | None = None) -> tuple[np.ndarray, np.ndarray]:
    """true/false/yes/no/sí/no/1/0 (any case): (values, bad cells)."""
    if pd.api.types.is_bool_dtype(series.dtype):
        return series.fillna(False).to_numpy(dtype=bool), np.zeros(len(series), dtype=bool)
    text = (as_text(series) if text is None else text).str.lower()
    is_true = text.isin(TRUE_WORDS).to_numpy(dtype=bool)
    is_false = text.isin(FALSE_WORDS).to_numpy(dtype=bool)
    bad = text.notna().to_numpy(dtype=bool) & ~is_true & ~is_false
    return is_true, bad


def bad_periods(text: pd.Series) -> np.ndarray:
    """Cells that are not YYYY or YYYY-MM (blank cells are not flagged)."""
    ok = text.str.match(_PERIOD).fillna(False).to_numpy(dtype=bool)
    return text.notna().to_numpy(dtype=bool) & ~ok


def parse_dates(series: pd.Series, text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Days as ``YYYY-MM-DD`` (dates a GIS file or Excel typed, and ``2024-03-05 00:00:00``, included).

    Returns (the days as text, cells that are not a real day). 2023-02-30 is bad, never moved to March.
    """
    if pd.api.types.is_datetime64_any_dtype(series.dtype):
        text = series.dt.strftime("%Y-%m-%d").astype("str").mask(series.isna(), None)
    day = text.str.replace(_MIDNIGHT, "", regex=True)
    parsed = pd.to_datetime(day, format="%Y-%m-%d", errors="coerce")
    good = parsed.notna().to_numpy(dtype=bool) & day.str.match(_DAY).fillna(False).to_numpy(dtype=bool)
    bad = text.notna().to_numpy(dtype=bool) & ~good
    return day.where(good, None).astype("str"), bad


def parse_hhmm(text: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Times as zero-padded HH:MM (``8:00`` -> ``08:00``): (values, bad cells)."""
    parts = text.str.extract(_HHMM)
    good = parts[0].notna().to_numpy(dtype=bool)
    out = (parts[0].str.zfill(2) + ":" + parts[1]).astype("str")
    bad = text.notna().to_numpy(dtype=bool) & ~good
    return out.where(good, None), bad


def match_words(text: pd.Series, words: Iterable[str]) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Map cells to the canonical spelling of ``words``, ignoring case and extra spaces.

    Returns (canonical values, cells changed by the normalisation, cells matching no word).
    """
    canon = {normal_word(w): w for w in words}
    codes, uniques = pd.factorize(text)  # each distinct value is normalised once
    lookup = np.array([canon.get(normal_word(u)) for u in uniques] + [None], dtype=object)
    mapped = lookup[codes]  # code -1 (missing) picks the trailing None
    present = codes >= 0
    unknown = present & pd.isna(mapped)
    original = text.to_numpy(dtype=object)
    changed = present & ~unknown & (mapped != original)
    values = np.where(unknown | ~present, original, mapped)
    return pd.Series(values, index=text.index, dtype="str"), changed, unknown


def normal_word(word: str) -> str:
    """Lower case with single spaces: the key for case-insensitive word matching."""
    return " ".join(str(word).lower().split())


def closest(word: str, options: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The option most like ``word`` (difflib), or None when nothing is close."""
    options = list(options)
    lowered = {o.lower(): o for o in options}
    found = difflib.get_close_matches(str(word).lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


def normalise_name(name: str) -> str:
    """``Fecha de Nacimiento`` -> ``fechadenacimiento``: lower case, no accents, letters and digits only."""
    decomposed = unicodedata.normalize("NFKD", str(name))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", plain.lower())


def formulas(text: pd.Series, raw: pd.Series | None = None) -> np.ndarray:
    """Cells that hold a spreadsheet formula or a CSV-injection payload (OWASP's list of first characters).

    ``text`` is the stripped text of the column; ``raw`` the cells as read, to
    catch a leading tab or carriage return that stripping removes. Numbers,
    negative ones included, are not payloads.
    """
    out = np.zeros(len(text), dtype=bool)
    if not text.isna().all():
        starts = text.str.match(FORMULA).fillna(False).to_numpy(dtype=bool)
        harmless = text.str.match(_HARMLESS).fillna(False).to_numpy(dtype=bool)
        out = starts & ~harmless
    if raw is not None and pd.api.types.is_string_dtype(raw.dtype) and not isinstance(raw.dtype, pd.CategoricalDtype):
        control = raw.astype("str").str.match(_CONTROL_START).fillna(False).to_numpy(dtype=bool)
        out |= control & text.notna().to_numpy(dtype=bool)
    return out
