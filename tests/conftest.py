"""Shared fixtures: the demo dataset (built once per session) and ../shared/ data.

Tests that need ``../shared/`` use the ``shared_dir`` fixture, which skips with a
clear reason when the folder is absent (it is never shipped with the project).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every CI run, so a red CI is never a lucky draw;
# locally they keep exploring new examples.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = Path(os.environ.get("VIGIA_SHARED_DIR") or REPO_ROOT.parent / "shared")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared/`` beside the repo root (or ``$VIGIA_SHARED_DIR``); skip when it is not there.

    Under CI (``$CI`` set) the data is always provided, so its absence fails the
    test instead of skipping it: a skipped check would pass silently.
    """
    if not (SHARED_DIR / "data" / "bolivia").is_dir():
        message = f"needs the shared test data at {SHARED_DIR} (not shipped with Vigía)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must provide it")
        pytest.skip(message)
    return SHARED_DIR


@pytest.fixture(autouse=True)
def _no_map_first_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """App tests have no browser drawing maps: a page's first-run pause (``maps.let_map_paint``,
    there so a real browser draws the map first) would only slow them down."""
    from vigia.ui import maps

    monkeypatch.setattr(maps, "MAP_FIRST_PAUSE_S", 0.0)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses ``shared_dir`` carries the ``shared`` marker (``-m "not shared"`` skips them all)."""
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.shared)


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium for every browser test: skipped with the reason on a developer machine
    without it, a failure under CI (where `make test` installs it as root)."""
    from test_browser import find_chromium

    path = find_chromium()
    if path is None:
        reason = ("no Chromium at /usr/bin/chromium or on PATH; run `make test` as root to install it "
                  "(or: sudo apt-get install chromium)")
        if os.environ.get("CI"):
            pytest.fail(f"{reason} — CI runs `make test` as root, which installs it, so this is a set-up bug")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo dataset written once for the whole session (default seed)."""
    from geodata.demo import DEFAULT_SEED, write_demo

    out = tmp_path_factory.mktemp("demo") / "demo.gpkg"
    write_demo(out, seed=DEFAULT_SEED)
    return out


@pytest.fixture(scope="session")
def demo_scores_gpkg(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo's scores file as ``vigia score`` writes it (50 draws, no permutations: a few seconds)."""
    from vigia.cli import main

    out = tmp_path_factory.mktemp("scores") / "scores.gpkg"
    assert main(["score", str(demo_gpkg), "--out", str(out), "--draws", "50", "--permutations", "0"]) == 0
    return out
