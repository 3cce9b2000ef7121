"""One inspection-planning run, as the CLI and the Inspections page both do it.

Orchestration only: take the optional area scores (read through
:func:`geodata.scores_file.read_scores`), build the core's
:class:`~planner.problem.InspectionProblem`, call :func:`planner.result.plan_inspections`
and keep its :class:`~planner.result.PlanResult` with what the outputs need (department
and office names from the dataset). Re-planning is the result's own
:meth:`~planner.result.PlanResult.replan`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd

from geodata.dataset import Dataset
from planner.exports import PlanContext, context_for
from planner.plan import Plan
from planner.problem import InspectionProblem, LockedVisit, Team
from planner.result import PlanResult, plan_inspections
from vigia.yield_refusals import SCORES_GIVEN

if TYPE_CHECKING:
    from risk.site_yield import YieldRefusal


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
    #: Share of the expected visits drawn at random to learn from (:mod:`planner.explore`); 0 = off.
    explore: float = 0.0
    #: A numeric ``sites`` column to use as priority (e.g. :data:`YIELD_COLUMN`), when no scores are given.
    priority_column: str | None = None
    #: Rank sites by the yield learned from the dataset's inspection history (``--learn``), when no scores
    #: are given and the history is enough to learn from (:func:`learning`).
    learn: bool = False


@dataclass
class PlanRun:
    """The planner's result for a request, with the names the exports show (the context)."""

    request: PlanRequest
    result: PlanResult
    context: PlanContext
    #: Why the learned yield was asked for (``learn``) but not used (too little history, no layer...): a code
    #: and its figures, worded by :mod:`vigia.yield_refusals`.
    learn_note: YieldRefusal | None = None

    @property
    def problem(self) -> InspectionProblem:
        return self.result.problem

    @property
    def plan(self) -> Plan:
        return self.result.plan

    @property
    def baseline(self) -> Plan | None:
        return self.result.baseline

    @property
    def seconds(self) -> float:
        return self.result.seconds

    @property
    def priority_rule(self) -> str:
        return self.problem.priority_rule


def build_problem(dataset: Dataset, request: PlanRequest, locked: tuple[LockedVisit, ...] = ()) -> InspectionProblem:
    """The core's problem for this request (raises ``DataError`` on data that cannot be planned)."""
    return InspectionProblem.from_dataset(
        dataset, teams=list(request.teams) if request.teams is not None else None,
        scores=request.scores, start=request.start, days=request.days, locked=locked,
        priority_column=request.priority_column)


#: The sites column :func:`with_site_yield` adds: expected victims per visit, learned from past results.
YIELD_COLUMN = "yield_victims"


def with_site_yield(dataset: Dataset) -> tuple[Dataset, YieldRefusal | None]:
    """The dataset with :data:`YIELD_COLUMN` on its sites (the risk model's site yield, as data), or the
    dataset unchanged and why no yield could be learned (the model's refusal code)."""
    from risk.site_yield import dataset_site_yield

    fitted = dataset_site_yield(dataset)
    if fitted.refusal is not None:
        return dataset, fitted.refusal
    sites = dataset["sites"].copy()
    values = fitted.table["expected_victims"].reindex(sites["site_id"].astype(str))
    sites[YIELD_COLUMN] = values.fillna(float(values.median())).to_numpy()
    return Dataset(layers={**dataset.layers, "sites": sites}, about=dataset.about, source=dataset.source,
                   problems=dataset.problems), None


def learning(dataset: Dataset, request: PlanRequest) -> tuple[Dataset, PlanRequest, YieldRefusal | None]:
    """What ``request.learn`` means for this dataset: with no scores file, the dataset gains the learned
    site yield and the request ranks by it; otherwise both come back unchanged. The third value says why
    when learning was asked for and could not be used (a scores file wins; too little history)."""
    from risk.site_yield import YieldRefusal

    if not request.learn or request.priority_column is not None:
        return dataset, request, None
    if request.scores is not None:
        return dataset, request, YieldRefusal(SCORES_GIVEN)
    learned, why_not = with_site_yield(dataset)
    if why_not:
        return dataset, request, why_not
    return learned, replace(request, priority_column=YIELD_COLUMN), None


def _dataset_label(dataset: Dataset) -> str:
    return str(dataset.about.get("title") or dataset.source or "")


def with_context(request: PlanRequest, result: PlanResult, dataset: Dataset,
                 learn_note: YieldRefusal | None = None) -> PlanRun:
    """A result (fresh, re-planned or reopened) with the dataset's department and office names."""
    context = replace(context_for(result.problem, dataset, result.baseline), dataset=_dataset_label(dataset),
                      scores=request.scores_name)
    return PlanRun(replace(request, engine=result.engine), result, context, learn_note)


def run(dataset: Dataset, request: PlanRequest, on_stage: Callable[[str], None] | None = None,
        locked: tuple[LockedVisit, ...] = ()) -> PlanRun:
    """Problem (with the learned yield when ``request.learn``), then the planner's result. ``on_stage`` hears ``problem``, ``greedy``, ``solve`` as they start."""
    tell = on_stage or (lambda stage: None)
    from planner.explore import explore

    tell("problem")
    dataset, request, learn_note = learning(dataset, request)
    problem, _ = explore(build_problem(dataset, request, locked), request.explore, request.seed)
    result = plan_inspections(problem, request.time_limit, request.seed, request.engine or engine_names()[0], tell)
    return with_context(request, result, dataset, learn_note)


def replan_run(dataset: Dataset, previous: PlanRun, lock: Iterable[str], drop: Iterable[str],
               on_stage: Callable[[str], None] | None = None, teams: tuple[Team, ...] | None = None) -> PlanRun:
    """``previous`` re-planned by the planner (:meth:`~planner.result.PlanResult.replan`), with its context."""
    result = previous.result.replan(lock, drop, teams=teams, on_stage=on_stage)
    request = replace(previous.request, teams=teams if teams is not None else previous.request.teams)
    return with_context(request, result, dataset)
