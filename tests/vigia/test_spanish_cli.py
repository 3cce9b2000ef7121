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


def test_plan_inspections_report_in_spanish(demo_gpkg: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["plan-inspections", str(demo_gpkg), "--start", "2026-12-07", "--days", "1", "--time-limit", "1",
                 "--out", str(tmp_path / "plan.csv"), "--lang", "es"])
    text = capsys.readouterr().out
    assert code == EXIT_OK, text
    assert "(por defecto) — Un equipo de 2 inspectores" in text and "Prioridad (" in text
    assert re.search(r"Kilómetros recorridos +\d{1,3}(\.\d{3})* +\d", text), "counts grouped the Spanish way"
    assert re.search(r"Horas de manejo +\d+,\d ", text), "decimals with a comma"
    assert english_in(text) == [], text


def without_typed(text: str) -> str:
    """``text`` without option names (``--sheets``) and choice lists (``{profile,bootstrap}``): what the
    user types stays the same in every language."""
    return re.sub(r"--[\w-]+|\{[\w,-]+\}", "", text)


COMMANDS = ["validate", "build", "demo-data", "dark-figure", "evaluate", "plan-inspections", "plan-patrols",
            "record-results", "score", "users", "what-if"]


def _help(argv: list[str], lang_env: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``vigia ARGV --help`` prints with ``LANG=lang_env`` (argparse builds help before ``--lang``)."""
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang_env)
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_is_spanish_under_a_spanish_locale(command: str | None, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    text = _help([command] if command else [], "es_BO.UTF-8", monkeypatch, capsys)
    assert text.startswith("uso: vigia") and "opciones:" in text and "muestra esta ayuda y termina" in text
    assert english_in(without_typed(text)) == [], text


def test_help_is_english_under_an_english_locale(monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(["plan-inspections"], "en_US.UTF-8", monkeypatch, capsys)
    assert text.startswith("usage: vigia plan-inspections") and "show this help message and exit" in text
    assert "number of working days (Monday-Friday)" in text and "días hábiles" not in text


def test_argument_errors_follow_the_locale(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "es_BO.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit) as bad:
        main(["plan-inspections", "x.gpkg", "--start", "2026-13-01", "--days", "1", "--time-limit", "1",
              "--out", "p.csv"])
    err = capsys.readouterr().err
    assert bad.value.code == 2 and "error: argumento --start: '2026-13-01' no es una fecha; escriba AAAA-MM-DD" in err
    with pytest.raises(SystemExit):
        main(["plan-inspections", "x.gpkg", "--days", "1", "--mode", "fixed"])
    err = capsys.readouterr().err
    assert "faltan estos argumentos obligatorios: --start, --time-limit, --out" in err
    assert "argumentos no reconocidos" not in err  # argparse stops at the first error
    with pytest.raises(SystemExit):
        main(["dark-figure", "lists.csv", "--by", "year"])
    err = capsys.readouterr().err
    assert "argumento --by: opción no válida: 'year' (elija entre 'period', 'admin1')" in err, err
    assert english_in(without_typed(err)) == [], err
