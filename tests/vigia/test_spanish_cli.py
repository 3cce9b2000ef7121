"""``--lang es`` reports of the commands read in Spanish: no English text of Vigía's tables, local numbers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from english_texts import english_texts

from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, main


def english_in(text: str) -> list[str]:
    """The tables' English pieces found as whole words in ``text``."""
    return sorted(p for p in english_texts() if p in text and re.search(r"(?<!\w)" + re.escape(p) + r"(?!\w)", text))


def test_plan_patrols_problems_in_spanish(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    units = tmp_path / "unidades.csv"
    units.write_text("unit_id,base_id,crew,shifts\nU1,NO-EXISTE,tres,mañana\nU1,,2,madrugada\n", encoding="utf-8")
    code = main(["plan-patrols", str(demo_gpkg), "--scores", str(demo_scores_gpkg), "--units", str(units),
                 "--out", str(tmp_path / "rol.xlsx"), "--lang", "es"])
    captured = capsys.readouterr()
    text = captured.out + captured.err
    assert code == EXIT_DATA_ERRORS
    assert "unidades.csv [units], fila 2, columna 'base_id'" in text and "no es una oficina de los datos" in text
    assert "columna 'crew': crew 'tres' no es un número entero >= 1" in text
    assert "unit_id 'U1' se usa dos veces (también en la fila 2)" in text
    assert english_in(text) == [], text


def test_what_if_report_in_spanish(demo_gpkg: Path, demo_scores_gpkg: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["what-if", str(demo_gpkg), "--scores", str(demo_scores_gpkg), "--add-offices", "1", "--draws", "3",
                 "--check-days", "1", "--time-limit", "5", "--lang", "es"])
    text = capsys.readouterr().out
    assert code == EXIT_OK, text
    assert "Riesgo cubierto hoy" in text
    covered = re.search(r"Riesgo cubierto hoy: ([\d.]+,\d) de ([\d.]+,\d) \((\d+,\d)%\)", text)
    assert covered, "numbers written the Spanish way (1.234,5)"
    assert english_in(text) == [], text


def test_score_summary_in_spanish(demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["score", str(demo_gpkg), "--out", str(tmp_path / "puntajes.gpkg"), "--draws", "20",
                 "--permutations", "0", "--lang", "es"])
    text = capsys.readouterr().out
    assert code == EXIT_OK, text
    summary = text.split("Procedencia:")[0]  # provenance lists the file's own machine values
    assert re.search(r"puntaje +\d+,\d", summary) and "No calculado / dejado fuera" in summary
    assert english_in(summary) == [], summary
