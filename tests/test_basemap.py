"""The offline basemap: country outlines for the maps, Bolivia's outline, department outlines."""

from __future__ import annotations

import geopandas as gpd
import shapely

from geodata import basemap
from geodata.contracts import NEIGHBOURS

LA_PAZ = shapely.Point(-68.15, -16.50)
SANTA_CRUZ = shapely.Point(-63.18, -17.78)
TRINIDAD = shapely.Point(-64.90, -14.83)
LIMA = shapely.Point(-77.04, -12.05)
ARICA = shapely.Point(-70.31, -18.48)
ASUNCION = shapely.Point(-57.63, -25.28)


def test_context_countries_are_bolivia_and_its_five_neighbours_with_spanish_names() -> None:
    countries = basemap.context_countries()
    assert set(countries["iso3"]) == {"BOL", *NEIGHBOURS}
    assert countries.loc[countries["is_bolivia"], "iso3"].tolist() == ["BOL"]
    names = dict(zip(countries["iso3"], countries["name"]))
    assert names["PER"] == "Perú" and names["BRA"] == "Brasil"
    assert countries.crs.to_epsg() == 4326


def test_context_countries_are_clipped_and_lighter_than_the_full_outlines() -> None:
    countries = basemap.context_countries()
    west, south, east, north = countries.total_bounds
    box_w, box_s, box_e, box_n = basemap.CONTEXT_BOX
    assert box_w - 1e-9 <= west and east <= box_e + 1e-9 and box_s - 1e-9 <= south and north <= box_n + 1e-9
    full = basemap.country_outlines().set_index("iso3").geometry
    shown = countries.set_index("iso3").geometry
    # Brazil clipped to the box is still a big country, but with far fewer vertices.
    assert shapely.get_num_coordinates(shown["BRA"]) < shapely.get_num_coordinates(full["BRA"]) / 5
    assert shown["BOL"].intersection(full["BOL"]).area > 0.99 * full["BOL"].area


def test_context_countries_cannot_be_changed_by_a_caller() -> None:
    first = basemap.context_countries()
    first["fill"] = "red"
    first.loc[0, "name"] = "changed"
    again = basemap.context_countries()
    assert "fill" not in again.columns and "changed" not in set(again["name"])


def test_bolivia_outline_holds_bolivian_cities_and_not_foreign_ones() -> None:
    outline = basemap.bolivia_outline()
    assert all(outline.contains(p) for p in (LA_PAZ, SANTA_CRUZ, TRINIDAD))
    assert not any(outline.contains(p) for p in (LIMA, ARICA, ASUNCION))


def test_bolivia_outline_has_bolivias_area() -> None:
    """Bolivia covers about 1,098,581 km²."""
    area_km2 = gpd.GeoSeries([basemap.bolivia_outline()], crs="EPSG:4326").to_crs("EPSG:6933").area.iloc[0] / 1e6
    assert 1_070_000 < area_km2 < 1_130_000


def test_department_outlines_dissolve_areas_by_department() -> None:
    areas = gpd.GeoDataFrame(
        {"area_id": ["a", "b", "c"], "admin1": ["Oruro", "Oruro", "Potosí"], "population": [1, 2, 3]},
        geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1), shapely.box(0, -1, 2, 0)],
        crs="EPSG:4326",
    )
    outlines = basemap.department_outlines(areas)
    assert list(outlines.columns) == ["admin1", "geometry"]
    by_name = outlines.set_index("admin1").geometry
    assert set(by_name.index) == {"Oruro", "Potosí"}
    assert abs(by_name["Oruro"].area - 2.0) < 1e-12
    assert by_name["Oruro"].geom_type == "Polygon"  # the two touching areas became one shape


def test_department_outlines_of_the_demo_are_the_nine_departments_covering_bolivia() -> None:
    from geodata.demo import build_demo

    areas = build_demo().areas
    outlines = basemap.department_outlines(areas)
    assert len(outlines) == 9 and outlines.geometry.is_valid.all()
    # the nine outlines cover exactly the 343 municipalities ...
    municipal = shapely.area(areas.geometry.to_numpy()).sum()
    assert abs(shapely.area(outlines.geometry.to_numpy()).sum() - municipal) < 1e-6 * municipal
    # ... which are Bolivia as Natural Earth draws it, up to the salt flats and lakes left out as holes
    # (Salar de Uyuni, Poopó, Uru Uru) and the two sources' border lines (a few % in all)
    outline = basemap.bolivia_outline()
    assert shapely.area(shapely.symmetric_difference(outlines.union_all(), outline)) < 0.04 * outline.area
    la_paz = outlines.set_index("admin1").geometry["La Paz"]
    assert la_paz.contains(LA_PAZ) and not la_paz.contains(SANTA_CRUZ)
