"""Expected cases and the detection gap: where are cases probably not being found?

Recorded cases measure risk times detection effort. A Poisson model that
predicts an area's cases from what drives trafficking (sector exposure,
migration pressure, geography, population) but NOT from past cases gives the
count an area "should" record if it were policed like the average area; an area
recording far fewer is flagged as likely under-detected.

Two scikit-learn models are compared, both with population x years as the
exposure (fitted on the rate with the exposure as sample weight, which is the
Poisson GLM with a log-exposure offset): a Poisson GLM and gradient boosting
with Poisson loss. Both are judged by spatially grouped cross-validation (folds
by ``admin1``, so a department is never predicted from itself) against a
population-only baseline; the model with the lowest held-out Poisson deviance
gives each area its out-of-fold expected count.

With an inspection history (``effort``: visits per area and year) the effort
enters every model as a covariate, and each area's expected count is predicted
at the *average* effort: "what it would record if inspected like the average
area". An area with few cases because nobody went there then no longer reads as
safe, and an area with many cases only because inspectors go there often no
longer reads as riskier than its drivers say. Deviance is still judged on the
prediction at the area's actual effort.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import poisson
from threadpoolctl import threadpool_limits

#: Fewer areas than this and a model with several predictors cannot be validated.
MIN_AREAS = 12

#: An area is flagged when recording this few cases would happen with probability below
#: this under its expected count (one-sided Poisson test).
UNDER_DETECTION_P = 0.05

#: Spatial folds (at most; fewer when there are fewer departments).
MAX_FOLDS = 5

MODELS: tuple[str, ...] = ("glm", "boosting", "baseline")


@dataclass
class ExpectedCases:
    """Result of :func:`expected_cases`.

    ``table`` (index area_id): ``recorded_cases``, ``expected_cases``,
    ``detection_ratio`` (recorded / expected), ``p_under`` (P(X <= recorded)
    under the expected count) and ``under_detection`` (flag). ``deviance``:
    held-out mean Poisson deviance per model. ``reason`` says why nothing was
    fitted (then expected columns are NaN).
    """

    table: pd.DataFrame
    deviance: dict[str, float] = field(default_factory=dict)
    model: str | None = None
    folds: str = ""
    features: list[str] = field(default_factory=list)
    reason: str | None = None
    #: Visits per year the expected counts are predicted at (None: no effort given).
    reference_effort: float | None = None

    @property
    def fitted(self) -> bool:
        return self.reason is None


def _glm_design(features: pd.DataFrame) -> np.ndarray:
    """log1p of the (non-negative, skewed) indicators, NaN filled with the median."""
    x = features.to_numpy(dtype=float)
    x = np.log1p(np.clip(x, 0.0, None))
    medians = np.nanmedian(x, axis=0) if len(x) else np.zeros(x.shape[1])
    medians = np.where(np.isnan(medians), 0.0, medians)
    return np.where(np.isnan(x), medians[None, :], x)


#: Boosting sees each feature as at most this many quantile bins. Binning here (on the
#: features only, never the outcome) spares scikit-learn's weighted-percentile binning,
#: which costs seconds per fit when a sample weight (the exposure) is given.
BOOSTING_BINS = 32


def _quantile_codes(features: pd.DataFrame) -> np.ndarray:
    """Each feature as its quantile-bin number (0..BOOSTING_BINS-1), NaN kept: trees only need the order."""
    x = features.to_numpy(dtype=float)
    out = np.full_like(x, np.nan)
    for j in range(x.shape[1]):
        col = x[:, j]
        ok = ~np.isnan(col)
        if not ok.any():
            continue
        edges = np.unique(np.quantile(col[ok], np.linspace(0, 1, BOOSTING_BINS + 1)[1:-1]))
        out[ok, j] = np.searchsorted(edges, col[ok], side="left")
    return out


def _folds(groups: pd.Series, n: int, seed: int) -> tuple[list[tuple[np.ndarray, np.ndarray]], str]:
    from sklearn.model_selection import GroupKFold, KFold

    labels = groups.astype(str).to_numpy()
    distinct = len(set(labels))
    if distinct >= 2:
        k = min(MAX_FOLDS, distinct)
        return list(GroupKFold(n_splits=k).split(np.zeros(n), groups=labels)), f"{k} folds grouped by admin1"
    k = min(MAX_FOLDS, n)
    splits = list(KFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(n)))
    return splits, f"{k} random folds (only one admin1, so folds cannot be spatial)"


def _fit_predict(model: str, x_train: np.ndarray, rate: np.ndarray, weight: np.ndarray,
                 x_test: np.ndarray, seed: int) -> np.ndarray:
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.linear_model import PoissonRegressor
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    if model == "boosting":
        est = HistGradientBoostingRegressor(
            loss="poisson", max_iter=60, learning_rate=0.08, max_leaf_nodes=8,
            min_samples_leaf=max(5, len(rate) // 20), l2_regularization=1.0, random_state=seed)
        est.fit(x_train, rate, sample_weight=weight)
        return np.asarray(est.predict(x_test), dtype=float)
    glm = make_pipeline(StandardScaler(), PoissonRegressor(alpha=1e-3, max_iter=300))
    glm.fit(x_train, rate, poissonregressor__sample_weight=weight)
    # A log-linear model explodes outside the range it was fitted on (a department whose
    # Brazil-nut share no training department reaches): predict at the nearest seen value.
    clipped = np.clip(x_test, x_train.min(axis=0), x_train.max(axis=0))
    return np.asarray(glm.predict(clipped), dtype=float)


def under_detection(recorded: np.ndarray, expected: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``P(X <= recorded)`` under Poisson(expected), and the flag: that is below 5% and at least 1 case is expected."""
    expected = np.nan_to_num(np.asarray(expected, dtype=float))
    p_under = poisson.cdf(np.asarray(recorded, dtype=float), expected)
    return p_under, (p_under < UNDER_DETECTION_P) & (expected >= 1.0)


