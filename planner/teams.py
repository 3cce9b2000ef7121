"""Inspection teams: what a team is, read from a CSV/XLSX file or derived from the labour offices.

:mod:`planner.problem` builds on this module (a problem has teams); this module
knows nothing of problems, so the two never import each other.

Teams file, one row per team (header names without case; Spanish names in brackets):

======================  ========  =================================================================
column                  required  meaning
======================  ========  =================================================================
``team_id`` (equipo)    yes       unique code
``office_id`` (oficina) yes*      office the team starts from (*or give ``lon`` and ``lat``)
``name`` (nombre)       no        display name (default: the code)
``lon``, ``lat``        no        start point in degrees, when not at an office of the dataset
``members`` (miembros)  no        inspectors in the team (default 2)
``day_start``/``day_end``  no     working hours HH:MM (default 08:00-18:00)
``max_drive_minutes``   no        driving limit per day (default 360)
``skills`` (habilidades) no       words separated by ``;`` e.g. ``child labour; quechua``
``available_dates``     no        blank = every working day; else ``YYYY-MM-DD`` dates or
                                  ``YYYY-MM-DD..YYYY-MM-DD`` ranges separated by ``;``
======================  ========  =================================================================
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geodata.dataset import Dataset
from geodata.problems import DataError, Problem, Severity
from geodata.readers import read_csv
from geodata.workbooks import read_xlsx

#: Default working day and driving limit of a team (minutes after midnight / minutes).
DAY_START = 8 * 60
DAY_END = 18 * 60
MAX_DRIVE_MINUTES = 6 * 60


@dataclass(frozen=True)
class Team:
    """An inspection team: where it starts each trip, when it works, what it can do.

    ``dates`` empty means "every working day of the horizon". ``skills`` are free words
    matched to a site's ``required_skill`` without case (e.g. ``child labour``, ``quechua``).
    """

    team_id: str
    office_id: str
    name: str
    lon: float
    lat: float
    dates: tuple[date, ...] = ()
    day_start: int = DAY_START
    day_end: int = DAY_END
    max_drive_minutes: int = MAX_DRIVE_MINUTES
    skills: frozenset[str] = frozenset()
    members: int = 2

    def available(self, day: date) -> bool:
        return not self.dates or day in self.dates

    def can_do(self, skill: str | None) -> bool:
        return skill is None or skill in self.skills


def normal_skill(text: str) -> str:
    """Skills compare without case or extra spaces: ``Child  Labour`` == ``child labour``."""
    return " ".join(text.lower().split())


#: Default teams: this share of an office's staff does field inspections, in teams of TEAM_SIZE.
FIELD_SHARE = 0.5
TEAM_SIZE = 2

DEFAULT_TEAMS_RULE = (
    f"One team of {TEAM_SIZE} inspectors for every {int(TEAM_SIZE / FIELD_SHARE)} staff of each labour "
    f"office (half the staff in the field, the rest on complaints and desk work), at least one team per "
    f"office with staff; {DAY_START // 60:02d}:00-{DAY_END // 60:02d}:00, at most {MAX_DRIVE_MINUTES // 60} h "
    "of driving a day, no special skills, every working day."
)

_ALIASES = {
    "team_id": ("team_id", "team", "equipo", "id_equipo", "codigo_equipo"),
    "office_id": ("office_id", "office", "oficina", "id_oficina", "codigo_oficina"),
    "name": ("name", "nombre"),
    "lon": ("lon", "longitude", "longitud", "x"),
    "lat": ("lat", "latitude", "latitud", "y"),
    "members": ("members", "miembros", "inspectores", "inspectors"),
    "day_start": ("day_start", "hora_inicio", "inicio"),
    "day_end": ("day_end", "hora_fin", "fin"),
    "max_drive_minutes": ("max_drive_minutes", "max_conduccion_minutos", "minutos_conduccion"),
    "skills": ("skills", "habilidades", "competencias"),
    "available_dates": ("available_dates", "fechas", "fechas_disponibles", "dates"),
}
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)(:00)?$")


def default_teams(dataset: Dataset) -> list[Team]:
    """Teams from the ``offices`` layer (kind ``labour``), following :data:`DEFAULT_TEAMS_RULE`."""
    offices = dataset.get("offices")
    if offices is None or len(offices) == 0:
        return []
    labour = gpd.GeoDataFrame(offices[offices["kind"].astype(str) == "labour"]).to_crs(4326)
    teams: list[Team] = []
    for _, row in labour.iterrows():
        staff = int(row["staff"]) if pd.notna(row["staff"]) else 0
        if staff <= 0:
            continue
        count = max(1, round(staff * FIELD_SHARE / TEAM_SIZE))
        for k in range(1, count + 1):
            office = str(row["office_id"])
            teams.append(Team(
                team_id=f"{office}-T{k}", office_id=office, name=f"{row['name']} — {k}",
                lon=float(row.geometry.x), lat=float(row.geometry.y), members=TEAM_SIZE,
            ))
    return teams


def teams_frame(teams: list[Team]) -> pd.DataFrame:
    """Teams as the editable table the page shows (and :func:`read_teams` reads back)."""
    return pd.DataFrame([{
        "team_id": t.team_id, "office_id": t.office_id, "name": t.name, "lon": t.lon, "lat": t.lat,
        "members": t.members, "day_start": _hhmm(t.day_start), "day_end": _hhmm(t.day_end),
        "max_drive_minutes": t.max_drive_minutes, "skills": "; ".join(sorted(t.skills)),
        "available_dates": "; ".join(d.isoformat() for d in t.dates),
    } for t in teams])


def read_teams(path: str | Path, dataset: Dataset | None = None) -> list[Team]:
    """Teams from a CSV or XLSX file; raises ``DataError`` naming file, row and column of every problem."""
    path = Path(path)
    display = path.name
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw, problems = read_csv(path, display, "teams")
    elif suffix == ".xlsx":
        raw, problems = read_xlsx(path, display, "teams")
    else:
        raise DataError([Problem(display, "teams", None, None, f"teams files must be .csv or .xlsx, not '{suffix}'",
                                 "save the table as CSV UTF-8 or Excel .xlsx")])
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if raw is None or errors:
        raise DataError(problems)
    return teams_from_frame(raw.frame, display, list(raw.rows), dataset)


def teams_from_frame(frame: pd.DataFrame, display: str = "teams", rows: list[int] | None = None,
                     dataset: Dataset | None = None) -> list[Team]:
    """Teams from a table of text cells (a file or the page's editor)."""
    rows = rows if rows is not None else [i + 2 for i in range(len(frame))]
    columns = _match_columns(frame)
    problems: list[Problem] = []

    def bad(row: int | None, column: str | None, message: str, hint: str) -> None:
        problems.append(Problem(display, "teams", row, column, message, hint))

    if "team_id" not in columns:
        bad(None, "team_id", "the teams table has no 'team_id' column", "add a column team_id with one code per team")
    if "office_id" not in columns and not {"lon", "lat"} <= set(columns):
        bad(None, "office_id", "the teams table has neither 'office_id' nor 'lon'/'lat' columns",
            "add office_id (an office of the dataset) or lon and lat for each team's start")
    if problems:
        raise DataError(problems)
    offices = _office_points(dataset)
    teams: list[Team] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        def cell(key: str, i: int = i) -> str | None:
            if key not in columns:
                return None
            value = frame.iloc[i][columns[key]]
            text = None if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
            return text or None

        def col(key: str) -> str:
            return columns.get(key, key)

        team_id = cell("team_id")
        if team_id is None:
            bad(row, col("team_id"), "the team has no code", "give every team a team_id")
            continue
        if team_id in seen:
            bad(row, col("team_id"), f"team '{team_id}' is also on row {seen[team_id]}", "give each team its own code")
        seen[team_id] = row
        office_id = cell("office_id") or ""
        lon_text, lat_text = cell("lon"), cell("lat")
        if lon_text is not None and lat_text is not None:
            try:
                lon, lat = float(lon_text.replace(",", ".")), float(lat_text.replace(",", "."))
            except ValueError:
                bad(row, col("lon"), f"lon/lat '{lon_text}', '{lat_text}' are not numbers", "write decimal degrees, e.g. -63.18")
                continue
            if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                bad(row, col("lon"), f"lon/lat {lon}, {lat} are outside the globe", "check that lon and lat are not swapped")
                continue
        elif office_id and offices is not None and office_id in offices:
            lon, lat = offices[office_id]
        elif office_id and offices is not None:
            bad(row, col("office_id"), f"office '{office_id}' is not in the dataset's offices",
                f"use one of: {', '.join(sorted(offices)[:12])}")
            continue
        else:
            bad(row, col("office_id"), "the team has no start point",
                "give an office_id of the dataset, or lon and lat")
            continue
        members = _int(cell("members"), 2, row, col("members"), bad, minimum=1)
        start = _time(cell("day_start"), DAY_START, row, col("day_start"), bad)
        end = _time(cell("day_end"), DAY_END, row, col("day_end"), bad)
        if start is not None and end is not None and end <= start:
            bad(row, col("day_end"), f"the working day ends ({_hhmm(end)}) before it starts ({_hhmm(start)})",
                "write day_end later than day_start, e.g. 08:00 and 18:00")
        drive = _int(cell("max_drive_minutes"), MAX_DRIVE_MINUTES, row, col("max_drive_minutes"), bad, minimum=1)
        dates = _dates(cell("available_dates"), row, col("available_dates"), bad)
        skills = frozenset(normal_skill(s) for s in re.split(r"[;,]", cell("skills") or "") if s.strip())
        if None in (members, start, end, drive, dates):
            continue
        teams.append(Team(team_id=team_id, office_id=office_id, name=cell("name") or team_id, lon=lon, lat=lat,
                          dates=dates or (), day_start=start or DAY_START, day_end=end or DAY_END,
                          max_drive_minutes=drive or MAX_DRIVE_MINUTES, skills=skills, members=members or 2))
    if not teams and not problems:
        bad(None, None, "the teams table has no rows", "add one row per team")
    if problems:
        raise DataError(problems)
    return teams


def _match_columns(frame: pd.DataFrame) -> dict[str, str]:
    found: dict[str, str] = {}
    for name in frame.columns:
        key = re.sub(r"[^a-z0-9]+", "_", str(name).strip().lower()).strip("_")
        for canonical, aliases in _ALIASES.items():
            if key in aliases and canonical not in found:
                found[canonical] = str(name)
    return found


def _office_points(dataset: Dataset | None) -> dict[str, tuple[float, float]] | None:
    if dataset is None or dataset.get("offices") is None:
        return None
    offices = gpd.GeoDataFrame(dataset["offices"]).to_crs(4326)
    return {str(o): (float(g.x), float(g.y)) for o, g in zip(offices["office_id"], offices.geometry)}


def _int(text: str | None, default: int, row: int, column: str, bad, minimum: int) -> int | None:
    if text is None:
        return default
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value != int(value) or value < minimum:
        bad(row, column, f"'{text}' is not a whole number >= {minimum}", f"write a whole number such as {default}")
        return None
    return int(value)


def _time(text: str | None, default: int, row: int, column: str, bad) -> int | None:
    if text is None:
        return default
    match = _HHMM.match(text)
    if not match:
        bad(row, column, f"'{text}' is not a time of day", f"write HH:MM, e.g. {_hhmm(default)}")
        return None
    return int(match.group(1)) * 60 + int(match.group(2))


def _dates(text: str | None, row: int, column: str, bad) -> tuple[date, ...] | None:
    if text is None:
        return ()
    out: list[date] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        try:
            if ".." in part:
                first, last = (date.fromisoformat(x.strip()[:10]) for x in part.split("..", 1))
                if last < first:
                    raise ValueError
                out.extend(first + timedelta(days=k) for k in range((last - first).days + 1))
            else:
                out.append(date.fromisoformat(part[:10]))
        except ValueError:
            bad(row, column, f"'{part}' is not a date or a date range",
                "write YYYY-MM-DD, or YYYY-MM-DD..YYYY-MM-DD, separated by ';'")
            return None
    return tuple(sorted(set(out)))


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
