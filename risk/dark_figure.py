"""The dark figure: how many victims no agency found, by multiple systems estimation (MSE).

When several agencies each keep a list of the victims they saw, the overlaps
between lists say how many were seen by none (SDG indicator 16.2.2; UNODC's
recommended method, used for the UK 2013 estimate behind the Modern Slavery Act
and UNODC's studies of the Netherlands, Serbia, Ireland and Romania). Only the
aggregated count per combination of lists is needed, never names.

The method, as in the published UK and UNODC work: Poisson log-linear models
over the 2^k table of capture histories (the unobserved cell left out), fitted
with statsmodels' GLM. Every model has the main effects of the lists;
pairwise interactions (two lists that tend to see the same people) are added
one at a time, each step taking the one that lowers AIC (or BIC) most, until
none does. The unobserved cell is ``exp(intercept)``. Interactions that cannot
be estimated (two lists nobody is on together; a term the design cannot tell
apart from the unobserved cell; a model whose estimate does not exist) are
detected with :mod:`risk.identifiability` and left out, with the reason kept in
``excluded_terms_``. When no model has an estimate (e.g. lists that never
overlap), :class:`NotIdentifiable` says why instead of printing a number.

Assumptions a reader must weigh: a closed population over the period; the same
person is recognised across lists (no false or missed matches); within each
model, the dependence between lists is the one the interactions describe.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import pandas as pd
import statsmodels.api as sm
from scipy.optimize import brentq
from scipy.stats import chi2

from risk.capture_table import CaptureTable
from risk.identifiability import Term, design_matrix, full_rank, mle_exists

Criterion = Literal["aic", "bic"]
IntervalMethod = Literal["profile", "bootstrap"]

#: Label of the model with main effects only.
MAIN_EFFECTS = "main effects"
#: Stratum label of the whole table (all periods or departments together).
ALL = "all"


#: Farthest the profile search goes from the estimate, in log units (a factor e^25 ~ 7e10).
_MAX_LOG_SPAN = 25.0


class NotIdentifiable(ValueError):
    """No estimate of the dark figure exists for this table; ``reason`` says why in plain words."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True, eq=False)
class ModelFit:
    """One fitted log-linear model and its estimate of the unobserved cell (compared by identity)."""

    terms: tuple[Term, ...]
    names: tuple[tuple[str, str], ...]
    params: np.ndarray
    fitted: np.ndarray
    llf: float
    aic: float
    bic: float
    deviance: float
    dark: float
    observed: int
    wald_se: float

    @property
    def estimate(self) -> float:
        """Observed plus estimated unobserved: the total number of victims."""
        return self.observed + self.dark

    @property
    def label(self) -> str:
        """``main effects + police:ngo + ...``: the model as published MSE work writes it."""
        return " + ".join([MAIN_EFFECTS, *(f"{a}:{b}" for a, b in self.names)])

    def score(self, criterion: Criterion) -> float:
        return self.aic if criterion == "aic" else self.bic


def _pair_label(table: CaptureTable, term: Term) -> str:
    return f"{table.lists[term[0]]}:{table.lists[term[1]]}"


def fit_model(table: CaptureTable, terms: Sequence[Term]) -> ModelFit | str:
    """Fit main effects plus ``terms``; a plain reason (str) when the model has no estimate."""
    terms = tuple(sorted((min(i, j), max(i, j)) for i, j in terms))
    design = design_matrix(table.histories, terms)
    if not full_rank(design):
        return "the data cannot tell it apart from the number nobody found (not identifiable)"
    if not mle_exists(design, table.counts):
        return ("the estimate does not exist: the overlaps sit at an extreme the model cannot fit (e.g. everyone "
                "on one list is also on another, or some lists never meet), so a parameter runs off to infinity")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = sm.GLM(table.counts, design, family=sm.families.Poisson()).fit()
    if not result.converged or not np.all(np.isfinite(result.params)):
        return "the fit did not converge"
    params = np.asarray(result.params, dtype=float)
    observed = table.observed
    k = design.shape[1]
    llf = float(result.llf)
    return ModelFit(
        terms=terms,
        names=tuple((table.lists[i], table.lists[j]) for i, j in terms),
        params=params,
        fitted=np.asarray(result.fittedvalues, dtype=float),
        llf=llf,
        aic=-2 * llf + 2 * k,
        bic=-2 * llf + k * math.log(max(observed, 2)),
        deviance=float(result.deviance),
        dark=float(math.exp(params[0])),
        observed=observed,
        wald_se=float(np.sqrt(result.cov_params()[0, 0])),
    )


