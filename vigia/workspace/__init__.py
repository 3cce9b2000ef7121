"""The workspace: what users make is kept, listed and reopened, with accounts and an audit log.

- :mod:`.db` opens the store (SQLite in the data folder by default, PostgreSQL by
  ``$VIGIA_DB_URL``) and brings its schema up to date with Alembic migrations;
- :mod:`.store` saves and reopens datasets, score runs, inspection plans, patrol rosters and
  exports, each with versions, soft delete and undo;
- :mod:`.accounts` local accounts (argon2 hashes) and roles; :mod:`.roles` what each role may do;
- :mod:`.audit` the append-only record of who did what.

Nothing here imports Streamlit: the CLI and the app both call it.
"""

from vigia.workspace.db import open_workspace
from vigia.workspace.store import ItemRecord, Workspace, WorkspaceError

__all__ = ["ItemRecord", "Workspace", "WorkspaceError", "open_workspace"]
