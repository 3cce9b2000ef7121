"""A roster as the police read it: tables, a week grid per unit, CSV/XLSX/ICS/PDF files.

No solving here. Every file is in the reader's language (``lang``: Spanish by default,
English): day, shift and place kind are words, places are named, dates are dates; the
codes stay only in their own "code" columns so a file can be matched back to the data.
Times are the shifts' local clock times (06-14, 14-22, 22-06) in the dataset's time
zone, which the calendar file names (``TZID``) so a phone shows them right.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from geodata.dataset import Dataset
from planner.export_texts import WEEKDAYS, word
from planner.patrols.model import (
    DAYS,
    N_SLOTS,
    SHIFT_HOURS,
    SHIFT_START_HOUR,
    SHIFTS,
    PatrolProblem,
    Target,
    slot_day,
    slot_shift,
)
from planner.patrols.roster import Roster

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
FORMATS: tuple[str, ...] = ("csv", "xlsx", "ics", "pdf")
#: The time zone when the dataset's ``about`` table names none (Bolivia: UTC-4 all year).
DEFAULT_TIMEZONE = "America/La_Paz"


def week_monday(week: str) -> dt.date:
    """Monday of ISO week ``YYYY-Www``; ``ValueError`` with the expected form otherwise."""
    match = _WEEK.match(week.strip())
    if not match:
        raise ValueError(f"week '{week}' is not of the form YYYY-Www, e.g. 2026-W23")
    year, number = int(match.group(1)), int(match.group(2))
    try:
        return dt.date.fromisocalendar(year, number, 1)
    except ValueError:
        raise ValueError(f"week '{week}' does not exist: {year} has no week {number}") from None


def next_week(today: dt.date) -> str:
    """The next ISO week that has not started on ``today`` (a week starts on Monday at 00:00)."""
    monday = today + dt.timedelta(days=7 - today.weekday())
    iso = monday.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_dates(week: str) -> list[dt.date]:
    """The seven dates of ``week``, Monday first."""
    monday = week_monday(week)
    return [monday + dt.timedelta(days=d) for d in range(len(DAYS))]


def timezone_of(about: Mapping[str, str]) -> str:
    """The dataset's time zone (``about.timezone``) when it is a known zone, else :data:`DEFAULT_TIMEZONE`."""
    zone = str(about.get("timezone", "") or "").strip()
    # An unknown or malformed zone name falls back to the default (ZoneInfoNotFoundError is a KeyError).
    with contextlib.suppress(ValueError, KeyError):
        if zone and ZoneInfo(zone):
            return zone
    return DEFAULT_TIMEZONE


@dataclass(frozen=True)
class RosterContext:
    """What a file needs beyond the roster: the week, the reader's language, base names, time zone."""

    week: str
    lang: str = "es"
    #: ``base_id -> name`` (police offices); a unit whose base is not listed shows its base code.
    bases: Mapping[str, str] = field(default_factory=dict)
    timezone: str = DEFAULT_TIMEZONE
    synthetic: bool = False


def context_for(dataset: Dataset, week: str, lang: str = "es") -> RosterContext:
    """The context of ``dataset``'s rosters: police office names as base names, its time zone, demo flag."""
    offices = dataset.get("offices")
    bases = {} if offices is None else dict(zip(offices["office_id"].astype(str), offices["name"].astype(str)))
    return RosterContext(week, lang, bases, timezone_of(dataset.about), dataset.synthetic)


def short_place(target: Target) -> str:
    """A place's name as the grid shows it: the Bolivian side of a crossing, both ends of a stretch.

    Crossing names read ``Bolivian side – other side (country)``; the full name is in
    the places legend, so the grid can stay narrow without cutting any name.
    """
    parts = [part.split(" – ")[0].strip() for part in target.name.split(" ↔ ")]
    return " ↔ ".join(parts)


def shift_words(shift: str, lang: str) -> str:
    """``noche 22:00–06:00`` / ``night 22:00–06:00``."""
    start = SHIFT_START_HOUR[shift]
    return f"{word(f'shift.{shift}', lang)} {start:02d}:00–{(start + SHIFT_HOURS) % 24:02d}:00"


def day_words(day: dt.date, lang: str) -> str:
    """``lunes 07/12`` / ``Monday 07/12``."""
    return f"{WEEKDAYS.get(lang, WEEKDAYS['es'])[day.weekday()]} {day:%d/%m}"


