"""The user guide's pictures are taken from the running app on the demo, so they show today's pages.

One server (open demo mode, Spanish browser), five pages: each must show its title (and the
risk map its drawn areas) before its picture is taken. Pictures go to
``test-artifacts/guide/``; they replace ``docs/img/`` when that picture is missing or when
``VIGIA_UPDATE_GUIDE_IMAGES=1`` (before a release), so a normal test run leaves the
repository unchanged. The guide's text is checked against the app's words in
``tests/vigia/test_guide.py``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import ARTIFACTS, CHROMIUM_ARGS, _stop, start_app

from vigia.ui import maps
from vigia.ui.about.guide import GUIDE_DIR
from vigia.ui.i18n import t

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
IMAGES = GUIDE_DIR.parent / "img"
SHOTS = ARTIFACTS.parent / "guide"
#: picture name -> (URL path, title key of the page, key of the words the picture starts at):
#: the pages the guide's chapters show, scrolled past the banners to what the chapter explains.
PAGES = {
    "risk_map": ("", "risk.title", "riskmap.view"),
    "what_if": ("what-if", "whatif.title", "whatif.intro"),
    "inspections": ("inspections", "inspections.title", "inspections.setup_header"),
    "border": ("border", "border.title", "borderrisk.ranking_header"),
    "admin": ("admin", "admin.title", "admin.users_header"),
}


@pytest.fixture(scope="module")
def guide_server(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory,
                 chromium: str) -> Iterator[tuple[str, str]]:
    data_dir = tmp_path_factory.mktemp("vigia-guide")
    env = {**os.environ, "VIGIA_DATASET": str(demo_gpkg), "VIGIA_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("VIGIA_DB_URL", None)
    process, url = start_app(env, data_dir / "streamlit.log")
    try:
        yield url, chromium
    finally:
        _stop(process)


def test_guide_pictures_are_taken_from_the_running_app(guide_server: tuple[str, str]) -> None:
    from playwright.sync_api import sync_playwright

    url, chromium = guide_server
    update = os.environ.get("VIGIA_UPDATE_GUIDE_IMAGES") == "1"
    SHOTS.mkdir(parents=True, exist_ok=True)
    taken: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-BO").new_page()
            for name, (path, title, start) in PAGES.items():
                page.goto(f"{url}/{path}", wait_until="domcontentloaded", timeout=30_000)
                page.get_by_role("heading", name=t(title, "es")).wait_for(timeout=120_000)
                if name == "risk_map":
                    page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
                        f"path.{maps.AREA_CLASS}").first.wait_for(timeout=60_000)
                page.wait_for_function("() => !document.querySelector('[data-testid=stStatusWidget]')",
                                       timeout=60_000)  # the page has finished running
                page.wait_for_timeout(800)  # maps and charts settle to their final size
                words = t(start, "es").replace("**", "").split("\n")[0][:40]
                page.get_by_text(words).first.evaluate("e => e.scrollIntoView({block: 'start'})")
                page.wait_for_timeout(300)
                shot = SHOTS / f"{name}.png"
                page.screenshot(path=str(shot))
                taken.append(name)
                if update or not (IMAGES / shot.name).exists():
                    IMAGES.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(shot, IMAGES / shot.name)
        finally:
            browser.close()
    assert taken == list(PAGES), f"pictures taken: {taken}"
    assert all((SHOTS / f"{n}.png").stat().st_size > 20_000 for n in PAGES), "a picture is (nearly) blank"
