"""The map each page shows, assembled from :mod:`vigia.ui.maps` building blocks.

Each function returns a ready :class:`OfflineMap`: vector basemap (neighbour
countries, Bolivia, department outlines), the page's layers, and an HTML legend
whose title names the kind of areas (e.g. "demo areas").
"""

from __future__ import annotations

import weakref

import geopandas as gpd
import pandas as pd
from shapely.geometry import Polygon, box

from geodata import basemap
from geodata.countries import country_name, dataset_country
from geodata.dataset import Dataset
from vigia.ui import maps
from vigia.ui.i18n import (
    areas_kind_label,
    current_language,
    fmt_int,
    has_text,
    sector_label,
    t,
    thousands,
)
from vigia.ui.maps import LegendItem, OfflineMap, PointStyle
from vigia.ui.summaries import area_case_texts, cases_per_area

AREA_WITH_CASES = "#9ecae1"
AREA_WITHOUT_CASES = "#f7f7f7"
AREA_LINE = "#8795a1"

OFFICIAL = PointStyle(color="#3f007d", fill="#6a51a3", radius=6.5)
UNOFFICIAL = PointStyle(color="#d94801", fill="#ffffff", radius=6.5, weight=2.5, dash="3 2", fill_opacity=1.0)
#: Offices are rings: they sit on top of crossings (police) or among sites (labour)
#: without hiding them.
POLICE = PointStyle(color="#08306b", fill="#08306b", radius=10.0, weight=3.0, fill_opacity=0.0)
LABOUR = PointStyle(color="#111111", fill="#111111", radius=8.0, weight=3.0, fill_opacity=0.0)

#: Colour-blind-safe categorical palette (Okabe-Ito, then Tol's muted) for sectors.
SECTOR_COLOURS = (
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7",
    "#999933", "#882255", "#44AA99", "#332288", "#888888",
)


def _base(dataset: Dataset, online: bool) -> OfflineMap:
    """Map with the dataset's country, its neighbours and (if areas carry them) departments.

    The view and the outlines follow the data: a Bolivian dataset gets the
    Bolivia basemap; any other (Peru, or areas that are whole countries of the
    Americas) gets the countries around its own extent.
    """
    bounds = _data_bounds(dataset)
    home = dataset_country(dataset.about, dataset.areas)
    bolivian = home == "BOL" and _inside(bounds, basemap.CONTEXT_BOX)
    west, south, east, north = bounds
    fmap = OfflineMap(online_tiles=online, tiles_attribution=t("map.osm_attribution"),
                      bounds=None if bolivian else [[south, west], [north, east]])
    if bolivian:
        countries = basemap.context_countries().assign(is_home=lambda f: f["is_bolivia"])
        label_box = _view_box()
    else:
        countries = basemap.countries_around(bounds, home)
        margin = 0.1 * max(east - west, north - south)
        label_box = box(west + margin, south + margin, east - margin, north - margin)
    if not online:
        fills = countries["is_home"].map({True: maps.BOLIVIA_FILL, False: maps.NEIGHBOUR_FILL})
        maps.add_polygons(
            fmap, countries.assign(fill=fills), name="countries", fill_column="fill",
            fill_opacity=1.0, line=maps.BORDER_LINE, weight=1.0, interactive=False,
        )
    neighbours = countries[~countries["is_home"]]
    labels = neighbours.geometry.intersection(label_box).representative_point()
    maps.add_labels(fmap, [(p.y, p.x, _country_label(iso)) for iso, p in zip(neighbours["iso3"], labels)
                           if not p.is_empty])
    return fmap


def _data_bounds(dataset: Dataset) -> tuple[float, float, float, float]:
    """(west, south, east, north) of the areas and every point layer."""
    frames = [dataset.areas] + [f for name in ("crossings", "offices", "sites")
                                if (f := dataset.get(name)) is not None and not f.empty and hasattr(f, "geometry")]
    boxes = [f.geometry.total_bounds for f in frames]
    west = min(float(b[0]) for b in boxes)
    south = min(float(b[1]) for b in boxes)
    east = max(float(b[2]) for b in boxes)
    north = max(float(b[3]) for b in boxes)
    return west, south, east, north


