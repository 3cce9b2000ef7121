"""How fast the app answers, measured as a user sees it: Chromium on the demo, warm server.

Run by hand: ``python benchmarks/app_latency.py`` (needs Debian's ``chromium``; Playwright
drives it, never a downloaded browser). Starts ``streamlit run app.py`` on the demo in a
throw-away data folder (open demo mode), opens the Risk map once so the server is warm,
then times, median of 5 each:

- ``new_tab_s``: a new tab, from ``goto`` to the risk map drawn (area polygons in Leaflet);
- ``weight_change_s``: one weight slider set to 0 (a different one each time, so no
  repetition is served from the per-choice cache) until the map's colours change;
- ``preset_change_s``: another weight preset chosen until the map's colours change (the
  first visit of each preset is a new computation, later ones come from the cache);
- ``cli_help_s``: ``vigia --help`` as a new process, wall clock;
- ``first_paint_max_s``: every page in the sidebar opened in a new tab (median of 3 each), to
  its title and main content: the page's run has ended (no "running" sign) and each map on it
  shows Leaflet; the slowest page's median. Per page it also prints when a progress message
  (spinner or status) first showed, so a page slower than 2 s can be checked for one.

The browser context uses ``locale="es-BO"`` (the app follows Accept-Language). Each figure
is printed with the machine's load average (the timings mean little without it);
``app_server_latency.py`` gives the server's share of the same changes. Last line:
``RESULT new_tab_s=... weight_change_s=... preset_change_s=... cli_help_s=... first_paint_max_s=...``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.demo import write_demo  # noqa: E402
from vigia.ui.i18n import t  # noqa: E402
from vigia.ui.maps import AREA_CLASS  # noqa: E402

REPEAT = 5
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: The fill colours of every area polygon, in order: changes when the map is redrawn with new scores.
COLOURS_JS = (f"() => Array.from(document.querySelectorAll('path.{AREA_CLASS}'))"
              ".map(p => p.getAttribute('fill')).join(',')")
#: Seconds after navigation start when a page title and a progress message first showed (set in the page).
WATCH_JS = """
(() => {
  const seen = {};
  const mark = () => {
    const now = performance.now() / 1000;
    if (!seen.title && document.querySelector('[data-testid="stMain"] h1')) seen.title = now;
    if (!seen.progress && document.querySelector('[data-testid="stSpinner"], [data-testid="stExpanderIconSpinner"]'))
      seen.progress = now;
  };
  window.__vigiaSeen = seen;
  new MutationObserver(mark).observe(document, {subtree: true, childList: true});
})();
"""
#: True once the page shows its title and main content: its run has ended and every map frame
#: has drawn its layers, or a map is drawn while a progress message says the rest is coming.
PAINTED_JS = """() => {
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  const drawn = f => { try { return !!f.contentDocument.querySelector('.leaflet-container path'); }
                       catch (e) { return false; } };
  const frames = Array.from(document.querySelectorAll('iframe[title="streamlit_folium.st_folium"]'));
  const app = document.querySelector('[data-testid="stApp"]');
  if (app && app.getAttribute('data-test-script-state') === 'notRunning') return frames.every(drawn);
  return frames.some(drawn) && !!document.querySelector('[data-testid="stSpinner"]');
}"""
PAINT_REPEAT = 3
PRESETS = ("forced_labour", "sexual_exploitation", "migration", "balanced", "forced_labour")


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit("no Chromium: sudo apt-get install chromium")


def start_server(data_dir: Path, dataset: Path) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "VIGIA_DATASET": str(dataset), "VIGIA_DATA_DIR": str(data_dir)}
    with open(data_dir / "streamlit.log", "wb") as log:
        process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                                    "--server.port", str(port), "--server.address", "127.0.0.1"],
                                   cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
            if answer.status == 200:
                return process, url
        time.sleep(0.3)
    stop(process)
    sys.exit(f"streamlit did not start:\n{(data_dir / 'streamlit.log').read_text(errors='replace')}")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def map_frame(page: Any) -> Any:
    """The Leaflet iframe of the risk map, once it has drawn its areas."""
    page.frame_locator(MAP_FRAME).locator(f"path.{AREA_CLASS}").first.wait_for(timeout=120_000)
    return next(f for f in page.frames if "streamlit_folium" in f.url)


def colours(page: Any) -> str:
    try:
        return str(map_frame(page).evaluate(COLOURS_JS))
    except Exception:  # the iframe was replaced mid-read: not drawn yet
        return ""


def until_redrawn(page: Any, before: str, started: float) -> float:
    """Seconds from ``started`` until the map shows colours other than ``before``."""
    deadline = started + 60
    while time.perf_counter() < deadline:
        now = colours(page)
        if now and now != before:
            return time.perf_counter() - started
        page.wait_for_timeout(20)
    raise RuntimeError("the map did not change within 60 s")


def new_tab(context: Any, url: str) -> float:
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    map_frame(page)
    elapsed = time.perf_counter() - started
    page.close()
    return elapsed


def page_paths(context: Any, url: str) -> list[str]:
    """The URL paths of the pages in the sidebar menu (what this viewer may open)."""
    page = context.new_page()
    page.goto(url)
    links = page.locator('[data-testid="stSidebarNav"] a')
    links.first.wait_for(timeout=120_000)
    paths = [str(links.nth(i).get_attribute("href")) for i in range(links.count())]
    page.close()
    return [urllib.parse.urlparse(p).path for p in dict.fromkeys(paths)]


def first_paint(context: Any, url: str) -> tuple[float, float | None]:
    """Seconds from ``goto`` to the page painted, and to its first progress message (None: none showed)."""
    page = context.new_page()
    page.add_init_script(WATCH_JS)
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(PAINTED_JS, timeout=120_000, polling=20)
    elapsed = time.perf_counter() - started
    seen = page.evaluate("() => window.__vigiaSeen || {}")
    page.close()
    return elapsed, seen.get("progress")


def first_paints(context: Any, url: str) -> float:
    """Each page's median first paint (printed); returns the slowest."""
    slowest = 0.0
    for path in page_paths(context, url):
        runs = [first_paint(context, urllib.parse.urljoin(url, path)) for _ in range(PAINT_REPEAT)]
        progress = [f"{p:.2f}" for _, p in runs if p is not None]
        median = show(f"first paint {path}", [elapsed for elapsed, _ in runs])
        print(f"    progress message first seen at {', '.join(progress) or 'never'} s")
        slowest = max(slowest, median)
    return slowest


