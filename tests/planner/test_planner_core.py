"""The routing core both engines share, on instances whose answer is known, and on Solomon/TOP files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from planner.engines import ENGINES
from planner.engines.formats import read_top, read_vrptw, top_instance
from planner.engines.instance import RoutingInstance, RoutingSolution, VehicleGroup, check_solution


def _line_instance() -> RoutingInstance:
    """Depot at 0, clients at 10, 20, 30 on a line; windows force the order 30, 20, 10 for one vehicle."""
    xs = np.array([0, 10, 20, 30])
    d = np.abs(xs[:, None] - xs[None, :]).astype(np.int64)
    return RoutingInstance(
        distance=d, duration=d, depot_location=np.array([0]), client_location=np.array([1, 2, 3]),
        service=np.array([5, 5, 5]), tw_early=np.array([60, 40, 0]), tw_late=np.array([70, 50, 35]),
        vehicles=(VehicleGroup(0, 0, 1, 0, 200),),
    )


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_engines_find_the_only_feasible_order(engine: str) -> None:
    inst = _line_instance()
    sol = ENGINES[engine].solve_instance(inst, 0.5, 0)
    assert sol.feasible and check_solution(inst, sol) == []
    assert [r for r in sol.routes[0] if r] == [[2, 1, 0]]


def test_the_checker_catches_broken_windows_and_repeats() -> None:
    inst = _line_instance()
    bad = RoutingSolution([[[0, 1, 2]]], True, 0.0, "hand")
    assert any("window" in e for e in check_solution(inst, bad))
    twice = RoutingSolution([[[2, 1, 0, 0]]], True, 0.0, "hand")
    assert any("served 2 times" in e for e in check_solution(inst, twice))


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_prize_collecting_respects_max_distance(engine: str) -> None:
    """Orienteering on a line: only 20 units of distance, so the rich client at 10 is taken, not the one at 30."""
    xs = np.array([0, 10, 30, 0])
    d = np.abs(xs[:, None] - xs[None, :]).astype(np.int64)
    inst = RoutingInstance(
        distance=d, duration=d, depot_location=np.array([0, 3]), client_location=np.array([1, 2]),
        service=np.zeros(2, dtype=np.int64), tw_early=np.zeros(2, dtype=np.int64), tw_late=np.full(2, 1000),
        vehicles=(VehicleGroup(0, 1, 1, 0, 1000, max_distance=20),), prize=np.array([50, 100]) * 1000,
        required=np.zeros(2, dtype=bool))
    sol = ENGINES[engine].solve_instance(inst, 0.5, 0)
    assert check_solution(inst, sol) == [] and sol.served() == {0}


def test_solomon_and_top_files_read_and_solve_feasibly(shared_dir: Path) -> None:
    inst = read_vrptw(shared_dir / "benchmarks" / "solomon" / "C101.vrp")
    assert inst.num_clients == 100 and inst.vehicles[0].count == 25 and inst.vehicles[0].capacity == 200
    sol = ENGINES["pyvrp"].solve_instance(inst, 1.0, 0)
    assert check_solution(inst, sol) == []
    top = read_top(shared_dir / "benchmarks" / "top_chao" / "p1.2.b.txt")
    t_inst = top_instance(top)
    t_sol = ENGINES["pyvrp"].solve_instance(t_inst, 0.5, 0)
    routes = [r for g in t_sol.routes for r in g if r]
    assert all(top.exact_length(r) <= top.tmax + 1e-9 for r in routes)
    assert sum(int(top.score[c + 1]) for r in routes for c in r) == 15  # the best-known score
