"""Column and cell checks: each problem names its file, row and column and says what to do."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import validate_fixtures as fx

from geodata.load import check_dataset
from geodata.problems import Severity


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return fx.areas_folder(tmp_path)


def _cases_csv(folder: Path, text: str) -> list:
    (folder / "cases.csv").write_text(text, encoding="utf-8")
    return check_dataset(folder).problems


HEADER = "area_id,period,exploitation,cases,victims\n"


def test_missing_required_column_is_named(folder: Path) -> None:
    problems = _cases_csv(folder, "area_id,period,exploitation,cases\n020101,2023,sexual,1\n")
    [problem] = fx.only(problems, Severity.ERROR)
    assert problem.column == "victims" and "missing" in problem.message and "Victims identified" in problem.hint


def test_misspelt_column_gets_the_closest_name(folder: Path) -> None:
    problems = _cases_csv(folder, "area_idd,period,exploitation,cases,victims\n020101,2023,sexual,1,1\n")
    [problem] = fx.only(problems, Severity.ERROR)
    assert problem.column == "area_idd"
    assert "column 'area_idd'" in problem.message and "did you mean 'area_id'?" in problem.message


def test_column_names_ignore_case_and_spaces_and_say_so(folder: Path) -> None:
    problems = _cases_csv(folder, " Area_ID ,PERIOD,Exploitation,cases,victims \n020101,2023,sexual,1,1\n")
    assert not fx.only(problems, Severity.ERROR)
    fixed = {p.column: p.message for p in fx.only(problems, Severity.FIXED)}
    assert set(fixed) == {"area_id", "period", "exploitation", "victims"}
    assert fixed["area_id"] == "column ' Area_ID ' read as 'area_id'"


def test_text_in_a_count_column_names_row_and_column_without_echoing_cases(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,2023,sexual,1,1\n050101,2023,labour,abc,2\n")
    [problem] = fx.only(problems, Severity.ERROR)
    assert (problem.file, problem.row, problem.column) == ("cases.csv", 3, "cases")
    assert "not a number" in problem.message and "abc" not in str(problem)


def test_negative_and_fractional_counts(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,2023,sexual,-1,1\n050101,2023,labour,2.5,2\n010101,2023,other,2.0,2\n")
    errors = fx.only(problems, Severity.ERROR)
    assert [(p.row, p.column) for p in errors] == [(2, "cases"), (3, "cases")]
    assert "negative" in errors[0].message and "0 or more" in errors[0].message
    assert "whole numbers" in errors[1].message


def test_bad_periods(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,2023/07,sexual,1,1\n050101,23,labour,1,1\n010101,2023-13,other,1,1\n"
                                             "010101,2023-12,other,1,1\n")
    errors = fx.only(problems, Severity.ERROR, column="period")
    assert [p.row for p in errors] == [2, 3, 4]
    assert all("YYYY or YYYY-MM" in p.message for p in errors)


def test_value_not_in_choices_suggests_the_closest(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,2023,labor,1,1\n050101,2023,Sexual,1,1\n")
    [error] = fx.only(problems, Severity.ERROR)
    assert (error.row, error.column) == (2, "exploitation") and "did you mean 'labour'?" in error.message
    [fixed] = fx.only(problems, Severity.FIXED)
    assert fixed.column == "exploitation"  # 'Sexual' matched ignoring capitals


def test_values_from_cases_are_never_echoed(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,2023,María Quispe,1,1\nJuan Mamani,2023,sexual,1,1\n")
    errors = fx.only(problems, Severity.ERROR)
    assert {(p.row, p.column) for p in errors} == {(2, "exploitation"), (3, "area_id")}
    text = fx.text_of(problems)
    assert "María" not in text and "Mamani" not in text


def test_empty_required_cells(folder: Path) -> None:
    problems = _cases_csv(folder, HEADER + "020101,,sexual,1,1\n050101,2023,labour, ,2\n")
    errors = fx.only(problems, Severity.ERROR)
    assert [(p.row, p.column) for p in errors] == [(2, "period"), (3, "cases")]
    assert all("empty" in p.message for p in errors)


def test_personal_data_columns_are_refused(folder: Path) -> None:
    problems = _cases_csv(
        folder,
        "area_id,period,exploitation,cases,victims,Nombre Víctima,Fecha de nacimiento,C.I.\n"
        "020101,2023,sexual,1,1,Ana Quispe,2001-02-03,4567890\n",
    )
    errors = fx.only(problems, Severity.ERROR)
    assert {p.column for p in errors} == {"Nombre Víctima", "Fecha de nacimiento", "C.I."}
    assert all("personal data" in p.message and "aggregated" in p.message and "remove" in p.hint for p in errors)
    assert "Ana" not in fx.text_of(problems) and "4567890" not in fx.text_of(problems)


def test_spanish_headers_are_read_and_said_so(folder: Path) -> None:
    """Ministry spreadsheets are in Spanish: their usual headers load as the contract's."""
    problems = _cases_csv(folder, "Código INE,Gestión,Explotación,Casos,Víctimas\n020101,2023,sexual,1,1\n")
    assert not fx.only(problems, Severity.ERROR), fx.text_of(problems)
    fixed = {p.column: p.message for p in fx.only(problems, Severity.FIXED)}
    assert set(fixed) == {"area_id", "period", "exploitation", "cases", "victims"}
    assert fixed["victims"] == "column 'Víctimas' read as 'victims' (a known Spanish name for it)"


