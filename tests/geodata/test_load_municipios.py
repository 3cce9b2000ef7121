"""Variants of the 343 real municipalities as Spanish-locale offices save them (needs ../shared).

Each variant is either refused in under 200 lines naming the cause, or VALID with
exactly the figures the file means.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
import validate_fixtures as fx

from geodata.load import check_dataset

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def national(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    source = shared_dir / "data" / "bolivia" / "municipios" / "municipios_bolivia_2024.gpkg"
    municipios = pyogrio.read_dataframe(source, layer="municipios")
    areas = municipios.rename(columns={"codigo_ine": "area_id", "nombre_mun": "name", "nombre_dep": "admin1"})
    rng = np.random.default_rng(11)
    areas["population"] = rng.integers(1_000, 2_000_000, len(areas))
    folder = tmp_path_factory.mktemp("municipios")
    areas[["area_id", "name", "admin1", "population", "geometry"]].to_file(folder / "municipios.gpkg",
                                                                           layer="municipios")
    cases = pd.DataFrame({"area_id": areas["area_id"], "period": "2023", "exploitation": "labour",
                          "cases": rng.integers(0, 40_000, len(areas)), "victims": rng.integers(0, 900_000, len(areas))})
    return folder / "municipios.gpkg", cases


def _folder(tmp_path: Path, areas: Path) -> Path:
    folder = tmp_path / "envio"
    folder.mkdir()
    (folder / "municipios.gpkg").write_bytes(areas.read_bytes())
    return folder


def _dotted(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_semicolon_csv_with_spanish_thousands_loads_the_exact_figures(tmp_path: Path, national) -> None:
    areas, cases = national
    folder = _folder(tmp_path, areas)
    lines = ["codigo_ine;gestion;explotacion;casos;victimas"]
    lines += [f"{a};{p};{e};{_dotted(c)};{_dotted(v)}" for a, p, e, c, v in cases.itertuples(index=False)]
    (folder / "casos.csv").write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    loaded = report.dataset["cases"]
    assert len(report.dataset.areas) == 343
    assert loaded["cases"].tolist() == cases["cases"].tolist()
    assert loaded["victims"].tolist() == cases["victims"].tolist()
    assert loaded["area_id"].tolist() == cases["area_id"].tolist()


def test_quoted_english_thousands_without_evidence_are_refused_briefly(tmp_path: Path, national) -> None:
    areas, cases = national
    folder = _folder(tmp_path, areas)
    lines = ["area_id,period,exploitation,cases,victims"]
    lines += [f'{a},{p},{e},"{c:,}",{v}' for a, p, e, c, v in cases.itertuples(index=False)]
    (folder / "cases.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check_dataset(folder)
    if report.ok:
        assert report.dataset["cases"]["cases"].tolist() == cases["cases"].tolist()
    else:
        assert len(report.problems) < 200 and all("thousands" in p.message for p in report.errors)


def test_a_workbook_with_a_title_an_instructions_sheet_and_year_dates(tmp_path: Path, national) -> None:
    areas, cases = national
    folder = _folder(tmp_path, areas)
    book = openpyxl.Workbook()
    book.active.title = "Instrucciones"
    book.active.append(["Llene la hoja Casos; no cambie los encabezados."])
    sheet = book.create_sheet("Casos")
    sheet.append(["MINISTERIO DE TRABAJO - REGISTRO DE CASOS 2023"])
    sheet.append([])
    sheet.append(["codigo_ine", "gestion", "explotacion", "casos", "victimas"])
    for i, (a, _, e, c, v) in enumerate(cases.itertuples(index=False)):
        sheet.append([a, dt.datetime(2016 + i % 8, 1, 1), e, int(c), int(v)])
        sheet.cell(row=sheet.max_row, column=2).number_format = "yyyy"
    book.save(folder / "casos.xlsx")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    loaded = report.dataset["cases"]
    assert loaded["period"].tolist() == [str(2016 + i % 8) for i in range(len(cases))]
    assert loaded["cases"].tolist() == cases["cases"].tolist()


def test_numeric_area_codes_give_one_leading_zero_message(tmp_path: Path, national) -> None:
    areas, cases = national
    folder = tmp_path / "envio"
    folder.mkdir()
    frame = pyogrio.read_dataframe(areas)
    frame["area_id"] = frame["area_id"].astype(int)
    frame.to_file(folder / "municipios.geojson", driver="GeoJSON")
    fx.write_csv(cases, folder / "casos.csv")
    report = check_dataset(folder)
    assert not report.ok and len(report.problems) < 200
    assert any("leading zeros" in p.message and p.row is None for p in report.errors)
