"""Site yield: how likely is the next inspection of a site to find a victim, and how sure are we?

Two levels, both fitted on the ``inspections`` history (one row per visit):

1. A Poisson regression of victims per visit on what is known before the
   visit: the site's sector, its area's risk, its size (workers, where a visit
   recorded them) and the years since the site was last inspected. It gives
   each visit (and each site today) a prior expected yield ``mu``.
2. A Gamma-Poisson frailty per site (empirical Bayes): ``victims ~ Poisson(mu x
   theta)``, ``theta ~ Gamma(alpha, alpha)`` with ``alpha`` estimated from how
   much sites differ beyond their ``mu``. A site's past results move its
   ``theta``: posterior ``Gamma(alpha + victims found, alpha + sum of mu of its
   visits)``. A site visited once and found clean barely moves; one visited
   ten times and always clean moves a lot. The posterior is the uncertainty the
   planner can explore with (Thompson draws, :meth:`SiteYield.draw`).

Below :data:`MIN_RESULTS` visits with a site there is too little history to
learn from, and :attr:`SiteYield.refusal` says so: a stable code with the figures
it names (:class:`YieldRefusal`), which the app and the CLI word in the user's
language; callers then keep today's priority.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geodata.dataset import Dataset

#: Fewer recorded visits to known sites than this and no yield is learned.
MIN_RESULTS = 30

#: Years since the last inspection are capped here (and a never-inspected site counts as this).
MAX_YEARS_SINCE = 5.0

#: A sector needs this many visits to get its own coefficient; rarer ones share "other".
MIN_SECTOR_VISITS = 5

#: Calibration table bins (by predicted probability).
CALIBRATION_BINS = 5

#: Columns of :attr:`SiteYield.table` that leave risk/ for the planner (as data).
YIELD_COLUMNS: tuple[str, ...] = ("p_victim", "expected_victims", "yield_shape", "yield_rate", "yield_mu")


#: Codes of :class:`YieldRefusal` (stable: the app and the CLI word them from these).
FEW_RESULTS = "few_results"  # fields: results (int), needed (int), before (ISO date)
NO_VICTIMS = "no_victims"
NO_LAYER = "no_layer"

_ENGLISH = {
    FEW_RESULTS: "only {results} inspection result(s) at known sites before {before}: at least {needed} are needed "
                 "to learn which sites yield; today's priority is kept",
    NO_VICTIMS: "no inspection in the history found a victim: there is nothing to learn a yield from; today's "
                "priority is kept",
    NO_LAYER: "the dataset has no inspection results (no 'inspections' layer): there is nothing to learn a yield "
              "from; today's priority is kept",
}


@dataclass(frozen=True)
class YieldRefusal:
    """Why no site yield was learned (or used): a stable ``code`` (:data:`FEW_RESULTS`, :data:`NO_VICTIMS`,
    :data:`NO_LAYER`) and the figures it names (numbers as ``int``, dates as ISO text), so each caller
    words it in its user's language; ``str()`` is the plain English sentence (logs, benchmarks)."""

    code: str
    fields: tuple[tuple[str, int | str], ...] = ()

    @property
    def values(self) -> dict[str, int | str]:
        return dict(self.fields)

    def __str__(self) -> str:
        return _ENGLISH[self.code].format(**self.values) if self.code in _ENGLISH else self.code


@dataclass
class SiteYield:
    """Fitted site yield. ``table`` (index site_id): ``p_victim`` (P(at least one victim at the next
    visit)), ``expected_victims``, the posterior Gamma of the site's yield (``yield_shape``,
    ``yield_rate``: yield = ``yield_mu`` x Gamma(shape, rate)), ``visits`` (past). ``refusal`` when
    not fitted."""

    table: pd.DataFrame
    alpha: float = 1.0
    visits: int = 0
    sectors: list[str] = field(default_factory=list)
    refusal: YieldRefusal | None = None

    @property
    def fitted(self) -> bool:
        return self.refusal is None

    @property
    def reason(self) -> str | None:
        """The refusal as a plain English sentence (None when fitted)."""
        return None if self.refusal is None else str(self.refusal)

    def draw(self, seed: int = 0) -> pd.Series:
        """One Thompson draw of every site's expected victims per visit (seeded)."""
        rng = np.random.default_rng(seed)
        theta = rng.gamma(self.table["yield_shape"].to_numpy(), 1.0 / self.table["yield_rate"].to_numpy())
        return pd.Series(theta * self.table["yield_mu"].to_numpy(), index=self.table.index)


