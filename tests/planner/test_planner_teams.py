"""Teams files: good ones load, bad ones are refused naming file, row, column and what to do."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.teams import DEFAULT_TEAMS_RULE, default_teams, read_teams, teams_frame


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path) -> Dataset:
    from geodata.load import load_dataset

    return load_dataset(demo_gpkg)


def _write(tmp_path: Path, text: str, name: str = "equipos.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_teams_follow_the_documented_rule(demo: Dataset) -> None:
    offices = demo["offices"]
    labour = offices[offices["kind"] == "labour"]
    teams = default_teams(demo)
    expected = sum(max(1, round(int(s) * 0.5 / 2)) for s in labour["staff"] if int(s) > 0)
    assert len(teams) == expected
    assert {t.office_id for t in teams} == set(labour["office_id"])
    assert all(t.members == 2 and t.day_start == 8 * 60 and t.day_end == 18 * 60 for t in teams)
    assert "2 inspectors" in DEFAULT_TEAMS_RULE


def test_a_teams_file_round_trips_through_the_editable_table(demo: Dataset, tmp_path: Path) -> None:
    teams = default_teams(demo)[:3]
    path = tmp_path / "teams.csv"
    teams_frame(teams).to_csv(path, index=False)
    again = read_teams(path, demo)
    assert [(t.team_id, t.office_id, t.day_start, t.max_drive_minutes) for t in again] == \
        [(t.team_id, t.office_id, t.day_start, t.max_drive_minutes) for t in teams]
    assert again[0].lon == pytest.approx(teams[0].lon)


def test_spanish_headers_skills_and_date_ranges_are_read(demo: Dataset, tmp_path: Path) -> None:
    path = _write(tmp_path, "equipo,oficina,habilidades,fechas,hora_inicio,hora_fin\n"
                            "E1,LAB-LPZ,Quechua; child labour,2026-03-02..2026-03-04;2026-03-06,07:30,16:00\n")
    (team,) = read_teams(path, demo)
    assert team.skills == frozenset({"quechua", "child labour"})
    assert [d.day for d in team.dates] == [2, 3, 4, 6]
    assert (team.day_start, team.day_end) == (450, 960)


def test_an_xlsx_teams_file_is_read(demo: Dataset, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.worksheets[0]
    sheet.append(["team_id", "office_id", "members"])
    sheet.append(["X1", "LAB-SCZ", 3])
    book.save(tmp_path / "teams.xlsx")
    (team,) = read_teams(tmp_path / "teams.xlsx", demo)
    assert (team.team_id, team.members) == ("X1", 3)


@pytest.mark.parametrize(("text", "row", "column", "words"), [
    ("office_id\nLAB-LPZ\n", None, "team_id", "no 'team_id' column"),
    ("team_id,office_id\nT1,LAB-XXX\n", 2, "office_id", "not in the dataset's offices"),
    ("team_id,office_id\nT1,LAB-LPZ\nT1,LAB-SCZ\n", 3, "team_id", "also on row 2"),
    ("team_id,office_id,day_start\nT1,LAB-LPZ,8h\n", 2, "day_start", "not a time of day"),
    ("team_id,office_id,day_start,day_end\nT1,LAB-LPZ,18:00,08:00\n", 2, "day_end", "ends"),
    ("team_id,office_id,members\nT1,LAB-LPZ,1.5\n", 2, "members", "whole number"),
    ("team_id,office_id,available_dates\nT1,LAB-LPZ,next week\n", 2, "available_dates", "not a date"),
    ("team_id,lon,lat\nT1,-400,10\n", 2, "lon", "outside the globe"),
    ("team_id,office_id\n,LAB-LPZ\n", 2, "team_id", "no code"),
])
def test_bad_team_files_get_clear_errors(demo: Dataset, tmp_path: Path, text: str, row: int | None,
                                         column: str, words: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DataError) as caught:
        read_teams(path, demo)
    problem = caught.value.problems[0]
    assert problem.file == "equipos.csv"
    assert (problem.row, problem.column) == (row, column)
    assert words in problem.message
    assert problem.hint, "every problem says what to do"


def test_unreadable_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"csv or \.xlsx"):
        read_teams(_write(tmp_path, "x", "teams.txt"))
    with pytest.raises(DataError, match="empty"):
        read_teams(_write(tmp_path, "", "teams.csv"))
