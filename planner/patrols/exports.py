"""A roster as the police read it: a table per assignment, a week grid per unit, CSV/XLSX/ICS files.

No solving here. Times are local clock times of the shifts (06-14, 14-22, 22-06);
the ICS events carry no time zone on purpose ("floating" times): a shift starts
at 22:00 wherever the unit is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from planner.export_texts import word
from planner.patrols.model import DAYS, SHIFT_HOURS, SHIFT_START_HOUR, SHIFTS, slot_day, slot_shift
from planner.patrols.roster import Roster

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
FORMATS: tuple[str, ...] = ("csv", "xlsx", "ics")


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


def roster_table(roster: Roster, week: str) -> pd.DataFrame:
    """One row per assignment: unit, date, shift, start/end, target (sorted by time, then unit)."""
    p, monday = roster.problem, week_monday(week)
    rows = []
    for u, t, s in roster.assignments():
        day, shift = slot_day(s), SHIFTS[slot_shift(s)]
        start = dt.datetime.combine(monday + dt.timedelta(days=day), dt.time(SHIFT_START_HOUR[shift]))
        unit, target = p.units[u], p.targets[t]
        rows.append({
            "unit_id": unit.unit_id, "unit": unit.name, "date": start.date().isoformat(), "day": DAYS[day],
            "shift": shift, "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + dt.timedelta(hours=SHIFT_HOURS)).strftime("%Y-%m-%d %H:%M"),
            "target_id": target.target_id, "target": target.name, "kind": target.kind,
            "crew": unit.crew, "travel_minutes": round(float(p.travel_minutes[u, t])),
        })
    columns = ["unit_id", "unit", "date", "day", "shift", "start", "end", "target_id", "target", "kind",
               "crew", "travel_minutes"]
    return pd.DataFrame(rows, columns=columns)


def week_grid(roster: Roster) -> pd.DataFrame:
    """Units x 21 slots, each cell the target id guarded (empty when off duty)."""
    p = roster.problem
    columns = [f"{d} {s}" for d in DAYS for s in SHIFTS]
    grid = pd.DataFrame("", index=[u.unit_id for u in p.units], columns=columns)
    for u, t, s in roster.assignments():
        grid.iat[u, s] = p.targets[t].target_id
    grid.index.name = "unit_id"
    return grid


def to_ics(roster: Roster, week: str) -> bytes:
    """One calendar event per assignment (summary: unit → target)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//Vigia//patrol roster//EN")
    calendar.add("version", "2.0")
    for row in roster_table(roster, week).astype(str).to_dict("records"):
        event = Event()
        event.add("uid", f"{week}-{row['unit_id']}-{row['day']}-{row['shift']}@vigia")
        event.add("summary", f"{row['unit_id']} → {row['target']}")
        event.add("description", f"{row['unit']} · {row['kind']} · {row['shift']} · "
                                 f"{row['travel_minutes']} min from base")
        event.add("dtstart", dt.datetime.strptime(row["start"], "%Y-%m-%d %H:%M"))
        event.add("dtend", dt.datetime.strptime(row["end"], "%Y-%m-%d %H:%M"))
        event.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))  # fixed: same seed, same file
        calendar.add_component(event)
    return calendar.to_ical()


def about_frame(about: Sequence[tuple[str, str]], lang: str = "es") -> pd.DataFrame:
    """How the roster was made (``about.*`` codes and values), labelled in ``lang``: the scores used, seed..."""
    return pd.DataFrame({"key": [word(code, lang) for code, _ in about], "value": [value for _, value in about]})


def roster_bytes(roster: Roster, week: str, kind: str, about: Sequence[tuple[str, str]] = (),
                 lang: str = "es") -> bytes:
    """The file :func:`write_roster` would write, as bytes (for downloads).

    ``about`` rows (codes of :mod:`planner.export_texts` and values: the scores file and
    its hash, week, seed, mode) become the workbook's ``about`` sheet.
    """
    if kind == "csv":
        return roster_table(roster, week).to_csv(index=False).encode("utf-8")
    if kind == "ics":
        return to_ics(roster, week)
    if kind == "xlsx":
        buffer = io.BytesIO()
        with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
            roster_table(roster, week).to_excel(writer, sheet_name="roster", index=False)
            week_grid(roster).to_excel(writer, sheet_name="week_grid")
            if about:
                about_frame(about, lang).to_excel(writer, sheet_name="about", index=False)
        return buffer.getvalue()
    raise ValueError(f"the roster is written as .csv, .xlsx or .ics, not '{kind}'")


def write_roster(roster: Roster, week: str, path: str | Path, about: Sequence[tuple[str, str]] = (),
                 lang: str = "es") -> Path:
    """Write ``roster`` as .csv (assignments), .xlsx (assignments + week grid + about) or .ics."""
    path = Path(path)
    kind = path.suffix.lower().lstrip(".")
    if kind not in FORMATS:
        raise ValueError(f"cannot write '{path.name}': the roster is written as .csv, .xlsx or .ics")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(roster_bytes(roster, week, kind, about, lang))
    return path
