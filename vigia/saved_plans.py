"""Inspection plans as the workspace keeps them, and a saved plan turned back into a request.

A plan is kept as tables (visits, unplaced sites with reasons, teams) plus the request's
parameters; nothing solver-specific is stored, so a plan saved today still opens after an
upgrade. Re-planning from a saved plan locks the saved visits of day trips (same team and
day) and runs the planner again; field trips are planned afresh, because the planner
chooses their overnight stops itself. The chief then frees or drops visits as after any plan.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from geodata.dataset import Dataset
from planner.problem import LockedVisit
from planner.teams import teams_frame, teams_from_frame
from vigia.inspection_runs import PlanRequest, PlanRun

KIND = "inspection_plan"


def plan_tables(run: PlanRun) -> dict[str, pd.DataFrame]:
    """What is kept of a run: its visits, what it could not place, and its teams."""
    routes = pd.DataFrame([{"team_id": r.team_id, "day": r.day, "start_name": r.start_name,
                            "end_name": r.end_name, "overnight": r.overnight or "", "km": r.km,
                            "drive_minutes": r.drive_minutes, "site_ids": "; ".join(r.site_ids)}
                           for r in run.plan.routes])
    return {"visits": run.plan.to_frame(), "unplaced": run.plan.unplaced_frame(), "routes": routes,
            "teams": teams_frame(list(run.problem.teams))}


def plan_params(run: PlanRun) -> dict[str, Any]:
    request = run.request
    return {"start": request.start.isoformat(), "days": request.days, "time_limit": request.time_limit,
            "engine": request.engine, "seed": request.seed, "scores": request.scores_name,
            "locked": len(request.locked), "dropped": sorted(request.dropped), "visits": len(run.plan.visits),
            "risk_covered": round(float(run.plan.kpis(run.problem)["risk_covered"]), 2)}


def plan_name(run: PlanRun) -> str:
    return f"{run.request.start:%d/%m/%Y} · {run.request.days} d · {len(run.problem.teams)} teams"


def _day(value: Any) -> date:
    return pd.Timestamp(value).date()


def _minute(value: Any) -> int:
    stamp = pd.Timestamp(value)
    return int(stamp.hour * 60 + stamp.minute)


def saved_locks(visits: pd.DataFrame, routes: pd.DataFrame) -> tuple[LockedVisit, ...]:
    """The saved visits of day trips (office to office, no overnight) as locks: same team, day and start."""
    day_trips = {(str(r.team_id), _day(r.day)) for r in routes.itertuples()
                 if not r.overnight and str(r.start_name) == str(r.end_name)}
    return tuple(LockedVisit(site_id=str(row.site_id), team_id=str(row.team_id), day=_day(row.day),
                             start_minute=_minute(row.start))
                 for row in visits.itertuples() if (str(row.team_id), _day(row.day)) in day_trips)


def request_from_saved(tables: dict[str, pd.DataFrame], params: dict[str, Any], dataset: Dataset,
                       scores: pd.DataFrame | None = None) -> PlanRequest:
    """The request that re-plans a saved plan: its day-trip visits locked, its drops kept."""
    teams = tuple(teams_from_frame(tables["teams"].astype(str), "saved plan", dataset=dataset))
    return PlanRequest(start=date.fromisoformat(str(params["start"])), days=int(params["days"]),
                       time_limit=float(params["time_limit"]), engine=str(params.get("engine", "")),
                       seed=int(params.get("seed", 0)), teams=teams, scores=scores,
                       scores_name=str(params.get("scores", "")) if scores is not None else "",
                       locked=saved_locks(tables["visits"], tables["routes"]), dropped=frozenset(params.get("dropped", [])))
