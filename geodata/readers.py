"""Read one layer file (CSV, GeoPackage, GeoJSON, Shapefile; XLSX in :mod:`geodata.workbooks`) as it is.

Readers do not judge the content; they turn bytes into a frame plus the row
numbers the user sees, and report only what stops reading or changes what was
read (encoding, truncation, ragged rows). Spreadsheet cells arrive as text so
codes like ``010101`` keep their leading zeros; which cells Excel stored as
numbers or dates is remembered for the validator's warnings.

Anything a file can throw at a parser (GDAL, openpyxl, csv) ends as an ERROR
problem here, never as an exception: the caller must always get a report.
"""

from __future__ import annotations

import contextlib
import csv
import io
import warnings
import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyogrio

from geodata.contracts import LAYERS
from geodata.headers import MAX_HEADER_SEARCH, find_header
from geodata.problem_rows import MAX_ROWS_PER_RULE, format_rows
from geodata.problems import Problem, Severity

SourceFormat = Literal["csv", "xlsx", "gpkg", "geojson", "shapefile"]

#: File extensions of a layer file in a dataset folder -> format.
EXTENSIONS: dict[str, SourceFormat] = {
    ".gpkg": "gpkg",
    ".geojson": "geojson",
    ".json": "geojson",
    ".shp.zip": "shapefile",
    ".zip": "shapefile",
    ".shp": "shapefile",
    ".csv": "csv",
    ".xlsx": "xlsx",
}

_SQLITE_MAGIC = b"SQLite format 3\x00"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_SHP_MAGIC = b"\x00\x00\x27\x0a"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and password-protected .xlsx
_CSV_DELIMITERS = (",", ";", "\t", "|")
_LAST_RESORT_HINT = "open the file in the program that made it and export it again"


@dataclass
class RawLayer:
    """A layer as read from its file, before any check.

    ``frame`` has the file's own column names. For ``csv``/``xlsx`` every cell
    is text (or missing). ``rows`` is the user-visible row of each frame row.
    ``numeric_cells`` / ``date_cells`` mark, per column, spreadsheet cells that
    Excel stored as numbers / dates (codes typed as numbers lose leading zeros).
    """

    file: str
    layer: str
    format: SourceFormat
    frame: pd.DataFrame
    rows: np.ndarray
    numeric_cells: dict[str, np.ndarray] = field(default_factory=dict)
    date_cells: dict[str, np.ndarray] = field(default_factory=dict)
    #: The CSV delimiter (``;`` is how Spanish Excel saves): evidence for the decimal mark.
    delimiter: str | None = None

    @property
    def spreadsheet(self) -> bool:
        return self.format in ("csv", "xlsx")


def format_of(name: str) -> SourceFormat | None:
    """The format a file name says it has (``areas.shp.zip`` -> shapefile), or None."""
    lower = name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return EXTENSIONS[ext]
    return None


def layer_stem(name: str) -> str:
    """``Areas.GeoJSON`` -> ``areas``: the layer a file is named after."""
    lower = name.strip().lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):
        if lower.endswith(ext):
            return lower[: -len(ext)].strip()
    return Path(lower).stem.strip()


def sniff(head: bytes) -> str:
    """What the first bytes of a file look like: sqlite, zip, shp, ole, json, text or binary."""
    if head.startswith(_SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(_ZIP_MAGICS):
        return "zip"
    if head.startswith(_SHP_MAGIC):
        return "shp"
    if head.startswith(_OLE_MAGIC):
        return "ole"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"{", b"[")):
        return "json"
    if b"\x00" in head:
        return "binary"
    return "text"


_LOOKS_LIKE = {
    "sqlite": "a GeoPackage/SQLite database",
    "zip": "a zip archive or an Excel workbook",
    "shp": "a Shapefile .shp",
    "ole": "an old Excel .xls file or a password-protected workbook",
    "json": "a JSON/GeoJSON file",
    "binary": "a binary file",
    "text": "a text file (CSV?)",
}

_EXPECTED = {
    "csv": ("text", "json"),
    "xlsx": ("zip",),
    "gpkg": ("sqlite",),
    "geojson": ("json",),
    "shapefile": ("zip", "shp"),
}


def file_problem(file: str, layer: str | None, message: str, hint: str = _LAST_RESORT_HINT,
             severity: Severity = Severity.ERROR, row: int | None = None, column: str | None = None) -> Problem:
    return Problem(file, layer, row, column, message, hint, severity)


