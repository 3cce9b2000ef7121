"""Results back from the field, as a chief does it: export the plan, a team fills the Inspections
sheet offline, ``vigia record-results`` turns it into inspections rows of a new dataset file."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from results_fixtures import SHEET, fill, plan_workbook, visit_codes

from geodata.load import check_dataset, load_dataset
from planner import exports
from planner.export_texts import word
from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, main


@pytest.fixture(scope="module")
def workbook(demo_gpkg: Path) -> bytes:
    return plan_workbook(demo_gpkg)


def test_the_sheet_names_each_visit_and_has_no_free_text_column(workbook: bytes) -> None:
    sheet = pd.read_excel(io.BytesIO(workbook), sheet_name=SHEET)
    written = list(exports.labelled(pd.DataFrame(columns=exports.RESULT_VISIT_COLUMNS + exports.RESULT_COLUMNS),
                                    "es").columns)
    assert list(sheet.columns) == [exports.header_text(c, "es", written) for c in written]
    assert sheet["Código de inspección"].is_unique and len(sheet) > 5
    # the greedy plan knows no random share: the code for the data, the words for the team
    assert (sheet["Código de selección"] == "planned").all() and (sheet["Selección"] == "planificada").all()
    assert sheet["Probabilidad de selección"].isna().all()  # unknown, so empty: never a made-up 1.0
    assert sheet[["Realizada", "Víctimas", "Infracciones", "Trabajadores"]].isna().all().all()


def test_a_filled_sheet_becomes_a_new_dataset_and_a_second_upload_is_refused(
        workbook: bytes, demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = load_dataset(demo_gpkg).get("inspections")
    filled = fill(workbook, tmp_path / "resultados.xlsx",
                   {2: ("sí", 0, 2, 14), 3: ("si", 3, None, None), 4: ("no", None, None, None), 5: ("Sí", 1, 0, 5)})
    out = tmp_path / "v2.gpkg"
    assert main(["record-results", str(demo_gpkg), str(filled), "--out", str(out), "--lang", "en"]) == EXIT_OK
    printed = capsys.readouterr().out
    assert "3 visits recorded" in printed and "victims found in them: <5" in printed  # 4 victims: suppressed
    assert check_dataset(out).ok
    after = load_dataset(out).layers["inspections"]
    old = 0 if before is None else len(before)
    assert len(after) == old + 3
    if before is not None:  # nothing already recorded is lost or changed
        pd.testing.assert_frame_equal(pd.DataFrame(after.iloc[:old]).reset_index(drop=True)[list(before.columns)],
                                      pd.DataFrame(before).reset_index(drop=True), check_dtype=False)
    new = after.iloc[old:].set_index("inspection_id")
    ids = visit_codes(workbook, [2, 3, 5])
    assert list(new.index) == ids
    assert list(new["victims"]) == [0, 3, 1] and new.loc[ids[0], "workers"] == 14
    assert set(new["date"]) <= {"2025-06-02", "2025-06-03"} and set(new["selection"]) == {"planned"}

    again = tmp_path / "v3.gpkg"
    assert main(["record-results", str(out), str(filled), "--out", str(again), "--lang", "en"]) == EXIT_DATA_ERRORS
    err = capsys.readouterr().err
    assert f"row 2, column 'inspection_id': inspection_id '{ids[0]}' is already recorded" in err
    assert not again.exists()


def test_a_malformed_sheet_gets_row_and_column_errors_and_records_nothing(
        workbook: bytes, demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = fill(workbook, tmp_path / "resultados.xlsx",
                   {2: ("sí", -2, None, None), 3: ("tal vez", 0, None, None), 4: (None, 2, None, None),
                    5: ("sí", None, None, None), 6: ("sí", 1, 0, 3)})
    book = openpyxl.load_workbook(filled)
    book[SHEET].cell(6, 2).value = "2099-01-05"  # a visit dated in the future
    book.save(filled)
    out = tmp_path / "v2.gpkg"
    assert main(["record-results", str(demo_gpkg), str(filled), "--out", str(out), "--lang", "es"]) == EXIT_DATA_ERRORS
    err = capsys.readouterr().err
    assert "fila 3, columna 'Realizada': 'tal vez' no es sí o no" in err
    assert "fila 4, columna 'Realizada': la visita no está marcada pero tiene resultados" in err
    assert not out.exists()
    # The rows marked done are checked in the same pass: every error at once.
    assert "fila 2, columna 'victims': '-2' es negativo" in err
    assert "fila 5, columna 'victims': el valor está vacío" in err
    assert "fila 6, columna 'date': '2099-01-05' está en el futuro" in err
    assert not out.exists()


def test_random_visits_keep_their_probability_and_one_without_it_is_refused(
        workbook: bytes, demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    filled = fill(workbook, tmp_path / "resultados.xlsx", {2: ("sí", 0, 1, 6), 3: ("sí", 2, 0, 8)})
    book = openpyxl.load_workbook(filled)
    headers = [cell.value for cell in book[SHEET][1]]
    column, chance = headers.index("Código de selección") + 1, headers.index("Probabilidad de selección") + 1
    for row, probability in ((2, 0.18), (3, None)):  # as an exploring plan writes them, one cell lost
        book[SHEET].cell(row, column).value = "random"
        book[SHEET].cell(row, chance).value = probability
    book.save(filled)
    out = tmp_path / "v2.gpkg"
    assert main(["record-results", str(demo_gpkg), str(filled), "--out", str(out), "--lang", "en"]) == EXIT_DATA_ERRORS
    assert "row 3, column 'selection_probability': the value is empty, but selection is random" in capsys.readouterr().err
    book[SHEET].cell(3, chance).value = 0.18
    book.save(filled)
    assert main(["record-results", str(demo_gpkg), str(filled), "--out", str(out), "--lang", "en"]) == EXIT_OK
    recorded = load_dataset(out).layers["inspections"].set_index("inspection_id").loc[visit_codes(workbook, [2, 3])]
    assert list(recorded["selection"]) == ["random", "random"]
    assert list(recorded["selection_probability"]) == [0.18, 0.18]


def test_an_english_sheet_reads_back_and_an_unfilled_one_records_nothing(
        demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    english = plan_workbook(demo_gpkg, days=1, lang="en")
    out = tmp_path / "v2.gpkg"
    blank = fill(english, tmp_path / "blank.xlsx", {}, sheet_name=word("sheet.results", "en"))
    assert main(["record-results", str(demo_gpkg), str(blank), "--out", str(out), "--lang", "en"]) == EXIT_DATA_ERRORS
    assert "no visit in the file is marked done; nothing was recorded" in capsys.readouterr().err
    filled = fill(english, tmp_path / "results.xlsx", {2: ("yes", 1, 2, 3)}, sheet_name=word("sheet.results", "en"))
    assert main(["record-results", str(demo_gpkg), str(filled), "--out", str(out), "--lang", "en"]) == EXIT_OK
    assert "1 visit recorded" in capsys.readouterr().out
