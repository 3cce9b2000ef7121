"""Learning from inspection results, over simulated years (run by hand, a few minutes on 2 cores).

    python benchmarks/learning_loop.py [--worlds 20] [--years 5] [--seed 0] [--days 3] [--time-limit 0.2]

Each world is a simulated country on Bolivia's real municipalities
(``../shared/data/bolivia/municipios/``; the demo's areas when that folder is
absent): sites in random municipalities with a hidden true yield (victims per
visit = sector effect x area effect x site-level variation), recorded cases per
area that follow the true risk only loosely and are inflated near the labour
offices (where people looked), one team per department office. Every year the
same budget (``--days`` working days per team, day trips) is planned by the REAL
planner (:func:`planner.result.plan_inspections`, greedy reference then PyVRP
within ``--time-limit`` seconds) under three policies:

* ``raw``: priority = recorded cases of the site's area;
* ``static``: Vigía without results, today's rule (:func:`planner.priority.sector_area_rule`:
  sector weight x the area's labour-case rate);
* ``learning``: Vigía learning from every earlier year's results
  (:func:`risk.site_yield.fit_site_yield`: sector, the area's case rate as area
  risk, past results per site), plus exploration (:func:`planner.explore.explore`,
  share 0.1) so every reachable site keeps a known inspection probability.

A visit finds the victims drawn for that site and year (the same draws for all
policies). An ``oracle`` that knows every site's true yield is planned too, as
the ceiling any policy could reach in these worlds. ``ht_coverage_pct``: each learning year, the Horvitz-Thompson
estimate of the year's total victims over all eligible sites (had each been
inspected) from the random visits alone, with a 90% Student-t interval for a
simple random sample; the share of world-years whose interval holds the truth.

Prints one line per world and ends with

    RESULT worlds=N years=Y victims_raw=.. victims_static=.. victims_learning=.. ratio_to_raw=.. ratio_to_static=..
           ht_coverage_pct=..
"""

from __future__ import annotations

import argparse
import math
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy.stats import t as student_t

from geodata.contracts import HIGH_RISK_SECTORS
from geodata.dataset import Dataset
from planner.explore import explore
from planner.priority import sector_area_rule
from planner.problem import InspectionProblem, Site, Team, working_days
from planner.result import plan_inspections
from risk.site_yield import fit_site_yield

MUNICIPIOS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bolivia" / "municipios" / \
    "municipios_bolivia_2024.geojson"
SECTORS = ("mining", "brick-making", "agriculture", "textiles", "logging", "retail", "construction", "transport")
SPEED_KMH, DETOUR = 50.0, 1.3
EXPLORE_SHARE = 0.1


def load_areas() -> gpd.GeoDataFrame:
    """The 343 municipalities (area_id = INE code, admin1 = department), or the demo's areas."""
    if MUNICIPIOS.exists():
        areas = gpd.read_file(MUNICIPIOS).to_crs(4326)
        code = areas["idep"].astype(str) + areas["iprov"].astype(str) + areas["imun"].astype(str)  # INE code
        return gpd.GeoDataFrame({"area_id": code, "admin1": areas["nombre_dep"].astype(str)},
                                geometry=areas.geometry, crs=4326)
    from geodata.demo import build_demo

    demo = build_demo()
    return gpd.GeoDataFrame(demo.areas[["area_id", "admin1", "geometry"]], crs=4326)


def _km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1)[:, None], np.radians(lat2)[None, :]
    dlat, dlon = p2 - p1, np.radians(lon2)[None, :] - np.radians(lon1)[:, None]
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0, 1))) * DETOUR


