"""Local accounts: names, roles and argon2 password hashes.

Used when the ministry has no identity provider configured for Streamlit's own
OIDC sign-in. With OIDC, accounts still say which role an e-mail address has (and
have no password). With no account at all the app runs in open demo mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from vigia.workspace import audit as audit_log
from vigia.workspace import sessions as sign_in_sessions
from vigia.workspace.roles import Role, parse_role
from vigia.workspace.schema import users
from vigia.workspace.store import Workspace, WorkspaceError, _utc, now

MIN_PASSWORD_LENGTH = 10
_HASHER = PasswordHasher()


@dataclass(frozen=True)
class Account:
    name: str
    role: Role
    disabled: bool
    has_password: bool
    created_at: datetime
    lang: str | None = None  # the language the user last chose in the app (None: never chose)


def _clean_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 200 or any(ch.isspace() for ch in cleaned):
        raise WorkspaceError(f"user name {name!r}: use 1-200 characters without spaces (e.g. an e-mail address)")
    return cleaned


def add_user(workspace: Workspace, name: str, role: str | Role, password: str | None, *,
             by: str = "cli") -> Account:
    """Create an account. ``password`` None makes an OIDC-only account (its e-mail is the name)."""
    name = _clean_name(name)
    role = parse_role(role) if isinstance(role, str) else role
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise WorkspaceError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    digest = _HASHER.hash(password) if password is not None else None
    with workspace.engine.begin() as connection:
        if connection.execute(sa.select(users.c.id).where(users.c.name == name)).first():
            raise WorkspaceError(f"user {name!r} already exists")
        connection.execute(sa.insert(users).values(name=name, role=role.value, password_hash=digest,
                                                   disabled=False, created_at=now()))
        audit_log.write(connection, "user.add", by, params={"name": name, "role": role.value})
    return get_user(workspace, name)


def get_user(workspace: Workspace, name: str) -> Account:
    with workspace.engine.connect() as connection:
        row = connection.execute(sa.select(users).where(users.c.name == name.strip())).first()
    if row is None:
        raise WorkspaceError(f"there is no user {name!r}")
    return Account(row.name, Role(row.role), row.disabled, row.password_hash is not None,
                   _utc(row.created_at) or now(), row.lang)


def list_users(workspace: Workspace) -> list[Account]:
    with workspace.engine.connect() as connection:
        rows = connection.execute(sa.select(users).order_by(users.c.name)).all()
    return [Account(r.name, Role(r.role), r.disabled, r.password_hash is not None, _utc(r.created_at) or now(),
                    r.lang) for r in rows]


def has_accounts(workspace: Workspace) -> bool:
    """False means open demo mode: nobody signs in and the app says so on every page."""
    with workspace.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(users)).scalar_one() > 0


def set_disabled(workspace: Workspace, name: str, disabled: bool = True, *, by: str = "cli") -> Account:
    """Disable (or re-enable) an account; a disabled user cannot sign in, and is signed out at once."""
    get_user(workspace, name)
    with workspace.engine.begin() as connection:
        connection.execute(sa.update(users).where(users.c.name == name.strip()).values(disabled=disabled))
        audit_log.write(connection, "user.disable" if disabled else "user.enable", by, params={"name": name})
        if disabled:
            sign_in_sessions.revoke(connection, name.strip(), by=by, reason="account disabled")
    return get_user(workspace, name)


def set_role(workspace: Workspace, name: str, role: str | Role, *, by: str = "cli") -> Account:
    """Give ``name`` another role; their open sessions end, so they sign in again under it."""
    role = parse_role(role) if isinstance(role, str) else role
    get_user(workspace, name)
    with workspace.engine.begin() as connection:
        connection.execute(sa.update(users).where(users.c.name == name.strip()).values(role=role.value))
        audit_log.write(connection, "user.role", by, params={"name": name, "role": role.value})
        sign_in_sessions.revoke(connection, name.strip(), by=by, reason="role changed")
    return get_user(workspace, name)


def set_language(workspace: Workspace, name: str, lang: str) -> None:
    """Remember the language ``name`` chose, for their next sign-in on any browser."""
    with workspace.engine.begin() as connection:
        connection.execute(sa.update(users).where(users.c.name == name.strip()).values(lang=lang))


def authenticate(workspace: Workspace, name: str, password: str) -> Account | None:
    """The account when ``name``/``password`` match an enabled account, else None.

    Every attempt is audited (success or failure), never with the password.
    """
    with workspace.engine.connect() as connection:
        row = connection.execute(sa.select(users).where(users.c.name == name.strip())).first()
    ok = False
    if row is not None and row.password_hash and not row.disabled:
        try:
            ok = _HASHER.verify(row.password_hash, password)
        except (VerificationError, InvalidHashError):
            ok = False
    workspace.record("sign_in" if ok else "sign_in.failed", name.strip() or "?")
    return get_user(workspace, name) if ok else None