def check_file_kind(path: Path, display: str, layer: str | None, fmt: SourceFormat) -> list[Problem]:
    """Empty files and files whose bytes do not match their extension."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return [file_problem(display, layer, f"cannot open the file ({exc.strerror or exc})", "check that the file exists and can be read")]
    if not head:
        return [file_problem(display, layer, "the file is empty (0 bytes)", "export the data again; the upload or copy may have failed")]
    kind = sniff(head)
    if kind not in _EXPECTED[fmt]:
        return [
            file_problem(
                display,
                layer,
                f"the file is named as {fmt.upper()} but its content looks like {_LOOKS_LIKE[kind]}",
                f"save it in the format its extension says, or rename it with the right extension ({', '.join(e for e, f in EXTENSIONS.items() if f == fmt)})",
            )
        ]
    return []


# ---------------------------------------------------------------- CSV


@dataclass(frozen=True)
class Decoded:
    """CSV text and how it was decoded.

    ``fallback`` names the encoding used for the whole file when it is not
    UTF-8; ``bad_lines`` lists the lines of a UTF-8 file that were not UTF-8
    (one Windows-1252 byte pasted in) and were read as Windows-1252 on their own.
    """

    text: str
    fallback: str | None = None
    bad_lines: tuple[int, ...] = ()


def decode_text(data: bytes) -> Decoded:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    A UTF-8 file with a stray Windows-1252 byte stays UTF-8 (decoding it whole as
    Windows-1252 would turn every ``ñ`` into ``Ã±``): only the offending lines are
    read as Windows-1252, and they are named.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        with contextlib.suppress(UnicodeDecodeError):  # a BOM but not UTF-16: try the others
            return Decoded(data.decode("utf-16"))
    with contextlib.suppress(UnicodeDecodeError):  # not UTF-8: Windows-1252 below
        return Decoded(data.decode("utf-8-sig"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    lines = data.split(b"\n")
    texts: list[str] = []
    bad: list[int] = []
    utf8_non_ascii = 0
    for number, line in enumerate(lines, start=1):
        if line.isascii():
            texts.append(line.decode("ascii"))
            continue
        try:
            texts.append(line.decode("utf-8"))
            utf8_non_ascii += 1
        except UnicodeDecodeError:
            bad.append(number)
            texts.append(line.decode("cp1252", errors="replace"))
    if utf8_non_ascii and utf8_non_ascii >= len(bad):
        return Decoded("\n".join(texts), None, tuple(bad))
    return Decoded(data.decode("cp1252", errors="replace"), "Latin-1 (Windows-1252)")


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV (``;`` from Spanish Excel): the candidate that splits most of the first lines alike.

    A title line above the header (one cell, no delimiter) and decimal commas in
    a semicolon file do not decide it: the count that most lines agree on does.
    """
    lines = [line for line in text.splitlines()[: MAX_HEADER_SEARCH + 10] if line.strip()][:10]
    best, best_key = ",", (0, 0)
    for mark in _CSV_DELIMITERS:
        counts = [line.count(mark) for line in lines if line.count(mark)]
        if not counts:
            continue
        count, agreeing = Counter(counts).most_common(1)[0]
        if (agreeing, count) > best_key:
            best, best_key = mark, (agreeing, count)
    return best


def read_csv(path: Path, display: str, layer: str) -> tuple[RawLayer | None, list[Problem]]:
    """A CSV as text cells, with spreadsheet row numbers (header = row 1)."""
    problems = check_file_kind(path, display, layer, "csv")
    if problems:
        return None, problems
    decoded = decode_text(path.read_bytes())
    text = decoded.text
    if decoded.fallback:
        problems.append(
            file_problem(display, layer, f"the file is not UTF-8; it was read as {decoded.fallback}",
                     "save it as 'CSV UTF-8' so accents always read the same", Severity.FIXED)
        )
    if decoded.bad_lines:
        bad = decoded.bad_lines
        problems.append(
            file_problem(display, layer,
                     f"the file is UTF-8 except {len(bad)} line(s) ({format_rows(bad)}) holding a Windows-1252 "
                     "character; those lines were read as Windows-1252",
                     "check the accents on those lines, then save the file as 'CSV UTF-8'", Severity.WARNING,
                     row=bad[0] if len(bad) == 1 else None)
        )
    if "\x00" in text:
        return None, problems + [file_problem(display, layer, "the file contains NUL bytes, so it is not a text CSV")]
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        return None, problems + [
            file_problem(display, layer, f"the CSV cannot be parsed at line {reader.line_num}: {exc}",
                     "check the quotes on that line (a quote opened and never closed), or export the file again",
                     row=len(records) + 1)
        ]
    # One physical line per record (no quoted line breaks): rows and line numbers agree.
    by_line = reader.line_num == len(records)
    raw, problems = spreadsheet_table(display, layer, "csv", records, problems, by_line=by_line)
    if raw is not None:
        raw.delimiter = delimiter
    return raw, problems


