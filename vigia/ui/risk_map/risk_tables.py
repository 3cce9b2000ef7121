"""Tables the risk pages show and export, with every case count passed through the privacy rule.

Recorded cases leave the app only through :func:`protect_recorded`, the scores
file's rule: small counts are hidden and, per department, complementary cells too,
because the Data page publishes department and national totals (a hidden cell must
not be recoverable by subtraction). The recorded ÷ expected ratio is dropped wherever the count is
hidden, since ratio × expected would give the count back.
"""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.contracts import HIGH_RISK_SECTORS
from geodata.dataset import Dataset
from geodata.privacy import suppression_mask
from geodata.scores_file import SUMMARY_AREA_COLUMNS, SUMMARY_CROSSING_COLUMNS, published_areas
from vigia.ui.i18n import has_text, sector_label, t


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


#: ``sector_<slug>`` indicator names back to the contract's sector names (for their translations).
_SECTOR_BY_SLUG = {_slug(sector): sector for sector in HIGH_RISK_SECTORS}


def indicator_label(name: object) -> str:
    """An indicator's translated name, or the name as given (datasets may add their own)."""
    text = str(name)
    if has_text(f"indicator.{text}"):
        return t(f"indicator.{text}")
    if text.startswith("sector_"):
        sector = _SECTOR_BY_SLUG.get(text[len("sector_"):], text[len("sector_"):].replace("_", " "))
        return t("indicator.sector_share", sector=sector_label(sector))
    return text.replace("_", " ")


def group_label(group: str) -> str:
    """A weight group's translated name (cases, migration, sectors, ...), or the name as given."""
    return t(f"indicator_group.{group}") if has_text(f"indicator_group.{group}") else group.replace("_", " ")


def protect_recorded(area_scores: pd.DataFrame, thousands: str = ",") -> tuple[pd.Series, pd.Series]:
    """Recorded cases as the text that may leave the app, and which of them are hidden.

    The rule is the scores file's (:func:`geodata.scores_file.published_areas`, i.e.
    :func:`geodata.privacy.hidden_areas`): small counts and, per department, their
    complements are hidden, since the Data page publishes department totals. Hidden
    cells read ``"<5"`` (small) or ``"*"`` (hidden so a small one cannot be worked out).
    Both series share ``area_scores``' index.
    """
    text = pd.Series("", index=area_scores.index, dtype="object")
    hidden = pd.Series(False, index=area_scores.index)
    if "recorded_cases" not in area_scores.columns:
        return text, hidden
    published = published_areas(area_scores)
    marks = published["recorded_suppressed"].astype(str)
    hidden = marks != ""
    counts = [f"{int(v):,}".replace(",", thousands) if pd.notna(v) else "" for v in published["recorded_cases"]]
    text = pd.Series(np.where(hidden, marks, counts), index=area_scores.index, dtype="object")
    return text, pd.Series(hidden.to_numpy(), index=area_scores.index)


def export_frame(area_scores: gpd.GeoDataFrame,
                 protected: tuple[pd.Series, pd.Series] | None = None) -> gpd.GeoDataFrame:
    """``area_scores`` as it may be downloaded: chosen columns, counts protected, ratio dropped where hidden.

    Counts are written without thousands separators (a "1.234" in a CSV reads as a decimal);
    ``protected`` is ``protect_recorded(area_scores, thousands="")`` when the caller has it.
    """
    columns = [c for c in SUMMARY_AREA_COLUMNS if c in area_scores.columns]
    out = gpd.GeoDataFrame(pd.DataFrame(area_scores[columns]).copy(), geometry=area_scores.geometry.values,
                           crs=area_scores.crs)
    if "recorded_cases" in out.columns:
        text, hidden = protected if protected is not None else protect_recorded(area_scores, thousands="")
        out["recorded_cases"] = text.to_numpy()
        if "detection_ratio" in out.columns:
            ratio = pd.to_numeric(out["detection_ratio"], errors="coerce").astype(float)
            out["detection_ratio"] = ratio.where(~hidden.to_numpy()).round(3)
    for column, decimals in (("score", 2), ("p_top10", 3), ("expected_cases", 2)):
        if column in out.columns:
            out[column] = pd.to_numeric(out[column], errors="coerce").astype(float).round(decimals)
    return out.sort_values("rank", kind="stable").reset_index(drop=True)


