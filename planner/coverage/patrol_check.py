"""Check by planning for checkpoints: the real patrol planner's week with today's units and with the change.

**How a checkpoint changes the patrol problem.** A new checkpoint is one more patrol
unit (:class:`planner.patrols.model.Unit`) based at the checkpoint, exactly what the
coverage model counts (``teams_per_new_site=1``: a checkpoint holds one unit). The
unit obeys the same duty rules as every other unit (at most
``Rules.max_shifts_per_week`` shifts, the rest between shifts, every shift kind) and
reaches the targets within ``Rules.max_travel_minutes`` of its base, so it guards its
own crossing and the stretches and crossings near it. A post staffed every one of the
21 shifts would need four or five crews; that is a different question (more units at
one base), which ``--add-checkpoints`` with a larger team count could ask.

**Measure.** The protected risk of the week's best fixed roster from
:func:`planner.patrols.plan.plan_week`: the risk summed over the target-slots it
guards (the roster's own objective, CP-SAT, optimal on a country's border within a
second). A unit added can only leave that optimum equal or higher, so the figure
shows how much of the coverage model's gain the roster can actually turn into
guarded shifts under the duty rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

import pandas as pd

from geodata.dataset import Dataset
from planner.patrols.model import Unit, build_problem
from planner.patrols.plan import plan_week


def iso_week(day: date) -> str:
    """``2026-W23``: the ISO week holding ``day`` (what the patrol planner plans)."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def units_with_checkpoints(units: Sequence[Unit], sites: Iterable[tuple[str, str, float, float, int]]) -> list[Unit]:
    """``units`` plus ``count`` new units at each ``(site_id, name, lon, lat, count)`` (count <= 0 adds none)."""
    out = list(units)
    for site_id, name, lon, lat, count in sites:
        for k in range(1, count + 1):
            out.append(Unit(unit_id=f"{site_id}-P{k}", name=f"{name} — +{k}", base_id=site_id,
                            lon=float(lon), lat=float(lat)))
    return out


def protected_risk(dataset: Dataset, crossing_scores: pd.DataFrame, units: Sequence[Unit], *, week: str,
                   seed: int = 0) -> float:
    """Risk guarded by the patrol planner's best fixed roster for ``week`` (see the module docstring)."""
    problem = build_problem(dataset, crossing_scores, units)
    plan = plan_week(problem, week=week, seed=seed, mode="fixed")
    return float(plan.fixed.objective)


__all__ = ["iso_week", "protected_risk", "units_with_checkpoints"]