def _empty(recorded: pd.Series, reason: str) -> ExpectedCases:
    table = pd.DataFrame({
        "recorded_cases": recorded.astype("int64"),
        "expected_cases": np.nan, "detection_ratio": np.nan, "p_under": np.nan,
        "under_detection": False,
    }, index=recorded.index)
    return ExpectedCases(table=table, reason=reason)


def _effort_columns(effort: np.ndarray, reference: float) -> dict[str, tuple[np.ndarray, float]]:
    """The effort covariate per design (log1p for the linear models, bin codes for boosting) and its
    value at ``reference``, so a prediction at the average effort is one column swap."""
    logged = np.log1p(np.clip(effort, 0.0, None))
    ref = float(np.log1p(reference))
    edges = np.unique(np.quantile(logged, np.linspace(0, 1, BOOSTING_BINS + 1)[1:-1]))
    codes = np.searchsorted(edges, logged, side="left").astype(float)
    return {"glm": (logged, ref), "baseline": (logged, ref),
            "boosting": (codes, float(np.searchsorted(edges, ref, side="left")))}


def expected_cases(features: pd.DataFrame, recorded: pd.Series, exposure: pd.Series, groups: pd.Series,
                   seed: int = 0, effort: pd.Series | None = None) -> ExpectedCases:
    """Out-of-fold expected cases per area from non-case ``features`` (index area_id).

    ``recorded``: cases recorded over the whole period; ``exposure``: residents
    x years; ``groups``: admin1 of each area (spatial folds); ``effort``
    (optional): inspection visits per area and year, a covariate whose average
    value the expected counts are predicted at (module docstring). Refuses,
    with a reason, when there are too few areas, no cases, or no residents.
    """
    from sklearn.metrics import mean_poisson_deviance

    recorded = recorded.reindex(features.index).fillna(0)
    exposure = exposure.reindex(features.index).astype(float)
    ok = (exposure > 0).to_numpy()
    n = int(ok.sum())
    if n < MIN_AREAS:
        return _empty(recorded, f"only {n} area(s) with residents; the expected-cases model needs at least {MIN_AREAS}")
    if recorded[ok].sum() <= 0:
        return _empty(recorded, "no cases recorded: there is nothing to model expected cases from")
    y = recorded[ok].to_numpy(dtype=float)
    scale = exposure[ok].to_numpy() / 1e5  # rates per 100,000 person-years keep the numbers near 1
    rate = y / scale
    names = [c for c in features.columns if features[c].nunique(dropna=True) > 1]
    x_full = features.loc[ok, names]
    designs = {
        "glm": _glm_design(x_full) if names else np.zeros((n, 1)),
        "boosting": _quantile_codes(x_full) if names else np.zeros((n, 1)),
        "baseline": np.log(scale)[:, None],  # population only: a rate that may scale with size
    }
    reference: float | None = None
    at_reference = dict(designs)
    if effort is not None:
        visits = effort.reindex(features.index).fillna(0.0).to_numpy(dtype=float)
        reference = float(visits.mean())
        for model, (column, ref) in _effort_columns(visits[ok], reference).items():
            designs[model] = np.column_stack([designs[model], column])
            at_reference[model] = np.column_stack([designs[model][:, :-1], np.full(n, ref)])
    splits, folds = _folds(groups.reindex(features.index)[ok], n, seed)
    oof = {m: np.zeros(n) for m in MODELS}
    oof_ref = {m: np.zeros(n) for m in MODELS}
    # One thread: on a shared machine OpenMP spin-waiting makes small fits 10x slower.
    with threadpool_limits(1):
        for train, test in splits:
            for model in MODELS:
                kind = "boosting" if model == "boosting" else "glm"
                x = designs[model]
                both = np.vstack([x[test], at_reference[model][test]])
                pred = _fit_predict(kind, x[train], rate[train], scale[train], both, seed)
                oof[model][test], oof_ref[model][test] = pred[:len(test)], pred[len(test):]
    deviance = {}
    for model in MODELS:
        expected = np.clip(oof[model] * scale, 1e-9, None)
        deviance[model] = float(mean_poisson_deviance(y, expected))
    best = min(("glm", "boosting"), key=lambda m: deviance[m])
    if deviance["baseline"] < deviance[best]:
        best = "baseline"
    expected_all = np.full(len(features), np.nan)
    expected_all[ok] = oof_ref[best] * scale
    table = pd.DataFrame(index=features.index)
    table["recorded_cases"] = recorded.astype("int64")
    table["expected_cases"] = expected_all
    with np.errstate(invalid="ignore", divide="ignore"):
        table["detection_ratio"] = np.where(expected_all > 0, recorded.to_numpy() / expected_all, np.nan)
    p_under, flagged = under_detection(recorded.to_numpy(dtype=float), expected_all)
    table["p_under"] = np.where(ok, p_under, np.nan)
    table["under_detection"] = flagged & ok
    if effort is not None:
        # How many times more (or fewer) cases the area would record at the average effort.
        factor = np.full(len(features), np.nan)
        with np.errstate(invalid="ignore", divide="ignore"):
            factor[ok] = oof_ref[best] / np.clip(oof[best], 1e-12, None)
        table["effort_factor"] = factor
    return ExpectedCases(table=table, deviance=deviance, model=best, folds=folds, features=names,
                         reference_effort=reference)
