"""The Inspections page's plan map: routes per team-day, numbered stops, overnight stops.

Built from :func:`planner.exports.stops_frame` (one row per stop, offices and
overnight places included), on the same offline basemap as every page. Numbers
and overnight symbols are Leaflet ``divIcon`` markers created with their icon,
so the browser never asks the web for Leaflet's default marker images.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

import folium
import geopandas as gpd
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geodata.dataset import Dataset
from planner.palette import colours_for
from vigia.ui import map_views, maps
from vigia.ui.i18n import sector_label, t
from vigia.ui.maps import LegendItem, OfflineMap, PointStyle

ROUTE_CLASS = "vigia-route"
STOP_CLASS = "vigia-stop"
OVERNIGHT_CLASS = "vigia-overnight"
UNVISITED = PointStyle(color="#9a9a9a", fill="#d9d9d9", radius=3.0, weight=0.6, fill_opacity=0.8)
UNPLACED_MUST = PointStyle(color="#c00000", fill="#ffffff", radius=7.0, weight=2.5, fill_opacity=0.6)
OVERNIGHT_FILL = "#ffd84d"

_STOP_STYLE = """
<style>
.vigia-stop-icon { background: none; border: none; }
.vigia-stop { transform: translate(-50%, -50%); width: 18px; height: 18px; border-radius: 50%;
  background: #fff; border: 2.5px solid; font: bold 10px/18px sans-serif; text-align: center; color: #111;
  box-shadow: 0 0 2px rgba(0,0,0,0.5); }
