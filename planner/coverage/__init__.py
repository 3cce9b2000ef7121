"""Where one more office, team or checkpoint helps most: covering-location models.

* :mod:`planner.coverage.model` — the problem as plain data (risk per demand point,
  Monte Carlo draws, sites with their teams, who reaches whom) and the coverage rule.
* :mod:`planner.coverage.solve` — the exact model on OR-Tools (a MIP through
  ``pywraplp``/SCIP): best change, next-best options, proven gap.
* :mod:`planner.coverage.uncertainty` — the same question solved across draws of the
  scores: how often each site is in the best set (robust or fragile).
* :mod:`planner.coverage.p_median` — the same covering model in its p-median form
  (radius formulation), used by the OR-Library benchmark.
* :mod:`planner.coverage.candidates` — candidate places: GeoNames towns or a user file.

The planner never imports ``risk``: scores arrive as arrays.
"""

from __future__ import annotations

from planner.coverage.model import (
    FRAGILE_SHARE,
    MAX_LEVELS,
    RETURN_PER_TEAM,
    CoverageProblem,
    Question,
    coverage,
    level_gains,
)

__all__ = [
    "FRAGILE_SHARE",
    "MAX_LEVELS",
    "RETURN_PER_TEAM",
    "CoverageProblem",
    "Question",
    "coverage",
    "level_gains",
]
