"""The single entry point the CLI and the app call: ``score(dataset, config) -> Scores``.

Work is split in two so the app can re-weight instantly:

* :func:`prepare` does everything that does not depend on the weights —
  indicators, travel-time reach of crossings, the expected-cases model, hotspots
  and emerging hotspots of the smoothed case rate, spatial weights;
* :func:`recompose` turns a :class:`Prepared` and a :class:`ScoreConfig` into
  :class:`Scores` — composite, contributions, Monte Carlo ranks, crossing
  scores, hotspots of the score — in well under a second on 343 areas.

:class:`Scores` becomes the scores file (:mod:`geodata.scores_file`, the one
contract the planners and the app's downloads read) through :meth:`Scores.to_file`.
Every model here runs on :func:`geodata.privacy.protect_case_inputs`: areas whose
recorded count the privacy rule hides are scored on one fixed count of the band, so no
output (nor the difference of two runs) carries a hidden count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata import scores_file
from geodata.contracts import CRS
from geodata.dataset import Dataset
from geodata.privacy import (
    band_representative,
    hidden_areas,
    protect_case_inputs,
    small_count_threshold,
)
from geodata.scores_file import (
    Provenance,
    ScoresFile,
    dataset_hash,
    dataset_name,
    now_iso,
    read_scores,
    vigia_version,
    write_scores,
)
from geodata.travel import RoadNetworkTravel
from risk.composite import (
    NORMALISATIONS,
    Composite,
    coverage,
    normalise,
    orient,
    top_contributors,
)
from risk.crossings import CrossingTable, crossing_score_sample, crossing_table, score_crossings
from risk.detection import ExpectedCases, expected_cases, under_detection
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
from risk.uncertainty import rank_uncertainty, score_sample
from risk.weights import spatial_weights

#: Label of an area whose hotspot class could not be computed (too few areas, no permutations, no panel).
NOT_COMPUTED = "not_computed"

#: Columns of the contract's area layer this module computes (the writer adds ``recorded_suppressed``).
_AREA_OUTPUT = [c for c in scores_file.column_names(scores_file.AREA_COLUMNS) if c != "recorded_suppressed"]

#: Columns added to the area scores only when the dataset has a usable ``inspections`` layer.
EFFORT_COLUMNS: tuple[str, ...] = tuple(scores_file.column_names(scores_file.EFFORT_COLUMNS))


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
    dataset_name: str = ""
    dataset_hash: str = ""
    #: Small-count threshold the inputs were protected with (hidden areas scored on the band's representative).
    protected_threshold: int = 0
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
    score_draws: pd.DataFrame | None = None
    crossing_draws: pd.DataFrame | None = None
    dataset_name: str = ""
    dataset_hash: str = ""
    protected_threshold: int = 0

    def provenance(self, created_by: str = "") -> Provenance:
        """Where these scores come from and how they were made (see :class:`geodata.scores_file.Provenance`)."""
        weights = self.model.get("weights") or dict(self.config.weights or {})
        return Provenance(
            dataset_name=self.dataset_name, dataset_hash=self.dataset_hash, vigia_version=vigia_version(),
            preset=self.config.preset, weights={str(k): float(v) for k, v in weights.items()},
            normalisation=self.config.normalisation, aggregation=self.config.aggregation, seed=self.config.seed,
            draws=self.config.draws, permutations=self.config.permutations, created_at=now_iso(),
            created_by=created_by)

    def to_file(self, created_by: str = "") -> ScoresFile:
        """These scores as the contract's :class:`~geodata.scores_file.ScoresFile` (what every writer writes)."""
        return ScoresFile(areas=self.area_scores, crossings=self.crossing_scores, indicators=self.indicators,
                          contributions=self.contributions, score_draws=self.score_draws, missing=dict(self.missing),
                          model=dict(self.model), provenance=self.provenance(created_by),
                          protected_threshold=self.protected_threshold, crossing_draws=self.crossing_draws)

    def to_gpkg(self, path: str | Path, created_by: str = "") -> Path:
        """Write the scores file (:func:`geodata.scores_file.write_scores`; hidden counts left empty)."""
        return write_scores(self.to_file(created_by), path)

    @classmethod
    def from_gpkg(cls, path: str | Path) -> Scores:
        """Scores from a file written by :meth:`to_gpkg` (through :func:`geodata.scores_file.read_scores`)."""
        read = read_scores(path)
        p = read.provenance
        config = ScoreConfig(preset=p.preset, weights=p.weights or None, normalisation=p.normalisation,
                             aggregation=p.aggregation, draws=p.draws, permutations=p.permutations, seed=p.seed)
        return cls(area_scores=read.areas, crossing_scores=read.crossings, indicators=read.indicators,
                   contributions=read.contributions, missing=read.missing, config=config, model=read.model,
                   score_draws=read.score_draws, crossing_draws=read.crossing_draws, dataset_name=p.dataset_name,
                   dataset_hash=p.dataset_hash, protected_threshold=read.protected_threshold)

    def summary(self, top: int = 10) -> pd.DataFrame:
        """The ``top`` areas: name, score, rank and 90% interval, P(top 10%), main drivers."""
        cols = ["rank", "name", "admin1", "score", "rank_low", "rank_high", "p_top10", "top_1", "top_2"]
        return self.area_scores.sort_values("rank")[cols].head(top).reset_index(drop=True)


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
    exact, hidden = _recorded_and_hidden(dataset, areas)
    modelled_on = _protected_inputs(dataset, hidden)
    table = build_indicators(modelled_on, travel)
    missing = dict(table.missing)
    index = table.values.index
    admin1 = areas.set_index("area_id")["admin1"].reindex(index)
    cases = modelled_on.get("cases")
    effort_table: pd.DataFrame | None = None
    effort_check: dict[str, Any] = {}
    if cases is not None and len(cases):
        recorded = cases.assign(area_id=cases["area_id"].astype(str)).groupby("area_id")["cases"].sum()
        recorded = recorded.reindex(index).fillna(0)
        years = max(years_covered(cases["period"]), 1e-9)
        exposure = areas.set_index("area_id")["population"].reindex(index).astype(float) * years
        features = table.values[[n for n, s in table.specs.items() if not s.uses_cases]]
        effort = _effort(dataset, index, missing)
        expected = expected_cases(features, exact.reindex(index).fillna(0), exposure, admin1, seed=config.seed,
                                  effort=None if effort is None else effort["effort"])
        expected = _hidden_at_band(expected, hidden.reindex(index, fill_value=False))
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
    crossings = crossing_table(modelled_on, table.reach, table.crossing_ids, area_cases_per_year)
    if crossings is not None:
        missing.update(crossings.missing)
    rate = None
    if "case_rate_sexual" in table.values:
        rate = table.values[[c for c in table.values.columns if c.startswith("case_rate_")]].sum(axis=1)
    w, hot_cases, emerging = _prepare_hotspots(areas, rate, case_rate_panel(modelled_on), config.permutations,
                                               config.seed, missing)
    return Prepared(areas=areas, table=table, expected=expected, crossings=crossings, hotspot_cases=hot_cases,
                    emerging=emerging, spatial_w=w, missing=missing, source=dataset.source,
                    synthetic=dataset.synthetic, permutations=config.permutations, seed=config.seed,
                    dataset_name=dataset_name(dataset), dataset_hash=dataset_hash(dataset),
                    protected_threshold=small_count_threshold(), effort=effort_table, effort_check=effort_check)


