"""Periods: Excel dates read back as the periods they were, future periods, annual and monthly mixes.

Counts are per period (``YYYY`` or ``YYYY-MM``). Excel turns ``2021-03`` into a
date, and years formatted ``yyyy`` into 1 January; a table holding a year's
total and that year's months counts the same people twice. Each of these is
repaired when it can only mean one thing, and refused or warned otherwise.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from geodata.contracts import Layer
from geodata.problem_rows import Findings
from geodata.problems import Severity

_DAY_ONE = r"^[0-9]{4}-[0-9]{2}-01$"
_JANUARY_FIRST = r"^[0-9]{4}-01-01$"
_MONTHLY = r"^[0-9]{4}-[0-9]{2}$"

#: Layers whose rows are counts per (key, period, kind): an annual row and monthly rows for the
#: same key, year and kind would count the same people twice downstream.
PERIOD_KEYS: dict[str, tuple[str, ...]] = {
    "cases": ("area_id", "exploitation"),
    "migration": ("crossing_id",),
}


def periods_from_dates(text: pd.Series, date_cells: np.ndarray | None, findings: Findings, name: str) -> pd.Series:
    """Excel turns '2021-03' into 1 March 2021; read such dates back as 2021-03."""
    if date_cells is None or not date_cells.any():
        return text
    day_one = date_cells & text.str.match(_DAY_ONE).fillna(False).to_numpy(dtype=bool)
    january = day_one & text.str.match(_JANUARY_FIRST).fillna(False).to_numpy(dtype=bool)
    monthly_text = ~date_cells & text.str.match(_MONTHLY).fillna(False).to_numpy(dtype=bool)
    years = text[january].str.slice(0, 4).nunique()
    if january.any() and not (day_one & ~january).any() and not monthly_text.any() and years >= 2:
        # Every date is 1 January of different years and nothing in the column is monthly: these
        # are years Excel stored as dates. Read as January they would turn annual figures monthly.
        text = text.where(~january, text.str.slice(0, 4))
        findings.listing_rows(january, name, f"{int(january.sum())} date cell(s), all on 1 January of {years} "
                              "different years, were read as years (annual figures), not as January",
                              severity=Severity.FIXED,
                              hint="nothing to do; type years as plain numbers or text to make it certain")
        return text
    if day_one.any():
        text = text.where(~day_one, text.str.slice(0, 7))
        findings.add(f"{int(day_one.sum())} date cell(s) read as periods YYYY-MM (Excel had turned them into dates)",
                     column=name, severity=Severity.FIXED, hint="format the column as Text in Excel to keep 2021-03 as typed")
        if january.any() and not (day_one & ~january).any() and not monthly_text.any():
            # One year, always 1 January: January of a monthly table, or a year stored as a date?
            findings.listing_rows(january, name, f"{int(january.sum())} date cell(s) are all 1 January {text[january].iloc[0][:4]} "
                                  "and were read as January; if they stand for the whole year, the figures are annual",
                                  severity=Severity.WARNING,
                                  hint="type years as plain numbers (2023), or format the cells as years (yyyy)")
    return text


def check_future(text: pd.Series, bad: np.ndarray, name: str, findings: Findings) -> None:
    """Periods after the current month (2099) are almost always typing errors: warn, naming the rows."""
    today = dt.date.today()
    now = f"{today.year:04d}-{today.month:02d}"
    present = text.notna().to_numpy(dtype=bool) & ~bad
    if not present.any():
        return
    # A year is in the future only once the whole year is (2026 while in 2026 is not).
    key = text.where(text.str.len() != 4, text + "-01").fillna("")
    future = present & (key > now).to_numpy(dtype=bool)
    if future.any():
        findings.listing_rows(future, name, f"{int(future.sum())} period(s) are in the future (after {now})",
                              severity=Severity.WARNING,
                              hint="check the year: a typing error (2099 for 2019) puts cases where none happened")


def check_future_days(days: pd.Series, name: str, findings: Findings) -> None:
    """Days after today: an inspection that has not happened yet cannot have results, so it is refused."""
    today = dt.date.today().isoformat()
    future = (days.notna() & (days.fillna("") > today)).to_numpy(dtype=bool)
    findings.at_rows(future, name, f"is in the future (after {today})", values=days.to_numpy(dtype=object),
                     hint="write the day the visit took place; a typing error (2099 for 2019) is the usual cause")


def check_period_mix(table: pd.DataFrame, layer: Layer, findings: Findings) -> None:
    """Annual and monthly rows for the same key, year and kind: refused, naming where (they would count twice)."""
    keys = [k for k in PERIOD_KEYS.get(layer.name, ()) if k in table]
    if not keys or len(keys) != len(PERIOD_KEYS[layer.name]):
        return
    period = table["period"].astype("str")
    valid = period.str.match(r"^[0-9]{4}(-[0-9]{2})?$").fillna(False) & table[keys].notna().all(axis=1)
    if not valid.any():
        return
    frame = table.loc[valid, keys].astype("str").assign(year=period[valid].str.slice(0, 4),
                                                        annual=period[valid].str.len().eq(4))
    groups = frame.groupby([*keys, "year"], sort=True)["annual"].agg(["any", "all"])
    mixed = groups[groups["any"] & ~groups["all"]]
    if mixed.empty:
        return
    where = [", ".join(str(v) for v in (idx if isinstance(idx, tuple) else (idx,))) for idx in mixed.index]
    shown = "; ".join(where[:10]) + (f" and {len(where) - 10} more" if len(where) > 10 else "")
    key_frame = frame.set_index([*keys, "year"]).index
    rows_mask = np.zeros(len(table), dtype=bool)
    rows_mask[np.flatnonzero(valid.to_numpy())[key_frame.isin(mixed.index)]] = True
    findings.listing_rows(
        rows_mask, "period",
        f"annual and monthly rows for the same {' and '.join(keys)} and year ({len(where)} case(s): {shown}): "
        "their figures would be counted twice",
        hint="keep either the annual row (YYYY) or the monthly rows (YYYY-MM) for each year, not both")
