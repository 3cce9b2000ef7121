"""Plan exports round-trip: the XLSX opens in openpyxl, the ICS in icalendar, GeoJSON and CSV
read back, route sheets hold every visit in order; all from a real (greedy) plan on the demo."""

from __future__ import annotations

import io
import itertools
import json
import re
import zipfile
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd
import pytest

from geodata.load import load_dataset
from planner import exports, route_sheets
from planner.export_texts import word
from planner.plan import Plan, greedy
from planner.problem import InspectionProblem
from planner.trips import plan_shifts

START = date(2026, 12, 7)  # a Monday


@pytest.fixture(scope="module")
def planned(demo_gpkg: Path) -> tuple[Plan, exports.PlanContext]:
    dataset = load_dataset(demo_gpkg)
    problem = InspectionProblem.from_dataset(dataset, start=START, days=4)
    plan = greedy(problem, plan_shifts(problem))  # with the core's field trips: overnight stops to export
    assert plan.visits and plan.unplaced, "the demo plan must have visits and unplaced sites to test exports"
    return plan, exports.context_for(problem, dataset, baseline=plan)


def test_stops_chain_from_start_to_end_and_overnights_connect(planned) -> None:
    plan, context = planned
    stops = exports.stops_frame(plan, context)
    visits: dict[tuple[str, date], list[str]] = {}
    for v in sorted(plan.visits, key=lambda v: v.order):
        visits.setdefault((v.team_id, v.day), []).append(v.site_id)
    for _, group in stops.groupby(["team_id", "date"]):
        group = group.sort_values("seq")
        team_id, day = group.iloc[0]["team_id"], group.iloc[0]["date"]
        assert group.iloc[0]["kind"] in ("office", "overnight") and group.iloc[-1]["kind"] in ("office", "overnight")
        inner = group.iloc[1:-1]
        assert (inner["kind"] == "visit").all()
        assert list(inner["site_id"]) == visits.get((team_id, day), [])
        assert list(inner["order"]) == list(range(1, len(inner) + 1))
    assert (stops["kind"] == "overnight").any(), "the demo has remote sites: some team must sleep away"
    # A team that sleeps somewhere starts the next working day there.
    for team_id, group in stops.groupby("team_id"):
        days = sorted(group["date"].unique())
        for today, tomorrow in itertools.pairwise(days):
            end = group[group["date"] == today].sort_values("seq").iloc[-1]
            start = group[group["date"] == tomorrow].sort_values("seq").iloc[0]
            if end["kind"] == "overnight":
                assert (start["lon"], start["lat"]) == (end["lon"], end["lat"]), (team_id, today)


def test_xlsx_opens_in_openpyxl_with_every_sheet_and_row(planned) -> None:
    from openpyxl import load_workbook

    plan, context = planned
    book = load_workbook(io.BytesIO(exports.to_xlsx(plan, context, "es")), read_only=True)
    names = {key: word(key, "es") for key in ("sheet.visits", "sheet.routes", "sheet.teams", "sheet.kpis",
                                               "sheet.departments", "sheet.unplaced", "sheet.about")}
    assert set(names.values()) <= set(book.sheetnames)
    timeline = list(book[names["sheet.visits"]].values)
    header = list(timeline[0])
    assert word("site", "es") in header and word("team", "es") in header and word("start", "es") in header
    assert len(timeline) - 1 == len(plan.visits)
    first = plan.to_frame().sort_values(["team_id", "day", "order"]).iloc[0]
    row = dict(zip(header, timeline[1]))
    assert row[word("site_id", "es")] == first["site_id"]
    assert row[word("start", "es")] == first["start"].to_pydatetime(), "times stay real Excel date-times"
    kpis = {r[0]: r[1:] for r in list(book[names["sheet.kpis"]].values)[1:]}
    covered = kpis[word("kpi.risk_covered", "es")]
    assert covered[0] == pytest.approx(sum(v.priority for v in plan.visits))
    assert covered[1] == pytest.approx(covered[0]), "the context's baseline is the same greedy plan"
    unplaced = list(book[names["sheet.unplaced"]].values)
    assert len(unplaced) - 1 == len(plan.unplaced)
    reasons = {r[list(unplaced[0]).index(word("reason_code", "es"))] for r in unplaced[1:]}
    assert reasons <= {"no_skill", "unreachable", "window_too_short", "horizon_full"}


