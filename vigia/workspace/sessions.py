"""Server-side sign-in sessions: what keeps a local-account user signed in across reloads and tabs.

The browser holds only an opaque random token (a cookie); the workspace keeps its SHA-256,
the user name and when it was last used. The token is 256 random bits, so a plain hash is
enough (no salt or slow hash needed: nobody can guess it), and a copy of the database does
not let anyone take a session over. Every request checks the session again, so signing out,
an admin disabling the account or changing its role, and idle expiry all apply at the next
click. Ended sessions stay as rows (with when and why) for the record; the audit log has
``sign_out``, ``session.expired`` and ``session.revoked`` lines.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from vigia.workspace import audit as audit_log
from vigia.workspace.roles import Role
from vigia.workspace.schema import sessions, users
from vigia.workspace.store import Workspace, _utc, now

#: A session's last-use time is written at most this often (not on every click).
TOUCH_EVERY = timedelta(seconds=30)
SIGN_OUT, EXPIRED, REVOKED = "sign_out", "expired", "revoked"


@dataclass(frozen=True)
class SessionUser:
    """Who a valid token belongs to, read fresh from the accounts table."""

    name: str
    role: Role
    lang: str | None


@dataclass(frozen=True)
class Check:
    """The outcome of :func:`check`: the user, or why there is none (``ended`` None: unknown token)."""

    user: SessionUser | None
    ended: str | None = None


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start(workspace: Workspace, user_name: str, *, at: datetime | None = None) -> str:
    """A new session for ``user_name``; returns the token to hand to the browser (never stored)."""
    token = secrets.token_urlsafe(32)
    stamp = at or now()
    with workspace.engine.begin() as connection:
        connection.execute(sa.insert(sessions).values(token_hash=token_hash(token), user_name=user_name,
                                                      created_at=stamp, last_seen_at=stamp))
    return token


def _end(connection: sa.Connection, session_id: int, reason: str, at: datetime) -> None:
    connection.execute(sa.update(sessions).where(sessions.c.id == session_id, sessions.c.ended_at.is_(None))
                       .values(ended_at=at, end_reason=reason))


def check(workspace: Workspace, token: str, idle_minutes: float, *, at: datetime | None = None) -> Check:
    """The user of ``token`` if its session is live and the account enabled; ends it otherwise.

    A session idle longer than ``idle_minutes`` ends as ``expired``; one whose account was
    disabled ends as ``revoked``. Both are audited once, when first noticed.
    """
    stamp = at or now()
    with workspace.engine.begin() as connection:
        row = connection.execute(
            sa.select(sessions.c.id, sessions.c.user_name, sessions.c.last_seen_at, sessions.c.ended_at,
                      sessions.c.end_reason, users.c.role, users.c.disabled, users.c.lang)
            .select_from(sessions.outerjoin(users, users.c.name == sessions.c.user_name))
            .where(sessions.c.token_hash == token_hash(token))
        ).first()
        if row is None:
            return Check(None)
        if row.ended_at is not None:
            return Check(None, row.end_reason)
        last_seen = _utc(row.last_seen_at) or stamp
        if row.role is None or row.disabled:
            _end(connection, row.id, REVOKED, stamp)
            audit_log.write(connection, "session.revoked", row.user_name, params={"reason": "account disabled"})
            return Check(None, REVOKED)
        if stamp - last_seen > timedelta(minutes=idle_minutes):
            _end(connection, row.id, EXPIRED, stamp)
            audit_log.write(connection, "session.expired", row.user_name,
                            params={"idle_minutes": idle_minutes})
            return Check(None, EXPIRED)
        if stamp - last_seen >= TOUCH_EVERY:
            connection.execute(sa.update(sessions).where(sessions.c.id == row.id).values(last_seen_at=stamp))
    return Check(SessionUser(row.user_name, Role(row.role), row.lang))


def expire_idle(workspace: Workspace, idle_minutes: float, *, at: datetime | None = None) -> int:
    """End (as ``expired``, audited per user) every live session idle longer than ``idle_minutes``.

    :func:`check` notices an idle session when its browser comes back; this sweep (run at each
    sign-in) also closes the ones whose browser never does, so the record says when they ended.
    """
    stamp = at or now()
    cutoff = stamp - timedelta(minutes=idle_minutes)
    with workspace.engine.begin() as connection:
        rows = connection.execute(sa.select(sessions.c.id, sessions.c.user_name)
                                  .where(sessions.c.ended_at.is_(None), sessions.c.last_seen_at < cutoff)).all()
        for row in rows:
            _end(connection, row.id, EXPIRED, stamp)
        for user_name in sorted({row.user_name for row in rows}):
            audit_log.write(connection, "session.expired", user_name, params={"idle_minutes": idle_minutes})
    return len(rows)


def end(workspace: Workspace, token: str, *, at: datetime | None = None) -> bool:
    """Sign out: the session of ``token`` ends for every tab of that browser. False if it had ended."""
    stamp = at or now()
    with workspace.engine.begin() as connection:
        row = connection.execute(sa.select(sessions.c.id, sessions.c.user_name)
                                 .where(sessions.c.token_hash == token_hash(token),
                                        sessions.c.ended_at.is_(None))).first()
        if row is None:
            return False
        _end(connection, row.id, SIGN_OUT, stamp)
        audit_log.write(connection, "sign_out", row.user_name)
    return True


def revoke(connection: sa.Connection, user_name: str | None, *, by: str, reason: str) -> int:
    """End every live session of ``user_name`` (None: of everyone) inside the caller's transaction."""
    query = sa.select(sessions.c.id, sessions.c.user_name).where(sessions.c.ended_at.is_(None))
    if user_name is not None:
        query = query.where(sessions.c.user_name == user_name)
    rows = connection.execute(query).all()
    stamp = now()
    for row in rows:
        _end(connection, row.id, REVOKED, stamp)
    if rows:
        audit_log.write(connection, "session.revoked", by,
                        params={"user": user_name or "*", "sessions": len(rows), "reason": reason})
    return len(rows)


def end_all(workspace: Workspace, user_name: str | None = None, *, by: str = "cli") -> int:
    """End every live session (of one user, or of everyone); returns how many ended."""
    with workspace.engine.begin() as connection:
        return revoke(connection, user_name.strip() if user_name else None, by=by, reason="ended by an admin")


def live_count(workspace: Workspace, user_name: str | None = None) -> int:
    """How many sessions are live (not ended; idle ones count until someone uses them)."""
    query = sa.select(sa.func.count()).select_from(sessions).where(sessions.c.ended_at.is_(None))
    if user_name is not None:
        query = query.where(sessions.c.user_name == user_name)
    with workspace.engine.connect() as connection:
        return int(connection.execute(query).scalar_one())