def prepared_visits(inspections: pd.DataFrame) -> pd.DataFrame:
    """The inspections as the models read them: dates parsed, victims >= 0, ids as text, sorted by date."""
    out = inspections.copy()
    out["date"] = pd.to_datetime(out["date"].astype(str), errors="coerce")
    out["victims"] = pd.to_numeric(out["victims"], errors="coerce").fillna(0).clip(lower=0)
    out["area_id"] = out["area_id"].astype(str)
    if "site_id" not in out:
        out["site_id"] = None
    out["site_id"] = out["site_id"].where(out["site_id"].notna() & (out["site_id"].astype(str) != ""), None)
    out.loc[out["site_id"].notna(), "site_id"] = out.loc[out["site_id"].notna(), "site_id"].astype(str)
    return out.sort_values("date", kind="stable")


def _years_since_previous(visits: pd.DataFrame) -> np.ndarray:
    """Per visit, years since the same site's previous visit (capped; first or unknown site = cap)."""
    prev = visits.groupby("site_id", dropna=True)["date"].shift(1)
    years = (visits["date"] - prev).dt.days / 365.25
    return years.fillna(MAX_YEARS_SINCE).clip(upper=MAX_YEARS_SINCE).to_numpy(dtype=float)


class _Design:
    """Turns (sector, area risk, workers, years since) into the regression's columns, the same way
    for training visits and for sites today."""

    def __init__(self, sectors: pd.Series, risk: np.ndarray, workers: np.ndarray) -> None:
        counts = sectors.value_counts()
        self.sectors = sorted(str(s) for s in counts[counts >= MIN_SECTOR_VISITS].index)
        self.risk_mean = float(np.nanmean(risk)) if np.isfinite(risk).any() and np.nanmean(risk) > 0 else 1.0
        w = np.log1p(workers[np.isfinite(workers)])
        self.workers_median = float(np.median(w)) if len(w) else 0.0

    def __call__(self, sectors: pd.Series, risk: np.ndarray, workers: np.ndarray, years: np.ndarray) -> np.ndarray:
        cols = [(sectors.astype(str) == s).to_numpy(float) for s in self.sectors]
        r = np.where(np.isfinite(risk), risk, self.risk_mean)
        cols.append(np.log1p(np.clip(r, 0, None) / self.risk_mean))
        known = np.isfinite(workers)
        cols.append(np.where(known, np.log1p(np.where(known, workers, 0.0).clip(0)), self.workers_median))
        cols.append(known.astype(float))
        cols.append(years)
        return np.column_stack(cols)


def _site_frame(sites: pd.DataFrame, visits: pd.DataFrame, area_risk: pd.Series) -> pd.DataFrame:
    """Per site: sector, area (sites' own column or their visits'), area risk, last known workers, last visit."""
    out = pd.DataFrame(index=pd.Index(sites["site_id"].astype(str), name="site_id"))
    out["sector"] = sites["sector"].astype(str).to_numpy() if "sector" in sites else ""
    known = visits[visits["site_id"].notna()]
    own_area = sites["area_id"].astype(str).to_numpy() if "area_id" in sites else None
    visit_area = known.groupby("site_id")["area_id"].last()
    out["area_id"] = own_area if own_area is not None else visit_area.reindex(out.index).to_numpy()
    out["area_risk"] = out["area_id"].map(area_risk).astype(float)
    workers = pd.to_numeric(known.get("workers", pd.Series(np.nan, index=known.index)), errors="coerce")
    out["workers"] = workers.groupby(known["site_id"]).last().reindex(out.index).astype(float)
    out["last_visit"] = known.groupby("site_id")["date"].max().reindex(out.index)
    return out


def frailty_shape(found: np.ndarray, expected: np.ndarray) -> float:
    """Maximum-likelihood ``alpha`` of the Gamma(alpha, alpha) site frailty (negative-binomial marginal).

    Small when sites differ far more than their ``mu`` says, large (up to
    1,000: no site-level differences detected) when they do not.
    """
    from scipy.optimize import minimize_scalar
    from scipy.special import gammaln

    ok = expected > 0
    y, e = found[ok], expected[ok]

    def nll(log_alpha: float) -> float:
        a = float(np.exp(log_alpha))
        return -float(np.sum(gammaln(a + y) - gammaln(a) + a * np.log(a / (a + e)) + y * np.log(e / (a + e))))

    best = minimize_scalar(nll, bounds=(np.log(0.05), np.log(1e3)), method="bounded")
    return float(np.exp(best.x))


