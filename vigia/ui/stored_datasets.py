"""The dataset in use, kept in the workspace so a reload or a new tab finds it again.

The session remembers the file it shows (:mod:`vigia.ui.state`); the workspace
remembers the *choice* per user (and a default for everyone). On the first run of a
session the choice is read back and its file written once into the data folder's
cache. Accepted uploads are stored in the workspace with their validation report.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from vigia.ui import state
from vigia.ui.access import Viewer
from vigia.ui.upload import UploadOutcome
from vigia.workspace import Workspace, WorkspaceError

#: Session key of the stored dataset's number (absent: the configured dataset or the demo).
DATASET_ID_KEY = "vigia_dataset_id"
CACHE_FOLDER = "cache"


def cache_dir() -> Path:
    return state.data_dir() / CACHE_FOLDER


def restore_choice(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any]) -> None:
    """On a session's first run, show the dataset this user (or everyone) last chose."""
    if state.SESSION_DATASET in session:
        return
    dataset_id = ws.current_dataset_id(viewer.name)
    if dataset_id is None:
        return
    try:
        path = ws.dataset_file(dataset_id, cache_dir())
    except WorkspaceError:
        return
    state.use_dataset(session, path)
    session[DATASET_ID_KEY] = dataset_id


def choose(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any], dataset_id: int, *,
           for_everyone: bool = False) -> None:
    """Use a stored dataset from now on (this user, or everyone's default)."""
    ws.use_dataset(dataset_id, viewer.name, for_everyone=for_everyone)
    state.use_dataset(session, ws.dataset_file(dataset_id, cache_dir()))
    session[DATASET_ID_KEY] = dataset_id


def back_to_default(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any]) -> None:
    """Forget this user's choice: the default (everyone's, configured, or demo) is shown."""
    ws.forget_current(viewer.name)
    state.reset_to_default(session)
    session.pop(DATASET_ID_KEY, None)
    restore_choice(ws, viewer, session)  # everyone's default, if an admin set one


def store_upload(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any],
                 outcome: UploadOutcome) -> int | None:
    """Keep an accepted upload in the workspace and make it this user's dataset."""
    if not outcome.accepted or outcome.saved_to is None:
        return None
    report = {"files": list(outcome.files), "counts": outcome.counts(),
              "problems": [p.as_dict() for p in outcome.problems]}
    record = ws.save_dataset(outcome.saved_to.read_bytes(), name=outcome.saved_to.stem,
                             filename=outcome.saved_to.name, report=report, user=viewer.name)
    choose(ws, viewer, session, record.id)
    outcome.saved_to.unlink(missing_ok=True)  # the workspace holds it now
    return record.id


def store_results(ws: Workspace, viewer: Viewer, session: MutableMapping[Any, Any], content: bytes, *,
                  name: str, results_file: str, added: list[str]) -> int:
    """Keep the dataset with newly recorded results as a new version, audited with who brought which
    results (the file, the visit codes, the version it extends), and make it this user's dataset."""
    details = {"results_file": results_file, "visits": len(added), "inspection_ids": added,
               "based_on": current_id(session)}
    record = ws.save_dataset(content, name=name, filename=f"{name}.gpkg", user=viewer.name,
                             report={"results_file": results_file, "visits": len(added)},
                             action="inspections.results", details=details)
    choose(ws, viewer, session, record.id)
    return record.id


def current_id(session: MutableMapping[Any, Any]) -> int | None:
    value = session.get(DATASET_ID_KEY)
    return int(value) if value is not None else None