def spreadsheet_table(
    display: str,
    layer: str,
    fmt: SourceFormat,
    records: Sequence[Sequence[object]],
    problems: list[Problem],
    *,
    by_line: bool = False,
    numeric: list[list[bool]] | None = None,
    dates: list[list[bool]] | None = None,
    sheet: str = "",
) -> tuple[RawLayer | None, list[Problem]]:
    """A table from rows of cells: find the header row (below a title if need be), then the columns."""
    where = f" of sheet '{sheet}'" if sheet else ""
    choice = find_header(records, layer)
    if choice.index is None and choice.case == "title":
        typical = choice.typical
        required = ", ".join(LAYERS[layer].required_columns) if layer in LAYERS else "the column names"
        return None, problems + [file_problem(
            display, layer,
            f"the first row{where} holds only '{choice.title}', but the rows below have up to {typical} values, and "
            f"no row names the columns of {layer}: the column names must be on the first row",
            f"delete the title row(s) so that the first row names the columns ({required})", row=1)]
    if choice.index is None:
        empty = f"sheet '{sheet}' is empty" if sheet else "the file has no header row and no data"
        return None, problems + [file_problem(display, layer, empty, "the first row must name the columns")]
    index = choice.index
    if choice.case == "moved":
        problems.append(file_problem(
            display, layer,
            f"the column names are on row {index + 1}{where}; the row(s) above it (a title: '{choice.title}') "
            "were skipped", "nothing to do; put the column names on the first row to skip this step",
            Severity.FIXED, row=index + 1))
    header = ["" if c is None else str(c) for c in records[index]]
    while header and not header[-1].strip():  # 'a,b,c,' : a trailing delimiter is no column
        header.pop()
    start = index + 1
    return _table_from_records(display, layer, fmt, header, records[start:], start + 1, problems, by_line=by_line,
                               numeric=None if numeric is None else numeric[start:],
                               dates=None if dates is None else dates[start:])


def _ragged_problems(display: str, layer: str, fmt: SourceFormat, width: int, ragged: list[tuple[int, int]],
                     by_line: bool) -> list[Problem]:
    """Rows whose number of values differs from the header: one problem each up to the cap, then one summary."""
    if fmt == "xlsx":
        message = "row {row} has values beyond the last named column (the header names {width})"
        hint = "name that column in the header row, or delete the stray values"
    else:
        message = ("line {row}" if by_line else "row {row}") + " has {count} values but the header has {width} columns"
        hint = ("a value may contain the delimiter without quotes, or the file was cut short; "
                "fix that line (quote values containing the delimiter)")
    out = [file_problem(display, layer, message.format(row=row, count=count, width=width), hint, row=row)
           for row, count in ragged[:MAX_ROWS_PER_RULE]]
    rest = [row for row, _ in ragged[MAX_ROWS_PER_RULE:]]
    if rest:
        out.append(file_problem(display, layer, f"{len(rest)} more row(s) with the same problem: rows {format_rows(rest)}", hint))
    return out


def blank_record(cells: Sequence[object]) -> bool:
    return not any(c is not None and str(c).strip() for c in cells)