def _unfitted(sites: pd.DataFrame, refusal: YieldRefusal, visits: int) -> SiteYield:
    index = pd.Index(sites["site_id"].astype(str), name="site_id")
    table = pd.DataFrame({c: np.nan for c in YIELD_COLUMNS}, index=index)
    table["visits"] = 0
    return SiteYield(table=table, visits=visits, refusal=refusal)


def fit_site_yield(sites: pd.DataFrame, inspections: pd.DataFrame, area_risk: pd.Series | None = None,
                   as_of: pd.Timestamp | str | None = None) -> SiteYield:
    """Fit on the visits before ``as_of`` (default: all) and predict every site's next visit at ``as_of``.

    ``sites``: ``site_id``, ``sector`` and, optionally, ``area_id``;
    ``inspections``: the layer's columns (``date``, ``area_id``, ``site_id``,
    ``victims``, optional ``workers``, ``sector``); ``area_risk``: any
    non-negative per-area risk (index area_id), e.g. the effort-adjusted yield.
    """
    from sklearn.linear_model import PoissonRegressor
    from sklearn.preprocessing import StandardScaler
    from threadpoolctl import threadpool_limits

    visits = prepared_visits(inspections)
    cutoff = pd.Timestamp(as_of) if as_of is not None else visits["date"].max() + pd.Timedelta(days=1)
    visits = visits[visits["date"] < cutoff]
    n_known = int(visits["site_id"].notna().sum())
    if n_known < MIN_RESULTS:
        few = (("results", n_known), ("needed", MIN_RESULTS), ("before", cutoff.date().isoformat()))
        return _unfitted(sites, YieldRefusal(FEW_RESULTS, few), n_known)
    if visits["victims"].sum() <= 0:
        return _unfitted(sites, YieldRefusal(NO_VICTIMS), n_known)
    risk = area_risk if area_risk is not None else pd.Series(dtype=float)
    site_info = _site_frame(sites, visits, risk)
    sector = visits["sector"] if "sector" in visits else pd.Series(None, index=visits.index, dtype=object)
    sector = sector.where(sector.notna(), visits["site_id"].map(site_info["sector"])).fillna("")
    v_risk = visits["area_id"].map(risk).to_numpy(dtype=float)
    v_workers = pd.to_numeric(visits.get("workers", pd.Series(np.nan, index=visits.index)), errors="coerce")
    design = _Design(sector, v_risk, v_workers.to_numpy(dtype=float))
    x = design(sector, v_risk, v_workers.to_numpy(dtype=float), _years_since_previous(visits))
    scaler = StandardScaler().fit(x)
    with threadpool_limits(1):  # as in risk.detection: threads spin-waiting make this small fit ~20x slower
        glm = PoissonRegressor(alpha=1e-2, max_iter=300).fit(scaler.transform(x), visits["victims"].to_numpy(float))
    mu_visit = pd.Series(glm.predict(scaler.transform(x)), index=visits.index)
    known = visits["site_id"].notna()
    found = visits.loc[known, "victims"].groupby(visits.loc[known, "site_id"]).sum()
    expected = mu_visit[known].groupby(visits.loc[known, "site_id"]).sum()
    alpha = frailty_shape(found.to_numpy(float), expected.to_numpy(float))
    since = ((cutoff - site_info["last_visit"]).dt.days / 365.25).fillna(MAX_YEARS_SINCE).clip(upper=MAX_YEARS_SINCE)
    x_site = design(site_info["sector"], site_info["area_risk"].to_numpy(float), site_info["workers"].to_numpy(float),
                    since.to_numpy(float))
    mu = glm.predict(scaler.transform(x_site))
    shape = alpha + found.reindex(site_info.index).fillna(0).to_numpy(float)
    rate = alpha + expected.reindex(site_info.index).fillna(0).to_numpy(float)
    table = pd.DataFrame({"yield_mu": mu, "yield_shape": shape, "yield_rate": rate}, index=site_info.index)
    table["expected_victims"] = mu * shape / rate
    table["p_victim"] = 1.0 - (rate / (rate + mu)) ** shape  # negative-binomial P(X >= 1)
    table["visits"] = visits.loc[known, "site_id"].value_counts().reindex(site_info.index).fillna(0).astype(int)
    return SiteYield(table=table, alpha=alpha, visits=n_known, sectors=design.sectors)


