"""The demo on disk: write_demo round trip, real boundary files (--areas), and refusals."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

from geodata.contracts import LAYER_ORDER
from geodata.demo import build_demo, write_demo
from geodata.problems import DataError, Severity

MUNICIPIOS = Path("data/bolivia/municipios")


def read_layer(path: Path, layer: str) -> pd.DataFrame:
    return pyogrio.read_dataframe(path, layer=layer)


def about_table(path: Path) -> dict[str, str]:
    about = read_layer(path, "about")
    return dict(zip(about["key"], about["value"]))


# ----------------------------------------------------------------------------- write_demo

def test_write_demo_writes_every_layer_and_says_synthetic(demo_gpkg: Path) -> None:
    layers = {str(name) for name, _ in pyogrio.list_layers(demo_gpkg)}
    assert set(LAYER_ORDER) | {"about"} == layers
    about = about_table(demo_gpkg)
    assert about["synthetic"] == "true" and about["areas_kind"].startswith("municipalities")
    assert "Lab TecnoSocial" in about["attribution"]
    areas = read_layer(demo_gpkg, "areas")
    assert areas["area_id"].str.fullmatch(r"\d{6}").all()  # INE codes stay text, leading zeros kept
    cases = read_layer(demo_gpkg, "cases")
    assert set(cases["area_id"]) == set(areas["area_id"]) and cases["period"].str.fullmatch(r"\d{4}").all()
    sites = read_layer(demo_gpkg, "sites")
    assert sites["must_visit"].dtype == bool and sites.crs.to_epsg() == 4326


def test_write_demo_round_trip_keeps_the_figures(tmp_path: Path) -> None:
    built = build_demo(seed=5)
    path = write_demo(tmp_path / "out" / "demo.gpkg", seed=5)
    assert path == tmp_path / "out" / "demo.gpkg"
    for name in ("cases", "migration", "sectors"):
        back = read_layer(path, name)
        pd.testing.assert_frame_equal(back[built[name].columns], built[name], check_dtype=False, obj=name)
    areas = read_layer(path, "areas")
    assert list(areas["area_id"]) == list(built.areas["area_id"])
    # GeoPackage stores every polygon as MultiPolygon: same shapes, possibly another type.
    assert shapely.equals(areas.geometry.to_numpy(), built.areas.geometry.to_numpy()).all()


def test_same_seed_writes_the_same_layer_content(tmp_path: Path) -> None:
    a = write_demo(tmp_path / "a.gpkg", seed=3)
    b = write_demo(tmp_path / "b.gpkg", seed=3)
    for name in (*LAYER_ORDER, "about"):
        left, right = read_layer(a, name), read_layer(b, name)
        if "geometry" in left:
            left, right = (pd.DataFrame(f).assign(geometry=shapely.to_wkb(f.geometry.to_numpy())) for f in (left, right))
        pd.testing.assert_frame_equal(pd.DataFrame(left), pd.DataFrame(right), obj=name)


def test_the_demo_passes_validation(demo_gpkg: Path) -> None:
    from geodata.load import check_dataset

    report = check_dataset(demo_gpkg)
    assert report.ok, [str(p) for p in report.problems]
    assert not [p for p in report.problems if p.severity is Severity.WARNING]
    assert report.dataset is not None and report.dataset.synthetic


# ----------------------------------------------------------------------------- --areas FILE

@pytest.fixture(scope="module")
def municipios_gpkg(shared_dir: Path) -> Path:
    return shared_dir / MUNICIPIOS / "municipios_bolivia_2024.gpkg"


def test_real_municipalities_carry_the_demo_figures(municipios_gpkg: Path, tmp_path: Path) -> None:
    from geodata.load import check_dataset

    demo = build_demo(areas_file=municipios_gpkg)
    areas = demo.areas
    assert len(areas) == 343 and areas["area_id"].is_unique
    assert areas["area_id"].str.fullmatch(r"\d{6}").all()
    assert "010101" in set(areas["area_id"])  # Sucre: the leading zero survives
    assert set(demo["cases"]["area_id"]) <= set(areas["area_id"])
    assert set(demo["sectors"]["area_id"]) <= set(areas["area_id"])
    assert demo["cases"].groupby("period")["cases"].sum().between(300, 500).all()
    assert "municipios_bolivia_2024.gpkg" in demo.about["areas_kind"]
    assert "synthetic estimate" in demo.about["population"]
    assert any(p.column == "population" and p.severity is Severity.WARNING for p in demo.problems)
    by_code = areas.set_index("area_id").geometry
    sites = demo["sites"]
    assert all(by_code[a].contains(p) for a, p in zip(sites["area_id"], sites.geometry))
    la_paz = areas.set_index("area_id").loc["020101"]
    assert la_paz["admin1"] == "La Paz" and la_paz["population"] > 1_000_000
    path = write_demo(tmp_path / "real.gpkg", areas_file=municipios_gpkg)
    report = check_dataset(path)
    assert report.ok, [str(p) for p in report.problems]
    assert "municipios_bolivia_2024.gpkg" in about_table(path)["areas_kind"]


def test_geojson_with_idep_iprov_imun_gets_the_same_codes(municipios_gpkg: Path) -> None:
    from_gpkg = build_demo(areas_file=municipios_gpkg).areas
    from_geojson = build_demo(areas_file=municipios_gpkg.with_suffix(".geojson")).areas
    assert sorted(from_geojson["area_id"]) == sorted(from_gpkg["area_id"])


def test_a_file_with_contract_columns_is_taken_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "mine.geojson"
    gpd.GeoDataFrame(
        {"area_id": ["0101", "0102"], "name": ["Norte", "Sur"], "admin1": ["Oruro", "Oruro"],
         "population": [1200, 3400]},
        geometry=[shapely.box(-67.5, -18.0, -67.0, -17.5), shapely.box(-67.5, -18.5, -67.0, -18.0)],
        crs="EPSG:4326",
    ).to_file(path)
    demo = build_demo(areas_file=path)
    assert demo.areas["area_id"].tolist() == ["0101", "0102"]
    assert demo.areas["population"].tolist() == [1200, 3400]
    assert demo.problems == []
    assert "from mine.geojson" in demo.about["population"]


def test_numeric_ine_codes_get_their_leading_zeros_back(tmp_path: Path) -> None:
    path = tmp_path / "numeric.gpkg"
    gpd.GeoDataFrame(
        {"codigo_ine": [10101, 20101], "nombre_mun": ["Sucre", "La Paz"], "nombre_dep": ["Chuquisaca", "La Paz"]},
        geometry=[shapely.box(-65.4, -19.2, -65.1, -18.9), shapely.box(-68.3, -16.7, -68.0, -16.4)],
        crs="EPSG:4326",
    ).to_file(path)
    demo = build_demo(areas_file=path)
    assert demo.areas["area_id"].tolist() == ["010101", "020101"]
    assert any(p.severity is Severity.FIXED and p.column == "codigo_ine" for p in demo.problems)


def test_a_file_without_area_codes_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "nocode.geojson"
    gpd.GeoDataFrame({"nombre": ["A"]}, geometry=[shapely.box(-65, -19, -64, -18)], crs="EPSG:4326").to_file(path)
    with pytest.raises(DataError) as caught:
        build_demo(areas_file=path)
    problem = caught.value.problems[0]
    assert problem.file == "nocode.geojson" and problem.column == "area_id"
    assert "codigo_ine" in problem.hint and "nombre" in problem.hint  # names the columns it found


def test_duplicate_codes_are_refused_row_by_row(tmp_path: Path) -> None:
    path = tmp_path / "dup.geojson"
    gpd.GeoDataFrame(
        {"area_id": ["A", "B", "A"], "name": ["x", "y", "z"]},
        geometry=[shapely.box(-65, -19, -64, -18), shapely.box(-64, -19, -63, -18), shapely.box(-63, -19, -62, -18)],
        crs="EPSG:4326",
    ).to_file(path)
    with pytest.raises(DataError) as caught:
        build_demo(areas_file=path)
    assert sorted(p.row for p in caught.value.problems) == [1, 3]
    assert all("more than once" in p.message for p in caught.value.problems)


def test_a_table_without_geometry_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("codigo_ine,nombre_mun\n010101,Sucre\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build_demo(areas_file=path)
    assert caught.value.problems[0].file == "table.csv"
    assert "polygon" in caught.value.problems[0].message


def test_points_are_not_areas(tmp_path: Path) -> None:
    path = tmp_path / "points.gpkg"
    gpd.GeoDataFrame({"area_id": ["1"], "name": ["x"]}, geometry=[shapely.Point(-65, -19)],
                     crs="EPSG:4326").to_file(path)
    with pytest.raises(DataError) as caught:
        build_demo(areas_file=path)
    assert "polygon" in str(caught.value)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError) as caught:
        build_demo(areas_file=tmp_path / "nowhere.gpkg")
    assert caught.value.problems[0].file == "nowhere.gpkg"
