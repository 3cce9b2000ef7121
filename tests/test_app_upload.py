"""The Data page's upload rule: switch to uploaded data only when it validates."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geodata.load import load_dataset
from vigia.ui import state
from vigia.ui.data.upload import process_upload


def _areas_geojson(with_population: bool = True) -> bytes:
    frame = gpd.GeoDataFrame(
        {"area_id": ["020101", "050101"], "name": ["La Paz", "Potosí"], "admin1": ["La Paz", "Potosí"],
         "population": [800000, 190000]},
        geometry=[box(-68.3, -16.7, -68.0, -16.4), box(-65.9, -19.7, -65.6, -19.4)], crs="EPSG:4326")
    if not with_population:
        frame = frame.drop(columns="population")
    return frame.to_json().encode("utf-8")


def _cases_csv(area: str = "020101") -> bytes:
    return pd.DataFrame({"area_id": [area], "period": ["2024"], "exploitation": ["labour"],
                         "cases": [3], "victims": [4]}).to_csv(index=False).encode("utf-8")


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(state.ENV_DATASET, str(tmp_path / "current.gpkg"))
    return {}


def test_valid_files_are_saved_and_become_the_current_dataset(session: dict, tmp_path: Path) -> None:
    outcome = process_upload([("areas.geojson", _areas_geojson()), ("cases.csv", _cases_csv())], session)
    assert outcome.accepted, [str(p) for p in outcome.problems]
    assert outcome.counts()["error"] == 0
    assert outcome.saved_to is not None and outcome.saved_to.parent == state.uploads_dir()
    assert state.current_dataset_path(session) == outcome.saved_to
    saved = load_dataset(outcome.saved_to)
    assert sorted(saved.areas["area_id"]) == ["020101", "050101"]
    assert int(saved.layers["cases"]["cases"].sum()) == 3
    assert saved.about["uploaded_files"] == "areas.geojson, cases.csv"


def test_broken_files_are_reported_and_the_current_dataset_is_kept(session: dict) -> None:
    before = state.current_dataset_path(session)
    outcome = process_upload(
        [("areas.geojson", _areas_geojson(with_population=False)), ("cases.csv", _cases_csv("999999"))], session)
    assert not outcome.accepted and outcome.saved_to is None
    assert outcome.kept == before and state.current_dataset_path(session) == before
    assert state.SESSION_DATASET not in session
    assert outcome.counts()["error"] >= 1
    assert any(p.file == "areas.geojson" and "population" in f"{p.column} {p.message}" for p in outcome.problems), \
        [str(p) for p in outcome.problems]
    assert not state.uploads_dir().exists() or not any(state.uploads_dir().iterdir()), "nothing saved"


def test_a_single_geopackage_is_checked_as_a_dataset(session: dict, demo_gpkg: Path) -> None:
    outcome = process_upload([("mi datos.gpkg", demo_gpkg.read_bytes())], session)
    assert outcome.accepted, [str(p) for p in outcome.problems if p.severity.value == "error"]
    assert outcome.saved_to.name.startswith("mi-datos-")
    assert load_dataset(outcome.saved_to).synthetic, "the demo's synthetic flag travels with it"


def test_browser_supplied_folders_in_names_are_ignored(session: dict) -> None:
    outcome = process_upload([("C:\\Users\\ana\\areas.geojson", _areas_geojson())], session)
    assert outcome.files == ("areas.geojson",)
    assert outcome.accepted
