"""Weekly rosters with CP-SAT: the best fixed roster, rule checking, and why a week cannot be planned.

One CP-SAT model (:class:`RosterModel`) holds a Boolean ``x[u, t, s]`` for every
unit ``u`` that may guard target ``t`` in slot ``s`` and the duty rules:

* one place per shift (a unit guards at most one target per slot);
* one unit per target-slot (a second crew there adds nothing to coverage);
* at most ``max_shifts`` shifts per unit per week;
* minimum rest: at most one shift in any ``rules.rest_window`` consecutive slots;
* minimum presence: each official crossing staffed ``rules.min_official_shifts`` times;
* reachability and shift kinds: variables exist only where the unit can be;
* manual pins: ``x = 1``.

Each rule instance is switched on by its own literal, passed to CP-SAT as an
*assumption*. When the week is infeasible CP-SAT returns a subset of those
assumptions that already conflict; a deletion pass shrinks it, and
:class:`RosterInfeasible` says which rules and which units and targets clash.
The sampler (:mod:`planner.patrols.sampling`) reuses the same model with another
objective, so a sampled week obeys exactly the rules the fixed roster obeys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
from ortools.sat.python import cp_model

from planner.patrols.model import DAYS, N_SLOTS, SHIFTS, PatrolProblem, slot_day, slot_shift

#: Risk is scaled by this before rounding to CP-SAT's integer objective.
OBJECTIVE_SCALE = 100


def slot_label(slot: int) -> str:
    return f"{DAYS[slot_day(slot)]} {SHIFTS[slot_shift(slot)]}"


@dataclass(frozen=True)
class Conflict:
    """One rule instance taking part in an infeasible week."""

    rule: str
    message: str
    units: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


class RosterInfeasible(ValueError):
    """No roster satisfies the rules; ``conflicts`` is a small set of rules that clash."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        units = sorted({u for c in conflicts for u in c.units})
        targets = sorted({t for c in conflicts for t in c.targets})
        text = "no weekly roster satisfies these rules together: " + "; ".join(c.message for c in conflicts)
        if units:
            text += f". Units involved: {', '.join(units)}"
        if targets:
            text += f". Targets involved: {', '.join(targets)}"
        super().__init__(text + ". Relax one of these rules, add units, or remove a pin.")


@dataclass
class Roster:
    """One week's assignment: ``assign[u, t, s]`` True when unit ``u`` guards ``t`` in slot ``s``."""

    problem: PatrolProblem
    assign: np.ndarray
    objective: float = 0.0
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def coverage(self) -> np.ndarray:
        """``(targets, slots)`` 0/1: is the target guarded in that slot."""
        return self.assign.any(axis=0).astype(float)

    def assignments(self) -> list[tuple[int, int, int]]:
        """(unit, target, slot) triples in slot, unit order."""
        u, t, s = np.nonzero(self.assign)
        return sorted(zip(u.tolist(), t.tolist(), s.tolist()), key=lambda x: (x[2], x[0]))


