"""Open the workspace database and bring its schema up to date.

SQLite (the default, one file in the data folder) runs in WAL mode with a busy
timeout, so several Streamlit sessions and the CLI can write at once without a
server; PostgreSQL is chosen by URL (``VIGIA_DB_URL=postgresql+psycopg://...``)
and runs the very same code. Schema changes are Alembic migrations, applied on
open, so ``make run`` needs no set-up step.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from vigia import paths

if TYPE_CHECKING:
    from vigia.workspace.store import Workspace

#: Environment variable with a SQLAlchemy URL for a shared database server.
ENV_DB_URL = "VIGIA_DB_URL"
DB_FILE = "workspace.sqlite"
#: Milliseconds a writer waits for another one before giving up (SQLite).
BUSY_TIMEOUT_MS = 15_000

_MIGRATE_LOCK = threading.Lock()


def default_url() -> str:
    """``$VIGIA_DB_URL``, else a SQLite file in the data folder."""
    configured = os.environ.get(ENV_DB_URL)
    if configured:
        return configured
    return f"sqlite:///{paths.data_dir() / DB_FILE}"


def _on_sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=FULL")  # a committed save survives a power cut
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def create_engine(url: str) -> sa.Engine:
    """An engine for ``url``; SQLite files get their folder created and WAL switched on."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return sa.create_engine(url, pool_pre_ping=True)


def migrate(engine: sa.Engine) -> None:
    """Apply every Alembic migration not yet applied (idempotent)."""
    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with _MIGRATE_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def open_workspace(url: str | None = None) -> Workspace:
    """The workspace at ``url`` (default :func:`default_url`), schema up to date."""
    from vigia.workspace.store import Workspace

    engine = create_engine(url or default_url())
    migrate(engine)
    return Workspace(engine)
