"""Offline Leaflet maps (folium + streamlit-folium) for every page.

:class:`OfflineMap` carries Leaflet itself as ``data:`` URIs and nothing else
(no jQuery, Bootstrap, icon fonts or CDN links), so a map renders with no
internet; drawn in the app (:func:`in_frame`), it loads the same files from the
app's own server instead. The background is a vector basemap from ``geodata.basemap``; web
tiles are added only when the user switches them on. Layers are reduced for
display (simplified, coordinates rounded) so the page stays light, and legends
are plain HTML because branca colormaps pull d3 from a CDN.
"""

from __future__ import annotations

import html
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import streamlit as st
from branca.colormap import ColorMap
from branca.element import Element, Figure, MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

from vigia.ui.offline import leaflet_css_uri, leaflet_js_uri, served_css, served_js

#: CSS classes on map features, so tests (and styles) can find each layer.
AREA_CLASS = "vigia-area"
CROSSING_CLASS = "vigia-crossing"
OFFICE_CLASS = "vigia-office"
SITE_CLASS = "vigia-site"

#: South-west and north-east corners around Bolivia (lat, lon).
BOLIVIA_BOUNDS = [[-23.0, -69.7], [-9.6, -57.4]]

#: Degrees; about 1 km, invisible at country scale and a large cut in vertices.
DISPLAY_TOLERANCE = 0.01
#: Decimal places kept in display coordinates (about 100 m).
DISPLAY_DECIMALS = 3

#: Where layers go: the map itself, or a feature group that the app swaps without reloading the map.
Target = folium.Map | folium.FeatureGroup

SEA = "#dbe7ef"
NEIGHBOUR_FILL = "#ece8df"
BOLIVIA_FILL = "#ffffff"
BORDER_LINE = "#8c8577"
DEPARTMENT_LINE = "#3b3b3b"

_STYLE = f"""
<style>
.leaflet-container {{ background: {SEA}; font-family: sans-serif; }}
.vigia-legend {{ background: rgba(255,255,255,0.94); color: #1f1f1f; padding: 8px 10px;
  font: 13px/1.45 sans-serif; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,0.35);
  max-width: 260px; }}
.vigia-legend b {{ display: block; margin-bottom: 4px; }}
.vigia-legend .row {{ display: flex; align-items: center; gap: 6px; white-space: nowrap; }}
.vigia-legend .sw {{ display: inline-block; width: 14px; height: 14px; flex: none; box-sizing: border-box; }}
.vigia-legend .circle {{ border-radius: 50%; }}
.vigia-legend .line {{ height: 0; border-top-width: 2px; border-top-style: solid; }}
.vigia-label-icon {{ background: none; border: none; }}
.vigia-label {{ transform: translate(-50%, -50%); color: #555; font: italic 12px sans-serif; white-space: nowrap;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }}
.vigia-label.dept {{ color: #333; font: 11px sans-serif; }}
</style>
"""


class OfflineMap(folium.Map):
    """A folium map whose only JS/CSS is Leaflet, inlined; no web tiles by default."""

    def __init__(self, online_tiles: bool = False, tiles_attribution: str = "",
                 bounds: list[list[float]] | None = None) -> None:
        """``tiles_attribution`` is the (translated) credit shown when web tiles are on; ``bounds``
        ([[south, west], [north, east]]) is the view, Bolivia's by default."""
        super().__init__(location=[-16.7, -64.6], zoom_start=5, tiles=None, control_scale=True,
                         min_zoom=2 if bounds else 4, zoom_snap=0.25, zoom_delta=0.5)
        # Instance attributes shadow folium's class-level CDN lists.
        self.default_js = [("leaflet", leaflet_js_uri())]
        self.default_css = [("leaflet_css", leaflet_css_uri())]
        cast(Figure, self.get_root()).header.add_child(Element(_STYLE), name="vigia_style")
        if online_tiles:
            folium.TileLayer(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                attr=tiles_attribution,
                name="OpenStreetMap",
                max_zoom=19,
            ).add_to(self)
        self.view_bounds = bounds or BOLIVIA_BOUNDS
        self.fit_bounds(self.view_bounds)

    def get_bounds(self) -> list[list[float | None]]:
        """The view's corners. streamlit-folium asks on every run (for a value Vigía never reads),
        and folium's answer walks every vertex of every layer: a tenth of a second on the Risk map."""
        return [[*corner] for corner in self.view_bounds]


def display_frame(frame: gpd.GeoDataFrame, columns: Sequence[str] = ()) -> gpd.GeoDataFrame:
    """``frame`` reduced for display: chosen columns, simplified, rounded coordinates."""
    out = gpd.GeoDataFrame(pd.DataFrame(frame[list(columns)]).copy(), geometry=frame.geometry.values, crs=frame.crs)
    if out.crs is not None and out.crs.to_epsg() != 4326:
        out = out.to_crs(4326)
    geoms = out.geometry.values
    polygonal = np.isin(shapely.get_type_id(geoms), [3, 6])
    if polygonal.any():
        geoms = geoms.copy()
        geoms[polygonal] = simplify_polygons(np.asarray(geoms[polygonal]))
    geoms = shapely.transform(geoms, lambda xy: np.round(xy, DISPLAY_DECIMALS))
    out = out.set_geometry(geoms)
    return out[~out.geometry.is_empty & out.geometry.notna()]


