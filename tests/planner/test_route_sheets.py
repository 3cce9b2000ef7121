"""Route sheets and navigation files as a team uses them: the PDF's text holds every stop's
coordinates and each day's kilometres, every day map shows the whole day, and the GPX and
KML open in real readers with a route per team-day and a point per visit.

Expected values come from the plan itself (its routes and visits), not from the sheet code.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest

from geodata import formats
from geodata.load import load_dataset
from planner import exports, route_sheets
from planner.day_map import frame_for
from planner.export_texts import sector_text, word
from planner.field_files import field_file_bytes, to_gpx, to_kml
from planner.plan import Plan, Route, greedy
from planner.problem import InspectionProblem
from planner.route_svg import MapPoint
from planner.sheet_model import sheet_teams
from planner.teams import default_teams
from planner.trips import plan_shifts

START = date(2026, 12, 7)  # a Monday
#: Offices whose teams drive far: field trips with overnight stops, long legs, two departments.
OFFICES = ("LAB-PTS", "LAB-CIJ", "LAB-LPZ")


@pytest.fixture(scope="module")
def planned(demo_gpkg: Path) -> tuple[Plan, exports.PlanContext]:
    dataset = load_dataset(demo_gpkg)
    teams = [t for t in default_teams(dataset) if t.office_id in OFFICES][:4]
    problem = InspectionProblem.from_dataset(dataset, teams=teams, start=START, days=3)
    plan = greedy(problem, plan_shifts(problem))
    assert any(r.overnight for r in plan.routes), "the fixture must include a night away"
    return plan, exports.context_for(problem, dataset)


def _moving(plan: Plan) -> list[Route]:
    return [r for r in plan.routes if r.site_ids or (r.start_lon, r.start_lat) != (r.end_lon, r.end_lat)]


def _day_points(plan: Plan, route: Route) -> list[tuple[float, float]]:
    visits = [(v.lon, v.lat) for v in plan.visits if v.team_id == route.team_id and v.day == route.day]
    return [(route.start_lon, route.start_lat), *visits, (route.end_lon, route.end_lat)]


@pytest.fixture(scope="module")
def pdf_text(planned) -> str:
    from pypdf import PdfReader

    plan, context = planned
    pdf = route_sheets.route_sheets_pdf(plan, context, "es")
    reader = PdfReader(io.BytesIO(pdf))
    assert reader.pages[0].mediabox.width == pytest.approx(595, abs=2), "A4 portrait (595 x 842 pt)"
    return "\n".join(page.extract_text() for page in reader.pages)


def test_pdf_text_has_every_stops_coordinates_and_each_days_km(planned, pdf_text: str) -> None:
    plan, context = planned
    flat = " ".join(pdf_text.split())
    for route in _moving(plan):
        for lon, lat in _day_points(plan, route):
            assert f"{lat:.5f}" in pdf_text and f"{lon:.5f}" in pdf_text, (route.team_id, route.day, lon, lat)
        assert formats.decimal(route.km, "es") in pdf_text, f"{route.team_id} {route.day}: {route.km:.1f} km"
    sites = {s.site_id: s for s in context.problem.sites}
    for visit in plan.visits:
        sector = sector_text(sites[visit.site_id].sector, "es")
        assert sector in flat, f"sector '{sector}' printed in full"
    assert word("synthetic", "es") in flat and word("report_title", "es") in flat


def test_each_stop_shows_its_leg_and_a_days_legs_add_up_to_its_total(planned) -> None:
    plan, context = planned
    routes = {(r.team_id, r.day): r for r in _moving(plan)}
    days = [(team, day) for team in sheet_teams(plan, context) for day in team.days]
    assert len(days) == len(routes)
    for team, day in days:
        route = routes[(team.team_id, day.day)]
        legs = [s.km_from_previous for s in day.stops[1:]]
        assert all(leg is not None for leg in legs)
        assert sum(legs) == pytest.approx(route.km, abs=0.15)  # type: ignore[arg-type]
        assert sum(s.minutes_from_previous or 0 for s in day.stops) == route.drive_minutes
        assert [s.order for s in day.visits] == list(range(1, len(day.visits) + 1))


def test_every_day_map_frames_all_its_stops_start_and_end(planned) -> None:
    plan, context = planned
    html = route_sheets.sheets_html(plan, context, "en")
    frames = dict(re.findall(r'<section class="day" id="day-([^"]+)">.*?data-frame="([^"]+)"', html, re.S))
    number = {d: k for k, d in enumerate(context.problem.days, start=1)}
    routes = _moving(plan)
    assert len(frames) == len(routes) > 0
    for route in routes:
        west, south, east, north = map(float, frames[f"{route.team_id}-{number[route.day]}"].split(","))
        for lon, lat in _day_points(plan, route):
            assert west < lon < east and south < lat < north, (route.team_id, route.day, lon, lat)
    assert "<script" not in html.lower() and not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", html)
    stops = sum(len(_day_points(plan, r)) for r in routes)
    assert html.count('class="qr"') == stops, "a geo: QR code per stop"
    for route in routes:
        for lon, lat in _day_points(plan, route):
            assert f'href="geo:{lat:.5f},{lon:.5f}"' in html, "each QR code opens its own point"


def test_a_far_office_stays_inside_the_frame_with_a_margin() -> None:
    """The old sheets fitted the map to the visits only, so the office fell off the edge."""
    points = [MapPoint(-68.13, -16.50, "office"), MapPoint(-67.20, -15.50, "visit", "1"),
              MapPoint(-67.21, -15.52, "visit", "2"), MapPoint(-66.0, -14.0, "overnight")]
    frame = frame_for(points, 720, 380)
    for p in points:
        assert frame.contains(p.lon, p.lat)
    assert frame.west < -68.13 - 0.1 and frame.north > -14.0 + 0.1, "a margin on every side"


def test_gpx_has_a_route_per_team_day_and_a_waypoint_per_visit(planned) -> None:
    import gpxpy

    plan, context = planned
    gpx = gpxpy.parse(to_gpx(plan, context, "es").decode("utf-8"))
    routes = _moving(plan)
    assert len(gpx.routes) == len(routes)
    for parsed, route in zip(gpx.routes, sorted(routes, key=lambda r: (r.team_id, r.day))):
        expected = _day_points(plan, route)
        assert [(round(p.longitude, 5), round(p.latitude, 5)) for p in parsed.points] == \
            [(round(x, 5), round(y, 5)) for x, y in expected]
    assert len(gpx.waypoints) == len(plan.visits)
    by_place = {(round(v.lon, 5), round(v.lat, 5), v.day): v for v in plan.visits}
    for point in gpx.waypoints:
        assert point.time is not None
        visit = by_place[(round(point.longitude, 5), round(point.latitude, 5), point.time.date())]
        assert visit.name in (point.name or "")
        assert f"{visit.arrive:%H:%M}" in (point.description or "")
        assert f"{visit.end:%H:%M}" in (point.description or "")


def test_kml_opens_in_gdal_with_a_folder_per_team_day(planned, tmp_path: Path) -> None:
    import pyogrio

    plan, context = planned
    path = tmp_path / "plan.kml"
    path.write_bytes(to_kml(plan, context, "en"))
    layers = [name for name, _ in pyogrio.list_layers(path)]
    routes = _moving(plan)
    assert len(layers) == len(routes)
    lines = points = 0
    for layer in layers:
        frame = pyogrio.read_dataframe(path, layer=layer)
        kinds = list(frame.geometry.geom_type)
        assert kinds.count("LineString") == 1
        lines += 1
        points += kinds.count("Point")
    assert lines == len(routes) and points == len(plan.visits)


def test_html_download_is_the_pdfs_source_and_unknown_formats_are_refused(planned) -> None:
    plan, context = planned
    page = field_file_bytes(plan, context, "html", "es").decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@page" in page and "size: A4" in page
    with pytest.raises(ValueError, match="unknown field file format"):
        field_file_bytes(plan, context, "docx")


def test_visits_crowded_by_a_long_drive_get_a_close_up_with_every_number() -> None:
    from planner.day_map import day_map_svg

    office = MapPoint(-68.1336, -16.4958, "office")
    visits = [MapPoint(-68.12 + 0.01 * k, -16.51 + 0.008 * k, "visit", str(k + 1)) for k in range(5)]
    far = MapPoint(-67.06, -16.26, "overnight")
    svg, frame = day_map_svg([office, *visits, far], None, "#123456", 720, 300)
    assert 'class="inset"' in svg, "crowded visits get a close-up"
    close_up = svg.split('class="inset"')[1]
    assert all(f">{k + 1}</text>" in close_up for k in range(5)), "every visit numbered in the close-up"
    assert all(frame.contains(p.lon, p.lat) for p in [office, *visits, far])
    spread = [MapPoint(-68.13 + 0.2 * k, -16.5 + 0.1 * k, "visit", str(k + 1)) for k in range(5)]
    assert 'class="inset"' not in day_map_svg([office, *spread, office], None, "#123456", 720, 300)[0]


def test_day_map_draws_departments_roads_and_the_towns_inside_its_frame() -> None:
    import geopandas as gpd
    import shapely

    from planner.day_map import day_map_svg
    from planner.route_background import MapBackground

    departments = gpd.GeoDataFrame({"name": ["West", "East"]}, geometry=[shapely.box(-69, -17, -68, -16),
                                                                         shapely.box(-68, -17, -67, -16)], crs=4326)
    places = gpd.GeoDataFrame({"name": ["Villa Near", "Pueblo Far"], "population": [900, 90_000]},
                              geometry=shapely.points([(-68.3, -16.45), (-60.0, -12.0)]), crs=4326)
    roads = gpd.GeoDataFrame(geometry=[shapely.LineString([(-69, -16.5), (-67, -16.5)])], crs=4326)
    points = [MapPoint(-68.4, -16.6, "office"), MapPoint(-68.2, -16.4, "visit", "1"),
              MapPoint(-68.4, -16.6, "office")]
    svg, _ = day_map_svg(points, MapBackground(departments, places, roads), "#123456")
    assert 'class="department"' in svg and 'class="road"' in svg and 'class="north"' in svg
    assert "Villa Near" in svg and "Pueblo Far" not in svg, "towns in the frame are named, others left out"
    assert re.search(r'class="scale".*?>\d+(\.\d+)? km<', svg)


def test_must_visit_and_locked_marks_sit_on_their_own_stop(planned) -> None:
    from dataclasses import replace

    plan, context = planned
    first = sorted(plan.visits, key=lambda v: (v.team_id, v.day, v.order))[0]
    marked = replace(plan, visits=[replace(v, locked=v is first, must_visit=v is first) for v in plan.visits])
    html = route_sheets.sheets_html(marked, context, "en", [first.team_id])
    rows = re.findall(r'<tr class="visit">(.*?)</tr>', html, re.S)
    with_marks = [row for row in rows if word("locked", "en") in row]
    assert len(with_marks) == 1 and first.site_id in with_marks[0] and word("must_visit", "en") in with_marks[0]
    assert sum(word("must_visit", "en") in row for row in rows) == 1
