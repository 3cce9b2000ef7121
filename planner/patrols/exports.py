"""A roster as the police read it: tables, a week grid per unit, CSV/XLSX/ICS/PDF files.

No solving here. Every file is in the reader's language (``lang``: Spanish by default,
English): day, shift and place kind are words, places are named, dates are dates; the
codes stay only in their own "code" columns so a file can be matched back to the data.
Times are the shifts' local clock times (06-14, 14-22, 22-06) in the dataset's time
zone, which the calendar file names (``TZID``) so a phone shows them right. How each
word and date is written lives in :mod:`planner.patrols.roster_words`.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from geodata import formats
from planner.export_texts import DATE_CELL, code_text, word
from planner.patrols.model import DAYS, N_SLOTS, SHIFTS, PatrolProblem, slot_shift
from planner.patrols.roster import Roster
from planner.patrols.roster_words import (
    DEFAULT_TIMEZONE,
    RosterContext,
    base_name,
    context_for,
    day_words,
    next_week,
    shift_records,
    shift_words,
    short_place,
    timezone_of,
    week_dates,
    week_monday,
)

__all__ = [
    "DEFAULT_TIMEZONE", "FORMATS", "RosterContext", "assignment_frame", "context_for", "day_words", "next_week",
    "places_table", "roster_bytes", "roster_from_frame", "roster_table", "short_place", "timezone_of", "to_ics",
    "to_xlsx", "week_dates", "week_grid", "week_monday", "write_roster",
]

FORMATS: tuple[str, ...] = ("csv", "xlsx", "ics", "pdf")


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
                                      minutes=formats.integer(r["minutes_from_base"], lang)))
        event.add("location", f"{r['place']} ({point.y:.5f}, {point.x:.5f})")
        event.add("geo", (float(point.y), float(point.x)))
        event.add("dtstart", r["start_dt"].replace(tzinfo=zone))
        event.add("dtend", r["end_dt"].replace(tzinfo=zone))
        event.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.UTC))  # fixed: same seed, same file
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def to_xlsx(roster: Roster, context: RosterContext) -> bytes:
    """Sheets: the shifts, the week grid (wrapped cells), the places legend and how it was made (``about``)."""
    lang = context.lang
    buffer = io.BytesIO()
    shifts = roster_table(roster, context)
    date_header = word("date", lang)
    shifts[date_header] = [dt.datetime.strptime(day, "%d/%m/%Y") for day in shifts[date_header]]  # a date cell
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        shifts.to_excel(writer, sheet_name=word("sheet.roster", lang), index=False)
        column = list(shifts.columns).index(date_header) + 1
        for row in writer.sheets[word("sheet.roster", lang)].iter_rows(min_row=2, min_col=column, max_col=column):
            row[0].number_format = DATE_CELL.get(lang, DATE_CELL["es"])
        grid_sheet = word("sheet.week_grid", lang)
        week_grid(roster, context).to_excel(writer, sheet_name=grid_sheet, index=False)
        places_table(roster, lang).to_excel(writer, sheet_name=word("sheet.places", lang), index=False)
        _wrap_columns(writer.book[grid_sheet])
        if context.about:
            about_frame(context).to_excel(writer, sheet_name=word("sheet.roster_about", lang), index=False)
    return buffer.getvalue()


def about_frame(context: RosterContext) -> pd.DataFrame:
    """How the roster was made (``context.about``), labelled in ``context.lang``: the scores used, seed...
    (the mode in words; the time zone of every time in the files last)."""
    lang = context.lang
    rows = [*context.about, ("about.timezone", context.timezone)]
    return pd.DataFrame({word("key", lang): [word(code, lang) for code, _ in rows],
                         word("value", lang): [code_text("mode", value, lang) if code == "about.mode" else value
                                               for code, value in rows]})


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
