"""The what-if covering model on small maps whose answer a person can check by hand.

Points lie on a line (x in hours of travel); a site reaches the points within the reach.
"""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import numpy as np
import pytest

from planner.coverage.model import CoverageProblem, Question, coverage
from planner.coverage.report import read_report, write_report
from planner.coverage.solve import best_changes
from planner.coverage.uncertainty import across_draws
from planner.what_if import WhatIf, what_if


def line_problem(points: list[tuple[float, float]], sites: list[tuple[str, float, int]], reach: float = 1.5,
                 draws: np.ndarray | None = None, offices: tuple[str, ...] = ()) -> CoverageProblem:
    """Points (x, risk) and sites (name, x, teams today) on a line; sites without teams are candidates
    unless named in ``offices`` (an office without teams today)."""
    px = np.array([p[0] for p in points])
    sx = np.array([s[1] for s in sites])
    minutes = 60 * np.abs(sx[:, None] - px[None, :])
    return CoverageProblem.from_minutes(
        [f"P{i}" for i in range(len(points))], np.array([p[1] for p in points]),
        [s[0] for s in sites], [s[0] for s in sites], np.column_stack([sx, np.zeros(len(sx))]),
        np.array([s[2] for s in sites]), np.array([s[2] > 0 or s[0] in offices for s in sites]), minutes, 60 * reach, draws)


#: One office at x=0 with low-risk towns around it; a high-risk cluster at x=10, far from it.
TOWNS = [(0.0, 1.0), (0.5, 1.0), (1.0, 1.0), (10.0, 8.0), (10.5, 9.0), (9.5, 7.0), (5.0, 1.0)]


def test_coverage_rule_by_hand() -> None:
    reach = np.array([[True, False], [True, True]])
    # point 0: two teams reach it (half, then half of the rest: 3/4); point 1: one team (1/2)
    assert coverage(reach, np.array([1, 1]), np.array([4.0, 2.0])) == pytest.approx(4 * 0.75 + 2 * 0.5)
    assert coverage(reach, np.array([0, 0]), np.array([4.0, 2.0])) == 0.0


def test_picks_the_far_high_risk_cluster() -> None:
    problem = line_problem(TOWNS, [("Office", 0.0, 2), ("Near", 1.0, 0), ("Middle", 5.0, 0), ("Cluster", 10.0, 0)])
    best = best_changes(problem, Question(new_sites=1, teams_per_new_site=1), options=3, time_limit=10)
    assert [problem.site_ids[s] for s in best[0].opened] == ["Cluster"]
    assert best[0].optimal and best[0].gap == 0.0
    # by hand: the cluster (8 + 9 + 7) goes from uncovered to half covered
    assert best[0].covered - problem.today() == pytest.approx(12.0)
    assert [problem.site_ids[s] for c in best for s in c.opened] == ["Cluster", "Middle", "Near"]


def test_unreachable_candidate_gains_nothing() -> None:
    problem = line_problem(TOWNS, [("Office", 0.0, 2), ("Nowhere", 30.0, 0)])
    result = what_if(problem, Question(new_sites=1), draws=0, time_limit=10)
    assert result.options[0].changes[0].site_id == "Nowhere"
    assert result.options[0].gain == 0.0 and result.options[0].covered == pytest.approx(result.covered_today)


def test_a_team_goes_where_nobody_goes() -> None:
    """Diminishing returns: a third team at the busy office (risk 10 around it, already 3/4 covered,
    gains 10 x 1/8) is worth less than a first team at the empty office (risk 3, gains 3 x 1/2)."""
    points = [(0.0, 5.0), (0.5, 5.0), (10.0, 3.0)]
    problem = line_problem(points, [("Busy", 0.0, 2), ("Empty", 10.0, 0)], offices=("Empty",))
    best = best_changes(problem, Question(add_teams=1), time_limit=10)[0]
    assert dict(zip(problem.site_ids, best.delta.tolist())) == {"Busy": 0, "Empty": 1}
    assert best.covered - problem.today() == pytest.approx(1.5)