def profile_interval(table: CaptureTable, model: ModelFit, level: float = 0.95) -> tuple[float, float]:
    """Profile-likelihood interval for the total: the intercept values whose deviance rises by < chi2(1).

    Each trial value of the intercept (log of the unobserved cell) is held
    fixed as an offset while every other parameter is refitted. The upper
    limit is ``inf`` when no finite value is bad enough to exclude.
    """
    design = design_matrix(table.histories, model.terms)
    rest = design[:, 1:]
    limit = float(chi2.ppf(level, 1))
    start = model.params[1:]

    def excess(intercept: float) -> float:
        """Deviance above the interval's limit; nan when the constrained fit breaks down."""
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                result = sm.GLM(table.counts, rest, family=sm.families.Poisson(),
                                offset=np.full(len(table.counts), intercept)).fit(start_params=start)
            except (ValueError, np.linalg.LinAlgError, OverflowError):
                return math.nan
        return float(result.deviance) - model.deviance - limit

    centre = float(model.params[0])
    # The profile limit is usually near the Wald one (1.96 se): start just beyond it so one fit brackets it.
    step = max(1.1 * math.sqrt(limit) * model.wald_se, 0.05)
    bounds = []
    for direction in (-1.0, 1.0):
        width, found = step, None
        while width <= _MAX_LOG_SPAN:
            trial = centre + direction * width
            value = excess(trial)
            if math.isnan(value):
                break  # too far out to fit: treat this side as unbounded
            if value > 0:
                found = trial
                break
            width *= 2
        if found is None:
            bounds.append(-math.inf if direction < 0 else math.inf)
            continue
        low_end, high_end = sorted((centre, found))
        bounds.append(brentq(excess, low_end, high_end, xtol=1e-3))
    low = model.observed + (math.exp(bounds[0]) if math.isfinite(bounds[0]) else 0.0)
    high = model.observed + math.exp(bounds[1]) if math.isfinite(bounds[1]) else math.inf
    return low, high


def bootstrap_interval(table: CaptureTable, model: ModelFit, level: float = 0.95, draws: int = 999,
                       seed: int = 0, candidates: Sequence[ModelFit] = (),
                       criterion: Criterion = "bic") -> tuple[float, float]:
    """Parametric bootstrap percentile interval (Buckland & Garthwaite 1991), seeded.

    Tables are drawn from ``model``'s fitted Poisson means. Without
    ``candidates`` the same model is refitted to each; with them, each draw
    refits every candidate and keeps the one the criterion prefers, so the
    interval also carries the uncertainty of choosing the model (Silverman,
    Chan & Vincent 2023, "Bootstrapping multiple systems estimates to account
    for model selection", restricting the search to the best models of the
    original data). Draws with no finite estimate count as an infinite total.
    """
    rng = np.random.default_rng(seed)
    models = list(candidates) or [model]
    designs = [design_matrix(table.histories, m.terms) for m in models]
    totals = np.empty(draws)
    for d in range(draws):
        counts = rng.poisson(model.fitted).astype(float)
        seen = float(counts.sum())
        best_score, best_total = math.inf, math.inf
        for candidate, design in zip(models, designs):
            fitted = _refit(counts, design, candidate.params)
            if fitted is None:
                continue
            llf, intercept = fitted
            k = design.shape[1]
            score = -2 * llf + (2 * k if criterion == "aic" else k * math.log(max(seen, 2)))
            if score < best_score:
                best_score, best_total = score, seen + math.exp(intercept)
        totals[d] = best_total
    tail = (1 - level) / 2
    low, high = np.quantile(totals, [tail, 1 - tail], method="linear")
    return float(low), float(high)