def simplify_polygons(polygons: np.ndarray) -> np.ndarray:
    """``polygons`` at :data:`DISPLAY_TOLERANCE`, neighbours kept sharing their borders.

    Areas that tile a country (municipalities) are simplified as one coverage, so two
    neighbours keep the same simplified border instead of each drawing its own with
    slivers and gaps between them; anything else (overlaps, one polygon) one by one.
    """
    if len(polygons) > 1 and bool(shapely.coverage_is_valid(polygons)):
        return np.asarray(shapely.coverage_simplify(polygons, DISPLAY_TOLERANCE))
    return np.asarray(shapely.simplify(polygons, DISPLAY_TOLERANCE, preserve_topology=True))


def _features(frame: gpd.GeoDataFrame) -> dict:
    """GeoJSON dict with plain-Python property values (numpy types do not serialise)."""
    return json.loads(frame.to_json(drop_id=True, na="null"))


def add_polygons(
    fmap: Target,
    frame: gpd.GeoDataFrame,
    *,
    name: str,
    fill_column: str | None = None,
    fill: str = "#ffffff",
    fill_opacity: float = 0.7,
    line: str = "#7a8794",
    weight: float = 0.6,
    class_name: str = "",
    tooltip: dict[str, str] | None = None,
    interactive: bool = True,
) -> folium.GeoJson:
    """Polygons; ``fill_column`` names a property holding each feature's colour.

    ``tooltip`` maps property names to their (translated) labels.
    """
    columns = list(tooltip or {}) + ([fill_column] if fill_column else [])
    shown = display_frame(frame, list(dict.fromkeys(columns)))

    def style(feature: dict) -> dict:
        colour = feature["properties"].get(fill_column) if fill_column else fill
        return {"fillColor": colour or fill, "fillOpacity": fill_opacity, "color": line,
                "weight": weight, "className": class_name}

    layer = folium.GeoJson(
        _features(shown),
        name=name,
        style_function=style,
        interactive=interactive,
        control=False,
        tooltip=folium.GeoJsonTooltip(fields=list(tooltip), aliases=list(tooltip.values()), sticky=True)
        if tooltip and interactive else None,
    )
    layer.add_to(fmap)
    return layer


def add_lines(fmap: Target, frame: gpd.GeoDataFrame, *, name: str, color: str, weight: float) -> None:
    """Outlines only (e.g. department borders): not clickable, drawn over fills."""
    add_polygons(fmap, frame, name=name, fill_opacity=0.0, line=color, weight=weight, interactive=False)


@dataclass(frozen=True)
class PointStyle:
    """How one point layer (or one category of it) is drawn."""

    color: str
    fill: str
    radius: float = 6.0
    weight: float = 1.5
    dash: str | None = None
    fill_opacity: float = 0.9


def add_points(
    fmap: Target,
    frame: gpd.GeoDataFrame,
    *,
    name: str,
    class_name: str,
    style: PointStyle,
    style_column: str | None = None,
    styles: dict[str, PointStyle] | None = None,
    tooltip: dict[str, str] | None = None,
) -> folium.GeoJson:
    """Points as circle markers; ``styles`` picks a style per value of ``style_column``."""
    columns = list(tooltip or {}) + ([style_column] if style_column else [])
    shown = display_frame(frame, list(dict.fromkeys(columns)))

    def pick(feature: dict) -> dict:
        chosen = style
        if style_column and styles:
            chosen = styles.get(str(feature["properties"].get(style_column)), style)
        return {"color": chosen.color, "fillColor": chosen.fill, "fillOpacity": chosen.fill_opacity,
                "weight": chosen.weight, "dashArray": chosen.dash, "radius": chosen.radius,
                "className": class_name}

    layer = folium.GeoJson(
        _features(shown),
        name=name,
        marker=folium.CircleMarker(radius=style.radius, fill=True),
        style_function=pick,
        control=False,
        tooltip=folium.GeoJsonTooltip(fields=list(tooltip), aliases=list(tooltip.values()), sticky=True)
        if tooltip else None,
    )
    layer.add_to(fmap)
    return layer


class Labels(MacroElement):
    """Static text labels as Leaflet ``divIcon`` markers, created with their icon.

    (folium's Marker first builds Leaflet's default image icon and swaps it
    afterwards, which makes the browser request ``marker-icon.png``.)
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.labels|tojson }}.forEach(function(label) {
            L.marker([label[0], label[1]], {
                icon: L.divIcon({className: "vigia-label-icon", iconSize: null,
                                 html: '<div class="vigia-label ' + label[3] + '">' + label[2] + '</div>'}),
                interactive: false, keyboard: false
            }).addTo({{ this._parent.get_name() }});
        });
        {% endmacro %}
        """
    )

    def __init__(self, labels: Sequence[tuple[float, float, str]], css: str = "") -> None:
        super().__init__()
        self._name = "Labels"
        self.labels = [[round(lat, 3), round(lon, 3), html.escape(text), html.escape(css)] for lat, lon, text in labels]