.vigia-stop.locked { border-style: double; border-width: 4px; line-height: 13px; }
.vigia-overnight { transform: translate(-50%, -60%); width: 0; height: 0; border-left: 9px solid transparent;
  border-right: 9px solid transparent; border-bottom: 15px solid #111; position: relative; }
.vigia-overnight::after { content: ""; position: absolute; left: -6px; top: 4px; border-left: 6px solid transparent;
  border-right: 6px solid transparent; border-bottom: 9px solid #ffd84d; }
</style>
"""
#: The team legend beside the map (outside it: 40 teams would cover the map): wrapping columns.
_TEAM_LEGEND_STYLE = (
    "<style>.vigia-teams{display:flex;flex-wrap:wrap;gap:2px 14px;font:13px/1.5 sans-serif;color:#1f1f1f;"
    "max-height:220px;overflow-y:auto}.vigia-teams .row{display:flex;align-items:center;gap:6px;min-width:220px}"
    ".vigia-teams .sw{display:inline-block;width:22px;height:0;border-top:4px solid;flex:none}"
    ".vigia-teams small{color:#555}</style>"
)


class StopMarkers(MacroElement):
    """Numbered visit circles and overnight triangles as ``divIcon`` markers with tooltips."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.style }}{% endmacro %}
        {% macro script(this, kwargs) %}
        {{ this.stops|tojson }}.forEach(function(s) {
            var body = s.kind === "overnight"
                ? '<div class="vigia-overnight"></div>'
                : '<div class="vigia-stop' + (s.locked ? ' locked' : '') + '" style="border-color:' + s.colour + '">'
                  + s.label + '</div>';
            L.marker([s.lat, s.lon], {
                icon: L.divIcon({className: "vigia-stop-icon", iconSize: null, html: body}),
                keyboard: false, zIndexOffset: s.kind === "overnight" ? 500 : 1000
            }).bindTooltip(s.tooltip, {sticky: true}).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, stops: Sequence[dict]) -> None:
        super().__init__()
        self._name = "StopMarkers"
        self.style = _STOP_STYLE
        self.stops = list(stops)


def team_colours(team_ids: Sequence[str]) -> dict[str, str]:
    """One colour per team, in the order teams are given (stable across re-plans)."""
    return colours_for(list(team_ids))


def filter_stops(stops: pd.DataFrame, team_ids: Sequence[str] | None = None, day: date | None = None) -> pd.DataFrame:
    """The stops of the chosen teams (all when ``None`` or empty) on the chosen day (all when ``None``)."""
    keep = pd.Series(True, index=stops.index)
    if team_ids:
        keep &= stops["team_id"].astype(str).isin([str(k) for k in team_ids])
    if day is not None:
        keep &= stops["date"] == day
    return stops[keep]


def team_legend_html(stops: pd.DataFrame, colours: dict[str, str]) -> str:
    """Team names (not codes) with their line colour and visit count, for beside the map."""
    rows = []
    if not stops.empty:
        for team_id, group in stops.groupby("team_id", sort=False):
            visits = int((group["kind"] == "visit").sum())
            rows.append(f'<div class="row"><span class="sw" style="border-top-color:{colours.get(str(team_id), "#333")}">'
                        f'</span><span>{html.escape(str(group["team"].iloc[0]))} '
                        f'<small>({html.escape(t("inspections.legend_team_visits", n=visits))})</small></span></div>')
    return f'{_TEAM_LEGEND_STYLE}<div class="vigia-teams">{"".join(rows)}</div>'


def _tooltip(row: pd.Series) -> str:
    when = ""
    if pd.notna(row.get("arrive")):
        when = f" · {pd.Timestamp(row['arrive']):%H:%M}"
        if pd.notna(row.get("depart")):
            when += f"–{pd.Timestamp(row['depart']):%H:%M}"
    head = html.escape(str(row["place"]))
    day = t("inspections.map_day", day=int(row["day"]), date=f"{pd.Timestamp(row['date']):%d/%m}")
    return f"<b>{head}</b><br>{html.escape(str(row['team']))} · {html.escape(day)}{when}"


def _stop_markers(stops: pd.DataFrame, colours: dict[str, str]) -> list[dict]:
    markers = []
    for _, row in stops.iterrows():
        if row["kind"] not in ("visit", "overnight"):
            continue
        text = _tooltip(row)
        if row["kind"] == "visit" and isinstance(row.get("sector"), str):
            text += f"<br>{html.escape(sector_label(row['sector']))}"
        if row["kind"] == "overnight":
            text += f"<br>{html.escape(t('inspections.legend_overnight'))}"
        markers.append({
            "lat": round(float(row["lat"]), 5), "lon": round(float(row["lon"]), 5), "kind": row["kind"],
            "label": str(int(row["order"])) if row["kind"] == "visit" else "",
            "colour": colours.get(str(row["team_id"]), "#333"), "locked": bool(row.get("locked", False)),
            "tooltip": text,
        })
    return markers


def _route_lines(fmap: folium.Map, stops: pd.DataFrame, colours: dict[str, str]) -> None:
    for _, group in stops.sort_values("seq").groupby(["team_id", "day"], sort=True):
        coords = [(round(float(lat), 5), round(float(lon), 5)) for lat, lon in zip(group["lat"], group["lon"])]
        if len(coords) < 2:
            continue
        first = group.iloc[0]
        day = t("inspections.map_day", day=int(first["day"]), date=f"{pd.Timestamp(first['date']):%d/%m}")
        label = f"{first['team']} · {day}"
        folium.PolyLine(coords, color=colours.get(str(first["team_id"]), "#333"), weight=3, opacity=0.85,
                        tooltip=html.escape(label), class_name=ROUTE_CLASS).add_to(fmap)


def plan_map(
    dataset: Dataset,
    stops: pd.DataFrame,
    unplaced_must: gpd.GeoDataFrame | None,
    online: bool,
    colours: dict[str, str] | None = None,
    visited: set[str] | None = None,
) -> OfflineMap:
    """Routes per team-day (one colour per team), numbered visits, overnight stops, offices.

    Sites not in the plan are small grey dots; must-visit sites the planner could
    not place are red rings so nobody mistakes them for covered. ``colours`` (default:
    from ``stops``) keeps each team's colour when ``stops`` is filtered; ``visited``
    (default: the visits in ``stops``) are the sites not drawn grey. The team legend
    goes beside the map (:func:`team_legend_html`); the map's own legend names the symbols.
    """
    fmap = map_views.base_map(dataset, online)
    if colours is None:
        colours = team_colours(list(stops["team_id"].astype(str)) if not stops.empty else [])
    sites = dataset.get("sites")
    items: list[LegendItem] = []
    if sites is not None and not sites.empty:
        if visited is None:
            visited = set(stops.loc[stops["kind"] == "visit", "site_id"].astype(str)) if not stops.empty else set()
        others = sites[~sites["site_id"].astype(str).isin(visited)]
        if not others.empty:
            shown = others.assign(sector_text=[sector_label(str(s)) for s in others["sector"]])
            maps.add_points(fmap, shown, name="unvisited", class_name=maps.SITE_CLASS, style=UNVISITED,
                            tooltip={"name": t("col.site"), "sector_text": t("col.sector")})
            items.append(LegendItem(t("inspections.legend_unvisited"), UNVISITED.color, "circle", UNVISITED.fill))
    if unplaced_must is not None and not unplaced_must.empty:
        maps.add_points(fmap, unplaced_must, name="unplaced_must", class_name=maps.SITE_CLASS, style=UNPLACED_MUST,
                        tooltip={"name": t("col.site"), "reason_text": t("inspections.col_reason")})
        items.append(LegendItem(t("inspections.legend_unplaced"), UNPLACED_MUST.color, "circle", "#ffffff"))
    offices = stops[stops["kind"] == "office"] if not stops.empty else stops
    if not offices.empty:
        points = offices.drop_duplicates(["lon", "lat"])
        frame = gpd.GeoDataFrame({"name": points["place"].astype(str).values},
                                 geometry=gpd.points_from_xy(points["lon"], points["lat"]), crs="EPSG:4326")
        maps.add_points(fmap, frame, name="offices_labour", class_name=maps.OFFICE_CLASS, style=map_views.LABOUR,
                        tooltip={"name": t("office_kind.labour")})
        items.append(LegendItem(t("office_kind.labour"), map_views.LABOUR.color, "circle", "transparent"))
    if not stops.empty:
        _route_lines(fmap, stops, colours)
        StopMarkers(_stop_markers(stops, colours)).add_to(fmap)
        if (stops["kind"] == "overnight").any():
            items.append(LegendItem(t("inspections.legend_overnight"), "#111111", "fill", OVERNIGHT_FILL))
    maps.add_legend(fmap, t("inspections.legend_title"), items)
    return fmap
