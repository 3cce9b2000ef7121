"""Small hand-made patrol problems (no dataset needed) shared by the patrol tests."""

from __future__ import annotations

import numpy as np
import shapely

from planner.patrols.model import N_SLOTS, SHIFTS, PatrolProblem, Rules, Target, Unit


def tiny_problem(risk: np.ndarray, *, units: int = 1, reach: np.ndarray | None = None,
                 rules: Rules | None = None, kinds: tuple[str, ...] | None = None) -> PatrolProblem:
    """``risk`` is ``(targets, 21)``; every unit reaches every target in every slot unless ``reach`` says."""
    n_targets = risk.shape[0]
    kinds = kinds or ("unofficial",) * n_targets
    unit_list = [Unit(f"U{i + 1}", f"Unit {i + 1}", "BASE", -68.0, -17.0, 3, SHIFTS) for i in range(units)]
    targets = [Target(f"T{j + 1}", f"Target {j + 1}", kinds[j], "CHL", float(risk[j].max()), 0.0,
                      (f"T{j + 1}",), shapely.Point(-68.0 + j, -17.0)) for j in range(n_targets)]
    if reach is None:
        reach = np.ones((units, n_targets, N_SLOTS), dtype=bool)
    rules = rules or Rules(max_shifts_per_week=N_SLOTS, min_rest_hours=0, min_official_shifts=0)
    return PatrolProblem(unit_list, targets, rules, np.asarray(risk, float), reach,
                         np.full((units, n_targets), 10.0))
