"""The Inspections map: a line per team-day in its team's colour, numbered stops, overnight
stops marked, unplaced must-visits ringed, and nothing fetched from the web."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import folium
import geopandas as gpd
import pytest

from geodata.load import load_dataset
from planner import exports
from planner.plan import greedy
from planner.problem import InspectionProblem
from planner.route_svg import MapPoint, route_svg
from planner.trips import plan_shifts
from vigia.ui import maps
from vigia.ui.inspections import route_maps


@pytest.fixture(scope="module")
def planned(demo_gpkg: Path):
    dataset = load_dataset(demo_gpkg)
    problem = InspectionProblem.from_dataset(dataset, start=date(2026, 12, 7), days=3)
    plan = greedy(problem, plan_shifts(problem))  # the core's field trips: overnight stops to draw
    return dataset, plan, exports.context_for(problem, dataset, baseline=plan)


def test_plan_map_draws_each_team_day_and_numbers_its_stops(planned) -> None:
    dataset, plan, context = planned
    stops = exports.stops_frame(plan, context)
    must = exports.unplaced_frame(plan, context)
    must = must[must["must_visit"]]
    ringed = gpd.GeoDataFrame({"name": must["site"].values, "reason_text": must["reason"].values},
                              geometry=gpd.points_from_xy(must["lon"], must["lat"]), crs="EPSG:4326")
    fmap = route_maps.plan_map(dataset, stops, ringed, online=False)
    lines = [c for c in fmap._children.values() if isinstance(c, folium.PolyLine)]
    team_days = stops.groupby(["team_id", "date"]).ngroups
    assert len(lines) == team_days
    colours = route_maps.team_colours(list(stops["team_id"]))
    first = stops.sort_values(["team_id", "date", "seq"]).iloc[0]
    assert lines[0].options["color"] == colours[first["team_id"]]
    markers = next(c for c in fmap._children.values() if isinstance(c, route_maps.StopMarkers)).stops
    visits = [m for m in markers if m["kind"] == "visit"]
    assert len(visits) == len(plan.visits)
    assert sorted(int(m["label"]) for m in visits) == sorted(v.order for v in plan.visits)
    assert sum(m["kind"] == "overnight" for m in markers) == int((stops["kind"] == "overnight").sum()) > 0
    layers = {c.layer_name: c.data for c in fmap._children.values() if isinstance(c, folium.GeoJson)}
    assert len(layers["unplaced_must"]["features"]) == len(must) > 0
    visited = {v.site_id for v in plan.visits}
    assert len(layers["unvisited"]["features"]) == len(dataset["sites"]) - len(visited)
    html = fmap.get_root().render()
    assert maps.external_links(fmap) == []
    assert "marker-icon.png" not in html


def test_route_svg_scales_to_its_box_and_marks_each_kind() -> None:
    route = [MapPoint(-68.13, -16.50, "office", title="La Paz"), MapPoint(-68.0, -16.3, "visit", "1"),
             MapPoint(-67.25, -15.56, "visit", "2"), MapPoint(-67.25, -15.56, "overnight", title="Caranavi")]
    svg = route_svg([route], width=300, height=200)
    assert svg.count('class="office"') == 1 and svg.count('class="overnight"') == 1
    assert svg.count('class="visit"') == 2 and ">2</text>" in svg
    import re

    xs = [float(x) for x in re.findall(r'cx="([-\d.]+)"', svg)]
    ys = [float(y) for y in re.findall(r'cy="([-\d.]+)"', svg)]
    assert all(0 <= x <= 300 for x in xs) and all(0 <= y <= 200 for y in ys)
    assert ys[1] < ys[0], "north is up: the visit further north is drawn higher"


def test_team_and_day_filter_keep_colours_and_the_legend_names_teams(planned) -> None:
    dataset, plan, context = planned
    stops = exports.stops_frame(plan, context)
    names = {t.team_id: t.name for t in context.problem.teams}
    colours = route_maps.team_colours(list(names))
    team_id = stops["team_id"].iloc[0]
    day = context.problem.days[1]
    shown = route_maps.filter_stops(stops, [team_id], day)
    assert set(shown["team_id"]) == {team_id} and set(shown["date"]) == {day}
    assert len(route_maps.filter_stops(stops, [], None)) == len(stops), "no choice: every team, every day"
    visited = set(stops.loc[stops["kind"] == "visit", "site_id"])
    fmap = route_maps.plan_map(dataset, shown, None, online=False, colours=colours, visited=visited)
    lines = [c for c in fmap._children.values() if isinstance(c, folium.PolyLine)]
    assert len(lines) == 1 and lines[0].options["color"] == colours[team_id]
    grey = {c.layer_name: c.data for c in fmap._children.values() if isinstance(c, folium.GeoJson)}["unvisited"]
    assert len(grey["features"]) == len(dataset["sites"]) - len(visited), "other teams' visits are not 'unvisited'"
    legend = route_maps.team_legend_html(stops, colours)
    for code in set(stops["team_id"]):
        assert names[code] in legend and f">{code}<" not in legend
    assert len({colours[k] for k in set(stops["team_id"])}) == stops["team_id"].nunique()
    from vigia.ui.i18n import t

    full = route_maps.plan_map(dataset, stops, None, online=False, colours=colours)
    symbols = next(c for c in full._children.values() if isinstance(c, maps.Legend)).html
    assert t("office_kind.labour") in symbols and t("inspections.legend_overnight") in symbols
    assert not any(names[code] in symbols for code in set(stops["team_id"])), "teams are listed beside the map"
