"""Problems with the files themselves: empty, truncated, mislabelled, mis-encoded, misplaced."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
import validate_fixtures as fx

from geodata.load import check_dataset, load_dataset
from geodata.problems import DataError, Severity


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return fx.areas_folder(tmp_path)


def test_empty_file_is_an_error_naming_the_file(folder: Path) -> None:
    (folder / "cases.csv").write_bytes(b"")
    report = check_dataset(folder)
    [problem] = fx.only(report.problems, Severity.ERROR)
    assert problem.file == "cases.csv" and problem.layer == "cases"
    assert "empty" in problem.message and problem.hint


def test_header_only_table_is_an_error_not_a_silently_missing_layer(folder: Path) -> None:
    (folder / "cases.csv").write_text("area_id,period,exploitation,cases,victims\n", encoding="utf-8")
    report = check_dataset(folder)
    assert not report.ok and report.dataset is None
    [problem] = fx.only(report.problems, Severity.ERROR, file="cases.csv")
    assert "no rows" in problem.message and "remove" in problem.hint


def test_areas_without_rows_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "noareas"
    folder.mkdir()
    fx.areas().iloc[:0].to_file(folder / "areas.gpkg", layer="areas", driver="GPKG")
    report = check_dataset(folder)
    [problem] = report.errors
    assert problem.file == "areas.gpkg" and "no rows" in problem.message


def test_half_a_geopackage_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "dataset.gpkg"
    fx.areas().to_file(path, layer="areas", driver="GPKG")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    report = check_dataset(path)
    assert not report.ok and report.dataset is None
    assert all(p.file == "dataset.gpkg" for p in report.errors)
    assert "unexpected" not in fx.text_of(report.problems)
    with pytest.raises(DataError):
        load_dataset(path)


def test_truncated_zip_is_an_error_naming_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "z"
    folder.mkdir()
    zipped = fx.zip_shapefile(fx.areas(), folder / "areas.zip")
    zipped.write_bytes(zipped.read_bytes()[:300])
    report = check_dataset(folder)
    [problem] = report.errors
    assert problem.file == "areas.zip"
    assert "zip" in problem.message and "truncated" in problem.message and "zip" in problem.hint


def test_ragged_csv_rows_name_the_line(folder: Path) -> None:
    (folder / "cases.csv").write_text(
        "area_id,period,exploitation,cases,victims\n"
        "020101,2023,sexual,1,1\n"
        "050101,2023,labour,1,000,2\n"  # thousands separator written as a comma
        "010101,2023,other,3,3\n",
        encoding="utf-8",
    )
    report = check_dataset(folder)
    [problem] = report.errors
    assert problem.row == 3 and "line 3" in problem.message
    assert "6 values" in problem.message and "5 columns" in problem.message


def test_excel_file_saved_with_csv_name_is_a_wrong_type(folder: Path) -> None:
    fx.write_xlsx(fx.frame_rows(fx.cases()), folder / "cases.csv")
    [problem] = check_dataset(folder).errors
    assert problem.file == "cases.csv"
    assert "Excel" in problem.message and "extension" in problem.hint


def test_csv_saved_with_geopackage_name_is_a_wrong_type(tmp_path: Path) -> None:
    path = tmp_path / "dataset.gpkg"
    path.write_text("area_id,name\n010101,Sucre\n", encoding="utf-8")
    [problem] = check_dataset(path).errors
    assert "GPKG" in problem.message and "text file" in problem.message


def test_latin1_csv_is_read_and_reported_as_fixed(folder: Path) -> None:
    sites = fx.sites_table()
    sites.loc[1, "name"] = "Ladrillera Señor de Mayo"
    sites.to_csv(folder / "sites.csv", index=False, encoding="cp1252")
    report = check_dataset(folder)
    assert report.ok
    [fixed] = [p for p in report.problems if "UTF-8" in p.message]
    assert fixed.severity is Severity.FIXED and fixed.file == "sites.csv" and "Latin-1" in fixed.message
    assert report.dataset["sites"]["name"][1] == "Ladrillera Señor de Mayo"


def test_utf8_bom_does_not_hide_the_first_column(folder: Path) -> None:
    fx.cases().to_csv(folder / "cases.csv", index=False, encoding="utf-8-sig")
    report = check_dataset(folder)
    assert report.ok and report.problems == []
    assert report.dataset["cases"]["area_id"][0] == "020101"


def test_two_files_for_one_layer_name_both(folder: Path) -> None:
    fx.write_csv(fx.cases(), folder / "cases.csv")
    fx.write_xlsx(fx.frame_rows(fx.cases()), folder / "Cases.xlsx")
    [problem] = check_dataset(folder).errors
    assert "Cases.xlsx" in problem.message and "cases.csv" in problem.message
    assert problem.layer == "cases"


def test_unknown_files_are_warnings_with_a_suggestion(folder: Path) -> None:
    (folder / "notas.txt").write_text("pendiente", encoding="utf-8")
    fx.write_csv(fx.cases(), folder / "cses.csv")
    report = check_dataset(folder)
    assert report.ok
    warnings = {p.file: p for p in fx.only(report.problems, Severity.WARNING)}
    assert set(warnings) == {"notas.txt", "cses.csv"}
    assert "did you mean 'cases'" in warnings["cses.csv"].hint


def test_folder_without_areas_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "only_cases"
    folder.mkdir()
    fx.write_csv(fx.cases(), folder / "cases.csv")
    report = check_dataset(folder)
    messages = [p.message for p in report.errors]
    assert "the required areas layer is missing" in messages


def test_xlsx_formula_cells_are_errors_with_row_and_column(folder: Path) -> None:
    rows = fx.frame_rows(fx.cases())
    rows[3][4] = "=SUM(E2:E3)"  # sheet row 4, column 'victims'
    fx.write_xlsx(rows, folder / "cases.xlsx")
    [problem] = check_dataset(folder).errors
    assert (problem.row, problem.column, problem.file) == (4, "victims", "cases.xlsx")
    assert "formula" in problem.message and "values" in problem.hint
    assert "SUM" not in str(problem)  # cases cells are never echoed


def test_csv_injection_is_refused(folder: Path) -> None:
    sites = fx.sites_table()
    sites.loc[2, "name"] = '=HYPERLINK("http://example.invalid","clic")'
    fx.write_csv(sites, folder / "sites.csv")
    [problem] = check_dataset(folder).errors
    assert (problem.row, problem.column) == (4, "name")
    assert "formula" in problem.message


def test_geopackage_with_foreign_layer_names_lists_them(tmp_path: Path) -> None:
    path = tmp_path / "limites.gpkg"
    fx.areas().to_file(path, layer="limites", driver="GPKG")
    fx.areas().to_file(path, layer="departamentos", driver="GPKG")
    [problem] = check_dataset(path).errors
    assert "limites" in problem.message and "departamentos" in problem.message
    assert "areas" in problem.hint


def test_extra_geopackage_layer_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dataset.gpkg"
    fx.areas().to_file(path, layer="areas", driver="GPKG")
    fx.offices().to_file(path, layer="notas_de_campo", driver="GPKG")
    report = check_dataset(path)
    assert report.ok
    [problem] = fx.only(report.problems, Severity.WARNING)
    assert problem.layer == "notas_de_campo" and "ignored" in problem.message


def test_geopackage_that_is_not_a_geopackage_database(tmp_path: Path) -> None:
    path = tmp_path / "dataset.gpkg"
    with sqlite3.connect(path) as db:
        db.execute("create table areas (area_id text)")
    report = check_dataset(path)
    assert not report.ok and report.errors[0].file == "dataset.gpkg"


def test_missing_path_is_reported_not_raised(tmp_path: Path) -> None:
    report = check_dataset(tmp_path / "nowhere")
    assert not report.ok and "does not exist" in report.errors[0].message


def test_zipped_shapefile_inside_a_folder_of_the_zip_is_found(tmp_path: Path) -> None:
    flat = fx.zip_shapefile(fx.areas(), tmp_path / "flat.zip")
    folder = tmp_path / "nested"
    folder.mkdir()
    with zipfile.ZipFile(flat) as src, zipfile.ZipFile(folder / "areas.zip", "w") as dst:
        for name in src.namelist():
            dst.writestr(f"municipios_2024/{name}", src.read(name))
    report = check_dataset(folder)
    assert report.ok and report.dataset["areas"]["area_id"].tolist() == ["020101", "050101", "010101"]


def test_zip_with_several_shapefiles_needs_one_named_after_the_layer(tmp_path: Path) -> None:
    folder = tmp_path / "two"
    folder.mkdir()
    with zipfile.ZipFile(folder / "areas.zip", "w") as zf:
        for stem in ("municipios", "departamentos"):
            one = fx.zip_shapefile(fx.areas(), tmp_path / f"{stem}.zip")
            with zipfile.ZipFile(one) as src:
                for name in src.namelist():
                    zf.writestr(name.replace("layer", stem), src.read(name))
    [problem] = check_dataset(folder).errors
    assert "municipios.shp" in problem.message and "departamentos.shp" in problem.message
    assert "areas.shp" in problem.hint


def test_shapefile_without_its_dbf_reports_missing_columns(tmp_path: Path) -> None:
    folder = tmp_path / "nodbf"
    folder.mkdir()
    fx.areas().to_file(folder / "areas.shp")
    (folder / "areas.dbf").unlink()
    errors = check_dataset(folder).errors
    assert {p.column for p in errors} == {"area_id", "name", "admin1", "population"}
    assert all("missing" in p.message for p in errors)


def test_duplicate_and_unnamed_csv_columns(folder: Path) -> None:
    (folder / "cases.csv").write_text(
        "area_id,period,exploitation,cases,victims,cases,,Area ID\n020101,2023,sexual,1,1,2,x,\n", encoding="utf-8")
    problems = check_dataset(folder).problems
    errors = fx.only(problems, Severity.ERROR)
    assert [p.column for p in errors] == ["cases", "Area ID"]
    assert "columns 4 and 6" in errors[0].message and "both read as 'area_id'" in errors[1].message
    [unnamed] = fx.only(problems, Severity.WARNING)
    assert "column 7" in unnamed.message
