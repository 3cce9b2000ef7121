"""Concrete weekly rosters whose frequencies follow the LP's coverage probabilities.

The LP gives marginals ``p[t, s]``; police need whole rosters. We draw them one
after another with CP-SAT on the roster model (so every week obeys every rule),
steering each draw towards the cells that are behind schedule: after ``k - 1``
weeks with counts ``n[t, s]``, week ``k`` maximises
``sum (k p[t, s] - n[t, s]) * guarded[t, s]`` (a deterministic rounding in the
spirit of herding / error diffusion) plus a small seeded jitter that breaks ties.
A cell guarded too often is pushed away, one guarded too rarely pulled in, so
after ``K`` weeks every frequency ``n / K`` tracks ``p``; the achieved gap is
reported, never assumed.

Same ``seed``, same pool of weeks. :func:`draw_week` picks one week of the pool
for a calendar week, reproducibly: the attacker cannot predict which one.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

import numpy as np
from ortools.sat.python import cp_model

from planner.patrols.game import Coverage
from planner.patrols.model import PatrolProblem
from planner.patrols.roster import Roster, RosterInfeasible, RosterModel, explain_infeasible

#: Weight units per unit of deficit (CP-SAT objectives are integers).
DEFICIT_SCALE = 1000
#: Largest seeded jitter added to a cell's weight (in the same units): breaks ties only.
JITTER = 20


@dataclass
class RosterSample:
    """A pool of weekly rosters drawn to follow ``coverage``.

    ``assignments[k]`` is week ``k``'s ``(units, targets, slots)`` Boolean array.
    """

    problem: PatrolProblem
    coverage: Coverage
    assignments: list[np.ndarray]
    seed: int
    seconds: float

    @property
    def frequency(self) -> np.ndarray:
        """How often each target-slot is guarded over the pool, ``(targets, slots)``."""
        return np.mean([a.any(axis=0) for a in self.assignments], axis=0)

    @property
    def max_gap(self) -> float:
        """Largest absolute gap between a cell's frequency and its LP probability."""
        return float(np.abs(self.frequency - self.coverage.probability).max())

    def roster(self, k: int) -> Roster:
        return Roster(self.problem, self.assignments[k], meta={"sample": k, "seed": self.seed})


def sample_rosters(problem: PatrolProblem, coverage: Coverage, *, n: int = 200, seed: int = 0,
                   deterministic_seconds: float = 5.0) -> RosterSample:
    """``n`` weekly rosters, each obeying the rules, with frequencies tracking ``coverage``."""
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    target = coverage.probability
    counts = np.zeros_like(target)
    model = RosterModel(problem)
    pool: list[np.ndarray] = []
    for k in range(1, n + 1):
        deficit = k * target - counts
        # -1 keeps cells nobody needs (p = 0, on schedule) out unless a rule forces them in.
        weights = np.rint(deficit * DEFICIT_SCALE) - 1 + rng.integers(0, JITTER, size=target.shape)
        model.set_cell_objective(weights)
        status, solver = model.solve(seed=seed + k, deterministic_seconds=deterministic_seconds)
        if status == cp_model.INFEASIBLE:
            raise RosterInfeasible(explain_infeasible(problem))
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            raise RuntimeError(f"CP-SAT found no week {k} within its time budget")
        week = model.assignment(solver)
        pool.append(week)
        counts += week.any(axis=0)
    return RosterSample(problem, coverage, pool, seed, time.perf_counter() - started)


def week_index(week: str, seed: int, n: int) -> int:
    """Which pool member serves calendar ``week`` (e.g. ``"2026-W23"``), reproducibly."""
    digest = hashlib.sha256(f"{week}|{seed}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % n


def draw_week(sample: RosterSample, week: str) -> Roster:
    """The roster for calendar ``week``: one pool member chosen by a hash of week and seed."""
    k = week_index(week, sample.seed, len(sample.assignments))
    roster = sample.roster(k)
    roster.meta["week"] = week
    return roster
