"""Numbers, dates and times read the same way on every page and file, per language."""

import datetime as dt

from geodata import formats


def test_numbers_follow_the_language():
    assert formats.integer(10934, "es") == "10.934"
    assert formats.integer(10934, "en") == "10,934"
    assert formats.decimal(267.84, "es") == "267,8"
    assert formats.decimal(267.84, "en") == "267.8"
    assert formats.decimal(1261.66, "es", 1) == "1.261,7"
    assert formats.integer(float("nan"), "es") == ""


def test_percent_and_dates():
    assert formats.percent(0.256, "en") == "26%"
    assert formats.percent(0.256, "es").replace("\xa0", " ") in {"26 %", "26%"}
    assert formats.date("2026-12-04", "es") == "4 dic de 2026"
    assert formats.date(dt.date(2026, 12, 4), "en") == "Dec 4, 2026"


def test_times_are_shown_in_the_dataset_time_zone():
    utc = dt.datetime(2026, 12, 4, 23, 30, tzinfo=dt.UTC)
    zone = formats.timezone_of({"timezone": "America/La_Paz"})
    assert formats.time(utc, "es", zone) == "19:30"
    assert formats.date_time(utc, "es", zone) == "4 dic de 2026, 19:30"
    # A stored naive moment is UTC; an unknown zone falls back to Bolivia's.
    assert formats.time(utc.replace(tzinfo=None), "en", formats.timezone_of({"timezone": "Mars/Olympus"})) == "19:30"
    assert formats.clock_minutes(510) == "08:30"