def weight_changes(page: Any) -> list[float]:
    sliders = page.locator('[data-testid="stSidebar"] [data-testid="stSlider"] input[type="range"]')
    sliders.first.wait_for(state="attached", timeout=60_000)
    times = []
    for i in range(REPEAT):
        page.wait_for_timeout(1_500)  # the previous run has ended
        before = colours(page)
        slider = sliders.nth(i % sliders.count())
        slider.focus()
        started = time.perf_counter()
        slider.press("Home")
        times.append(until_redrawn(page, before, started))
    return times


def preset_changes(page: Any) -> list[float]:
    times = []
    for preset in PRESETS:
        page.wait_for_timeout(1_500)
        before = colours(page)
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').first.click()
        option = page.get_by_role("option", name=t(f"riskmap.preset.{preset}", "es"), exact=True)
        started = time.perf_counter()
        option.click()
        times.append(until_redrawn(page, before, started))
    return times


def cli_help() -> list[float]:
    script = Path(sys.executable).with_name("vigia")
    command = [str(script), "--help"] if script.exists() else [sys.executable, "-m", "vigia.cli", "--help"]
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        times.append(time.perf_counter() - started)
    return times


def load() -> str:
    """The 1, 5 and 15 minute load averages: on a shared machine the figures mean little without them."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def show(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"{name}: median {median:.2f} s  ({', '.join(f'{x:.2f}' for x in times)})  load {load()}")
    return median


def main() -> None:
    from playwright.sync_api import sync_playwright

    print(f"load average at start: {load()}")
    help_s = show("vigia --help", cli_help())
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        dataset = write_demo(data_dir / "demo.gpkg")
        process, url = start_server(data_dir, dataset)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="es-BO")
                warm = time.perf_counter()
                new_tab(context, url)
                print(f"first tab on a cold server: {time.perf_counter() - warm:.2f} s")
                tab_s = show("new tab to the drawn map", [new_tab(context, url) for _ in range(REPEAT)])
                page = context.new_page()
                page.goto(url)
                map_frame(page)
                weight_s = show("weight change to the redrawn map", weight_changes(page))
                preset_s = show("preset change to the redrawn map", preset_changes(page))
                paint_s = first_paints(context, url)
                browser.close()
        finally:
            stop(process)
    print(f"RESULT new_tab_s={tab_s:.2f} weight_change_s={weight_s:.2f} preset_change_s={preset_s:.2f} "
          f"cli_help_s={help_s:.2f} first_paint_max_s={paint_s:.2f}")


if __name__ == "__main__":
    main()
