"""Patrol units: read and check a units file (CSV/XLSX), or derive them from police offices.

A units file has one row per patrol unit:

========== ======== ===========================================================
column     required meaning
========== ======== ===========================================================
unit_id    yes      unique code
base_id    yes*     ``office_id`` of the police office it leaves from
lon, lat   yes*     base position in degrees, instead of ``base_id``
name       no       shown on rosters (default: the unit id)
crew       no       officers on patrol (int >= 1, default 3)
shifts     no       shifts it can work: ``morning;afternoon;night`` (Spanish
                    ``mañana;tarde;noche`` too; default all three)
max_shifts no       shifts per week (0..21; default: the rules' cap)
========== ======== ===========================================================

Every problem found is reported at once with file, row and column, through
:class:`geodata.problems.DataError`, the way the dataset loader does.

Default units (:func:`default_units`): a police office's officers are split into
patrol units of ``officers_per_unit`` (default 6: a crew of 3 on patrol and a
second crew that covers rest days and leave), at least one unit per office. This
is a planning assumption, not a police figure; the page shows the table so the
user can edit it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from geodata.dataset import Dataset
from geodata.problems import DataError, Problem, Severity
from geodata.readers import read_csv
from geodata.workbooks import read_xlsx
from planner.patrols.model import N_SLOTS, SHIFTS, Unit

LAYER = "units"
COLUMNS: tuple[str, ...] = ("unit_id", "base_id", "lon", "lat", "name", "crew", "shifts", "max_shifts")
_SHIFT_NAMES: dict[str, str] = {
    "morning": "morning", "manana": "morning", "m": "morning",
    "afternoon": "afternoon", "tarde": "afternoon", "t": "afternoon", "a": "afternoon",
    "night": "night", "noche": "night", "n": "night",
}
_SHIFTS_HINT = "write the shifts separated by ';', e.g. morning;night (or mañana;tarde;noche), or 'all'"


def _plain(text: str) -> str:
    """Lower case without accents or surrounding spaces (for shift names and headers)."""
    folded = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def parse_shifts(text: str) -> tuple[str, ...] | None:
    """``"mañana; noche"`` -> ``("morning", "night")``; ``None`` when a name is unknown."""
    parts = [p for p in _plain(text).replace(",", ";").replace("/", ";").replace(" ", ";").split(";") if p]
    if not parts or parts == ["all"] or parts == ["todos"] or parts == ["todas"]:
        return SHIFTS
    names = [_SHIFT_NAMES.get(p) for p in parts]
    if any(n is None for n in names):
        return None
    return tuple(s for s in SHIFTS if s in names)


def _int_cell(text: str, low: int, high: int) -> int | None:
    try:
        value = float(text)
    except ValueError:
        return None
    if not value.is_integer() or not low <= value <= high:
        return None
    return int(value)


def _float_cell(text: str) -> float | None:
    try:
        value = float(text.replace(",", ".")) if text.count(",") == 1 and "." not in text else float(text)
    except ValueError:
        return None
    return value


def units_from_frame(frame: pd.DataFrame, dataset: Dataset | None, *, file: str = "units",
                     rows: Sequence[int] | None = None) -> list[Unit]:
    """Units from a table of text cells; raises :class:`DataError` listing every bad cell.

    ``rows`` are the row numbers the user sees (spreadsheet rows, header = 1).
    """
    frame = frame.rename(columns={c: _plain(str(c)) for c in frame.columns})
    rows = list(rows) if rows is not None else list(range(2, len(frame) + 2))
    problems: list[Problem] = []

    def bad(row: int | None, column: str | None, message: str, hint: str) -> None:
        problems.append(Problem(file, LAYER, row, column, message, hint))

    if "unit_id" not in frame.columns:
        bad(None, "unit_id", "the column 'unit_id' is missing", "add a column unit_id with one code per unit")
    has_base = "base_id" in frame.columns
    has_point = "lon" in frame.columns and "lat" in frame.columns
    if not has_base and not has_point:
        bad(None, "base_id", "the file says neither where units start (base_id) nor lon/lat",
            "add base_id (an office_id of a police office) or two columns lon and lat")
    if problems:
        raise DataError(problems)
    offices = dataset.get("offices") if dataset is not None else None
    bases = {} if offices is None else {
        str(i): (float(x), float(y))
        for i, x, y in zip(offices["office_id"], offices.geometry.x, offices.geometry.y)
    }
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for row, record in zip(rows, frame.fillna("").astype(str).to_dict("records")):
        cell = {k: str(v).strip() for k, v in record.items()}
        if not any(cell.values()):
            continue
        unit_id = cell.get("unit_id", "")
        if not unit_id:
            bad(row, "unit_id", "the unit has no unit_id", "give every unit a code")
            continue
        if unit_id in seen:
            bad(row, "unit_id", f"unit_id '{unit_id}' is used twice (also row {seen[unit_id]})",
                "give each unit its own code")
            continue
        seen[unit_id] = row
        base_id, point = cell.get("base_id", ""), None
        if cell.get("lon") or cell.get("lat"):
            lon, lat = _float_cell(cell.get("lon", "")), _float_cell(cell.get("lat", ""))
            if lon is None or not -180 <= lon <= 180:
                bad(row, "lon", f"lon '{cell.get('lon', '')}' is not a longitude", "write degrees, e.g. -68.63")
            elif lat is None or not -90 <= lat <= 90:
                bad(row, "lat", f"lat '{cell.get('lat', '')}' is not a latitude", "write degrees, e.g. -19.27")
            else:
                point = (lon, lat)
        elif base_id:
            if base_id not in bases:
                known = ", ".join(sorted(bases)[:6]) or "none: the dataset has no offices layer"
                bad(row, "base_id", f"base_id '{base_id}' is not an office of the dataset",
                    f"use an office_id from the offices layer (e.g. {known}) or give lon and lat")
            else:
                point = bases[base_id]
        else:
            bad(row, "base_id", "the unit has no base", "fill base_id, or lon and lat")
        crew = 3
        if cell.get("crew"):
            value = _int_cell(cell["crew"], 1, 1000)
            if value is None:
                bad(row, "crew", f"crew '{cell['crew']}' is not a whole number >= 1", "write the officers on patrol, e.g. 3")
            else:
                crew = value
        shifts: tuple[str, ...] | None = SHIFTS
        if cell.get("shifts"):
            shifts = parse_shifts(cell["shifts"])
            if shifts is None:
                bad(row, "shifts", f"shifts '{cell['shifts']}' names an unknown shift", _SHIFTS_HINT)
        max_shifts = None
        if cell.get("max_shifts"):
            max_shifts = _int_cell(cell["max_shifts"], 0, N_SLOTS)
            if max_shifts is None:
                bad(row, "max_shifts", f"max_shifts '{cell['max_shifts']}' is not a whole number 0..{N_SLOTS}",
                    "write how many 8-hour shifts a week the unit may work, e.g. 5")
        if point is not None and shifts is not None:
            units.append(Unit(unit_id, cell.get("name") or unit_id, base_id, point[0], point[1], crew, shifts,
                              max_shifts))
    if not units and not problems:
        bad(None, None, "the file lists no units", "add one row per patrol unit")
    if problems:
        raise DataError(problems)
    return units


def read_units(path: str | Path, dataset: Dataset | None) -> list[Unit]:
    """Units from a CSV or XLSX file; :class:`DataError` names file, row and column of each problem."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise DataError([Problem(path.name, LAYER, None, None, f"'{suffix or path.name}' is not a units file type",
                                 "give a .csv or .xlsx file with one row per unit")])
    if not path.exists():
        raise DataError([Problem(path.name, LAYER, None, None, "the file does not exist", f"check the path {path}")])
    reader = read_csv if suffix == ".csv" else read_xlsx
    raw, problems = reader(path, path.name, LAYER)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if raw is None or errors:
        raise DataError(errors or problems)
    return units_from_frame(raw.frame, dataset, file=path.name, rows=[int(r) for r in raw.rows])