class World:
    """One simulated country: sites with a hidden yield, biased recorded cases, offices and teams."""

    def __init__(self, areas: gpd.GeoDataFrame, seed: int, n_sites: int, years: int) -> None:
        rng = np.random.default_rng(seed)
        self.areas = areas
        n_areas = len(areas)
        points = areas.geometry.representative_point()
        # One office per department, in its most central municipality.
        offices = []
        for _, group in areas.groupby("admin1"):
            centre = group.geometry.union_all().centroid
            pts = points.loc[group.index]
            offices.append(int(group.index[np.argmin((pts.x - centre.x) ** 2 + (pts.y - centre.y) ** 2)]))
        self.office_xy = np.array([(points.iloc[i].x, points.iloc[i].y) for i in offices])
        # Sites cluster near towns: a municipality at random, a point near its seat.
        where = rng.integers(0, n_areas, n_sites)
        lon = points.x.to_numpy()[where] + rng.normal(0, 0.08, n_sites)
        lat = points.y.to_numpy()[where] + rng.normal(0, 0.08, n_sites)
        sector = rng.choice(SECTORS, n_sites, p=[0.1, 0.1, 0.25, 0.05, 0.05, 0.2, 0.15, 0.1])
        high = np.isin(sector, HIGH_RISK_SECTORS)
        # Hidden truth: sector effects only loosely follow the contract's high-risk list.
        sector_effect = {s: float(rng.lognormal(np.log(0.25 if s in HIGH_RISK_SECTORS else 0.08), 0.6))
                         for s in SECTORS}
        area_effect = rng.lognormal(0.0, 0.7, n_areas)
        frailty = rng.gamma(1.5, 1 / 1.5, n_sites)
        self.truth = np.array([sector_effect[s] for s in sector]) * area_effect[where] * frailty
        self.victims = rng.poisson(self.truth[None, :], (years, n_sites))  # what a visit would find, per year
        # Recorded cases: the area's true risk x detection, detection high near an office.
        ax, ay = points.x.to_numpy(), points.y.to_numpy()
        to_office = _km(ax, ay, self.office_xy[:, 0], self.office_xy[:, 1]).min(axis=1)
        detection = 0.3 + 2.5 * np.exp(-to_office / 60.0)
        population = rng.integers(3_000, 120_000, n_areas).astype(float)
        area_truth = np.bincount(where, weights=self.truth, minlength=n_areas)
        cases = rng.poisson(3.0 * area_truth * detection * rng.lognormal(0, 0.5, n_areas))
        ids = areas["area_id"].astype(str).to_numpy()
        self.site_area = pd.Series(ids[where])
        self.cases = pd.Series(cases, index=ids)
        self.sites = pd.DataFrame({"site_id": [f"S{k:04d}" for k in range(n_sites)], "sector": sector,
                                   "area_id": ids[where], "lon": lon, "lat": lat, "high": high})
        self.dataset = Dataset(layers={
            "areas": gpd.GeoDataFrame({"area_id": ids, "population": population, "admin1": areas["admin1"]},
                                      geometry=areas.geometry, crs=4326),
            "cases": pd.DataFrame({"area_id": ids, "period": "2020", "exploitation": "labour", "cases": cases,
                                   "victims": cases})}, source="simulated")
        self.area_rate = pd.Series(cases / population * 1e4, index=ids)

    def problem(self, days: int) -> InspectionProblem:
        """The planning problem with neutral priorities (policies set them): travel by great circle."""
        xy = np.vstack([self.sites[["lon", "lat"]].to_numpy(), self.office_xy])
        km = _km(xy[:, 0], xy[:, 1], xy[:, 0], xy[:, 1])
        minutes = np.ceil(km / SPEED_KMH * 60).astype(np.int64)
        n = len(self.sites)
        teams = tuple(Team(team_id=f"T{k}", office_id=f"O{k}", name=f"T{k}", lon=float(x), lat=float(y))
                      for k, (x, y) in enumerate(self.office_xy))
        sites = tuple(Site(site_id=str(r["site_id"]), name=str(r["site_id"]), lon=float(r["lon"]),
                           lat=float(r["lat"]), sector=str(r["sector"]), priority=1.0, service_minutes=90,
                           area_id=str(r["area_id"]))
                      for r in self.sites.to_dict("records"))
        start = date(2026, 3, 2)
        return InspectionProblem(teams=teams, sites=sites, start=start, days=working_days(start, days),
                                 minutes=minutes, km=km, team_location=tuple(n + k for k in range(len(teams))))


def with_priority(problem: InspectionProblem, priority: np.ndarray) -> InspectionProblem:
    sites = tuple(replace(s, priority=float(p)) for s, p in zip(problem.sites, priority))
    return problem.replace(sites=sites)


def visited(problem: InspectionProblem, time_limit: float, seed: int) -> list[tuple[int, str, float | None]]:
    """(site index, selection, probability) of every visit the real planner plans."""
    index = {s.site_id: i for i, s in enumerate(problem.sites)}
    result = plan_inspections(problem, time_limit=time_limit, seed=seed)
    return [(index[v.site_id], v.selection, v.selection_probability) for v in result.plan.visits]


def ht_interval(values: np.ndarray, population: int, level: float = 0.9) -> tuple[float, float, float]:
    """Horvitz-Thompson total from a simple random sample, with its Student-t interval.

    Victim counts are overdispersed counts, so the per-site variance is taken as at
    least the mean (Poisson) and, when no random visit found anyone, the upper end is
    the "rule of three" bound (-ln(1 - level) / k victims per site); the lower end never
    goes below what the visits found.
    """
    k = len(values)
    total = population * float(values.mean())
    if k < 2:
        return total, -math.inf, math.inf
    if values.sum() == 0:
        return 0.0, 0.0, population * -math.log(1 - level) / k
    variance = max(float(values.var(ddof=1)), float(values.mean()))
    se = population * math.sqrt((1 - k / population) * variance / k)
    q = float(student_t.ppf(0.5 + level / 2, k - 1))
    return total, max(total - q * se, float(values.sum())), total + q * se


