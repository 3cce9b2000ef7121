"""The demo's real geography: the 343 municipalities, departments, border crossings, offices."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geodata.basemap import bolivia_outline, country_outlines
from geodata.contracts import NEIGHBOURS
from geodata.dataset import Dataset
from geodata.demo import build_demo
from geodata.demo.places import bolivian_places


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

#: Units per department in the CPV-2024 municipal geography (the source's PROVENANCE counts).
UNITS_PER_DEPARTMENT = {"La Paz": 87, "Santa Cruz": 56, "Cochabamba": 48, "Potosí": 42, "Oruro": 35,
                        "Chuquisaca": 29, "Beni": 20, "Pando": 15, "Tarija": 11}

#: Published CPV-2024 department totals (INE, 29 August 2024); Bolivia 11,312,620.
CENSUS_2024 = {"Santa Cruz": 3_115_386, "La Paz": 3_022_566, "Cochabamba": 2_005_373, "Potosí": 856_419,
               "Chuquisaca": 600_132, "Oruro": 570_194, "Tarija": 534_348, "Beni": 477_441, "Pando": 130_761}


def test_the_areas_are_the_343_municipalities_with_their_ine_codes(demo: Dataset) -> None:
    areas = demo.areas
    assert len(areas) == 343 and areas["area_id"].is_unique
    assert areas["area_id"].str.fullmatch(r"\d{6}").all()
    by_code = areas.set_index("area_id")
    assert by_code.loc["010101", "name"] == "Sucre"  # the leading zero survives
    assert by_code.loc["020105", "name"] == "El Alto" and by_code.loc["020105", "admin1"] == "La Paz"
    assert areas["admin1"].value_counts().to_dict() == UNITS_PER_DEPARTMENT
    # the code starts with the INE department code, so tables keyed by department prefix join too
    assert (areas.groupby(areas["area_id"].str[:2])["admin1"].nunique() == 1).all()


def test_shipped_units_match_the_source_codes_and_names(demo: Dataset, shared_dir: Path) -> None:
    source = pd.read_csv(shared_dir / "data/bolivia/municipios/municipios_bolivia_2024.csv", dtype=str)
    mine = demo.areas.set_index("area_id")
    theirs = source.set_index("codigo_ine")
    assert sorted(mine.index) == sorted(theirs.index)
    assert (mine["name"] == theirs["nombre_mun"].reindex(mine.index)).all()
    assert (mine["admin1"] == theirs["nombre_dep"].reindex(mine.index)).all()


def test_simplified_units_keep_their_shape_and_their_neighbours(demo: Dataset, shared_dir: Path) -> None:
    """Simplified as one coverage: no overlaps, every unit within a few % of its source area, and units
    that share a border in the source still share one (hotspots use who borders whom)."""
    source = gpd.read_file(shared_dir / "data/bolivia/municipios/municipios_bolivia_2024.gpkg", layer="municipios")
    source = source.set_index("codigo_ine").loc[demo.areas["area_id"]]
    mine = demo.areas.geometry.to_numpy()
    assert shapely.is_valid(mine).all() and not shapely.is_empty(mine).any()
    assert set(demo.areas.geom_type) <= {"Polygon", "MultiPolygon"}
    union = shapely.area(shapely.union_all(mine))
    assert abs(shapely.area(mine).sum() - union) < 1e-6 * union  # sum == union: no overlaps
    ratio = shapely.area(mine) / shapely.area(source.geometry.to_numpy())
    assert np.median(np.abs(ratio - 1)) < 0.01 and np.abs(ratio - 1).max() < 0.15
    tree = shapely.STRtree(mine)
    left, right = tree.query(mine, predicate="intersects")
    simplified = {(a, b) for a, b in zip(left, right) if a < b}
    src = source.geometry.to_numpy()
    left, right = shapely.STRtree(src).query(src, predicate="touches")
    original = {(a, b) for a, b in zip(left, right) if a < b}
    assert len(original - simplified) <= 0.01 * len(original), len(original - simplified)


def test_the_shipped_file_is_small_and_carries_its_licence() -> None:
    from geodata.demo.municipios import data_path

    assert data_path().stat().st_size < 1_000_000
    attribution = data_path("ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "Lab TecnoSocial" in attribution and "CC BY 4.0" in attribution.replace("Attribution 4.0", "CC BY 4.0")
    assert "Attribution 4.0 International" in data_path("LICENSE-CC-BY-4.0.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lon", "lat", "code", "name", "department"),
    [
        (-68.1336, -16.4958, "020101", "Nuestra Señora de La Paz", "La Paz"),
        (-68.1900, -16.5050, "020105", "El Alto", "La Paz"),
        (-65.7531, -19.5836, "050101", "Potosí", "Potosí"),
        (-68.7692, -11.0267, "090101", "Cobija", "Pando"),
        (-63.1812, -17.7863, "070101", "Santa Cruz de la Sierra", "Santa Cruz"),
        (-64.7296, -21.5355, "060101", "Tarija", "Tarija"),
    ],
)
def test_known_towns_are_in_their_own_municipality_and_department(
    demo: Dataset, lon: float, lat: float, code: str, name: str, department: str
) -> None:
    area = area_at(demo, lon, lat)
    assert (area["area_id"], area["name"], area["admin1"]) == (code, name, department)


def test_populations_are_synthetic_but_add_up_to_the_census_department_totals(demo: Dataset) -> None:
    areas = demo.areas
    assert areas.groupby("admin1")["population"].sum().to_dict() == CENSUS_2024
    assert areas["population"].sum() == 11_312_620
    largest = areas.nlargest(4, "population")["name"].tolist()
    assert set(largest) == {"Santa Cruz de la Sierra", "Nuestra Señora de La Paz", "El Alto", "Cochabamba"}
    assert (areas["population"] >= 1_000).all()
    assert areas["population_source"].str.startswith("synthetic").all()
    assert "SYNTHETIC" in demo.about["population"] and "CPV-2024" in demo.about["population"]


def test_about_names_the_areas_as_municipalities_in_both_languages(demo: Dataset) -> None:
    from vigia.ui.i18n import areas_kind_label

    assert areas_kind_label(demo, "es") == "municipios"
    assert areas_kind_label(demo, "en") == "municipalities"
    assert "Lab TecnoSocial" in demo.about["attribution"] and "CC BY 4.0" in demo.about["attribution"]
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


def test_the_shipped_file_is_the_documented_simplification_of_the_source(shared_dir: Path, tmp_path: Path) -> None:
    """``python -m geodata.demo.municipios SOURCE OUT`` (the command in ATTRIBUTION.md) rebuilds it exactly."""
    from geodata.demo.municipios import data_path, simplify

    rebuilt = simplify(shared_dir / "data/bolivia/municipios/municipios_bolivia_2024.gpkg", tmp_path / "m.geojson")
    shipped = gpd.read_file(data_path())
    assert list(rebuilt["codigo_ine"]) == list(shipped["codigo_ine"])
    same = shapely.equals_exact(shapely.normalize(rebuilt.geometry.to_numpy()),  # ring order/orientation aside
                                shapely.normalize(shipped.geometry.to_numpy()), tolerance=1e-9)
    assert same.all(), list(rebuilt.loc[~same, "nombre_mun"])
