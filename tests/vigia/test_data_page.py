"""The Data page's upload, driven by pressing its button: a rejected upload never becomes the dataset."""

from __future__ import annotations

from pathlib import Path

import pytest
import validate_fixtures as fx
from streamlit.testing.v1 import AppTest

from vigia.ui import state
from vigia.ui.i18n import t

APP = str(Path(__file__).resolve().parents[2] / "app.py")
DATA_PAGE = "vigia/ui/data/page.py"


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    return demo_gpkg


def _upload(files: list[tuple[str, bytes, str]]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(DATA_PAGE).run()
    at.file_uploader[0].set_value(files).run()
    [button] = [b for b in at.button if b.label == t("data.upload_button", "es")]
    button.click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_pressing_upload_with_broken_files_keeps_the_dataset(app_env: Path) -> None:
    cases = fx.cases().astype({"cases": object})
    cases.loc[0, "cases"] = "1.000"  # ambiguous: nothing in the file says '.' is a thousands separator
    at = _upload([("areas.geojson", fx.areas().to_json().encode(), "application/geo+json"),
                  ("cases.csv", cases.to_csv(index=False).encode(), "text/csv")])
    assert t("data.rejected", "es", path=app_env.name) in [e.value for e in at.error]
    assert state.SESSION_DATASET not in at.session_state, "a rejected upload never becomes the dataset"
    report = at.dataframe[-1].value
    assert "2" in list(report[t("problems.row", "es")])  # as the sheet numbers it, no "None" when absent


def test_pressing_upload_with_valid_files_switches_to_them(app_env: Path) -> None:
    at = _upload([("areas.geojson", fx.areas().to_json().encode(), "application/geo+json"),
                  ("casos.csv", fx.cases().to_csv(index=False).encode(), "text/csv")])
    saved = Path(at.session_state[state.SESSION_DATASET])
    assert saved != app_env and saved.exists()
    assert any(e.value.startswith(t("workspace.accepted", "es", name="").split("«")[0]) for e in at.success)
    assert at.session_state["vigia_dataset_id"] is not None, "the upload is kept in the workspace"


def test_after_a_rejected_upload_the_uploader_is_empty_and_the_next_files_are_checked_alone(app_env: Path) -> None:
    cases = fx.cases().astype({"cases": object})
    cases.loc[0, "cases"] = "1.000"
    at = _upload([("areas.geojson", fx.areas().to_json().encode(), "application/geo+json"),
                  ("cases.csv", cases.to_csv(index=False).encode(), "text/csv")])
    assert t("data.rejected", "es", path=app_env.name) in [e.value for e in at.error]
    assert not at.file_uploader[0].value, "the rejected files left the uploader"
    at.file_uploader[0].set_value([("areas.geojson", fx.areas().to_json().encode(), "application/geo+json"),
                                   ("casos.csv", fx.cases().to_csv(index=False).encode(), "text/csv")]).run()
    [button] = [b for b in at.button if b.label == t("data.upload_button", "es")]
    button.click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert t("data.report_header", "es", files="areas.geojson, casos.csv") in [h.value for h in at.subheader], \
        "only the new files were checked"
    assert Path(at.session_state[state.SESSION_DATASET]) != app_env, "the valid files became the dataset"