def add_labels(fmap: Target, points: Sequence[tuple[float, float, str]], css: str = "") -> None:
    """Static text labels (country or department names) at (lat, lon)."""
    Labels(points, css).add_to(fmap)


@dataclass(frozen=True)
class LegendItem:
    """One legend row: a swatch (``fill``, ``circle`` or ``line``) and its label."""

    label: str
    color: str
    kind: str = "fill"
    fill: str | None = None
    dashed: bool = False


def legend_html(title: str, items: Sequence[LegendItem]) -> str:
    """The legend box as HTML (escaped labels; colours are internal constants)."""
    rows = []
    for item in items:
        if item.kind == "line":
            swatch = f'<span class="sw line" style="border-top-color:{item.color}"></span>'
        else:
            shape = " circle" if item.kind == "circle" else ""
            border = "dashed" if item.dashed else "solid"
            swatch = (f'<span class="sw{shape}" style="background:{item.fill or item.color};'
                      f'border:2px {border} {item.color}"></span>')
        rows.append(f'<div class="row">{swatch}<span>{html.escape(item.label)}</span></div>')
    return f"<b>{html.escape(title)}</b>" + "".join(rows)


class Legend(MacroElement):
    """A Leaflet control holding :func:`legend_html`, top right (over Brazil, away from the data).

    Added to a feature group, the legend comes and goes with the group: the Risk map
    swaps its group of classed areas on every rerun, and the old legend must leave with it.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var legend = L.control({position: "topright"});
            legend.onAdd = function() {
                var div = L.DomUtil.create("div", "vigia-legend");
                div.innerHTML = {{ this.html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            var parent = {{ this._parent.get_name() }};
            if (parent instanceof L.Map) {
                legend.addTo(parent);
            } else {
                parent.on("add", function() { legend.addTo(parent._map); });
                parent.on("remove", function() { legend.remove(); });
                if (parent._map) { legend.addTo(parent._map); }
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, title: str, items: Sequence[LegendItem]) -> None:
        super().__init__()
        self._name = "Legend"
        self.html = legend_html(title, items)


def add_legend(fmap: Target, title: str, items: Sequence[LegendItem]) -> None:
    Legend(title, items).add_to(fmap)


def external_links(fmap: folium.Map) -> list[str]:
    """Every JS/CSS link the map would make the browser fetch from the web.

    Mirrors how streamlit-folium collects links (each element's default_js and
    default_css); an offline map returns ``[]``: its links are ``data:`` URIs or relative
    paths on the app's own server (:func:`in_frame`).
    """
    links: list[str] = []

    def walk(element: object) -> None:
        if isinstance(element, ColorMap):
            links.append("d3.js (streamlit-folium adds it for branca colormaps)")
        for _, url in getattr(element, "default_js", []) + getattr(element, "default_css", []):
            links.append(url)
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(fmap)
    return [url for url in links if not (url.startswith(("data:", "../")))]


#: streamlit-folium's ``render=True`` renders the whole figure once more before taking the map's
#: script (the same text, twice the time: every layer's GeoJSON is serialised and parsed again).
RENDER_TWICE = False


def in_frame(fmap: folium.Map) -> folium.Map:
    """``fmap`` loading Leaflet from the app's server instead of its inline copy: the browser
    caches the file, and a rerun no longer re-sends it (half of the map's message). Only for
    maps drawn by streamlit-folium; a downloaded map keeps the copy (it has no server)."""
    fmap.default_js = [("leaflet", served_js())]
    fmap.default_css = [("leaflet_css", served_css())]
    return fmap


#: Seconds a tab's first run of a map page waits, a progress message showing, between sending
#: the map and sending what lies below it. Drawn together, the Risk map's tables, charts and
#: data grids take the browser's time while the map's frame starts (about 1 s more to the
#: drawn map on a shared 2-core machine, benchmarks/app_latency.py); sent after the pause, the
#: map is drawn first. Later runs (a weight change, a click) never wait. Pages with little
#: below their map (Border, Inspections) gained nothing from it in the same benchmark.
MAP_FIRST_PAUSE_S = 1.0
_PAINTED_PREFIX = "vigia_map_painted_"


def let_map_paint(key: str, message: str) -> None:
    """On the first run of the map ``key`` in this browser session, wait :data:`MAP_FIRST_PAUSE_S`
    with ``message`` (a spinner) so the browser draws the map before the rest of the page."""
    if st.session_state.get(_PAINTED_PREFIX + key):
        return
    st.session_state[_PAINTED_PREFIX + key] = True
    with st.spinner(message):
        time.sleep(MAP_FIRST_PAUSE_S)


def show(fmap: folium.Map, key: str, height: int = 580) -> None:
    """Render in the page; ``returned_objects=[]`` so panning never reruns the script."""
    st_folium(in_frame(fmap), key=key, height=height, use_container_width=True, returned_objects=[], render=RENDER_TWICE)
