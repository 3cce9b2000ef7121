"""One inspection-planning run, as the CLI and the Inspections page both do it.

Orchestration only: take the optional area scores (read through
:func:`geodata.scores_file.read_scores`), build the core's
:class:`~planner.problem.InspectionProblem`, compute the greedy reference plan, run
the chosen engine, and keep everything the outputs need together. Re-planning is
the same run with locked visits (kept on their team, day and start) and dropped
sites (taken out of the candidate list).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date

import pandas as pd

from geodata.dataset import Dataset
from planner.exports import PlanContext, context_for
from planner.plan import Plan, greedy
from planner.problem import InspectionProblem, LockedVisit, Team


def engine_names() -> list[str]:
    """Engines the core offers, the default first."""
    from planner.engines import DEFAULT_ENGINE, ENGINES

    return [DEFAULT_ENGINE] + sorted(name for name in ENGINES if name != DEFAULT_ENGINE)


@dataclass(frozen=True)
class PlanRequest:
    """What the user asked for. ``teams=None`` means the default teams of the labour offices."""

    start: date
    days: int
    time_limit: float
    engine: str = ""
    seed: int = 0
    teams: tuple[Team, ...] | None = None
    scores: pd.DataFrame | None = field(default=None, compare=False, repr=False)
    scores_name: str = ""
    locked: tuple[LockedVisit, ...] = ()
    dropped: frozenset[str] = frozenset()


@dataclass
class PlanRun:
    """A finished run: the problem, the engine's plan and the greedy plan, ready for exports."""

    request: PlanRequest
    problem: InspectionProblem
    plan: Plan
    baseline: Plan | None
    context: PlanContext
    seconds: float

    @property
    def priority_rule(self) -> str:
        return self.problem.priority_rule


def without_sites(dataset: Dataset, site_ids: Iterable[str]) -> Dataset:
    """The dataset with some sites taken out (dropped by the user before re-planning)."""
    dropped = {str(s) for s in site_ids}
    if not dropped or "sites" not in dataset:
        return dataset
    sites = dataset["sites"]
    layers = dict(dataset.layers)
    layers["sites"] = sites[~sites["site_id"].astype(str).isin(dropped)].reset_index(drop=True)
    return Dataset(layers=layers, about=dict(dataset.about), source=dataset.source, problems=list(dataset.problems))


def build_problem(dataset: Dataset, request: PlanRequest) -> InspectionProblem:
    """The core's problem for this request (raises ``DataError`` on data that cannot be planned)."""
    return InspectionProblem.from_dataset(
        without_sites(dataset, request.dropped), teams=list(request.teams) if request.teams is not None else None,
        scores=request.scores, start=request.start, days=request.days, locked=request.locked)


def run(dataset: Dataset, request: PlanRequest, on_stage: Callable[[str], None] | None = None) -> PlanRun:
    """Problem, greedy plan, engine plan. ``on_stage`` hears ``problem``, ``greedy``, ``solve`` as they start."""
    from planner.engines.inspection import solve

    began = time.perf_counter()
    tell = on_stage or (lambda stage: None)
    engine = request.engine or engine_names()[0]
    tell("problem")
    problem = build_problem(dataset, request)
    tell("greedy")
    baseline = reference_plan(problem)
    tell("solve")
    plan = solve(problem, time_limit=request.time_limit, seed=request.seed, engine=engine)
    context = replace(context_for(problem, dataset, baseline), dataset=_dataset_label(dataset),
                      scores=request.scores_name)
    return PlanRun(replace(request, engine=engine), problem, plan, baseline, context, time.perf_counter() - began)


def reference_plan(problem: InspectionProblem) -> Plan | None:
    """The greedy plan to compare with: day trips (what a chief plans by hand).

    With locked visits on field-trip days the day-trip greedy cannot keep them; then the
    greedy fills the core's field-trip days instead, and when even that cannot hold the
    locks there is no reference (the KPIs say so rather than compare with a broken plan).
    """
    from planner.trips import plan_shifts

    with contextlib.suppress(ValueError):  # locks that day trips cannot hold: field-trip days below
        return greedy(problem)
    try:
        return greedy(problem, plan_shifts(problem))
    except ValueError:
        return None


def _dataset_label(dataset: Dataset) -> str:
    return str(dataset.about.get("title") or dataset.source or "")


def locks_for(plan: Plan, site_ids: Iterable[str]) -> tuple[LockedVisit, ...]:
    """Locked visits for these sites as the plan has them: same team, same day, same start."""
    wanted = {str(s) for s in site_ids}
    return tuple(
        LockedVisit(site_id=v.site_id, team_id=v.team_id, day=v.day, start_minute=v.start.hour * 60 + v.start.minute)
        for v in plan.visits if v.site_id in wanted)


def replan(dataset: Dataset, previous: PlanRun, lock: Iterable[str], drop: Iterable[str],
           on_stage: Callable[[str], None] | None = None, teams: tuple[Team, ...] | None = None) -> PlanRun:
    """Re-plan keeping the ``lock``-ed visits where ``previous`` has them, leaving ``drop``-ped sites out.

    ``lock`` is the full list (a visit locked before and not listed again is free to
    move); sites dropped before stay dropped, and a dropped site is never locked.
    ``teams`` replaces the previous teams (e.g. a team lost a day: its available dates
    changed); a lock on a day the team no longer works is a ``DataError`` from the core.
    """
    dropped = frozenset(previous.request.dropped) | {str(s) for s in drop}
    locked = locks_for(previous.plan, (s for s in lock if str(s) not in dropped))
    request = replace(previous.request, locked=locked, dropped=dropped,
                      teams=teams if teams is not None else previous.request.teams)
    return run(dataset, request, on_stage)
