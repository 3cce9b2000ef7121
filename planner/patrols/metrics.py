"""How much a randomised roster protects compared with a fixed one, and what a pin costs.

* Attacker's best-response expected utility: what a network that has watched the
  patrols gets by crossing at the best target-slot. Against a fixed roster it
  knows the guarded cells for sure; against the randomised one only frequencies.
* Predictability: the entropy (bits) of each target-slot's guard/no-guard outcome,
  summed over the week. A fixed roster has 0 bits: everything is known. The sum
  is an upper bound on the entropy of the roster distribution itself.
* Watcher's success: a trafficker watches the patrols for :data:`WATCH_WEEKS` weeks,
  then crosses at the most valuable place and shift where they never saw a patrol.
  How often is nobody there? A fixed roster: every time. Drawn rosters: each week is
  drawn independently, so a cell guarded with probability ``c`` looked empty all month
  with ``(1 - c)^W`` and is empty again with ``1 - c``. This is the plain-language
  figure the Border page leads with; the attacker's gain stays for the specialists.
* Pin cost: the equilibrium is solved again with the pin forced; the increase of
  the attacker's utility is the protection the pin gives away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planner.patrols.game import Coverage, attacker_best_response, solve_coverage
from planner.patrols.model import SHIFTS, PatrolProblem, Pin, slot_shift

#: Weeks a trafficker is assumed to watch before crossing ("a month").
WATCH_WEEKS = 4


def watcher_success(risk: np.ndarray, coverage: np.ndarray, weeks: int = WATCH_WEEKS) -> float:
    """Chance (0..1) that a trafficker who watched ``weeks`` weeks meets no patrol where they cross.

    They pick the most valuable target-slot (highest ``risk``) that looked unguarded in
    every watched week; cells are treated as independent of each other (exact for a
    fixed roster, close for drawn ones: a simulation over drawn weeks agrees within a
    point on the demo). No cell looked empty all month: they meet a patrol wherever
    they go, counted as no success.
    """
    flat_risk, flat_c = np.asarray(risk, float).ravel(), np.clip(np.asarray(coverage, float).ravel(), 0, 1)
    order = np.argsort(-flat_risk, kind="stable")
    order = order[flat_risk[order] > 0]
    c = flat_c[order]
    looked_empty = (1.0 - c) ** weeks
    none_better = np.concatenate([[1.0], np.cumprod(1.0 - looked_empty)[:-1]])
    return float((looked_empty * none_better * (1.0 - c)).sum())


def out_of_ten(chance: float) -> int:
    """A chance as "N times out of 10" (rounded)."""
    return int(round(10 * chance))


def coverage_entropy_bits(coverage: np.ndarray) -> float:
    """Sum over target-slots of the binary entropy of being guarded (0 for a fixed roster)."""
    c = np.clip(np.asarray(coverage, float), 0.0, 1.0)
    inner = (c > 1e-9) & (c < 1 - 1e-9)
    q = c[inner]
    return float(max(0.0, -(q * np.log2(q) + (1 - q) * np.log2(1 - q)).sum()))


@dataclass(frozen=True)
class Comparison:
    """Randomised against fixed roster, as the page and the benchmark report it."""

    attacker_utility_fixed: float
    attacker_utility_random: float
    entropy_fixed_bits: float
    entropy_random_bits: float
    predictable_share_random: float
    #: :func:`watcher_success` against the fixed roster and against the randomised coverage.
    watcher_success_fixed: float = 1.0
    watcher_success_random: float = 1.0

    @property
    def reduction_pct(self) -> float:
        """How much lower the attacker's best gain is under randomisation (percent of fixed)."""
        if self.attacker_utility_fixed <= 0:
            return 0.0
        return 100.0 * (self.attacker_utility_fixed - self.attacker_utility_random) / self.attacker_utility_fixed


def compare(problem: PatrolProblem, fixed_coverage: np.ndarray, random_coverage: np.ndarray,
            caught_penalty: float) -> Comparison:
    """Attacker utility and entropy of a fixed roster (0/1 coverage) and of randomised frequencies."""
    known = (random_coverage < 1e-6) | (random_coverage > 1 - 1e-6)
    return Comparison(
        attacker_best_response(problem.risk, fixed_coverage, caught_penalty),
        attacker_best_response(problem.risk, random_coverage, caught_penalty),
        coverage_entropy_bits(fixed_coverage),
        coverage_entropy_bits(random_coverage),
        float(known.mean()),
        watcher_success(problem.risk, fixed_coverage),
        watcher_success(problem.risk, random_coverage),
    )


@dataclass(frozen=True)
class PinCost:
    """The attacker's best-response utility (and the watcher's success) without and with the pins."""

    attacker_utility_free: float
    attacker_utility_pinned: float
    watcher_success_free: float = 1.0
    watcher_success_pinned: float = 1.0

    @property
    def costs_nothing(self) -> bool:
        """True when the pin leaves the attacker's best gain where it was (other shifts make up for it)."""
        return self.weakening_pct < 0.05

    @property
    def weakening_pct(self) -> float:
        """Percent increase of the attacker's gain caused by the pins (0 = no harm)."""
        if self.attacker_utility_free <= 0:
            return 0.0
        return 100.0 * max(0.0, self.attacker_utility_pinned - self.attacker_utility_free) / self.attacker_utility_free


def pin_cost(problem: PatrolProblem, pins: Sequence[Pin], *, free: Coverage | None = None,
             caught_penalty: float = 0.5) -> PinCost:
    """How much forcing ``pins`` (every week) raises what the attacker can get.

    Pass the plan's own coverage as ``free`` so the "before" figures are exactly the
    ones the page's headline shows (both sides are the planned coverage, spread the same way).

    A pin the unit cannot honour (too far from its base, or a shift it does not work)
    raises ``ValueError`` saying which.
    """
    for pin in pins:
        u, t = problem.unit_index(pin.unit_id), problem.target_index(pin.target_id)
        if not problem.reach[u, t, pin.slot]:
            unit = problem.units[u]
            if SHIFTS[slot_shift(pin.slot)] not in unit.shifts:
                why = f"it does not work {SHIFTS[slot_shift(pin.slot)]} shifts"
            else:
                why = (f"{pin.target_id} is {problem.travel_minutes[u, t]:.0f} min from its base "
                       f"(limit {problem.rules.max_travel_minutes:.0f} min)")
            raise ValueError(f"unit {pin.unit_id} cannot be at {pin.target_id} then: {why}")
    free = free or solve_coverage(problem, caught_penalty=caught_penalty)
    pinned = solve_coverage(problem.with_pins(pins), caught_penalty=caught_penalty)
    return PinCost(free.attacker_utility, pinned.attacker_utility,
                   watcher_success(problem.risk, free.probability), watcher_success(problem.risk, pinned.probability))