def test_ics_opens_in_icalendar_with_one_event_per_visit_at_local_time(planned) -> None:
    from icalendar import Calendar, vGeo

    plan, context = planned
    calendar = Calendar.from_ical(exports.to_ics(plan, context, "es"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.visits)
    assert len({str(e["UID"]) for e in events}) == len(events)
    teams = {t.team_id: t.name for t in context.problem.teams}
    by_uid = {f"{v.site_id}-{v.team_id}-{v.day:%Y%m%d}@vigia": v for v in plan.visits}
    zone = ZoneInfo(exports.TIMEZONE)
    for event in events:
        visit = by_uid[str(event["UID"])]
        assert event.decoded("DTSTART") == visit.start.replace(tzinfo=zone)
        assert event.decoded("DTEND") == visit.end.replace(tzinfo=zone)
        assert teams[visit.team_id] in str(event["SUMMARY"]) and visit.name in str(event["SUMMARY"])
        assert f"{visit.lat:.5f}" in str(event["LOCATION"])
        geo = event["GEO"]
        assert isinstance(geo, vGeo) and geo.latitude == pytest.approx(visit.lat)
    assert calendar.walk("VTIMEZONE"), "the calendar carries its time zone definition"


def test_geojson_has_a_point_per_visit_and_a_line_per_team_day(planned) -> None:
    plan, context = planned
    data = json.loads(exports.to_geojson(plan, context))
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == len(plan.visits)
    moving = [r for r in plan.routes if r.site_ids or (r.start_lon, r.start_lat) != (r.end_lon, r.end_lat)]
    assert len(lines) == len(moving)
    route = next(r for r in moving if len(r.site_ids) >= 2)
    line = next(f for f in lines if f["properties"]["team_id"] == route.team_id
                and f["properties"]["date"] == route.day.isoformat())
    coords = line["geometry"]["coordinates"]
    assert coords[0] == [round(route.start_lon, 6), round(route.start_lat, 6)]
    assert coords[-1] == [round(route.end_lon, 6), round(route.end_lat, 6)]
    sites = {s.site_id: s for s in context.problem.sites}
    assert coords[1:-1] == [[round(sites[s].lon, 6), round(sites[s].lat, 6)] for s in route.site_ids]


def test_csv_reads_back_with_stable_codes(planned) -> None:
    plan, context = planned
    frame = pd.read_csv(io.BytesIO(exports.to_csv(plan, context)), encoding="utf-8-sig")
    assert list(frame.columns) == exports.VISIT_COLUMNS
    assert len(frame) == len(plan.visits)
    assert (pd.to_datetime(frame["end"]) > pd.to_datetime(frame["start"])).all()


def test_write_plan_picks_the_format_by_extension(planned, tmp_path: Path) -> None:
    plan, context = planned
    assert exports.write_plan(plan, context, tmp_path / "p.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert exports.write_plan(plan, context, tmp_path / "p.xlsx").read_bytes()[:2] == b"PK"
    with pytest.raises(ValueError, match="unknown export format"):
        exports.write_plan(plan, context, tmp_path / "p.txt")


def test_route_sheets_list_each_teams_visits_in_order_offline(planned) -> None:
    plan, context = planned
    sheets = route_sheets.route_sheets_html(plan, context, "es")
    assert set(sheets) == {t.team_id for t in context.problem.teams}
    team_id = max({v.team_id for v in plan.visits}, key=lambda k: sum(v.team_id == k for v in plan.visits))
    page = sheets[team_id]
    mine = sorted((v for v in plan.visits if v.team_id == team_id), key=lambda v: (v.day, v.order))
    positions = [page.index(v.site_id) for v in mine]
    assert positions == sorted(positions), "visits appear day by day, in visit order"
    assert all(f"{v.start:%H:%M}" in page for v in mine)
    assert "data:image/svg+xml;base64," in page and "<script" not in page.lower(), "maps drawn inline"
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page), "a printed sheet fetches nothing"
    assert word("synthetic", "es") in page, "demo plans say their figures are synthetic"
    with zipfile.ZipFile(io.BytesIO(route_sheets.route_sheets_zip(plan, context))) as archive:
        assert len(archive.namelist()) == len(context.problem.teams)


def test_route_sheets_pdf_has_a_front_page_per_team_and_each_day_on_its_own_page(demo_gpkg: Path) -> None:
    from pypdf import PdfReader

    from planner.export_texts import long_date
    from planner.teams import default_teams

    dataset = load_dataset(demo_gpkg)
    problem = InspectionProblem.from_dataset(dataset, teams=default_teams(dataset)[:3], start=START, days=2)
    plan = greedy(problem)
    context = exports.context_for(problem, dataset)
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(route_sheets.route_sheets_pdf(
        plan, context, "en"))).pages]
    for team in problem.teams:
        front = [k for k, text in enumerate(pages) if text.startswith(f"{word('sheet_title', 'en')} — {team.name}")]
        assert len(front) == 1, f"one front page for {team.name}"
        days = sorted({r.day for r in plan.routes if r.team_id == team.team_id and r.site_ids})
        starts = [next(k for k, text in enumerate(pages) if f"{team.name} · Day {n} of {len(days)}" in text)
                  for n in range(1, len(days) + 1)]
        assert starts[0] == front[0] + 1 and starts == sorted(set(starts)), "each day starts its own page"
        for k, day in zip(starts, days):
            assert long_date(day, "en") in pages[k]
        for k, day, after in zip(starts, days, starts[1:]):
            visits = sum(v.team_id == team.team_id and v.day == day for v in plan.visits)
            if visits <= 6:
                assert after == k + 1, f"{team.name} {day}: a day of {visits} visits fits on one page"


def test_every_reason_and_kpi_has_spanish_and_english_words() -> None:
    from planner.export_texts import WORDS, reason_text
    from planner.plan import REASONS

    for code, sentence in REASONS.items():
        assert f"reason.{code}" in WORDS, f"reason {code} has no Spanish text"
        assert reason_text(code, sentence, "en") == sentence, "English keeps the planner's own sentence"
    for code in exports.KPI_ROWS:
        assert f"kpi.{code}" in WORDS
    for column in exports.VISIT_COLUMNS + exports.UNPLACED_COLUMNS + exports.ROUTE_COLUMNS:
        assert column in WORDS, f"column {column} has no header"
