"""Maps of risk scores: the Risk map's five views and the Border page's crossings.

Each view turns one column of ``area_scores`` into a few plain-language classes
(never a continuous ramp a reader must decode), draws them over the offline
basemap and explains them in the legend. Where the class lines fall is the model's
(:mod:`risk.classes`); this module only colours and labels them, and every number
comes from ``risk.pipeline``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geodata import basemap
from geodata.dataset import Dataset
from risk import classes
from vigia.ui import map_views, maps
from vigia.ui.i18n import areas_kind_label, has_text, t
from vigia.ui.maps import LegendItem, OfflineMap
from vigia.ui.risk_map import restyle

#: The views the Risk map can switch between, in menu order.
VIEWS: tuple[str, ...] = ("score", "interval", "hotspot", "emerging", "gap", "effort")

AREA_LINE = "#8795a1"
NO_DATA = "#d9d9d9"

#: Colours of the score classes (:data:`risk.classes.SCORE_CLASSES`), ColorBrewer YlOrRd.
SCORE_COLOURS: dict[str, str] = {
    "top10": "#bd0026", "top20": "#f03b20", "top40": "#fd8d3c", "top70": "#fecc5c", "rest": "#ffffb2",
}
#: Colours of the rank-interval classes (:data:`risk.classes.INTERVAL_CLASSES`), light = firm.
INTERVAL_COLOURS: dict[str, str] = {
    "firm": "#f2f0f7", "moderate": "#cbc9e2", "loose": "#9e9ac8", "very_loose": "#54278f",
}
#: Hotspot classes (labels of ``risk.hotspots.Hotspots.gi_class_``), diverging red–blue.
HOTSPOT_COLOURS: dict[str, str] = {
    "hot_99": "#b2182b", "hot_95": "#ef8a62", "hot_90": "#fddbc7", "not_significant": "#f7f7f7",
    "cold_90": "#d1e5f0", "cold_95": "#67a9cf", "cold_99": "#2166ac", "not_computed": NO_DATA,
}
#: Emerging-hotspot categories (``risk.emerging.CATEGORIES``): hot ones red, darker = more urgent
#: (``new`` in magenta so a fresh cluster stands out), cold mirrors blue, no pattern white.
EMERGING_COLOURS: dict[str, str] = {
    "new": "#e7298a", "consecutive": "#a50f15", "intensifying": "#cb181d", "persistent": "#ef3b2c",
    "diminishing": "#fb6a4a", "sporadic": "#fc9272", "oscillating": "#fcbba1", "historical": "#fee0d2",
    "cold_new": "#08306b", "cold_consecutive": "#08519c", "cold_intensifying": "#2171b5",
    "cold_persistent": "#4292c6", "cold_diminishing": "#6baed6", "cold_sporadic": "#9ecae1",
    "cold_oscillating": "#c6dbef", "cold_historical": "#deebf7", "no_pattern": "#f7f7f7",
    "not_computed": NO_DATA,
}
#: Colours of the detection-gap classes (:data:`risk.classes.GAP_CLASSES`); orange = fewer than expected.
GAP_COLOURS: dict[str, str] = {
    "much_lower": "#e66101", "lower": "#fdb863", "as_expected": "#f7f7f7", "higher": "#b2abd2",
}

#: Inspection-effort classes (``likely_risk_little_inspected`` of :mod:`risk.effort`): the flag stands out.
EFFORT_COLOURS: dict[str, str] = {
    "little_inspected": "#d95f0e", "not_inspected": "#fff7bc", "inspected": "#a6bddb", "none": NO_DATA,
}


def effort_class(visits: object, flagged: object) -> str:
    """``little_inspected`` (likely risk, little inspected), ``inspected``, ``not_inspected`` or ``none``."""
    if visits is None or visits != visits:  # no inspection history in the scores
        return "none"
    if flagged is True or flagged == 1:
        return "little_inspected"
    return "inspected" if float(visits) > 0 else "not_inspected"  # type: ignore[arg-type]


@dataclass(frozen=True)
class Classed:
    """One view's classes: a code and colour per area, the legend rows in order, and for
    score classes the lowest score in each class (so the legend can say "score 42 or more")."""

    codes: list[str]
    colours: list[str]
    legend: list[tuple[str, str]]  # (code, colour) in legend order
    lows: dict[str, float] = field(default_factory=dict)


def score_class(rank: float, n_areas: int) -> tuple[str, str]:
    """(class code, colour) of a point rank among ``n_areas``; the class is :func:`risk.classes.score_class`."""
    code = classes.score_class(rank, n_areas)
    return code, SCORE_COLOURS.get(code, NO_DATA)


def interval_class(rank_low: float, rank_high: float, n_areas: int) -> tuple[str, str]:
    """(class code, colour) of a 90% rank interval (:func:`risk.classes.interval_class`)."""
    code = classes.interval_class(rank_low, rank_high, n_areas)
    return code, INTERVAL_COLOURS.get(code, NO_DATA)


def gap_class(ratio: float | None, under_detection: bool | None = None) -> tuple[str, str]:
    """(class code, colour) of recorded ÷ expected cases; the model's class (:func:`risk.classes.gap_class`)."""
    code = classes.gap_class(ratio, under_detection)
    return code, GAP_COLOURS.get(code, NO_DATA)


