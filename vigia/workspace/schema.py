"""The workspace tables (SQLAlchemy Core), one definition for SQLite and PostgreSQL.

Migrations in ``migrations/versions`` create exactly these; a test compares them.
Blobs hold whole files (a dataset GeoPackage, a plan's tables as Parquet) so one
database is the whole state and a shared server needs no shared disk.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False, unique=True),
    sa.Column("role", sa.String(40), nullable=False),
    sa.Column("password_hash", sa.String(300), nullable=True),  # NULL: signs in through OIDC only
    sa.Column("disabled", sa.Boolean, nullable=False, default=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("lang", sa.String(8), nullable=True),  # NULL: never chosen; the browser's language applies
)

#: Signed-in browsers of local accounts. Only the SHA-256 of the token is kept: a copy of the
#: database does not let anyone take over a session. ``ended_at`` set: signed out, expired or revoked.
sessions = sa.Table(
    "sessions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("user_name", sa.String(200), nullable=False, index=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
    sa.Column("end_reason", sa.String(20), nullable=True),  # sign_out / expired / revoked
)

datasets = sa.Table(
    "datasets",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("filename", sa.String(300), nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False),
    sa.Column("size_bytes", sa.BigInteger, nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
    sa.Column("report", sa.Text, nullable=False),  # JSON: the validation report shown at upload
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
)

#: The dataset in use: one row per user, and the row with user '' is everyone's default.
current_dataset = sa.Table(
    "current_dataset",
    metadata,
    sa.Column("user_name", sa.String(200), primary_key=True),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id"), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

#: Score runs, inspection plans, patrol rosters and exports. A re-plan is a new row in the
#: same ``series`` with ``version`` + 1; the old version stays.
items = sa.Table(
    "items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("series", sa.String(64), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("dataset_id", sa.Integer, sa.ForeignKey("datasets.id"), nullable=True),
    sa.Column("params", sa.Text, nullable=False),  # JSON
    sa.Column("created_by", sa.String(200), nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
    sa.UniqueConstraint("series", "version", name="uq_items_series_version"),
)

#: An item's content: named tables (Parquet) and files (e.g. an .xlsx export).
item_parts = sa.Table(
    "item_parts",
    metadata,
    sa.Column("item_id", sa.Integer, sa.ForeignKey("items.id"), primary_key=True),
    sa.Column("name", sa.String(200), primary_key=True),
    sa.Column("media_type", sa.String(100), nullable=False),
    sa.Column("content", sa.LargeBinary, nullable=False),
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("user_name", sa.String(200), nullable=False, index=True),
    sa.Column("action", sa.String(60), nullable=False, index=True),
    sa.Column("dataset_id", sa.Integer, nullable=True),
    sa.Column("params", sa.Text, nullable=False),  # JSON
)
