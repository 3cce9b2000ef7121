"""In Chromium: sign in, upload, reload, still signed in and on the uploaded dataset; roles and links.

Starts ``streamlit run app.py`` with a fresh data folder (one server for the module), drives
the system Chromium (never a downloaded browser). A local-account sign-in is a workspace
session whose token the browser keeps in a cookie: a reload, a new tab or a typed URL stays
signed in until the user signs out or an admin disables the account.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import CHROMIUM_ARGS, _free_port, _stop

from geodata.dataset import write_dataset
from geodata.load import load_dataset
from vigia.ui.i18n import t
from vigia.workspace import accounts, open_workspace

pytestmark = pytest.mark.browser
ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "una clave larga 2026"
TITLE = "Potosí prueba de carga"


def _start(env: dict[str, str], log_path: Path) -> tuple[subprocess.Popen, str]:
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
            pytest.fail(f"streamlit exited:\n{log_path.read_text(errors='replace')}")
        with contextlib.suppress(OSError), urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            if response.status == 200:
                return process, url
        if time.monotonic() > deadline:
            pytest.fail(f"streamlit did not start:\n{log_path.read_text(errors='replace')}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def server(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory,
           chromium: str) -> Iterator[tuple[str, Path, Path]]:
    data_dir = tmp_path_factory.mktemp("vigia-ws-data")
    env = {**os.environ, "VIGIA_DATASET": str(demo_gpkg), "VIGIA_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    env.pop("VIGIA_DB_URL", None)
    ws = open_workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
    accounts.add_user(ws, "ana", "planner", PASSWORD)
    accounts.add_user(ws, "cabo", "border_police", PASSWORD)
    accounts.add_user(ws, "eva", "planner", PASSWORD)
    upload = data_dir / "potosi.gpkg"
    dataset = load_dataset(demo_gpkg)
    dataset.about["title"] = TITLE
    write_dataset(dataset, upload)
    process, url = _start(env, data_dir / "streamlit.log")
    try:
        yield url, upload, data_dir
    finally:
        _stop(process)


def _sign_in(page, url: str | None, name: str) -> None:  # type: ignore[no-untyped-def]
    """Fill the sign-in form (after opening ``url``, when given) and wait until signed in."""
    if url is not None:
        page.goto(url, wait_until="domcontentloaded", timeout=30_000)
    page.get_by_label(t("auth.user", "es")).fill(name)
    page.get_by_label(t("auth.password", "es")).fill(PASSWORD)
    page.get_by_role("button", name=t("auth.sign_in", "es")).click()
    _wait_signed_in(page, name)


def _wait_signed_in(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_text(_signed_in_text(name)).first.wait_for(timeout=60_000)


def _signed_in_text(name: str) -> str:
    return t("auth.signed_in_as", "es", name=name, role="x").split("(")[0].replace("**", "").strip()


def _session_cookie(context) -> dict:  # type: ignore[no-untyped-def]
    """The sign-in cookie, once the page's script has written it."""
    deadline = time.monotonic() + 15
    while True:
        found = [c for c in context.cookies() if c["name"] == "vigia_session"]
        if found or time.monotonic() > deadline:
            assert found, f"no vigia_session cookie: {context.cookies()}"
            return found[0]
        time.sleep(0.2)


def _context(browser):  # type: ignore[no-untyped-def]
    return browser.new_context(viewport={"width": 1400, "height": 1100}, locale="es-BO")


def test_upload_survives_a_reload_and_roles_hide_pages(server: tuple[str, Path, Path], chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    url, upload, _ = server
    artifacts = ROOT / "test-artifacts" / "browser"
    artifacts.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = _context(browser).new_page()
            _sign_in(page, url, "ana")
            page.locator("[data-testid=stSidebarNav]").get_by_text(t("nav.data", "es"), exact=True).click()
            page.locator("input[type=file]").set_input_files(str(upload))
            page.get_by_role("button", name=t("data.upload_button", "es")).click()
            page.get_by_text(t("workspace.accepted", "es", name="x").split("«")[0]).wait_for(timeout=90_000)

            page.reload()  # a new Streamlit session: still signed in, still on the uploaded dataset
            _wait_signed_in(page, "ana")
            page.get_by_text(TITLE).first.wait_for(timeout=60_000)
            assert page.get_by_label(t("auth.password", "es")).count() == 0
            page.screenshot(path=str(artifacts / "workspace_after_reload.png"))

            page.get_by_role("button", name=t("auth.sign_out", "es")).click()
            _sign_in(page, None, "cabo")
            sidebar = page.locator("[data-testid=stSidebarNav]")
            sidebar.wait_for(timeout=30_000)
            links = sidebar.inner_text()
            assert t("nav.border", "es") in links and t("nav.inspections", "es") not in links, links
        finally:
            browser.close()


def test_links_land_where_they_point_or_say_who_the_page_is_for(server: tuple[str, Path, Path],
                                                                 chromium: str) -> None:
    """Signed out on /inspections: sign in, land on Inspections; border police get told why not."""
    from playwright.sync_api import sync_playwright

    url = server[0]
    refusal = t("access.not_allowed", "es", roles="x", role="y").split("x")[0]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            page = _context(browser).new_page()
            _sign_in(page, f"{url}/inspections", "ana")
            page.get_by_role("heading", name=t("inspections.title", "es")).wait_for(timeout=60_000)
            assert page.url.rstrip("/").endswith("/inspections"), page.url

            page = _context(browser).new_page()  # another browser profile: no cookie
            _sign_in(page, f"{url}/inspections", "cabo")
            message = page.get_by_text(refusal).first
            message.wait_for(timeout=60_000)
            text = message.inner_text()
            for role in ("inspection_chief", "admin"):
                assert t(f"role_plural.{role}", "es") in text, text
            assert page.get_by_role("heading", name=t("inspections.title", "es")).count() == 0
            page.screenshot(path=str(ROOT / "test-artifacts" / "browser" / "page_not_allowed.png"))
        finally:
            browser.close()


def test_signed_in_across_reloads_and_tabs_until_an_admin_disables_the_account(
        server: tuple[str, Path, Path], chromium: str) -> None:
    from playwright.sync_api import sync_playwright

    url, _, data_dir = server
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, timeout=30_000)
        try:
            context = _context(browser)
            page = context.new_page()
            _sign_in(page, url, "eva")
            cookie = _session_cookie(context)
            assert cookie["sameSite"] == "Strict" and cookie["value"] not in page.url
            assert PASSWORD not in cookie["value"] and "eva" not in cookie["value"]

            page.reload()
            _wait_signed_in(page, "eva")
            tab = context.new_page()  # a new tab, typed URL
            tab.goto(f"{url}/data", wait_until="domcontentloaded", timeout=30_000)
            _wait_signed_in(tab, "eva")
            tab.get_by_role("heading", name=t("data.title", "es"), exact=True).wait_for(timeout=60_000)

            ws = open_workspace(f"sqlite:///{data_dir / 'workspace.sqlite'}")
            accounts.set_disabled(ws, "eva", by="admin")  # an admin, elsewhere
            page.reload()
            page.get_by_text(t("auth.revoked", "es")).wait_for(timeout=60_000)
            page.get_by_label(t("auth.password", "es")).wait_for(timeout=10_000)
            assert page.get_by_text(_signed_in_text("eva")).count() == 0
        finally:
            browser.close()
