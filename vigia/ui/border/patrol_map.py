"""The patrol coverage map: places coloured by planned coverage, each unit's week in its own colour.

Units get glasbey colours (:mod:`planner.palette`), distinct for dozens of units; the
page filters units and days, and the unit legend sits outside the map (collapsible),
so it never covers the border it explains.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import geopandas as gpd
import numpy as np
import shapely

from geodata.contracts import CRS
from geodata.dataset import Dataset
from planner.palette import colours_for
from planner.patrols.exports import short_place
from planner.patrols.model import slot_day
from planner.patrols.roster import Roster
from vigia.ui import chrome, map_views, maps
from vigia.ui.i18n import fmt_int, fmt_pct, t
from vigia.ui.maps import LegendItem, PointStyle

#: Coverage bands (share of the week's shifts guarded) and their colours (light -> dark blue).
BANDS = (0.0, 0.05, 0.15, 0.3, 0.5)
BAND_COLOURS = ("#d9d9d9", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def _band(value: float) -> int:
    return int(np.searchsorted(BANDS, value, side="right") - 1)


def _band_label(i: int) -> str:
    low = BANDS[i]
    high = BANDS[i + 1] if i + 1 < len(BANDS) else 1.0
    return f"{fmt_int(100 * low)}–{fmt_pct(high)}"


def unit_colours(roster: Roster) -> dict[str, str]:
    """``unit_id -> colour``, stable in the units' order."""
    return colours_for([u.unit_id for u in roster.problem.units])


def _coverage_layers(fmap: maps.OfflineMap, roster: Roster, probability: np.ndarray) -> None:
    frame = roster.problem.targets_frame()
    share = probability.mean(axis=1)
    frame["band"] = [str(_band(v)) for v in share]
    frame["share_text"] = [fmt_pct(v) for v in share]
    frame["kind_label"] = [t("patrols.kind.stretch") if k == "stretch" else t(f"crossing_kind.{k}")
                           for k in frame["kind"]]
    tooltip = {"name": t("col.crossing"), "kind_label": t("col.kind"), "share_text": t("patrols.legend_title")}
    stretches, points = frame[frame["kind"] == "stretch"], frame[frame["kind"] != "stretch"]
    for i, colour in enumerate(BAND_COLOURS):
        chosen = stretches[stretches["band"] == str(i)]
        if not chosen.empty:
            maps.add_polygons(fmap, chosen, name=f"stretches_{i}", fill_opacity=0.0, line=colour, weight=5.0,
                              tooltip=tooltip, class_name="vigia-stretch")
    styles = {str(i): PointStyle(color="#222222", fill=c, radius=9.0, weight=1.0, fill_opacity=1.0)
              for i, c in enumerate(BAND_COLOURS)}
    maps.add_points(fmap, points, name="coverage", class_name="vigia-coverage", style=styles["0"],
                    style_column="band", styles=styles, tooltip=tooltip)


def _unit_layers(fmap: maps.OfflineMap, roster: Roster, units: Sequence[str], day: int | None) -> int:
    """A line from each shown unit's base to each place it covers (on ``day``, or all week); returns the count."""
    p, colours, drawn = roster.problem, unit_colours(roster), 0
    for u, unit in enumerate(p.units):
        if unit.unit_id not in units:
            continue
        places = sorted({t for uu, t, s in roster.assignments() if uu == u and (day is None or slot_day(s) == day)})
        if not places:
            continue
        base = shapely.Point(unit.lon, unit.lat)
        lines = gpd.GeoDataFrame(
            {"unit": [unit.name] * len(places), "place": [short_place(p.targets[t]) for t in places]},
            geometry=[shapely.LineString([base, p.targets[t].geometry.centroid]) for t in places], crs=CRS)
        maps.add_polygons(fmap, lines, name=f"unit_{u}", fill_opacity=0.0, line=colours[unit.unit_id], weight=3.0,
                          tooltip={"unit": t("patrols.col.unit"), "place": t("patrols.pin_target")},
                          class_name="vigia-unit-route")
        bases = gpd.GeoDataFrame({"unit": [unit.name]}, geometry=[base], crs=CRS)
        maps.add_points(fmap, bases, name=f"base_{u}", class_name="vigia-unit-base",
                        style=PointStyle(color="#222222", fill=colours[unit.unit_id], radius=6.0, weight=1.0),
                        tooltip={"unit": t("patrols.col.unit")})
        drawn += len(places)
    return drawn


def coverage_map(dataset: Dataset, roster: Roster, probability: np.ndarray, units: Sequence[str],
                 day: int | None) -> tuple[maps.OfflineMap, int]:
    """The border map with planned coverage and the chosen units' places; also how many unit-places it drew."""
    fmap = map_views.border(dataset, chrome.online_tiles())
    _coverage_layers(fmap, roster, probability)
    drawn = _unit_layers(fmap, roster, units, day)
    maps.add_legend(fmap, t("patrols.legend_title"),
                    [LegendItem(_band_label(i), "#222222", "circle", c) for i, c in enumerate(BAND_COLOURS)])
    return fmap, drawn


def unit_legend_html(roster: Roster, units: Sequence[str]) -> str:
    """The unit colours as a wrapping list of swatches and names (shown beside the map, not on it)."""
    colours = unit_colours(roster)
    items = [f'<span style="display:inline-block;margin:0 12px 4px 0;white-space:nowrap">'
             f'<span style="display:inline-block;width:14px;height:4px;vertical-align:middle;'
             f'background:{colours[u.unit_id]};margin-right:4px"></span>{html.escape(u.name)}</span>'
             for u in roster.problem.units if u.unit_id in units]
    return f'<div style="line-height:1.6;font-size:0.8rem">{"".join(items)}</div>'
