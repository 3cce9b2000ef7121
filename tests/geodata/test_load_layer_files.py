"""Files as clerks really save them: either refused naming the cause, or loaded with exactly the figures they mean.

Every test writes real bytes (CSV text, openpyxl workbooks) and asserts the
figures that end up in the loaded dataset, not only the messages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
import validate_fixtures as fx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.load import check_dataset
from geodata.problems import Severity

HEADER = "area_id;period;exploitation;cases;victims"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return fx.areas_folder(tmp_path)


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def _cases(report) -> list[tuple[str, str, str, int, int]]:
    frame = report.dataset["cases"]
    return [tuple(r) for r in frame[["area_id", "period", "exploitation", "cases", "victims"]].itertuples(index=False)]


# ---------------------------------------------------------------- thousands separators


def test_semicolon_csv_reads_dot_groups_as_thousands_and_says_which_rows(folder: Path) -> None:
    _write(folder, "cases.csv", "\n".join([
        HEADER,
        "020101;2023;sexual;1.000;12.000",
        "050101;2023;labour;235.838;7",
        "010101;2023;other;4;5",
    ]) + "\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert _cases(report) == [("020101", "2023", "sexual", 1000, 12000), ("050101", "2023", "labour", 235838, 7),
                              ("010101", "2023", "other", 4, 5)]
    fixed = fx.only(report.problems, Severity.FIXED, column="cases")
    assert any("thousands" in p.message and "2, 3" in p.message for p in fixed), fx.text_of(fixed)
    assert fx.only(report.problems, Severity.FIXED, column="victims", row=2)


def test_quoted_comma_groups_without_evidence_are_refused_as_ambiguous(folder: Path) -> None:
    _write(folder, "cases.csv", 'area_id,period,exploitation,cases,victims\n'
                                '020101,2023,sexual,"1,000",3\n050101,2023,labour,"3,000",4\n')
    report = check_dataset(folder)
    assert not report.ok and report.dataset is None
    [error] = report.errors
    assert error.column == "cases" and "thousands" in error.message and "2, 3" in error.message
    assert "1000" in error.hint


def test_comma_groups_read_as_thousands_when_the_file_uses_decimal_points(folder: Path) -> None:
    _write(folder, "offices.csv", 'office_id,name,kind,staff,lat,lon\n'
                                  'OF-LPZ,Jefatura La Paz,labour,"1,200",-16.50,-68.13\n'
                                  'OF-PTS,Jefatura Potosí,labour,6,-19.58,-65.75\n')
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["offices"]["staff"].tolist() == [1200, 6]
    [fixed] = fx.only(report.problems, Severity.FIXED, column="staff")
    assert "'1,200' -> 1200" in fixed.message and fixed.row == 2


def test_dot_groups_refused_when_the_same_file_uses_dot_decimals(folder: Path) -> None:
    _write(folder, "offices.csv", 'office_id,name,kind,staff,lat,lon\n'
                                  'OF-LPZ,Jefatura La Paz,labour,1.000,-16.5,-68.13\n'
                                  'OF-PTS,Jefatura Potosí,labour,6,-19.58,-65.75\n')
    report = check_dataset(folder)
    [error] = report.errors
    assert error.column == "staff" and error.row == 2
    assert "decimal mark" in error.message and "'-16.5'" in error.message


def test_a_value_that_can_only_be_grouped_says_thousands_not_decimals(folder: Path) -> None:
    _write(folder, "sectors.csv", "area_id,sector,workers\n050101,mining,235.838\n020101,brick-making,900\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["sectors"]["workers"].tolist() == [235838, 900]
    assert not any("decimals" in p.message for p in report.problems)


def test_whole_decimal_comma_counts_are_reported(folder: Path) -> None:
    _write(folder, "cases.csv", f"{HEADER}\n020101;2023;sexual;5,0;6\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert _cases(report)[0][3] == 5
    [fixed] = fx.only(report.problems, Severity.FIXED, column="cases")
    assert "decimal comma" in fixed.message and fixed.row == 2


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(counts=st.lists(st.integers(0, 5_000_000), min_size=1, max_size=12), plain=st.lists(st.booleans(), min_size=12,
                                                                                             max_size=12))
def test_spanish_formatted_counts_load_as_the_intended_numbers(tmp_path_factory, counts: list[int],
                                                               plain: list[bool]) -> None:
    """Counts written as Spanish Excel does (';' CSV, '.' thousands, some without grouping) load unchanged."""
    folder = fx.areas_folder(tmp_path_factory.mktemp("es"))
    lines = [HEADER]
    for i, n in enumerate(counts):
        shown = str(n) if plain[i] else f"{n:,}".replace(",", ".")
        lines.append(f"020101;{2000 + i};sexual;{shown};{n}")
    _write(folder, "cases.csv", "\n".join(lines) + "\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["cases"]["cases"].tolist() == counts


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(counts=st.lists(st.integers(0, 5_000_000), min_size=1, max_size=12))
def test_quoted_english_groups_are_never_read_as_small_numbers(tmp_path_factory, counts: list[int]) -> None:
    """'1,000' in a comma CSV: either refused or read as the number meant — never 1."""
    folder = fx.areas_folder(tmp_path_factory.mktemp("en"))
    lines = ["area_id,period,exploitation,cases,victims"]
    lines += [f'020101,{2000 + i},sexual,"{n:,}",{n}' for i, n in enumerate(counts)]
    _write(folder, "cases.csv", "\n".join(lines) + "\n")
    report = check_dataset(folder)
    if report.ok:
        assert report.dataset["cases"]["cases"].tolist() == counts
    else:
        assert all(p.column == "cases" and "thousands" in p.message for p in report.errors), fx.text_of(report.errors)


# ---------------------------------------------------------------- workbooks


def _book(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


INSTRUCTIONS = [["Instrucciones"], ["Llene una fila por municipio, periodo y tipo de explotación."]]


def test_cases_on_a_spanish_named_sheet_after_an_instructions_sheet(folder: Path) -> None:
    _book(folder / "cases.xlsx", {"Instrucciones": INSTRUCTIONS, "Casos": fx.frame_rows(fx.cases())})
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert [r[3] for r in _cases(report)] == [12, 3, 5, 0]
    assert any("Casos" in p.message for p in fx.only(report.problems, Severity.FIXED))


def test_the_one_sheet_whose_header_matches_is_read(folder: Path) -> None:
    _book(folder / "cases.xlsx", {"Léame": INSTRUCTIONS, "Datos 2023": fx.frame_rows(fx.cases())})
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert [r[4] for r in _cases(report)] == [15, 4, 9, 0]


def test_a_workbook_whose_data_sheet_cannot_be_told_is_refused(folder: Path) -> None:
    _book(folder / "cases.xlsx", {"Hoja1": INSTRUCTIONS, "Hoja2": [["Notas"], ["ver abajo", "x"]]})
    report = check_dataset(folder)
    [error] = report.errors
    assert "Hoja1" in error.message and "Hoja2" in error.message and "casos" in error.hint


def test_a_layer_file_with_no_rows_is_an_error(folder: Path) -> None:
    _book(folder / "cases.xlsx", {"cases": [["area_id", "period", "exploitation", "cases", "victims"]]})
    report = check_dataset(folder)
    assert report.dataset is None
    assert any("no rows" in p.message for p in report.errors)


def test_years_stored_as_excel_dates_stay_annual(folder: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["area_id", "period", "exploitation", "cases", "victims"])
    for i, year in enumerate((2016, 2017, 2018)):
        sheet.append(["020101", dt.datetime(year, 1, 1), "labour", i + 1, i + 2])
        sheet.cell(row=i + 2, column=2).number_format = "yyyy"
    book.save(folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["cases"]["period"].tolist() == ["2016", "2017", "2018"]
    [fixed] = fx.only(report.problems, Severity.FIXED, column="period")
    assert "years" in fixed.message and "2, 3, 4" in fixed.message


def test_january_dates_of_several_years_are_read_as_years_but_real_months_stay_months(folder: Path) -> None:
    annual = [["area_id", "period", "exploitation", "cases", "victims"],
              ["020101", dt.datetime(2019, 1, 1), "labour", 1, 1], ["020101", dt.datetime(2020, 1, 1), "labour", 2, 2]]
    fx.write_xlsx(annual, folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.dataset["cases"]["period"].tolist() == ["2019", "2020"]
    monthly = [annual[0], ["020101", dt.datetime(2020, 1, 1), "labour", 1, 1],
               ["020101", dt.datetime(2020, 2, 1), "labour", 2, 2]]
    fx.write_xlsx(monthly, folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.dataset["cases"]["period"].tolist() == ["2020-01", "2020-02"]


def test_annual_and_monthly_rows_for_one_area_and_year_are_refused(folder: Path) -> None:
    _write(folder, "cases.csv", "\n".join([
        HEADER, "020101;2023;sexual;10;12", "020101;2023-03;sexual;4;4", "020101;2023-04;labour;1;1",
        "050101;2022;sexual;2;2", "050101;2023-01;sexual;1;1"]) + "\n")
    report = check_dataset(folder)
    [error] = report.errors
    assert "020101, sexual, 2023" in error.message and "twice" in error.message
    assert "050101" not in error.message and "(row(s) 2, 3)" in error.message


def test_future_periods_are_warned_naming_the_rows(folder: Path) -> None:
    _write(folder, "cases.csv", f"{HEADER}\n020101;2099;sexual;1;1\n050101;2021;sexual;1;1\n")
    report = check_dataset(folder)
    assert report.ok
    [warning] = fx.only(report.problems, Severity.WARNING, column="period")
    assert "future" in warning.message and warning.row == 2


# ---------------------------------------------------------------- clear refusals, not floods


def test_title_row_above_the_csv_header_is_skipped_and_said(folder: Path) -> None:
    body = "\n".join(f"020101;{2000 + i % 20};sexual;{i};{i}" for i in range(300))
    _write(folder, "cases.csv", f"Reporte de casos de trata 2000-2019;;;;\n\n{HEADER}\n{body}\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors[:5])
    assert report.dataset["cases"]["cases"].tolist() == list(range(300))
    [fixed] = [p for p in report.problems if "column names are on row 3" in p.message]
    assert fixed.severity is Severity.FIXED and "Reporte de casos" in fixed.message


def test_title_row_in_a_workbook_is_skipped(folder: Path) -> None:
    rows = [["Ministerio de Trabajo — casos 2023"], [], *fx.frame_rows(fx.cases())]
    fx.write_xlsx(rows, folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert [r[3] for r in _cases(report)] == [12, 3, 5, 0]
    assert report.dataset["cases"].shape[0] == 4


def test_title_row_and_an_unknown_header_give_one_message_not_thousands(folder: Path) -> None:
    body = "\n".join(f"a{i},b,c,d,e" for i in range(12000))
    _write(folder, "cases.csv", f"REPORTE ANUAL\nuno,dos,tres,cuatro,cinco\n{body}\n")
    report = check_dataset(folder)
    [error] = report.errors
    assert "first row" in error.message and "REPORTE ANUAL" in error.message
    assert len(report.problems) < 5


def test_ragged_rows_are_capped(folder: Path) -> None:
    body = "\n".join(f"020101,{2000 + i % 20},sexual,1,2,extra" for i in range(500))
    _write(folder, "cases.csv", f"area_id,period,exploitation,cases,victims\n{body}\n")
    report = check_dataset(folder)
    assert not report.ok and len(report.problems) <= 60
    assert any("450 more row(s)" in p.message for p in report.errors)


def test_trailing_delimiter_in_the_header_is_not_a_column(folder: Path) -> None:
    _write(folder, "cases.csv", "area_id,period,exploitation,cases,victims,\n020101,2023,sexual,3,4\n"
                                "050101,2023,labour,1,2,\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert _cases(report) == [("020101", "2023", "sexual", 3, 4), ("050101", "2023", "labour", 1, 2)]
    assert not [p for p in report.problems if p.severity is not Severity.FIXED]


def test_area_codes_typed_as_numbers_in_the_areas_file_get_one_leading_zero_message(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    areas = fx.areas()
    areas["area_id"] = [20101, 50101, 10101]
    areas.to_file(folder / "areas.geojson", driver="GeoJSON")
    lines = [HEADER] + [f"{a};{y};sexual;1;1" for a in ("020101", "050101", "010101") for y in range(2000, 2020)]
    _write(folder, "cases.csv", "\n".join(lines) + "\n")
    report = check_dataset(folder)
    [error] = report.errors
    assert "leading zeros" in error.message and "areas.geojson" in error.message
    assert "60" in error.message and "text" in error.hint


def test_utf8_file_with_one_windows_1252_byte_keeps_its_accents(folder: Path) -> None:
    good = "office_id,name,kind,staff,lat,lon\nOF-1,Jefatura Peñaranda,labour,3,-16.5,-68.1\n".encode()
    bad = "OF-2,Jefatura Potosí,labour,6,-19.58,-65.75\n".encode("cp1252")
    (folder / "offices.csv").write_bytes(good + bad)
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["offices"]["name"].tolist() == ["Jefatura Peñaranda", "Jefatura Potosí"]
    [warning] = [p for p in report.problems if "Windows-1252" in p.message]
    assert warning.row == 3 and warning.severity is Severity.WARNING


# ---------------------------------------------------------------- personal data and formulas


IDENTITY_COLUMNS = ["Carnet de identidad", "Nro. Documento", "CI Victima", "ci_number", "passport_number",
                    "nro_documento", "numero_ci", "CI", "C.I.", "Cédula", "DNI", "Pasaporte", "NumeroDocumento",
                    "documentNumber", "id_number", "Nº de CI", "carnet_victima"]
OTHER_PERSONAL = ["Nombre", "Nombre completo", "Apellidos", "victim_name", "FullName", "Teléfono", "Celular",
                  "Correo electrónico", "Dirección", "Fecha de nacimiento", "fecha_nac", "DOB"]
NOT_PERSONAL = ["fuente", "source", "departamento", "observaciones", "victimas_mujeres", "cases_2023", "circuito"]


@pytest.mark.parametrize("column", IDENTITY_COLUMNS + OTHER_PERSONAL)
def test_personal_data_columns_in_cases_are_refused(folder: Path, column: str) -> None:
    cases = fx.cases()
    cases[column] = ["x1", "x2", "x3", "x4"]
    fx.write_csv(cases, folder / "cases.csv")
    report = check_dataset(folder)
    [error] = report.errors
    assert error.column == column and "personal data" in error.message


@pytest.mark.parametrize("column", NOT_PERSONAL)
def test_ordinary_extra_columns_are_not_personal(folder: Path, column: str) -> None:
    cases = fx.cases()
    cases[column] = ["1", "2", "3", "4"]
    fx.write_csv(cases, folder / "cases.csv")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)


def test_identity_numbers_are_left_out_of_other_layers(folder: Path) -> None:
    sites = fx.sites_table()
    sites["CI propietario"] = ["4789123", "5123456", "6234567"]
    fx.write_csv(sites, folder / "sites.csv")
    report = check_dataset(folder)
    assert report.ok
    assert "CI propietario" not in report.dataset["sites"]
    assert fx.only(report.problems, Severity.WARNING, column="CI propietario")


@pytest.mark.parametrize("payload", ["-2+3+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "+SUM(A1)", "@SUM(A1)",
                                     "\t=1+1", "-cmd|x"])
def test_formula_payloads_in_text_columns_are_refused(folder: Path, payload: str) -> None:
    sectors = fx.sectors()
    sectors["note"] = ["ok", payload, "fine"]
    fx.write_csv(sectors, folder / "sectors.csv")
    report = check_dataset(folder)
    [error] = report.errors
    assert (error.row, error.column) == (3, "note") and "formula" in error.message


def test_negative_numbers_and_phone_numbers_are_not_formulas(folder: Path) -> None:
    sectors = fx.sectors()
    sectors["balance"] = ["-12", "-3,5", "+4"]
    sectors["phone"] = ["+591 2 2123456", "-", "+591 71234567"]
    fx.write_csv(sectors, folder / "sectors.csv")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert report.dataset["sectors"]["balance"].tolist() == ["-12", "-3,5", "+4"]


def test_january_dates_of_one_year_stay_january_but_are_warned(folder: Path) -> None:
    rows = [["area_id", "period", "exploitation", "cases", "victims"],
            ["020101", dt.datetime(2023, 1, 1), "labour", 1, 1], ["050101", dt.datetime(2023, 1, 1), "sexual", 2, 2]]
    fx.write_xlsx(rows, folder / "cases.xlsx")
    report = check_dataset(folder)
    assert report.ok and report.dataset["cases"]["period"].tolist() == ["2023-01", "2023-01"]
    [warning] = fx.only(report.problems, Severity.WARNING, column="period")
    assert "1 January 2023" in warning.message and "yyyy" in warning.hint