def _score_classes(rank: pd.Series, score: pd.Series) -> Classed:
    n = len(rank)
    pairs = [score_class(r, n) for r in rank]
    codes = [code for code, _ in pairs]
    lows = pd.Series(score.to_numpy(), index=codes).groupby(level=0).min().to_dict()
    legend = [(code, colour) for code, colour in SCORE_COLOURS.items() if code in lows]
    if "missing" in codes:
        legend.append(("missing", NO_DATA))
    return Classed(codes, [colour for _, colour in pairs], legend, {str(k): float(v) for k, v in lows.items()})


def _categorical(values: pd.Series, colours: dict[str, str]) -> Classed:
    codes = [str(v) if isinstance(v, str) and v in colours else "missing" for v in values]
    legend = [(code, colour) for code, colour in colours.items() if code in codes]
    if "missing" in codes:
        legend.append(("missing", NO_DATA))
    return Classed(codes, [colours.get(c, NO_DATA) for c in codes], legend)


def classify(area_scores: pd.DataFrame, view: str) -> Classed:
    """Each area's class in ``view`` (one of :data:`VIEWS`)."""
    if view == "score":
        return _score_classes(area_scores["rank"].astype(float), area_scores["score"].astype(float))
    elif view == "interval":
        n = len(area_scores)
        pairs = [interval_class(lo, hi, n) for lo, hi in
                 zip(area_scores["rank_low"].astype(float), area_scores["rank_high"].astype(float))]
        legend = list(INTERVAL_COLOURS.items())
    elif view == "hotspot":
        return _categorical(_column(area_scores, "hotspot"), HOTSPOT_COLOURS)
    elif view == "emerging":
        return _categorical(_column(area_scores, "emerging"), EMERGING_COLOURS)
    elif view == "gap":
        ratios = pd.to_numeric(_column(area_scores, "detection_ratio"), errors="coerce")
        flagged = _column(area_scores, "under_detection")
        pairs = [gap_class(r, None if f is None or f != f else bool(f)) for r, f in zip(ratios, flagged)]
        present = {code for code, _ in pairs}
        legend = [(code, colour) for code, colour in GAP_COLOURS.items() if code in present]
        if "none" in present:
            legend.append(("none", NO_DATA))
    elif view == "effort":
        codes = [effort_class(v, f) for v, f in zip(_column(area_scores, "inspection_visits"),
                                                    _column(area_scores, "likely_risk_little_inspected"))]
        present = set(codes)
        return Classed(codes, [EFFORT_COLOURS[c] for c in codes],
                       [(c, colour) for c, colour in EFFORT_COLOURS.items() if c in present])
    else:
        raise ValueError(f"unknown risk map view {view!r}; choose one of {VIEWS}")
    codes = [code for code, _ in pairs]
    if view != "gap" and "missing" in codes:
        legend.append(("missing", NO_DATA))
    return Classed(codes, [colour for _, colour in pairs], legend)


def _column(frame: pd.DataFrame, name: str) -> pd.Series:
    return frame[name] if name in frame.columns else pd.Series([None] * len(frame), index=frame.index)


def class_label(view: str, code: str, n_areas: int = 0, low: float | None = None) -> str:
    """The legend text of one class (translated)."""
    if code == "missing":
        return t("riskclass.missing")
    if view == "score":
        return t(f"riskclass.score.{code}", low=f"{low:.0f}" if low is not None else "–")
    if view == "interval":
        return t(f"riskclass.interval.{code}", n=classes.interval_places(code, n_areas))
    if view == "hotspot":
        return t(f"hotspot.{code}")
    if view == "emerging":
        return emerging_label(code)
    if view == "effort":
        return t(f"riskclass.effort.{code}")
    return t(f"riskclass.gap.{code}")


