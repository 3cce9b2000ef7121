"""The single entry point the CLI and the app call: ``score(dataset, config) -> Scores``.

Work is split in two so the app can re-weight instantly:

* :func:`prepare` does everything that does not depend on the weights —
  indicators, travel-time reach of crossings, the expected-cases model, hotspots
  and emerging hotspots of the smoothed case rate, spatial weights;
* :func:`recompose` turns a :class:`Prepared` and a :class:`ScoreConfig` into
  :class:`Scores` — composite, contributions, Monte Carlo ranks, crossing
  scores, hotspots of the score — in well under a second on 343 areas.

:class:`Scores` is also a file: :meth:`Scores.to_gpkg` writes layers
``area_scores`` and ``crossing_scores`` (what the planners read) plus the
indicators, contributions and a metadata table; small recorded counts are
suppressed on the way out (:mod:`geodata.privacy`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from geodata.contracts import CRS
from geodata.dataset import Dataset
from geodata.privacy import is_small, small_count_threshold
from geodata.travel import RoadNetworkTravel
from risk.composite import (
    NORMALISATIONS,
    Composite,
    coverage,
    normalise,
    orient,
    top_contributors,
)
from risk.crossings import CrossingTable, crossing_table, score_crossings
from risk.detection import ExpectedCases, expected_cases
from risk.effort import inspection_effort, little_inspected, temporal_check
from risk.emerging import EmergingHotspots
from risk.hotspots import Hotspots
from risk.indicators import (
    PER,
    SPECS,
    IndicatorTable,
    build_indicators,
    case_rate_panel,
    years_covered,
)
from risk.uncertainty import rank_uncertainty
from risk.weights import spatial_weights

#: Label of an area whose hotspot class could not be computed (too few areas, no permutations, no panel).
NOT_COMPUTED = "not_computed"

#: Layer names inside a scores GeoPackage.
AREA_LAYER, CROSSING_LAYER = "area_scores", "crossing_scores"
INDICATOR_LAYER, CONTRIBUTION_LAYER, METADATA_LAYER = "indicators", "contributions", "score_metadata"

AREA_COLUMNS: tuple[str, ...] = (
    "area_id", "name", "admin1", "score", "rank", "rank_median", "rank_low", "rank_high", "p_top10",
    "hotspot", "lisa", "hotspot_cases", "emerging", "expected_cases", "recorded_cases", "detection_ratio",
    "under_detection", "coverage", "low_coverage", "top_1", "top_2", "top_3",
)

#: Columns added to the area scores only when the dataset has a usable ``inspections`` layer.
EFFORT_COLUMNS: tuple[str, ...] = (
    "inspection_visits", "effort", "victims_found", "yield_per_inspection", "likely_risk_little_inspected",
)


@dataclass(frozen=True)
class ScoreConfig:
    """Choices of one scoring run (see :mod:`risk.composite` for presets and methods)."""

    preset: str = "balanced"
    weights: Mapping[str, float] | None = None
    normalisation: str = "minmax"
    aggregation: str = "arithmetic"
    draws: int = 1000
    permutations: int = 999
    seed: int = 0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["weights"] = dict(self.weights) if self.weights else None
        return out


@dataclass
class Prepared:
    """Everything :func:`recompose` needs that does not depend on weights or methods."""

    areas: gpd.GeoDataFrame
    table: IndicatorTable
    expected: ExpectedCases
    crossings: CrossingTable | None
    hotspot_cases: pd.Series
    emerging: pd.Series
    spatial_w: Any
    missing: dict[str, str]
    source: str = ""
    synthetic: bool = False
    permutations: int = 999
    seed: int = 0
    #: Per-area effort columns (:data:`EFFORT_COLUMNS`) and the held-out check, when inspections exist.
    effort: pd.DataFrame | None = None
    effort_check: dict[str, Any] = field(default_factory=dict)
    _hotspot_cache: dict[tuple, pd.DataFrame] = field(default_factory=dict, repr=False)


@dataclass
class Scores:
    """Result of :func:`score`: per-area and per-crossing scores with their explanation."""

    area_scores: gpd.GeoDataFrame
    crossing_scores: gpd.GeoDataFrame | None
    indicators: pd.DataFrame
    contributions: pd.DataFrame
    missing: dict[str, str]
    config: ScoreConfig
    model: dict[str, Any] = field(default_factory=dict)

    def to_gpkg(self, path: str | Path) -> Path:
        """Write the scores GeoPackage (replacing ``path``); recorded counts 1..4 are left empty."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        areas = export_area_scores(self.area_scores)
        pyogrio.write_dataframe(areas.to_crs(CRS), path, layer=AREA_LAYER, driver="GPKG")
        if self.crossing_scores is not None and len(self.crossing_scores):
            pyogrio.write_dataframe(self.crossing_scores.to_crs(CRS), path, layer=CROSSING_LAYER, driver="GPKG")
        for name, frame in ((INDICATOR_LAYER, self.indicators), (CONTRIBUTION_LAYER, self.contributions)):
            pyogrio.write_dataframe(frame.reset_index(), path, layer=name, driver="GPKG")
        meta = {"config": json.dumps(self.config.as_dict()), "missing": json.dumps(self.missing, ensure_ascii=False),
                "model": json.dumps(self.model, ensure_ascii=False, default=str),
                "small_count_threshold": str(small_count_threshold())}
        pyogrio.write_dataframe(pd.DataFrame({"key": list(meta), "value": list(meta.values())}), path,
                                layer=METADATA_LAYER, driver="GPKG")
        return path

    @classmethod
    def from_gpkg(cls, path: str | Path) -> Scores:
        """Read a file written by :meth:`to_gpkg` (suppressed counts come back as missing)."""
        path = Path(path)
        layers = {str(n) for n, _ in pyogrio.list_layers(path)}
        areas = pyogrio.read_dataframe(path, layer=AREA_LAYER)
        areas["area_id"] = areas["area_id"].astype(str)
        crossings = None
        if CROSSING_LAYER in layers:
            crossings = pyogrio.read_dataframe(path, layer=CROSSING_LAYER)
            crossings["crossing_id"] = crossings["crossing_id"].astype(str)

        def table(name: str) -> pd.DataFrame:
            if name not in layers:
                return pd.DataFrame(index=pd.Index(areas["area_id"], name="area_id"))
            frame = pyogrio.read_dataframe(path, layer=name, read_geometry=False)
            frame["area_id"] = frame["area_id"].astype(str)
            return frame.set_index("area_id")

        meta: dict[str, str] = {}
        if METADATA_LAYER in layers:
            m = pyogrio.read_dataframe(path, layer=METADATA_LAYER, read_geometry=False)
            meta = dict(zip(m["key"].astype(str), m["value"].astype(str)))
        cfg = json.loads(meta.get("config", "{}"))
        config = ScoreConfig(**cfg) if cfg else ScoreConfig()
        return cls(area_scores=areas, crossing_scores=crossings, indicators=table(INDICATOR_LAYER),
                   contributions=table(CONTRIBUTION_LAYER), missing=json.loads(meta.get("missing", "{}")),
                   config=config, model=json.loads(meta.get("model", "{}")))

    def summary(self, top: int = 10) -> pd.DataFrame:
        """The ``top`` areas: name, score, rank and 90% interval, P(top 10%), main drivers."""
        cols = ["rank", "name", "admin1", "score", "rank_low", "rank_high", "p_top10", "top_1", "top_2"]
        return self.area_scores.sort_values("rank")[cols].head(top).reset_index(drop=True)


