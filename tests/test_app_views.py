"""What the pages show: aggregated, small-count-suppressed tables and the maps built from them."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geodata.dataset import Dataset
from vigia.ui import map_views, maps, summaries
from vigia.ui.privacy import suppress_small


@pytest.fixture
def small() -> Dataset:
    """Four areas in two departments; La Paz has 12 cases, El Alto 3, Potosí 0, Uyuni none."""
    areas = gpd.GeoDataFrame(
        {"area_id": ["020101", "020102", "050101", "050102"], "name": ["La Paz", "El Alto", "Potosí", "Uyuni"],
         "admin1": ["La Paz", "La Paz", "Potosí", "Potosí"], "population": [800000, 900000, 190000, 30000]},
        geometry=[box(-68.3, -16.7, -68.0, -16.4), box(-68.6, -16.7, -68.3, -16.4),
                  box(-65.9, -19.7, -65.6, -19.4), box(-67.0, -20.6, -66.6, -20.3)], crs="EPSG:4326")
    crossings = gpd.GeoDataFrame(
        {"crossing_id": ["C1", "C2", "C3"], "name": ["Desaguadero", "Pisiga", "Sin datos"],
         "neighbour": ["PER", "CHL", "ARG"], "kind": ["official", "unofficial", "official"]},
        geometry=[Point(-69.04, -16.56), Point(-68.6, -19.3), Point(-65.7, -22.1)], crs="EPSG:4326")
    offices = gpd.GeoDataFrame(
        {"office_id": ["O1", "O2"], "name": ["Jefatura La Paz", "Unidad Desaguadero"], "kind": ["labour", "police"],
         "staff": [12, 30]}, geometry=[Point(-68.15, -16.5), Point(-68.5, -16.6)], crs="EPSG:4326")
    sites = gpd.GeoDataFrame(
        {"site_id": ["S1", "S2", "S3"], "name": ["Mina A", "Mina B", "Ladrillera C"],
         "sector": ["mining", "mining", "brick-making"], "service_minutes": [90, 60, 45],
         "must_visit": [True, False, False]},
        geometry=[Point(-65.75, -19.55), Point(-66.8, -20.4), Point(-68.45, -16.55)], crs="EPSG:4326")
    cases = pd.DataFrame(
        {"area_id": ["020101", "020101", "020102", "050101"], "period": ["2023", "2024-03", "2024", "2024"],
         "exploitation": ["sexual", "labour", "labour", "labour"], "cases": [10, 2, 3, 0], "victims": [14, 2, 1, 0]})
    migration = pd.DataFrame(
        {"crossing_id": ["C1", "C1", "C2"], "period": ["2024-01", "2024-02", "2024-01"],
         "entries": [1000, 1200, 5], "exits": [900, 1100, 4], "irregular": [20, 25, 3]})
    return Dataset({"areas": areas, "crossings": crossings, "offices": offices, "sites": sites,
                    "cases": cases, "migration": migration},
                   about={"synthetic": "true", "areas_kind": "demo areas"}, source="small")


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (12345, "12,345"),
                                              (None, ""), (float("nan"), "")])
def test_counts_from_one_to_four_are_suppressed(count: float | None, shown: str) -> None:
    assert suppress_small(count) == shown


def test_department_table_aggregates_and_suppresses_cases(small: Dataset) -> None:
    table = summaries.departments_table(small, thousands=".").set_index("admin1")
    assert table.loc["La Paz", "areas"] == 2 and table.loc["La Paz", "population"] == 1_700_000
    assert table.loc["La Paz", "cases"] == "15" and table.loc["La Paz", "victims"] == "17"
    assert table.loc["La Paz", "areas_with_cases"] == 2
    assert table.loc["Potosí", "cases"] == "0" and table.loc["Potosí", "areas_with_cases"] == 0
    assert len(table) == 2, "one row per department, never per case row"


def test_small_department_totals_show_as_less_than_five(small: Dataset) -> None:
    cases = small.layers["cases"].copy()
    cases.loc[cases["area_id"] == "020101", ["cases", "victims"]] = 0
    small.layers["cases"] = cases
    table = summaries.departments_table(small).set_index("admin1")
    assert table.loc["La Paz", "cases"] == "<5" and table.loc["La Paz", "victims"] == "<5"


def test_coverage_headlines(small: Dataset) -> None:
    cov = summaries.coverage(small)
    assert (cov.areas, cov.departments, cov.areas_with_cases) == (4, 2, 2)
    assert (cov.first_period, cov.last_period) == ("2023", "2024-03")
    assert cov.cases == "15" and cov.population == 1_920_000


def test_coverage_without_a_cases_layer(small: Dataset) -> None:
    del small.layers["cases"]
    cov = summaries.coverage(small)
    assert cov.areas_with_cases == 0 and cov.cases == "" and cov.first_period is None
    assert set(summaries.departments_table(small)["cases"]) == {""}


def test_sites_by_sector_counts_and_departments(small: Dataset) -> None:
    table = summaries.sites_by_sector(small).set_index("sector")
    assert table.loc["mining", "sites"] == 2 and table.loc["mining", "must_visit"] == 1
    assert table.loc["mining", "departments"] == 1 and table.loc["mining", "service_minutes"] == 75
    assert list(table.index) == ["mining", "brick-making"], "most frequent sector first"


def test_migration_per_crossing_keeps_crossings_without_data(small: Dataset) -> None:
    table = summaries.migration_by_crossing(small).set_index("crossing_id")
    assert table.loc["C1", "entries"] == 2200 and table.loc["C1", "periods"] == 2
    assert table.loc["C2", "irregular"] == 3
    assert pd.isna(table.loc["C3", "entries"]), "a crossing without migration rows stays, empty"
    assert next(iter(table.index)) == "C1", "most irregular entries first"


def test_offices_by_kind_with_department(small: Dataset) -> None:
    labour = summaries.offices_table(small, "labour")
    assert list(labour["name"]) == ["Jefatura La Paz"] and list(labour["department"]) == ["La Paz"]
    assert list(summaries.offices_table(small, "police")["staff"]) == [30]


def _geojson_layers(fmap) -> dict[str, dict]:
    import folium

    return {child.layer_name: child.data for child in fmap._children.values() if isinstance(child, folium.GeoJson)}


def test_risk_map_areas_show_suppressed_cases_and_name_the_area_kind(small: Dataset) -> None:
    fmap = map_views.risk_overview(small, online=False)
    layers = _geojson_layers(fmap)
    areas = {f["properties"]["name"]: f["properties"] for f in layers["areas"]["features"]}
    assert len(areas) == 4
    assert areas["El Alto"]["cases_text"] == "<5"
    # La Paz department's total is published (Data page), so La Paz's 12 is hidden as the complement
    # that keeps El Alto's small count from being the total minus La Paz.
    assert areas["La Paz"]["cases_text"] == "*"
    assert areas["Uyuni"]["cases_text"] == "0"
    assert areas["El Alto"]["fill"] == map_views.AREA_WITH_CASES
    assert areas["Potosí"]["fill"] == map_views.AREA_WITHOUT_CASES
    assert set(areas["La Paz"]) == {"name", "admin1", "population_text", "cases_text", "fill"}, \
        "only display fields leave for the browser"
    assert len(layers["crossings"]["features"]) == 3
    html = fmap.get_root().render()
    assert "áreas de demostración" in json.loads(f'"{_legend_text(html)}"')
    assert maps.external_links(fmap) == []


def _legend_text(html: str) -> str:
    start = html.index('div.innerHTML = "') + len('div.innerHTML = "')
    return html[start:html.index('";', start)]


def test_inspection_and_border_maps_hold_their_points(small: Dataset) -> None:
    inspections = _geojson_layers(map_views.inspections(small, online=False))
    assert len(inspections["sites"]["features"]) == 3
    assert len(inspections["offices_labour"]["features"]) == 1
    border = _geojson_layers(map_views.border(small, online=False))
    assert len(border["crossings"]["features"]) == 3 and len(border["offices_police"]["features"]) == 1


def test_online_basemap_replaces_the_vector_countries(small: Dataset) -> None:
    offline = _geojson_layers(map_views.border(small, online=False))
    online = map_views.border(small, online=True)
    assert "countries" in offline and "countries" not in _geojson_layers(online)
    assert "tile.openstreetmap.org" in online.get_root().render()