def emerging_label(code: str) -> str:
    """Short legend text of an emerging-hotspot category ("Punto caliente nuevo", "Cold spot ...")."""
    if has_text(f"emerging.{code}"):
        return t(f"emerging.{code}")
    cold = code.startswith("cold_")
    kind = code[len("cold_"):] if cold else code
    if not has_text(f"emerging_kind.{kind}"):
        return code
    return t("emerging.cold" if cold else "emerging.hot", kind=t(f"emerging_kind.{kind}"))


def class_meanings(view: str, codes: Sequence[str], lang: str) -> list[tuple[str, str]]:
    """(short label, plain-language meaning) of each class present, for hotspot and emerging views.

    The meanings are written beside the statistics (``risk.hotspots.CLASS_TEXT``,
    ``risk.emerging.CATEGORY_TEXT``) so the method and its explanation change together.
    """
    if view == "hotspot":
        from risk.hotspots import CLASS_TEXT as texts
    elif view == "emerging":
        from risk.emerging import CATEGORY_TEXT as texts
    else:
        return []
    present = [c for c in dict.fromkeys(codes) if c in texts]
    return [(class_label(view, c), texts[c].get(lang, texts[c]["en"])) for c in present]


def category_label(prefix: str, value: object) -> str:
    """A hotspot/emerging class label, or the value as given if it has no translation."""
    if not isinstance(value, str) or not value:
        return t("riskclass.missing")
    if prefix == "emerging":
        return emerging_label(value)
    key = f"{prefix}.{value}"
    return t(key) if has_text(key) else value


def rank_text(rank: float, low: float, high: float) -> str:
    """"7 (5–12)": the point rank and its 90% interval."""
    return f"{int(rank)} ({t('riskmap.interval_short', low=int(low), high=int(high))})"


@dataclass(frozen=True)
class StaticLayers:
    """What a risk map draws identically on every rerun, as ready GeoJSON (simplified once).

    Building these takes most of a map's time on 343 municipalities (dissolving
    departments, simplifying and serialising polygons), so they are cached per
    dataset version; only colours and tooltips change between reruns.
    """

    countries: dict
    country_labels: list[tuple[float, float, str]]  # (lat, lon, iso3)
    departments: dict
    department_labels: list[tuple[float, float, str]]
    areas: dict[str, dict]  # area_id -> simplified GeoJSON geometry


def _geojson(frame: gpd.GeoDataFrame, columns: Sequence[str]) -> dict:
    return json.loads(maps.display_frame(frame, list(columns)).to_json(drop_id=True, na="null"))


