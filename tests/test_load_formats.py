"""Loading a good dataset in every accepted form gives the same typed layers."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import validate_fixtures as fx

from geodata.dataset import Dataset, write_dataset
from geodata.load import check_dataset, load_dataset
from geodata.problems import DataError, Severity


def _assert_contract_types(dataset: Dataset) -> None:
    areas = dataset["areas"]
    assert isinstance(areas, gpd.GeoDataFrame) and areas.crs.to_epsg() == 4326
    assert areas["area_id"].tolist() == ["020101", "050101", "010101"]
    assert areas["population"].dtype == np.int64
    if "cases" in dataset:
        cases = dataset["cases"]
        assert not isinstance(cases, gpd.GeoDataFrame)
        assert cases["cases"].dtype == np.int64 and cases["victims"].dtype == np.int64
        assert cases["period"].tolist() == ["2023", "2023-07", "2023", "2024"]
        assert set(cases["area_id"]) <= set(areas["area_id"])
    if "sites" in dataset:
        sites = dataset["sites"]
        assert isinstance(sites, gpd.GeoDataFrame) and sites.crs.to_epsg() == 4326
        assert sites["must_visit"].dtype == bool and not sites["must_visit"].any()
        assert sites["service_minutes"].tolist() == [60, 60, 60]
        assert sites.geometry.iloc[0].x == pytest.approx(-65.75) and sites.geometry.iloc[0].y == pytest.approx(-19.62)


def test_folder_of_mixed_formats_loads_every_layer(tmp_path: Path) -> None:
    folder = fx.good_folder(tmp_path / "pilot")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.files == {
        "areas": "areas.geojson", "cases": "cases.csv", "crossings": "crossings.gpkg", "migration": "migration.csv",
        "offices": "offices.geojson", "sites": "sites.csv", "sectors": "sectors.csv",
    }
    dataset = report.dataset
    assert dataset.source == "pilot"
    assert set(dataset.layers) == set(report.files)
    _assert_contract_types(dataset)
    assert dataset["migration"]["nat_VEN"].tolist() == [300, 280]
    # Only the absent optional site columns are mentioned, as fixes.
    assert {p.column for p in report.problems} == {"service_minutes", "must_visit"}
    assert all(p.severity is Severity.FIXED for p in report.problems)
    assert dataset.problems == report.problems


def test_gpkg_dataset_round_trips_with_its_about_table(tmp_path: Path) -> None:
    built = load_dataset(fx.good_folder(tmp_path / "src"))
    built.about = {"title": "Piloto 2024", "synthetic": "true"}
    path = write_dataset(built, tmp_path / "pilot.gpkg")
    dataset = load_dataset(path)
    assert dataset.source == "pilot.gpkg"
    assert dataset.about == {"title": "Piloto 2024", "synthetic": "true"} and dataset.synthetic
    _assert_contract_types(dataset)
    assert dataset["sites"]["site_id"].tolist() == ["S001", "S002", "S003"]
    assert dataset["offices"]["staff"].tolist() == [12, 6]
    assert check_dataset(path).files["cases"] == "pilot.gpkg"


def test_gpkg_without_about_table_has_empty_about(tmp_path: Path) -> None:
    path = tmp_path / "bare.gpkg"
    fx.areas().to_file(path, layer="areas", driver="GPKG")
    dataset = load_dataset(path)
    assert dataset.about == {} and list(dataset.layers) == ["areas"]


def test_zipped_shapefile_is_read_from_the_zip(tmp_path: Path) -> None:
    folder = tmp_path / "shp"
    folder.mkdir()
    fx.zip_shapefile(fx.areas(), folder / "areas.zip")
    fx.write_csv(fx.cases(), folder / "cases.csv")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.files["areas"] == "areas.zip"
    _assert_contract_types(report.dataset)


def test_plain_shapefile_with_sidecars_is_read_and_sidecars_are_not_unknown(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    fx.areas().to_file(folder / "areas.shp")
    report = check_dataset(folder)
    assert report.ok and report.problems == []
    _assert_contract_types(report.dataset)


def test_xlsx_layers_keep_codes_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "excel"
    folder.mkdir()
    fx.areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    fx.write_xlsx(fx.frame_rows(fx.cases()), folder / "cases.xlsx", sheet="cases")
    fx.write_xlsx(fx.frame_rows(fx.sites_table()), folder / "sites.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    _assert_contract_types(report.dataset)
    assert report.dataset["sites"]["open_from"].tolist() == ["07:00", "08:00", "09:30"]


def test_semicolon_csv_with_decimal_commas(tmp_path: Path) -> None:
    """What Excel in Spanish writes: ';' between values, ',' as decimal mark."""
    folder = tmp_path / "es"
    folder.mkdir()
    fx.areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    fx.write_csv(fx.sites_table(), folder / "sites.csv", sep=";", decimal=",")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    sites = report.dataset["sites"]
    assert sites.geometry.iloc[1].y == pytest.approx(-16.52)
    assert any("decimal commas" in p.message for p in report.problems if p.severity is Severity.FIXED)


def test_single_layer_file_is_a_dataset(tmp_path: Path) -> None:
    path = tmp_path / "areas.geojson"
    fx.areas().to_file(path, driver="GeoJSON")
    dataset = load_dataset(path)
    assert dataset.source == "areas.geojson"
    _assert_contract_types(dataset)


def test_extra_columns_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    frame = fx.areas()
    frame["alcaldia"] = ["GAMLP", "GAMP", "GAMS"]
    frame.to_file(folder / "areas.geojson", driver="GeoJSON")
    cases = fx.cases()
    cases["source"] = ["FELCC", "FELCC", "Fiscalía", "FELCC"]
    fx.write_csv(cases, folder / "cases.csv")
    dataset = load_dataset(folder)
    assert dataset["areas"]["alcaldia"].tolist() == ["GAMLP", "GAMP", "GAMS"]
    assert dataset["cases"]["source"].tolist()[2] == "Fiscalía"
    assert list(dataset["cases"].columns[:5]) == ["area_id", "period", "exploitation", "cases", "victims"]


def test_load_dataset_raises_data_error_with_every_problem(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    fx.areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    cases = fx.cases().astype({"cases": object})
    cases.loc[1, "cases"] = "abc"
    cases.loc[3, "period"] = "24"
    fx.write_csv(cases, folder / "cases.csv")
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    errors = [(p.row, p.column) for p in caught.value.problems if p.severity is Severity.ERROR]
    assert errors == [(3, "cases"), (5, "period")]
    assert check_dataset(folder).dataset is None


@pytest.mark.shared
def test_real_343_municipalities_validate_and_keep_leading_zeros(tmp_path: Path, shared_dir: Path) -> None:
    source = shared_dir / "data" / "bolivia" / "municipios" / "municipios_bolivia_2024.gpkg"
    municipios = pyogrio.read_dataframe(source, layer="municipios")
    areas = municipios.rename(columns={"codigo_ine": "area_id", "nombre_mun": "name", "nombre_dep": "admin1"})
    areas["population"] = np.arange(len(areas)) * 100 + 1000
    folder = tmp_path / "national"
    folder.mkdir()
    fx.zip_shapefile(areas[["area_id", "name", "admin1", "population", "geometry"]], folder / "areas.zip")
    cases = pd.DataFrame({"area_id": areas["area_id"], "period": "2024", "exploitation": "labour",
                          "cases": 1, "victims": 2})
    fx.write_csv(cases, folder / "cases.csv")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    loaded = report.dataset["areas"]
    assert len(loaded) == 343
    assert loaded["area_id"].str.len().eq(6).all() and loaded["area_id"].is_unique
    assert (loaded["area_id"].str[0] == "0").all()  # every INE code starts with 0 (departments 01-09)
    assert "010101" in set(report.dataset["cases"]["area_id"])