class RosterModel:
    """The CP-SAT model of one week's rules, with one assumption literal per rule instance."""

    def __init__(self, problem: PatrolProblem, *, enforce: bool = True):
        self.problem = problem
        self.model = cp_model.CpModel()
        self.x: dict[tuple[int, int, int], cp_model.IntVar] = {}
        self.rule_literals: list[tuple[cp_model.IntVar, Conflict]] = []
        p, m = problem, self.model
        for u, t, s in zip(*np.nonzero(p.reach)):
            self.x[int(u), int(t), int(s)] = m.new_bool_var(f"x_{u}_{t}_{s}")
        by_unit_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        by_cell: dict[tuple[int, int], list[cp_model.IntVar]] = {}
        by_unit: dict[int, list[cp_model.IntVar]] = {}
        for (u, t, s), var in self.x.items():
            by_unit_slot.setdefault((u, s), []).append(var)
            by_cell.setdefault((t, s), []).append(var)
            by_unit.setdefault(u, []).append(var)
        self.covered: dict[tuple[int, int], cp_model.IntVar] = {}
        for (t, s), xs in by_cell.items():
            z = m.new_bool_var(f"z_{t}_{s}")
            self.covered[t, s] = z
            m.add(sum(xs) == z)  # one unit per target-slot; z says whether it is guarded
        for u, unit in enumerate(p.units):
            lit = self._literal("one_place", f"unit {unit.unit_id} can be in one place per shift", units=(unit.unit_id,))
            for s in range(N_SLOTS):
                if by_unit_slot.get((u, s)):
                    m.add(sum(by_unit_slot[u, s]) <= 1).only_enforce_if(lit)
            cap = p.max_shifts(u)
            lit = self._literal("max_shifts", f"unit {unit.unit_id} works at most {cap} shifts a week",
                                units=(unit.unit_id,))
            if by_unit.get(u):
                m.add(sum(by_unit[u]) <= cap).only_enforce_if(lit)
            window = p.rules.rest_window
            if window > 1:
                lit = self._literal("rest", f"unit {unit.unit_id} rests {p.rules.min_rest_hours} h between shifts",
                                    units=(unit.unit_id,))
                for start in range(N_SLOTS - window + 1):
                    xs = [v for s in range(start, start + window) for v in by_unit_slot.get((u, s), [])]
                    if len(xs) > 1:
                        m.add(sum(xs) <= 1).only_enforce_if(lit)
        need = p.rules.min_official_shifts
        if need > 0:
            for t in p.official_targets():
                target = p.targets[t]
                able = sorted({p.units[u].unit_id for u in range(p.n_units) if p.reach[u, t].any()})
                lit = self._literal(
                    "presence",
                    f"official crossing {target.target_id} must be staffed {need} shifts a week "
                    f"(units able to reach it: {', '.join(able) or 'none'})",
                    units=tuple(able), targets=(target.target_id,))
                zs = [self.covered[t, s] for s in range(N_SLOTS) if (t, s) in self.covered]
                if zs:
                    m.add(sum(zs) >= need).only_enforce_if(lit)
                else:
                    m.add_bool_or([~lit])
        for pin in p.pins:
            u, t = p.unit_index(pin.unit_id), p.target_index(pin.target_id)
            why = f"pin: unit {pin.unit_id} at {pin.target_id} on {slot_label(pin.slot)}"
            if (u, t, pin.slot) not in self.x:
                why += self._unreachable_reason(u, t, pin.slot)
            lit = self._literal("pin", why, units=(pin.unit_id,), targets=(pin.target_id,))
            pinned = self.x.get((u, t, pin.slot))
            if pinned is None:
                m.add_bool_or([~lit])
            else:
                m.add_implication(lit, pinned)
        if enforce:
            m.add_assumptions([lit for lit, _ in self.rule_literals])

    def _unreachable_reason(self, u: int, t: int, slot: int) -> str:
        p = self.problem
        unit = p.units[u]
        if SHIFTS[slot_shift(slot)] not in unit.shifts:
            return f", but the unit does not work {SHIFTS[slot_shift(slot)]} shifts"
        return (f", but it is {p.travel_minutes[u, t]:.0f} min from the unit's base "
                f"(limit {p.rules.max_travel_minutes:.0f} min)")

    def _literal(self, rule: str, message: str, *, units: tuple[str, ...] = (),
                 targets: tuple[str, ...] = ()) -> cp_model.IntVar:
        lit = self.model.new_bool_var(f"rule_{len(self.rule_literals)}")
        self.rule_literals.append((lit, Conflict(rule, message, units, targets)))
        return lit

    def set_cell_objective(self, weights: np.ndarray) -> None:
        """Maximise ``sum(weights[t, s] * guarded[t, s])`` (weights already integers)."""
        self.model.maximize(sum(int(weights[t, s]) * z for (t, s), z in self.covered.items()))

    def solve(self, *, seed: int = 0, deterministic_seconds: float = 20.0) -> tuple[Any, cp_model.CpSolver]:
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1  # one worker: same seed, same roster
        solver.parameters.random_seed = int(seed)
        solver.parameters.max_deterministic_time = deterministic_seconds
        # The model is small and re-solved 200 times by the sampler: probing and symmetry
        # detection in presolve cost ~30% of each solve and never changed the optimum here.
        solver.parameters.cp_model_probing_level = 0
        solver.parameters.symmetry_level = 0
        status = solver.solve(self.model)
        return status, solver

    def assignment(self, solver: cp_model.CpSolver) -> np.ndarray:
        p = self.problem
        out = np.zeros((p.n_units, p.n_targets, N_SLOTS), dtype=bool)
        for key, var in self.x.items():
            if solver.boolean_value(var):
                out[key] = True
        return out


