"""A throw-away PostgreSQL (+PostGIS) cluster on a loopback port, for tests and benchmarks.

Uses Debian's server binaries (``apt-get install postgresql postgresql-postgis``); as root
it runs them as the ``postgres`` system user, since PostgreSQL refuses to run as root.
Never used by the app itself, which takes ``$VIGIA_DB_URL``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

PG_BIN_CANDIDATES = [Path("/usr/lib/postgresql") / v / "bin" for v in ("17", "16", "15")]


class PostgresUnavailable(RuntimeError):
    """No server binaries, or PostGIS missing: the message says what to install."""


def server_binaries() -> Path | None:
    for folder in PG_BIN_CANDIDATES:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@contextmanager
def temporary_postgres(database: str = "vigia_test") -> Iterator[str]:
    """Start a cluster, create ``database`` with PostGIS, yield its SQLAlchemy URL, then stop it."""
    folder = server_binaries()
    if folder is None:
        raise PostgresUnavailable("no PostgreSQL server binaries (apt-get install postgresql postgresql-postgis)")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        raise PostgresUnavailable("running as root without runuser: cannot start PostgreSQL as the postgres user")
    import psycopg

    base = Path(tempfile.mkdtemp(prefix="vigia-pg-", dir="/tmp"))
    data, port = base / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    try:
        subprocess.run(_as_postgres([str(folder / "initdb"), "-D", str(data), "-U", "vigia", "--auth=trust",
                                     "-E", "UTF8", "--no-sync"]), check=True, capture_output=True)
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1"
        subprocess.run(_as_postgres([str(folder / "pg_ctl"), "-D", str(data), "-o", options, "-l",
                                     str(base / "log.txt"), "-w", "start"]), check=True, capture_output=True)
        deadline = time.monotonic() + 30
        while True:
            try:
                with psycopg.connect(f"host=127.0.0.1 port={port} user=vigia dbname=postgres",
                                     autocommit=True) as conn:
                    conn.execute(f'CREATE DATABASE "{database}"')
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        with psycopg.connect(f"host=127.0.0.1 port={port} user=vigia dbname={database}", autocommit=True) as conn:
            try:
                conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            except psycopg.Error as error:
                raise PostgresUnavailable(f"PostgreSQL runs but PostGIS is missing ({str(error).splitlines()[0]}; "
                                          "apt-get install postgresql-postgis)") from error
        yield f"postgresql+psycopg://vigia@127.0.0.1:{port}/{database}"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(_as_postgres([str(folder / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                           capture_output=True)
        shutil.rmtree(base, ignore_errors=True)
