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