def explain_infeasible(problem: PatrolProblem) -> list[Conflict]:
    """A small set of rule instances that cannot hold together ([] when the week is feasible)."""
    model = RosterModel(problem)
    status, solver = model.solve()
    if status != cp_model.INFEASIBLE:
        return []
    literal_index = {lit.index: i for i, (lit, _) in enumerate(model.rule_literals)}
    core = [literal_index[i] for i in solver.sufficient_assumptions_for_infeasibility() if i in literal_index]
    if not core:
        core = list(range(len(model.rule_literals)))
    # Deletion pass: drop each rule whose removal keeps the rest infeasible.
    kept = list(core)
    if len(kept) <= 40:
        for i in list(kept):
            trial = [k for k in kept if k != i]
            probe = RosterModel(problem, enforce=False)
            probe.model.add_assumptions([probe.rule_literals[k][0] for k in trial])
            status, _ = probe.solve(deterministic_seconds=5.0)
            if status == cp_model.INFEASIBLE:
                kept = trial
    return [model.rule_literals[i][1] for i in kept]


def fixed_roster(problem: PatrolProblem, *, seed: int = 0, deterministic_seconds: float = 20.0) -> Roster:
    """The deterministic roster that guards the most risk (sum of risk over guarded target-slots).

    Raises :class:`RosterInfeasible` naming the rules that clash when no roster obeys them all.
    """
    model = RosterModel(problem)
    model.set_cell_objective(np.rint(problem.risk * OBJECTIVE_SCALE))
    status, solver = model.solve(seed=seed, deterministic_seconds=deterministic_seconds)
    if status == cp_model.INFEASIBLE:
        raise RosterInfeasible(explain_infeasible(problem))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        raise RuntimeError(f"CP-SAT found no roster within its time budget (status {solver.status_name(status)})")
    roster = Roster(problem, model.assignment(solver), solver.objective_value / OBJECTIVE_SCALE)
    roster.meta["optimal"] = status == cp_model.OPTIMAL
    return roster


def rule_violations(problem: PatrolProblem, assign: np.ndarray) -> list[str]:
    """Every rule a proposed assignment breaks, in words (empty when it obeys them all).

    Independent of the CP-SAT model on purpose: tests and imported rosters are checked
    against the rules as written, not against the model that produced them.
    """
    p, out = problem, []
    if assign.shape != (p.n_units, p.n_targets, N_SLOTS):
        return [f"assignment has shape {assign.shape}, expected {(p.n_units, p.n_targets, N_SLOTS)}"]
    for u, t, s in zip(*np.nonzero(assign & ~p.reach)):
        out.append(f"unit {p.units[u].unit_id} cannot be at {p.targets[t].target_id} on {slot_label(int(s))}")
    per_slot = assign.sum(axis=1)  # (units, slots)
    for u, s in zip(*np.nonzero(per_slot > 1)):
        out.append(f"unit {p.units[u].unit_id} is in {per_slot[u, s]} places on {slot_label(int(s))}")
    per_cell = assign.sum(axis=0)
    for t, s in zip(*np.nonzero(per_cell > 1)):
        out.append(f"{p.targets[t].target_id} has {per_cell[t, s]} units on {slot_label(int(s))}")
    worked = per_slot > 0
    for u in range(p.n_units):
        if worked[u].sum() > p.max_shifts(u):
            out.append(f"unit {p.units[u].unit_id} works {worked[u].sum()} shifts (max {p.max_shifts(u)})")
        w = p.rules.rest_window
        for start in range(N_SLOTS - w + 1):
            if worked[u, start:start + w].sum() > 1:
                out.append(f"unit {p.units[u].unit_id} rests less than {p.rules.min_rest_hours} h "
                           f"around {slot_label(start)}")
    for t in p.official_targets():
        if (per_cell[t] > 0).sum() < p.rules.min_official_shifts:
            out.append(f"official crossing {p.targets[t].target_id} staffed {(per_cell[t] > 0).sum()} shifts "
                       f"(min {p.rules.min_official_shifts})")
    for pin in p.pins:
        if not assign[p.unit_index(pin.unit_id), p.target_index(pin.target_id), pin.slot]:
            out.append(f"pin {pin.unit_id} at {pin.target_id} on {slot_label(pin.slot)} not honoured")
    return out
