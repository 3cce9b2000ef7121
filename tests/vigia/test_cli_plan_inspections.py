"""``vigia plan-inspections`` end to end on the demo: a plan file, KPIs against the greedy plan,
unplaced must-visits with reasons, route sheets; bad teams and scores files exit 1 with the
file, row and column named."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest

from geodata.scores_file import file_hash
from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, main

BASE = ["--start", "2026-12-07", "--days", "2", "--time-limit", "2"]


def test_plans_the_demo_and_writes_xlsx_and_route_sheets(demo_gpkg: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    out, sheets = tmp_path / "plan.xlsx", tmp_path / "sheets"
    teams = tmp_path / "teams.csv"  # three teams keep the run short; the demo's offices place them
    teams.write_text("team_id,office_id,skills\nLPZ-1,LAB-LPZ,\nSCZ-1,LAB-SCZ,quechua\nPTS-1,LAB-PTS,\n", encoding="utf-8")
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--teams", str(teams), "--out", str(out),
                 "--sheets", str(sheets)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "Equipos: 3, de teams.csv" in text  # printed in Spanish, like the files (--lang es by default)
    assert "Plan voraz" in text and "Riesgo cubierto" in text and "10 % de mayor riesgo" in text
    assert "sin archivo de puntajes, prioridad de respaldo" in text and "peso del sector" in text
    assert "Visitas obligatorias que NO caben" in text or "Todas las visitas obligatorias están en el plan" in text
    for line in text.splitlines():
        if line.startswith("  DEMO-S"):  # an unplaced must-visit: id, name, reason and its code
            assert ": " in line and line.rstrip().endswith("]")
    book = load_workbook(out, read_only=True)
    assert "Cronograma" in book.sheetnames and "Sin ubicar" in book.sheetnames
    visits = int(text.split("Se escribió ")[1].split("(visitas: ")[1].split(";")[0].replace(".", ""))
    assert book["Cronograma"].max_row - 1 == visits > 0
    assert len(list(sheets.glob("route-*.html"))) == 3 and (sheets / "route-sheets.pdf").stat().st_size > 0


def test_scores_file_sets_priority_and_is_named(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.ics"
    code = main(["plan-inspections", str(demo_gpkg), *BASE, "--scores", str(demo_scores_gpkg), "--out", str(out),
                 "--lang", "en"])
    assert code == EXIT_OK
    text = capsys.readouterr().out
    assert "scores file scores.gpkg" in text and "risk score" in text
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")
    # the plan records which scores it used: file name and the start of its SHA-256
    workbook = tmp_path / "plan.xlsx"
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--scores", str(demo_scores_gpkg),
                 "--out", str(workbook), "--lang", "en"]) == EXIT_OK
    about = pd.read_excel(workbook, sheet_name=None)
    about_text = " ".join(str(v) for frame in about.values() for v in frame.to_numpy().ravel())
    assert f"scores.gpkg · {file_hash(demo_scores_gpkg)[:16]}" in about_text


def test_bad_teams_file_names_file_row_and_column(demo_gpkg: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    teams = tmp_path / "equipos.csv"
    teams.write_text("team_id,office_id,day_start,day_end\nT1,LAB-LPZ,08:00,18:00\nT2,NOPE,08:00,18:00\n"
                     "T3,LAB-SCZ,9am,18:00\n", encoding="utf-8")
    out = tmp_path / "plan.csv"
    code = main(["plan-inspections", str(demo_gpkg), *BASE, "--teams", str(teams), "--out", str(out), "--lang", "en"])
    assert code == EXIT_DATA_ERRORS
    text = capsys.readouterr().out
    assert "equipos.csv" in text
    assert any("row 3" in line and "office_id" in line and "NOPE" in line for line in text.splitlines()), text
    assert any("row 4" in line and "day_start" in line for line in text.splitlines()), text
    assert not out.exists()


def test_a_file_that_is_not_a_scores_file_is_a_data_error_naming_it(demo_gpkg: Path, tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "wrong.gpkg"
    gpd.read_file(demo_gpkg, layer="areas").to_file(path, layer="areas", driver="GPKG")
    code = main(["plan-inspections", str(demo_gpkg), *BASE, "--scores", str(path), "--out", str(tmp_path / "p.csv"),
                 "--lang", "en"])
    assert code == EXIT_DATA_ERRORS
    text = capsys.readouterr().out
    assert "wrong.gpkg" in text and "not a Vigía scores file" in text


def test_usage_errors_exit_two(demo_gpkg: Path, tmp_path: Path) -> None:
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--out", str(tmp_path / "plan.txt")]) == EXIT_USAGE
    assert main(["plan-inspections", str(tmp_path / "none.gpkg"), *BASE, "--out", str(tmp_path / "p.csv")]) == EXIT_USAGE
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--engine", "magic",
                 "--out", str(tmp_path / "p.csv")]) == EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        main(["plan-inspections", str(demo_gpkg), "--start", "07/12/2026", "--days", "2", "--time-limit", "2",
              "--out", str(tmp_path / "p.csv")])
    assert exc.value.code == EXIT_USAGE


def test_writes_navigation_files_and_route_sheets_by_extension(demo_gpkg: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    import gpxpy
    from pypdf import PdfReader

    teams = tmp_path / "teams.csv"
    teams.write_text("team_id,office_id\nPTS-1,LAB-PTS\n", encoding="utf-8")
    outs = [tmp_path / name for name in ("plan.gpx", "plan.kml", "hojas.pdf", "hojas.html")]
    args = ["plan-inspections", str(demo_gpkg), *BASE, "--teams", str(teams)]
    assert main([*args, *(a for out in outs for a in ("--out", str(out)))]) == EXIT_OK
    text = capsys.readouterr().out
    assert all(f"Se escribió {out}" in text for out in outs)
    gpx = gpxpy.parse(outs[0].read_text(encoding="utf-8"))
    assert 1 <= len(gpx.routes) <= 2 and len(gpx.waypoints) > 0
    assert b"<kml" in outs[1].read_bytes()
    pdf_text = "".join(page.extract_text() for page in PdfReader(outs[2]).pages)
    assert all(f"{w.latitude:.5f}" in pdf_text for w in gpx.waypoints)
    assert outs[3].read_text(encoding="utf-8").count('class="day"') == len(gpx.routes)
    assert main([*args, "--out", str(tmp_path / "plan.docx")]) == EXIT_USAGE
    assert "--out debe terminar en" in capsys.readouterr().err


def test_exploration_share_is_drawn_recorded_and_can_be_turned_off(demo_gpkg: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    teams = tmp_path / "teams.csv"
    teams.write_text("team_id,office_id,skills\nLPZ-1,LAB-LPZ,\nSCZ-1,LAB-SCZ,quechua\n", encoding="utf-8")
    out = tmp_path / "plan.csv"
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--teams", str(teams), "--out", str(out),
                 "--explore", "0.3"]) == EXIT_OK
    assert "sorteadas al azar" in capsys.readouterr().out
    plan = pd.read_csv(out)
    random = plan[plan["selection"] == "random"]
    assert len(random) > 0 and random["selection_probability"].between(0, 1, inclusive="right").all()
    assert random["selection_probability"].nunique() == 1  # every eligible site had the same chance
    assert plan.loc[plan["selection"] == "planned", "selection_probability"].isna().all()
    assert main(["plan-inspections", str(demo_gpkg), *BASE, "--teams", str(teams), "--out", str(out),
                 "--explore", "0"]) == EXIT_OK
    assert "Exploración: desactivada" in capsys.readouterr().out
    assert set(pd.read_csv(out)["selection"]) == {"planned"}
    with pytest.raises(SystemExit) as bad:
        main(["plan-inspections", str(demo_gpkg), *BASE, "--out", str(out), "--explore", "1.5"])
    assert bad.value.code == EXIT_USAGE and "is not a share" in capsys.readouterr().err
