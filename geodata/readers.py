"""Read one layer file (CSV, XLSX, GeoPackage, GeoJSON, Shapefile) as it is.

Readers do not judge the content; they turn bytes into a frame plus the row
numbers the user sees, and report only what stops reading or changes what was
read (encoding, truncation, ragged rows). Spreadsheet cells arrive as text so
codes like ``010101`` keep their leading zeros; which cells Excel stored as
numbers or dates is remembered for the validator's warnings.

Anything a file can throw at a parser (GDAL, openpyxl, csv) ends as an ERROR
problem here, never as an exception: the caller must always get a report.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import pyogrio

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


def _problem(file: str, layer: str | None, message: str, hint: str = _LAST_RESORT_HINT,
             severity: Severity = Severity.ERROR, row: int | None = None, column: str | None = None) -> Problem:
    return Problem(file, layer, row, column, message, hint, severity)


def check_file_kind(path: Path, display: str, layer: str | None, fmt: SourceFormat) -> list[Problem]:
    """Empty files and files whose bytes do not match their extension."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        return [_problem(display, layer, f"cannot open the file ({exc.strerror or exc})", "check that the file exists and can be read")]
    if not head:
        return [_problem(display, layer, "the file is empty (0 bytes)", "export the data again; the upload or copy may have failed")]
    kind = sniff(head)
    if kind not in _EXPECTED[fmt]:
        return [
            _problem(
                display,
                layer,
                f"the file is named as {fmt.upper()} but its content looks like {_LOOKS_LIKE[kind]}",
                f"save it in the format its extension says, or rename it with the right extension ({', '.join(e for e, f in EXTENSIONS.items() if f == fmt)})",
            )
        ]
    return []