def test_a_name_column_in_cases_is_personal_data_even_in_spanish(folder: Path) -> None:
    """``nombre`` is the area's name in ``areas`` but a person's name in ``cases``."""
    problems = _cases_csv(folder, "codigo_ine,periodo,explotacion,casos,victimas,nombre\n020101,2023,sexual,1,1,Ana\n")
    [error] = fx.only(problems, Severity.ERROR)
    assert error.column == "nombre" and "personal data" in error.message


def test_near_miss_of_a_count_name_is_a_misspelling_not_personal_data(folder: Path) -> None:
    problems = _cases_csv(folder, "area_id,period,exploitation,cases,victimss\n020101,2023,sexual,1,1\n")
    [error] = fx.only(problems, Severity.ERROR)
    assert error.column == "victimss" and "did you mean 'victims'?" in error.message


def test_duplicate_ids_name_both_rows(folder: Path) -> None:
    sites = fx.sites_table()
    sites.loc[2, "site_id"] = "S001"
    fx.write_csv(sites, folder / "sites.csv")
    [error] = check_dataset(folder).errors
    assert (error.row, error.column) == (4, "site_id")
    assert "duplicate site_id 'S001'" in error.message and "row 2" in error.message


def test_unknown_area_ids_and_crossings_without_their_layer(folder: Path) -> None:
    sectors = fx.sectors()
    sectors.loc[1, "area_id"] = "020199"
    fx.write_csv(sectors, folder / "sectors.csv")
    fx.write_csv(fx.migration(), folder / "migration.csv")
    errors = check_dataset(folder).errors
    unknown = fx.only(errors, file="sectors.csv")
    assert [(p.row, p.column) for p in unknown] == [(3, "area_id")]
    assert "'020199'" in unknown[0].message and "areas.geojson" in unknown[0].message
    [absent] = fx.only(errors, file="migration.csv")
    assert absent.row is None and "no crossings" in absent.message and "crossings.csv" in absent.hint


def test_excel_numeric_codes_warn_about_lost_leading_zeros(folder: Path) -> None:
    rows = fx.frame_rows(fx.cases())
    rows[4][0] = 10101  # typed as a number in Excel: the leading zero of 010101 is gone
    fx.write_xlsx(rows, folder / "cases.xlsx")
    report = check_dataset(folder)
    [warning] = fx.only(report.problems, Severity.WARNING)
    assert (warning.row, warning.column) == (5, "area_id") and "leading zeros" in warning.message
    [error] = report.errors  # and the shortened code matches no area, with the reason
    assert error.row == 5 and "leading zeros" in error.hint


def test_shapefile_numeric_area_ids_warn(tmp_path: Path) -> None:
    folder = tmp_path / "num"
    folder.mkdir()
    areas = fx.areas()
    areas["area_id"] = [20101, 50101, 10101]
    areas.loc[2, "area_id"] = 710101  # one code of six digits shows the others are short
    fx.zip_shapefile(areas, folder / "areas.zip")
    [warning] = fx.only(check_dataset(folder).problems, Severity.WARNING)
    assert warning.column == "area_id" and "leading zeros" in warning.message and "row(s) 1, 2)" in warning.message


def test_bools_times_and_defaults_in_sites(folder: Path) -> None:
    sites = fx.sites_table()
    sites["must_visit"] = ["sí", "", "quizás"]
    sites["service_minutes"] = ["90", "", "45"]
    sites.loc[1, "open_to"] = "25:00"
    sites.loc[2, "open_from"] = "9:30"
    fx.write_csv(sites, folder / "sites.csv")
    report = check_dataset(folder)
    errors = report.errors
    assert [(p.row, p.column) for p in errors] == [(3, "open_to"), (4, "must_visit")]
    assert "'25:00' is not a time HH:MM" in errors[0].message
    assert "'quizás' is not true or false" in errors[1].message
    [filled] = fx.only(report.problems, Severity.FIXED, column="service_minutes")
    assert "default 60" in filled.message


