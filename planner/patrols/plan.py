"""One call from inputs to a week's roster, for the CLI, the app and the benchmark.

``plan_week`` builds the fixed roster (needed anyway as the comparison baseline),
solves the game, samples the pool of randomised weeks and picks the calendar
week's member. Callers pass a :class:`~planner.patrols.model.PatrolProblem`;
nothing here reads files.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Literal

from planner.patrols.game import Coverage, solve_coverage
from planner.patrols.metrics import Comparison, compare
from planner.patrols.model import PatrolProblem
from planner.patrols.roster import Roster, fixed_roster, rule_violations
from planner.patrols.sampling import RosterSample, draw_week, sample_rosters

Mode = Literal["fixed", "randomised"]
MODES: tuple[str, ...] = ("fixed", "randomised")

#: Weeks in the randomised pool: 200 keeps every frequency within a few points of its probability.
DEFAULT_POOL = 200
#: Arrest cost to the attacker, as a share of what an unguarded crossing earns it.
DEFAULT_CAUGHT_PENALTY = 0.5


@dataclass
class WeekPlan:
    """The chosen roster plus everything needed to explain it."""

    roster: Roster
    fixed: Roster
    coverage: Coverage
    comparison: Comparison
    sample: RosterSample | None
    #: Sampled weeks that break a rule, checked independently of the model (0 expected).
    weeks_breaking_rules: int
    mode: str
    week: str
    seconds: dict[str, float] = field(default_factory=dict)


def plan_week(problem: PatrolProblem, *, week: str, seed: int = 0, mode: Mode = "randomised",
              pool: int = DEFAULT_POOL, caught_penalty: float = DEFAULT_CAUGHT_PENALTY) -> WeekPlan:
    """The roster for ``week``; same inputs and ``seed`` give the same roster.

    Raises :class:`~planner.patrols.roster.RosterInfeasible` when the rules clash.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    fixed = fixed_roster(problem, seed=seed)
    seconds["roster"] = time.perf_counter() - started
    coverage = solve_coverage(problem, caught_penalty=caught_penalty)
    seconds["lp"] = coverage.seconds
    sample, broken = None, 0
    if mode == "randomised":
        sample = sample_rosters(problem, coverage, n=pool, seed=seed)
        seconds["sampling"] = sample.seconds
        broken = sum(bool(rule_violations(problem, week)) for week in sample.assignments)
        roster = draw_week(sample, week)
    else:
        roster = fixed
    # Against the planned coverage every drawn week follows (the pool's own frequencies stray from it by
    # sample.max_gap, reported separately): the headline then agrees with the pin cost, which is planned too.
    comparison = compare(problem, fixed.coverage, coverage.probability, caught_penalty)
    return WeekPlan(roster, fixed, coverage, comparison, sample, broken, mode, week, seconds)
