"""Replay evaluation: had Vigía ranked the sites at the start of a year, would it have found more?

A replay, not a simulation: everything is fitted on the inspections recorded
*before* the year (the areas' shrunk yield per visit, :mod:`risk.effort`; the
site yield, :mod:`risk.site_yield`), the sites are ranked, and the ranking is
compared with what that year's real inspections found:

* ``auc``: the site ranking against "found at least one victim" among the sites
  inspected that year (None when all or none found one);
* ``hit_rate_top_decile``: victims per inspection at the sites in Vigía's top
  10% of all sites; ``hit_rate_rest``: at every other site (None without visits);
* ``share_found_first_half_vigia``: had the year's inspections been done in
  Vigía's order (ties in their real order), the share of the year's victims
  found in the first half of them (the first ceil(n/2)); ``..._actual``: the
  same in the order they were actually done (date, then file order);
* ``year``, ``inspections``, ``victims``.

Visits without a ``site_id`` are ranked by their area's yield. When the site
yield cannot be learned yet (too little history) sites are ranked by their
area's yield alone: :attr:`Replay.fallback` holds the site yield's refusal (a code the
app and the CLI word) and :attr:`Replay.note` says it in English.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from risk.effort import inspection_effort
from risk.site_yield import YieldRefusal, evaluate_yield, fit_site_yield, prepared_visits

#: The figures, in the order ``vigia evaluate --json`` prints them.
REPLAY_KEYS: tuple[str, ...] = (
    "year", "inspections", "victims", "auc", "hit_rate_top_decile", "hit_rate_rest",
    "share_found_first_half_vigia", "share_found_first_half_actual",
)

#: Share of the ranked sites counted as Vigía's top.
TOP_SHARE = 0.1


class ReplayError(ValueError):
    """The year cannot be replayed; ``kind`` is ``no_year`` (no inspections that year) or ``no_history``
    (none before it), the message says it in plain words."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class Replay:
    """Figures (:data:`REPLAY_KEYS`) and, when the site yield could not be learned (sites then ranked by
    their area's yield), why."""

    figures: dict[str, float | int | None]
    fallback: YieldRefusal | None = None
    #: The site yield model's own check on the year (:func:`risk.site_yield.evaluate_yield`):
    #: AUC, Brier, calibration table, and the same weighted by 1 / selection probability on random visits.
    yield_check: dict[str, object] = field(default_factory=dict)

    @property
    def note(self) -> str | None:
        """How the sites were ranked, in plain English, when not by the site yield (None otherwise)."""
        if self.fallback is None:
            return None
        return f"{self.fallback}; sites were ranked by their area's yield per inspection"


def _auc(labels: np.ndarray, scores: np.ndarray) -> float | None:
    from sklearn.metrics import roc_auc_score

    if len(set(labels.tolist())) < 2:
        return None
    return round(float(roc_auc_score(labels, scores)), 4)


def _share_first_half(victims: np.ndarray) -> float | None:
    total = victims.sum()
    if total <= 0:
        return None
    return round(float(victims[: math.ceil(len(victims) / 2)].sum() / total), 4)


def _rate(victims: pd.Series) -> float | None:
    return round(float(victims.mean()), 4) if len(victims) else None


def _site_areas(sites: pd.DataFrame, visits: pd.DataFrame) -> pd.Series:
    """Each site's area: the sites' own ``area_id`` when given, else the area of its last visit."""
    index = pd.Index(sites["site_id"].astype(str), name="site_id")
    if "area_id" in sites:
        return pd.Series(sites["area_id"].astype(str).to_numpy(), index=index)
    return visits.dropna(subset=["site_id"]).groupby("site_id")["area_id"].last().reindex(index)


def replay(sites: pd.DataFrame, inspections: pd.DataFrame, year: int) -> Replay:
    """Fit on the inspections before ``year``, rank, compare with ``year``'s inspections (module docstring)."""
    visits = prepared_visits(inspections).reset_index(drop=True)
    this_year = visits[visits["date"].dt.year == year]
    before = visits[visits["date"].dt.year < year]
    if this_year.empty:
        raise ReplayError("no_year", f"no inspections recorded in {year}: there is nothing to compare the ranking with")
    if before.empty:
        raise ReplayError("no_history", f"no inspections recorded before {year}: there is no earlier history to learn from")
    areas = pd.Index(sorted(set(visits["area_id"]) | set(sites.get("area_id", pd.Series(dtype=str)).astype(str))),
                     name="area_id")
    area_yield = inspection_effort(before, areas).table["yield_per_inspection"]
    fitted = fit_site_yield(sites, before, area_yield, as_of=f"{year}-01-01")
    if fitted.fitted:
        site_score = fitted.table["expected_victims"]
    else:
        site_score = _site_areas(sites, visits).map(area_yield).astype(float)
    fallback = this_year["area_id"].map(area_yield).astype(float)
    score = this_year["site_id"].map(site_score).astype(float).fillna(fallback).fillna(0.0)
    victims = this_year["victims"].astype(float)

    known = this_year["site_id"].notna()
    by_site = pd.DataFrame({"found": victims[known] > 0, "score": score[known],
                            "site": this_year.loc[known, "site_id"]}).groupby("site").agg(
        found=("found", "max"), score=("score", "first"))
    ranked = site_score.dropna().sort_values(ascending=False, kind="stable")
    top = set(ranked.index[: max(1, math.ceil(TOP_SHARE * len(ranked)))]) if len(ranked) else set()
    in_top = this_year["site_id"].isin(top)
    vigia_order = np.argsort(-score.to_numpy(), kind="stable")  # this_year is already in real (date) order
    figures: dict[str, float | int | None] = {
        "year": int(year), "inspections": int(len(this_year)), "victims": int(victims.sum()),
        "auc": _auc(by_site["found"].to_numpy(int), by_site["score"].to_numpy(float)),
        "hit_rate_top_decile": _rate(victims[in_top]), "hit_rate_rest": _rate(victims[~in_top]),
        "share_found_first_half_vigia": _share_first_half(victims.to_numpy()[vigia_order]),
        "share_found_first_half_actual": _share_first_half(victims.to_numpy()),
    }
    return Replay(figures=figures, fallback=fitted.refusal, yield_check=evaluate_yield(sites, inspections, year, area_yield))


def replay_years(sites: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    """:func:`replay` for every year that has both inspections and an earlier history (one row per year)."""
    years = sorted(set(prepared_visits(inspections)["date"].dt.year.dropna().astype(int)))
    rows = [replay(sites, inspections, y).figures for y in years[1:]]
    return pd.DataFrame(rows, columns=list(REPLAY_KEYS))
