"""Coverage probabilities from a Stackelberg security game, as one linear program on GLOP.

The defender (border police) commits to a *randomised* roster; the attacker (a
smuggling network) watches long enough to learn how often each target is guarded
in each slot, then picks one target-slot to cross. Payoffs come from risk
``r = risk[t, s]``:

=================  ==========  ===========
                   unguarded   guarded
=================  ==========  ===========
attacker           ``+r``      ``-k r``
defender           ``-r``      ``+k r``
=================  ==========  ===========

with ``k = caught_penalty`` (an arrest costs the network ``k`` times what a
crossing earns). The game is zero-sum cell by cell, so the Strong Stackelberg
equilibrium coincides with the minimax strategy (Korzhyk et al., JAIR 2011) and
one LP finds it: minimise the attacker's best-response utility ``v`` subject to
``r (1 - c) - k r c <= v`` for every target-slot. This is the compact (marginal)
formulation of ERASER/ORIGAMI (Kiekintveld et al., AAMAS 2009), extended with the
schedule constraints real units impose: ``c[t, s] = sum_u x[u, t, s]`` over the
units that can reach ``t`` in slot ``s``; each unit is in at most one place per
slot, within its weekly cap and rest window; official crossings keep their
minimum presence (in expectation; every sampled week keeps it exactly); pins are
``x = 1``.

A second LP keeps ``v`` at its optimum and spends spare capacity on risk-weighted
coverage, so units not needed to hold the attacker down still guard something.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import numpy as np
from ortools.linear_solver import pywraplp

from planner.patrols.model import N_SLOTS, PatrolProblem

#: Relative slack on the attacker's utility when the second LP re-optimises coverage.
V_SLACK = 1e-7


@dataclass(frozen=True)
class Coverage:
    """The equilibrium: guard probability per target-slot and per unit, and the game's value.

    ``attacker_utility`` is the attacker's best-response expected utility ``v``;
    ``unit_marginals[u, t, s]`` is how often unit ``u`` should be at ``t`` in slot ``s``.
    """

    probability: np.ndarray
    unit_marginals: np.ndarray
    attacker_utility: float
    caught_penalty: float
    seconds: float


def attacker_utilities(risk: np.ndarray, coverage: np.ndarray, caught_penalty: float) -> np.ndarray:
    """The attacker's expected utility in each target-slot under ``coverage`` (same shape)."""
    return risk * (1.0 - coverage) - caught_penalty * risk * coverage


def attacker_best_response(risk: np.ndarray, coverage: np.ndarray, caught_penalty: float) -> float:
    """What the attacker gets by crossing where and when the expected gain is highest."""
    return float(attacker_utilities(risk, coverage, caught_penalty).max())


def solve_coverage(problem: PatrolProblem, *, caught_penalty: float = 0.5, spread: bool = True) -> Coverage:
    """Equilibrium coverage for ``problem`` (rules and pins included). Raises ``RuntimeError``
    when the rules leave no feasible coverage (the roster's explanation says why)."""
    started = time.perf_counter()
    p = problem
    solver = pywraplp.Solver.CreateSolver("GLOP")
    if solver is None:  # pragma: no cover - GLOP ships with OR-Tools
        raise RuntimeError("OR-Tools GLOP is not available")
    keys = [(int(u), int(t), int(s)) for u, t, s in zip(*np.nonzero(p.reach))]
    pinned = {(p.unit_index(q.unit_id), p.target_index(q.target_id), q.slot) for q in p.pins}
    x = {k: solver.NumVar(1.0 if k in pinned else 0.0, 1.0, "") for k in keys}
    if pinned - set(x):
        raise RuntimeError("a pin puts a unit where it cannot be (see the roster's explanation)")
    by_cell: dict[tuple[int, int], list[pywraplp.Variable]] = {}
    by_unit_slot: dict[tuple[int, int], list[pywraplp.Variable]] = {}
    for (u, t, s), var in x.items():
        by_cell.setdefault((t, s), []).append(var)
        by_unit_slot.setdefault((u, s), []).append(var)
    for xs in by_cell.values():
        solver.Add(solver.Sum(xs) <= 1.0)
    window = p.rules.rest_window
    for u in range(p.n_units):
        slots = [solver.Sum(by_unit_slot[u, s]) if (u, s) in by_unit_slot else None for s in range(N_SLOTS)]
        for expr in slots:
            if expr is not None:
                solver.Add(expr <= 1.0)
        present = [e for e in slots if e is not None]
        if present:
            solver.Add(solver.Sum(present) <= p.max_shifts(u))
        if window > 1:
            for start in range(N_SLOTS - window + 1):
                part = [e for e in slots[start:start + window] if e is not None]
                if len(part) > 1:
                    solver.Add(solver.Sum(part) <= 1.0)
    for t in p.official_targets():
        cells = [v for s in range(N_SLOTS) for v in by_cell.get((t, s), [])]
        if p.rules.min_official_shifts > 0:
            solver.Add(solver.Sum(cells) >= p.rules.min_official_shifts)
    v = solver.NumVar(-solver.infinity(), solver.infinity(), "v")
    k = caught_penalty
    for t in range(p.n_targets):
        for s in range(N_SLOTS):
            r = float(p.risk[t, s])
            cover = solver.Sum(by_cell[t, s]) if (t, s) in by_cell else 0.0
            solver.Add(r - (1.0 + k) * r * cover <= v)
    solver.Minimize(v)
    if solver.Solve() != pywraplp.Solver.OPTIMAL:
        raise RuntimeError("the coverage LP has no solution under these rules")
    best = v.solution_value()
    if spread:
        solver.Add(v <= best + V_SLACK * max(1.0, abs(best)))
        objective = solver.Objective()
        objective.Clear()
        for (_, t, s), var in x.items():
            objective.SetCoefficient(var, float(p.risk[t, s]))
        objective.SetMaximization()
        if solver.Solve() != pywraplp.Solver.OPTIMAL:
            raise RuntimeError("the coverage LP failed when spreading spare capacity")
    marginals = np.zeros((p.n_units, p.n_targets, N_SLOTS))
    for key, var in x.items():
        marginals[key] = var.solution_value()
    marginals = np.clip(marginals, 0.0, 1.0)
    probability = np.clip(marginals.sum(axis=0), 0.0, 1.0)
    return Coverage(probability, marginals, attacker_best_response(p.risk, probability, k), k,
                    time.perf_counter() - started)
