"""What-if on the demo: one more office, five more teams, and the planner's own check.

    python benchmarks/what_if.py [--seed 0] [--days 5] [--planner-seconds 5] [--time-limit 30]

Builds the demo and its scores, then asks the what-if model (a) where ONE new labour office
(2 teams) and (b) where FIVE more teams among today's offices cover the most risk within a
day's trip. The coverage gains are over today's resources, by the model's coverage rule.

Then the check by planning: the inspection planner (the one the chiefs use) plans a short
horizon with today's teams plus the optimised office and teams, and again with the same
resources placed by the obvious rule (the new office at the highest-scoring municipality
without an office; one team each at the office nearest to each of the five highest-scoring
municipalities). ``planner_check_gain_pct`` is how much more risk the planner's plan covers
with the optimised choice than with the obvious rule.

Last line: ``RESULT offices_gain_pct=... teams_gain_pct=... planner_check_gain_pct=... seconds=...``
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--days", type=int, default=5, help="working days the planner plans (default 5)")
    parser.add_argument("--planner-seconds", type=float, default=5.0, help="engine time per plan (default 5)")
    parser.add_argument("--time-limit", type=float, default=30.0, help="what-if solver seconds (default 30)")
    parser.add_argument("--demand", choices=("areas", "sites"), default="sites",
                        help="demand points of the coverage model (default sites, each with its area's risk)")
    args = parser.parse_args(argv)

    from geodata.demo import build_demo
    from geodata.travel import travel_matrix
    from planner.coverage.build import dataset_bbox
    from planner.coverage.candidates import geonames_candidates
    from planner.coverage.model import Question
    from planner.what_if import Option, SiteChange
    from risk.pipeline import ScoreConfig, score
    from vigia import what_if_runs

    began = time.perf_counter()
    dataset = build_demo(args.seed)
    scores = score(dataset, ScoreConfig(draws=200, permutations=0, seed=args.seed))
    arrays = what_if_runs.arrays_from(scores.area_scores, scores.crossing_scores, scores.indicators,
                                      dict(scores.model.get("weights") or {}), seed=args.seed)
    teams = what_if_runs.today_teams(dataset)
    print(f"Demo (seed {args.seed}): {len(arrays.area_ids)} areas, {len(teams)} teams today")

    office = what_if_runs.run(dataset, arrays, Question(new_sites=1, teams_per_new_site=2),
                              time_limit=args.time_limit, draws=30, seed=args.seed, target=args.demand)
    more = what_if_runs.run(dataset, arrays, Question(add_teams=5), time_limit=args.time_limit, draws=30,
                            seed=args.seed, target=args.demand)
    for title, result in (("One new office (2 teams)", office), ("Five more teams", more)):
        print(f"\n{title}: today {result.covered_today:.1f} of {result.total_risk:.1f} covered")
        for o in result.options:
            print(f"  {o.rank}. {o.label}: {o.covered:.1f} (+{o.gain_pct:.2f}%), in best set "
                  f"{o.in_best_share:.0%} of {result.draws_solved} draws ({o.robustness}), gap {100 * o.gap:.3f}%")

    # the obvious rule: the same resources at the highest-scoring municipalities
    ranked = np.argsort(-arrays.area_risk, kind="stable")
    offices = np.array([(t.lon, t.lat) for t in teams])
    allowed = {(round(c.lon, 4), round(c.lat, 4)) for c in geonames_candidates(offices, dataset_bbox(dataset))}
    points = dataset.areas.set_index(dataset.areas["area_id"].astype(str)).to_crs(4326).geometry.representative_point()
    names = dict(zip(dataset.areas["area_id"].astype(str), dataset.areas["name"].astype(str)))
    place_of = {}
    if "geonameid" in dataset.areas:
        from geodata.demo.places import bolivian_places

        places = bolivian_places().set_index("geonameid")
        for area_id, gid in zip(dataset.areas["area_id"].astype(str), dataset.areas["geonameid"]):
            if gid in places.index:
                place_of[area_id] = (float(places.loc[gid].geometry.x), float(places.loc[gid].geometry.y))
    obvious_office = None
    for i in ranked:
        area = arrays.area_ids[i]
        lon, lat = place_of.get(area, (float(points[area].x), float(points[area].y)))
        if (round(lon, 4), round(lat, 4)) in allowed or area not in place_of:
            obvious_office = SiteChange(f"TOP-{area}", names[area], lon, lat, 2, True)
            break
    assert obvious_office is not None
    top5 = np.array([(points[arrays.area_ids[i]].x, points[arrays.area_ids[i]].y) for i in ranked[:5]])
    office_ids = list(dict.fromkeys(t.office_id for t in teams))
    office_xy = np.array([next((t.lon, t.lat) for t in teams if t.office_id == o) for o in office_ids])
    nearest = np.argmin(travel_matrix(office_xy, top5).minutes, axis=0)
    obvious_teams = [SiteChange(office_ids[k], office_ids[k], float(office_xy[k, 0]), float(office_xy[k, 1]),
                                int((nearest == k).sum()), False) for k in sorted(set(nearest.tolist()))]
    print(f"\nObvious rule: new office at {obvious_office.name}; teams to "
          + ", ".join(f"{c.site_id} (+{c.teams})" for c in obvious_teams))

    def combined(*changes: SiteChange) -> Option:
        return Option(rank=0, kind="office", changes=tuple(changes), covered_today=0.0, covered=0.0, total_risk=0.0,
                      in_best_share=float("nan"), robustness="not_assessed", gap=0.0)

    best_office, best_teams = office.options[0], more.options[0]
    optimised = combined(*best_office.changes, *best_teams.changes)
    obvious = combined(obvious_office, *obvious_teams)
    start = date(2026, 12, 7)
    plan = {}
    for label, option in (("today", None), ("optimised", optimised), ("obvious", obvious)):
        chosen = teams if option is None else what_if_runs.changed_teams(teams, option)
        plan[label] = what_if_runs.planner_risk(dataset, chosen, arrays.area_scores, start=start, days=args.days,
                                                seconds=args.planner_seconds, seed=args.seed)
        print(f"Planner, {args.days} days, {len(chosen)} teams, {label}: risk covered {plan[label]:.1f}")
    planner_gain = 100.0 * (plan["optimised"] - plan["obvious"]) / plan["obvious"]
    seconds = time.perf_counter() - began
    print(f"RESULT offices_gain_pct={best_office.gain_pct:.2f} teams_gain_pct={best_teams.gain_pct:.2f} "
          f"planner_check_gain_pct={planner_gain:.2f} seconds={seconds:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
