"""The append-only audit log: who did what, when, on which dataset, with which parameters.

Only :func:`write` (insert) and :func:`read` exist: no code path updates or deletes a
line. Writes happen inside the transaction of the action they record, so an action
and its audit line land together or not at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa

from vigia.workspace.schema import audit

COLUMNS = ["at", "user_name", "action", "dataset_id", "params"]


def write(connection: sa.Connection, action: str, user: str, *, dataset_id: int | None = None,
          params: Mapping[str, Any] | None = None) -> None:
    connection.execute(sa.insert(audit).values(at=datetime.now(UTC), user_name=user, action=action,
                                               dataset_id=dataset_id,
                                               params=json.dumps(dict(params or {}), default=str,
                                                                 ensure_ascii=False)))


def read(connection: sa.Connection, *, user: str | None = None, action: str | None = None,
         since: datetime | None = None, until: datetime | None = None,
         limit: int | None = None) -> pd.DataFrame:
    """Audit lines newest first, filtered by user, action (prefix, e.g. ``"dataset"``) and time."""
    query = sa.select(audit.c.at, audit.c.user_name, audit.c.action, audit.c.dataset_id, audit.c.params)
    if user:
        query = query.where(audit.c.user_name == user)
    if action:
        query = query.where(audit.c.action.startswith(action))
    if since is not None:
        query = query.where(audit.c.at >= since)
    if until is not None:
        query = query.where(audit.c.at <= until)
    query = query.order_by(audit.c.id.desc())
    if limit:
        query = query.limit(limit)
    rows = connection.execute(query).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=COLUMNS)
    if not frame.empty:
        frame["at"] = pd.to_datetime(frame["at"], utc=True)
    return frame
