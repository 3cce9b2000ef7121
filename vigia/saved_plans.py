"""Inspection plans as the workspace keeps them: the planner's whole result, reopened without solving.

A plan is kept as the tables of its :class:`~planner.result.PlanResult` (problem, travel
times, plan, greedy baseline) plus the request's parameters, so reopening it shows the
map, KPIs, timeline and downloads again and re-plans from it with locks, without running
the solver. Plans saved before results were kept whole (only visits, routes, unplaced
and teams) reopen as tables; re-planning them locks their day-trip visits.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from geodata.dataset import Dataset
from planner.problem import LockedVisit, Team
from planner.result import PlanResult, day_trip_locks, is_result
from planner.teams import teams_from_frame
from vigia.inspection_runs import PlanRequest, PlanRun, with_context

KIND = "inspection_plan"


def plan_tables(run: PlanRun) -> dict[str, pd.DataFrame]:
    """What is kept of a run: the planner's result, every part as a table."""
    return run.result.to_tables()


def plan_params(run: PlanRun) -> dict[str, Any]:
    request, problem = run.request, run.problem
    return {"start": request.start.isoformat(), "days": request.days, "time_limit": request.time_limit,
            "engine": request.engine, "seed": request.seed, "scores": request.scores_name,
            "locked": len(problem.locked), "dropped": sorted(problem.dropped), "visits": len(run.plan.visits),
            "risk_covered": round(float(run.result.kpis()["risk_covered"]), 2)}


def plan_name(run: PlanRun) -> str:
    return f"{run.request.start:%d/%m/%Y} · {run.request.days} d · {len(run.problem.teams)} teams"


def is_whole(parts: tuple[str, ...]) -> bool:
    """Whether a saved plan holds the whole result (else it is an older save: tables only)."""
    return is_result(parts)


def _request(params: dict[str, Any], teams: tuple[Team, ...] | None) -> PlanRequest:
    return PlanRequest(start=date.fromisoformat(str(params["start"])), days=int(params["days"]),
                       time_limit=float(params["time_limit"]), engine=str(params.get("engine", "")),
                       seed=int(params.get("seed", 0)), teams=teams, scores_name=str(params.get("scores", "")))


def reopen(tables: dict[str, pd.DataFrame], params: dict[str, Any], dataset: Dataset) -> PlanRun:
    """The saved run as it was made (``ValueError`` when the tables are not a whole result)."""
    result = PlanResult.from_tables(tables)
    return with_context(_request(params, result.problem.teams), result, dataset)


def request_from_saved(tables: dict[str, pd.DataFrame], params: dict[str, Any],
                       dataset: Dataset) -> tuple[PlanRequest, tuple[LockedVisit, ...]]:
    """An older save's request and locks (its day-trip visits) to plan it again."""
    teams = tuple(teams_from_frame(tables["teams"].astype(str), "saved plan", dataset=dataset))
    return _request(params, teams), day_trip_locks(tables["visits"], tables["routes"])
