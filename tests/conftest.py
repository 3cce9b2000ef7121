"""Shared fixtures: the demo dataset (built once per session) and ../shared/ data.

Tests that need ``../shared/`` use the ``shared_dir`` fixture, which skips with a
clear reason when the folder is absent (it is never shipped with the project).
"""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared/`` beside the repo root; skip when it is not there."""
    if not (SHARED_DIR / "data" / "bolivia").is_dir():
        pytest.skip(f"needs the shared test data at {SHARED_DIR} (not shipped with Vigía)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo dataset written once for the whole session (default seed)."""
    from geodata.demo import DEFAULT_SEED, write_demo

    out = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    write_demo(out, seed=DEFAULT_SEED)
    return out
