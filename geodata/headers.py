"""Find the header row of a spreadsheet, and the sheet of a workbook that holds a layer.

Offices put a title (often merged cells) above the column names, and keep
instructions on the first sheet of a workbook. Reading row 1 as the header then
turns every record into "row N has 5 values but the header has 1 columns", and
reading the first sheet finds no data at all. Both are decided here from the
contract's column names, so a file is either read from the right place (and
the report says so) or refused once, in one clear message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from geodata.cell_parsers import normalise_name
from geodata.contracts import LAYERS
from geodata.geometry_checks import LAT_NAMES, LON_NAMES, WKT_NAMES

#: Rows searched for the header below a title: titles and notes take a few rows, never pages.
MAX_HEADER_SEARCH = 20

#: A row is the header when it names at least this many contract columns (or all of a short layer's).
MIN_HEADER_MATCHES = 2


def header_words(layer: str) -> frozenset[str]:
    """Normalised column names (and Spanish aliases, coordinate names) that a header of ``layer`` may hold."""
    contract = LAYERS.get(layer)
    if contract is None:
        return frozenset()
    words = set()
    for column in contract.columns:
        words.add(normalise_name(column.name))
        words.update(normalise_name(a) for a in column.aliases)
    if contract.geometry != "none":
        words.update(normalise_name(n) for n in (*LAT_NAMES, *LON_NAMES, *WKT_NAMES))
    return frozenset(w for w in words if w)


def header_matches(row: Sequence[object], words: frozenset[str], layer: str | None = None) -> int:
    """How many cells of ``row`` name a column of the layer (prefixed counts like ``nat_VEN`` included)."""
    prefixes = tuple(normalise_name(p) for p, _ in LAYERS[layer].prefixed) if layer in LAYERS else ()
    count = 0
    for cell in row:
        if cell is None:
            continue
        key = normalise_name(str(cell))
        if key in words or (prefixes and key.startswith(prefixes) and len(key) > 3):
            count += 1
    return count


def _non_blank(row: Sequence[object]) -> int:
    return sum(1 for c in row if c is not None and str(c).strip())


@dataclass(frozen=True)
class HeaderChoice:
    """Where the header is (index into the records) and, when it is not the first row, why."""

    index: int | None
    #: ``"moved"``: found below a title; ``"title"``: a title row and no recognisable header; None: first row.
    case: str | None = None
    title: str = ""
    typical: int = 0


def find_header(records: Sequence[Sequence[object]], layer: str) -> HeaderChoice:
    """The header row: the first non-blank one, unless the contract's column names sit lower down."""
    first = next((i for i, rec in enumerate(records) if _non_blank(rec)), None)
    if first is None:
        return HeaderChoice(None)
    words = header_words(layer)
    if not words or header_matches(records[first], words, layer):
        return HeaderChoice(first)
    needed = min(MIN_HEADER_MATCHES, len(LAYERS[layer].required_columns) or 1)
    for i in range(first + 1, min(len(records), first + 1 + MAX_HEADER_SEARCH)):
        if header_matches(records[i], words, layer) >= needed:
            return HeaderChoice(i, "moved", _title(records[first]))
    width = _non_blank(records[first])
    below = [_non_blank(r) for r in records[first + 1 : first + 1 + MAX_HEADER_SEARCH] if _non_blank(r)]
    typical = max(below, default=0)
    if width == 1 and typical > 1:
        return HeaderChoice(None, "title", _title(records[first]), typical)
    return HeaderChoice(first)


def _title(row: Sequence[object]) -> str:
    text = " ".join(str(c).strip() for c in row if c is not None and str(c).strip())
    return text if len(text) <= 60 else text[:59] + "…"
