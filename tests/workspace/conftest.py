"""Workspace stores to test on: SQLite always, and a real PostgreSQL with PostGIS.

PostgreSQL comes from Debian's packages (``make test`` installs ``postgresql`` and
``postgresql-15-postgis-3`` when run as root). This fixture starts a throw-away
cluster on a free loopback port, owned by the ``postgres`` system user, and stops it
at the end. Without the packages the PostgreSQL cases skip with the reason, except
under CI (``CI=true``), where they must run and a missing server fails.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

PG_BIN_CANDIDATES = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15")]


def _pg_bin() -> Path | None:
    for folder in PG_BIN_CANDIDATES:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; under CI `make test` installs PostgreSQL + PostGIS as root, so this is a set-up bug")
    pytest.skip(reason)


def _as_postgres(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: run its tools as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database with the PostGIS extension created."""
    folder = _pg_bin()
    if folder is None:
        _unavailable("no PostgreSQL server binaries (apt-get install postgresql postgresql-15-postgis-3)")
        return
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        _unavailable("running as root without runuser: cannot start PostgreSQL as the postgres user")
    base = Path(tempfile.mkdtemp(prefix="vigia-pg-", dir="/tmp"))
    data, port = base / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    subprocess.run(_as_postgres([str(folder / "initdb"), "-D", str(data), "-U", "vigia", "--auth=trust",
                                 "-E", "UTF8", "--no-sync"]), check=True, capture_output=True)
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(_as_postgres([str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                 str(base / "log.txt"), "-w", "start"]), check=True, capture_output=True)
    try:
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(f"host=127.0.0.1 port={port} user=vigia dbname=postgres",
                                     autocommit=True) as conn:
                    conn.execute("CREATE DATABASE vigia_test")
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        with psycopg.connect(f"host=127.0.0.1 port={port} user=vigia dbname=vigia_test", autocommit=True) as conn:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            except psycopg.Error as error:
                _unavailable(f"PostgreSQL runs but PostGIS is missing ({str(error).splitlines()[0]}; "
                             "apt-get install postgresql-15-postgis-3)")
        yield f"postgresql+psycopg://vigia@127.0.0.1:{port}/vigia_test"
    finally:
        subprocess.run(_as_postgres([str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite and on PostgreSQL (a fresh schema per test)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'workspace.sqlite'}"
    url: str = request.getfixturevalue("postgres_url")
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    with engine.begin() as connection:  # a clean schema for each test
        connection.execute(sa.text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(sa.text("CREATE SCHEMA public"))
        connection.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    engine.dispose()
    return url
