"""The workspace: what users make is kept, listed and reopened, with accounts and an audit log.

- :mod:`.db` opens the store (SQLite in the data folder by default, PostgreSQL by
  ``$VIGIA_DB_URL``) and brings its schema up to date with Alembic migrations;
- :mod:`.store` saves and reopens datasets, score runs, inspection plans, patrol rosters and
  exports, each with versions, soft delete and undo;
- :mod:`.accounts` local accounts (argon2 hashes) and roles; :mod:`.roles` what each role may do;
- :mod:`.audit` the append-only record of who did what.

Nothing here imports Streamlit: the CLI and the app both call it. The names below load
SQLAlchemy and Alembic on first use (PEP 562 module ``__getattr__``), so importing
:mod:`.roles` for ``vigia --help`` stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vigia.workspace.db import open_workspace
    from vigia.workspace.store import ItemRecord, Workspace, WorkspaceError

__all__ = ["ItemRecord", "Workspace", "WorkspaceError", "open_workspace"]


def __getattr__(name: str) -> Any:
    if name == "open_workspace":
        from vigia.workspace.db import open_workspace

        return open_workspace
    if name in __all__:
        from vigia.workspace import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
