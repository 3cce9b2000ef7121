"""The inspections layer as a ministry sends it: every bad cell named by file, row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import validate_fixtures as fx

from geodata.dataset import write_dataset
from geodata.load import check_dataset, load_dataset
from geodata.messages import localise
from geodata.problems import Severity

SPANISH_HEADER = "id_inspeccion,fecha,codigo_ine,id_lugar,rubro,victimas,infracciones,trabajadores,seleccion,probabilidad_seleccion\n"


def _folder(tmp_path: Path, rows: str) -> Path:
    folder = fx.good_folder(tmp_path / "data")
    (folder / "inspecciones.csv").write_text(SPANISH_HEADER + rows, encoding="utf-8")
    return folder


def test_a_clean_register_in_spanish_loads_and_survives_the_geopackage(tmp_path: Path) -> None:
    folder = _folder(tmp_path, "I-1,2024-03-05,050101,S001,mining,0,2,14,planned,\n"
                               "I-2,2024-03-06,020101,S002,brick-making,3,,,random,0.25\n"
                               "I-3,2024-04-01,010101,,,0,,,,\n")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    dataset = load_dataset(folder)
    table = dataset.layers["inspections"]
    assert list(table["inspection_id"]) == ["I-1", "I-2", "I-3"]
    assert list(table["date"]) == ["2024-03-05", "2024-03-06", "2024-04-01"]
    assert list(table["victims"]) == [0, 3, 0]
    # The empty selection became the contract's default, and the loader said so.
    assert list(table["selection"]) == ["planned", "random", "other"]
    assert fx.only(report.problems, Severity.FIXED, column="selection")
    assert table["selection_probability"].iloc[1] == 0.25

    back = load_dataset(write_dataset(dataset, tmp_path / "out.gpkg")).layers["inspections"]
    assert list(back["inspection_id"]) == ["I-1", "I-2", "I-3"]
    assert list(back["date"]) == ["2024-03-05", "2024-03-06", "2024-04-01"]
    assert list(back["selection"]) == ["planned", "random", "other"]


def test_every_bad_cell_is_named_by_row_and_column(tmp_path: Path) -> None:
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    folder = _folder(tmp_path, "I-1,2024-03-05,050101,S001,mining,0,,,planned,\n"
                               "I-2,2024-03-06,999999,S001,mining,0,,,planned,\n"
                               "I-3,2024-03-07,050101,S999,mining,0,,,planned,\n"
                               f"I-4,{tomorrow},050101,,,0,,,planned,\n"
                               "I-5,2024-02-30,050101,,,0,,,planned,\n"
                               "I-6,2024-03-08,050101,,,0,,,random,\n"
                               "I-7,2024-03-08,050101,,,0,,,random,25\n"
                               "I-8,2024-03-08,050101,,,0,,,complaint,0\n"
                               "I-1,2024-03-09,050101,,,0,,,planned,\n")
    report = check_dataset(folder)
    assert not report.ok
    errors = {(p.row, p.column) for p in report.errors if p.file == "inspecciones.csv"}
    assert errors == {
        (3, "area_id"), (4, "site_id"), (5, "date"), (6, "date"), (7, "selection_probability"),
        (8, "selection_probability"), (9, "selection_probability"), (10, "inspection_id"),
    }
    by_place = {(p.row, p.column): p for p in report.errors}
    assert "future" in by_place[(5, "date")].message
    assert "not a date YYYY-MM-DD" in by_place[(6, "date")].message  # 30 February is refused, not moved to March
    assert "selection is random" in by_place[(7, "selection_probability")].message
    assert "(0, 1]" in by_place[(8, "selection_probability")].message
    assert "sites layer" in by_place[(4, "site_id")].message and "'S999'" in by_place[(4, "site_id")].message
    spanish = localise(by_place[(5, "date")], "es")
    assert "está en el futuro" in spanish.message


def test_excel_dates_read_as_days(tmp_path: Path) -> None:
    folder = fx.good_folder(tmp_path / "data")
    fx.write_xlsx([["inspection_id", "date", "area_id", "victims", "selection", "selection_probability"],
                   ["I-1", dt.datetime(2023, 11, 2), "050101", 0, "random", 0.5],
                   ["I-2", dt.datetime(2023, 11, 3), "020101", 1, "planned", None]],
                  folder / "inspections.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    table = load_dataset(folder).layers["inspections"]
    assert list(table["date"]) == ["2023-11-02", "2023-11-03"]
    assert table["selection_probability"].iloc[0] == 0.5 and pd.isna(table["selection_probability"].iloc[1])


def test_points_are_optional_per_row_but_half_a_coordinate_is_not(tmp_path: Path) -> None:
    folder = fx.good_folder(tmp_path / "data")
    (folder / "inspections.csv").write_text("inspection_id,date,area_id,victims,lat,lon\n"
                                            "I-1,2024-03-05,050101,0,-19.6,-65.75\n"
                                            "I-2,2024-03-06,050101,0,,\n"
                                            "I-3,2024-03-07,050101,0,-19.6,\n", encoding="utf-8")
    report = check_dataset(folder)
    assert [(p.row, p.column) for p in report.errors] == [(4, "lon")]
    (folder / "inspections.csv").write_text("inspection_id,date,area_id,victims,lat,lon\n"
                                            "I-1,2024-03-05,050101,0,-19.6,-65.75\n"
                                            "I-2,2024-03-06,050101,0,,\n", encoding="utf-8")
    table = load_dataset(folder).layers["inspections"]
    assert table.geometry.iloc[0].x == -65.75 and table.geometry.iloc[1] is None
