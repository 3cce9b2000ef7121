"""In Chromium: a saved inspection plan comes back whole when the page is opened and reloaded.

A plan is made and saved the way the Inspections page saves it (the planner's result in the
workspace); then the real app is started on that workspace and opened in the system
Chromium. The routes map with a numbered stop per visit, the KPIs against greedy and the six
download buttons must be there, and again after a browser reload, without planning again.
The screenshot is kept at ``test-artifacts/browser/saved_plan.png``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from test_browser import ARTIFACTS, CHROMIUM_ARGS, _stop, start_app

from geodata.load import load_dataset
from vigia import inspection_runs, saved_plans
from vigia.ui.access import OPEN_USER
from vigia.ui.i18n import t
from vigia.ui.inspections import route_maps
from vigia.workspace import open_workspace

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def saved_server(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory, chromium: str) -> Iterator[tuple[str, int]]:
    """The app on a workspace holding one saved 2-day plan of the demo; yields (url, visits)."""
    data_dir = tmp_path_factory.mktemp("vigia-saved-plan")
    run = inspection_runs.run(load_dataset(demo_gpkg),
                              inspection_runs.PlanRequest(start=date(2026, 12, 7), days=2, time_limit=1))
    ws = open_workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    ws.save_item(saved_plans.KIND, saved_plans.plan_name(run), user=OPEN_USER, tables=saved_plans.plan_tables(run),
                 params=saved_plans.plan_params(run))
    ws.engine.dispose()
    env = {**os.environ, "VIGIA_DATASET": str(demo_gpkg), "VIGIA_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("VIGIA_DB_URL", None)
    process, url = start_app(env, data_dir / "streamlit.log")
    try:
        yield url, len(run.plan.visits)
    finally:
        _stop(process)


def test_a_saved_plan_shows_map_kpis_and_downloads_after_a_reload(saved_server: tuple[str, int], chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    url, visits = saved_server
    kpi = t("inspections.kpi.risk_covered", "es")
    seen: list[tuple[int, int, int, str]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = browser.new_context(viewport={"width": 1400, "height": 1100}, locale="es-BO").new_page()
            page.goto(f"{url}/inspections", wait_until="domcontentloaded", timeout=30_000)
            for attempt in range(2):  # as opened, then after a reload of the browser tab
                if attempt:
                    page.reload(wait_until="domcontentloaded", timeout=30_000)
                page.get_by_text(kpi, exact=True).first.wait_for(timeout=90_000)
                page.locator('[data-testid="stDownloadButton"]').nth(5).wait_for(timeout=60_000)
                frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
                frame.locator(f".{route_maps.STOP_CLASS}").first.wait_for(timeout=60_000)
                seen.append((frame.locator(f".{route_maps.STOP_CLASS}").count(),
                             page.locator('[data-testid="stMetric"]').count(),
                             page.locator('[data-testid="stDownloadButton"]').count(),
                             page.locator('[data-testid="stMetricDelta"]').first.inner_text()))
            page.locator('iframe[title="streamlit_folium.st_folium"]').scroll_into_view_if_needed()
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "saved_plan.png"), full_page=False)
        finally:
            browser.close()
    for stops, metrics, downloads, delta in seen:
        assert stops == visits, f"{stops} numbered stops on the map, the plan has {visits} visits"
        assert metrics == 5 and delta.strip(), "five KPIs, each with its difference to greedy"
        assert downloads == 9, "xlsx, csv, geojson, ics, zip, pdf, html, gpx, kml"
