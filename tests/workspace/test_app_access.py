"""Sign-in, roles and the kept dataset as a user meets them in the app (AppTest, headless)."""

from __future__ import annotations

import json
import shutil
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from vigia.ui import access, state
from vigia.ui.i18n import LANG_KEY, t
from vigia.workspace import accounts, open_workspace
from vigia.workspace.db import default_url
from vigia.workspace.schema import sessions as sessions_table
from vigia.workspace.store import now

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "una clave larga 2026"


@pytest.fixture
def app_env(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    access._workspace.clear()
    return tmp_path / "data"


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def _sign_in(name: str, password: str) -> AppTest:
    at = _run(AppTest.from_file(APP, default_timeout=60))
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    at.button[0].click()
    return _run(at)


def test_open_demo_mode_says_so_on_every_page(app_env: Path) -> None:
    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert t("auth.open_mode", "es") in [i.value for i in at.info]
    _run(at.switch_page("vigia/ui/data/page.py"))
    assert t("auth.open_mode", "es") in [i.value for i in at.info]


def test_accounts_require_sign_in_and_wrong_passwords_are_refused(app_env: Path) -> None:
    accounts.add_user(open_workspace(default_url()), "ana", "planner", PASSWORD)
    at = _run(AppTest.from_file(APP, default_timeout=60))
    assert [x.value for x in at.title] == [t("app.name", "es")], "only the sign-in form shows"
    at = _sign_in("ana", "not her password")
    assert t("auth.failed", "es") in [e.value for e in at.error]
    at = _sign_in("ana", PASSWORD)
    assert [x.value for x in at.title] == [t("risk.title", "es")]
    assert t("auth.open_mode", "es") not in [i.value for i in at.info]


def test_border_police_do_not_get_the_inspections_page(app_env: Path) -> None:
    ws = open_workspace(default_url())
    accounts.add_user(ws, "cabo", "border_police", PASSWORD)
    at = _sign_in("cabo", PASSWORD)
    assert [x.value for x in at.title] == [t("risk.title", "es")]
    for page in ("inspections", "admin"):  # not even registered for this role
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"vigia/ui/{page}/page.py")
    _run(at.switch_page("vigia/ui/border/page.py"))
    assert [x.value for x in at.title] == [t("border.title", "es")]


def test_expired_session_must_sign_in_again(app_env: Path) -> None:
    ws = open_workspace(default_url())
    accounts.add_user(ws, "ana", "admin", PASSWORD)
    at = _sign_in("ana", PASSWORD)
    with ws.engine.begin() as connection:  # the browser's session was last used an hour ago
        connection.execute(sa.update(sessions_table).values(last_seen_at=now() - timedelta(hours=1)))
    _run(at)
    assert t("auth.expired", "es", minutes=access.DEFAULT_SESSION_MINUTES) in [w.value for w in at.warning]
    assert [x.value for x in at.title] == [t("app.name", "es")], "back to the sign-in form"


def test_disabling_an_account_signs_it_out_at_its_next_click(app_env: Path) -> None:
    ws = open_workspace(default_url())
    accounts.add_user(ws, "ana", "planner", PASSWORD)
    at = _sign_in("ana", PASSWORD)
    assert [x.value for x in at.title] == [t("risk.title", "es")]
    accounts.set_disabled(ws, "ana", by="admin")
    _run(at)
    assert t("auth.revoked", "es") in [w.value for w in at.warning]
    assert [x.value for x in at.title] == [t("app.name", "es")]


def test_reload_keeps_the_uploaded_dataset(app_env: Path, demo_gpkg: Path, tmp_path: Path) -> None:
    """Upload (validated), then a brand-new session (a reload, a new tab) is still on it."""
    from vigia.ui.data.upload import process_upload

    accounts.add_user(open_workspace(default_url()), "ana", "planner", PASSWORD)
    at = _sign_in("ana", PASSWORD)
    copy = tmp_path / "potosi.gpkg"
    shutil.copy(demo_gpkg, copy)
    session: dict = {}
    outcome = process_upload([("potosi.gpkg", copy.read_bytes())], session, target_dir=tmp_path / "up")
    assert outcome.accepted
    from vigia.ui import stored_datasets

    ws = open_workspace(default_url())
    stored = stored_datasets.store_upload(ws, access.Viewer("ana", accounts.get_user(ws, "ana").role),
                                          session, outcome)
    reloaded = _sign_in("ana", PASSWORD)  # a new session: nothing in its session state
    path = Path(reloaded.session_state[state.SESSION_DATASET])
    assert path == ws.dataset_file(stored, app_env / "cache")
    assert reloaded.session_state["vigia_dataset_id"] == stored
    del at


def test_a_download_pressed_in_the_app_is_read_back_from_the_audit_log(
        app_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """README: every export is in the audit log, with user and file. Pressing the button is the export."""
    monkeypatch.setenv("VIGIA_RISK_DRAWS", "50")
    monkeypatch.setenv("VIGIA_RISK_PERMUTATIONS", "0")
    ws = open_workspace(default_url())
    accounts.add_user(ws, "ana", "planner", PASSWORD)
    at = _sign_in("ana", PASSWORD)
    assert not len(ws.audit_log(action="export"))
    at.download_button(key="risk_dl_csv").click()
    _run(at)
    exports = ws.audit_log(action="export")
    assert len(exports) == 1, "one press, one audit line"
    line = exports.iloc[0]
    assert line["user_name"] == "ana"
    params = json.loads(line["params"])
    assert params["what"] == "risk_scores" and params["file"] == "vigia_risk_scores.csv"


def test_the_chosen_language_follows_the_account_to_its_next_sign_in(app_env: Path) -> None:
    ws = open_workspace(default_url())
    accounts.add_user(ws, "ana", "planner", PASSWORD)
    at = _sign_in("ana", PASSWORD)
    at.radio(key=LANG_KEY).set_value("en")
    _run(at)
    assert [x.value for x in at.title] == [t("risk.title", "en")]
    assert accounts.get_user(ws, "ana").lang == "en"
    elsewhere = _sign_in("ana", PASSWORD)  # another browser: no cookie, Spanish until she signs in
    assert [x.value for x in elsewhere.title] == [t("risk.title", "en")]
