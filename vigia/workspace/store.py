"""Save, list, reopen, compare and delete (with undo) what users make.

Every save is one transaction: killed halfway, the store keeps its previous state
(SQLite's WAL journal and PostgreSQL both guarantee it; a test kills a writer).
Nothing is ever overwritten: a re-plan is a new version in the same series, a
delete only marks the row, and :meth:`Workspace.restore_item` undoes it.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import pandas as pd
import pyarrow.parquet as pq
import sqlalchemy as sa

from vigia.workspace import audit as audit_log
from vigia.workspace.schema import current_dataset, datasets, item_parts, items

#: The kinds of item the workspace keeps.
KINDS = ("score_run", "inspection_plan", "patrol_roster", "what_if", "export")
#: The ``current_dataset`` row that is everyone's default.
EVERYONE = ""
PARQUET = "application/vnd.apache.parquet"


class WorkspaceError(Exception):
    """A request the workspace cannot honour, said in words a user can act on."""


def now() -> datetime:
    return datetime.now(UTC)


def _utc(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; every time here is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class DatasetRecord:
    """A stored dataset (the file itself stays in the database)."""

    id: int
    name: str
    filename: str
    sha256: str
    size_bytes: int
    report: dict[str, Any]
    created_by: str
    created_at: datetime
    deleted: bool


@dataclass(frozen=True)
class ItemRecord:
    """A score run, plan, roster or export: one version of one series."""

    id: int
    kind: str
    series: str
    version: int
    name: str
    dataset_id: int | None
    params: dict[str, Any]
    created_by: str
    created_at: datetime
    deleted: bool
    parts: tuple[str, ...] = ()


@dataclass
class TableDiff:
    """How one table differs between two items, matched on ``key``."""

    key: list[str]
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame

    @property
    def identical(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty


@dataclass
class Comparison:
    """Two items of one kind side by side: parameters that differ and table differences."""

    left: ItemRecord
    right: ItemRecord
    params: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    tables: dict[str, TableDiff] = field(default_factory=dict)
    only_left: list[str] = field(default_factory=list)
    only_right: list[str] = field(default_factory=list)
    #: Tables in both with no ``*_id`` column to match rows on (e.g. a plan's travel matrix).
    not_compared: list[str] = field(default_factory=list)


def _table_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=not isinstance(frame.index, pd.RangeIndex))
    return buffer.getvalue()


def _table_from_bytes(content: bytes) -> pd.DataFrame:
    metadata = pq.read_schema(io.BytesIO(content)).metadata or {}
    if b"geo" in metadata:
        return gpd.read_parquet(io.BytesIO(content))
    return pd.read_parquet(io.BytesIO(content))


def _key_columns(left: pd.DataFrame, right: pd.DataFrame, key: Sequence[str] | None) -> list[str]:
    if key:
        return list(key)
    ids = [c for c in left.columns if c in right.columns and str(c).endswith("_id")]
    if ids:
        return ids
    raise WorkspaceError("these tables have no *_id column to match rows on; pass key=[...]")


def diff_tables(left: pd.DataFrame, right: pd.DataFrame, key: Sequence[str] | None = None) -> TableDiff:
    """Rows only in ``left`` (removed), only in ``right`` (added), and rows whose values changed."""
    columns = _key_columns(left, right, key)
    plain_left = pd.DataFrame(left.drop(columns="geometry", errors="ignore"))
    plain_right = pd.DataFrame(right.drop(columns="geometry", errors="ignore"))
    merged = plain_left.merge(plain_right, on=columns, how="outer", suffixes=("_before", "_after"),
                              indicator=True)
    removed = merged[merged["_merge"] == "left_only"][columns]
    added = merged[merged["_merge"] == "right_only"][columns]
    both = merged[merged["_merge"] == "both"]
    shared = [c for c in plain_left.columns if c in plain_right.columns and c not in columns]
    changed_mask = pd.Series(False, index=both.index)
    for column in shared:
        before, after = both[f"{column}_before"], both[f"{column}_after"]
        changed_mask |= ~((before == after) | (before.isna() & after.isna()))
    changed = both[changed_mask].drop(columns="_merge")
    return TableDiff(columns, added.reset_index(drop=True), removed.reset_index(drop=True),
                     changed.reset_index(drop=True))


class Workspace:
    """The store. Open it with :func:`vigia.workspace.open_workspace`."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    # --- datasets -------------------------------------------------------------------------
    def save_dataset(self, content: bytes, *, name: str, filename: str, report: Mapping[str, Any],
                     user: str, action: str = "dataset.upload",
                     details: Mapping[str, Any] | None = None) -> DatasetRecord:
        """Store a validated dataset file with its report; returns its record.

        ``action`` and ``details`` name in the audit line how the file came (an upload, results
        brought from the field into a new version) beside its name and size.
        """
        if not content:
            raise WorkspaceError(f"{filename}: the file is empty; nothing was saved")
        digest = hashlib.sha256(content).hexdigest()
        values = {"name": name, "filename": filename, "sha256": digest, "size_bytes": len(content),
                  "content": content, "report": json.dumps(report, default=str), "created_by": user,
                  "created_at": now(), "deleted_at": None}
        with self.engine.begin() as connection:
            new_id = connection.execute(sa.insert(datasets).values(**values).returning(datasets.c.id)).scalar_one()
            audit_log.write(connection, action, user, dataset_id=new_id,
                            params={"name": name, "file": filename, "bytes": len(content), **(details or {})})
        return self.dataset(new_id)

    def _dataset_columns(self) -> list[sa.Column]:
        return [c for c in datasets.c if c.name != "content"]

    @staticmethod
    def _dataset_record(row: Any) -> DatasetRecord:
        return DatasetRecord(row.id, row.name, row.filename, row.sha256, row.size_bytes,
                             json.loads(row.report), row.created_by, _utc(row.created_at) or now(),
                             row.deleted_at is not None)

    def datasets(self, include_deleted: bool = False) -> list[DatasetRecord]:
        """Stored datasets, newest first."""
        query = sa.select(*self._dataset_columns()).order_by(datasets.c.id.desc())
        if not include_deleted:
            query = query.where(datasets.c.deleted_at.is_(None))
        with self.engine.connect() as connection:
            return [self._dataset_record(row) for row in connection.execute(query)]

    def dataset(self, dataset_id: int) -> DatasetRecord:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(*self._dataset_columns())
                                     .where(datasets.c.id == dataset_id)).first()
        if row is None:
            raise WorkspaceError(f"there is no stored dataset number {dataset_id}")
        return self._dataset_record(row)

    def dataset_file(self, dataset_id: int, cache_dir: Path) -> Path:
        """The dataset as a file in ``cache_dir`` (written once per content, atomically)."""
        record = self.dataset(dataset_id)
        target = Path(cache_dir) / f"{record.sha256}.gpkg"
        if target.exists() and target.stat().st_size == record.size_bytes:
            return target
        with self.engine.connect() as connection:
            content = connection.execute(sa.select(datasets.c.content)
                                         .where(datasets.c.id == dataset_id)).scalar_one()
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.stem}.{os.getpid()}.{uuid.uuid4().hex[:8]}.partial")
        partial.write_bytes(content)
        os.replace(partial, target)
        return target

    def _set_deleted(self, table: sa.Table, row_id: int, user: str, deleted: bool, action: str,
                     dataset_id: int | None = None) -> None:
        with self.engine.begin() as connection:
            result = connection.execute(sa.update(table).where(table.c.id == row_id)
                                        .values(deleted_at=now() if deleted else None))
            if result.rowcount == 0:
                raise WorkspaceError(f"nothing numbered {row_id} to {'delete' if deleted else 'restore'}")
            audit_log.write(connection, action, user, dataset_id=dataset_id, params={"id": row_id})

    def delete_dataset(self, dataset_id: int, user: str) -> None:
        """Hide a dataset (undo with :meth:`restore_dataset`); whoever used it falls back to the default."""
        self._set_deleted(datasets, dataset_id, user, True, "dataset.delete", dataset_id)

    def restore_dataset(self, dataset_id: int, user: str) -> None:
        self._set_deleted(datasets, dataset_id, user, False, "dataset.restore", dataset_id)

    def use_dataset(self, dataset_id: int, user: str, *, for_everyone: bool = False) -> None:
        """Make a stored dataset the one ``user`` sees (or everyone's default)."""
        if self.dataset(dataset_id).deleted:
            raise WorkspaceError(f"dataset {dataset_id} is deleted; restore it first")
        owner = EVERYONE if for_everyone else user
        with self.engine.begin() as connection:
            connection.execute(sa.delete(current_dataset).where(current_dataset.c.user_name == owner))
            connection.execute(sa.insert(current_dataset).values(user_name=owner, dataset_id=dataset_id,
                                                                 updated_at=now()))
            audit_log.write(connection, "dataset.use", user, dataset_id=dataset_id,
                            params={"for_everyone": for_everyone})

    def forget_current(self, user: str) -> None:
        """``user`` goes back to everyone's default (or the configured/demo dataset)."""
        with self.engine.begin() as connection:
            connection.execute(sa.delete(current_dataset).where(current_dataset.c.user_name == user))

    def current_dataset_id(self, user: str) -> int | None:
        """The dataset ``user`` uses: their own choice, else everyone's default; deleted ones skipped."""
        query = (sa.select(current_dataset.c.user_name, current_dataset.c.dataset_id)
                 .join(datasets, datasets.c.id == current_dataset.c.dataset_id)
                 .where(current_dataset.c.user_name.in_([user, EVERYONE]), datasets.c.deleted_at.is_(None)))
        with self.engine.connect() as connection:
            rows = {row.user_name: row.dataset_id for row in connection.execute(query)}
        return rows.get(user, rows.get(EVERYONE))

    # --- items: score runs, plans, rosters, exports ---------------------------------------
    def save_item(self, kind: str, name: str, *, user: str,
                  tables: Mapping[str, pd.DataFrame] | None = None,
                  files: Mapping[str, tuple[str, bytes]] | None = None,
                  params: Mapping[str, Any] | None = None, dataset_id: int | None = None,
                  replaces: int | None = None) -> ItemRecord:
        """Store a new item, or (``replaces=id``) the next version of that item's series.

        ``tables`` are kept as Parquet (GeoDataFrames keep their geometry); ``files`` are
        ``name -> (media type, bytes)``. The old version is never changed.
        """
        if kind not in KINDS:
            raise WorkspaceError(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
        tables, files = dict(tables or {}), dict(files or {})
        parts = [(n, PARQUET, _table_bytes(f)) for n, f in tables.items()]
        parts += [(n, media, content) for n, (media, content) in files.items()]
        with self.engine.begin() as connection:
            if replaces is None:
                series, version = uuid.uuid4().hex, 1
            else:
                previous = connection.execute(sa.select(items.c.series, items.c.kind)
                                              .where(items.c.id == replaces)).first()
                if previous is None:
                    raise WorkspaceError(f"there is no stored item number {replaces} to re-plan")
                if previous.kind != kind:
                    raise WorkspaceError(f"item {replaces} is a {previous.kind}, not a {kind}")
                series = previous.series
                version = 1 + connection.execute(sa.select(sa.func.max(items.c.version))
                                                 .where(items.c.series == series)).scalar_one()
            new_id = connection.execute(sa.insert(items).values(
                kind=kind, series=series, version=version, name=name, dataset_id=dataset_id,
                params=json.dumps(dict(params or {}), default=str), created_by=user, created_at=now(),
                deleted_at=None).returning(items.c.id)).scalar_one()
            for part_name, media, content in parts:
                connection.execute(sa.insert(item_parts).values(item_id=new_id, name=part_name,
                                                                media_type=media, content=content))
            audit_log.write(connection, f"{kind}.save", user, dataset_id=dataset_id,
                            params={"id": new_id, "name": name, "version": version, **dict(params or {})})
        return self.item(new_id)

    def _items(self, where: Any, include_deleted: bool) -> list[ItemRecord]:
        query = sa.select(items).where(where).order_by(items.c.id.desc())
        if not include_deleted:
            query = query.where(items.c.deleted_at.is_(None))
        with self.engine.connect() as connection:
            rows = connection.execute(query).all()
            ids = [row.id for row in rows]
            names: dict[int, list[str]] = {i: [] for i in ids}
            if ids:
                for part in connection.execute(sa.select(item_parts.c.item_id, item_parts.c.name)
                                               .where(item_parts.c.item_id.in_(ids))
                                               .order_by(item_parts.c.name)):
                    names[part.item_id].append(part.name)
        return [ItemRecord(r.id, r.kind, r.series, r.version, r.name, r.dataset_id, json.loads(r.params),
                           r.created_by, _utc(r.created_at) or now(), r.deleted_at is not None,
                           tuple(names[r.id])) for r in rows]

    def items(self, kind: str | None = None, *, include_deleted: bool = False,
              dataset_id: int | None = None) -> list[ItemRecord]:
        """Stored items (every version), newest first, optionally of one kind or dataset."""
        where: sa.ColumnElement[bool] = sa.true()
        if kind is not None:
            where = sa.and_(where, items.c.kind == kind)
        if dataset_id is not None:
            where = sa.and_(where, items.c.dataset_id == dataset_id)
        return self._items(where, include_deleted)

    def versions(self, item_id: int) -> list[ItemRecord]:
        """Every version in ``item_id``'s series, oldest first (deleted ones included)."""
        series = self.item(item_id).series
        return sorted(self._items(items.c.series == series, True), key=lambda r: r.version)

    def item(self, item_id: int) -> ItemRecord:
        found = self._items(items.c.id == item_id, True)
        if not found:
            raise WorkspaceError(f"there is no stored item number {item_id}")
        return found[0]

    def latest(self, kind: str, *, user: str | None = None, dataset_id: int | None = None) -> ItemRecord | None:
        """The newest item of ``kind`` (by ``user`` / on ``dataset_id`` when given)."""
        for record in self.items(kind, dataset_id=dataset_id):
            if user is None or record.created_by == user:
                return record
        return None

    def _part(self, item_id: int, name: str) -> tuple[str, bytes]:
        with self.engine.connect() as connection:
            row = connection.execute(sa.select(item_parts.c.media_type, item_parts.c.content)
                                     .where(item_parts.c.item_id == item_id, item_parts.c.name == name)).first()
        if row is None:
            raise WorkspaceError(f"item {item_id} has no part named {name!r}")
        return row.media_type, row.content

    def table(self, item_id: int, name: str) -> pd.DataFrame:
        media, content = self._part(item_id, name)
        if media != PARQUET:
            raise WorkspaceError(f"part {name!r} of item {item_id} is a file ({media}), not a table")
        return _table_from_bytes(content)

    def file(self, item_id: int, name: str) -> bytes:
        return self._part(item_id, name)[1]

    def delete_item(self, item_id: int, user: str) -> None:
        """Hide an item (undo with :meth:`restore_item`)."""
        self._set_deleted(items, item_id, user, True, "item.delete", self.item(item_id).dataset_id)

    def restore_item(self, item_id: int, user: str) -> None:
        self._set_deleted(items, item_id, user, False, "item.restore", self.item(item_id).dataset_id)

    def compare(self, left_id: int, right_id: int, key: Sequence[str] | None = None) -> Comparison:
        """Differences between two items of the same kind (parameters, then each shared table)."""
        left, right = self.item(left_id), self.item(right_id)
        if left.kind != right.kind:
            raise WorkspaceError(f"cannot compare a {left.kind} with a {right.kind}")
        result = Comparison(left, right)
        for param in sorted(set(left.params) | set(right.params)):
            before, after = left.params.get(param), right.params.get(param)
            if before != after:
                result.params[param] = (before, after)
        for name in sorted(set(left.parts) | set(right.parts)):
            if name not in right.parts:
                result.only_left.append(name)
            elif name not in left.parts:
                result.only_right.append(name)
            elif self._part(left_id, name)[0] == PARQUET:
                before, after = self.table(left_id, name), self.table(right_id, name)
                try:
                    result.tables[name] = diff_tables(before, after, key)
                except WorkspaceError:
                    if key:
                        raise
                    result.not_compared.append(name)
        return result

    # --- audit ----------------------------------------------------------------------------
    def record(self, action: str, user: str, *, dataset_id: int | None = None, **params: Any) -> None:
        """Append one line to the audit log (sign-ins, exports, ... anything not saved above)."""
        with self.engine.begin() as connection:
            audit_log.write(connection, action, user, dataset_id=dataset_id, params=params)

    def audit_log(self, **filters: Any) -> pd.DataFrame:
        """The audit log as a table, newest first; see :func:`vigia.workspace.audit.read`."""
        with self.engine.connect() as connection:
            return audit_log.read(connection, **filters)