def export_area_scores(area_scores: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Area scores as they may leave the app: recorded counts 1..threshold-1 (and the ratio
    that would reveal them via expected x ratio) left empty, flagged in ``recorded_suppressed``.
    """
    out = area_scores.copy()
    threshold = small_count_threshold()
    recorded = pd.to_numeric(out["recorded_cases"], errors="coerce")
    hidden = np.array([is_small(v, threshold) for v in recorded.to_numpy()], dtype=bool)
    out["recorded_cases"] = recorded.where(~hidden).astype("Float64")
    out["detection_ratio"] = pd.to_numeric(out["detection_ratio"], errors="coerce").where(~hidden)
    out["recorded_suppressed"] = hidden
    if "victims_found" in out:  # victims per area from inspections: the same small-count rule
        found = pd.to_numeric(out["victims_found"], errors="coerce")
        small = np.array([is_small(v, threshold) for v in found.to_numpy()], dtype=bool)
        out["victims_found"] = found.where(~small).astype("Float64")
        out["yield_per_inspection"] = pd.to_numeric(out["yield_per_inspection"], errors="coerce").where(~small)
    return out


# --------------------------------------------------------------------------- hotspots


def _hotspot_classes(values: pd.Series, w: Any, permutations: int, seed: int) -> pd.DataFrame:
    """Gi* class (``hotspot``) and Local Moran class (``lisa``) of ``values``, FDR-controlled."""
    fitted = Hotspots(permutations=permutations, seed=seed).fit(values, w)
    return pd.DataFrame({"hotspot": fitted.gi_class_.reindex(values.index).astype(str),
                         "lisa": fitted.lisa_class_.reindex(values.index).astype(str)})


def _prepare_hotspots(areas: gpd.GeoDataFrame, rate: pd.Series | None, panel: pd.DataFrame | None,
                      permutations: int, seed: int, missing: dict[str, str]) -> tuple[Any, pd.Series, pd.Series]:
    """Spatial weights, Gi* class of the smoothed case rate, and emerging-hotspot category."""
    index = pd.Index(areas["area_id"].astype(str), name="area_id")
    none = pd.Series(NOT_COMPUTED, index=index)
    if len(areas) < 3:
        missing["hotspots"] = f"only {len(areas)} area(s): hotspots need at least 3 neighbouring areas"
        return None, none, none.copy()
    try:
        w = spatial_weights(areas)
    except ValueError as exc:  # e.g. areas the weights cannot link; the scores themselves still stand
        missing["hotspots"] = f"spatial weights could not be built: {exc}"
        return None, none, none.copy()
    hot_cases = none
    if rate is not None and rate.notna().any() and rate.nunique() > 1:
        hot_cases = _hotspot_classes(rate.fillna(rate.median()), w, permutations, seed)["hotspot"]
    emerging = none.copy()
    if panel is None:
        missing["emerging hotspots"] = "needs cases in at least two periods"
    else:
        fitted = EmergingHotspots(permutations=permutations, seed=seed).fit(panel.fillna(0), w)
        emerging = fitted.category_.reindex(index).astype(str)
    return w, hot_cases, emerging


# --------------------------------------------------------------------------- prepare / recompose


def prepare(dataset: Dataset, config: ScoreConfig = ScoreConfig(), travel: RoadNetworkTravel | None = None) -> Prepared:
    """Compute what does not depend on weights (see module docstring); cache the result in the app."""
    areas = dataset.areas.copy()
    areas["area_id"] = areas["area_id"].astype(str)
    table = build_indicators(dataset, travel)
    missing = dict(table.missing)
    index = table.values.index
    admin1 = areas.set_index("area_id")["admin1"].reindex(index)
    cases = dataset.get("cases")
    effort_table: pd.DataFrame | None = None
    effort_check: dict[str, Any] = {}
    if cases is not None and len(cases):
        recorded = cases.assign(area_id=cases["area_id"].astype(str)).groupby("area_id")["cases"].sum()
        recorded = recorded.reindex(index).fillna(0)
        years = max(years_covered(cases["period"]), 1e-9)
        exposure = areas.set_index("area_id")["population"].reindex(index).astype(float) * years
        features = table.values[[n for n, s in table.specs.items() if not s.uses_cases]]
        effort = _effort(dataset, index, missing)
        expected = expected_cases(features, recorded, exposure, admin1, seed=config.seed,
                                  effort=None if effort is None else effort["effort"])
        if expected.fitted:
            modelled = expected.table["expected_cases"] / exposure * PER
            table.values["expected_rate"] = modelled.reindex(index).to_numpy()
            table.specs["expected_rate"] = SPECS["expected_rate"]
            if effort is not None:
                effort_table, effort_check = _adjust_for_effort(table, expected, effort, missing)
                effort_check.update(temporal_check(features, cases, dataset["inspections"],
                                                   areas.set_index("area_id")["population"], config.seed))
        else:
            missing["expected cases"] = str(expected.reason)
        area_cases_per_year: pd.Series | None = recorded / years
    else:
        expected = ExpectedCases(
            table=pd.DataFrame({"recorded_cases": np.nan, "expected_cases": np.nan, "detection_ratio": np.nan,
                                "p_under": np.nan, "under_detection": False}, index=index),
            reason="no 'cases' layer")
        missing["expected cases"] = "no 'cases' layer: expected cases and the detection gap need recorded cases"
        area_cases_per_year = None
    crossings = crossing_table(dataset, table.reach, table.crossing_ids, area_cases_per_year)
    if crossings is not None:
        missing.update(crossings.missing)
    rate = None
    if "case_rate_sexual" in table.values:
        rate = table.values[[c for c in table.values.columns if c.startswith("case_rate_")]].sum(axis=1)
    w, hot_cases, emerging = _prepare_hotspots(areas, rate, case_rate_panel(dataset), config.permutations,
                                               config.seed, missing)
    return Prepared(areas=areas, table=table, expected=expected, crossings=crossings, hotspot_cases=hot_cases,
                    emerging=emerging, spatial_w=w, missing=missing, source=dataset.source,
                    synthetic=dataset.synthetic, permutations=config.permutations, seed=config.seed,
                    effort=effort_table, effort_check=effort_check)


def _effort(dataset: Dataset, index: pd.Index, missing: dict[str, str]) -> pd.DataFrame | None:
    """Per-area effort from the ``inspections`` layer, or None (with a note) when there is none to use."""
    inspections = dataset.get("inspections")
    if inspections is None or not len(inspections):
        return None
    effort = inspection_effort(inspections, index)
    if not effort.usable:
        missing["inspection effort"] = str(effort.reason)
        return None
    return effort.table


def _adjust_for_effort(table: IndicatorTable, expected: ExpectedCases, effort: pd.DataFrame,
                       missing: dict[str, str]) -> tuple[pd.DataFrame, dict[str, Any]]:
    """Recorded case rates rescaled to the average inspection effort; the effort columns and flag.

    A case rate measured where inspectors went twice as often as average is
    divided by the model's effort factor, so the composite compares areas as if
    all were inspected alike (expected_rate is already predicted at the average).
    """
    factor = expected.table["effort_factor"].reindex(table.values.index)
    for name in [c for c in table.values.columns if c.startswith("case_rate_")]:
        table.values[name] = (table.values[name] * factor.fillna(1.0)).to_numpy()
    out = effort.rename(columns={"visits": "inspection_visits"}).copy()
    out["likely_risk_little_inspected"] = little_inspected(table.values["expected_rate"], out["effort"])
    missing["inspection effort"] = (
        f"case rates and expected cases are adjusted to the average inspection effort "
        f"({expected.reference_effort:.2f} visits per area and year)")
    return out, {"reference_effort": expected.reference_effort}


def _score_hotspots(prepared: Prepared, score: pd.Series, config: ScoreConfig) -> pd.DataFrame:
    """Gi* and Local Moran classes of the composite score (cached per configuration: permutations cost)."""
    if prepared.spatial_w is None or config.permutations < 1:
        return pd.DataFrame({"hotspot": NOT_COMPUTED, "lisa": NOT_COMPUTED}, index=score.index)
    key = (config.preset, tuple(sorted((config.weights or {}).items())), config.normalisation,
           config.aggregation, config.permutations, config.seed)
    if key not in prepared._hotspot_cache:
        prepared._hotspot_cache[key] = _hotspot_classes(score, prepared.spatial_w, config.permutations,
                                                        config.seed)
    return prepared._hotspot_cache[key]


def recompose(prepared: Prepared, config: ScoreConfig = ScoreConfig(), *, hotspots: bool = True) -> Scores:
    """Scores for ``config`` from a :class:`Prepared` (fast: no model is refitted).

    ``hotspots=False`` skips the Gi* permutations on the new score (the app can
    show the hotspot class of the last full run while sliders move).
    """
    table = prepared.table
    values = table.values
    composite = Composite(table.specs, preset=config.preset, weights=config.weights,
                          normalisation=config.normalisation, aggregation=config.aggregation).fit(values)
    used = list(composite.weights_.index)
    oriented = orient(values[used].to_numpy(dtype=float), np.array([table.specs[n].direction for n in used]))
    normalised = {m: normalise(oriented, m) for m in NORMALISATIONS}
    unc = rank_uncertainty(normalised, composite.weights_.to_numpy(), composite.rank_.to_numpy(), values.index,
                           draws=config.draws, seed=config.seed)
    missing = dict(prepared.missing)
    cov = composite.coverage_
    missing.update(cov.dropped)
    for name in values.columns:
        if name not in used and name not in cov.dropped:
            missing[name] = f"indicator '{name}' has the same value in every area: it cannot rank them"
    frame = prepared.areas[["area_id", "name", "admin1", "geometry"]].set_index("area_id").reindex(values.index)
    frame["score"] = composite.score_
    frame["rank"] = composite.rank_
    frame = frame.join(unc.frame())
    score_hot = (_score_hotspots(prepared, composite.score_, config) if hotspots
                 else pd.DataFrame({"hotspot": NOT_COMPUTED, "lisa": NOT_COMPUTED}, index=values.index))
    frame["hotspot"] = score_hot["hotspot"].reindex(values.index)
    frame["lisa"] = score_hot["lisa"].reindex(values.index)
    frame["hotspot_cases"] = prepared.hotspot_cases.reindex(values.index)
    frame["emerging"] = prepared.emerging.reindex(values.index)
    exp = prepared.expected.table.reindex(values.index)
    for col in ("expected_cases", "recorded_cases", "detection_ratio", "under_detection"):
        frame[col] = exp[col]
    frame["coverage"] = cov.areas.reindex(values.index)
    frame["low_coverage"] = cov.low_areas.reindex(values.index)
    frame = frame.join(top_contributors(composite.contributions_))
    columns = list(AREA_COLUMNS)
    if prepared.effort is not None:
        frame = frame.join(prepared.effort[list(EFFORT_COLUMNS)])
        columns += list(EFFORT_COLUMNS)
    area_scores = gpd.GeoDataFrame(frame.reset_index()[columns + ["geometry"]], geometry="geometry",
                                   crs=prepared.areas.crs or CRS)
    crossing_scores = None
    if prepared.crossings is not None and table.reach is not None:
        crossing_scores, _ = score_crossings(prepared.crossings, composite.score_.to_numpy(), table.reach,
                                             normalisation=config.normalisation, aggregation=config.aggregation,
                                             draws=config.draws, seed=config.seed)
    model = {
        "expected_cases_model": prepared.expected.model, "folds": prepared.expected.folds,
        "poisson_deviance": prepared.expected.deviance, "weights": composite.weights_.round(6).to_dict(),
        "source": prepared.source, "synthetic": prepared.synthetic,
    }
    if prepared.effort is not None:
        model["inspection_effort"] = prepared.effort_check
    return Scores(area_scores=area_scores, crossing_scores=crossing_scores, indicators=values.copy(),
                  contributions=composite.contributions_, missing=missing, config=config, model=model)


def score(dataset: Dataset, config: ScoreConfig = ScoreConfig(), travel: RoadNetworkTravel | None = None) -> Scores:
    """Score every area (and crossing) of ``dataset``: :func:`prepare` then :func:`recompose`."""
    return recompose(prepare(dataset, config, travel), config)


__all__ = ["Prepared", "ScoreConfig", "Scores", "coverage", "prepare", "recompose", "score"]
