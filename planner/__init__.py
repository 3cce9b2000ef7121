"""Inspection routing (and, later, border-patrol scheduling). Built on ``geodata``.

Like PyVRP: problem data -> solve -> result.

* ``problem``: :class:`~planner.problem.InspectionProblem` (teams, sites, days, travel) built
  by ``InspectionProblem.from_dataset``; ``teams``: teams files and default teams;
  ``priority``: where priorities come from.
* ``shifts`` / ``trips``: team-days and the field trips with overnight stays.
* ``engines``: the routing core (PyVRP, OR-Tools) and ``engines.inspection.solve(problem,
  time_limit, seed, engine) -> Plan``.
* ``plan``: :class:`~planner.plan.Plan`, KPIs, unplaced reasons and the ``greedy`` baseline.
* ``result``: ``plan_inspections(problem, ...) -> PlanResult``, the one call the app and CLI
  make: plan, greedy baseline, KPIs, unplaced, ``replan(locks, drops)`` and
  ``to_tables``/``from_tables`` (``result_tables``) for storage.

Never imports ``risk``: scores arrive as data (an ``area_scores`` frame).
"""
