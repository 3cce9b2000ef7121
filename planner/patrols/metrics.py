"""How much a randomised roster protects compared with a fixed one, and what a pin costs.

* Attacker's best-response expected utility: what a network that has watched the
  patrols gets by crossing at the best target-slot. Against a fixed roster it
  knows the guarded cells for sure; against the randomised one only frequencies.
* Predictability: the entropy (bits) of each target-slot's guard/no-guard outcome,
  summed over the week. A fixed roster has 0 bits: everything is known. The sum
  is an upper bound on the entropy of the roster distribution itself.
* Pin cost: the equilibrium is solved again with the pin forced; the increase of
  the attacker's utility is the protection the pin gives away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from planner.patrols.game import Coverage, attacker_best_response, solve_coverage
from planner.patrols.model import SHIFTS, PatrolProblem, Pin, slot_shift


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
    )


@dataclass(frozen=True)
class PinCost:
    """The attacker's best-response utility without and with the pins."""

    attacker_utility_free: float
    attacker_utility_pinned: float

    @property
    def weakening_pct(self) -> float:
        """Percent increase of the attacker's gain caused by the pins (0 = no harm)."""
        if self.attacker_utility_free <= 0:
            return 0.0
        return 100.0 * max(0.0, self.attacker_utility_pinned - self.attacker_utility_free) / self.attacker_utility_free


def pin_cost(problem: PatrolProblem, pins: Sequence[Pin], *, free: Coverage | None = None,
             caught_penalty: float = 0.5) -> PinCost:
    """How much forcing ``pins`` (every week) raises what the attacker can get.

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
    free = free or solve_coverage(problem, caught_penalty=caught_penalty, spread=False)
    pinned = solve_coverage(problem.with_pins(pins), caught_penalty=caught_penalty, spread=False)
    return PinCost(free.attacker_utility, pinned.attacker_utility)