def build_static_layers(dataset: Dataset) -> StaticLayers:
    """The unchanging layers of ``dataset``'s risk maps (uncached; see :func:`static_layers`)."""
    countries = basemap.context_countries()
    countries["fill"] = countries["is_bolivia"].map({True: maps.BOLIVIA_FILL, False: maps.NEIGHBOUR_FILL})
    neighbours = countries[~countries["is_bolivia"]]
    points = neighbours.geometry.intersection(map_views._view_box()).representative_point()
    outlines, department_labels = map_views.department_outlines(dataset)
    areas = dataset.areas
    area_json = _geojson(gpd.GeoDataFrame({"area_id": areas["area_id"].astype(str).to_numpy()},
                                          geometry=areas.geometry.to_numpy(), crs=areas.crs), ["area_id"])
    return StaticLayers(
        countries=_geojson(countries, ["fill"]),
        country_labels=[(p.y, p.x, iso) for iso, p in zip(neighbours["iso3"], points) if not p.is_empty],
        departments=_geojson(outlines, []),
        department_labels=department_labels,
        areas={f["properties"]["area_id"]: f["geometry"] for f in area_json["features"]},
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _cached_layers(key: str, _dataset: Dataset) -> StaticLayers:
    """Cached per ``key``; the leading underscore keeps Streamlit from hashing the dataset."""
    return build_static_layers(_dataset)


def static_layers(dataset: Dataset, key: str | None) -> StaticLayers:
    """:func:`build_static_layers`, cached when ``key`` names the dataset's file and version."""
    return _cached_layers(key, dataset) if key else build_static_layers(dataset)


def _base_map(layers: StaticLayers, online: bool) -> OfflineMap:
    """Offline map with neighbour countries and Bolivia (as :func:`map_views._base`, from the cache)."""
    fmap = OfflineMap(online_tiles=online, tiles_attribution=t("map.osm_attribution"))
    if not online:
        folium.GeoJson(layers.countries, name="countries", interactive=False, control=False,
                       style_function=lambda f: {"fillColor": f["properties"]["fill"], "fillOpacity": 1.0,
                                                 "color": maps.BORDER_LINE, "weight": 1.0}).add_to(fmap)
    maps.add_labels(fmap, [(lat, lon, t(f"country.{iso}")) for lat, lon, iso in layers.country_labels])
    return fmap


def _department_lines(fmap: OfflineMap, layers: StaticLayers) -> None:
    folium.GeoJson(layers.departments, name="departments", interactive=False, control=False,
                   style_function=lambda _f: {"fillOpacity": 0.0, "color": maps.DEPARTMENT_LINE,
                                              "weight": 1.6}).add_to(fmap)


def _department_labels(fmap: OfflineMap, layers: StaticLayers) -> None:
    maps.add_labels(fmap, layers.department_labels, css="dept")


@dataclass
class AreaMap:
    """The Risk map in two parts, so a rerun recolours the areas without reloading the map.

    ``base`` (basemap, the area shapes with no score in them, department lines and names,
    crossings) is the same on every rerun of a dataset, view and language: streamlit-folium
    keeps its frame, with the reader's pan and zoom. ``layers`` holds what a weight or
    preset changes (each area's colour and tooltip texts, the legend); the frame swaps
    only this small group, and :mod:`vigia.ui.risk_map.restyle` repaints the shapes.
    """

    base: OfflineMap
    layers: folium.FeatureGroup

    def whole(self) -> OfflineMap:
        """Both parts in one map (downloads, tests); use once, the group joins ``base``."""
        self.layers.add_to(self.base)
        return self.base


#: How every area is drawn; only ``fillColor`` changes with the scores.
AREA_STYLE = {"fillOpacity": 0.8, "color": AREA_LINE, "weight": 0.6, "className": maps.AREA_CLASS}


def _tooltip_fields(view: str) -> dict[str, str]:
    fields = {"name": t("riskcol.area"), "admin1": t("riskcol.admin1"), "score_text": t("riskcol.score"),
              "rank_text": t("riskcol.interval")}
    if view != "score":
        fields["class_text"] = t(f"riskview.{view}")
    return fields


def _area_shapes(fmap: OfflineMap, dataset: Dataset, layers: StaticLayers, tooltip: dict[str, str]) -> None:
    """The areas as drawn before any score: grey, named, score fields empty (the same every rerun)."""
    blank = {field: "" for field in tooltip}
    areas = dataset.areas
    names = {str(a): {"name": str(n), "admin1": str(d)}
             for a, n, d in zip(areas["area_id"], areas["name"], areas["admin1"])}
    features = [{"type": "Feature", "geometry": geometry,
                 "properties": {"area_id": area_id, **blank, **names.get(area_id, {})}}
                for area_id, geometry in layers.areas.items()]
    shapes = folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="areas",
        style_function=lambda _feature: {"fillColor": NO_DATA, **AREA_STYLE},
        highlight_function=lambda _feature: {"weight": 2.5, "color": "#111111"},
        control=False,
        tooltip=folium.GeoJsonTooltip(fields=list(tooltip), aliases=list(tooltip.values()), sticky=True),
    )
    shapes.add_child(restyle.AreaLayer(AREA_STYLE, NO_DATA))
    shapes.add_to(fmap)


def area_values(area_scores: gpd.GeoDataFrame, view: str) -> dict[str, dict[str, str]]:
    """Per ``area_id``: the fill colour and the tooltip texts of ``view`` that follow the scores
    (names stay in the shapes)."""
    classed = classify(area_scores, view)
    n = len(area_scores)
    values = {}
    for row, code, colour in zip(area_scores.itertuples(index=False), classed.codes, classed.colours):
        score = float(row.score)
        values[str(row.area_id)] = {
            "score_text": f"{score:.0f}" if np.isfinite(score) else "–",
            "rank_text": rank_text(row.rank, row.rank_low, row.rank_high), "fill": colour}
        if view != "score":  # the score view's tooltip has no class line
            values[str(row.area_id)]["class_text"] = class_label(view, code, n, classed.lows.get(code))
    return values


