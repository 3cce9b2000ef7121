"""``vigia plan-patrols`` end to end on the demo, with the scores file ``vigia score`` wrote."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
from icalendar import Calendar
from patrol_rest import shortest_rests

from geodata.load import load_dataset
from geodata.scores_file import file_hash, read_scores, write_scores
from planner.export_texts import word
from planner.patrols.model import SHIFTS, build_problem, slot_of
from planner.patrols.plan import plan_week
from planner.patrols.roster import rule_violations
from planner.patrols.scores import read_crossing_scores
from planner.patrols.units import default_units
from vigia.cli import main


@pytest.fixture(scope="module")
def scores_gpkg(demo_scores_gpkg: Path) -> Path:
    return demo_scores_gpkg


def _run(demo_gpkg: Path, scores_gpkg: Path, out: Path, *extra: str) -> int:
    return main(["plan-patrols", str(demo_gpkg), "--scores", str(scores_gpkg), "--week", "2026-W23",
                 "--seed", "4", "--out", str(out), "--pool", "6", *extra])


def _assignment(csv_path: Path, demo_gpkg: Path, scores_gpkg: Path):
    """The roster back as a (units, targets, slots) array, read the way a person reads the Spanish CSV."""
    dataset = load_dataset(demo_gpkg)
    scores = read_crossing_scores(scores_gpkg)
    problem = build_problem(dataset, scores, default_units(dataset))
    table = pd.read_csv(csv_path, dtype=str)
    monday = dt.date(2026, 6, 1)
    shift_of = {word(f"shift.{s}", "es"): k for k, s in enumerate(SHIFTS)}
    assign = np.zeros(problem.reach.shape, dtype=bool)
    for unit_id, place_id, day, shift in zip(table["Código de unidad"], table["Código del lugar"], table["Fecha"],
                                            table["Turno"]):
        slot = slot_of((dt.datetime.strptime(day, "%d/%m/%Y").date() - monday).days, shift_of[shift])
        assign[problem.unit_index(unit_id), problem.target_index(place_id), slot] = True
    return problem, assign, table


def test_randomised_roster_csv_obeys_rules_and_is_reproducible(demo_gpkg, scores_gpkg, tmp_path, capsys) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    assert _run(demo_gpkg, scores_gpkg, first) == 0
    assert "% menos)" in capsys.readouterr().out  # the report speaks the --lang of the files (es)
    assert _run(demo_gpkg, scores_gpkg, second) == 0
    assert first.read_bytes() == second.read_bytes(), "same seed must give the same roster"
    problem, assign, table = _assignment(first, demo_gpkg, scores_gpkg)
    assert len(table) > 50 and "01/06/2026" in set(table["Fecha"])
    assert rule_violations(problem, assign) == []


def test_fixed_roster_as_xlsx_and_ics(demo_gpkg, scores_gpkg, tmp_path) -> None:
    xlsx, ics = tmp_path / "r.xlsx", tmp_path / "r.ics"
    assert _run(demo_gpkg, scores_gpkg, xlsx, "--mode", "fixed") == 0
    assert openpyxl.load_workbook(xlsx).sheetnames == ["Turnos", "Semana", "Lugares", "Acerca del rol"]
    about = dict(pd.read_excel(xlsx, sheet_name="Acerca del rol").to_numpy().tolist())
    assert about["Puntajes de riesgo usados (archivo · SHA-256)"] == f"scores.gpkg · {file_hash(scores_gpkg)[:16]}"
    assert str(about["Semilla"]) == "4" and about["Modo"] == "fijo"
    assert about["Zona horaria de las horas"] == "America/La_Paz"
    assert _run(demo_gpkg, scores_gpkg, ics, "--mode", "fixed") == 0
    calendar = Calendar.from_ical(ics.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(pd.read_excel(xlsx, sheet_name="Turnos"))
    assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/La_Paz"]
    assert all(e["DTSTART"].params["TZID"] == "America/La_Paz" for e in events)
    assert min(e.decoded("DTSTART") for e in events).date() == dt.date(2026, 6, 1)


def test_usage_and_data_errors(demo_gpkg, scores_gpkg, tmp_path, capsys) -> None:
    assert main(["plan-patrols", str(demo_gpkg), "--scores", str(scores_gpkg), "--week", "2026-23",
                 "--out", str(tmp_path / "r.csv")]) == 2
    assert _run(demo_gpkg, scores_gpkg, tmp_path / "r.docx") == 2
    lonely = tmp_path / "units.csv"
    lonely.write_text("unit_id,base_id,max_shifts\nONLY,POL-OLLAGUE,2\n", encoding="utf-8")
    assert _run(demo_gpkg, scores_gpkg, tmp_path / "r.csv", "--units", str(lonely)) == 1
    err = capsys.readouterr().err
    assert "official crossing" in err and "must be staffed" in err
    other = read_scores(scores_gpkg)  # a scores file of another dataset: one crossing the demo lacks
    assert other.crossings is not None
    other.crossings = other.crossings.head(1).assign(crossing_id="X")
    bad = write_scores(other, tmp_path / "bad.gpkg")
    assert _run(demo_gpkg, bad, tmp_path / "r.csv") == 1
    assert "no hay puntaje para los pasos" in capsys.readouterr().err
    foreign = tmp_path / "foreign.gpkg"
    pyogrio.write_dataframe(pd.DataFrame({"crossing_id": ["X"], "score": [1.0]}), foreign, driver="GPKG")
    assert _run(demo_gpkg, foreign, tmp_path / "r.csv") == 1
    err = capsys.readouterr().err
    assert "foreign.gpkg" in err and "no es un archivo de puntajes de Vigía" in err


def test_without_scores_the_risk_engine_scores_the_crossings(demo_gpkg, tmp_path, capsys) -> None:
    out = tmp_path / "r.csv"
    code = main(["plan-patrols", str(demo_gpkg), "--week", "2026-W01", "--out", str(out), "--mode", "fixed"])
    assert code == 0, capsys.readouterr().err
    assert len(pd.read_csv(out)) > 50
    assert re.search(r"encuentra sin vigilancia el lugar que elige \d+ veces de 10 con el rol fijo",
                     capsys.readouterr().out)


def test_a_profile_file_moves_patrols_to_the_nights(demo_gpkg, scores_gpkg, tmp_path, capsys) -> None:
    profile = tmp_path / "profile.csv"
    profile.write_text("kind,morning,afternoon,night\nofficial,0.1,0.1,5\nunofficial,0.1,0.1,5\n"
                       "stretch,0.1,0.1,5\n", encoding="utf-8")
    out = tmp_path / "nights.csv"
    assert _run(demo_gpkg, scores_gpkg, out, "--mode", "fixed", "--profile", str(profile)) == 0
    shifts = pd.read_csv(out)["Turno"].value_counts()
    assert shifts.get("noche", 0) > shifts.get("mañana", 0) + shifts.get("tarde", 0)
    profile.write_text("kind,morning,afternoon,night\nboat,1,1,x\n", encoding="utf-8")
    assert _run(demo_gpkg, scores_gpkg, out, "--profile", str(profile)) == 1
    err = capsys.readouterr().err
    assert "profile.csv" in err and "fila 2" in err and "'kind'" in err


ENGLISH_CODES = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun|morning|afternoon|night|official|unofficial|stretch|"
                           r"roster|week_grid|unit_id|target_id)\b")


def test_spanish_files_carry_no_english_codes(demo_gpkg, scores_gpkg, tmp_path) -> None:
    csv, xlsx, ics = tmp_path / "r.csv", tmp_path / "r.xlsx", tmp_path / "r.ics"
    for out in (csv, xlsx, ics):
        assert _run(demo_gpkg, scores_gpkg, out, "--mode", "fixed") == 0
    book = openpyxl.load_workbook(xlsx)
    texts = [csv.read_text(encoding="utf-8"), ics.read_bytes().decode("utf-8"), " ".join(book.sheetnames)]
    texts += [str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row
              if cell.value is not None and sheet.title != "Lugares"]
    # codes are allowed only in their own code columns (e.g. DESAGUADERO~KASANI): drop them before looking
    codes = set(pd.read_csv(csv, dtype=str)[["Código de unidad", "Código del lugar"]].stack())
    found = {m for text in texts for m in ENGLISH_CODES.findall(" ".join(w for w in text.split() if w not in codes))}
    assert not found, f"English codes in Spanish roster files: {sorted(found)}"
    week = pd.read_excel(xlsx, sheet_name="Semana")
    assert list(week.columns[3:]) == ["lunes 01/06", "martes 02/06", "miércoles 03/06", "jueves 04/06",
                                      "viernes 05/06", "sábado 06/06", "domingo 07/06"]


def test_roster_pdf_has_a_page_per_unit_with_the_week_dates(demo_gpkg, scores_gpkg, tmp_path) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "roster.pdf"
    assert _run(demo_gpkg, scores_gpkg, pdf) == 0
    units = default_units(load_dataset(demo_gpkg))
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert len(pages) == len(units)
    for unit, text in zip(units, pages):
        flat = " ".join(text.split())
        assert unit.name.split(" · ")[0] in flat, f"page of {unit.unit_id} does not name its unit"
        assert "del 1 jun de 2026 al 7 jun de 2026" in flat  # dates as people write them (geodata.formats)
    with_shifts = [" ".join(p.split()) for p in pages if "no tiene turnos" not in p]
    assert with_shifts and all(re.search(r"(lunes|martes|miércoles|jueves|viernes|sábado|domingo) "
                                         r"0[1-7]/06/2026", p) for p in with_shifts)


def test_the_randomised_file_holds_the_drawn_week_not_the_fixed_roster(demo_gpkg, scores_gpkg, tmp_path) -> None:
    """The file ``--mode randomised`` writes is plan_week's drawn week for that seed; another seed
    writes another week; neither is the fixed roster; both keep the rules."""
    first, other = tmp_path / "seed4.csv", tmp_path / "seed5.csv"
    assert _run(demo_gpkg, scores_gpkg, first) == 0
    assert main(["plan-patrols", str(demo_gpkg), "--scores", str(scores_gpkg), "--week", "2026-W23",
                 "--seed", "5", "--out", str(other), "--pool", "6"]) == 0
    problem, assign, _ = _assignment(first, demo_gpkg, scores_gpkg)
    _, assign_other, _ = _assignment(other, demo_gpkg, scores_gpkg)
    plan = plan_week(problem, week="2026-W23", seed=4, pool=6)
    assert np.array_equal(assign, plan.roster.assign), "the file is the week plan_week drew"
    assert not np.array_equal(assign, plan.fixed.assign), "the randomised file must not be the fixed roster"
    assert not np.array_equal(assign, assign_other), "another seed, another week"
    for week in (assign, assign_other):
        assert rule_violations(problem, week) == []
        assert min(shortest_rests(week).values()) >= 16.0
