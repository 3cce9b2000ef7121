"""Workspace stores to test on: SQLite always, and a real PostgreSQL with PostGIS.

PostgreSQL comes from Debian's packages (``make test`` installs ``postgresql`` and
``postgresql-15-postgis-3`` when run as root). This fixture starts a throw-away
cluster on a free loopback port, owned by the ``postgres`` system user, and stops it
at the end. Without the packages the PostgreSQL cases skip with the reason, except
under CI (``CI=true``), where they must run and a missing server fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from vigia.workspace.local_pg import PostgresUnavailable, temporary_postgres


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """URL of a fresh PostgreSQL database with the PostGIS extension created."""
    try:
        with temporary_postgres() as url:
            yield url
    except PostgresUnavailable as error:
        if os.environ.get("CI"):
            pytest.fail(f"{error}; under CI `make test` installs PostgreSQL + PostGIS as root, so this is a set-up bug")
        pytest.skip(str(error))


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