def area_map(dataset: Dataset, area_scores: gpd.GeoDataFrame, view: str, online: bool,
             key: str | None = None) -> AreaMap:
    """The Risk map in ``view``: classed areas with tooltips, departments, crossings, legend.

    ``key`` names the dataset version for the cache of unchanging layers (none: no cache).
    """
    layers = static_layers(dataset, key)
    base = _base_map(layers, online)
    tooltip = _tooltip_fields(view)
    _area_shapes(base, dataset, layers, tooltip)
    _department_lines(base, layers)
    _department_labels(base, layers)
    crossing_items = map_views._crossings(base, dataset)  # where people enter: context for planners
    group = folium.FeatureGroup(name="risk_area_styles", control=False)
    group.add_child(restyle.AreaStyles(area_values(area_scores, view)))
    classed = classify(area_scores, view)
    n = len(area_scores)
    items = [LegendItem(class_label(view, code, n, classed.lows.get(code)), AREA_LINE, "fill", colour)
             for code, colour in classed.legend]
    items.append(LegendItem(t("legend.department"), maps.DEPARTMENT_LINE, "line"))
    maps.add_legend(group, t(f"riskview.{view}.legend", kind=areas_kind_label(dataset)), items + crossing_items)
    return AreaMap(base, group)


def area_view(dataset: Dataset, area_scores: gpd.GeoDataFrame, view: str, online: bool,
              key: str | None = None) -> OfflineMap:
    """:func:`area_map` as one map (the HTML download)."""
    return area_map(dataset, area_scores, view, online, key).whole()


def show_clickable(risk_map: AreaMap, key: str, height: int = 580) -> str | None:
    """Render the map; returns the ``area_id`` of the last area clicked (or None).

    Only clicks rerun the page (``returned_objects``); panning and zooming do not. The
    frame is built from ``risk_map.base`` alone, so it stays when only the areas change.
    """
    state = st_folium(maps.in_frame(risk_map.base), key=key, height=height, use_container_width=True,
                      feature_group_to_add=risk_map.layers, returned_objects=["last_active_drawing"],
                      render=maps.RENDER_TWICE)
    feature = (state or {}).get("last_active_drawing") or {}
    area_id = (feature.get("properties") or {}).get("area_id")
    return str(area_id) if area_id is not None else None


#: Crossing markers: radius grows with the score between these bounds (pixels).
CROSSING_RADIUS = (5.0, 16.0)


def crossing_radius(score: float) -> float:
    low, high = CROSSING_RADIUS
    return low + (high - low) * min(max(float(score), 0.0), 100.0) / 100.0 if np.isfinite(score) else low


def crossing_view(dataset: Dataset, crossing_scores: gpd.GeoDataFrame, online: bool,
                  driver_text: Sequence[str], key: str | None = None) -> OfflineMap:
    """Crossings as circles sized and coloured by score, police units, departments."""
    layers = static_layers(dataset, key)
    fmap = _base_map(layers, online)
    _department_lines(fmap, layers)
    _department_labels(fmap, layers)
    classed = _score_classes(crossing_scores["rank"].astype(float), crossing_scores["score"].astype(float))
    for (_, row), drivers, colour in zip(crossing_scores.iterrows(), driver_text, classed.colours):
        score = float(row["score"])
        folium.CircleMarker(
            location=[round(row.geometry.y, 4), round(row.geometry.x, 4)],
            radius=crossing_radius(score), color="#333333", weight=1.2, fill=True, fill_color=colour,
            fill_opacity=0.9, class_name=maps.CROSSING_CLASS,
            tooltip=folium.Tooltip(
                f"<b>{_escape(row['name'])}</b><br>{_escape(t('riskcol.score'))}: {score:.0f}<br>"
                f"{_escape(t('riskcol.interval'))}: {_escape(rank_text(row['rank'], row['rank_low'], row['rank_high']))}"
                f"<br>{_escape(t('riskcol.drivers'))}: {_escape(drivers)}", sticky=True),
        ).add_to(fmap)
    items = [LegendItem(class_label("score", code, len(crossing_scores), classed.lows.get(code)), "#333333",
                        "circle", colour) for code, colour in classed.legend]
    items.append(LegendItem(t("borderrisk.size_note"), "#333333", "circle", "#ffffff"))
    items += map_views._offices(fmap, dataset, "police", map_views.POLICE)
    maps.add_legend(fmap, t("borderrisk.legend"), items)
    return fmap


def _escape(value: object) -> str:
    return html.escape(str(value))


def show(fmap: folium.Map, key: str, height: int = 580) -> None:
    """Render a map that does not report clicks (panning never reruns the page)."""
    maps.show(fmap, key=key, height=height)
