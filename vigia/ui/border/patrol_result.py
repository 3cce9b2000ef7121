"""What the Border page shows of a roster, made once and kept whole in the workspace.

A :class:`ShownRoster` is the drawn (or fixed) week, the planned coverage, the
comparison with the fixed roster and how the draw was made. It is built from a fresh
:class:`~planner.patrols.plan.WeekPlan` or read back from a saved item's tables;
reopening a saved roster rebuilds only the problem's geometry (no solver, no sampling),
so it shows exactly what it showed when it was made.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planner.patrols.exports import assignment_frame, roster_from_frame
from planner.patrols.metrics import Comparison
from planner.patrols.model import N_SLOTS, PatrolProblem
from planner.patrols.plan import WeekPlan
from planner.patrols.roster import Roster

#: Table names of a saved roster.
PARTS: tuple[str, ...] = ("roster", "coverage", "summary")


@dataclass(frozen=True)
class ShownRoster:
    roster: Roster
    #: Planned coverage per target and slot, ``(targets, slots)``.
    probability: np.ndarray
    comparison: Comparison
    week: str
    mode: str
    seed: int
    pool: int
    #: Largest gap between the drawn weeks' frequencies and the plan (None for a fixed roster).
    gap: float | None
    weeks_breaking_rules: int

    @classmethod
    def from_plan(cls, plan: WeekPlan, pool: int, seed: int) -> ShownRoster:
        gap = None if plan.sample is None else plan.sample.max_gap
        return cls(plan.roster, plan.coverage.probability, plan.comparison, plan.week, plan.mode, seed, pool, gap,
                   plan.weeks_breaking_rules)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The roster (codes), the planned coverage and the figures, as the workspace keeps them."""
        p = self.roster.problem
        coverage = pd.DataFrame({"target_id": np.repeat([x.target_id for x in p.targets], N_SLOTS),
                                 "slot": np.tile(np.arange(N_SLOTS), p.n_targets),
                                 "probability": self.probability.ravel()})
        figures = dataclasses.asdict(self.comparison) | {
            "gap": np.nan if self.gap is None else self.gap, "weeks_breaking_rules": self.weeks_breaking_rules}
        summary = pd.DataFrame({"key": list(figures), "value": [float(v) for v in figures.values()]})
        return {"roster": assignment_frame(self.roster), "coverage": coverage, "summary": summary}

    @classmethod
    def from_tables(cls, problem: PatrolProblem, tables: Mapping[str, pd.DataFrame],
                    params: Mapping[str, object]) -> ShownRoster:
        """Rebuild what was saved on ``problem`` (same units and places as when it was made)."""
        probability = np.zeros((problem.n_targets, N_SLOTS))
        for target_id, slot, value in tables["coverage"][["target_id", "slot", "probability"]].itertuples(index=False):
            probability[problem.target_index(str(target_id)), int(slot)] = float(value)
        figures = dict(zip(tables["summary"]["key"], tables["summary"]["value"].astype(float)))
        comparison = Comparison(**{f.name: figures[f.name] for f in dataclasses.fields(Comparison)})
        gap = figures.get("gap", np.nan)
        return cls(roster_from_frame(problem, tables["roster"]), probability, comparison, str(params["week"]),
                   str(params["mode"]), int(str(params["seed"])), int(str(params["pool"])),
                   None if np.isnan(gap) else float(gap), int(figures.get("weeks_breaking_rules", 0)))