@pytest.mark.parametrize("seed", range(4))
def test_adding_a_team_never_lowers_coverage(seed: int) -> None:
    rng = np.random.default_rng(seed)
    points = [(float(x), float(r)) for x, r in zip(rng.uniform(0, 12, 25), rng.uniform(0, 10, 25))]
    sites = [(f"S{k}", float(x), int(t)) for k, (x, t) in enumerate(zip(rng.uniform(0, 12, 6), rng.integers(0, 3, 6)))]
    sites[0] = ("S0", sites[0][1], 1)
    problem = line_problem(points, sites, reach=2.0)
    teams = problem.teams.copy()
    for s in range(len(sites)):
        more = teams.copy()
        more[s] += 1
        assert problem.covered(more) >= problem.covered(teams) - 1e-12
    covered = [problem.today()] + [best_changes(problem, Question(add_teams=k), time_limit=10)[0].covered
                                   for k in (1, 2, 3)]
    assert all(b >= a - 1e-9 for a, b in itertools.pairwise(covered))


def _two_clusters(a_wins: int, draws: int = 10) -> CoverageProblem:
    """Cluster A (x=10) and cluster B (x=-10); A is riskier in ``a_wins`` of the draws."""
    points = [(10.0, 5.0), (-10.0, 4.0), (0.0, 1.0)]
    columns = [[6.0, 3.0, 1.0] if d < a_wins else [3.0, 6.0, 1.0] for d in range(draws)]
    return line_problem(points, [("Office", 0.0, 1), ("A", 10.0, 0), ("B", -10.0, 0)],
                        draws=np.array(columns).T)


@pytest.mark.parametrize(("a_wins", "labels"), [(8, ("robust", "fragile")), (2, ("fragile", "robust"))])
def test_fragile_or_robust_follows_the_draws(a_wins: int, labels: tuple[str, str]) -> None:
    problem = _two_clusters(a_wins)
    study = across_draws(problem, Question(new_sites=1, teams_per_new_site=1), draws=10, time_limit=20)
    assert study.draws_solved == 10
    assert study.in_best[1] == pytest.approx(a_wins / 10) and study.in_best[2] == pytest.approx(1 - a_wins / 10)
    result = what_if(problem, Question(new_sites=1, teams_per_new_site=1), draws=10, time_limit=20)
    by_site = {o.changes[0].site_id: o.robustness for o in result.options}
    assert (by_site["A"], by_site["B"]) == labels


def _result() -> WhatIf:
    problem = line_problem(TOWNS, [("Office", 0.0, 2), ("Near", 1.0, 0), ("Middle", 5.0, 0), ("Cluster", 10.0, 0)],
                           draws=np.tile(np.array([p[1] for p in TOWNS])[:, None], (1, 4)))
    return what_if(problem, Question(new_sites=1, teams_per_new_site=1), draws=4, time_limit=10)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson"])
def test_report_round_trips(fmt: str, tmp_path: Path) -> None:
    result = _result()
    frame = result.to_frame()
    assert list(frame["option"]) == ["Cluster (+1)", "Middle (+1)", "Near (+1)"]
    assert frame.loc[0, "lon"] == 10.0 and frame.loc[0, "robustness"] == "robust"
    path = write_report(result, tmp_path / f"report.{fmt}", lang="es")
    back = read_report(path)
    for column in frame.columns:
        mine, theirs = frame[column].tolist(), back[column].tolist()
        if column in ("option", "kind", "site_ids", "sites_lonlat", "teams_added", "site_new", "robustness"):
            assert mine == theirs, column
        else:
            assert np.allclose(np.array(mine, dtype=float), np.array(theirs, dtype=float), equal_nan=True), column


def test_saved_scenario_json_round_trips() -> None:
    result = _result()
    back = WhatIf.from_json(result.to_json())
    assert back.to_frame().equals(result.to_frame())
    assert back.question == result.question and back.options[0].changes == result.options[0].changes
    assert math.isnan(back.options[0].planner_gain_pct)


def test_moving_teams_keeps_their_number_and_never_loses_coverage() -> None:
    """Two teams idle at an office whose towns are already covered go where the risk is."""
    problem = line_problem(TOWNS, [("Office", 0.0, 4), ("Cluster office", 10.0, 1)])
    best = best_changes(problem, Question(move_teams=2), time_limit=10)[0]
    assert best.delta.sum() == 0 and np.abs(best.delta).sum() <= 4
    assert dict(zip(problem.site_ids, best.delta.tolist())) == {"Office": -2, "Cluster office": 2}
    assert best.covered >= problem.today()