# ---------------------------------------------------------------- CSV


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1.

    Returns the text and the name of the fallback encoding used (None for UTF-8).
    """
    candidates: list[tuple[str, str | None]] = [("utf-16", None)] if data.startswith((b"\xff\xfe", b"\xfe\xff")) else []
    candidates += [("utf-8-sig", None), ("cp1252", "Latin-1 (Windows-1252)")]
    for encoding, fallback_name in candidates:
        try:
            return data.decode(encoding), fallback_name
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"  # decodes any bytes


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV: the candidate seen most in the header line (``;`` from Spanish Excel)."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {d: first.count(d) for d in _CSV_DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(path: Path, display: str, layer: str) -> tuple[RawLayer | None, list[Problem]]:
    """A CSV as text cells, with spreadsheet row numbers (header = row 1)."""
    problems = check_file_kind(path, display, layer, "csv")
    if problems:
        return None, problems
    data = path.read_bytes()
    text, fallback = decode_text(data)
    if fallback:
        problems.append(
            _problem(display, layer, f"the file is not UTF-8; it was read as {fallback}",
                     "save it as 'CSV UTF-8' so accents always read the same", Severity.FIXED)
        )
    if "\x00" in text:
        return None, problems + [_problem(display, layer, "the file contains NUL bytes, so it is not a text CSV")]
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        return None, problems + [
            _problem(display, layer, f"the CSV cannot be parsed at line {reader.line_num}: {exc}",
                     "check the quotes on that line (a quote opened and never closed), or export the file again",
                     row=len(records) + 1)
        ]
    header_at = next((i for i, rec in enumerate(records) if any(c.strip() for c in rec)), None)
    if header_at is None:
        return None, problems + [_problem(display, layer, "the file has no header row and no data",
                                          "the first row must name the columns")]
    # One physical line per record (no quoted line breaks): rows and line numbers agree.
    by_line = reader.line_num == len(records)
    return _table_from_records(display, layer, "csv", list(records[header_at]), records[header_at + 1 :],
                               header_at + 2, problems, by_line=by_line)


def _blank(cells: Sequence[object]) -> bool:
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
    for i, record in enumerate(records):
        row = first_row + i
        if len(record) != width:
            if _blank(record):
                continue
            if len(record) > width and _blank(record[width:]):
                record = record[:width]
            elif len(record) < width and fmt == "xlsx":
                record = list(record) + [None] * (width - len(record))
            else:
                where = f"line {row}" if by_line else f"row {row}"
                problems.append(
                    _problem(display, layer,
                             f"{where} has {len(record)} values but the header has {width} columns",
                             "a value may contain the delimiter without quotes, or the file was cut short; "
                             "fix that line (quote values containing commas)",
                             row=row)
                )
                continue
        keep_rows.append(row)
        kept.append(record)
        if numeric is not None:
            kept_numeric.append((list(numeric[i][:width]) + [False] * width)[:width])
        if dates is not None:
            kept_dates.append((list(dates[i][:width]) + [False] * width)[:width])

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
            if not _blank(list(cells[j])):
                problems.append(_problem(display, layer, f"column {j + 1} has values but no name; it was ignored",
                                         "give the column a name in the header row, or delete it", Severity.WARNING))
            continue
        key = name.strip().lower()
        if key in seen:
            problems.append(_problem(display, layer,
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


# ---------------------------------------------------------------- XLSX


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


def read_xlsx(path: Path, display: str, layer: str) -> tuple[RawLayer | None, list[Problem]]:
    """The sheet named after the layer (else the first one) as text cells, sheet row numbers kept."""
    problems = check_file_kind(path, display, layer, "xlsx")
    if problems:
        return None, problems
    import openpyxl  # imported here: only spreadsheet uploads need it

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # any corrupt workbook must become a report
        return None, [_problem(display, layer, f"cannot open the file as an Excel .xlsx workbook ({type(exc).__name__}: {exc})",
                               "the file may be damaged, password-protected or an old .xls; save it again as .xlsx or CSV")]
    try:
        sheets = book.worksheets
        if not sheets:
            return None, [_problem(display, layer, "the workbook has no sheets")]
        named = [s for s in sheets if s.title.strip().lower() == layer]
        sheet = named[0] if named else sheets[0]
        if not named and len(sheets) > 1:
            problems.append(_problem(display, layer, f"the workbook has {len(sheets)} sheets; only the first, '{sheet.title}', was read",
                                     f"name the sheet '{layer}' or keep one sheet per file", Severity.WARNING))
        cells: list[list[str | None]] = []
        numeric: list[list[bool]] = []
        dates: list[list[bool]] = []
        for raw_row in sheet.iter_rows(min_row=1, values_only=True):
            converted = [_cell_text(v) for v in raw_row]
            cells.append([c[0] for c in converted])
            numeric.append([c[1] for c in converted])
            dates.append([c[2] for c in converted])
    except Exception as exc:  # openpyxl raises many types on damaged sheets
        return None, problems + [_problem(display, layer, f"the workbook is damaged and cannot be read ({type(exc).__name__}: {exc})",
                                          "save it again as .xlsx or CSV")]
    finally:
        book.close()
    header_at = next((i for i, rec in enumerate(cells) if any(c is not None and str(c).strip() for c in rec)), None)
    if header_at is None:
        return None, problems + [_problem(display, layer, f"sheet '{sheet.title}' is empty", "the first row must name the columns")]
    header = ["" if c is None else str(c) for c in cells[header_at]]
    while header and not header[-1].strip():
        header.pop()
    start = header_at + 1
    return _table_from_records(display, layer, "xlsx", header, cells[start:], start + 1, problems,
                               numeric=numeric[start:], dates=dates[start:])


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
        return None, [_problem(display, layer, f"cannot open the file as {_FORMAT_NAMES[fmt]} ({_short(exc)})", _damaged_hint(fmt))]
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
            return None, [_problem(display, layer, "the file holds no layer", _damaged_hint(fmt))]
        matching = [n for n in names if n.strip().lower() == layer]
        if matching:
            source_layer = matching[0]
        elif len(names) == 1:
            source_layer = names[0]
        else:
            return None, [_problem(display, layer, f"the file holds {len(names)} layers ({', '.join(names)}) and none is named '{layer}'",
                                   f"rename the layer to '{layer}' or keep one layer per file")]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # Arrow reads attribute tables about 3x faster; geometry layers read as fast without it.
            frame = pyogrio.read_dataframe(target, layer=source_layer, read_geometry=geometry, use_arrow=not geometry)
    except Exception as exc:  # GDAL errors on damaged files vary
        what = f"layer '{source_layer}'" if source_layer else f"the file as {_FORMAT_NAMES[fmt]}"
        return None, problems + [_problem(display, layer, f"cannot read {what} ({_short(exc)})", _damaged_hint(fmt))]
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
        return None, [_problem(display, layer, f"the zip file is damaged or truncated ({exc})", _damaged_hint("shapefile"))]
    shapes = [n for n in names if n.lower().endswith(".shp")]
    if not shapes:
        inside = ", ".join(names[:5]) or "nothing"
        return None, [_problem(display, layer, f"the zip holds no Shapefile (.shp); it holds {inside}",
                               "zip the .shp with its .shx, .dbf and .prj files, or give the layer as .geojson/.gpkg/.csv")]
    named = [n for n in shapes if Path(n).stem.strip().lower() == layer]
    if len(shapes) > 1 and not named:
        return None, [_problem(display, layer, f"the zip holds {len(shapes)} Shapefiles ({', '.join(shapes[:5])}) and none is named '{layer}'",
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
        return {}, problems + [_problem(display, "about", "the about table needs the columns 'key' and 'value'; it was ignored",
                                        "give it two columns, key and value", Severity.WARNING)]
    about = {}
    for key, value in zip(raw.frame[cols["key"]], raw.frame[cols["value"]]):
        if key is None or (isinstance(key, float) and key != key):
            continue
        about[str(key).strip()] = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    return about, problems