def _table_from_records(
    display: str,
    layer: str,
    fmt: SourceFormat,
    header: list[str],
    records: Sequence[Sequence[object]],
    first_row: int,
    problems: list[Problem],
    by_line: bool = False,
    numeric: list[list[bool]] | None = None,
    dates: list[list[bool]] | None = None,
) -> tuple[RawLayer | None, list[Problem]]:
    """Columns from header + records (row ``first_row`` onwards): drop blank rows, name ragged rows, refuse duplicate names."""
    width = len(header)
    keep_rows: list[int] = []
    kept: list[Sequence[object]] = []
    kept_numeric: list[list[bool]] = []
    kept_dates: list[list[bool]] = []
    ragged: list[tuple[int, int]] = []
    for i, record in enumerate(records):
        row = first_row + i
        if len(record) != width:
            if blank_record(record):
                continue
            if len(record) > width and blank_record(record[width:]):
                record = record[:width]
            elif len(record) < width and fmt == "xlsx":
                record = list(record) + [None] * (width - len(record))
            else:
                ragged.append((row, len(record)))
                continue
        keep_rows.append(row)
        kept.append(record)
        if numeric is not None:
            kept_numeric.append((list(numeric[i][:width]) + [False] * width)[:width])
        if dates is not None:
            kept_dates.append((list(dates[i][:width]) + [False] * width)[:width])
    problems.extend(_ragged_problems(display, layer, fmt, width, ragged, by_line))

    cells = list(zip(*kept)) if kept else [()] * width
    flags_numeric = list(zip(*kept_numeric)) if kept_numeric else [()] * width
    flags_dates = list(zip(*kept_dates)) if kept_dates else [()] * width
    columns: dict[str, pd.Series] = {}
    numeric_cells: dict[str, np.ndarray] = {}
    date_cells: dict[str, np.ndarray] = {}
    seen: dict[str, int] = {}
    for j, name in enumerate(header):
        values = pd.Series(cells[j], dtype="str")
        if not name.strip():
            if not blank_record(list(cells[j])):
                problems.append(file_problem(display, layer, f"column {j + 1} has values but no name; it was ignored",
                                         "give the column a name in the header row, or delete it", Severity.WARNING))
            continue
        key = name.strip().lower()
        if key in seen:
            problems.append(file_problem(display, layer,
                                     f"two columns are named '{name}' (columns {seen[key] + 1} and {j + 1}); the second was ignored",
                                     "rename or delete one of them", column=name))
            continue
        seen[key] = j
        columns[name] = values
        if numeric is not None:
            numeric_cells[name] = np.array(flags_numeric[j], dtype=bool)
        if dates is not None:
            date_cells[name] = np.array(flags_dates[j], dtype=bool)
    frame = pd.DataFrame(columns) if columns else pd.DataFrame(index=range(len(kept)))
    rows = np.asarray(keep_rows, dtype=np.int64)
    if columns and len(frame):
        blank_rows = np.logical_and.reduce(
            [(s.isna() | s.str.strip().eq("")).to_numpy(dtype=bool) for s in columns.values()])
        if blank_rows.any():  # rows with values only in unnamed columns, or only spaces
            frame = frame[~blank_rows].reset_index(drop=True)
            rows = rows[~blank_rows]
            numeric_cells = {k: v[~blank_rows] for k, v in numeric_cells.items()}
            date_cells = {k: v[~blank_rows] for k, v in date_cells.items()}
    return RawLayer(display, layer, fmt, frame, rows, numeric_cells, date_cells), problems


# ---------------------------------------------------------------- GIS files


def list_gis_layers(path: Path, display: str, layer: str | None, fmt: SourceFormat) -> tuple[list[str] | None, list[Problem]]:
    """Layer names inside a GIS file (a GeoPackage can hold several), or the problem opening it."""
    problems = check_file_kind(path, display, layer, fmt)
    if problems:
        return None, problems
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            listed = pyogrio.list_layers(path)
    except Exception as exc:  # GDAL errors on damaged files vary
        return None, [file_problem(display, layer, f"cannot open the file as {_FORMAT_NAMES[fmt]} ({_short(exc)})", _damaged_hint(fmt))]
    return [str(name) for name in listed[:, 0]] if len(listed) else [], []


_FORMAT_NAMES = {"gpkg": "a GeoPackage", "geojson": "GeoJSON", "shapefile": "a Shapefile", "csv": "CSV", "xlsx": "Excel"}


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


def _damaged_hint(fmt: SourceFormat) -> str:
    if fmt == "shapefile":
        return "a Shapefile needs its .shp, .shx, .dbf and .prj files together; zip them together and try again"
    return "the file may be truncated or not what its name says; export it again"