def _recorded_and_hidden(dataset: Dataset, areas: gpd.GeoDataFrame) -> tuple[pd.Series, pd.Series]:
    """Exact recorded cases per area and which of them the privacy rule hides (primary or secondary)."""
    index = pd.Index(areas["area_id"], name="area_id")
    cases = dataset.get("cases")
    if cases is None or not len(cases):
        return pd.Series(0.0, index=index), pd.Series(False, index=index)
    exact = cases.assign(area_id=cases["area_id"].astype(str)).groupby("area_id")["cases"].sum()
    exact = exact.reindex(index).fillna(0)
    mask = hidden_areas(exact, areas.set_index("area_id")["admin1"].reindex(index))
    return exact, mask["primary"] | mask["secondary"]


def _protected_inputs(dataset: Dataset, hidden: pd.Series) -> Dataset:
    """The dataset every model of this run sees: hidden cells replaced by representatives.

    Scores, indicators, contributions, hotspots and crossing scores all leave the
    app; computing them from :func:`geodata.privacy.protect_case_inputs` means no
    output (nor any difference between two runs) depends on a hidden count.
    """
    cases = dataset.get("cases")
    if cases is None or not len(cases):
        return dataset
    layers = dict(dataset.layers)
    layers["cases"] = protect_case_inputs(cases, hidden.index[hidden.to_numpy()])
    return Dataset(layers=layers, about=dict(dataset.about), source=dataset.source, problems=list(dataset.problems))


