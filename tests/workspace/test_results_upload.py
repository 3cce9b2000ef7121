"""Results brought back in the app: a filled sheet becomes a new dataset version in the workspace,
the audit log says who brought which results, and a sheet brought twice is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from results_fixtures import fill, plan_workbook, visit_codes
from streamlit.testing.v1 import AppTest

from geodata.load import load_dataset
from vigia.ui import access, results_upload, state, stored_datasets
from vigia.ui.i18n import t
from vigia.workspace import accounts, open_workspace
from vigia.workspace.db import default_url

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return tmp_path / "data"


def test_a_filled_sheet_becomes_a_new_version_with_an_audit_line(app_env: Path, demo_gpkg: Path,
                                                                   tmp_path: Path) -> None:
    ws = open_workspace(default_url())
    accounts.add_user(ws, "rosa", "inspection_chief", "una clave larga 2026")
    viewer = access.Viewer("rosa", accounts.get_user(ws, "rosa").role)
    workbook = plan_workbook(demo_gpkg)
    sheet = fill(workbook, tmp_path / "resultados.xlsx", {2: ("sí", 2, 1, 9), 3: ("sí", 0, 0, 4)}).read_bytes()
    dataset = load_dataset(demo_gpkg)
    before = len(dataset.layers["inspections"]) if dataset.get("inspections") is not None else 0
    session: dict = {}

    outcome, new_id = results_upload.bring_results(ws, viewer, session, dataset, "demo.gpkg", "resultados.xlsx", sheet)
    assert new_id is not None, [p.message for p in outcome.problems]
    assert stored_datasets.current_id(session) == new_id  # rosa now works on the new version
    version = load_dataset(ws.dataset_file(new_id, tmp_path / "cache")).layers["inspections"]
    assert len(version) == before + 2 and list(version["inspection_id"].iloc[-2:]) == visit_codes(workbook, [2, 3])
    assert outcome.victims_text() == "<5"  # 2 victims never shown as such
    line = ws.audit_log(action="inspections.results").iloc[0]
    assert line["user_name"] == "rosa" and line["dataset_id"] == new_id
    assert '"results_file": "resultados.xlsx"' in line["params"]
    assert visit_codes(workbook, [2])[0] in line["params"]

    stored = len(ws.datasets())
    new_dataset = load_dataset(ws.dataset_file(new_id, tmp_path / "cache"))
    again, refused = results_upload.bring_results(ws, viewer, session, new_dataset, "v2.gpkg", "resultados.xlsx", sheet)
    assert refused is None and len(ws.datasets()) == stored
    assert any("is already recorded" in p.message and p.row == 2 for p in again.problems)


def test_the_inspections_page_offers_the_results_upload(app_env: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.switch_page("vigia/ui/pages/inspections.py").run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("inspections.results_header", "es") in [e.label for e in at.expander]