def read_gis(
    path: Path,
    display: str,
    layer: str,
    fmt: SourceFormat,
    source_layer: str | None = None,
    geometry: bool = True,
) -> tuple[RawLayer | None, list[Problem]]:
    """One layer of a GIS file as a (Geo)DataFrame with the file's own column types.

    ``source_layer`` names the layer inside the file; when None, the file's only
    layer or the one named after ``layer`` is read.
    """
    problems: list[Problem] = []
    target: Path | str = path  # what GDAL opens (a /vsizip/ path for zipped Shapefiles)
    if source_layer is None and (fmt == "geojson" or path.suffix.lower() == ".shp"):
        # One layer per file: skip listing, which would parse a GeoJSON twice.
        problems = check_file_kind(path, display, layer, fmt)
        if problems:
            return None, problems
    elif source_layer is None and path.suffix.lower() == ".zip":
        inner, problems = _shapefile_in_zip(path, display, layer)
        if inner is None:
            return None, problems
        target = inner
    elif source_layer is None:
        names, problems = list_gis_layers(path, display, layer, fmt)
        if names is None:
            return None, problems
        if not names:
            return None, [file_problem(display, layer, "the file holds no layer", _damaged_hint(fmt))]
        matching = [n for n in names if n.strip().lower() == layer]
        if matching:
            source_layer = matching[0]
        elif len(names) == 1:
            source_layer = names[0]
        else:
            return None, [file_problem(display, layer, f"the file holds {len(names)} layers ({', '.join(names)}) and none is named '{layer}'",
                                   f"rename the layer to '{layer}' or keep one layer per file")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Arrow reads attribute tables about 3x faster; geometry layers read as fast without it.
            frame = pyogrio.read_dataframe(target, layer=source_layer, read_geometry=geometry, use_arrow=not geometry)
    except Exception as exc:  # GDAL errors on damaged files vary
        what = f"layer '{source_layer}'" if source_layer else f"the file as {_FORMAT_NAMES[fmt]}"
        return None, problems + [file_problem(display, layer, f"cannot read {what} ({_short(exc)})", _damaged_hint(fmt))]
    frame = frame.reset_index(drop=True)
    return RawLayer(display, layer, fmt, frame, np.arange(1, len(frame) + 1, dtype=np.int64)), problems


def _shapefile_in_zip(path: Path, display: str, layer: str) -> tuple[str | None, list[Problem]]:
    """The GDAL path of the one Shapefile in a zip, wherever it sits inside (folders allowed)."""
    problems = check_file_kind(path, display, layer, "shapefile")
    if problems:
        return None, problems
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.startswith("__MACOSX/")]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return None, [file_problem(display, layer, f"the zip file is damaged or truncated ({exc})", _damaged_hint("shapefile"))]
    shapes = [n for n in names if n.lower().endswith(".shp")]
    if not shapes:
        inside = ", ".join(names[:5]) or "nothing"
        return None, [file_problem(display, layer, f"the zip holds no Shapefile (.shp); it holds {inside}",
                               "zip the .shp with its .shx, .dbf and .prj files, or give the layer as .geojson/.gpkg/.csv")]
    named = [n for n in shapes if Path(n).stem.strip().lower() == layer]
    if len(shapes) > 1 and not named:
        return None, [file_problem(display, layer, f"the zip holds {len(shapes)} Shapefiles ({', '.join(shapes[:5])}) and none is named '{layer}'",
                               f"keep one Shapefile per zip, or name it {layer}.shp")]
    return f"/vsizip/{path}/{(named or shapes)[0]}", []


def read_about_table(path: Path, display: str, source_layer: str) -> tuple[dict[str, str], list[Problem]]:
    """The ``about`` key/value table of a dataset (a GeoPackage layer or about.csv)."""
    if source_layer == "":  # about.csv in a folder
        raw, problems = read_csv(path, display, "about")
    else:
        raw, problems = read_gis(path, display, "about", "gpkg", source_layer=source_layer, geometry=False)
    if raw is None:
        return {}, [
            Problem(p.file, p.layer, p.row, p.column, p.message, p.hint, Severity.WARNING) for p in problems
        ]
    cols = {str(c).strip().lower(): c for c in raw.frame.columns}
    if "key" not in cols or "value" not in cols:
        return {}, problems + [file_problem(display, "about", "the about table needs the columns 'key' and 'value'; it was ignored",
                                        "give it two columns, key and value", Severity.WARNING)]
    about = {}
    for key, value in zip(raw.frame[cols["key"]], raw.frame[cols["value"]]):
        if key is None or (isinstance(key, float) and key != key):
            continue
        about[str(key).strip()] = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return about, problems
