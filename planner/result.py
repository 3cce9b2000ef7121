"""One call plans inspections and returns everything a page or a file needs, like PyVRP's ``Result``.

:func:`plan_inspections` takes an :class:`~planner.problem.InspectionProblem` and returns a
:class:`PlanResult`: the engine's plan, the greedy baseline it is compared with, the KPIs,
the unplaced sites with reasons, and :meth:`PlanResult.replan`, which keeps the locked
visits on their team, day and start and leaves dropped sites out (listed as unplaced,
reason ``dropped``). :meth:`PlanResult.to_tables` and :meth:`PlanResult.from_tables`
carry a result to storage and back, so a saved plan reopens whole without solving.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from geodata.problems import DataError, Problem
from planner import result_tables
from planner.engines import DEFAULT_ENGINE
from planner.plan import Kpis, Plan, Unplaced, greedy
from planner.problem import InspectionProblem, LockedVisit, Team, check_locked


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


def plan_inspections(problem: InspectionProblem, time_limit: float = 30.0, seed: int = 0,
                     engine: str = DEFAULT_ENGINE, on_stage: Callable[[str], None] | None = None,
                     iterations: int | None = None) -> PlanResult:
    """The greedy baseline, then the engine's best plan within ``time_limit`` seconds, as one result.

    ``on_stage`` hears ``greedy`` and ``solve`` as they start (a page shows progress with it).
    Raises ``DataError`` when the problem's locks name unknown sites, teams or days.
    """
    from planner.engines.inspection import solve

    began = time.perf_counter()
    tell = on_stage or (lambda stage: None)
    check_locked(problem)
    tell("greedy")
    baseline = reference_plan(problem)
    tell("solve")
    plan = solve(problem, time_limit=time_limit, seed=seed, engine=engine, iterations=iterations)
    return PlanResult(problem, plan, baseline, engine, float(time_limit), int(seed), time.perf_counter() - began)


@dataclass(frozen=True, eq=False)
class PlanResult:
    """A finished inspection plan with its baseline and how it was made (engine, limit, seed)."""

    problem: InspectionProblem
    plan: Plan
    baseline: Plan | None
    engine: str
    time_limit: float
    seed: int
    seconds: float

    @property
    def unplaced(self) -> list[Unplaced]:
        """Sites left out, must-visits first, each with its reason (dropped ones included)."""
        return self.plan.unplaced

    def kpis(self, departments: dict[str, str] | None = None) -> Kpis:
        return self.plan.kpis(self.problem, departments)

    def baseline_kpis(self, departments: dict[str, str] | None = None) -> Kpis | None:
        """The greedy plan's KPIs (None when no greedy plan could hold the locks)."""
        return self.baseline.kpis(self.problem, departments) if self.baseline is not None else None

    def locks_for(self, site_ids: Iterable[str]) -> tuple[LockedVisit, ...]:
        """Locked visits for these sites as the plan has them: same team, same day, same start.

        ``DataError`` names the sites this plan does not visit (there is nothing to lock).
        """
        wanted = list(dict.fromkeys(str(s) for s in site_ids))
        visits = {v.site_id: v for v in self.plan.visits}
        absent = [s for s in wanted if s not in visits]
        if absent:
            raise DataError([Problem("locked visits", None, None, None,
                                     f"locked visit {s}: this plan does not visit the site",
                                     "lock only visits of the plan") for s in absent])
        return tuple(LockedVisit(site_id=s, team_id=visits[s].team_id, day=visits[s].day,
                                 start_minute=visits[s].start.hour * 60 + visits[s].start.minute) for s in wanted)

    def replan(self, locks: Iterable[str], drops: Iterable[str] = (), *, teams: Sequence[Team] | None = None,
               on_stage: Callable[[str], None] | None = None) -> PlanResult:
        """Plan again keeping the ``locks``-ed visits where this plan has them, leaving ``drops`` out.

        ``locks`` is the full list (a visit locked before and not listed again is free to
        move); sites dropped before stay dropped. A site both locked and dropped is refused
        (``DataError``), as is a lock on a day its team no longer works when ``teams``
        replaces the teams (e.g. a team lost a day: its available dates changed).
        """
        dropped = tuple(dict.fromkeys([*self.problem.dropped, *(str(s) for s in drops)]))
        wanted = [str(s) for s in locks]
        both = [s for s in dict.fromkeys(wanted) if s in dropped]
        if both:
            raise DataError([Problem("locked visits", None, None, None,
                                     f"locked visit {s}: the site is also dropped",
                                     "either keep the visit (lock) or leave the site out (drop), not both")
                             for s in both])
        problem = self.problem if teams is None else self.problem.with_teams(tuple(teams))
        problem = problem.replace(locked=self.locks_for(wanted), dropped=dropped)
        return plan_inspections(problem, self.time_limit, self.seed, self.engine, on_stage)

    # ------------------------------------------------------------------ storage
    def to_tables(self) -> dict[str, pd.DataFrame]:
        """Every part as a table of plain values (see :mod:`planner.result_tables`)."""
        about = {"engine": self.engine, "time_limit": self.time_limit, "seed": self.seed, "seconds": self.seconds,
                 "plan_engine": self.plan.engine, "plan_seconds": self.plan.seconds,
                 "plan_objective": self.plan.objective, "has_greedy": self.baseline is not None,
                 "greedy_seconds": self.baseline.seconds if self.baseline else 0.0,
                 "greedy_objective": self.baseline.objective if self.baseline else 0.0}
        tables = {**result_tables.problem_tables(self.problem), **result_tables.plan_tables(self.plan),
                  "result": pd.DataFrame([about])}
        if self.baseline is not None:
            tables |= result_tables.plan_tables(self.baseline, "greedy_")
        return tables

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame]) -> PlanResult:
        """The result :meth:`to_tables` wrote; ``ValueError`` when the tables are not one."""
        problem = result_tables.problem_from_tables(tables)
        about = tables["result"].iloc[0]
        plan = result_tables.plan_from_tables(tables, "", str(about["plan_engine"]), float(about["plan_seconds"]),
                                              float(about["plan_objective"]))
        baseline = None
        if bool(about["has_greedy"]):
            baseline = result_tables.plan_from_tables(tables, "greedy_", "greedy", float(about["greedy_seconds"]),
                                                      float(about["greedy_objective"]))
        return cls(problem, plan, baseline, str(about["engine"]), float(about["time_limit"]), int(about["seed"]),
                   float(about["seconds"]))


def is_result(part_names: Iterable[str]) -> bool:
    """Whether stored parts with these names hold a whole result (older saves kept only the plan's tables)."""
    names = set(part_names)
    return {"result", "problem", "travel"} <= names


def day_trip_locks(visits: pd.DataFrame, routes: pd.DataFrame) -> tuple[LockedVisit, ...]:
    """Locks from a plan kept only as tables (visits and routes, as older saves did): the visits of
    day trips (office to office, no overnight) on the same team, day and start. Field trips are left
    free, because the planner chooses their overnight stops itself."""
    def day(value: object) -> date:
        return pd.Timestamp(value).date()  # type: ignore[arg-type]

    def minute(value: object) -> int:
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        return int(stamp.hour * 60 + stamp.minute)

    day_trips = {(str(r.team_id), day(r.day)) for r in routes.itertuples()
                 if not r.overnight and str(r.start_name) == str(r.end_name)}
    return tuple(LockedVisit(site_id=str(row.site_id), team_id=str(row.team_id), day=day(row.day),
                             start_minute=minute(row.start))
                 for row in visits.itertuples() if (str(row.team_id), day(row.day)) in day_trips)