def base_name(roster: Roster, u: int, context: RosterContext) -> str:
    unit = roster.problem.units[u]
    return context.bases.get(unit.base_id) or unit.base_id or f"{unit.lat:.4f}, {unit.lon:.4f}"


def assignment_frame(roster: Roster) -> pd.DataFrame:
    """The roster as codes (unit_id, target_id, slot): what the workspace keeps to reopen it."""
    p = roster.problem
    rows = [(p.units[u].unit_id, p.targets[t].target_id, int(s)) for u, t, s in roster.assignments()]
    return pd.DataFrame(rows, columns=["unit_id", "target_id", "slot"])


def roster_from_frame(problem: PatrolProblem, frame: pd.DataFrame) -> Roster:
    """Rebuild a roster kept by :func:`assignment_frame` on the same ``problem`` (no solving)."""
    assign = np.zeros(problem.reach.shape, dtype=bool)
    for unit_id, target_id, slot in frame[["unit_id", "target_id", "slot"]].itertuples(index=False):
        assign[problem.unit_index(str(unit_id)), problem.target_index(str(target_id)), int(slot)] = True
    return Roster(problem, assign, meta={"saved": True})


def shift_records(roster: Roster, context: RosterContext) -> list[dict]:
    """One record per assignment with everything every format needs (sorted by time, then unit)."""
    p, lang, dates = roster.problem, context.lang, week_dates(context.week)
    records = []
    for u, t, s in roster.assignments():
        shift = SHIFTS[slot_shift(s)]
        start = dt.datetime.combine(dates[slot_day(s)], dt.time(SHIFT_START_HOUR[shift]))
        unit, target = p.units[u], p.targets[t]
        records.append({
            "u": u, "t": t, "slot": s, "start_dt": start, "end_dt": start + dt.timedelta(hours=SHIFT_HOURS),
            "unit_id": unit.unit_id, "unit": unit.name, "base": base_name(roster, u, context),
            "date": f"{start:%d/%m/%Y}", "day": WEEKDAYS.get(lang, WEEKDAYS["es"])[start.weekday()],
            "shift": word(f"shift.{shift}", lang), "start": f"{start:%H:%M}",
            "end": f"{start + dt.timedelta(hours=SHIFT_HOURS):%H:%M}",
            "place": target.name, "place_kind": word(f"place_kind.{target.kind}", lang),
            "place_id": target.target_id, "crew": unit.crew,
            "minutes_from_base": round(float(p.travel_minutes[u, t])),
        })
    records.sort(key=lambda r: (r["start_dt"], r["unit_id"]))
    return records


ROSTER_COLUMNS: tuple[str, ...] = ("unit", "base", "date", "day", "shift", "start", "end", "place", "place_kind",
                                   "minutes_from_base", "crew", "unit_id", "place_id")


def roster_table(roster: Roster, context: RosterContext) -> pd.DataFrame:
    """One row per shift worked, headers and values in ``context.lang`` (codes in the last two columns)."""
    frame = pd.DataFrame(shift_records(roster, context), columns=[*ROSTER_COLUMNS, "u", "slot"])
    frame = frame[list(ROSTER_COLUMNS)]
    frame.columns = [word(c, context.lang) for c in ROSTER_COLUMNS]
    return frame


def week_grid(roster: Roster, context: RosterContext) -> pd.DataFrame:
    """Three rows per unit (one per shift), a column per day headed by its date; cells name the place.

    Columns: unit, base, shift, then ``lunes 07/12`` ... ``domingo 13/12``. Off-duty
    cells hold a dash, so an empty cell never looks like a missing value.
    """
    p, lang = roster.problem, context.lang
    days = [day_words(d, lang) for d in week_dates(context.week)]
    cells: dict[tuple[int, int], str] = {(u, s): word("off_duty", lang)
                                        for u in range(p.n_units) for s in range(N_SLOTS)}
    for u, t, s in roster.assignments():
        cells[u, s] = short_place(p.targets[t])
    rows = []
    for u, unit in enumerate(p.units):
        for k, shift in enumerate(SHIFTS):
            row = {word("unit", lang): unit.name, word("base", lang): base_name(roster, u, context),
                   word("shift", lang): shift_words(shift, lang)}
            row.update({days[d]: cells[u, d * len(SHIFTS) + k] for d in range(len(DAYS))})
            rows.append(row)
    return pd.DataFrame(rows)