def _weighted_auc(y: np.ndarray, p: np.ndarray, w: np.ndarray) -> float | None:
    from sklearn.metrics import roc_auc_score

    if len(set(y.tolist())) < 2:
        return None
    return round(float(roc_auc_score(y, p, sample_weight=w)), 4)


def calibration_table(p: np.ndarray, y: np.ndarray, bins: int = CALIBRATION_BINS) -> pd.DataFrame:
    """Visits binned by predicted probability (equal counts): visits, mean predicted, share with a victim."""
    order = np.argsort(p, kind="stable")
    groups = np.array_split(order, min(bins, len(p)))
    return pd.DataFrame([{"bin": i + 1, "visits": len(g), "predicted": round(float(p[g].mean()), 4),
                          "observed": round(float(y[g].mean()), 4)} for i, g in enumerate(groups) if len(g)])


def evaluate_yield(sites: pd.DataFrame, inspections: pd.DataFrame, year: int,
                   area_risk: pd.Series | None = None) -> dict[str, object]:
    """Temporal hold-out: fit before ``year``, predict that year's visits to known sites.

    AUC and Brier score of P(at least one victim) on every held-out visit, a
    calibration table, and the same AUC/Brier on the ``random`` visits weighted
    by 1 / ``selection_probability`` (so targeted visits do not flatter the
    model). ``reason`` instead when there is too little history.
    """
    fitted = fit_site_yield(sites, inspections, area_risk, as_of=f"{year}-01-01")
    if not fitted.fitted:
        return {"year": year, "reason": fitted.reason}
    test = prepared_visits(inspections)
    test = test[(test["date"].dt.year == year) & test["site_id"].isin(fitted.table.index)]
    if test.empty:
        return {"year": year, "reason": f"no inspection at a known site in {year} to test on"}
    p = test["site_id"].map(fitted.table["p_victim"]).to_numpy(float)
    y = (test["victims"] > 0).to_numpy(float)
    out: dict[str, object] = {"year": year, "visits": len(test), "auc": _weighted_auc(y, p, np.ones(len(y))),
                              "brier": round(float(np.mean((p - y) ** 2)), 4),
                              "calibration": calibration_table(p, y).to_dict("records")}
    prob = pd.to_numeric(test.get("selection_probability", pd.Series(np.nan, index=test.index)), errors="coerce")
    random = ((test.get("selection", pd.Series("", index=test.index)).astype(str) == "random") & prob.gt(0)).to_numpy()
    out["random_visits"] = int(random.sum())
    if random.any():
        w = 1.0 / prob.to_numpy(float)[random]
        out["auc_weighted"] = _weighted_auc(y[random], p[random], w)
        out["brier_weighted"] = round(float(np.average((p[random] - y[random]) ** 2, weights=w)), 4)
    return out


def _sites_with_area(sites: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """``sites`` with the ``area_id`` of the polygon holding each point (left empty between polygons)."""
    import geopandas as gpd

    out = pd.DataFrame(sites.drop(columns="geometry", errors="ignore")).copy()
    if "area_id" in out or not isinstance(sites, gpd.GeoDataFrame) or not isinstance(areas, gpd.GeoDataFrame):
        return out
    points = gpd.GeoDataFrame({"_row": np.arange(len(sites))}, geometry=sites.geometry.values, crs=sites.crs)
    joined = gpd.sjoin(points, areas[["area_id", "geometry"]].to_crs(sites.crs), how="left", predicate="within")
    found = joined.drop_duplicates("_row").set_index("_row")["area_id"].reindex(np.arange(len(sites)))
    out["area_id"] = found.astype("object").to_numpy()
    return out


def dataset_site_yield(dataset: Dataset) -> SiteYield:
    """The site yield of a dataset: its ``sites`` located in their areas, its ``inspections`` as the
    history, each area's shrunk yield per visit (:mod:`risk.effort`) as the area risk."""
    from risk.effort import inspection_effort

    sites = dataset.get("sites")
    if sites is None or not len(sites):
        sites = pd.DataFrame({"site_id": pd.Series(dtype=str), "sector": pd.Series(dtype=str)})
    inspections = dataset.get("inspections")
    if inspections is None or not len(inspections):
        return _unfitted(sites, YieldRefusal(NO_LAYER), 0)
    located = _sites_with_area(sites, dataset.areas)
    areas = pd.Index(dataset.areas["area_id"].astype(str), name="area_id")
    area_yield = inspection_effort(inspections, areas).table["yield_per_inspection"]
    return fit_site_yield(located, inspections, area_yield)
