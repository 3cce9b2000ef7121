"""The best change of resources, exactly, on OR-Tools (a MIP through ``pywraplp``, SCIP).

Maximal covering with multiple coverage levels (see :mod:`planner.coverage.model`):

* ``o_s`` (binary) opens candidate ``s``; ``sum o = new_sites``;
* ``a_s`` (integer) teams added at site ``s`` (existing, or a candidate that is opened);
  ``sum a = add_teams + sum r``; ``r_s`` (integer) teams moved away from existing site
  ``s``, ``sum r <= move_teams``;
* ``teams_s = today_s + teams_per_new_site * o_s + a_s - r_s``;
* ``y_il`` in [0, 1] is level ``l`` of point ``i``: ``sum_l y_il <= sum_{s reaches i} teams_s``;
* maximise ``sum_i w_i sum_l gain_l y_il`` (gains decrease, so level ``l`` fills before ``l+1``).

Next-best options come from "no-good" cuts on the set of sites that gain something
(binary ``u_s``), so each option puts the resources somewhere else. Every answer
carries the solver's proven bound and the gap to it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np

from planner.coverage.model import CoverageProblem, Question, level_gains

#: MIP backend of ``pywraplp``; SCIP ships inside the ``ortools`` wheel.
BACKEND = "SCIP"


@dataclass(frozen=True)
class Change:
    """One way of placing the resources: teams added (+) or moved away (-) per site."""

    delta: np.ndarray          # (m,) int: change in teams per site
    opened: tuple[int, ...]    # candidate sites opened
    covered: float             # risk covered after the change (coverage rule)
    bound: float               # solver's proven upper bound on the best coverage
    optimal: bool
    seconds: float

    @property
    def gap(self) -> float:
        """Proven relative gap of this option to the best possible (0 when optimal)."""
        if self.optimal:
            return 0.0
        return max(0.0, (self.bound - self.covered) / max(abs(self.covered), 1e-9))

    @property
    def gaining(self) -> tuple[int, ...]:
        """Sites that get an office or teams."""
        return tuple(int(s) for s in np.flatnonzero(self.delta > 0))


def _reach_lists(problem: CoverageProblem) -> list[np.ndarray]:
    return [np.flatnonzero(problem.reach[:, i]) for i in range(len(problem.point_ids))]


def best_changes(problem: CoverageProblem, question: Question, *, options: int = 1, time_limit: float = 30.0,
                 risk: np.ndarray | None = None, gains: np.ndarray | None = None,
                 hint: tuple[int, ...] = ()) -> list[Change]:
    """The best ``options`` changes, best first, each putting the resources at a different set of sites.

    ``risk`` replaces the problem's risk (e.g. one Monte Carlo draw). Fewer options come
    back when no further distinct one exists. ``time_limit`` (seconds) is for all options.
    ``gains`` replaces the coverage gains per level (``[1.0]``: a point is covered or not,
    the classic maximal covering and p-median forms). ``hint``: candidates to open in a known
    good solution, handed to the solver as a starting point.
    """
    from ortools.linear_solver import pywraplp

    w = np.asarray(problem.risk if risk is None else risk, dtype=float)
    m = len(problem.site_ids)
    today = problem.teams.astype(int)
    candidates = set(problem.candidates.tolist()) if question.new_sites else set()
    if question.new_sites > len(candidates):
        raise ValueError(f"{question.new_sites} new site(s) asked but only {len(candidates)} candidate(s)")
    solver = pywraplp.Solver.CreateSolver(BACKEND)
    if solver is None:  # pragma: no cover - the wheel always has SCIP
        raise RuntimeError(f"OR-Tools has no {BACKEND} backend here")
    extra_max = question.add_teams + question.move_teams
    open_var = {s: solver.BoolVar(f"o{s}") for s in sorted(candidates)}
    add = {s: solver.IntVar(0, extra_max, f"a{s}") for s in range(m)
           if extra_max and (problem.existing[s] or s in candidates)}
    removed = {s: solver.IntVar(0, int(today[s]), f"r{s}") for s in range(m)
               if question.move_teams and problem.existing[s] and today[s] > 0}
    gains_site = {s: solver.BoolVar(f"u{s}") for s in set(open_var) | set(add)}
    for s, a in add.items():
        if s in open_var:
            solver.Add(a <= extra_max * open_var[s])
    for s, u in gains_site.items():
        parts = ([open_var[s]] if s in open_var else []) + ([add[s]] if s in add else [])
        solver.Add(u <= sum(parts))  # u = 1 only where something is added ...
        if s in open_var:
            solver.Add(open_var[s] <= u)  # ... and wherever something is
        if s in add:
            solver.Add(add[s] <= extra_max * u)
    if open_var:
        solver.Add(sum(open_var.values()) == question.new_sites)
    if add:
        solver.Add(sum(add.values()) == question.add_teams + sum(removed.values()))
    if removed:
        solver.Add(sum(removed.values()) <= question.move_teams)

    def teams_expr(s: int) -> object:
        terms: list = [int(today[s])]
        if s in open_var:
            terms.append(question.teams_per_new_site * open_var[s])
        if s in add:
            terms.append(add[s])
        if s in removed:
            terms.append(-removed[s])
        return sum(terms)

    gains = level_gains() if gains is None else np.asarray(gains, dtype=float)
    objective = solver.Objective()
    possible_max = today + question.teams_per_new_site * np.isin(np.arange(m), list(candidates)) + extra_max
    per_team = {s: [(open_var[s], -float(question.teams_per_new_site))] if s in open_var else [] for s in range(m)}
    for s, var in add.items():
        per_team[s].append((var, -1.0))
    for s, var in removed.items():
        per_team[s].append((var, 1.0))
    constant = 0.0
    single: dict[int, object] = {}  # point -> its one level variable (gain-1 models), for nested rows
    reach_lists = _reach_lists(problem)
    for i, reachers in enumerate(reach_lists):
        if w[i] <= 0 or reachers.size == 0:
            continue
        top = int(min(len(gains), possible_max[reachers].sum()))
        if all(not per_team[int(s)] for s in reachers):  # nothing here can change: its coverage is a constant
            constant += float(w[i] * gains[: int(min(len(gains), today[reachers].sum()))].sum())
            continue
        parent = int(problem.parent[i]) if problem.parent is not None else -1
        if len(gains) == 1 and parent in single:
            # nested reach: covered_i <= covered_parent + teams in the ring the parent does not reach
            # (valid because a level is at most 1: if the parent's sites hold a team, i is covered too)
            reachers = np.setdiff1d(reachers, reach_lists[parent], assume_unique=True)
        # sum of levels <= teams reaching i  (today's teams are the constant right-hand side)
        row = solver.Constraint(-solver.infinity(), float(today[reachers].sum()))
        if len(gains) == 1 and parent in single:
            row.SetCoefficient(single[parent], -1.0)
        for lv in range(top):
            var = solver.NumVar(0.0, 1.0, "")
            row.SetCoefficient(var, 1.0)
            objective.SetCoefficient(var, float(w[i] * gains[lv]))
            if len(gains) == 1:
                single[i] = var
        for s in reachers:
            for var, coef in per_team[int(s)]:
                row.SetCoefficient(var, coef)
    objective.SetMaximization()
    if hint and open_var:
        chosen_hint = set(hint)
        solver.SetHint(list(open_var.values()), [1.0 if s in chosen_hint else 0.0 for s in open_var])

    found: list[Change] = []
    deadline = time.perf_counter() + time_limit
    while len(found) < options:
        left = deadline - time.perf_counter()
        if left <= 0.05:
            break
        solver.SetTimeLimit(max(1, int(left * 1000)))
        began = time.perf_counter()
        status = solver.Solve()
        if status not in (pywraplp.Solver.OPTIMAL, pywraplp.Solver.FEASIBLE):
            break
        delta = np.zeros(m, dtype=int)
        for s in range(m):
            delta[s] = round(float(_value(teams_expr(s)))) - int(today[s])
        opened = tuple(s for s, v in open_var.items() if v.solution_value() > 0.5)
        after = today + delta
        found.append(Change(delta=delta, opened=opened, covered=problem.covered(after, w),
                            bound=float(objective.BestBound()) + constant, optimal=status == pywraplp.Solver.OPTIMAL,
                            seconds=time.perf_counter() - began))
        chosen = [s for s, u in gains_site.items() if u.solution_value() > 0.5]
        if not gains_site:
            break
        solver.Add(sum(gains_site[s] for s in chosen) - sum(u for s, u in gains_site.items() if s not in chosen)
                   <= len(chosen) - 1)
    return found


def _value(expr: object) -> float:
    """Value of a linear expression (or a plain number) in the last solution."""
    if isinstance(expr, (int, float)):
        return float(expr)
    return float(expr.solution_value())  # type: ignore[attr-defined]
