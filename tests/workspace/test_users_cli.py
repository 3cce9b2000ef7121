"""``vigia users`` as an admin types it (password from standard input, as a script would)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from vigia.cli import main
from vigia.workspace import accounts, open_workspace
from vigia.workspace.db import default_url


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("VIGIA_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("VIGIA_DB_URL", raising=False)
    return tmp_path


def test_add_list_disable(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["users", "list"]) == 0
    assert "open demo mode" in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("una clave larga 2026\n"))
    assert main(["users", "add", "jefa@mintrabajo.gob.bo", "--role", "inspection_chief", "--password-stdin"]) == 0
    assert main(["users", "disable", "jefa@mintrabajo.gob.bo"]) == 0
    assert main(["users", "list"]) == 0
    out = capsys.readouterr().out
    assert "jefa@mintrabajo.gob.bo\tinspection_chief\tpassword\tDISABLED" in out
    ws = open_workspace(default_url())
    assert accounts.authenticate(ws, "jefa@mintrabajo.gob.bo", "una clave larga 2026") is None
    assert "una clave larga" not in ws.audit_log().to_csv()


def test_mistakes_get_clear_messages(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "ana", "--role", "admin", "--password-stdin"]) == 1
    assert "at least 10 characters" in capsys.readouterr().err
    assert main(["users", "disable", "nobody"]) == 1
    assert "there is no user 'nobody'" in capsys.readouterr().err
    assert main(["users", "add", "ana"]) == 2
    assert "give --role" in capsys.readouterr().err


def test_an_admin_ends_sessions_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    from vigia.workspace import sessions

    ws = open_workspace(default_url())
    for name in ("ana", "cabo"):
        accounts.add_user(ws, name, "planner", "una clave larga 2026")
    tokens = [sessions.start(ws, "ana"), sessions.start(ws, "cabo")]
    assert main(["users", "end-sessions", "ana"]) == 0
    assert "Open sessions of ana ended: 1" in capsys.readouterr().out
    assert [sessions.check(ws, tok, 30).user is not None for tok in tokens] == [False, True]
    assert main(["users", "end-sessions"]) == 0
    assert "Open sessions of all users ended: 1" in capsys.readouterr().out
    assert sessions.live_count(ws) == 0
    assert main(["users", "end-sessions", "nobody"]) == 1
    assert "there is no user 'nobody'" in capsys.readouterr().err