def _inside(bounds: tuple[float, float, float, float], outer: tuple[float, float, float, float]) -> bool:
    return outer[0] <= bounds[0] and outer[1] <= bounds[1] and bounds[2] <= outer[2] and bounds[3] <= outer[3]


def _country_label(iso3: str) -> str:
    """A country's name in the UI language: the UI's own text when it has one, else ISO's name."""
    key = f"country.{iso3}"
    return t(key) if has_text(key) else country_name(iso3, current_language())


def _view_box() -> Polygon:
    """Bolivia's bounds shrunk a little: neighbour labels land where the map shows them."""
    (south, west), (north, east) = maps.BOLIVIA_BOUNDS
    return box(west + 0.8, south + 0.6, east - 0.8, north - 0.6)


#: Department outlines (and label points) per loaded dataset: the dissolve is the slow part of
#: a page's map, and a loaded dataset never changes (a new file is a new ``Dataset``).
_OUTLINES: dict[int, tuple[weakref.ref[Dataset], gpd.GeoDataFrame, list[tuple[float, float, str]]]] = {}
_OUTLINES_KEPT = 8


def department_outlines(dataset: Dataset) -> tuple[gpd.GeoDataFrame, list[tuple[float, float, str]]]:
    """The dataset's departments (:func:`geodata.basemap.department_outlines`) and their label
    points, computed once per loaded dataset."""
    kept = _OUTLINES.get(id(dataset))
    if kept is not None and kept[0]() is dataset:
        return kept[1], kept[2]
    outlines = basemap.department_outlines(dataset.areas)
    points = outlines.geometry.representative_point()
    labels = [(p.y, p.x, str(name)) for name, p in zip(outlines["admin1"], points)]
    if len(_OUTLINES) >= _OUTLINES_KEPT:
        _OUTLINES.clear()
    _OUTLINES[id(dataset)] = (weakref.ref(dataset), outlines, labels)
    return outlines, labels


def _departments(fmap: OfflineMap, dataset: Dataset) -> None:
    outlines, labels = department_outlines(dataset)
    maps.add_lines(fmap, outlines, name="departments", color=maps.DEPARTMENT_LINE, weight=1.6)
    maps.add_labels(fmap, labels, css="dept")


def base_map(dataset: Dataset, online: bool) -> OfflineMap:
    """Basemap with department outlines, for maps built outside this module (routes)."""
    fmap = _base(dataset, online)
    _departments(fmap, dataset)
    return fmap


def _crossings(fmap: OfflineMap, dataset: Dataset) -> list[LegendItem]:
    crossings = dataset.get("crossings")
    if crossings is None or crossings.empty:
        return []
    shown = crossings.assign(
        kind_label=[t(f"crossing_kind.{k}") for k in crossings["kind"]],
        country=[_country_label(str(n)) for n in crossings["neighbour"]],
    )
    maps.add_points(
        fmap, shown, name="crossings", class_name=maps.CROSSING_CLASS, style=OFFICIAL,
        style_column="kind", styles={"official": OFFICIAL, "unofficial": UNOFFICIAL},
        tooltip={"name": t("col.crossing"), "kind_label": t("col.kind"), "country": t("col.neighbour")},
    )
    return [
        LegendItem(t("crossing_kind.official"), OFFICIAL.color, "circle", OFFICIAL.fill),
        LegendItem(t("crossing_kind.unofficial"), UNOFFICIAL.color, "circle", UNOFFICIAL.fill, dashed=True),
    ]


