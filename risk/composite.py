"""The composite risk index: orient -> winsorise -> normalise -> weight -> aggregate.

Follows the JRC/OECD *Handbook on Constructing Composite Indicators* (2008) and
INFORM's practice:

* every indicator is oriented so that higher means more risk, outliers are
  winsorised at the 2.5th/97.5th percentiles, then normalised to 0..1 by
  min-max, by z-score (through the normal CDF, so it stays 0..1) or by rank;
* weights come from a documented preset (:data:`PRESETS`), optionally
  overridden per indicator or per group by the user;
* aggregation is arithmetic (compensatory: strength in one indicator offsets
  weakness in another) or geometric (less compensatory);
* an area missing an indicator is scored on the indicators it has (weights
  re-normalised, as INFORM does) and its data coverage is reported; indicators
  below 65% coverage are left out and named.

Functions are small and work on plain arrays, so :mod:`risk.uncertainty` can
re-run thousands of weight/normalisation/aggregation choices as matrix products.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.special import ndtr
from scipy.stats import rankdata

from risk.indicators import SPECS, IndicatorSpec
from risk.presets import AGGREGATIONS, NORMALISATIONS, PRESET_GROUPS, PRESETS, TILTS, group_shares

#: Winsorising quantile: values beyond the 2.5th / 97.5th percentiles are clipped to them.
WINSOR_QUANTILE = 0.025

#: Normalised values are mapped to [floor, 1] before a geometric mean (log of 0 is undefined).
GEOMETRIC_FLOOR = 0.01

#: Minimum share of non-missing values (JRC: 65%) for an indicator to enter the index and
#: for an area's score not to be flagged as resting on too little data.
MIN_COVERAGE = 0.65

def preset_weights(preset: str, specs: Mapping[str, IndicatorSpec],
                   overrides: Mapping[str, float] | None = None) -> pd.Series:
    """Weights (summing to 1) of the indicators in ``specs`` under ``preset`` and user ``overrides``.

    An override key may be an indicator name (sets that indicator's weight on
    the scale of the preset, where all weights sum to 1) or a group name (sets
    the group's total, spread by the preset's tilts). Weight 0 leaves an
    indicator out. Unknown keys raise ``ValueError`` naming the known ones.
    """
    if preset not in PRESET_GROUPS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    groups = dict(PRESET_GROUPS[preset])
    tilts = TILTS.get(preset, {})
    overrides = dict(overrides or {})
    known_groups = {s.group for s in specs.values()}
    unknown = [k for k in overrides if k not in specs and k not in known_groups and k not in groups]
    if unknown:
        raise ValueError(f"unknown indicator or group {unknown}; indicators are {sorted(specs)}, "
                         f"groups are {sorted(known_groups)}")
    for key, value in overrides.items():
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"weight of {key!r} must be a number >= 0, not {value!r}")
    present = {g: [n for n, s in specs.items() if s.group == g] for g in known_groups}
    shares = group_shares(preset, present)
    weights: dict[str, float] = {}
    for group, names in present.items():
        share = float(overrides[group]) if group in overrides else shares[group]
        tilt = np.array([tilts.get(n, 1.0) for n in names])
        for name, t in zip(names, tilt / tilt.sum()):
            weights[name] = share * float(t)
    for key, value in overrides.items():
        if key in specs:
            weights[key] = float(value)
    series = pd.Series(weights, dtype=float).reindex(list(specs)).fillna(0.0)
    if series.sum() <= 0:
        raise ValueError("all weights are zero: give at least one indicator a positive weight")
    return series / series.sum()


# --------------------------------------------------------------------------- normalisation


def orient(values: np.ndarray, directions: np.ndarray) -> np.ndarray:
    """Flip negative-direction indicators so that higher always means more risk."""
    return np.asarray(values, dtype=float) * np.asarray(directions, dtype=float)[None, :]


def winsorise(values: np.ndarray, quantile: float = WINSOR_QUANTILE) -> np.ndarray:
    """Clip each column at its ``quantile`` and ``1 - quantile`` percentiles (NaN kept).

    A fixed rule rather than a skewness test: a conditional rule can switch on
    when one area's value rises and then lower that area's own score.
    """
    if values.size == 0 or np.isnan(values).all():
        return values.copy()
    low = np.nanquantile(values, quantile, axis=0)
    high = np.nanquantile(values, 1.0 - quantile, axis=0)
    return np.clip(values, low[None, :], high[None, :])


def normalise(values: np.ndarray, method: str) -> np.ndarray:
    """Oriented values -> 0..1 per column by ``method``; constant columns become 0, NaN stays NaN."""
    if method not in NORMALISATIONS:
        raise ValueError(f"unknown normalisation {method!r}; choose one of {', '.join(NORMALISATIONS)}")
    x = np.asarray(values, dtype=float)
    out = np.zeros_like(x)
    with np.errstate(invalid="ignore", divide="ignore"):
        if method == "rank":
            for j in range(x.shape[1]):
                col = x[:, j]
                ok = ~np.isnan(col)
                n = int(ok.sum())
                if n > 1:
                    out[ok, j] = (rankdata(col[ok]) - 1.0) / (n - 1.0)
            out[np.isnan(x)] = np.nan
            # a constant column ranks everyone equal: no information
            spread = np.nanmax(x, axis=0) - np.nanmin(x, axis=0) if x.shape[0] else np.zeros(x.shape[1])
            out[:, ~(spread > 0)] = np.where(np.isnan(x[:, ~(spread > 0)]), np.nan, 0.0)
            return out
        w = winsorise(x)
        if method == "minmax":
            low, high = np.nanmin(w, axis=0), np.nanmax(w, axis=0)
            span = high - low
            out = np.where(span > 0, (w - low) / np.where(span > 0, span, 1.0), 0.0)
        else:
            mean, sd = np.nanmean(w, axis=0), np.nanstd(w, axis=0)
            out = np.where(sd > 0, ndtr((w - mean) / np.where(sd > 0, sd, 1.0)), 0.0)
    out[np.isnan(x)] = np.nan
    return out


# --------------------------------------------------------------------------- aggregation


def aggregate(normalised: np.ndarray, weights: np.ndarray, method: str) -> np.ndarray:
    """Scores 0..1 for every area (rows) and every weight vector (rows of ``weights``).

    ``normalised`` is (areas x indicators) with NaN for missing; ``weights`` is
    (draws x indicators) or (indicators,). Missing indicators drop out of an
    area's weighted mean. Returns (areas x draws), or (areas,) for 1-D weights.
    """
    if method not in AGGREGATIONS:
        raise ValueError(f"unknown aggregation {method!r}; choose one of {', '.join(AGGREGATIONS)}")
    single = np.ndim(weights) == 1
    w = np.atleast_2d(np.asarray(weights, dtype=float))
    available = ~np.isnan(normalised)
    v = np.where(available, normalised, 0.0)
    denominator = available.astype(float) @ w.T
    if method == "arithmetic":
        numerator = v @ w.T
        with np.errstate(invalid="ignore", divide="ignore"):
            score = np.where(denominator > 0, numerator / np.where(denominator > 0, denominator, 1.0), 0.0)
    else:
        logs = np.where(available, np.log(GEOMETRIC_FLOOR + (1.0 - GEOMETRIC_FLOOR) * v), 0.0)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean_log = np.where(denominator > 0, (logs @ w.T) / np.where(denominator > 0, denominator, 1.0),
                                np.log(GEOMETRIC_FLOOR))
        score = (np.exp(mean_log) - GEOMETRIC_FLOOR) / (1.0 - GEOMETRIC_FLOOR)
    score = np.clip(score, 0.0, 1.0)
    return score[:, 0] if single else score


def contributions(normalised: np.ndarray, weights: np.ndarray, score: np.ndarray) -> np.ndarray:
    """Each indicator's share of each area's score, in score points (rows sum to the score).

    Exact for arithmetic aggregation; for geometric the score is split in
    proportion to ``weight x normalised value``, the usual approximation.
    """
    available = ~np.isnan(normalised)
    part = np.where(available, normalised, 0.0) * np.asarray(weights, dtype=float)[None, :]
    total = part.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total > 0, part / np.where(total > 0, total, 1.0), 0.0)
    return share * np.asarray(score, dtype=float)[:, None]


def point_ranks(score: np.ndarray) -> np.ndarray:
    """Rank 1 = highest score; ties broken by row order (stable, so reproducible)."""
    order = np.argsort(-np.asarray(score, dtype=float), kind="stable")
    ranks = np.empty(len(order), dtype=int)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


# --------------------------------------------------------------------------- coverage and fit


@dataclass(frozen=True)
class Coverage:
    """Data coverage: share of areas per indicator, share of indicators per area, and what is flagged."""

    indicators: pd.Series
    areas: pd.Series
    dropped: dict[str, str]

    @property
    def low_areas(self) -> pd.Series:
        return self.areas < MIN_COVERAGE


def coverage(values: pd.DataFrame) -> Coverage:
    """Coverage check (JRC 65%): indicators below it are dropped (named), areas below it flagged."""
    by_indicator = values.notna().mean(axis=0) if len(values) else pd.Series(0.0, index=values.columns)
    dropped = {
        str(name): f"indicator '{name}' has data for only {share:.0%} of areas (< {MIN_COVERAGE:.0%}); left out of the score"
        for name, share in by_indicator.items() if share < MIN_COVERAGE
    }
    kept = [c for c in values.columns if c not in dropped]
    by_area = values[kept].notna().mean(axis=1) if kept else pd.Series(0.0, index=values.index)
    return Coverage(indicators=by_indicator, areas=by_area, dropped=dropped)


def informative(values: pd.DataFrame) -> list[str]:
    """Indicators that vary between areas (a constant cannot rank anyone)."""
    return [c for c in values.columns if values[c].nunique(dropna=True) > 1]


class Composite:
    """One composite index, esda style: configure, ``fit`` on an indicator table, read ``*_``.

    Attributes after ``fit``: ``normalised_`` (0..1, index area_id), ``score_``
    (0..100), ``rank_`` (1 = highest), ``contributions_`` (score points per
    indicator; rows sum to ``score_``), ``weights_`` (used, summing to 1),
    ``coverage_``.
    """

    def __init__(self, specs: Mapping[str, IndicatorSpec], preset: str = "balanced",
                 weights: Mapping[str, float] | None = None, normalisation: str = "minmax",
                 aggregation: str = "arithmetic") -> None:
        if normalisation not in NORMALISATIONS:
            raise ValueError(f"unknown normalisation {normalisation!r}; choose one of {', '.join(NORMALISATIONS)}")
        if aggregation not in AGGREGATIONS:
            raise ValueError(f"unknown aggregation {aggregation!r}; choose one of {', '.join(AGGREGATIONS)}")
        every = {**SPECS, **dict(specs)}
        known = set(every) | {s.group for s in every.values()}
        unknown = sorted(k for k in (weights or {}) if k not in known)
        if unknown:
            raise ValueError(f"unknown indicator or group {unknown} in the weights; indicators are "
                             f"{sorted(every)}, groups are {sorted({s.group for s in every.values()})}")
        if preset not in PRESET_GROUPS:
            raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
        self.specs = dict(specs)
        self.preset = preset
        self.weights = dict(weights or {})
        self.normalisation = normalisation
        self.aggregation = aggregation

    def fit(self, values: pd.DataFrame) -> Composite:
        cov = coverage(values)
        used = [c for c in informative(values) if c not in cov.dropped and c in self.specs]
        if not used:
            used = [c for c in values.columns if c in self.specs][:1]
        specs = {n: self.specs[n] for n in used}
        self.weights_ = preset_weights(self.preset, specs, {k: v for k, v in self.weights.items()
                                                             if k in specs or k in {s.group for s in specs.values()}})
        directions = np.array([specs[n].direction for n in used], dtype=float)
        oriented = orient(values[used].to_numpy(dtype=float), directions)
        norm = normalise(oriented, self.normalisation)
        w = self.weights_.to_numpy()
        score = aggregate(norm, w, self.aggregation) * 100.0
        self.normalised_ = pd.DataFrame(norm, index=values.index, columns=used)
        self.score_ = pd.Series(score, index=values.index, name="score")
        self.rank_ = pd.Series(point_ranks(score), index=values.index, name="rank")
        self.contributions_ = pd.DataFrame(contributions(norm, w, score), index=values.index, columns=used)
        self.coverage_ = cov
        return self


def top_contributors(contrib: pd.DataFrame, k: int = 3) -> pd.DataFrame:
    """Names of the ``k`` largest positive contributors per area (``top_1``...), '' when none."""
    values = contrib.to_numpy(dtype=float)
    names = np.array(contrib.columns, dtype=object)
    order = np.argsort(-values, axis=1, kind="stable")[:, :k]
    out = {}
    for i in range(k):
        if i < values.shape[1]:
            idx = order[:, i]
            picked = values[np.arange(len(values)), idx]
            out[f"top_{i + 1}"] = np.where(picked > 0, names[idx], "")
        else:
            out[f"top_{i + 1}"] = np.full(len(values), "", dtype=object)
    return pd.DataFrame(out, index=contrib.index)


def read_weights(path: str | Path) -> dict[str, float]:
    """User weights from a CSV (``indicator,weight`` rows, header optional) or JSON file.

    JSON may be ``{"indicator": weight, ...}`` or a list of ``{"indicator": ..., "weight": ...}``.
    A key may also be a group name (``sectors``, ``migration``, ...). Raises
    ``ValueError`` naming the file, the row and what to fix.
    """
    path = Path(path)
    text = path.read_text(encoding="utf-8-sig")
    pairs: list[tuple[str, Any, str]] = []
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
        if isinstance(data, dict):
            pairs = [(str(k), v, f"key '{k}'") for k, v in data.items()]
        elif isinstance(data, list):
            for i, item in enumerate(data, start=1):
                if not isinstance(item, dict) or "indicator" not in item or "weight" not in item:
                    raise ValueError(f"{path.name}: item {i} must be an object with 'indicator' and 'weight'")
                pairs.append((str(item["indicator"]), item["weight"], f"item {i}"))
        else:
            raise ValueError(f"{path.name}: expected an object {{indicator: weight}} or a list of objects")
    else:
        rows = [r for r in csv.reader(io.StringIO(text)) if any(c.strip() for c in r)]
        for number, row in enumerate(rows, start=1):
            if len(row) < 2:
                raise ValueError(f"{path.name}, row {number}: expected two columns 'indicator,weight', got {row}")
            name, value = row[0].strip(), row[1].strip()
            if number == 1 and name.lower() in {"indicator", "indicador", "name"}:
                continue
            pairs.append((name, value, f"row {number}"))
    weights: dict[str, float] = {}
    for key, value, where in pairs:
        try:
            number_value = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{path.name}, {where}, column 'weight': {value!r} is not a number") from None
        if not np.isfinite(number_value) or number_value < 0:
            raise ValueError(f"{path.name}, {where}, column 'weight': weights must be numbers >= 0, not {value!r}")
        weights[key] = number_value
    if not weights:
        raise ValueError(f"{path.name}: no weights found; write rows 'indicator,weight'")
    return weights
