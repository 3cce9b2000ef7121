"""Which dataset the app shows, where it lives on disk, and cached loading.

The choice is per browser session (``st.session_state``): a ministry planner
who uploads a dataset does not change what a border chief sees in another tab.
Loading is cached per file *and* modification time, so a rerun (every click in
Streamlit) does not re-read a GeoPackage, while a rewritten file is re-read.
"""

from __future__ import annotations

import os
import threading
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import streamlit as st

from geodata import load as geodata_load
from geodata.dataset import Dataset
from vigia import paths

#: Environment variable naming the dataset (.gpkg) to open instead of the demo.
ENV_DATASET = "VIGIA_DATASET"
ENV_DATA_DIR = paths.ENV_DATA_DIR
#: Session-state key holding the path of the dataset this session shows.
SESSION_DATASET = "vigia_dataset_path"

#: The demo's file in the data folder. Named after the demo's geography, so a data folder built
#: by an earlier version (demo areas around GeoNames places) gets the municipal demo on next start
#: instead of keeping the old one.
DEMO_FILE = "demo-municipios.gpkg"
UPLOADS_FOLDER = "datasets"


def data_dir() -> Path:
    """Folder for the demo and accepted uploads: ``$VIGIA_DATA_DIR`` or the user data dir."""
    return paths.data_dir()


def uploads_dir() -> Path:
    """Where validated uploads are written as GeoPackages."""
    return data_dir() / UPLOADS_FOLDER


def demo_path() -> Path:
    return data_dir() / DEMO_FILE


def configured_dataset() -> Path | None:
    """The dataset named by ``$VIGIA_DATASET``, if any."""
    value = os.environ.get(ENV_DATASET)
    return Path(value).expanduser() if value else None


def default_dataset_path() -> Path:
    """``$VIGIA_DATASET`` when set, else the demo in the data dir."""
    return configured_dataset() or demo_path()


_DEMO_LOCK = threading.Lock()


def ensure_demo(path: Path) -> Path:
    """Write the demo dataset at ``path`` unless it is already there.

    Sessions of one server wait for each other; the file is written under a
    temporary name and renamed, so another process never opens it half-written.
    """
    with _DEMO_LOCK:
        if path.exists():
            return path
        from geodata.demo import write_demo

        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.stem}.{os.getpid()}.partial.gpkg")
        try:
            write_demo(partial)
            os.replace(partial, path)
        finally:
            partial.unlink(missing_ok=True)
    return path


def current_dataset_path(session: MutableMapping[Any, Any]) -> Path:
    """The dataset this session shows (the default until the user picks another)."""
    chosen = session.get(SESSION_DATASET)
    return Path(chosen) if chosen else default_dataset_path()


def use_dataset(session: MutableMapping[Any, Any], path: Path) -> None:
    """Make ``path`` the dataset this session shows."""
    session[SESSION_DATASET] = str(path)


def reset_to_default(session: MutableMapping[Any, Any]) -> None:
    """Go back to the default dataset (``$VIGIA_DATASET`` or the demo)."""
    session.pop(SESSION_DATASET, None)


def is_default(session: MutableMapping[Any, Any]) -> bool:
    return current_dataset_path(session) == default_dataset_path()


@st.cache_resource(show_spinner=False, max_entries=8)
def _load_cached(path: str, mtime_ns: int, size: int) -> Dataset:
    """Load once per (file, version); ``mtime_ns`` and ``size`` only key the cache."""
    return geodata_load.load_dataset(path)


def load_dataset_cached(path: Path) -> Dataset:
    """Load ``path`` through the resource cache (raises ``DataError`` if invalid)."""
    stat = path.stat()
    return _load_cached(str(path.resolve()), stat.st_mtime_ns, stat.st_size)


def clear_cache() -> None:
    """Forget every loaded dataset (tests, and after files change underneath)."""
    _load_cached.clear()
