"""How much risk one inspection of a site covers (its priority).

Three sources, in this order:

1. **Area scores** (the area layer of a scores file, :mod:`geodata.scores_file`: ``area_id``,
   ``score`` 0..100): each site gets the score of the area that contains it (spatial join on the
   dataset's areas). This is the normal path: the risk map drives the routes.
2. **A numeric column of ``sites``** the user names (e.g. a complaint count).
3. **The sector x area rule** (:data:`SECTOR_AREA_RULE`), when neither is available.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geodata.contracts import HIGH_RISK_SECTORS
from geodata.dataset import Dataset
from geodata.problems import DataError, Problem
from geodata.scores_file import AREA_LAYER, HINT

#: Sector weight in the fallback rule: contract high-risk sectors 1.0, others 0.5.
HIGH_RISK_WEIGHT = 1.0
OTHER_SECTOR_WEIGHT = 0.5

SECTOR_AREA_RULE = (
    "Priority = sector weight x area factor. Sector weight is 1.0 for the high-risk sectors of the "
    "data contract (" + ", ".join(HIGH_RISK_SECTORS) + ") and 0.5 for any other sector. Area factor "
    "is 1 + the area's labour-exploitation cases per 10,000 residents divided by the highest such "
    "rate in the country (so 1 to 2); it is 1 everywhere when the dataset has no cases layer. "
    "Scale: 0.5 to 2, higher = inspect first."
)


def site_priorities(
    dataset: Dataset,
    sites: pd.DataFrame,
    area_ids: pd.Series,
    *,
    scores: pd.DataFrame | None = None,
    column: str | None = None,
) -> tuple[np.ndarray, str]:
    """Priority of every site (same order as ``sites``) and the sentence saying how it was set."""
    source = dataset.source or "dataset"
    if scores is not None:
        return _from_scores(scores, area_ids), (
            "Priority = risk score (0-100) of the area that contains the site, from the scores file.")
    if column is not None:
        return _from_column(sites, column, source), f"Priority = the sites column '{column}'."
    return sector_area_rule(dataset, sites, area_ids), SECTOR_AREA_RULE


def _from_scores(scores: pd.DataFrame, area_ids: pd.Series) -> np.ndarray:
    missing = [c for c in ("area_id", "score") if c not in scores.columns]
    if missing:
        raise DataError([Problem("scores", AREA_LAYER, None, c, f"the scores have no '{c}' column", HINT)
                         for c in missing])
    by_area = pd.Series(pd.to_numeric(scores["score"], errors="coerce").to_numpy(),
                        index=scores["area_id"].astype(str)).groupby(level=0).max()
    values = area_ids.astype(str).map(by_area).to_numpy(dtype=float)
    return np.nan_to_num(values, nan=0.0).clip(min=0.0)


def _from_column(sites: pd.DataFrame, column: str, source: str) -> np.ndarray:
    if column not in sites.columns:
        raise DataError([Problem(source, "sites", None, column, f"the sites have no column '{column}'",
                                 f"choose one of: {', '.join(map(str, sites.columns))}")])
    values = pd.to_numeric(sites[column], errors="coerce")
    bad = values.isna() & sites[column].notna()
    if bad.any() or (values < 0).any():
        rows = [int(i) + 2 for i in np.flatnonzero(bad.to_numpy() | (values < 0).to_numpy())[:5]]
        raise DataError([Problem(source, "sites", r, column, "priority must be a number >= 0",
                                 "fix the cell or choose another column") for r in rows])
    return values.fillna(0.0).to_numpy(dtype=float)


def sector_area_rule(dataset: Dataset, sites: pd.DataFrame, area_ids: pd.Series) -> np.ndarray:
    """The fallback rule, :data:`SECTOR_AREA_RULE`."""
    high = {s.lower() for s in HIGH_RISK_SECTORS}
    sector = sites["sector"].astype(str).str.strip().str.lower() if "sector" in sites else pd.Series("", index=sites.index)
    weight = np.where(sector.isin(high).to_numpy(), HIGH_RISK_WEIGHT, OTHER_SECTOR_WEIGHT)
    factor = np.ones(len(sites))
    cases = dataset.get("cases")
    areas = dataset.areas
    if cases is not None and len(cases) and "population" in areas:
        labour = cases[cases["exploitation"].astype(str) == "labour"].groupby(cases["area_id"].astype(str))["cases"].sum()
        population = pd.Series(areas["population"].to_numpy(dtype=float), index=areas["area_id"].astype(str))
        rate = (labour.reindex(population.index).fillna(0.0) / population.where(population > 0)).fillna(0.0) * 1e4
        if rate.max() > 0:
            factor = 1.0 + area_ids.astype(str).map(rate / rate.max()).fillna(0.0).to_numpy(dtype=float)
    return weight * factor
