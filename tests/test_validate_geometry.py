"""Geometry checks: CRS, repairs, empty and wrong shapes, swapped or stray coordinates."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
import validate_fixtures as fx
from shapely.geometry import Point, Polygon

from geodata.load import check_dataset
from geodata.problems import Severity


def _folder(tmp_path: Path, areas: gpd.GeoDataFrame | None = None) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (fx.areas() if areas is None else areas).to_file(folder / "areas.gpkg", layer="areas", driver="GPKG")
    return folder


def _square_with_loop(x: float, y: float, size: float = 0.3) -> Polygon:
    """A square whose top edge has a tiny loop touching it: invalid, safely repairable."""
    top = y + size
    mid = x + size / 2
    return Polygon([(x, y), (x + size, y), (x + size, top), (mid, top),
                    (mid + 0.001, top + 0.001), (mid - 0.001, top + 0.001), (mid, top), (x, top)])


def _bowtie(x: float, y: float, size: float = 0.3) -> Polygon:
    """Two triangles crossing in the middle: repairing it would invent a new shape."""
    return Polygon([(x, y), (x + size, y + size), (x + size, y), (x, y + size)])


def test_invalid_polygon_is_repaired_when_safe_and_refused_otherwise(tmp_path: Path) -> None:
    areas = fx.areas()
    areas.loc[1, "geometry"] = _square_with_loop(-65.9, -19.7)
    areas.loc[2, "geometry"] = _bowtie(-65.4, -19.2)
    report = check_dataset(_folder(tmp_path, areas))
    [fixed] = fx.only(report.problems, Severity.FIXED)
    assert (fixed.row, fixed.file) == (2, "areas.gpkg") and "repaired" in fixed.message
    [error] = report.errors
    assert error.row == 3 and "cannot be repaired" in error.message and "Fix Geometries" in error.hint


def test_repaired_polygon_is_valid_in_the_dataset(tmp_path: Path) -> None:
    areas = fx.areas()
    areas.loc[1, "geometry"] = _square_with_loop(-65.9, -19.7)
    report = check_dataset(_folder(tmp_path, areas))
    assert report.ok
    loaded = report.dataset["areas"]
    assert loaded.is_valid.all()
    assert loaded.geometry.iloc[1].area == pytest.approx(0.09, rel=0.01)


def test_null_and_empty_geometries_are_errors_with_their_rows(tmp_path: Path) -> None:
    areas = fx.areas()
    areas.loc[0, "geometry"] = None
    areas.loc[2, "geometry"] = Polygon()
    report = check_dataset(_folder(tmp_path, areas))
    assert [(p.row, p.column) for p in report.errors] == [(1, "geometry"), (3, "geometry")]
    assert all("no geometry" in p.message for p in report.errors)


def test_points_given_as_areas_are_the_wrong_kind(tmp_path: Path) -> None:
    folder = tmp_path / "kind"
    folder.mkdir()
    points = fx.areas().set_geometry(fx.areas().representative_point())
    points.to_file(folder / "areas.geojson", driver="GeoJSON")
    [error] = check_dataset(folder).errors
    assert error.file == "areas.geojson" and "Point" in error.message and "polygons" in error.message


def test_projected_crs_is_reprojected_and_said(tmp_path: Path) -> None:
    folder = _folder(tmp_path, fx.areas().to_crs("EPSG:32719"))
    fx.offices().to_crs("EPSG:32720").to_file(folder / "offices.gpkg", layer="offices", driver="GPKG")
    report = check_dataset(folder)
    assert report.ok
    fixed = {p.file: p.message for p in fx.only(report.problems, Severity.FIXED)}
    assert "UTM zone 19S (EPSG:32719)" in fixed["areas.gpkg"] and "EPSG:4326" in fixed["areas.gpkg"]
    assert "EPSG:32720" in fixed["offices.gpkg"]
    bounds = report.dataset["areas"].total_bounds
    assert bounds == pytest.approx(fx.areas().total_bounds, abs=1e-6)
    assert report.dataset["areas"].crs.to_epsg() == 4326


def test_missing_crs_is_assumed_when_coordinates_are_degrees(tmp_path: Path) -> None:
    folder = tmp_path / "noprj"
    folder.mkdir()
    fx.zip_shapefile(fx.areas(), folder / "areas.zip", keep_prj=False)
    report = check_dataset(folder)
    assert report.ok
    [warning] = fx.only(report.problems, Severity.WARNING)
    assert warning.file == "areas.zip" and "EPSG:4326" in warning.message and ".prj" in warning.hint


def test_missing_crs_with_projected_coordinates_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "noprj_utm"
    folder.mkdir()
    fx.zip_shapefile(fx.areas().to_crs("EPSG:32719"), folder / "areas.zip", keep_prj=False)
    [error] = check_dataset(folder).errors
    assert "no CRS" in error.message and "projected" in error.message and ".prj" in error.hint


def test_swapped_lat_lon_is_an_error_on_the_column_pair(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    sites = fx.sites_table().rename(columns={"lat": "Latitud", "lon": "Longitud"})
    sites[["Latitud", "Longitud"]] = sites[["Longitud", "Latitud"]].to_numpy()
    fx.write_csv(sites, folder / "sites.csv")
    [error] = check_dataset(folder).errors
    assert error.file == "sites.csv" and error.column == "Latitud/Longitud"
    assert "swapped" in error.message and "row(s) 2, 3, 4" in error.message


def test_one_swapped_row_among_good_ones_is_named(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    sites = fx.sites_table()
    sites.loc[1, ["lat", "lon"]] = [-68.18, -16.52]
    fx.write_csv(sites, folder / "sites.csv")
    [error] = check_dataset(folder).errors
    assert error.row == 3 and "swapped" in error.message


def test_points_outside_every_area_are_warnings(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    sites = fx.sites_table()
    sites.loc[2, ["lat", "lon"]] = [-17.78, -63.18]  # Santa Cruz: real, but outside the three areas
    fx.write_csv(sites, folder / "sites.csv")
    report = check_dataset(folder)
    assert report.ok
    [warning] = fx.only(report.problems, Severity.WARNING)
    assert (warning.row, warning.column) == (4, "lat/lon") and "outside every area" in warning.message


def test_border_crossing_just_outside_an_area_is_fine(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    crossing = fx.crossings()
    crossing.loc[0, "geometry"] = Point(-69.22, -16.56)  # 2 km beyond the area edge, as on a simplified border
    crossing.to_file(folder / "crossings.geojson", driver="GeoJSON")
    report = check_dataset(folder)
    assert report.ok and report.problems == []


def test_bad_coordinates_are_named_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    sites = fx.sites_table().astype({"lat": object})
    sites.loc[0, "lat"] = "19°37'S"
    sites.loc[1, "lat"] = None
    sites.loc[2, "lon"] = 8150000.0  # metres, not degrees
    fx.write_csv(sites, folder / "sites.csv")
    errors = check_dataset(folder).errors
    assert [(p.row, p.column) for p in errors] == [(2, "lat"), (3, "lat"), (4, "lon")]
    assert "decimal degrees" in errors[0].message and "empty" in errors[1].message and "not metres" in errors[2].hint


def test_points_and_polygons_from_wkt_columns(tmp_path: Path) -> None:
    folder = tmp_path / "wkt"
    folder.mkdir()
    areas = fx.areas()
    areas_table = areas.drop(columns="geometry").assign(WKT=areas.geometry.to_wkt())
    fx.write_csv(areas_table, folder / "areas.csv")
    sites = fx.sites_table()
    points = gpd.points_from_xy(sites["lon"], sites["lat"])
    sites = sites.drop(columns=["lat", "lon"]).assign(geometry=[p.wkt for p in points])
    sites.loc[2, "geometry"] = "POINT (-65.26"
    fx.write_csv(sites, folder / "sites.csv")
    report = check_dataset(folder)
    [error] = report.errors
    assert (error.file, error.row, error.column) == ("sites.csv", 4, "geometry") and "WKT" in error.message
    assert "areas.csv" not in {p.file for p in report.problems}


def test_areas_table_without_shapes_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "flat"
    folder.mkdir()
    fx.write_csv(fx.areas().drop(columns="geometry"), folder / "areas.csv")
    [error] = check_dataset(folder).errors
    assert "no geometry" in error.message and "GeoJSON" in error.hint


def test_sites_without_coordinates_suggest_close_columns(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    fx.write_csv(fx.sites_table().rename(columns={"lat": "latitid", "lon": "longitid"}), folder / "sites.csv")
    [error] = check_dataset(folder).errors
    assert "no coordinates" in error.message and "'latitid'" in error.hint
