"""Border-crossing scores: where should border police look first?

Each crossing is scored like an area, with the same normalisation, weighting,
contributions and Monte Carlo rank uncertainty, from six indicators:

* ``flow_volume`` — yearly entries (more people, more cover for traffickers);
* ``irregular_share`` — irregular entries as a share of all entries detected;
* ``flow_trend`` — growth of the flow per year (a new route shows here first);
* ``third_country_share`` — entries by nationals of neither Bolivia nor the
  neighbour (e.g. Venezuelans transiting, IOM DTM);
* ``area_risk`` — the risk score of the areas around the crossing, weighted by
  travel-time decay;
* ``nearby_cases`` — recorded cases per year in the areas around it, same decay.

A crossing without migration rows is scored on what it has (the composite
re-normalises weights over available indicators) and the gap is named.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.contracts import NATIONALITY_PREFIX
from geodata.dataset import Dataset
from risk.composite import NORMALISATIONS, aggregate, contributions, normalise, orient, point_ranks
from risk.indicators import IndicatorSpec, years_covered
from risk.uncertainty import draw_plan, draw_scores, rank_uncertainty, score_sample

#: The indicators of a crossing and their weights (equal-ish; context and irregularity first).
CROSSING_SPECS: dict[str, IndicatorSpec] = {
    s.name: s for s in (
        IndicatorSpec("flow_volume", "entries per year", "flow", +1, "entries per year", ("migration",),
                      "Mean yearly entries recorded at the crossing."),
        IndicatorSpec("irregular_share", "irregular share", "irregular", +1, "% of entries", ("migration",),
                      "Irregular entries detected as a share of all entries (regular + irregular)."),
        IndicatorSpec("flow_trend", "flow trend", "trend", +1, "% change per year", ("migration",),
                      "Least-squares growth of log yearly entries, as % per year (needs 2+ years)."),
        IndicatorSpec("third_country_share", "third-country nationals", "nationality", +1, "% of entries",
                      ("migration",), "Entries by nationals of neither Bolivia nor the neighbouring country."),
        IndicatorSpec("area_risk", "risk of surrounding areas", "context", +1, "score 0-100", ("areas",),
                      "Area risk scores weighted by travel-time decay from the crossing."),
        IndicatorSpec("nearby_cases", "cases nearby", "cases", +1, "cases per year, decay-weighted", ("cases",),
                      "Recorded cases per year in the surrounding areas, weighted by travel-time decay."),
    )
}

CROSSING_WEIGHTS: dict[str, float] = {
    "flow_volume": 0.15, "irregular_share": 0.20, "flow_trend": 0.10, "third_country_share": 0.10,
    "area_risk": 0.25, "nearby_cases": 0.20,
}


@dataclass
class CrossingTable:
    """Crossing indicators that do not depend on the area scores, plus what is missing."""

    crossings: gpd.GeoDataFrame
    values: pd.DataFrame
    missing: dict[str, str]


def _trend(yearly: pd.DataFrame) -> pd.Series:
    """% growth per year from a least-squares line through log(1 + flow); NaN with < 2 years."""
    if yearly.shape[1] < 2:
        return pd.Series(np.nan, index=yearly.index)
    t = np.arange(yearly.shape[1], dtype=float)
    t = t - t.mean()
    y = np.log1p(yearly.to_numpy(dtype=float))
    slope = (y - y.mean(axis=1, keepdims=True)) @ t / (t @ t)
    return pd.Series((np.exp(slope) - 1.0) * 100.0, index=yearly.index)


def crossing_table(dataset: Dataset, reach: np.ndarray | None, crossing_ids: list[str],
                   area_cases: pd.Series | None) -> CrossingTable | None:
    """Indicators of every crossing except ``area_risk`` (which needs the area scores)."""
    crossings = dataset.get("crossings")
    if crossings is None or len(crossings) == 0 or reach is None:
        return None
    crossings = crossings.copy()
    crossings["crossing_id"] = crossings["crossing_id"].astype(str)
    index = pd.Index(crossing_ids, name="crossing_id")
    values = pd.DataFrame(index=index)
    missing: dict[str, str] = {}
    migration = dataset.get("migration")
    if migration is not None and len(migration):
        m = migration.copy()
        m["crossing_id"] = m["crossing_id"].astype(str)
        years = max(years_covered(m["period"]), 1e-9)
        sums = m.groupby("crossing_id")[["entries", "irregular"]].sum().reindex(index)
        values["flow_volume"] = sums["entries"] / years
        total = sums["entries"] + sums["irregular"]
        values["irregular_share"] = np.where(total > 0, 100.0 * sums["irregular"] / total.where(total > 0, 1), np.nan)
        m["year"] = m["period"].astype(str).str[:4]
        m["flow"] = m["entries"] + m["irregular"]
        yearly = m.pivot_table(index="crossing_id", columns="year", values="flow", aggfunc="sum").reindex(index)
        values["flow_trend"] = _trend(yearly.fillna(0)).where(sums["entries"].notna())
        nat_cols = [c for c in m.columns if c.startswith(NATIONALITY_PREFIX)]
        if nat_cols:
            nat = m.groupby("crossing_id")[nat_cols].sum().reindex(index)
            neighbour = crossings.set_index("crossing_id")["neighbour"].reindex(index).astype(str)
            third = np.zeros(len(index))
            for col in nat_cols:
                iso = col[len(NATIONALITY_PREFIX):].upper()
                keep = (neighbour.to_numpy() != iso) & (iso != "BOL")
                third += np.where(keep, nat[col].fillna(0).to_numpy(dtype=float), 0.0)
            entries = sums["entries"].to_numpy(dtype=float)
            with np.errstate(invalid="ignore", divide="ignore"):
                values["third_country_share"] = np.where(entries > 0, 100.0 * third / entries, np.nan)
        else:
            missing["crossings: nationality"] = "the 'migration' layer has no nat_<ISO3> columns: nationality mix not scored"
    else:
        missing["crossings: migration"] = ("no 'migration' layer: crossings are scored only on the risk and cases "
                                           "around them")
    if area_cases is not None:
        values["nearby_cases"] = reach.T @ area_cases.to_numpy(dtype=float)
    return CrossingTable(crossings=crossings.set_index("crossing_id").reindex(index).reset_index(),
                         values=values, missing=missing)


def _area_risk(area_score: np.ndarray, reach: np.ndarray) -> np.ndarray:
    """Area scores (a vector, or areas x draws) weighted by travel-time decay: one row per crossing."""
    score = np.asarray(area_score, dtype=float)
    weight_sum = reach.sum(axis=0)
    if score.ndim == 2:
        weight_sum = weight_sum[:, None]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight_sum > 0, reach.T @ score / np.where(weight_sum > 0, weight_sum, 1), np.nan)


def _with_area_risk(table: CrossingTable, area_score: np.ndarray, reach: np.ndarray) -> pd.DataFrame:
    """The crossing indicators with ``area_risk``: area scores weighted by travel-time decay."""
    values = table.values.copy()
    values["area_risk"] = _area_risk(area_score, reach)
    return values


def _used_weights(values: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """Indicators that can rank the crossings (vary across them) and their weights, summing to 1."""
    used = [c for c in CROSSING_SPECS if c in values.columns and values[c].nunique(dropna=True) > 1]
    if not used:
        used = ["area_risk"]
    w = np.array([CROSSING_WEIGHTS[c] for c in used])
    return used, w / w.sum()


def _normalised(values: pd.DataFrame, used: list[str]) -> dict[str, np.ndarray]:
    oriented = orient(values[used].to_numpy(dtype=float), np.array([CROSSING_SPECS[c].direction for c in used]))
    return {m: normalise(oriented, m) for m in NORMALISATIONS}


def crossing_score_sample(table: CrossingTable, area_score: np.ndarray, area_draws: np.ndarray | None,
                          reach: np.ndarray, *, draws: int = 1000, seed: int = 0, keep: int = 100) -> pd.DataFrame:
    """Crossing scores (0..100) of the first ``keep`` draws behind the crossings' rank intervals.

    Rows are crossings, columns ``draw_000``...; the weight, normalisation and
    aggregation picks are those of :func:`score_crossings`' uncertainty (seed + 1).
    Draw ``k`` takes ``area_risk`` from column ``k`` of ``area_draws`` (the area
    scores' own draw ``k``), so an area that rises in one draw lifts the crossings
    around it in the same draw; without area draws the point area scores are used.
    """
    point = _with_area_risk(table, area_score, reach)
    used, w = _used_weights(point)
    index = point.index
    count = min(max(draws, 0), keep)
    if area_draws is not None:
        count = min(count, area_draws.shape[1])
    if count < 1 or len(index) == 0:
        return pd.DataFrame(index=index)
    if area_draws is None or "area_risk" not in used:
        return score_sample(_normalised(point, used), w, index, draws=draws, seed=seed + 1, keep=count)
    plan = draw_plan(w, draws, seed + 1)
    fixed = _normalised(point, used)  # normalisation is per column: only area_risk changes from draw to draw
    column = used.index("area_risk")
    drawn = _area_risk(np.asarray(area_draws, dtype=float)[:, :count], reach) * CROSSING_SPECS["area_risk"].direction
    by_draw = {m: normalise(drawn, m) for m in NORMALISATIONS}
    out = np.empty((len(index), count))
    for k in range(count):
        normalised = {m: fixed[m].copy() for m in NORMALISATIONS}
        for m in NORMALISATIONS:
            normalised[m][:, column] = by_draw[m][:, k]
        out[:, k] = draw_scores(normalised, plan, np.array([k]))[:, 0] * 100.0
    return pd.DataFrame(out, index=index, columns=[f"draw_{i:03d}" for i in range(count)])


def score_crossings(table: CrossingTable, area_score: np.ndarray, reach: np.ndarray, *,
                    normalisation: str = "minmax", aggregation: str = "arithmetic", draws: int = 1000,
                    seed: int = 0) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    """Scored crossings (GeoDataFrame, best first) and their contributions (index crossing_id)."""
    values = _with_area_risk(table, area_score, reach)
    used, w = _used_weights(values)
    normalised = _normalised(values, used)
    score = aggregate(normalised[normalisation], w, aggregation) * 100.0
    rank = point_ranks(score)
    index = values.index
    unc = rank_uncertainty(normalised, w, rank, index, draws=draws, seed=seed + 1)
    contrib = pd.DataFrame(contributions(normalised[normalisation], w, score), index=index, columns=used)
    drivers = []
    for row in contrib.to_numpy():
        order = np.argsort(-row, kind="stable")[:3]
        drivers.append(", ".join(CROSSING_SPECS[used[i]].label for i in order if row[i] > 0))
    crossings = table.crossings
    frame = gpd.GeoDataFrame({
        "crossing_id": index.to_numpy(),
        "name": crossings["name"].astype(str).to_numpy(),
        "neighbour": crossings["neighbour"].astype(str).to_numpy(),
        "kind": crossings["kind"].astype(str).to_numpy(),
        "score": score,
        "rank": rank,
        "rank_median": unc.rank_median.to_numpy(),
        "rank_low": unc.rank_low.to_numpy(),
        "rank_high": unc.rank_high.to_numpy(),
        "p_top10": unc.p_top10.to_numpy(),
        "drivers": drivers,
        **{c: values[c].to_numpy() for c in CROSSING_SPECS if c in values.columns},
    }, geometry=crossings.geometry.to_numpy(), crs=crossings.crs)
    return frame.sort_values("rank").reset_index(drop=True), contrib
