"""Every role's pages and downloads in the app match README's roles table.

The table is parsed from README (between ``<!-- roles:start -->`` and ``<!-- roles:end -->``),
so the test follows what users are told, not the code's own table. Each role signs in
through the app (AppTest), opens every page it should see (and cannot open the others),
and finds the download buttons exactly where README promises them: scores on the Risk map,
plans on Inspections, rosters on Border, the audit log on Admin.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from vigia.ui import access, state
from vigia.ui.border import patrols_view
from vigia.ui.i18n import t
from vigia.workspace import accounts, open_workspace
from vigia.workspace.db import default_url
from vigia.workspace.roles import Action, Page, Role, can, can_see

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "una clave larga 2026"

#: README column -> (page folder under vigia/ui, title key) for pages.
PAGES = {
    "Risk map": (Page.RISK_MAP, "risk_map", "risk.title"),
    "Inspections": (Page.INSPECTIONS, "inspections", "inspections.title"),
    "Border": (Page.BORDER, "border", "border.title"),
    "What if": (Page.WHAT_IF, "what_if", "whatif.title"),
    "Data": (Page.DATA, "data", "data.title"),
    "About": (Page.ABOUT, "about", "about.title"),
    "Admin": (Page.ADMIN, "admin", "admin.title"),
}
#: README column -> the action behind that download.
DOWNLOADS = {
    "Scores download": Action.DOWNLOAD_SCORES,
    "Inspection plan download": Action.DOWNLOAD_INSPECTION_PLAN,
    "Roster download": Action.DOWNLOAD_ROSTER,
    "Audit log download": Action.VIEW_AUDIT,
}


def readme_roles() -> dict[str, dict[str, bool]]:
    """``{role: {column: allowed}}`` from README's roles table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "<!-- roles:start -->" in text and "<!-- roles:end -->" in text, "README lost its roles table markers"
    section = text.split("<!-- roles:start -->", 1)[1].split("<!-- roles:end -->", 1)[0]
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in section.strip().splitlines() if line.strip().startswith("|")]
    header, body = rows[0], [r for r in rows[2:]]
    assert set(header[1:]) == set(PAGES) | set(DOWNLOADS), f"README roles table columns: {header}"
    table = {}
    for row in body:
        assert all(cell in ("yes", "no") for cell in row[1:]), f"write yes or no in README's roles table: {row}"
        table[row[0].strip("`")] = {column: cell == "yes" for column, cell in zip(header[1:], row[1:])}
    return table


README_ROLES = readme_roles()


def test_readme_names_every_role_once() -> None:
    assert sorted(README_ROLES) == sorted(r.value for r in Role)


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_the_role_table_in_code_is_the_readme_table(role: str) -> None:
    row = README_ROLES[role]
    assert {c for c, (page, _, _) in PAGES.items() if can_see(Role(role), page)} == {
        c for c in PAGES if row[c]}
    assert {c for c, action in DOWNLOADS.items() if can(Role(role), action)} == {c for c in DOWNLOADS if row[c]}


@pytest.fixture
def app_env(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The demo dataset, an empty workspace, and the scores file ``vigia score`` wrote (for the Border page)."""
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv("VIGIA_RISK_DRAWS", "50")
    monkeypatch.setenv("VIGIA_RISK_PERMUTATIONS", "0")
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return demo_scores_gpkg


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _download_keys(at: AppTest) -> set[str]:
    return {str(b.key) for b in at.download_button if b.key}


def _open(at: AppTest, page_file: str) -> AppTest:
    return _run(at.switch_page(f"vigia/ui/{page_file}/page.py"))


def _plan_inspections(at: AppTest) -> AppTest:
    at.number_input(key="insp_days").set_value(1)
    at.slider(key="insp_time_limit").set_value(2)  # the slider's least
    at.button(key="insp_run").click()
    return _run(at)


def _plan_roster(at: AppTest, scores: Path) -> AppTest:
    at.session_state[patrols_view.SCORES_KEY] = str(scores)
    at.number_input(key=patrols_view.POOL_KEY).set_value(5)
    at.text_input(key="vigia_patrol_week").set_value("2026-W23")
    at.button(key="vigia_patrol_plan").click()
    return _run(at)


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_each_role_sees_the_pages_and_downloads_readme_promises(app_env: Path, role: str) -> None:
    row = README_ROLES[role]
    accounts.add_user(open_workspace(default_url()), f"user-{role}", role, PASSWORD)
    at = _run(AppTest.from_file(APP, default_timeout=240))
    at.text_input[0].input(f"user-{role}")
    at.text_input[1].input(PASSWORD)
    at.button[0].click()
    _run(at)
    assert [x.value for x in at.title] == [t("risk.title", "es")], "signed in, on the Risk map"
    assert ("risk_dl_csv" in _download_keys(at)) == row["Scores download"]
    for column, (_, page_file, title) in PAGES.items():
        if not row[column]:
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                at.switch_page(f"vigia/ui/{page_file}/page.py")
            continue
        _open(at, page_file)
        assert [x.value for x in at.title] == [t(title, "es")], f"{role} opens {column}"
        if role == Role.ADMIN:  # allowed everything: its downloads are checked against the code's table above
            continue
        if column == "Inspections":
            keys = _download_keys(_plan_inspections(at))
            assert ("insp_dl_csv" in keys) == row["Inspection plan download"], f"{role}: {sorted(keys)}"
        elif column == "Border":
            keys = _download_keys(_plan_roster(at, app_env))
            assert ("vigia_patrol_dl_csv" in keys) == row["Roster download"], f"{role}: {sorted(keys)}"
    if row["Admin"]:
        assert (len(at.download_button) > 0) == row["Audit log download"], "the Admin page was opened last"
    if not row["Inspections"]:
        assert not row["Inspection plan download"], "README promises a download on a page the role cannot open"
    if not row["Border"]:
        assert not row["Roster download"], "README promises a download on a page the role cannot open"