def default_units(dataset: Dataset, officers_per_unit: int = 6, crew: int = 3) -> list[Unit]:
    """Patrol units from the police offices: ``staff // officers_per_unit`` per office, at least one."""
    offices = dataset.get("offices")
    police = offices[offices["kind"] == "police"] if offices is not None else None
    if police is None or police.empty:
        raise DataError([Problem(dataset.source or "dataset", "offices", None, "kind",
                                 "the dataset has no police offices to derive patrol units from",
                                 "add police border units to the offices layer (kind = police) or give a units file")])
    units = []
    for office_id, name, staff, x, y in zip(police["office_id"], police["name"], police["staff"],
                                            police.geometry.x, police.geometry.y):
        count = max(1, int(staff) // officers_per_unit)
        for k in range(1, count + 1):
            units.append(Unit(f"{office_id}-{k}", f"{name} · {k}", str(office_id), float(x), float(y), crew))
    return units


def units_frame(units: Sequence[Unit]) -> pd.DataFrame:
    """Units as an editable table in the units-file layout (what the page shows and exports)."""
    return pd.DataFrame({
        "unit_id": [u.unit_id for u in units], "base_id": [u.base_id for u in units],
        "lon": [round(u.lon, 5) for u in units], "lat": [round(u.lat, 5) for u in units],
        "name": [u.name for u in units], "crew": [u.crew for u in units],
        "shifts": [";".join(u.shifts) for u in units],
        "max_shifts": [u.max_shifts if u.max_shifts is not None else "" for u in units],
    })