def run_world(world: World, years: int, days: int, time_limit: float, seed: int) -> dict[str, float]:
    base = world.problem(days)
    raw_priority = world.site_area.map(world.cases).to_numpy(float) + 0.01
    static_priority = sector_area_rule(world.dataset, world.sites, world.site_area)
    raw_visits = [i for i, _, _ in visited(with_priority(base, raw_priority), time_limit, seed)]
    static_visits = [i for i, _, _ in visited(with_priority(base, static_priority), time_limit, seed)]
    oracle_visits = [i for i, _, _ in visited(with_priority(base, world.truth), time_limit, seed)]
    found = {"raw": 0.0, "static": 0.0, "learning": 0.0, "oracle": 0.0}
    covered, tried = 0, 0
    history: list[dict] = []
    sites = world.sites[["site_id", "sector", "area_id"]]
    for year in range(years):
        found["raw"] += float(world.victims[year, raw_visits].sum())
        found["static"] += float(world.victims[year, static_visits].sum())
        found["oracle"] += float(world.victims[year, oracle_visits].sum())
        priority = static_priority
        if history:
            fitted = fit_site_yield(sites, pd.DataFrame(history), world.cases,
                                    as_of=f"{2020 + year}-01-01")
            if fitted.fitted:
                priority = fitted.table["expected_victims"].to_numpy(float)
        problem, info = explore(with_priority(base, priority), EXPLORE_SHARE, seed=seed * 100 + year)
        plan = visited(problem, time_limit, seed)
        idx = np.array([i for i, _, _ in plan], dtype=int)
        found["learning"] += float(world.victims[year, idx].sum())
        random_idx = np.array([i for i, sel, _ in plan if sel == "random"], dtype=int)
        if len(random_idx) >= 2:
            eligible = world.sites.index[world.sites["site_id"].isin(info.eligible_ids)].to_numpy()
            truth = float(world.victims[year, eligible].sum())
            _, low, high = ht_interval(world.victims[year, random_idx].astype(float), info.eligible)
            tried += 1
            covered += int(low <= truth <= high)
        day = date(2020 + year, 3, 2)
        for k, (i, sel, prob) in enumerate(plan):
            history.append({"inspection_id": f"{year}-{k}", "date": (day + timedelta(days=k % 200)).isoformat(),
                            "area_id": world.sites["area_id"].iloc[i], "site_id": world.sites["site_id"].iloc[i],
                            "sector": world.sites["sector"].iloc[i], "victims": int(world.victims[year, i]),
                            "selection": sel, "selection_probability": prob})
    return {**found, "covered": covered, "tried": tried}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worlds", type=int, default=20)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sites", type=int, default=400)
    parser.add_argument("--days", type=int, default=3, help="working days per team and year (the budget)")
    parser.add_argument("--time-limit", type=float, default=0.2, help="planner seconds per plan")
    args = parser.parse_args()
    began = time.perf_counter()
    areas = load_areas()
    print(f"{len(areas)} areas ({'municipalities' if MUNICIPIOS.exists() else 'demo areas'}), {args.sites} sites, "
          f"{args.days} day(s) per team and year, planner limit {args.time_limit:g} s")
    totals = {"raw": 0.0, "static": 0.0, "learning": 0.0, "oracle": 0.0, "covered": 0, "tried": 0}
    for w in range(args.worlds):
        world = World(areas, args.seed * 1000 + w, args.sites, args.years)
        out = run_world(world, args.years, args.days, args.time_limit, args.seed * 1000 + w)
        for key in totals:
            totals[key] += out[key]
        print(f"world {w:2d}: raw {out['raw']:5.0f}  static {out['static']:5.0f}  learning {out['learning']:5.0f}  "
              f"oracle {out['oracle']:5.0f}  "
              f"HT interval held the truth {out['covered']}/{out['tried']}  ({time.perf_counter() - began:.0f} s)",
              flush=True)
    raw, static, learning = totals["raw"], totals["static"], totals["learning"]
    coverage = 100.0 * totals["covered"] / totals["tried"] if totals["tried"] else float("nan")
    print(f"Ceiling: a planner told every site's true yield finds {totals['oracle']:.0f} "
          f"({totals['oracle'] / max(raw, 1):.2f} x raw, {totals['oracle'] / max(static, 1):.2f} x static)")
    print(f"RESULT worlds={args.worlds} years={args.years} victims_raw={raw:.0f} victims_static={static:.0f} "
          f"victims_learning={learning:.0f} ratio_to_raw={learning / max(raw, 1):.3f} "
          f"ratio_to_static={learning / max(static, 1):.3f} ht_coverage_pct={coverage:.1f}")


if __name__ == "__main__":
    main()
