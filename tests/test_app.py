"""The Streamlit app as a user meets it, run headless with AppTest on the demo dataset."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import geodata.load
from geodata.problems import Problem, Severity
from vigia.ui import state
from vigia.ui.data.upload import UploadOutcome
from vigia.ui.i18n import LANG_KEY, t

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
TIMEOUT = 60  # first run loads the demo GeoPackage and the basemap

#: (page file, title key, "not built yet" key or None)
PAGES = [
    ("vigia/ui/risk_map/page.py", "risk.title", None),
    ("vigia/ui/inspections/page.py", "inspections.title", None),
    ("vigia/ui/border/page.py", "border.title", None),
    ("vigia/ui/data/page.py", "data.title", None),
    ("vigia/ui/about/page.py", "about.title", None),
]


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The app pointed at the session's demo GeoPackage; nothing written to the home dir."""
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    return demo_gpkg


def _open(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if page is not None:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _texts(elements) -> list[str]:
    return [e.value for e in elements]


@pytest.mark.parametrize(("page", "title", "not_built"), PAGES, ids=[p[0].split("/")[-1] for p in PAGES])
def test_page_runs_with_banner_and_notice(app_env: Path, page: str, title: str, not_built: str | None) -> None:
    at = _open(page)
    assert _texts(at.title) == [t(title, "es")]
    assert t("banner.synthetic", "es") in _texts(at.warning), "demo data must be labelled synthetic"
    if not_built:
        assert t(not_built, "es") in _texts(at.info)


def test_language_switch_turns_the_page_english(app_env: Path) -> None:
    at = _open()
    assert _texts(at.title) == ["Mapa de riesgo"]
    at.radio(key=LANG_KEY).set_value("en").run()
    assert not at.exception
    assert _texts(at.title) == ["Risk map"]
    assert t("banner.synthetic", "en") in _texts(at.warning)
    assert t("riskmap.top_header", "en", n=20) in _texts(at.subheader)


def test_risk_page_shows_coverage_and_departments(app_env: Path) -> None:
    at = _open()
    labels = [m.label for m in at.metric]
    assert t("risk.metric_areas", "es") in labels and t("risk.metric_cases", "es") in labels
    departments = next(d.value for d in at.dataframe if t("col.cases", "es") in d.value.columns)
    assert t("col.admin1", "es") in departments.columns
    cases = departments[t("col.cases", "es")]
    assert all(value == "<5" or value == "0" or int(value.replace(".", "")) >= 5 for value in cases), \
        "case counts must be suppressed text"


def test_rerun_and_new_session_do_not_reload_the_dataset(app_env: Path, monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    state.clear_cache()
    calls: list[str] = []
    real = geodata.load.load_dataset
    monkeypatch.setattr(geodata.load, "load_dataset", lambda path: calls.append(str(path)) or real(path))
    at = _open()
    at.run()  # a rerun, as after any click
    _open("vigia/ui/border/page.py")  # another browser session, another page
    assert len(calls) == 1, calls

    # A rewritten file (new modification time) is read again.
    copy = tmp_path / "copy.gpkg"
    shutil.copy(app_env, copy)
    monkeypatch.setenv(state.ENV_DATASET, str(copy))
    _open()
    stat = copy.stat()
    os.utime(copy, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    _open()
    assert len(calls) == 3, calls


def test_first_run_without_a_dataset_builds_the_demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(state.ENV_DATASET, raising=False)
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "vigia"))
    (tmp_path / "vigia").mkdir()
    (tmp_path / "vigia" / "demo.gpkg").write_bytes(b"the demo areas of an earlier version")
    at = _open("vigia/ui/about/page.py")
    assert (tmp_path / "vigia" / state.DEMO_FILE).is_file(), "an older demo in the folder must not stand in"
    assert t("banner.synthetic", "es") in _texts(at.warning)
    about = " ".join(_texts(at.markdown))
    assert "Lab TecnoSocial" in about and "CC BY 4.0" in about  # the municipal boundaries are credited


def test_data_page_shows_the_dataset_and_the_contract(app_env: Path) -> None:
    at = _open("vigia/ui/data/page.py")
    layers = at.dataframe[0].value
    assert "areas" in set(layers[t("col.layer", "es")])
    about = at.table[0].value
    assert "synthetic" in set(about.index)
    markdown = " ".join(_texts(at.markdown))
    assert str(app_env) in markdown
    assert "**`areas`**" in markdown, "the contract is shown"
    back = at.button[0]
    assert back.label == t("data.back_to_configured", "es") and back.disabled, "already on the default"


def test_data_page_reports_a_rejected_upload_and_keeps_the_dataset(app_env: Path) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    problem = Problem("cases.csv", "cases", 7, "area_id", "area 999999 is not in areas", "fix the code",
                      Severity.ERROR)
    at.session_state["vigia_upload_outcome"] = UploadOutcome(
        accepted=False, files=("areas.geojson", "cases.csv"), problems=(problem,), kept=app_env)
    at.run()
    at.switch_page("vigia/ui/data/page.py").run()
    assert not at.exception
    assert t("data.rejected", "es", path=app_env.name) in _texts(at.error)
    report = at.dataframe[-1].value
    assert list(report[t("problems.row", "es")]) == ["7"]
    assert list(report[t("problems.severity", "es")]) == [t("severity_one.error", "es")]
    assert state.SESSION_DATASET not in at.session_state, "the current dataset stays the default"


def test_back_button_returns_to_the_default_dataset(app_env: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.gpkg"
    shutil.copy(app_env, other)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.session_state[state.SESSION_DATASET] = str(other)
    at.run()
    at.switch_page("vigia/ui/data/page.py").run()
    assert str(other) in " ".join(_texts(at.markdown))
    at.button[0].click().run()
    assert not at.exception
    assert state.SESSION_DATASET not in at.session_state
    assert str(app_env) in " ".join(_texts(at.markdown))


def test_pages_work_with_only_the_required_areas_layer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ministry with boundaries only still gets every page, each saying what is missing."""
    import geopandas as gpd
    from shapely.geometry import box

    from geodata.dataset import Dataset, write_dataset

    areas = gpd.GeoDataFrame(
        {"area_id": ["020101", "050101"], "name": ["La Paz", "Potosí"], "admin1": ["La Paz", "Potosí"],
         "population": [800000, 190000]},
        geometry=[box(-68.3, -16.7, -68.0, -16.4), box(-65.9, -19.7, -65.6, -19.4)], crs="EPSG:4326")
    path = write_dataset(Dataset({"areas": areas}, about={"title": "Solo áreas"}), tmp_path / "areas_only.gpkg")
    monkeypatch.setenv(state.ENV_DATASET, str(path))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    for page, title, _ in PAGES:
        at = _open(page)
        assert _texts(at.title) == [t(title, "es")]
        assert t("banner.synthetic", "es") not in _texts(at.warning), "real data carries no demo banner"
    at = _open("vigia/ui/inspections/page.py")
    assert t("page.missing_layer", "es", layer="sites") in _texts(at.info)
