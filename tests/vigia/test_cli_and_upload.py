"""Exit codes and upload names that must hold: tests that fail if they are broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import validate_fixtures as fx

from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, main
from vigia.ui import state
from vigia.ui.data.upload import process_upload


def _broken(tmp_path: Path) -> Path:
    folder = fx.areas_folder(tmp_path)
    cases = fx.cases().astype({"cases": object})
    cases.loc[1, "cases"] = "muchos"
    fx.write_csv(cases, folder / "cases.csv")
    return folder


def test_validate_json_exits_one_on_errors_and_zero_when_valid(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json", str(_broken(tmp_path))]) == EXIT_DATA_ERRORS
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is False and any(p["row"] == 3 and p["column"] == "cases" for p in report["problems"])
    good = fx.good_folder(tmp_path / "good")
    assert main(["validate", "--json", str(good)]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["ok"] is True


def test_build_usage_errors_exit_two_and_write_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = fx.good_folder(tmp_path / "good")
    assert main(["build", str(tmp_path / "missing"), str(tmp_path / "out.gpkg")]) == EXIT_USAGE
    assert main(["build", str(good), str(tmp_path / "out.csv")]) == EXIT_USAGE
    assert "gpkg" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["build", str(good)])  # no output path
    assert exc.value.code == EXIT_USAGE
    assert not (tmp_path / "out.gpkg").exists() and not (tmp_path / "out.csv").exists()


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(state.ENV_DATASET, str(tmp_path / "current.gpkg"))
    return {}


def _areas_bytes() -> bytes:
    return fx.areas().to_json().encode("utf-8")


@pytest.mark.parametrize("name", ["..", ".", "", "carpeta/.."])
def test_an_upload_without_a_file_name_is_refused_clearly(session: dict, name: str) -> None:
    outcome = process_upload([("areas.geojson", _areas_bytes()), (name, b"x")], session)
    assert not outcome.accepted and state.SESSION_DATASET not in session
    [problem] = outcome.problems
    assert "not a file name" in problem.message


def test_two_uploads_with_one_name_are_refused_not_overwritten(session: dict) -> None:
    cases = fx.cases().to_csv(index=False).encode("utf-8")
    outcome = process_upload([("areas.geojson", _areas_bytes()), ("2023/cases.csv", cases),
                              ("2024/cases.csv", cases)], session)
    assert not outcome.accepted and state.SESSION_DATASET not in session
    [problem] = outcome.problems
    assert "2023/cases.csv" in problem.file and "2024/cases.csv" in problem.file and "same name" in problem.message
