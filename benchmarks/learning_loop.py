"""Learning from inspection results, over simulated years (run by hand: about 3 minutes on 2 cores).

    python benchmarks/learning_loop.py [--worlds 20] [--years 5] [--seed 0] [--days 3] [--time-limit 0.2]

Each world is a simulated country on Bolivia's 343 real municipalities, read from
``../shared/data/bolivia/municipios/`` (outside the repository; when that folder is
absent the script says so and falls back to the demo's areas). One team per
department office. Every year the same budget (``--days`` working days per team,
day trips) is planned by the REAL planner (:func:`planner.result.plan_inspections`,
greedy reference then PyVRP within ``--time-limit`` seconds) under three policies:

* ``raw``: priority = recorded (labour) cases of the site's municipality;
* ``static``: Vigía without results, today's rule (:func:`planner.priority.sector_area_rule`:
  sector weight x the municipality's labour-case rate);
* ``learning``: Vigía learning from the register and from every earlier year's results,
  exactly as ``vigia plan-inspections --learn`` ranks sites
  (:func:`risk.site_yield.fit_site_yield` with the effort-adjusted yield per inspection of
  :mod:`risk.effort` as the area risk), plus exploration (:func:`planner.explore.explore`,
  share 0.1) so every reachable site keeps a known inspection probability.

A visit finds the victims drawn for that site and year (the same draws for all
policies). An ``oracle`` told every site's true yield is planned too: the ceiling any
policy could reach in these worlds. ``ht_coverage_pct``: each learning year, the
Horvitz-Thompson estimate of the year's total victims over all eligible sites from the
random visits alone, with a 90% interval; the share of world-years whose interval holds
the truth.

The world model, and why (each is a named constant below):

* Recorded cases are DETECTIONS. Per municipality: the victims the ministry's register of
  ``REGISTER_YEARS`` years of inspections found (those visits went to workplaces near an
  office, ``CONVENIENCE_KM``, or followed a complaint, ``COMPLAINT_SHARE``), plus what other
  channels (police, prosecutors, NGOs, hotlines) record: ``REPORT_RATE`` of the victims next
  to a department capital, fading as exp(-km / ``REPORT_KM``), times a lognormal factor for
  the institutions each municipality has. Why: the issue's premise and the US TIP Report
  2020 (Bolivia): the 145 labour inspections of 2019 in the Amazon, northern Santa Cruz and
  the Chaco found no forced-labour victim, while the same reports and the ILO (Bedoya &
  Bedoya, "Enganche y servidumbre por deudas en Bolivia", 2005) document debt bondage in
  those regions' Brazil-nut, sugar-cane and ranching work. Recorded cases come out at about
  10-20% of the true victims, which is kind: prevalence estimates (Walk Free, Global Slavery
  Index) are orders of magnitude above Bolivia's recorded cases.
* The municipality effect on the true yield does not depend on the distance to an office
  (no reason exploitation avoids remote places), and remote workplaces (> ``REMOTE_KM``) are
  extractive more often (``SECTOR_MIX_REMOTE``: the regions named above).
* Workplaces cluster where people live (municipality chosen ~ population^0.8, synthetic
  lognormal populations with the capitals largest), so a municipality holds several listed
  sites and its case count cannot tell them apart; it also counts victims at workplaces
  that are in no register (``UNLISTED_SHARE``: informal work), which no site visit finds.
* Site-level yield is heavy-tailed (Gamma frailty, shape ``FRAILTY_SHAPE``): most
  workplaces have nobody, the top tenth hold about two thirds of the victims, in line with
  violations concentrating in few facilities (Hino et al., Nature Sustainability 2018).
  Sector and municipality explain only part of it; the rest is found by visiting.

What the recorded data show of the truth in world 0 is printed first (share recorded,
remote share of true victims and of recorded cases, rank correlation, concentration).

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
from typing import Any

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
from risk.effort import inspection_effort
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

    print(f"{MUNICIPIOS} is absent (the shared data folder is outside the repository): the demo's areas stand "
          "in for the municipalities, so the figures are not comparable with runs on the real ones")
    demo = build_demo()
    return gpd.GeoDataFrame(demo.areas[["area_id", "admin1", "geometry"]], crs=4326)


def _km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    p1, p2 = np.radians(lat1)[:, None], np.radians(lat2)[None, :]
    dlat, dlon = p2 - p1, np.radians(lon2)[None, :] - np.radians(lon1)[:, None]
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlon / 2) ** 2
    return 6371.0 * 2 * np.arcsin(np.sqrt(np.clip(a, 0, 1))) * DETOUR


#: Years of the ministry's own inspection register before the benchmark's first year (what Vigía finds in the
#: dataset's ``inspections`` layer on day one, and where the recorded cases come from).
REGISTER_YEARS = 3
#: Share of a register year's visits that followed a complaint; the rest went to workplaces near an office.
COMPLAINT_SHARE = 0.3
#: Convenience of a workplace for the register's routine visits: exp(-km to the nearest office / this).
CONVENIENCE_KM = 40.0
#: Other channels (police, prosecutors, NGOs, hotlines): share of an area's victims per year they record
#: next to a department capital, fading with distance: exp(-km / REPORT_KM), times a lognormal(0, 0.5)
#: institutional factor per municipality.
REPORT_RATE, REPORT_KM = 0.15, 60.0
#: Victims per year at workplaces NOT in the site register (informal, unregistered), per municipality, relative
#: to the listed sites' expected total: recorded cases count them, inspections of listed sites never find them.
UNLISTED_SHARE = 1.0
#: Site-level frailty Gamma(shape, 1/shape): most workplaces have nobody, a few have many.
FRAILTY_SHAPE = 0.35
#: Remote: farther than this from every office. Remote workplaces are extractive more often (sector mix below).
REMOTE_KM = 150.0
SECTOR_MIX_NEAR = (0.08, 0.1, 0.2, 0.07, 0.03, 0.25, 0.17, 0.1)
SECTOR_MIX_REMOTE = (0.15, 0.05, 0.35, 0.02, 0.2, 0.1, 0.08, 0.05)


class World:
    """One simulated country on the real municipalities (assumptions with their reasons in the module docstring).

    Truth: every listed workplace has a hidden yield (victims a visit finds, per year: Poisson of sector effect x
    municipality effect x site frailty). Data Vigía sees: the ministry's register of ``REGISTER_YEARS`` years of
    inspections (chosen near offices or after complaints, as before any targeting) and the recorded cases per
    municipality, which are DETECTIONS: the victims those inspections found plus what other channels record,
    which fades with distance to the department capitals.
    """

    def __init__(self, areas: gpd.GeoDataFrame, seed: int, n_sites: int, years: int, register_visits: int,
                 unlisted_share: float = UNLISTED_SHARE) -> None:
        rng = np.random.default_rng(seed)
        self.areas = areas
        n_areas = len(areas)
        points = areas.geometry.representative_point()
        ax, ay = points.x.to_numpy(), points.y.to_numpy()
        # One office per department, in its most central municipality (the capital stands in for it).
        offices = []
        for _, group in areas.groupby("admin1"):
            centre = group.geometry.union_all().centroid
            pts = points.loc[group.index]
            offices.append(int(group.index[np.argmin((pts.x - centre.x) ** 2 + (pts.y - centre.y) ** 2)]))
        self.office_xy = np.array([(ax[i], ay[i]) for i in offices])
        area_to_office = _km(ax, ay, self.office_xy[:, 0], self.office_xy[:, 1]).min(axis=1)
        # Municipal populations span three orders of magnitude; the capitals are the largest.
        population = rng.lognormal(np.log(12_000), 1.0, n_areas)
        population[offices] *= 20
        # Workplaces are where people are: a municipality with probability ~ population^0.8, near its seat.
        weight = population ** 0.8
        where = rng.choice(n_areas, n_sites, p=weight / weight.sum())
        lon = ax[where] + rng.normal(0, 0.05, n_sites)
        lat = ay[where] + rng.normal(0, 0.05, n_sites)
        to_office = _km(lon, lat, self.office_xy[:, 0], self.office_xy[:, 1]).min(axis=1)
        remote = to_office > REMOTE_KM
        sector = np.where(remote, rng.choice(SECTORS, n_sites, p=SECTOR_MIX_REMOTE),
                          rng.choice(SECTORS, n_sites, p=SECTOR_MIX_NEAR))
        # Hidden truth: sector effects only loosely follow the contract's high-risk list; the municipality
        # effect does not depend on the distance to an office (exploitation does not avoid remote places).
        sector_effect = {s: float(rng.lognormal(np.log(0.25 if s in HIGH_RISK_SECTORS else 0.08), 0.6))
                         for s in SECTORS}
        area_effect = rng.lognormal(0.0, 0.8, n_areas)
        frailty = rng.gamma(FRAILTY_SHAPE, 1 / FRAILTY_SHAPE, n_sites)
        self.truth = np.array([sector_effect[s] for s in sector]) * area_effect[where] * frailty
        self.victims = rng.poisson(self.truth[None, :], (years, n_sites))  # what a visit would find, per year
        ids = areas["area_id"].astype(str).to_numpy()
        self.sites = pd.DataFrame({"site_id": [f"S{k:04d}" for k in range(n_sites)], "sector": sector,
                                   "area_id": ids[where], "lon": lon, "lat": lat, "remote": remote})
        self.site_area = pd.Series(ids[where])
        # Other channels record a share of each municipality's victims, fading with distance to a capital.
        listed_mean = np.bincount(where, weights=np.array([sector_effect[s] for s in sector]) * area_effect[where],
                                  minlength=n_areas)
        unlisted = unlisted_share * area_effect * population / population.mean() * listed_mean.sum() / n_areas
        area_truth = np.bincount(where, weights=self.truth, minlength=n_areas) + unlisted
        report = REPORT_RATE * np.exp(-area_to_office / REPORT_KM) * rng.lognormal(0, 0.5, n_areas)
        cases = rng.poisson(REGISTER_YEARS * area_truth * report)
        # The register: routine visits near offices, plus visits after complaints (complaints ~ victims x
        # reporting). What those visits found is recorded as cases too: detections follow inspectors.
        self.history: list[dict] = []
        complaint_weight = self.truth * report[where] + 1e-9
        convenience = np.exp(-to_office / CONVENIENCE_KM) + 1e-9
        for year in range(REGISTER_YEARS):
            n_complaint = int(round(COMPLAINT_SHARE * register_visits))
            by_complaint = rng.choice(n_sites, n_complaint, replace=False, p=complaint_weight / complaint_weight.sum())
            rest = np.setdiff1d(np.arange(n_sites), by_complaint)
            routine = rng.choice(rest, register_visits - n_complaint, replace=False,
                                 p=convenience[rest] / convenience[rest].sum())
            found = rng.poisson(self.truth)
            day = date(2020 - REGISTER_YEARS + year, 3, 2)
            for k, (i, how) in enumerate([(i, "complaint") for i in by_complaint] + [(i, "other") for i in routine]):
                cases[where[i]] += found[i]
                self.history.append(self.visit_row(f"R{year}-{k}", day + timedelta(days=k % 200), int(i),
                                                   int(found[i]), how, None))
        self.cases = pd.Series(cases, index=ids)
        self.area_truth = pd.Series(area_truth, index=ids)
        self.area_remote = pd.Series(area_to_office > REMOTE_KM, index=ids)
        self.area_ids = pd.Index(ids, name="area_id")
        self.dataset = Dataset(layers={
            "areas": gpd.GeoDataFrame({"area_id": ids, "population": population, "admin1": areas["admin1"]},
                                      geometry=areas.geometry, crs=4326),
            "cases": pd.DataFrame({"area_id": ids, "period": "2019", "exploitation": "labour", "cases": cases,
                                   "victims": cases})}, source="simulated")

    def describe(self) -> str:
        """What the recorded data show of the truth: the figures that make the world kind or unkind to raw cases."""
        from scipy.stats import spearmanr

        register = pd.DataFrame(self.history)
        true_remote = float(self.area_truth[self.area_remote].sum() / self.area_truth.sum())
        cases_remote = float(self.cases[self.area_remote].sum() / max(self.cases.sum(), 1))
        rho = float(spearmanr(self.cases, self.area_truth).statistic)
        top = self.truth >= np.quantile(self.truth, 0.9)
        return (f"recorded cases = {self.cases.sum() / (REGISTER_YEARS * self.area_truth.sum()):.0%} of true victims; "
                f"remote municipalities: {true_remote:.0%} of true victims, {cases_remote:.0%} of recorded cases; "
                f"Spearman(cases, true victims) by municipality {rho:.2f}; top 10% of sites hold "
                f"{self.truth[top].sum() / self.truth.sum():.0%} of site victims; register visits finding anyone "
                f"{(register['victims'] > 0).mean():.0%}")

    def visit_row(self, inspection_id: str, day: date, i: int, victims: int, selection: str,
                  probability: float | None) -> dict:
        """One ``inspections`` row for a visit to site ``i``."""
        site = self.sites.iloc[i]
        return {"inspection_id": inspection_id, "date": day.isoformat(), "area_id": site["area_id"],
                "site_id": site["site_id"], "sector": site["sector"], "victims": victims, "selection": selection,
                "selection_probability": probability}

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


def learned_priority(world: World, history: list[dict], year: int, thompson: bool = False,
                     area_risk_from: str = "effort") -> np.ndarray | None:
    """Expected victims per visit from everything recorded before ``year``, as the app's ``--learn`` computes
    it (:func:`risk.site_yield.dataset_site_yield`): the site yield model with each municipality's
    effort-adjusted yield per inspection (:mod:`risk.effort`) as the area risk (``area_risk_from="cases"``: the
    recorded case rate instead, for comparison). None when too little history."""
    frame = pd.DataFrame(history)
    if area_risk_from == "cases":
        population = world.dataset.areas.set_index("area_id")["population"]
        area_risk = world.cases / population.reindex(world.cases.index) * 1e4
    else:
        area_risk = inspection_effort(frame, world.area_ids).table["yield_per_inspection"]
    fitted = fit_site_yield(world.sites[["site_id", "sector", "area_id"]], frame, area_risk,
                            as_of=f"{2020 + year}-01-01")
    if not fitted.fitted:
        return None
    return fitted.draw(seed=year).to_numpy(float) if thompson else fitted.table["expected_victims"].to_numpy(float)


def run_world(world: World, years: int, days: int, time_limit: float, seed: int, share: float = EXPLORE_SHARE,
              thompson: bool = False, area_risk_from: str = "effort") -> dict[str, Any]:
    base = world.problem(days)
    raw_priority = world.site_area.map(world.cases).to_numpy(float) + 0.01
    static_priority = sector_area_rule(world.dataset, world.sites, world.site_area)
    raw_visits = [i for i, _, _ in visited(with_priority(base, raw_priority), time_limit, seed)]
    static_visits = [i for i, _, _ in visited(with_priority(base, static_priority), time_limit, seed)]
    oracle_visits = [i for i, _, _ in visited(with_priority(base, world.truth), time_limit, seed)]
    found = {"raw": 0.0, "static": 0.0, "learning": 0.0, "oracle": 0.0}
    by_year = np.zeros((years, 4))
    covered, tried = 0, 0
    history = list(world.history)
    for year in range(years):
        found["raw"] += float(world.victims[year, raw_visits].sum())
        found["static"] += float(world.victims[year, static_visits].sum())
        found["oracle"] += float(world.victims[year, oracle_visits].sum())
        learned = learned_priority(world, history, year, thompson, area_risk_from)
        priority = static_priority if learned is None else learned
        problem, info = explore(with_priority(base, priority), share, seed=seed * 100 + year)
        plan = visited(problem, time_limit, seed)
        idx = np.array([i for i, _, _ in plan], dtype=int)
        found["learning"] += float(world.victims[year, idx].sum())
        by_year[year] = [world.victims[year, v].sum() for v in (raw_visits, static_visits, idx, oracle_visits)]
        random_idx = np.array([i for i, sel, _ in plan if sel == "random"], dtype=int)
        if len(random_idx) >= 2:
            eligible = world.sites.index[world.sites["site_id"].isin(info.eligible_ids)].to_numpy()
            truth = float(world.victims[year, eligible].sum())
            _, low, high = ht_interval(world.victims[year, random_idx].astype(float), info.eligible)
            tried += 1
            covered += int(low <= truth <= high)
        day = date(2020 + year, 3, 2)
        history.extend(world.visit_row(f"{year}-{k}", day + timedelta(days=k % 200), i, int(world.victims[year, i]),
                                       sel, prob) for k, (i, sel, prob) in enumerate(plan))
    return {**found, "covered": covered, "tried": tried, "visits": len(raw_visits), "by_year": by_year}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worlds", type=int, default=20)
    parser.add_argument("--years", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sites", type=int, default=600)
    parser.add_argument("--register-visits", type=int, default=110,
                        help="visits per year in the ministry's register before the first simulated year "
                             "(default: about what the plans' budget visits)")
    parser.add_argument("--days", type=int, default=3, help="working days per team and year (the budget)")
    parser.add_argument("--time-limit", type=float, default=0.2, help="planner seconds per plan")
    parser.add_argument("--explore", type=float, default=EXPLORE_SHARE,
                        help="exploration share of the learning policy (0: none; then no HT interval)")
    parser.add_argument("--thompson", action="store_true",
                        help="learning ranks by one posterior draw of each site's yield (Thompson sampling) "
                             "instead of the posterior mean that --learn uses")
    parser.add_argument("--unlisted-share", type=float, default=UNLISTED_SHARE,
                        help="victims at workplaces in no register, relative to the listed ones (sensitivity: 0 "
                             "makes recorded cases come only from listed sites)")
    parser.add_argument("--area-risk", choices=("effort", "cases"), default="effort",
                        help="area risk of the learning policy's yield model: the effort-adjusted yield per "
                             "inspection (what --learn uses) or the recorded case rate")
    args = parser.parse_args()
    began = time.perf_counter()
    areas = load_areas()
    print(f"{len(areas)} areas ({'municipalities' if MUNICIPIOS.exists() else 'demo areas'}), {args.sites} sites, "
          f"{args.days} day(s) per team and year, planner limit {args.time_limit:g} s")
    totals = {"raw": 0.0, "static": 0.0, "learning": 0.0, "oracle": 0.0, "covered": 0, "tried": 0}
    by_year = np.zeros((args.years, 4))
    for w in range(args.worlds):
        world = World(areas, args.seed * 1000 + w, args.sites, args.years, args.register_visits, args.unlisted_share)
        if w == 0:
            print(f"world  0 data: {world.describe()}")
        out = run_world(world, args.years, args.days, args.time_limit, args.seed * 1000 + w, args.explore,
                        args.thompson, args.area_risk)
        by_year += out.pop("by_year")
        for key in totals:  # "visits" is printed per world only
            totals[key] += out[key]
        print(f"world {w:2d}: raw {out['raw']:5.0f}  static {out['static']:5.0f}  learning {out['learning']:5.0f}  "
              f"oracle {out['oracle']:5.0f}  visits/year {out['visits']:.0f}  "
              f"HT interval held the truth {out['covered']}/{out['tried']}  ({time.perf_counter() - began:.0f} s)",
              flush=True)
    print("Victims found by year (raw / static / learning / oracle): " + "; ".join(
        f"{y + 1}: " + " / ".join(f"{v:.0f}" for v in row) for y, row in enumerate(by_year)))
    raw, static, learning = totals["raw"], totals["static"], totals["learning"]
    coverage = 100.0 * totals["covered"] / totals["tried"] if totals["tried"] else float("nan")
    print(f"Ceiling: a planner told every site's true yield finds {totals['oracle']:.0f} "
          f"({totals['oracle'] / max(raw, 1):.2f} x raw, {totals['oracle'] / max(static, 1):.2f} x static)")
    print(f"RESULT worlds={args.worlds} years={args.years} victims_raw={raw:.0f} victims_static={static:.0f} "
          f"victims_learning={learning:.0f} ratio_to_raw={learning / max(raw, 1):.3f} "
          f"ratio_to_static={learning / max(static, 1):.3f} ht_coverage_pct={coverage:.1f}")


if __name__ == "__main__":
    main()