def _refit(counts: np.ndarray, design: np.ndarray, start: np.ndarray) -> tuple[float, float] | None:
    """(log-likelihood, intercept) of one bootstrap refit, or None when it has no finite estimate."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            result = sm.GLM(counts, design, family=sm.families.Poisson()).fit(start_params=start)
        except (ValueError, np.linalg.LinAlgError):
            return None
    intercept = float(result.params[0])
    if not result.converged or not math.isfinite(intercept) or intercept > 50:
        return None
    return float(result.llf), intercept


class MultipleSystems:
    """Stepwise log-linear multiple systems estimation (esda style: configure, ``fit``, read attributes).

    Parameters
    ----------
    criterion:
        ``"bic"`` (default; ``-2 log L + p log n``, n the people observed) or
        ``"aic"``: what a pairwise interaction must lower to be added. BIC adds
        fewer spurious interactions, the main criticism of stepwise MSE
        (Whitehead et al. 2021): in ``benchmarks/mse_coverage.py`` its 95%
        intervals held the true total in 94% of 300 simulated populations
        (AIC: 90%). AIC reproduces the UK 2013 model.
    interval:
        ``"profile"`` (profile likelihood given the chosen model; deterministic)
        or ``"bootstrap"`` (parametric, ``draws`` tables drawn with ``seed``,
        each re-choosing among the ``top`` best models, so the interval also
        reflects the choice of model).
    level:
        Coverage of the interval (0.95).
    top:
        How many of the best models the sensitivity table shows.

    Attributes (after :meth:`fit`)
    ------------------------------
    observed_, estimate_, low_, high_, dark_, ratio_:
        People on some list; estimated total; its interval; estimated unseen;
        estimate / observed.
    model_:
        The chosen :class:`ModelFit`; ``model_.label`` names its terms.
    sensitivity_:
        The best ``top`` models by the criterion (and the chosen one) with their
        estimates and profile-likelihood intervals, so every row is on the same
        footing whatever ``interval`` the headline uses.
    excluded_terms_:
        Interaction label -> why it could not be used.
    dropped_lists_, notes_:
        Lists set aside (nobody on them) and plain-language notes.
    """

    def __init__(self, criterion: Criterion = "bic", interval: IntervalMethod = "profile", level: float = 0.95,
                 draws: int = 499, seed: int = 0, top: int = 5):
        if criterion not in ("aic", "bic"):
            raise ValueError(f"criterion must be 'aic' or 'bic', not {criterion!r}")
        if interval not in ("profile", "bootstrap"):
            raise ValueError(f"interval must be 'profile' or 'bootstrap', not {interval!r}")
        if not 0 < level < 1:
            raise ValueError("level must be between 0 and 1")
        self.criterion: Criterion = criterion
        self.interval: IntervalMethod = interval
        self.level = level
        self.draws = int(draws)
        self.seed = int(seed)
        self.top = int(top)

    # ------------------------------------------------------------------ fitting

    def fit(self, table: CaptureTable) -> MultipleSystems:
        """Choose a model stepwise and estimate the total; raises :class:`NotIdentifiable` when none exists."""
        self.notes_: list[str] = []
        self.dropped_lists_ = [name for name, size in table.list_sizes().items() if size == 0]
        if self.dropped_lists_:
            table = table.without(self.dropped_lists_)
            self.notes_.append(f"nobody is on {', '.join(self.dropped_lists_)}: set aside (an empty list tells nothing)")
        self.table_ = table
        self.observed_ = table.observed
        self._refuse_hopeless(table)
        self.excluded_terms_: dict[str, str] = {}
        candidates: list[Term] = []
        for i in range(table.k):
            for j in range(i + 1, table.k):
                if table.overlap(i, j) == 0:
                    self.excluded_terms_[_pair_label(table, (i, j))] = (
                        f"nobody is on both {table.lists[i]} and {table.lists[j]}, so how the two lists "
                        "depend on each other cannot be estimated; left out")
                else:
                    candidates.append((i, j))
        main = fit_model(table, ())
        if isinstance(main, str):
            raise NotIdentifiable(f"not even the simplest model (lists independent) gives an estimate: {main}")
        self.models_: dict[tuple[Term, ...], ModelFit] = {(): main}
        self.model_ = self._stepwise(table, main, candidates)
        self.dark_ = self.model_.dark
        self.estimate_ = self.model_.estimate
        self.low_, self.high_ = self._interval(table, self.model_)
        self.ratio_ = self.estimate_ / self.observed_
        if not math.isfinite(self.high_):
            self.notes_.append("the upper end of the interval is unbounded: the overlaps are too thin to rule out "
                               "very large numbers")
        self._sensitivity: pd.DataFrame | None = None
        return self

    @property
    def sensitivity_(self) -> pd.DataFrame:
        """The best ``top`` models and their estimates (computed when first asked for: intervals cost fits)."""
        if self._sensitivity is None:
            self._sensitivity = self._rank_models(self.table_)
        return self._sensitivity

    def _refuse_hopeless(self, table: CaptureTable) -> None:
        """The plain refusals, before any model is tried."""
        if table.observed == 0:
            raise NotIdentifiable("nobody is on any list")
        if table.k < 2:
            raise NotIdentifiable("at least two lists with people on them are needed; "
                                  f"only {table.k} has anyone ({', '.join(table.lists) or 'none'})")
        if all(table.overlap(i, j) == 0 for i in range(table.k) for j in range(i + 1, table.k)):
            raise NotIdentifiable(
                "the lists never overlap: nobody appears on more than one list. The overlaps are what tell "
                "how many nobody found (none in common means the lists could be tiny samples of a huge "
                "population), so no estimate exists")

    def _stepwise(self, table: CaptureTable, current: ModelFit, candidates: list[Term]) -> ModelFit:
        failed: dict[tuple[Term, ...], str] = {}
        while True:
            best: ModelFit | None = None
            for term in candidates:
                if term in current.terms:
                    continue
                terms = tuple(sorted((*current.terms, term)))
                fitted = self.models_.get(terms)
                if fitted is None and terms not in failed:
                    attempt = fit_model(table, terms)
                    if isinstance(attempt, str):
                        failed[terms] = attempt
                        label = _pair_label(table, term)
                        self.excluded_terms_.setdefault(label, f"with {_label_of(table, current.terms)}: {attempt}; left out")
                        continue
                    fitted = self.models_[terms] = attempt
                if fitted is not None and (best is None or fitted.score(self.criterion) < best.score(self.criterion)):
                    best = fitted
            if best is None or best.score(self.criterion) >= current.score(self.criterion):
                return current
            current = best

    def _interval(self, table: CaptureTable, model: ModelFit) -> tuple[float, float]:
        if self.interval == "bootstrap":
            best = sorted(self.models_.values(), key=lambda m: m.score(self.criterion))[: max(self.top, 1)]
            if model not in best:
                best.append(model)
            return bootstrap_interval(table, model, self.level, self.draws, self.seed, best, self.criterion)
        return profile_interval(table, model, self.level)

    def _rank_models(self, table: CaptureTable) -> pd.DataFrame:
        ranked = sorted(self.models_.values(), key=lambda m: m.score(self.criterion))[: self.top]
        if self.model_ not in ranked:
            ranked.append(self.model_)
        best = ranked[0].score(self.criterion)
        rows = []
        for model in ranked:
            low, high = profile_interval(table, model, self.level)
            rows.append({"model": model.label, "interactions": len(model.terms),
                         self.criterion: model.score(self.criterion),
                         f"delta_{self.criterion}": model.score(self.criterion) - best,
                         "estimate": model.estimate, "low": low, "high": high,
                         "chosen": model is self.model_})
        return pd.DataFrame(rows)


def _label_of(table: CaptureTable, terms: tuple[Term, ...]) -> str:
    return " + ".join([MAIN_EFFECTS, *(_pair_label(table, t) for t in terms)])


# ---------------------------------------------------------------- strata


@dataclass
class StratumEstimate:
    """The estimate for one stratum (or the reason there is none)."""

    stratum: str
    observed: int
    fit: MultipleSystems | None = None
    reason: str | None = None


@dataclass
class StrataEstimates:
    """Estimates for the whole table and, with ``by``, for each period or department."""

    by: str | None
    strata: list[StratumEstimate]

    def table(self) -> pd.DataFrame:
        """One row per stratum: ``stratum, observed, estimate, low, high, model, reason``."""
        rows = []
        for s in self.strata:
            fit = s.fit
            rows.append({
                "stratum": s.stratum, "observed": s.observed,
                "estimate": fit.estimate_ if fit else math.nan,
                "low": fit.low_ if fit else math.nan,
                "high": fit.high_ if fit else math.nan,
                "model": fit.model_.label if fit else "",
                "reason": s.reason or "",
            })
        return pd.DataFrame(rows, columns=["stratum", "observed", "estimate", "low", "high", "model", "reason"])

    @property
    def overall(self) -> StratumEstimate:
        return self.strata[0]


def estimate_strata(frame: pd.DataFrame, by: str | None = None, lists: Sequence[str] | None = None,
                    **options: object) -> StrataEstimates:
    """The dark figure of the whole ``lists`` table and, with ``by`` (``period``/``admin1``), of each stratum.

    ``options`` go to :class:`MultipleSystems`. A stratum with no estimate gets
    its reason instead of a number; the others are unaffected.
    """
    if by is not None and by not in frame.columns:
        raise ValueError(f"the table has no '{by}' column to split by")
    groups: list[tuple[str, pd.DataFrame]] = [(ALL, frame)]
    if by is not None:
        keys = frame[by].astype(str)
        groups += [(str(key), frame[keys == key]) for key in sorted(keys.unique())]
    results = []
    for name, part in groups:
        table = CaptureTable.from_frame(part, lists)
        try:
            fitted = MultipleSystems(**options).fit(table)  # type: ignore[arg-type]
            results.append(StratumEstimate(name, table.observed, fit=fitted))
        except NotIdentifiable as exc:
            results.append(StratumEstimate(name, table.observed, reason=exc.reason))
    return StrataEstimates(by, results)
