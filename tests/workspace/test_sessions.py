"""Sign-in sessions in the workspace: hashed tokens, idle expiry, sign-out and revocation, all audited."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from vigia.workspace import accounts, open_workspace, sessions
from vigia.workspace.roles import Role
from vigia.workspace.schema import sessions as sessions_table
from vigia.workspace.store import now

PASSWORD = "una clave larga 2026"


def _workspace(db_url: str):  # type: ignore[no-untyped-def]
    ws = open_workspace(db_url)
    accounts.add_user(ws, "ana", "planner", PASSWORD)
    accounts.add_user(ws, "cabo", "border_police", PASSWORD)
    return ws


def test_only_the_hash_of_the_token_is_stored_and_it_gives_the_user(db_url: str) -> None:
    ws = _workspace(db_url)
    token = sessions.start(ws, "ana")
    with ws.engine.connect() as connection:
        stored = connection.execute(sa.select(sessions_table)).all()
    assert len(stored) == 1 and token not in {str(v) for v in stored[0]}
    assert stored[0].token_hash == sessions.token_hash(token) != token
    found = sessions.check(ws, token, idle_minutes=30)
    assert found.user is not None and (found.user.name, found.user.role) == ("ana", Role.PLANNER)
    assert sessions.check(ws, token + "x", idle_minutes=30) == sessions.Check(None)
    assert sessions.start(ws, "ana") != token, "every sign-in gets a fresh random token"


def test_an_idle_session_expires_once_and_an_active_one_does_not(db_url: str) -> None:
    ws = _workspace(db_url)
    started = now()
    token = sessions.start(ws, "ana", at=started)
    assert sessions.check(ws, token, 30, at=started + timedelta(minutes=29)).user is not None  # refreshes
    assert sessions.check(ws, token, 30, at=started + timedelta(minutes=58)).user is not None
    late = started + timedelta(minutes=89)
    assert sessions.check(ws, token, 30, at=late) == sessions.Check(None, sessions.EXPIRED)
    assert sessions.check(ws, token, 30, at=late) == sessions.Check(None, sessions.EXPIRED)
    assert ws.audit_log(action="session.expired")["user_name"].tolist() == ["ana"]


def test_sessions_nobody_came_back_to_are_closed_at_the_next_sign_in(db_url: str) -> None:
    ws = _workspace(db_url)
    started = now()
    old, fresh = sessions.start(ws, "ana", at=started), sessions.start(ws, "cabo", at=started + timedelta(minutes=50))
    assert sessions.expire_idle(ws, 30, at=started + timedelta(minutes=60)) == 1
    assert sessions.live_count(ws) == 1
    assert sessions.check(ws, old, 30, at=started + timedelta(minutes=60)) == sessions.Check(None, sessions.EXPIRED)
    assert sessions.check(ws, fresh, 30, at=started + timedelta(minutes=60)).user is not None
    assert ws.audit_log(action="session.expired")["user_name"].tolist() == ["ana"]


def test_sign_out_ends_the_session_for_every_tab_of_that_browser(db_url: str) -> None:
    ws = _workspace(db_url)
    token, other = sessions.start(ws, "ana"), sessions.start(ws, "ana")
    assert sessions.end(ws, token) is True
    assert sessions.check(ws, token, 30) == sessions.Check(None, sessions.SIGN_OUT)
    assert sessions.end(ws, token) is False
    assert sessions.check(ws, other, 30).user is not None, "another browser of ana stays signed in"
    assert ws.audit_log(action="sign_out")["user_name"].tolist() == ["ana"]


def test_disabling_or_changing_the_role_revokes_the_users_sessions(db_url: str) -> None:
    ws = _workspace(db_url)
    ana, cabo = sessions.start(ws, "ana"), sessions.start(ws, "cabo")
    accounts.set_disabled(ws, "ana", by="admin")
    assert sessions.check(ws, ana, 30) == sessions.Check(None, sessions.REVOKED)
    assert sessions.check(ws, cabo, 30).user is not None
    accounts.set_role(ws, "cabo", "planner", by="admin")
    assert sessions.check(ws, cabo, 30) == sessions.Check(None, sessions.REVOKED)
    revoked = ws.audit_log(action="session.revoked")
    assert len(revoked) == 2 and set(revoked["user_name"]) == {"admin"}


def test_an_admin_ends_every_session(db_url: str) -> None:
    ws = _workspace(db_url)
    tokens = [sessions.start(ws, "ana"), sessions.start(ws, "cabo"), sessions.start(ws, "cabo")]
    assert sessions.end_all(ws, "cabo") == 2
    assert [sessions.check(ws, tok, 30).user is not None for tok in tokens] == [True, False, False]
    assert sessions.end_all(ws) == 1
    assert sessions.live_count(ws) == 0


def test_the_chosen_language_belongs_to_the_account(db_url: str) -> None:
    ws = _workspace(db_url)
    token = sessions.start(ws, "ana")
    assert sessions.check(ws, token, 30).user.lang is None  # type: ignore[union-attr]
    accounts.set_language(ws, "ana", "en")
    assert accounts.get_user(ws, "ana").lang == "en"
    assert sessions.check(ws, token, 30).user.lang == "en"  # type: ignore[union-attr]
