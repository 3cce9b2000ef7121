"""Every saved result and export names, in the audit log, the dataset it was made on — also the demo."""

from __future__ import annotations

from pathlib import Path

from vigia.ui import state, stored_datasets
from vigia.ui.access import Viewer
from vigia.workspace import open_workspace
from vigia.workspace.roles import Role


def test_the_default_dataset_is_registered_once_and_named_by_each_action(tmp_path: Path, monkeypatch) -> None:
    demo = tmp_path / "demo.gpkg"
    demo.write_bytes(b"GPKG demo bytes")
    monkeypatch.setenv(state.ENV_DATASET, str(demo))
    ws = open_workspace(f"sqlite:///{tmp_path / 'ws.sqlite'}")
    session: dict = {}
    viewer = Viewer(name="ana", role=Role.PLANNER)
    first = stored_datasets.in_use_id(ws, viewer, session)
    ws.record("export", "ana", dataset_id=first, file="scores.csv")
    assert stored_datasets.in_use_id(ws, viewer, {}) == first, "same bytes, same stored dataset"
    ws.save_item("score_run", "run", user="ana", dataset_id=stored_datasets.in_use_id(ws, viewer, session))
    log = ws.audit_log()
    assert log["action"].tolist() == ["score_run.save", "export", "dataset.register"]
    assert log["dataset_id"].tolist() == [first, first, first]
    assert ws.dataset(first).sha256 and ws.dataset(first).filename == "demo.gpkg"
    other = tmp_path / "other.gpkg"
    other.write_bytes(b"GPKG other bytes")
    state.use_dataset(session, other)
    assert stored_datasets.in_use_id(ws, viewer, session) != first


def test_a_score_run_saved_on_the_risk_map_names_its_dataset_and_provenance(
        demo_gpkg: Path, tmp_path: Path, monkeypatch) -> None:
    from streamlit.testing.v1 import AppTest

    from vigia.ui.risk_map import risk_state
    from vigia.workspace.db import default_url

    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(risk_state.ENV_DRAWS, "100")
    monkeypatch.setenv(risk_state.ENV_PERMUTATIONS, "9")
    app = str(Path(__file__).resolve().parents[2] / "app.py")
    at = AppTest.from_file(app, default_timeout=120).run()
    assert not at.exception, [e.message for e in at.exception]
    at.button(key="risk_save_run").click().run()
    assert not at.exception, [e.message for e in at.exception]
    ws = open_workspace(default_url())
    log = ws.audit_log()
    saved = log[log["action"] == "score_run.save"]
    assert len(saved) == 1 and saved["dataset_id"].notna().all()
    registered = ws.dataset(int(saved["dataset_id"].iloc[0]))
    assert registered.filename == demo_gpkg.name
    run = ws.items("score_run")[0]
    assert run.params["preset"] == "balanced" and run.params["draws"] == 100
    assert len(run.params["dataset_hash"]) == 64 and abs(sum(run.params["weights"].values()) - 1) < 1e-4