def places_table(roster: Roster, lang: str = "es", *, only_used: bool = True) -> pd.DataFrame:
    """The legend of the grid: short name, full name, kind and code of each place (used ones by default)."""
    p = roster.problem
    used = sorted({t for _, t, _ in roster.assignments()}) if only_used else range(p.n_targets)
    columns = [word(c, lang) for c in ("place_short", "place", "place_kind", "place_id")]
    rows = [(short_place(p.targets[t]), p.targets[t].name, word(f"place_kind.{p.targets[t].kind}", lang),
             p.targets[t].target_id) for t in used]
    return pd.DataFrame(rows, columns=columns).sort_values(columns[0], kind="stable").reset_index(drop=True)


def to_ics(roster: Roster, context: RosterContext) -> bytes:
    """One calendar event per shift, in the dataset's time zone (``TZID``), words in ``context.lang``."""
    from icalendar import Calendar, Event

    zone, lang = ZoneInfo(context.timezone), context.lang
    calendar = Calendar()
    calendar.add("prodid", "-//Vigia//rol de patrullaje//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-timezone", context.timezone)
    for r in shift_records(roster, context):
        target = roster.problem.targets[r["t"]]
        point = target.geometry.centroid
        event = Event()
        event.add("uid", f"{context.week}-{r['unit_id']}-{r['slot']}@vigia")
        event.add("summary", word("ics_patrol_summary", lang, place=short_place(target), unit=r["unit"]))
        event.add("description", word("ics_patrol_description", lang, unit=r["unit"], base=r["base"],
                                      place=r["place"], kind=r["place_kind"],
                                      shift=shift_words(SHIFTS[slot_shift(r["slot"])], lang),
                                      minutes=r["minutes_from_base"]))
        event.add("location", f"{r['place']} ({point.y:.5f}, {point.x:.5f})")
        event.add("geo", (float(point.y), float(point.x)))
        event.add("dtstart", r["start_dt"].replace(tzinfo=zone))
        event.add("dtend", r["end_dt"].replace(tzinfo=zone))
        event.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))  # fixed: same seed, same file
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def to_xlsx(roster: Roster, context: RosterContext) -> bytes:
    """Sheets: the shifts, the week grid (wrapped cells) and the places legend, named in ``context.lang``."""
    lang = context.lang
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        roster_table(roster, context).to_excel(writer, sheet_name=word("sheet.roster", lang), index=False)
        grid_sheet = word("sheet.week_grid", lang)
        week_grid(roster, context).to_excel(writer, sheet_name=grid_sheet, index=False)
        places_table(roster, lang).to_excel(writer, sheet_name=word("sheet.places", lang), index=False)
        _wrap_columns(writer.book[grid_sheet])
    return buffer.getvalue()


def _wrap_columns(sheet: object) -> None:
    """Wide enough columns with wrapped text: a printed grid shows every name whole."""
    from openpyxl.styles import Alignment

    for column in sheet.columns:  # type: ignore[attr-defined]
        sheet.column_dimensions[column[0].column_letter].width = 22  # type: ignore[attr-defined]
        for cell in column:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def roster_bytes(roster: Roster, context: RosterContext, kind: str) -> bytes:
    """The file :func:`write_roster` would write, as bytes (for downloads)."""
    if kind == "csv":
        return roster_table(roster, context).to_csv(index=False).encode("utf-8")
    if kind == "ics":
        return to_ics(roster, context)
    if kind == "xlsx":
        return to_xlsx(roster, context)
    if kind == "pdf":
        from planner.patrols.roster_pdf import roster_pdf

        return roster_pdf(roster, context)
    raise ValueError(f"the roster is written as .csv, .xlsx, .ics or .pdf, not '{kind}'")


def write_roster(roster: Roster, context: RosterContext, path: str | Path) -> Path:
    """Write ``roster`` as .csv (shifts), .xlsx (shifts, week grid, places), .ics or .pdf (a page per unit)."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise ValueError(f"cannot write '{path.name}': the roster is written as .csv, .xlsx, .ics or .pdf")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(roster_bytes(roster, context, kind))
    return path
