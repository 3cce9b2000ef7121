"""The ``vigia`` command as a user types it: demo-data, validate, build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
from shapely.geometry import box

from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, main


def _areas() -> gpd.GeoDataFrame:
    # Two squares on real ground: around La Paz and around Potosí.
    return gpd.GeoDataFrame(
        {
            "area_id": ["020101", "050101"],
            "name": ["La Paz", "Potosí"],
            "admin1": ["La Paz", "Potosí"],
            "population": [800000, 190000],
        },
        geometry=[box(-68.3, -16.7, -68.0, -16.4), box(-65.9, -19.7, -65.6, -19.4)],
        crs="EPSG:4326",
    )


def test_demo_data_then_validate_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "demo.gpkg"
    assert main(["demo-data", str(out)]) == EXIT_OK
    assert "SYNTHETIC" in capsys.readouterr().out
    layers = {name for name, _ in pyogrio.list_layers(out)}
    assert {"areas", "crossings", "offices", "sites", "cases", "migration", "sectors", "about"} <= layers
    assert main(["validate", str(out)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "VALID" in text and "NOT VALID" not in text


def test_console_script_is_registered_and_runs() -> None:
    """`vigia` is installed as a console script pointing at the CLI, and answers --help."""
    from importlib.metadata import entry_points

    [script] = entry_points(group="console_scripts", name="vigia")
    assert script.value == "vigia.cli:main"
    installed = Path(sys.executable).parent / "vigia"
    command = [str(installed)] if installed.exists() else [sys.executable, "-m", "vigia.cli"]
    result = subprocess.run([*command, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "validate" in result.stdout and "demo-data" in result.stdout


def test_broken_folder_fails_and_names_each_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    _areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    (folder / "cases.csv").write_text(
        "area_id,period,exploitation,cases,victims\n"
        "020101,2021,labour,3,4\n"
        "999999,2021,sexual,2,2\n"      # unknown area (row 3)
        "050101,2021,labor,-1,1\n",     # misspelt type and negative count (row 4)
        encoding="utf-8",
    )
    assert main(["validate", str(folder)]) == EXIT_DATA_ERRORS
    text = capsys.readouterr().out
    assert "NOT VALID" in text
    assert "cases.csv" in text
    lines = text.splitlines()
    row3 = [line for line in lines if "cases.csv" in line and "row 3" in line]
    assert any("area_id" in line for line in row3), text  # unknown area
    row4 = [line for line in lines if "cases.csv" in line and "row 4" in line]
    assert any("'exploitation'" in line and "labour" in line for line in row4), text  # suggests the word
    assert any("'cases'" in line for line in row4), text  # the negative count


def test_build_assembles_a_valid_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "good"
    folder.mkdir()
    _areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    pd.DataFrame(
        {"area_id": ["020101", "050101"], "period": ["2023", "2023"], "exploitation": ["sexual", "labour"],
         "cases": [5, 7], "victims": [6, 9]}
    ).to_csv(folder / "cases.csv", index=False)
    out = tmp_path / "dataset.gpkg"
    assert main(["build", str(folder), str(out)]) == EXIT_OK
    cases = pyogrio.read_dataframe(out, layer="cases")
    assert sorted(cases["area_id"]) == ["020101", "050101"]  # leading zeros kept
    assert main(["validate", str(out)]) == EXIT_OK


def test_build_writes_nothing_when_invalid(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "areas.csv").write_text("", encoding="utf-8")  # empty file, no geometry
    out = tmp_path / "dataset.gpkg"
    assert main(["build", str(folder), str(out)]) == EXIT_DATA_ERRORS
    assert not out.exists()


def test_usage_errors_exit_two(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "nope.gpkg")]) == EXIT_USAGE
    assert main(["demo-data", str(tmp_path / "demo.txt")]) == EXIT_USAGE
    with pytest.raises(SystemExit) as exc:
        main(["frobnicate"])
    assert exc.value.code == EXIT_USAGE


def test_demo_on_real_municipalities(tmp_path: Path, shared_dir: Path) -> None:
    municipios = shared_dir / "data" / "bolivia" / "municipios" / "municipios_bolivia_2024.gpkg"
    out = tmp_path / "real.gpkg"
    assert main(["demo-data", str(out), "--areas", str(municipios)]) == EXIT_OK
    areas = pyogrio.read_dataframe(out, layer="areas")
    assert len(areas) == 343
    assert areas["area_id"].str.len().eq(6).all()
    assert main(["validate", str(out)]) == EXIT_OK
