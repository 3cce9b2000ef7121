"""Demo areas: the catchment of each GeoNames place, clipped to Bolivia's outline.

Bolivia's official municipal boundaries are not shipped with any installable
package, so the demo draws one area per populated place: every point of the
country belongs to its nearest place (a Voronoi cell, computed in degrees,
which near the equator is close enough for a demo). The cells tile the outline
with no gaps or overlaps. They are NOT official boundaries, and their codes
(``GN`` + GeoNames id) cannot be mistaken for 6-digit INE municipal codes.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.contracts import CRS

#: Prefix of demo area codes: "GN3911925" is the catchment of GeoNames place 3911925.
AREA_CODE_PREFIX = "GN"

AREAS_KIND = "demo areas (catchments of GeoNames places, not official boundaries)"


def _polygonal(geom: BaseGeometry) -> BaseGeometry:
    """Drop the lines and points a clip can leave at touching edges."""
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.union_all(parts) if parts else shapely.Polygon()


def catchment_areas(places: gpd.GeoDataFrame, outline: BaseGeometry) -> gpd.GeoDataFrame:
    """One area per place: its Voronoi cell within ``outline``.

    Columns: ``area_id`` (``GN<geonameid>``), ``name``, ``admin1``, ``population``
    (the place's GeoNames population: a real figure for the town, not a census
    count of the cell), plus ``geonameid`` and ``population_source``.
    Raises ``ValueError`` if a place would get no area (two places at one point,
    or a place far outside the outline): that is a bug in the inputs, not bad user data.
    """
    points = places.geometry.to_numpy()
    frame = shapely.box(*outline.bounds).buffer(2.0)
    cells = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=frame, ordered=True)
    cells = np.asarray(shapely.get_parts(cells))
    if len(cells) != len(points):
        raise ValueError(f"{len(points)} places gave {len(cells)} catchments: places share a location")
    clipped = [_polygonal(g) for g in shapely.intersection(cells, outline)]
    empty = [name for name, g in zip(places["name"], clipped) if g.is_empty]
    if empty:
        raise ValueError(f"places with no area inside Bolivia's outline: {empty}")
    ids = AREA_CODE_PREFIX + places["geonameid"].astype("int64").astype(str)
    return gpd.GeoDataFrame(
        {
            "area_id": ids.astype("str").to_numpy(),
            "name": places["name"].to_numpy(),
            "admin1": places["admin1"].to_numpy(),
            "population": places["population"].astype("int64").to_numpy(),
            "geonameid": places["geonameid"].astype("int64").to_numpy(),
            "population_source": places["population_source"].to_numpy(),
        },
        geometry=clipped,
        crs=CRS,
    )
