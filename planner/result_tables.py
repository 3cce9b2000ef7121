"""A plan result as plain tables and back, so the workspace stores it and reopens it without solving.

Every part is a table of scalars (text, numbers, booleans, dates, date-times) that
Parquet, CSV or JSON can carry: the problem (teams, sites, towns, days, locks, drops,
the travel matrices flattened) and each plan (visits, routes, unplaced). Tuples and
sets inside a record are written as JSON lists. :data:`FORMAT` is stored with the
tables; :func:`from_tables` refuses tables written in a format it does not know.
"""

from __future__ import annotations

import json
import math
import typing
from dataclasses import fields
from datetime import date, datetime
from types import NoneType, UnionType
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from planner.plan import Plan, Route, Unplaced, Visit
from planner.problem import InspectionProblem, LockedVisit, Site, Team, Town

#: Version of the table layout; bump it when a part or column changes meaning.
FORMAT = 1

#: The table names one plan is kept under (the plan's and, prefixed ``greedy_``, the baseline's).
PLAN_PARTS = ("visits", "routes", "unplaced")

T = TypeVar("T")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _encode(value: Any) -> Any:
    if isinstance(value, (tuple, frozenset, set, list)):
        items = sorted(value) if isinstance(value, (frozenset, set)) else list(value)
        return json.dumps([v.isoformat() if isinstance(v, date) else v for v in items])
    return value


def _decode(value: Any, kind: Any) -> Any:
    """``value`` read from a table as the dataclass field type ``kind`` wants."""
    args = typing.get_args(kind)
    if isinstance(kind, UnionType) or typing.get_origin(kind) is typing.Union:
        if _missing(value):
            return None
        return _decode(value, next(a for a in args if a is not NoneType))
    origin = typing.get_origin(kind)
    if origin in (tuple, frozenset):
        inner = args[0]
        items = [date.fromisoformat(v) if inner is date else inner(v) for v in json.loads(value)]
        return tuple(items) if origin is tuple else frozenset(items)
    if kind is datetime:
        return pd.Timestamp(value).to_pydatetime()
    if kind is date:
        return value if type(value) is date else pd.Timestamp(value).date()
    if kind is bool:
        return bool(value)
    if kind in (int, float, str):
        return kind(value)
    return value


def records_frame(items: typing.Iterable[Any], cls: type) -> pd.DataFrame:
    """One row per dataclass record, one column per field (empty tables keep their columns)."""
    names = [f.name for f in fields(cls)]
    return pd.DataFrame([{n: _encode(getattr(item, n)) for n in names} for item in items], columns=names)


def frame_records(frame: pd.DataFrame, cls: type[T]) -> list[T]:
    """The records :func:`records_frame` wrote, with their field types back (a column an older save
    lacks keeps the field's default)."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls) if f.name in frame.columns]  # type: ignore[arg-type]
    return [cls(**{n: _decode(row[n], hints[n]) for n in names})
            for row in frame.to_dict("records")]


def problem_tables(problem: InspectionProblem) -> dict[str, pd.DataFrame]:
    """The problem as tables: records, horizon, settings and the travel matrices (row-major)."""
    about = {"format": FORMAT, "start": problem.start, "priority_rule": problem.priority_rule,
             "travel_method": problem.travel_method, "max_trip_days": problem.max_trip_days,
             "trips_over_weekends": problem.trips_over_weekends, "sources": json.dumps(problem.sources),
             "team_location": json.dumps(list(problem.team_location))}
    return {
        "problem": pd.DataFrame([about]),
        "days": pd.DataFrame({"day": list(problem.days)}, columns=["day"]),
        "teams": records_frame(problem.teams, Team),
        "sites": records_frame(problem.sites, Site),
        "towns": records_frame(problem.towns, Town),
        "locked": records_frame(problem.locked, LockedVisit),
        "dropped": pd.DataFrame({"site_id": list(problem.dropped)}, columns=["site_id"]),
        "travel": pd.DataFrame({"minutes": problem.minutes.ravel(), "km": problem.km.ravel()}),
    }


def check_format(tables: typing.Mapping[str, pd.DataFrame]) -> None:
    """``ValueError`` naming what is missing when ``tables`` are not a result in :data:`FORMAT`."""
    missing = [n for n in ("problem", "days", "teams", "sites", "towns", "locked", "dropped", "travel",
                           *PLAN_PARTS, "result") if n not in tables]
    if missing:
        raise ValueError(f"these tables are not a saved plan result (missing: {', '.join(missing)})")
    found = int(tables["problem"]["format"].iloc[0])
    if found != FORMAT:
        raise ValueError(f"the saved plan result has table format {found}; this version reads format {FORMAT}")


def problem_from_tables(tables: typing.Mapping[str, pd.DataFrame]) -> InspectionProblem:
    """The problem :func:`problem_tables` wrote (``ValueError`` when the tables are not one)."""
    check_format(tables)
    about = tables["problem"].iloc[0]
    travel = tables["travel"]
    n = math.isqrt(len(travel))
    if n * n != len(travel):
        raise ValueError(f"the saved travel table has {len(travel)} rows, not a square matrix")
    return InspectionProblem(
        teams=tuple(frame_records(tables["teams"], Team)), sites=tuple(frame_records(tables["sites"], Site)),
        start=_decode(about["start"], date), days=tuple(_decode(d, date) for d in tables["days"]["day"]),
        minutes=travel["minutes"].to_numpy(dtype=np.int64).reshape(n, n),
        km=travel["km"].to_numpy(dtype=float).reshape(n, n),
        team_location=tuple(int(k) for k in json.loads(about["team_location"])),
        towns=tuple(frame_records(tables["towns"], Town)), locked=tuple(frame_records(tables["locked"], LockedVisit)),
        dropped=tuple(str(s) for s in tables["dropped"]["site_id"]), priority_rule=str(about["priority_rule"]),
        travel_method=str(about["travel_method"]), max_trip_days=int(about["max_trip_days"]),
        trips_over_weekends=bool(about["trips_over_weekends"]), sources=dict(json.loads(about["sources"])))


def plan_tables(plan: Plan, prefix: str = "") -> dict[str, pd.DataFrame]:
    """A plan's visits, routes and unplaced sites (its engine, time and objective go with the result row)."""
    return {f"{prefix}visits": records_frame(plan.visits, Visit), f"{prefix}routes": records_frame(plan.routes, Route),
            f"{prefix}unplaced": records_frame(plan.unplaced, Unplaced)}


def plan_from_tables(tables: typing.Mapping[str, pd.DataFrame], prefix: str, engine: str, seconds: float,
                     objective: float) -> Plan:
    return Plan(frame_records(tables[f"{prefix}visits"], Visit), frame_records(tables[f"{prefix}unplaced"], Unplaced),
                engine, seconds, objective, frame_records(tables[f"{prefix}routes"], Route))
