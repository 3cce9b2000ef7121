"""Where a new office or checkpoint could go: towns from GeoNames, or the planner's own file.

Candidates file (CSV or XLSX), one row per place (Spanish headers in brackets):

=================  ========  ===========================================
column             required  meaning
=================  ========  ===========================================
``name`` (nombre)  yes       the place's name
``lon`` (longitud) yes       longitude in degrees (e.g. -66.15)
``lat`` (latitud)  yes       latitude in degrees (e.g. -17.39)
``candidate_id``   no        a code (default ``C<row>``)
=================  ========  ===========================================

Every bad cell is reported with file, row and column, and nothing is used until the
whole file is right.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from geodata.problems import DataError, Problem, Severity
from geodata.readers import read_csv
from geodata.workbooks import read_xlsx

LAYER = "candidates"

#: A GeoNames town closer than this to an existing office is not offered as a new one.
MIN_KM_FROM_OFFICE = 15.0

#: How far outside the dataset's areas (degrees) a candidate may lie: a border post stands at the edge.
BBOX_MARGIN_DEG = 0.5

_ALIASES = {
    "candidate_id": ("candidate_id", "id", "codigo", "código", "id_candidato"),
    "name": ("name", "nombre", "lugar", "place"),
    "lon": ("lon", "longitude", "longitud", "x"),
    "lat": ("lat", "latitude", "latitud", "y"),
}


@dataclass(frozen=True)
class Candidate:
    """A place where a new office or checkpoint could open."""

    candidate_id: str
    name: str
    lon: float
    lat: float


def geonames_candidates(offices_lonlat: np.ndarray, bbox: tuple[float, float, float, float] | None = None,
                        min_km: float = MIN_KM_FROM_OFFICE) -> list[Candidate]:
    """Bolivian towns of GeoNames (shipped in the package) not within ``min_km`` of an office.

    ``bbox`` (minx, miny, maxx, maxy) keeps only towns inside the dataset's extent.
    """
    from geodata.demo.places import bolivian_places
    from geodata.travel import haversine_km

    places = bolivian_places()
    lon, lat = places.geometry.x.to_numpy(), places.geometry.y.to_numpy()
    keep = np.ones(len(places), dtype=bool)
    if bbox is not None:
        keep &= (lon >= bbox[0]) & (lon <= bbox[2]) & (lat >= bbox[1]) & (lat <= bbox[3])
    offices = np.asarray(offices_lonlat, dtype=float).reshape(-1, 2)
    for o_lon, o_lat in offices:
        keep &= haversine_km(lon, lat, np.full_like(lon, o_lon), np.full_like(lat, o_lat)) >= min_km
    return [Candidate(f"GN{int(g)}", str(n), float(x), float(y))
            for g, n, x, y, k in zip(places["geonameid"], places["name"], lon, lat, keep) if k]


def read_candidates(path: str | Path, bbox: tuple[float, float, float, float] | None = None) -> list[Candidate]:
    """Candidates from a CSV or XLSX file; ``DataError`` naming file, row and column of every problem."""
    path = Path(path)
    display, suffix = path.name, path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DataError([Problem(display, LAYER, None, None, f"candidates files must be .csv or .xlsx, not '{suffix}'",
                                 "save the table as CSV UTF-8 or Excel .xlsx")])
    if not path.exists():
        raise DataError([Problem(display, LAYER, None, None, "the file does not exist", f"check the path {path}")])
    raw, problems = (read_csv if suffix == ".csv" else read_xlsx)(path, display, LAYER)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if raw is None or errors:
        raise DataError(errors or problems)
    return candidates_from_frame(raw.frame, display, [int(r) for r in raw.rows], bbox)


def _columns(frame: pd.DataFrame) -> dict[str, str]:
    lower = {str(c).strip().lower(): str(c) for c in frame.columns}
    return {key: lower[a] for key, names in _ALIASES.items() for a in names if a in lower}


def _number(value: object) -> float | None:
    text = "" if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
    try:
        number = float(text.replace(",", ".")) if text else math.nan
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def candidates_from_frame(frame: pd.DataFrame, display: str = LAYER, rows: list[int] | None = None,
                          bbox: tuple[float, float, float, float] | None = None) -> list[Candidate]:
    """Candidates from a table of cells (a file or the page's editor); rows default to 2, 3, ..."""
    rows = rows if rows is not None else [i + 2 for i in range(len(frame))]
    columns = _columns(frame)
    problems: list[Problem] = []

    def bad(row: int | None, column: str | None, message: str, hint: str) -> None:
        problems.append(Problem(display, LAYER, row, column, message, hint))

    for key in ("name", "lon", "lat"):
        if key not in columns:
            bad(None, key, f"the candidates table has no '{key}' column",
                "give columns name, lon and lat (longitude and latitude in degrees)")
    if problems:
        raise DataError(problems)
    out: list[Candidate] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        record = frame.iloc[i]
        name = str(record[columns["name"]]).strip() if pd.notna(record[columns["name"]]) else ""
        if not name:
            bad(row, columns["name"], "the place has no name", "give every candidate a name")
        point: list[float] = []
        for key, limit in (("lon", 180.0), ("lat", 90.0)):
            value = _number(record[columns[key]])
            if value is None or abs(value) > limit:
                bad(row, columns[key], f"'{record[columns[key]]}' is not a {key} in degrees",
                    f"write a number between -{limit:g} and {limit:g}, e.g. -66.15 / -17.39")
            else:
                point.append(value)
        if len(point) == 2 and bbox is not None and not (
                bbox[0] - BBOX_MARGIN_DEG <= point[0] <= bbox[2] + BBOX_MARGIN_DEG
                and bbox[1] - BBOX_MARGIN_DEG <= point[1] <= bbox[3] + BBOX_MARGIN_DEG):
            bad(row, columns["lon"], f"({point[0]:g}, {point[1]:g}) lies outside the dataset's areas",
                "check the coordinates (longitude first, then latitude; minus signs south and west)")
            point = []
        code_cell = record[columns["candidate_id"]] if "candidate_id" in columns else None
        code = str(code_cell).strip() if code_cell is not None and pd.notna(code_cell) and str(code_cell).strip() \
            else f"C{row}"
        if code in seen:
            bad(row, columns.get("candidate_id", "candidate_id"), f"candidate '{code}' is also on row {seen[code]}",
                "give each candidate its own code")
        seen[code] = row
        if name and len(point) == 2:
            out.append(Candidate(code, name, point[0], point[1]))
    if problems:
        raise DataError(problems)
    if not out:
        raise DataError([Problem(display, LAYER, None, None, "the candidates table has no rows",
                                 "add one row per place (name, lon, lat)")])
    return out
