"""Numbers, dates and times as people read them, in the reader's language (Babel/CLDR).

One module for every page and every file people read (XLSX labels, HTML, PDF, ICS
texts, the CLI's reports), so a KPI row never mixes "10.934" with "267.8". Machine
files (GeoPackage, GIS CSV, GeoJSON, JSON) keep plain numbers and ISO dates and do
not come through here.

Languages map to the locales of the people who read Vigía: Spanish as written in
Bolivia (``es_BO``: ``10.934`` and ``267,8``) and English (``en_US``: ``10,934`` and
``267.8``). Times are shown on the 24-hour clock in both languages (duty rosters and
route sheets are read on the 24-hour clock in Bolivia) and in the dataset's time zone
(``about.timezone``, default ``America/La_Paz``), never in the server's UTC.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

#: Babel locale per language Vigía speaks.
LOCALES: dict[str, str] = {"es": "es_BO", "en": "en_US"}
#: Bolivia's time zone: the default when a dataset does not state ``about.timezone``.
DEFAULT_TIMEZONE = "America/La_Paz"
#: Hours and minutes, 24-hour clock.
TIME_PATTERN = "HH:mm"


def locale_for(lang: str | None) -> str:
    """The Babel locale of a language code (``"es"`` when unknown or None)."""
    return LOCALES.get((lang or "es").split("-")[0].lower(), LOCALES["es"])


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def integer(value: float | int | None, lang: str | None = None) -> str:
    """A whole number with the language's grouping (``10.934`` / ``10,934``); "" for a missing value."""
    if value is None or _missing(value):
        return ""
    return format_decimal(int(round(float(value))), format="#,##0", locale=locale_for(lang))


def decimal(value: float | int | None, lang: str | None = None, digits: int = 1) -> str:
    """A number with exactly ``digits`` decimals (``267,8`` / ``267.8``); "" for a missing value."""
    if value is None or _missing(value):
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return format_decimal(float(value), format=pattern, locale=locale_for(lang))


def percent(share: float | None, lang: str | None = None, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage (``0.256`` → ``26 %`` / ``26%``); "" for a missing value."""
    if share is None or _missing(share):
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    return format_percent(float(share), format=pattern, locale=locale_for(lang))


def timezone_of(about: Mapping[str, Any] | None) -> ZoneInfo:
    """The dataset's time zone from ``about["timezone"]``; Bolivia's when absent or unknown."""
    name = str((about or {}).get("timezone") or DEFAULT_TIMEZONE).strip()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local(moment: dt.datetime, zone: ZoneInfo | str | None = None) -> dt.datetime:
    """``moment`` in ``zone`` (a naive moment is taken as UTC, as the workspace stores it)."""
    tz = zone if isinstance(zone, ZoneInfo) else ZoneInfo(zone or DEFAULT_TIMEZONE)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(tz)


def date(value: dt.date | dt.datetime | str | None, lang: str | None = None) -> str:
    """A calendar date as people write it (``4 dic de 2026`` / ``Dec 4, 2026``); "" for a missing value."""
    if _missing(value) or value == "":
        return ""
    day = dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value
    if isinstance(day, dt.datetime):
        day = day.date()
    return format_date(day, format="medium", locale=locale_for(lang))


def time(moment: dt.datetime | dt.time, lang: str | None = None, zone: ZoneInfo | str | None = None) -> str:
    """Hours and minutes on the 24-hour clock; a datetime is first moved into ``zone``."""
    if isinstance(moment, dt.datetime):
        moment = local(moment, zone).time()
    return moment.strftime("%H:%M")


def date_time(moment: dt.datetime | None, lang: str | None = None, zone: ZoneInfo | str | None = None) -> str:
    """Date and 24-hour time in ``zone`` (``4 dic de 2026, 19:01``); "" for a missing value."""
    if moment is None:
        return ""
    here = local(moment, zone)
    return f"{date(here, lang)}, {time(here, lang)}"


def clock_minutes(minutes: float | int, lang: str | None = None) -> str:
    """Minutes after midnight as a 24-hour time (``510`` → ``08:30``), for plan timelines."""
    whole = int(round(float(minutes)))
    return f"{(whole // 60) % 24:02d}:{whole % 60:02d}"


__all__ = [
    "DEFAULT_TIMEZONE", "LOCALES", "clock_minutes", "date", "date_time", "decimal", "integer", "local",
    "locale_for", "percent", "time", "timezone_of",
]
