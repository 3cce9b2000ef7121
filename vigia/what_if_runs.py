"""One what-if run, as the CLI and the What-if page both do it.

Orchestration only: turn scores into the plain arrays :mod:`planner.coverage` takes
(risk per area or crossing, Monte Carlo draws), build the coverage problem, ask the
question, and check the best options with the real planner on the changed resources
for a short horizon (the inspection planner for offices and teams, the patrol planner
for checkpoints).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from geodata.dataset import Dataset
from planner.coverage.candidates import Candidate, geonames_candidates
from planner.coverage.model import CoverageProblem, Question
from planner.problem import Team
from planner.what_if import Option, WhatIf, what_if, with_planner_check

#: Draws sampled from the scores when the scores file carries none (seeded).
SAMPLED_DRAWS = 200

#: Short horizon for the check by planning: a working week, a few seconds per plan.
CHECK_DAYS = 5
CHECK_SECONDS = 2.0


@dataclass(frozen=True)
class WhatIfScores:
    """Scores as plain arrays: areas (and crossings) with their risk and optional draws (rows = ids)."""

    area_ids: tuple[str, ...]
    area_risk: np.ndarray
    area_draws: np.ndarray | None
    crossing_ids: tuple[str, ...] = ()
    crossing_risk: np.ndarray | None = None
    area_scores: pd.DataFrame | None = None
    note: str = ""
    crossing_draws: np.ndarray | None = None
    crossing_note: str = ""


def sample_draws(indicators: pd.DataFrame, weights: dict[str, float], draws: int = SAMPLED_DRAWS,
                 seed: int = 0) -> np.ndarray:
    """Seeded Monte Carlo draws (areas x draws, 0-100) of the composite, through ``risk``'s own functions.

    The same perturbations as the scores' rank intervals (weights ±50%, normalisation
    and aggregation drawn), applied to the indicator values the scores came from.
    """
    from risk.composite import NORMALISATIONS, normalise, orient
    from risk.indicators import SPECS
    from risk.uncertainty import draw_plan, draw_scores

    used = [n for n in weights if n in indicators.columns and n in SPECS]
    if not used:
        raise ValueError("the scores carry no indicator values matching their weights")
    oriented = orient(indicators[used].to_numpy(dtype=float), np.array([SPECS[n].direction for n in used]))
    normalised = {m: normalise(oriented, m) for m in NORMALISATIONS}
    plan = draw_plan(np.array([float(weights[n]) for n in used]), draws, seed)
    return 100.0 * draw_scores(normalised, plan, np.arange(draws))


def arrays_from(area_scores: pd.DataFrame, crossing_scores: pd.DataFrame | None, indicators: pd.DataFrame,
                weights: dict[str, float], *, draws: pd.DataFrame | None = None,
                crossing_draws: pd.DataFrame | None = None, seed: int = 0) -> WhatIfScores:
    """Scores (tables as ``risk`` writes them) as plain arrays; area draws sampled when none are given.

    Crossing draws are only the scores' own (``crossing_score_draws``): without them the
    checkpoint question's robustness is not assessed.
    """
    ids = tuple(area_scores["area_id"].astype(str))
    if draws is not None:
        matrix: np.ndarray | None = draws.reindex(list(ids)).to_numpy(dtype=float)
        note = f"robustness over the scores' own {draws.shape[1]} draws"
    else:
        try:
            matrix = sample_draws(indicators.reindex(list(ids)), weights, SAMPLED_DRAWS, seed)
            note = f"robustness over {SAMPLED_DRAWS} seeded draws of the scores' weights and methods (seed {seed})"
        except (ValueError, KeyError) as error:
            matrix, note = None, f"no score draws ({error}): robustness not assessed"
    crossing_ids = tuple(crossing_scores["crossing_id"].astype(str)) if crossing_scores is not None else ()
    crossing_matrix, crossing_note = None, ""
    if crossing_ids and crossing_draws is not None and crossing_draws.shape[1]:
        crossing_matrix = crossing_draws.reindex(list(crossing_ids)).to_numpy(dtype=float)
        crossing_note = f"robustness over the scores' own {crossing_draws.shape[1]} crossing draws"
    return WhatIfScores(
        area_ids=ids, area_risk=area_scores["score"].to_numpy(dtype=float), area_draws=matrix,
        crossing_ids=crossing_ids,
        crossing_risk=crossing_scores["score"].to_numpy(dtype=float) if crossing_scores is not None else None,
        area_scores=pd.DataFrame(area_scores.drop(columns="geometry", errors="ignore")), note=note,
        crossing_draws=crossing_matrix, crossing_note=crossing_note)


def coverage_by_point(dataset: Dataset, scores: WhatIfScores, result: WhatIf, rank: int) -> pd.DataFrame:
    """Share of each point's risk covered today and with option ``rank`` (index: area or crossing id).

    Rebuilt from the option's own sites (ids, places, teams), so a reopened scenario maps too.
    """
    from planner.coverage.model import coverage_degree

    option = next(o for o in result.options if o.rank == rank)
    new = [Candidate(c.site_id, c.name, c.lon, c.lat) for c in option.changes if c.new]
    problem = build_problem(dataset, scores, result.target, candidates=new, reach_minutes=result.reach_minutes)
    after = problem.teams.copy()
    for change in option.changes:
        if change.site_id in problem.site_ids:
            after[problem.site_ids.index(change.site_id)] += change.teams
    reach = problem.reach.astype(float)
    return pd.DataFrame({"today": coverage_degree(problem.teams @ reach), "after": coverage_degree(after @ reach)},
                        index=pd.Index(problem.point_ids, name="point_id"))


def today_teams(dataset: Dataset, teams: Sequence[Team] | None = None) -> list[Team]:
    from planner.teams import default_teams

    return list(teams) if teams is not None else default_teams(dataset)


def office_target(dataset: Dataset) -> str:
    """What offices and teams are measured on: the inspection sites when the dataset has them, else the areas."""
    sites = dataset.get("sites")
    return "sites" if sites is not None and len(sites) else "areas"


def candidates_for(dataset: Dataset, teams: Sequence[Team], given: Sequence[Candidate] | None) -> list[Candidate]:
    """The user's candidates, else GeoNames towns away from today's offices."""
    from planner.coverage.build import dataset_bbox

    if given is not None:
        return list(given)
    offices = np.array([(t.lon, t.lat) for t in teams], dtype=float).reshape(-1, 2)
    return geonames_candidates(offices, dataset_bbox(dataset))


def build_problem(dataset: Dataset, scores: WhatIfScores, target: str, *, candidates: Sequence[Candidate] | None,
                  teams: Sequence[Team] | None = None, reach_minutes: float | None = None) -> CoverageProblem:
    """The coverage problem for ``target``: offices and teams over ``areas`` or inspection ``sites``
    (each with its area's risk, as the inspection planner weighs them), or checkpoints over ``crossings``."""
    from planner.coverage.build import OFFICE_REACH_MINUTES, checkpoint_problem, office_problem

    if target == "crossings":
        if scores.crossing_risk is None or not scores.crossing_ids:
            raise ValueError("the scores have no crossing scores")
        return checkpoint_problem(dataset, list(scores.crossing_ids), scores.crossing_risk,
                                  list(candidates) if candidates is not None else None,
                                  draws=scores.crossing_draws, reach_minutes=reach_minutes)
    team_list = today_teams(dataset, teams)
    return office_problem(dataset, list(scores.area_ids), scores.area_risk, candidates_for(dataset, team_list, candidates),
                          draws=scores.area_draws, teams=team_list,
                          reach_minutes=reach_minutes if reach_minutes is not None else OFFICE_REACH_MINUTES,
                          demand="sites" if target == "sites" else "areas")


def changed_teams(teams: Sequence[Team], option: Option) -> list[Team]:
    """Today's teams with an option applied: new teams at its sites, moved-away teams taken off."""
    out = list(teams)
    for change in option.changes:
        if change.teams < 0:
            drop = [t for t in out if t.office_id == change.site_id][change.teams:]
            out = [t for t in out if t not in drop]
    for change in option.changes:
        for k in range(1, change.teams + 1):
            out.append(Team(team_id=f"{change.site_id}-N{k}", office_id=change.site_id,
                            name=f"{change.name} — +{k}", lon=change.lon, lat=change.lat))
    return out


def planner_risk(dataset: Dataset, teams: Sequence[Team], area_scores: pd.DataFrame | None, *,
                 start: date, days: int = CHECK_DAYS, seconds: float = CHECK_SECONDS, seed: int = 0) -> float:
    """Risk the real inspection planner covers with ``teams`` over a short horizon."""
    from vigia import inspection_runs

    request = inspection_runs.PlanRequest(start=start, days=days, time_limit=seconds, seed=seed,
                                          teams=tuple(teams), scores=area_scores)
    run = inspection_runs.run(dataset, request)
    return float(run.plan.kpis(run.problem)["risk_covered"])


def patrol_check(dataset: Dataset, result: WhatIf, scores: WhatIfScores, *, start: date, best: int = 3,
                 seed: int = 0) -> WhatIf:
    """The best ``best`` checkpoint options planned by the patrol planner for the week of ``start``.

    Today's units against today's units plus one unit per new checkpoint
    (:mod:`planner.coverage.patrol_check` says why); the figure is the risk the week's
    roster guards.
    """
    from planner.coverage.patrol_check import iso_week, protected_risk, units_with_checkpoints
    from planner.patrols.roster import RosterInfeasible
    from planner.patrols.units import default_units

    if scores.crossing_risk is None:
        return result
    crossing_scores = pd.DataFrame({"crossing_id": list(scores.crossing_ids), "score": scores.crossing_risk})
    units, week = default_units(dataset), iso_week(start)
    try:
        today = protected_risk(dataset, crossing_scores, units, week=week, seed=seed)
        after = [protected_risk(dataset, crossing_scores,
                                units_with_checkpoints(units, [(c.site_id, c.name, c.lon, c.lat, c.teams)
                                                               for c in option.changes]), week=week, seed=seed)
                 for option in result.options[:best]]
    except RosterInfeasible as error:  # the ranked options stand; only the check cannot be made
        result.notes.append(f"check by the patrol planner not made: {error}")
        return result
    return with_planner_check(result, today, after)


def check_by_planning(dataset: Dataset, result: WhatIf, scores: WhatIfScores, *, start: date,
                      teams: Sequence[Team] | None = None, best: int = 3, days: int = CHECK_DAYS,
                      seconds: float = CHECK_SECONDS, on_step: Callable[[int], None] | None = None) -> WhatIf:
    """The best ``best`` options planned by the real planner against today's resources.

    Offices and teams: the inspection planner over ``days`` days; checkpoints: the patrol
    planner over the week of ``start`` (:func:`patrol_check`).
    """
    if not result.options:
        return result
    if result.target == "crossings":
        return patrol_check(dataset, result, scores, start=start, best=best)
    team_list = today_teams(dataset, teams)
    tell = on_step or (lambda k: None)
    tell(0)
    today = planner_risk(dataset, team_list, scores.area_scores, start=start, days=days, seconds=seconds)
    after = []
    for k, option in enumerate(result.options[:best], start=1):
        tell(k)
        after.append(planner_risk(dataset, changed_teams(team_list, option), scores.area_scores, start=start,
                                  days=days, seconds=seconds))
    return with_planner_check(result, today, after)


def run(dataset: Dataset, scores: WhatIfScores, question: Question, *, target: str = "areas",
        candidates: Sequence[Candidate] | None = None, teams: Sequence[Team] | None = None,
        reach_minutes: float | None = None, time_limit: float = 30.0, draws: int = 30, seed: int = 0,
        check_start: date | None = None, check_days: int = CHECK_DAYS) -> WhatIf:
    """Problem, ranked options with robustness, and (when ``check_start``) the check by planning."""
    began = time.perf_counter()
    problem = build_problem(dataset, scores, target, candidates=candidates, teams=teams, reach_minutes=reach_minutes)
    result = what_if(problem, question, time_limit=time_limit, draws=draws, seed=seed, target=target)
    note = scores.crossing_note if target == "crossings" else scores.note
    if note and result.draws_solved:
        result.notes.append(note)
    if check_start is not None:
        result = check_by_planning(dataset, result, scores, start=check_start, teams=teams, days=check_days)
    result.seconds = time.perf_counter() - began
    return result