def _hidden_at_band(expected: ExpectedCases, hidden: pd.Series) -> ExpectedCases:
    """The expected-cases table with nothing of a hidden count: no ratio, the flag judged at the band's representative.

    Expected cases are out of fold (an area's own department never trains its
    prediction), so they carry no hidden count of their own; the ratio and the
    under-detection flag would, so they are given as for any count in the band.
    """
    table = expected.table.copy()
    rows = hidden.reindex(table.index, fill_value=False).to_numpy()
    p_under, flagged = under_detection(np.full(int(rows.sum()), band_representative()),
                                       table.loc[rows, "expected_cases"].to_numpy(dtype=float))
    table.loc[rows, "detection_ratio"] = np.nan
    table.loc[rows, "p_under"] = p_under
    table.loc[rows, "under_detection"] = flagged
    return replace(expected, table=table)


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
    columns = list(_AREA_OUTPUT)
    if prepared.effort is not None:
        frame = frame.join(prepared.effort[list(EFFORT_COLUMNS)])
        columns += list(EFFORT_COLUMNS)
    area_scores = gpd.GeoDataFrame(frame.reset_index()[columns + ["geometry"]], geometry="geometry",
                                   crs=prepared.areas.crs or CRS)
    model = {
        "expected_cases_model": prepared.expected.model, "folds": prepared.expected.folds,
        "poisson_deviance": prepared.expected.deviance, "weights": composite.weights_.round(6).to_dict(),
        "source": prepared.source, "synthetic": prepared.synthetic,
    }
    sample = score_sample(normalised, composite.weights_.to_numpy(), values.index, draws=config.draws,
                          seed=config.seed, keep=scores_file.MAX_DRAWS)
    crossing_scores, crossing_draws = None, None
    if prepared.crossings is not None and table.reach is not None:
        crossing_scores, _ = score_crossings(prepared.crossings, composite.score_.to_numpy(), table.reach,
                                             normalisation=config.normalisation, aggregation=config.aggregation,
                                             draws=config.draws, seed=config.seed)
        # Draw k of a crossing stands on draw k of the areas around it: the two samples tell one story.
        crossing_draws = crossing_score_sample(prepared.crossings, composite.score_.to_numpy(),
                                               sample.to_numpy() if sample.shape[1] else None, table.reach,
                                               draws=config.draws, seed=config.seed, keep=scores_file.MAX_DRAWS)
    if prepared.effort is not None:
        model["inspection_effort"] = prepared.effort_check
    return Scores(area_scores=area_scores, crossing_scores=crossing_scores, indicators=values.copy(),
                  contributions=composite.contributions_, missing=missing, config=config, model=model,
                  score_draws=sample, crossing_draws=crossing_draws, dataset_name=prepared.dataset_name,
                  dataset_hash=prepared.dataset_hash, protected_threshold=prepared.protected_threshold)


def score(dataset: Dataset, config: ScoreConfig = ScoreConfig(), travel: RoadNetworkTravel | None = None) -> Scores:
    """Score every area (and crossing) of ``dataset``: :func:`prepare` then :func:`recompose`."""
    return recompose(prepare(dataset, config, travel), config)


__all__ = ["Prepared", "ScoreConfig", "Scores", "coverage", "prepare", "recompose", "score"]