def crossing_export_frame(crossing_scores: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    columns = [c for c in SUMMARY_CROSSING_COLUMNS if c in crossing_scores.columns]
    out = gpd.GeoDataFrame(pd.DataFrame(crossing_scores[columns]).copy(),
                           geometry=crossing_scores.geometry.values, crs=crossing_scores.crs)
    out["score"] = out["score"].astype(float).round(2)
    return out.sort_values("rank", kind="stable").reset_index(drop=True)


def interval_text(low: float, high: float) -> str:
    return t("riskmap.interval_short", low=int(low), high=int(high))


def top_table(area_scores: pd.DataFrame, n: int = 20) -> pd.DataFrame:
    """The ``n`` highest-risk areas with their 90% rank interval, labelled for display."""
    top = area_scores.sort_values("rank", kind="stable").head(n)
    table = pd.DataFrame({
        t("riskcol.rank"): top["rank"].astype(int).to_numpy(),
        t("riskcol.area"): top["name"].astype(str).to_numpy(),
        t("riskcol.admin1"): top["admin1"].astype(str).to_numpy(),
        t("riskcol.score"): top["score"].astype(float).round(1).to_numpy(),
        t("riskcol.interval"): [interval_text(lo, hi) for lo, hi in zip(top["rank_low"], top["rank_high"])],
        t("riskcol.p_top10"): (100 * top["p_top10"].astype(float)).round(0).to_numpy(),
    })
    if "hotspot" in top.columns:
        table[t("riskcol.hotspot")] = [_label("hotspot", v) for v in top["hotspot"]]
    drivers = [c for c in ("top_1", "top_2", "top_3") if c in top.columns]
    if drivers:
        table[t("riskcol.drivers")] = [", ".join(indicator_label(v) for v in row if isinstance(v, str) and v)
                                       for row in top[drivers].itertuples(index=False)]
    return table


def _label(prefix: str, value: object) -> str:
    key = f"{prefix}.{value}"
    return t(key) if isinstance(value, str) and has_text(key) else ("" if value is None else str(value))


def contributions(contrib: pd.DataFrame, area_id: str) -> pd.DataFrame:
    """One area's positive contributions per indicator, largest first, labelled for display."""
    if area_id not in contrib.index:
        return pd.DataFrame(columns=[t("riskcol.indicator"), t("riskcol.contribution")])
    row = pd.Series(contrib.loc[area_id], dtype=float).fillna(0.0).sort_values(ascending=False)
    row = row[row > 0]  # indicators with no weight (or a zero value) explain nothing
    return pd.DataFrame({t("riskcol.indicator"): [indicator_label(i) for i in row.index],
                         t("riskcol.contribution"): row.to_numpy()})


def case_trend(dataset: Dataset, area_id: str, total_hidden: bool = False) -> pd.DataFrame | None:
    """Recorded cases of one area per period, hidden cells as missing (gaps in the chart).

    The area's own total (shown in its detail) is the line's total, so one small
    period is never left alone to be recovered from it; when that total is itself
    hidden (to protect a neighbour's count), every period is hidden, since their
    sum would give it back. ``None`` when the dataset has no cases layer.
    """
    cases = dataset.get("cases")
    if cases is None:
        return None
    periods = sorted(cases["period"].astype(str).unique())
    mine = cases[cases["area_id"].astype(str) == str(area_id)]
    per_period = mine.groupby(mine["period"].astype(str))["cases"].sum().reindex(periods, fill_value=0)
    row = pd.DataFrame([per_period.to_numpy()], columns=periods)
    row["total"] = row[periods].sum(axis=1)
    primary, secondary = suppression_mask(row, periods, ["total"])
    hidden = (primary | secondary).iloc[0]
    # the rule would hide the total itself to protect a period; the total is shown anyway, so hide every period
    total_hidden = total_hidden or bool(hidden["total"])
    values = [np.nan if total_hidden or hidden[p] else float(per_period[p]) for p in periods]
    return pd.DataFrame({t("riskcol.period"): periods, t("riskcol.cases"): values}).set_index(t("riskcol.period"))


def trend_empty_reason(trend: pd.DataFrame | None) -> str | None:
    """The text key saying why an area's cases-per-period chart would show nothing, or None to draw it.

    A chart of nothing (every period hidden or zero, or a single period) draws a flat
    axis that reads like data ("0.000000"); the page says why in words instead.
    """
    if trend is None:
        return "riskmap.no_cases"
    values = trend.iloc[:, 0]
    if values.isna().all():
        return "riskmap.trend_hidden"
    if len(values) < 2:
        return "riskmap.trend_few_periods"
    if not (values.fillna(0) > 0).any():
        return "riskmap.trend_none_shown" if values.isna().any() else "riskmap.trend_zero"
    return None


#: A classed view whose every area holds this one class has nothing to show: (column, class, text key).
ONE_CLASS_VIEWS: dict[str, tuple[str, str, str]] = {
    "emerging": ("emerging", "no_pattern", "riskmap.emerging_none"),
    "hotspot": ("hotspot", "not_significant", "riskmap.hotspot_none"),
}


def classes_empty_reason(area_scores: pd.DataFrame, view: str) -> str | None:
    """The text key explaining a hotspot or emerging map where every area has the "nothing" class."""
    if view not in ONE_CLASS_VIEWS:
        return None
    column, nothing, key = ONE_CLASS_VIEWS[view]
    if column not in area_scores.columns or len(area_scores) == 0:
        return None
    return key if set(area_scores[column].astype(str)) == {nothing} else None


def as_text(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with decimals written out (1 decimal, none for whole columns; the language's mark),
    for a wrapping table."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            values = out[column]
            digits = 0 if (values.dropna() % 1 == 0).all() else 1  # a rounded percentage stays whole
            out[column] = [("" if pd.isna(v) else f"{v:.{digits}f}".replace(".", "," if lang == "es" else "."))
                           for v in values]
    return out


def drivers_text(drivers: object) -> str:
    """A crossing's drivers (indicator names separated by commas or semicolons), translated."""
    if not isinstance(drivers, str) or not drivers.strip():
        return ""
    parts = [p.strip() for p in re.split(r"[;,]", drivers) if p.strip()]
    return ", ".join(t(f"crossing_driver.{p}") if has_text(f"crossing_driver.{p}") else indicator_label(p)
                     for p in parts)


def crossing_table(ranked: pd.DataFrame, drivers: list[str]) -> pd.DataFrame:
    """Crossings in rank order with score, 90% rank interval and drivers, labelled for display."""
    return pd.DataFrame({
        t("riskcol.rank"): ranked["rank"].astype(int).to_numpy(),
        t("riskcol.crossing"): ranked["name"].astype(str).to_numpy(),
        t("riskcol.neighbour"): [t(f"country.{n}") if has_text(f"country.{n}") else str(n)
                                 for n in ranked["neighbour"]],
        t("riskcol.kind"): [t(f"crossing_kind.{k}") if has_text(f"crossing_kind.{k}") else str(k)
                            for k in ranked["kind"]],
        t("riskcol.score"): ranked["score"].astype(float).round(1).to_numpy(),
        t("riskcol.interval"): [interval_text(lo, hi) for lo, hi in zip(ranked["rank_low"], ranked["rank_high"])],
        t("riskcol.drivers"): drivers,
    })
