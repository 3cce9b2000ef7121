"""The real app in a real browser, with the internet cut off: the risk map must still draw.

Starts ``streamlit run app.py`` on a free port with the demo dataset, drives the
system Chromium through Playwright (never a downloaded browser), aborts every
request that is not to this machine, and checks that the Leaflet map shows every
demo area and crossing with Leaflet loaded from a ``data:`` URI. The screenshot
is kept at ``test-artifacts/browser/risk_map.png``. On the same server (open demo
mode): the language and the map's choices survive a language switch and a reload.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pyogrio
import pytest

from vigia.ui import maps

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def find_chromium() -> str | None:
    """The system Chromium (Debian's package), never a Playwright download."""
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(process: subprocess.Popen) -> None:
    """End the server we started (its own process group), politely then firmly."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def start_app(env: dict[str, str], log_path: Path) -> tuple[subprocess.Popen, str]:
    """``streamlit run app.py`` on a free port with ``env``, once it answers its health check.

    The caller stops it with :func:`_stop` (in a ``finally``); a server that exits or stays
    silent for 45 s fails the test with its log.
    """
    port = _free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 45
    while True:
        if process.poll() is not None:
            pytest.fail(f"streamlit exited with {process.returncode}:\n{log_path.read_text(errors='replace')}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            if response.status == 200:
                return process, url
        if time.monotonic() > deadline:
            _stop(process)
            pytest.fail(f"streamlit did not answer /_stcore/health in 45 s:\n{log_path.read_text(errors='replace')}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def app_url(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[str]:
    """``streamlit run app.py`` on a free port with the demo; always stopped afterwards."""
    data_dir = tmp_path_factory.mktemp("vigia-data")
    env = {**os.environ, "VIGIA_DATASET": str(demo_gpkg), "VIGIA_DATA_DIR": str(data_dir)}
    process, url = start_app(env, data_dir / "streamlit.log")
    try:
        yield url
    finally:
        _stop(process)


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.hostname in LOCAL_HOSTS


def test_risk_map_renders_offline_with_all_areas_and_crossings(app_url: str, chromium: str,
                                                               demo_gpkg: Path) -> None:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    n_areas = pyogrio.read_info(demo_gpkg, layer="areas")["features"]
    n_crossings = pyogrio.read_info(demo_gpkg, layer="crossings")["features"]
    blocked: list[str] = []

    def only_local(route) -> None:
        if _is_local(route.request.url):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        except PlaywrightError as error:
            pytest.fail(f"Chromium at {chromium} is installed but cannot start: {str(error).splitlines()[0]}")
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1100}, service_workers="block",
                                          locale="es-BO")  # Accept-Language: the app answers in Spanish
            context.route("**/*", only_local)
            page = context.new_page()
            page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)

            frame_locator = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame_locator.locator(".leaflet-container").wait_for(timeout=60_000)
            frame_locator.locator(f"path.{maps.AREA_CLASS}").first.wait_for(timeout=30_000)
            frame_locator.locator(".vigia-legend").wait_for(timeout=10_000)
            page.wait_for_timeout(1_000)  # let the iframe settle to its final height

            areas = frame_locator.locator(f"path.{maps.AREA_CLASS}.leaflet-interactive").count()
            crossings = frame_locator.locator(f"path.{maps.CROSSING_CLASS}").count()
            frame = next(f for f in page.frames if "streamlit_folium" in f.url)
            leaflet = frame.evaluate(
                "() => ({version: window.L && L.version,"
                " scripts: Array.from(document.scripts).map(s => s.src).filter(Boolean),"
                " styles: Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(l => l.href)})")
            legend = frame_locator.locator(".vigia-legend").inner_text()

            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "risk_map.png"), full_page=False)
        finally:
            browser.close()

    assert areas >= n_areas, f"{areas} area polygons drawn, the demo has {n_areas}"
    assert crossings >= n_crossings, f"{crossings} crossing markers drawn, the demo has {n_crossings}"
    assert leaflet["version"] == "1.9.3"
    # Leaflet comes from the app's own server (the installed package's files), cached by the browser
    assert any(src.startswith(f"{app_url}/component/") and src.endswith("/leaflet.js")
               for src in leaflet["scripts"]), leaflet["scripts"]
    assert all(_is_local(src) for src in leaflet["scripts"] + leaflet["styles"]), leaflet
    assert "municipios" in legend, legend  # the demo's areas are named as what they are
    assert blocked == [], f"the app tried to reach the internet: {blocked}"


def test_language_and_map_choices_survive_a_switch_and_a_reload(app_url: str, chromium: str) -> None:
    """Geometric mean and the hotspot view, chosen in Spanish, stay chosen in English and after a reload."""
    from playwright.sync_api import sync_playwright

    from vigia.ui.i18n import t

    def checked(page, label: str) -> bool:  # type: ignore[no-untyped-def]
        radio = page.get_by_role("radio", name=label, exact=True)
        radio.wait_for(state="attached", timeout=60_000)
        return bool(radio.is_checked())

    def choose(page, label: str) -> None:  # type: ignore[no-untyped-def]
        page.locator("label").filter(has=page.get_by_role("radio", name=label, exact=True)).click()
        page.wait_for_function("l => [...document.querySelectorAll('input[type=radio]')].some("
                               "r => r.checked && r.closest('label').innerText.trim() === l)", arg=label,
                               timeout=60_000)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="es-BO").new_page()
            page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)
            page.get_by_role("heading", name=t("risk.title", "es")).wait_for(timeout=90_000)
            choose(page, t("riskmap.agg.geometric", "es"))
            choose(page, t("riskview.hotspot", "es"))
            choose(page, t("lang.en", "es"))
            page.get_by_role("heading", name=t("risk.title", "en")).wait_for(timeout=60_000)
            switched = [checked(page, t("riskmap.agg.geometric", "en")), checked(page, t("riskview.hotspot", "en"))]

            page.reload()
            either = re.compile(f"^({t('risk.title', 'es')}|{t('risk.title', 'en')})$")
            page.get_by_role("heading", name=either).wait_for(timeout=90_000)
            english = checked(page, t("lang.en", "en"))
            reloaded = [english, english and checked(page, t("riskmap.agg.geometric", "en")),
                        english and checked(page, t("riskview.hotspot", "en"))]
        finally:
            browser.close()
    assert switched == [True, True], "switching the language lost a choice (geometric mean, hotspot view)"
    assert reloaded == [True, True, True], "after a reload: [English, geometric mean, hotspot view]"


def _in_frame(frame, script: str) -> object:
    """``script``'s value in ``frame``; None once the frame is gone (replaced by a new one)."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        return frame.evaluate(script)
    except PlaywrightError:
        return None


def test_a_weight_change_recolours_the_map_without_reloading_it(app_url: str, chromium: str) -> None:
    """The frame (Leaflet, basemap, shapes, the reader's zoom) stays; the areas take new colours,
    the legend is replaced rather than added, and hovering an area still shows its new colour."""
    from playwright.sync_api import sync_playwright

    colours_js = (f"() => Array.from(document.querySelectorAll('path.{maps.AREA_CLASS}'))"
                  ".map(p => p.getAttribute('fill')).join(',')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="es-BO").new_page()
            page.goto(app_url, wait_until="domcontentloaded", timeout=30_000)
            frame_locator = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
            frame_locator.locator(f"path.{maps.AREA_CLASS}").first.wait_for(timeout=60_000)
            frame = next(f for f in page.frames if "streamlit_folium" in f.url)
            frame.evaluate("() => { window.vigiaTestMark = 'first frame'; }")
            before = frame.evaluate(colours_js)
            slider = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]').first
            slider.focus()
            slider.press("Home")  # this weight to 0: the ranking, and so some classes, change
            deadline = time.monotonic() + 60
            while (after := _in_frame(frame, colours_js)) == before and time.monotonic() < deadline:
                page.wait_for_timeout(100)
            assert not frame.is_detached(), "the map frame was reloaded (Leaflet and every shape sent again)"
            kept = frame.evaluate("() => window.vigiaTestMark")
            legends = frame_locator.locator(".vigia-legend").count()
            frame_locator.locator(f"path.{maps.AREA_CLASS}").nth(3).hover(force=True)
            page.mouse.move(2, 2)
            page.wait_for_timeout(300)
            after_hover = frame.evaluate(colours_js)
        finally:
            browser.close()
    assert after != before, "the map kept its old colours after a weight change"
    assert kept == "first frame", "the map frame was reloaded (Leaflet and every shape sent again)"
    assert legends == 1, f"{legends} legends: the old one must leave with the old colours"
    assert after_hover == after, "hovering an area brought back an old colour"
