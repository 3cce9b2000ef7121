"""Routing engines behind one small protocol.

Each engine module offers ``solve_instance(instance, time_limit, seed) -> RoutingSolution``
on the generic :class:`~planner.engines.instance.RoutingInstance`; :func:`solve` turns an
:class:`~planner.problem.InspectionProblem` into one, runs the chosen engine and returns a
:class:`~planner.plan.Plan` (see :mod:`planner.engines.inspection`).
"""

from __future__ import annotations

from types import ModuleType
from typing import Protocol

from planner.engines import ortools_engine, pyvrp_engine
from planner.engines.instance import RoutingInstance, RoutingSolution


class Engine(Protocol):
    def solve_instance(self, instance: RoutingInstance, time_limit: float, seed: int = 0) -> RoutingSolution: ...


#: Engines by name. PyVRP is the default: see ``DEFAULT_ENGINE``.
ENGINES: dict[str, ModuleType] = {"pyvrp": pyvrp_engine, "ortools": ortools_engine}

#: Chosen by measured quality (README, "Inspection routes"): PyVRP is closer to the
#: best-known solutions on VRPTW and TOP and covers more risk on the demo in the same time.
DEFAULT_ENGINE = "pyvrp"
