"""Border-patrol rosters: duty rules, CP-SAT rosters, Stackelberg randomisation.

Problem data -> solve -> result, like PyVRP:

* :mod:`~planner.patrols.model` — units, targets (crossings and border stretches), 21 weekly
  slots, rules, risk per target-slot; :func:`~planner.patrols.model.build_problem`.
* :mod:`~planner.patrols.units` / :mod:`~planner.patrols.scores` / :mod:`~planner.patrols.profile`
  — reading the inputs (units file, ``crossing_scores`` layer, time profile) with clear errors.
* :mod:`~planner.patrols.roster` — CP-SAT: the best fixed roster, rule checking, infeasibility explained.
* :mod:`~planner.patrols.game` — the coverage LP (Stackelberg security game) on GLOP.
* :mod:`~planner.patrols.sampling` — weekly rosters drawn to follow the LP's probabilities.
* :mod:`~planner.patrols.metrics` — attacker utility, entropy, the cost of a pin.
* :mod:`~planner.patrols.plan` — one call for the CLI/app; :mod:`~planner.patrols.exports` — files.

Scores arrive as data (``crossing_id``, ``score``); this package never imports ``risk``.
"""
