"""Road-network travel times on small hand-made road files, as a GIS desk would supply them."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyproj import Geod
from shapely.geometry import LineString, MultiLineString, Point

from geodata.problems import DataError, Severity
from geodata.travel import GreatCircleTravel, RoadNetworkTravel, haversine_km, travel_matrix

GEOD = Geod(ellps="WGS84")
# A patch of Altiplano south of Oruro: 0.1° of latitude is about 11 km.
A, B = (-67.0, -18.0), (-66.8, -18.0)
U_ROAD = [A, (-67.0, -18.2), (-66.8, -18.2), B]  # goes 22 km south, 21 km east, 22 km north


def road_km(coords: list[tuple[float, float]]) -> float:
    return GEOD.line_length([c[0] for c in coords], [c[1] for c in coords]) / 1000


def write(path: Path, geometries: list, crs: str | None = "EPSG:4326", **columns: list) -> Path:
    gpd.GeoDataFrame(columns, geometry=geometries, crs=crs).to_file(path)
    return path


def test_a_winding_road_takes_longer_than_the_straight_line(tmp_path: Path) -> None:
    roads = RoadNetworkTravel.from_file(write(tmp_path / "u.geojson", [LineString(U_ROAD)]), default_speed_kmh=60)
    m = roads.matrix([A], [B])
    assert m.method == "road_network" and not m.fallback.any()
    assert m.km[0, 0] == pytest.approx(road_km(U_ROAD), rel=1e-9)  # geodesic, not degrees
    assert m.minutes[0, 0] == pytest.approx(m.km[0, 0])  # 60 km/h
    assert m.km[0, 0] > 3 * haversine_km(*A, *B)
    assert m.minutes[0, 0] > GreatCircleTravel().matrix([A], [B]).minutes[0, 0]


def test_a_fast_highway_beats_a_slow_direct_road_and_km_follow_the_route_taken(tmp_path: Path) -> None:
    direct = LineString([A, B])
    highway = LineString(U_ROAD)
    path = write(tmp_path / "roads.gpkg", [direct, highway], speed_kmh=[20.0, 100.0])
    m = RoadNetworkTravel.from_file(path, speed_column="speed_kmh").matrix([A], [B])
    assert m.minutes[0, 0] == pytest.approx(road_km(U_ROAD) / 100 * 60)
    assert m.km[0, 0] == pytest.approx(road_km(U_ROAD))

    slow_highway = write(tmp_path / "slow.gpkg", [direct, highway], speed_kmh=[20.0, 50.0])
    m = RoadNetworkTravel.from_file(slow_highway, speed_column="speed_kmh").matrix([A], [B])
    assert m.km[0, 0] == pytest.approx(road_km([A, B]))


def test_unconnected_roads_fall_back_to_great_circle_and_say_so(tmp_path: Path) -> None:
    beni = [(-64.9, -14.8), (-64.6, -14.8)]  # a road near Trinidad, not joined to the Altiplano one
    roads = RoadNetworkTravel.from_file(write(tmp_path / "two.geojson", [LineString(U_ROAD), LineString(beni)]))
    assert roads.component_count == 2
    points = [A, B, beni[0], beni[1]]
    m = roads.matrix(points)
    assert np.isfinite(m.minutes).all() and np.isfinite(m.km).all()
    across = np.array([[0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 0]], dtype=bool)
    np.testing.assert_array_equal(m.fallback, across)
    gc = GreatCircleTravel().matrix(points)
    np.testing.assert_allclose(m.minutes[across], gc.minutes[across])


def test_a_projected_road_file_is_reprojected_and_gives_the_same_times(tmp_path: Path) -> None:
    lines = gpd.GeoSeries([LineString(U_ROAD)], crs="EPSG:4326")
    utm = write(tmp_path / "utm.gpkg", list(lines.to_crs("EPSG:32719")), crs="EPSG:32719")
    roads = RoadNetworkTravel.from_file(utm)
    assert any(p.severity is Severity.FIXED and "reprojected" in p.message for p in roads.problems)
    m = roads.matrix([A], [B])
    assert m.km[0, 0] == pytest.approx(road_km(U_ROAD), rel=1e-6)


def test_a_point_off_the_road_pays_an_access_leg() -> None:
    roads = RoadNetworkTravel.from_lines(gpd.GeoSeries([LineString(U_ROAD)], crs="EPSG:4326"), default_speed_kmh=60)
    mine = (-67.1, -18.0)  # ~10.6 km west of A, no road
    m = roads.matrix([mine], [B])
    access = GreatCircleTravel().matrix([mine], [A])
    assert m.minutes[0, 0] == pytest.approx(access.minutes[0, 0] + road_km(U_ROAD))
    assert m.km[0, 0] == pytest.approx(access.km[0, 0] + road_km(U_ROAD))


def test_two_neighbouring_points_far_from_the_road_travel_directly() -> None:
    roads = RoadNetworkTravel.from_lines(gpd.GeoSeries([LineString(U_ROAD)], crs="EPSG:4326"))
    mines = [(-67.5, -17.5), (-67.51, -17.5)]  # 1 km apart, ~75 km from the road
    m = roads.matrix(mines)
    direct = GreatCircleTravel().matrix(mines)
    np.testing.assert_allclose(m.minutes, direct.minutes)
    assert not m.fallback.any()


def test_a_point_can_join_a_long_road_between_its_vertices() -> None:
    # One feature, many vertices: towns on it are priced along the road, not via its ends.
    line = [(-67.0 + 0.05 * i, -18.0 + 0.02 * (i % 2)) for i in range(11)]
    roads = RoadNetworkTravel.from_lines(gpd.GeoSeries([LineString(line)], crs="EPSG:4326"), default_speed_kmh=60)
    m = roads.matrix([line[3], line[7]])
    assert m.km[0, 1] == pytest.approx(road_km(line[3:8]))
    assert m.minutes[0, 1] == pytest.approx(m.km[0, 1])


def test_roads_meet_where_they_share_a_vertex_not_where_they_merely_cross() -> None:
    centre = (-66.9, -18.1)
    north, south, west, east = (-66.9, -18.0), (-66.9, -18.2), (-67.0, -18.1), (-66.8, -18.1)
    shared = RoadNetworkTravel.from_lines(
        gpd.GeoSeries([LineString([north, centre, south]), LineString([west, centre, east])], crs="EPSG:4326"))
    m = shared.matrix([north], [east])
    assert not m.fallback.any()
    assert m.km[0, 0] == pytest.approx(road_km([north, centre, east]))

    bridge = RoadNetworkTravel.from_lines(
        gpd.GeoSeries([LineString([north, centre, south]), LineString([west, east])], crs="EPSG:4326"))
    assert bridge.component_count == 2
    assert bridge.matrix([north], [east]).fallback.all()


def test_ring_roads_and_multilinestrings_are_routable() -> None:
    ring = [(-67.0, -18.0), (-66.9, -18.0), (-66.9, -18.1), (-67.0, -18.1), (-67.0, -18.0)]
    roads = RoadNetworkTravel.from_lines(gpd.GeoSeries([MultiLineString([ring[:3], ring[2:]])], crs="EPSG:4326"))
    m = roads.matrix([ring[0], ring[2]])
    assert m.km[0, 1] == pytest.approx(min(road_km(ring[:3]), road_km(ring[2:])))
    np.testing.assert_allclose(m.minutes, m.minutes.T)


def test_travel_matrix_uses_the_roads_when_given() -> None:
    roads = RoadNetworkTravel.from_lines(gpd.GeoSeries([LineString(U_ROAD)], crs="EPSG:4326"))
    points = gpd.GeoDataFrame(geometry=[Point(A), Point(B)], crs="EPSG:4326")
    assert travel_matrix(points, roads=roads).method == "road_network"
    assert travel_matrix(points).method == "great_circle"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 18), unique=True, max_size=6), st.lists(st.integers(0, 19), min_size=2, max_size=5))
def test_how_a_road_is_cut_into_features_does_not_change_travel_times(cuts: list[int], stops: list[int]) -> None:
    line = [(-67.0 + 0.03 * i, -18.0 + 0.01 * ((i * 7) % 5)) for i in range(20)]
    edges = [0, *sorted(cuts), len(line) - 1]
    pieces = [LineString(line[a: b + 1]) for a, b in itertools.pairwise(edges)]
    whole = RoadNetworkTravel.from_lines(gpd.GeoSeries([LineString(line)], crs="EPSG:4326"))
    cut = RoadNetworkTravel.from_lines(gpd.GeoSeries(pieces, crs="EPSG:4326"))
    points = [line[i] for i in stops]
    np.testing.assert_allclose(cut.matrix(points).minutes, whole.matrix(points).minutes, atol=1e-9)


# --- bad road files: DataError naming file, feature and column ---------------------------------


def test_a_bad_feature_and_a_bad_speed_are_reported_with_file_row_and_column(tmp_path: Path) -> None:
    path = write(tmp_path / "rutas.geojson",
                 [LineString(U_ROAD), Point(A), LineString([A, B])], speed=["60", "40", "rápido"])
    with pytest.raises(DataError) as err:
        RoadNetworkTravel.from_file(path, speed_column="speed")
    found = {(p.file, p.row, p.column) for p in err.value.problems}
    assert ("rutas.geojson", 2, "geometry") in found
    assert ("rutas.geojson", 3, "speed") in found


def test_a_missing_speed_column_lists_the_columns_there_are(tmp_path: Path) -> None:
    path = write(tmp_path / "roads.gpkg", [LineString(U_ROAD)], velocidad=[60.0])
    with pytest.raises(DataError) as err:
        RoadNetworkTravel.from_file(path, speed_column="speed")
    [problem] = err.value.problems
    assert problem.column == "speed" and "velocidad" in problem.hint


def test_empty_speeds_use_the_default_and_say_so(tmp_path: Path) -> None:
    path = write(tmp_path / "roads.gpkg", [LineString([A, B]), LineString(U_ROAD)], speed=[None, 100.0])
    roads = RoadNetworkTravel.from_file(path, speed_column="speed", default_speed_kmh=30)
    assert any(p.row == 1 and "30 km/h" in p.message for p in roads.problems)
    assert roads.matrix([A], [B]).minutes[0, 0] == pytest.approx(road_km(U_ROAD) / 100 * 60)


def test_projected_coordinates_without_crs_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "nocrs.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {},
        "geometry": {"type": "LineString", "coordinates": [[600000, 8000000], [610000, 8005000]]}}]}))
    with pytest.raises(DataError) as err:
        RoadNetworkTravel.from_file(path)
    assert "CRS" in err.value.problems[0].hint


@pytest.mark.parametrize("content", [None, "not a GIS file", '{"type": "FeatureCollection", "features": []}'])
def test_unreadable_missing_or_empty_files_are_data_errors(tmp_path: Path, content: str | None) -> None:
    path = tmp_path / "roads.geojson"
    if content is not None:
        path.write_text(content)
    with pytest.raises(DataError) as err:
        RoadNetworkTravel.from_file(path)
    assert err.value.problems[0].file == "roads.geojson"


def test_a_geopackage_with_several_layers_needs_the_layer_named(tmp_path: Path) -> None:
    path = tmp_path / "many.gpkg"
    write(path, [LineString(U_ROAD)])
    gpd.GeoDataFrame(geometry=[LineString([A, B])], crs="EPSG:4326").to_file(path, layer="tracks")
    with pytest.raises(DataError) as err:
        RoadNetworkTravel.from_file(path)
    assert "tracks" in err.value.problems[0].hint
    assert RoadNetworkTravel.from_file(path, layer="tracks").matrix([A], [B]).km[0, 0] == pytest.approx(
        road_km([A, B]))
