"""The demo's real geography: areas, departments, border crossings, offices."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geodata.basemap import bolivia_outline, country_outlines
from geodata.contracts import NEIGHBOURS
from geodata.dataset import Dataset
from geodata.demo import build_demo
from geodata.demo.places import bolivian_places

DEPARTMENTS = {"Chuquisaca", "La Paz", "Cochabamba", "Oruro", "Potosí", "Tarija", "Santa Cruz", "Beni", "Pando"}


def km_between(a: shapely.Point, b: shapely.Point) -> float:
    dx = (a.x - b.x) * 111.32 * math.cos(math.radians((a.y + b.y) / 2))
    dy = (a.y - b.y) * 110.57
    return math.hypot(dx, dy)


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return build_demo()


def area_at(demo: Dataset, lon: float, lat: float) -> pd.Series:
    areas = demo.areas
    hit = areas[areas.geometry.contains(shapely.Point(lon, lat))]
    assert len(hit) == 1, f"({lon}, {lat}) lies in {len(hit)} areas"
    return hit.iloc[0]


# ----------------------------------------------------------------------------- areas

def test_one_demo_area_per_geonames_place(demo: Dataset) -> None:
    areas = demo.areas
    assert 170 <= len(areas) <= 200
    assert areas["area_id"].is_unique
    assert set(areas["geonameid"]) == set(bolivian_places()["geonameid"])


def test_demo_area_codes_cannot_be_mistaken_for_ine_codes(demo: Dataset) -> None:
    codes = demo.areas["area_id"]
    assert codes.str.fullmatch(r"GN\d+").all()
    assert not codes.str.fullmatch(r"\d{6}").any()


def test_areas_are_valid_polygons_that_tile_bolivia_without_overlaps(demo: Dataset) -> None:
    geoms = demo.areas.geometry
    assert geoms.is_valid.all() and not geoms.is_empty.any()
    assert set(geoms.geom_type) <= {"Polygon", "MultiPolygon"}
    outline = bolivia_outline()
    union = shapely.union_all(geoms.to_numpy())
    assert union.symmetric_difference(outline).area < 1e-6 * outline.area  # covered, nothing outside
    planar_area = shapely.area(geoms.to_numpy()).sum()  # degrees², like the outline's
    assert abs(planar_area - outline.area) < 1e-6 * outline.area  # sum == union: no overlaps


def test_every_department_has_areas(demo: Dataset) -> None:
    assert set(demo.areas["admin1"]) == DEPARTMENTS


@pytest.mark.parametrize(
    ("lon", "lat", "name", "department"),
    [
        (-68.15, -16.50, "La Paz", "La Paz"),
        (-65.7531, -19.5836, "Potosí", "Potosí"),
        (-68.7692, -11.0267, "Cobija", "Pando"),
        (-63.1812, -17.7863, "Santa Cruz de la Sierra", "Santa Cruz"),
        (-64.7296, -21.5355, "Tarija", "Tarija"),
    ],
)
def test_known_towns_are_in_their_own_area_and_department(
    demo: Dataset, lon: float, lat: float, name: str, department: str
) -> None:
    if not bolivia_outline().contains(shapely.Point(lon, lat)):
        lon, lat = lon + 0.02, lat - 0.02  # Cobija sits on the border river: step inland
    area = area_at(demo, lon, lat)
    assert area["name"] == name
    assert area["admin1"] == department


def test_area_population_is_the_places_geonames_figure(demo: Dataset) -> None:
    areas = demo.areas.set_index("name")
    assert areas.loc["La Paz", "population"] > 1_000_000
    assert areas.loc["Santa Cruz de la Sierra", "population"] > areas.loc["Cochabamba", "population"]
    assert (demo.areas["population"] >= 500).all()
    zero = demo.areas[demo.areas["population_source"] != "GeoNames"]
    assert (zero["population"] == 500).all()  # the documented floor, said in population_source


def test_about_says_demo_areas_are_not_official_boundaries(demo: Dataset) -> None:
    assert "not official boundaries" in demo.about["areas_kind"]
    assert demo.synthetic


def test_puerto_quijarro_is_where_the_town_is(shared_dir: Path) -> None:
    """GeoNames misplaces Puerto Quijarro 130 km north; the demo corrects it."""
    munis = gpd.read_file(shared_dir / "data/bolivia/municipios/municipios_bolivia_2024.gpkg", layer="municipios")
    place = bolivian_places().set_index("name").geometry["Puerto Quijarro"]
    hit = munis[munis.geometry.contains(place)]
    assert hit["nombre_mun"].tolist() == ["Puerto Quijarro"]


# ----------------------------------------------------------------------------- crossings

REQUIRED_OFFICIAL = {
    "Desaguadero": "PER", "Kasani": "PER",
    "Villazón": "ARG", "Yacuiba": "ARG", "Bermejo": "ARG",
    "Pisiga": "CHL", "Tambo Quemado": "CHL", "Charaña": "CHL", "Ollagüe": "CHL",
    "Guayaramerín": "BRA", "Cobija": "BRA", "Puerto Quijarro": "BRA", "San Matías": "BRA",
    "Infante Rivarola": "PRY",
}


def test_the_known_official_crossings_are_there_with_their_neighbour(demo: Dataset) -> None:
    official = demo["crossings"][demo["crossings"]["kind"] == "official"]
    for town, iso in REQUIRED_OFFICIAL.items():
        rows = official[official["name"].str.contains(town) & (official["neighbour"] == iso)]
        assert len(rows) == 1, f"no official crossing to {iso} named {town}"


def test_crossings_lie_in_bolivia_or_on_its_border(demo: Dataset) -> None:
    """Natural Earth 10m draws some borders a few km off (Yacuiba: ~3.5 km), hence 4 km."""
    outline = bolivia_outline()
    for row in demo["crossings"].itertuples():
        km_outside = 0.0 if outline.contains(row.geometry) else outline.distance(row.geometry) * 111
        limit = 4.0 if row.kind == "official" else 0.1  # unofficial ones are snapped onto the border
        assert km_outside <= limit, f"{row.name} is {km_outside:.1f} km outside Bolivia"


def test_each_crossing_is_on_the_border_with_its_neighbour(demo: Dataset) -> None:
    countries = country_outlines().set_index("iso3").geometry
    for row in demo["crossings"].itertuples():
        distance = {iso: countries[iso].distance(row.geometry) for iso in NEIGHBOURS}
        assert min(distance, key=distance.get) == row.neighbour, row.name
        assert distance[row.neighbour] * 111 < 6.0, f"{row.name} is far from {row.neighbour}"


def test_unofficial_crossings_are_generated_near_busy_posts_and_say_so(demo: Dataset) -> None:
    crossings = demo["crossings"].set_index("crossing_id")
    unofficial = crossings[crossings["kind"] == "unofficial"]
    assert {"DESAGUADERO", "PISIGA", "VILLAZON", "YACUIBA", "COBIJA", "GUAYARAMERIN"} <= set(unofficial["parent_id"])
    for crossing_id, row in unofficial.iterrows():
        parent = crossings.loc[row["parent_id"]]
        assert row["name"].startswith("Paso no oficial cerca de ") and "(sintético)" in row["name"]
        assert row["neighbour"] == parent["neighbour"]
        assert 2.0 <= km_between(row.geometry, parent.geometry) <= 25.0, crossing_id


def test_road_crossings_match_an_independent_list_of_road_border_points(demo: Dataset, shared_dir: Path) -> None:
    seed = pd.read_csv(shared_dir / "data/bolivia/border_crossings/bolivia_road_border_crossings_tm.csv")
    official = demo["crossings"][demo["crossings"]["kind"] == "official"]
    road_towns = ["Desaguadero", "Kasani", "Villazón", "Yacuiba", "Bermejo", "Pisiga", "Tambo Quemado",
                  "Puerto Quijarro", "San Matías", "Cobija"]
    for town in road_towns:
        row = official[official["name"].str.startswith(town)].iloc[0]
        same = seed[seed["neighbour_iso3"] == row["neighbour"]]
        nearest = min(km_between(row.geometry, shapely.Point(x, y)) for x, y in zip(same["lon"], same["lat"]))
        assert nearest <= 15.0, f"{town} is {nearest:.0f} km from any {row['neighbour']} road crossing"


# ----------------------------------------------------------------------------- offices

def test_labour_offices_in_the_nine_capitals_and_el_alto_with_116_inspectors(demo: Dataset) -> None:
    labour = demo["offices"][demo["offices"]["kind"] == "labour"]
    assert len(labour) == 10 and labour["office_id"].is_unique
    for city in ("Sucre", "La Paz", "El Alto", "Cochabamba", "Oruro", "Potosí", "Tarija", "Santa Cruz",
                 "Trinidad", "Cobija"):
        assert labour["name"].str.contains(city).sum() == 1, city
    assert labour["staff"].sum() == 116
    biggest = set(labour.nlargest(4, "staff")["name"].str.extract(r"Trabajo (.+)$")[0])
    assert biggest == {"Santa Cruz", "La Paz", "Cochabamba", "El Alto"}


@pytest.mark.parametrize(
    ("office", "department"),
    [("LAB-LPZ", "La Paz"), ("LAB-EAL", "La Paz"), ("LAB-PTS", "Potosí"), ("LAB-CIJ", "Pando"),
     ("LAB-TDD", "Beni"), ("LAB-SRE", "Chuquisaca")],
)
def test_labour_offices_lie_in_their_department(demo: Dataset, office: str, department: str) -> None:
    point = demo["offices"].set_index("office_id").geometry[office]
    if not bolivia_outline().contains(point):  # Cobija's centre is on the border river
        point = shapely.Point(point.x + 0.02, point.y - 0.02)
    assert area_at(demo, point.x, point.y)["admin1"] == department


def test_a_police_unit_inside_bolivia_near_each_official_crossing(demo: Dataset) -> None:
    crossings = demo["crossings"].set_index("crossing_id")
    official = crossings[crossings["kind"] == "official"]
    police = demo["offices"][demo["offices"]["kind"] == "police"]
    assert sorted(police["crossing_id"]) == sorted(official.index)
    outline = bolivia_outline()
    for row in police.itertuples():
        assert outline.contains(row.geometry), row.name
        assert km_between(row.geometry, official.geometry[row.crossing_id]) < 8.0, row.name
        assert row.staff > 0 and "(sintético)" in row.name