def test_good_sites_get_typed_defaults(folder: Path) -> None:
    sites = fx.sites_table()
    sites["must_visit"] = ["Sí", "no", "1"]
    sites["service_minutes"] = ["90", "", "45"]
    sites.loc[2, "open_from"] = "9:30"
    fx.write_csv(sites, folder / "sites.csv")
    loaded = check_dataset(folder).dataset["sites"]
    assert loaded["must_visit"].tolist() == [True, False, True]
    assert loaded["service_minutes"].tolist() == [90, 60, 45]
    assert loaded["open_from"].tolist() == ["07:00", "08:00", "09:30"]


def test_unknown_sector_names_are_warnings_with_a_suggestion(folder: Path) -> None:
    sectors = fx.sectors()
    sectors.loc[1, "sector"] = "brick making"
    sectors.loc[2, "sector"] = "turismo"
    fx.write_csv(sectors, folder / "sectors.csv")
    sites = fx.sites_table()
    sites.loc[0, "sector"] = "Brazil nuts"
    fx.write_csv(sites, folder / "sites.csv")
    report = check_dataset(folder)
    assert report.ok
    warnings = fx.only(report.problems, Severity.WARNING, column="sector", file="sectors.csv")
    assert [p.row for p in warnings] == [3, 4]
    assert "did you mean 'brick-making'?" in warnings[0].message and "'turismo'" in warnings[1].message
    [site_warning] = fx.only(report.problems, Severity.WARNING, file="sites.csv")
    assert site_warning.row == 2 and "did you mean 'brazil nut'?" in site_warning.message


def test_nationality_counts(folder: Path) -> None:
    crossings = fx.crossings()
    crossings.to_file(folder / "crossings.geojson", driver="GeoJSON")
    migration = fx.migration().rename(columns={"nat_VEN": "NAT_ven"})
    migration["nat_PER"] = [-3, None]
    fx.write_csv(migration, folder / "migration.csv")
    report = check_dataset(folder)
    [error] = report.errors
    assert (error.row, error.column) == (2, "nat_PER") and "negative" in error.message
    assert fx.only(report.problems, Severity.FIXED, column="nat_VEN")  # NAT_ven read as nat_VEN
    assert fx.only(report.problems, Severity.WARNING, column="nat_PER")  # the empty cell counted as 0


def test_excel_dates_in_period_are_read_back_as_months(folder: Path) -> None:
    rows = fx.frame_rows(fx.cases())
    rows[2][1] = dt.datetime(2023, 7, 1)  # Excel turned "2023-07" into 1 July 2023
    fx.write_xlsx(rows, folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.ok
    assert report.dataset["cases"]["period"].tolist() == ["2023", "2023-07", "2023", "2024"]
    assert fx.only(report.problems, Severity.FIXED, column="period")


def test_shapefile_cut_column_names_are_restored(folder: Path) -> None:
    sites = fx.sites_table()
    sites["service_minutes"] = [30, 45, 60]
    points = gpd.GeoDataFrame(sites.drop(columns=["lat", "lon"]),
                              geometry=gpd.points_from_xy(sites["lon"], sites["lat"]), crs="EPSG:4326")
    fx.zip_shapefile(points, folder / "sites.zip")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["sites"]["service_minutes"].tolist() == [30, 45, 60]
    assert any("10 characters" in p.message for p in fx.only(report.problems, Severity.FIXED))


def test_many_bad_rows_are_summed_up_not_listed_forever(folder: Path) -> None:
    rows = "".join(f"020101,2023,sexual,x{i},1\n" for i in range(500))
    problems = _cases_csv(folder, HEADER + rows)
    errors = fx.only(problems, Severity.ERROR, column="cases")
    assert len(errors) == 51
    assert "450 more row(s)" in errors[0].message  # the summary comes first (it has no row)
    assert errors[-1].row == 51


def test_every_class_of_problem_in_one_pass(folder: Path) -> None:
    pd.DataFrame({"site_id": ["S1"], "name": ["Mina"], "sector": ["mining"], "lat": ["x"], "lon": [-65.7]}).to_csv(
        folder / "sites.csv", index=False)
    problems = _cases_csv(folder, "area_id,period,exploitation,cases,victims,nombre\n020101,2023,sexual,-1,1,Ana\n")
    assert {p.file for p in fx.only(problems, Severity.ERROR)} == {"cases.csv", "sites.csv"}
    assert {p.column for p in fx.only(problems, Severity.ERROR)} == {"nombre", "cases", "lat"}
