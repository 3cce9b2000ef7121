"""The adversary: recover hidden case counts from what Vigía writes, with nothing but the files.

Each attack reads a scores GeoPackage the way anybody can (``pyogrio``, no Vigía
code), plus what Vigía publishes elsewhere (department totals on the Data page,
the populations in the dataset), and guesses every hidden area's recorded count.

* :func:`invert_smoothing` — the empirical-Bayes case rate is ``c = s*b + (s - m)*m/v``
  for exposure ``b`` = population x years and two unknown global numbers per
  type, so the total is linear in ``population*s``, ``s`` and 1: least squares
  on the areas whose totals are published, then predict the hidden ones.
* :func:`invert_scores` — the same on the *score* of runs whose weights isolate
  one case rate each (differencing runs with different weights).
* :func:`department_intervals` — subtract the visible counts from each published
  department total: what interval is left for each hidden small count?

Used by ``tests/privacy/test_attacks.py`` and ``benchmarks/privacy_attack.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio

RATE_PREFIX = "case_rate_"


@dataclass
class Published:
    """One scores file as an outsider reads it: area rows (index area_id) and the indicators."""

    areas: pd.DataFrame
    indicators: pd.DataFrame

    @property
    def hidden(self) -> pd.Series:
        return self.areas["recorded_cases"].isna()


def read_published(path: str | Path) -> Published:
    """Any scores file (this version or an older one): layers read by name, nothing validated."""
    areas = pd.DataFrame(pyogrio.read_dataframe(path, layer="area_scores", read_geometry=False))
    areas["area_id"] = areas["area_id"].astype(str)
    areas["recorded_cases"] = pd.to_numeric(areas["recorded_cases"], errors="coerce")
    indicators = pd.DataFrame(pyogrio.read_dataframe(path, layer="indicators", read_geometry=False))
    indicators["area_id"] = indicators["area_id"].astype(str)
    return Published(areas.set_index("area_id"), indicators.set_index("area_id"))


def _fit_predict(design: pd.DataFrame, target: pd.Series, usable: pd.Series | None = None) -> pd.Series:
    """Least squares of ``target`` on ``design`` where the target is known; predictions everywhere."""
    x = np.column_stack([design.to_numpy(dtype=float), np.ones(len(design))])
    known = target.notna().to_numpy() & np.isfinite(x).all(axis=1)
    if usable is not None:
        known &= usable.to_numpy()
    coef, *_ = np.linalg.lstsq(x[known], target.to_numpy(dtype=float)[known], rcond=None)
    return pd.Series(np.nan_to_num(x) @ coef, index=design.index)


def invert_smoothing(published: Published, population: pd.Series) -> pd.Series:
    """Estimated total recorded cases of every area from the smoothed case rates and populations."""
    rates = published.indicators[[c for c in published.indicators.columns if c.startswith(RATE_PREFIX)]]
    pop = population.reindex(rates.index).astype(float)
    design = pd.concat([rates.mul(pop, axis=0).add_suffix("_x_pop"), rates], axis=1)
    return _fit_predict(design, published.areas["recorded_cases"].reindex(rates.index))


def invert_scores(runs: Mapping[str, Published], population: pd.Series) -> pd.Series:
    """Estimated totals from the ``score`` of runs that each weigh one case rate only (no indicators used)."""
    first = next(iter(runs.values()))
    pop = population.reindex(first.areas.index).astype(float)
    scores = pd.DataFrame({name: run.areas["score"].reindex(first.areas.index).astype(float)
                           for name, run in runs.items()})
    # a score is an affine map of the (winsorised) rate, so the count is linear in score*pop, score and pop
    design = pd.concat([scores.mul(pop, axis=0).add_suffix("_x_pop"), scores, pop.rename("pop")], axis=1)
    # winsorising clips the extremes at the score's 0 and 100: fit on the areas strictly inside
    inside = ((scores > scores.min()) & (scores < scores.max())).all(axis=1)
    return _fit_predict(design, first.areas["recorded_cases"], inside)


def exact_share(estimates: pd.Series, truth: pd.Series, hidden: pd.Series) -> float:
    """Share of hidden counts the estimates hit exactly (after rounding)."""
    ids = hidden.index[hidden.to_numpy()]
    if len(ids) == 0:
        return 0.0
    guess = np.rint(estimates.reindex(ids).to_numpy(dtype=float))
    return float((guess == truth.reindex(ids).to_numpy(dtype=float)).mean())


def blind_guess_share(truth: pd.Series, hidden: pd.Series) -> float:
    """The best a guesser does without any file: always answer the most common hidden value."""
    values = truth[hidden.reindex(truth.index, fill_value=False).to_numpy()]
    return float(values.value_counts(normalize=True).max()) if len(values) else 0.0


def _sums(ranges: Iterable[tuple[int, int]], cap: int) -> set[int]:
    """Every sum (up to ``cap``) of one value from each inclusive range."""
    reach = {0}
    for low, high in ranges:
        reach = {s + v for s in reach for v in range(low, high + 1) if s + v <= cap}
    return reach


def department_intervals(published: Published, totals: pd.Series, threshold: int) -> dict[str, tuple[int, int]]:
    """For every hidden small count: the interval left after subtracting visible counts from its department total.

    A "<5" cell is 1..threshold-1; a "*" cell is not small (threshold and more).
    """
    out: dict[str, tuple[int, int]] = {}
    areas = published.areas
    for dept, members in areas.groupby("admin1"):
        rest = int(totals[dept] - members["recorded_cases"].fillna(0).sum())
        marks = members.get("recorded_suppressed", pd.Series("", index=members.index)).fillna("").astype(str)
        hidden = members["recorded_cases"].isna().to_numpy()
        other = list(members.index[hidden & (marks == "*").to_numpy()])
        small = list(members.index[hidden & (marks != "*").to_numpy()])
        for area in small:
            smalls = _sums([(1, threshold - 1)] * (len(small) - 1), rest)
            # a "*" cell adds 0 or >= threshold, so the others reach any s in smalls, or s + k for k >= threshold
            # a "*" cell is not small: here taken as >= threshold each (the strongest reading)
            floor = len(other) * threshold
            feasible = [v for v in range(1, threshold) if (not other and (rest - v) in smalls)
                        or (other and any(rest - v - s >= floor for s in smalls))]
            out[str(area)] = (min(feasible), max(feasible)) if feasible else (1, threshold - 1)
    return out


def invert_type_rates(published: Published, population: pd.Series, rates: list[str],
                      unexplained: pd.Series | None = None) -> pd.DataFrame:
    """Estimated counts per area and type (one column per rate in ``rates``) from the smoothed type rates.

    Each type's count is ``s*b + alpha*s + beta`` (see the module docstring); areas whose
    published total is 0 pin every type at 0, the other published totals pin the sum.
    ``unexplained`` is what the attacker is handed for free: counts of types without an
    informative rate (subtracted from each total), an upper bound on side knowledge.
    """
    s = published.indicators[rates].astype(float)
    pop = population.reindex(s.index).astype(float)
    total = published.areas["recorded_cases"].reindex(s.index)
    rest = total - (unexplained.reindex(s.index).fillna(0) if unexplained is not None else 0)
    k, rows, target = len(rates), [], []
    for area in s.index:
        values, b = s.loc[area].to_numpy(), float(pop[area])
        if pd.isna(total[area]):
            continue
        if total[area] == 0:
            for i in range(k):
                row = np.zeros(1 + 2 * k)
                row[0], row[1 + i], row[1 + k + i] = values[i] * b, values[i], 1.0
                rows.append(row)
                target.append(0.0)
        else:
            rows.append(np.concatenate([[float((values * b).sum())], values, np.ones(k)]))
            target.append(float(rest[area]))
    coef, *_ = np.linalg.lstsq(np.array(rows), np.array(target), rcond=None)
    out = {rate: s[rate] * pop * coef[0] + coef[1 + i] * s[rate] + coef[1 + k + i] for i, rate in enumerate(rates)}
    return pd.DataFrame(out)