def _offices(fmap: OfflineMap, dataset: Dataset, kind: str, style: PointStyle) -> list[LegendItem]:
    offices = dataset.get("offices")
    chosen = offices[offices["kind"] == kind] if offices is not None else None
    if chosen is None or chosen.empty:
        return []
    maps.add_points(
        fmap, chosen.assign(staff_text=[fmt_int(s) for s in chosen["staff"]]), name=f"offices_{kind}",
        class_name=maps.OFFICE_CLASS, style=style,
        tooltip={"name": t(f"office_kind.{kind}"), "staff_text": t("col.staff")},
    )
    return [LegendItem(t(f"office_kind.{kind}"), style.color, "circle", "transparent")]


def risk_overview(dataset: Dataset, online: bool) -> OfflineMap:
    """Areas shaded by whether case data reaches them, departments, crossings."""
    fmap = _base(dataset, online)
    areas = dataset.areas
    per_area = cases_per_area(dataset)
    cases = areas["area_id"].map(per_area["cases"]).fillna(0).astype("int64")
    sep = thousands()
    shown = areas.assign(
        fill=[AREA_WITH_CASES if c > 0 else AREA_WITHOUT_CASES for c in cases],
        population_text=[fmt_int(p) for p in areas["population"]],
        cases_text=areas["area_id"].map(area_case_texts(dataset, sep)).to_numpy(),
    )
    maps.add_polygons(
        fmap, shown, name="areas", fill_column="fill", fill_opacity=0.75, line=AREA_LINE,
        class_name=maps.AREA_CLASS,
        tooltip={"name": t("col.area"), "admin1": t("col.department"),
                 "population_text": t("col.population"), "cases_text": t("col.cases_all_periods")},
    )
    _departments(fmap, dataset)
    items = [
        LegendItem(t("legend.area_with_cases"), AREA_LINE, "fill", AREA_WITH_CASES),
        LegendItem(t("legend.area_without_cases"), AREA_LINE, "fill", AREA_WITHOUT_CASES),
        LegendItem(t("legend.department"), maps.DEPARTMENT_LINE, "line"),
    ]
    items += _crossings(fmap, dataset)
    maps.add_legend(fmap, t("legend.risk_title", kind=areas_kind_label(dataset)), items)
    return fmap


def sector_colours(sectors: pd.Series) -> dict[str, str]:
    """A stable colour per sector: most frequent sectors get the first colours."""
    order = sectors.astype(str).value_counts().index
    return {s: SECTOR_COLOURS[min(i, len(SECTOR_COLOURS) - 1)] for i, s in enumerate(order)}


def inspections(dataset: Dataset, online: bool) -> OfflineMap:
    """Candidate workplaces coloured by sector, and labour inspection offices."""
    fmap = _base(dataset, online)
    _departments(fmap, dataset)
    items: list[LegendItem] = []
    sites = dataset.get("sites")
    if sites is not None and not sites.empty:
        colours = sector_colours(sites["sector"])
        styles = {s: PointStyle(color="#333333", fill=c, radius=4.5, weight=0.8) for s, c in colours.items()}
        shown = sites.assign(sector=sites["sector"].astype(str),
                             sector_text=[sector_label(s) for s in sites["sector"].astype(str)])
        maps.add_points(
            fmap, shown, name="sites", class_name=maps.SITE_CLASS, style=styles[next(iter(styles))],
            style_column="sector", styles=styles,
            tooltip={"name": t("col.site"), "sector_text": t("col.sector")},
        )
        items += [LegendItem(sector_label(s), "#333333", "circle", c) for s, c in colours.items()]
    items += _offices(fmap, dataset, "labour", LABOUR)
    maps.add_legend(fmap, t("legend.inspections_title"), items)
    return fmap


def border(dataset: Dataset, online: bool) -> OfflineMap:
    """Official and unofficial crossings and police border units."""
    fmap = _base(dataset, online)
    _departments(fmap, dataset)
    items = _crossings(fmap, dataset)
    items += _offices(fmap, dataset, "police", POLICE)
    maps.add_legend(fmap, t("legend.border_title"), items)
    return fmap
