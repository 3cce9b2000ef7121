"""The words and dates of a roster: weeks, shifts, places and bases as a police unit reads them.

Shared by every roster file (:mod:`planner.patrols.exports` for tables, calendars and
workbooks, :mod:`planner.patrols.roster_pdf` for the printable pages): one place decides
how a day, a shift or a place is written, in Spanish or English, and in which time zone.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from geodata import formats
from geodata.dataset import Dataset
from planner.export_texts import WEEKDAYS, word
from planner.patrols.model import (
    DAYS,
    SHIFT_HOURS,
    SHIFT_START_HOUR,
    SHIFTS,
    Target,
    slot_day,
    slot_shift,
)
from planner.patrols.roster import Roster

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
#: The time zone when the dataset's ``about`` table names none (Bolivia: UTC-4 all year).
DEFAULT_TIMEZONE = formats.DEFAULT_TIMEZONE


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
    """The dataset's time zone (``about.timezone``) when it is a known zone, else :data:`DEFAULT_TIMEZONE`
    (:func:`geodata.formats.timezone_of`, the one rule for every file)."""
    return formats.timezone_of(about).key


@dataclass(frozen=True)
class RosterContext:
    """What a file needs beyond the roster: the week, the reader's language, base names, time zone."""

    week: str
    lang: str = "es"
    #: ``base_id -> name`` (police offices); a unit whose base is not listed shows its base code.
    bases: Mapping[str, str] = field(default_factory=dict)
    timezone: str = DEFAULT_TIMEZONE
    synthetic: bool = False
    #: How the roster was made: ``about.*`` codes of :mod:`planner.export_texts` and values (the scores
    #: used with their hash, seed, mode...); the workbook's ``about`` sheet.
    about: tuple[tuple[str, str], ...] = ()


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
