"""Read a user's road layer and cut it into straight segments with a speed each.

Accepts what a ministry's GIS desk exports: a GeoPackage, GeoJSON or (zipped)
Shapefile of LineStrings/MultiLineStrings in any CRS. Everything that stops the
network from being built is collected into one :class:`DataError` naming the file,
the feature (1-based ``row``) and the column; repairs (reprojection, an assumed CRS,
missing speeds filled, empty features skipped) are returned as problems of severity
``fixed``/``warning`` so the app can say what it did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from pyogrio.errors import DataLayerError, DataSourceError

from geodata.contracts import CRS
from geodata.problems import DataError, Problem, Severity

_LINE_TYPES = (shapely.GeometryType.LINESTRING, shapely.GeometryType.MULTILINESTRING)
_MAX_ROWS = 20

#: Vertices equal after rounding to this many decimal degrees are one vertex (1e-7° ≈ 1 cm).
COORD_DECIMALS = 7


@dataclass(frozen=True)
class RoadSegments:
    """Straight pieces of road: ``start``/``end`` lon/lat ``(k, 2)``, ``speed_kmh`` ``(k,)``."""

    start: np.ndarray
    end: np.ndarray
    speed_kmh: np.ndarray


def read_road_layer(path: str | Path, layer: str | None = None) -> gpd.GeoDataFrame:
    """The road layer of a GIS file; with several layers and no ``layer``, the only line layer."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise DataError([Problem(name, layer, None, None, f"road file not found: {path}",
                                 "check the path and the file name")])
    try:
        layers = pyogrio.list_layers(path)
    except (DataSourceError, DataLayerError, OSError) as exc:
        raise DataError([Problem(name, layer, None, None, f"cannot be read as a GIS file ({exc})",
                                 "give a GeoPackage, GeoJSON or Shapefile of road lines")]) from exc
    names = [str(n) for n, _ in layers]
    if layer is not None and layer not in names:
        raise DataError([Problem(name, layer, None, None, f"has no layer '{layer}'",
                                 f"use one of its layers: {', '.join(names)}")])
    if layer is None and len(names) > 1:
        lines = [str(n) for n, kind in layers if kind and "LINE" in str(kind).upper()]
        if len(lines) != 1:
            raise DataError([Problem(name, None, None, None,
                                     f"has {len(names)} layers and {len(lines)} of them hold lines",
                                     f"name the road layer (layer=...), one of: {', '.join(names)}")])
        layer = lines[0]
    try:
        return gpd.read_file(path, layer=layer, engine="pyogrio")
    except (DataSourceError, DataLayerError, OSError, ValueError) as exc:
        raise DataError([Problem(name, layer, None, None, f"cannot be read ({exc})",
                                 "re-export the road layer from your GIS as a GeoPackage")]) from exc


def road_segments(
    lines: gpd.GeoDataFrame | gpd.GeoSeries,
    name: str,
    speed_column: str | None,
    default_speed_kmh: float,
) -> tuple[RoadSegments, list[Problem]]:
    """Segments of ``lines`` in EPSG:4326 with their speeds, and the repairs made.

    Raises :class:`DataError` listing every blocking problem. ``name`` is the file
    name shown in problems.
    """
    if not np.isfinite(default_speed_kmh) or default_speed_kmh <= 0:
        raise ValueError(f"default_speed_kmh must be a positive speed in km/h; got {default_speed_kmh}")
    if isinstance(lines, gpd.GeoSeries):
        lines = gpd.GeoDataFrame(geometry=lines)
    if not isinstance(lines, gpd.GeoDataFrame):
        raise TypeError(f"road lines must be a GeoDataFrame or GeoSeries, not {type(lines).__name__}")
    if len(lines) == 0:
        raise DataError([Problem(name, None, None, None, "has no features", "give a layer of road lines")])
    problems: list[Problem] = []
    speeds = _speeds(lines, name, speed_column, default_speed_kmh, problems)
    geoms = np.asarray(lines.geometry.values, dtype=object)
    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    wrong = ~missing & ~np.isin(shapely.get_type_id(geoms), _LINE_TYPES)
    geom_col = lines.geometry.name
    for row in np.flatnonzero(wrong)[:_MAX_ROWS]:
        kind = shapely.get_type_id(geoms[row])
        problems.append(Problem(name, None, int(row) + 1, geom_col,
                                f"is a {shapely.GeometryType(kind).name.title()}, not a road line",
                                "keep only LineString/MultiLineString features in the road layer"))
    if wrong.sum() > _MAX_ROWS:
        problems.append(Problem(name, None, None, geom_col,
                                f"{int(wrong.sum()) - _MAX_ROWS} more features are not lines",
                                "keep only LineString/MultiLineString features in the road layer"))
    if missing.any():
        problems.append(Problem(name, None, int(np.flatnonzero(missing)[0]) + 1, geom_col,
                                f"{int(missing.sum())} feature(s) without geometry were skipped",
                                "", Severity.WARNING))
    keep = ~missing & ~wrong
    geoseries = _to_wgs84(gpd.GeoSeries(geoms[keep], crs=lines.crs), name, geom_col, problems)
    if any(p.severity is Severity.ERROR for p in problems):
        raise DataError(problems)
    segments = _cut(np.asarray(geoseries.values, dtype=object), speeds[keep])
    if len(segments.speed_kmh) == 0:
        raise DataError(problems + [Problem(name, None, None, geom_col, "has no road line of non-zero length",
                                            "give a layer of road lines")])
    return segments, problems


def _speeds(lines: gpd.GeoDataFrame, name: str, column: str | None, default: float,
            problems: list[Problem]) -> np.ndarray:
    """Speed (km/h) per feature: from ``column`` when given, the default where empty."""
    if column is None:
        return np.full(len(lines), float(default))
    if column not in lines.columns:
        available = [c for c in lines.columns if c != lines.geometry.name]
        problems.append(Problem(name, None, None, column, f"has no speed column '{column}'",
                                f"name one of its columns: {', '.join(map(str, available)) or '(none)'}"))
        return np.full(len(lines), float(default))
    raw = lines[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    empty = raw.isna().to_numpy() | (raw.astype(str).str.strip() == "").to_numpy()
    not_number = ~empty & ~np.isfinite(values)
    not_positive = ~empty & np.isfinite(values) & (values <= 0)
    for mask, what in ((not_number, "is not a number"), (not_positive, "is not a positive speed")):
        for row in np.flatnonzero(mask)[:_MAX_ROWS]:
            problems.append(Problem(name, None, int(row) + 1, column, f"speed {raw.iloc[row]!r} {what}",
                                    "give the average speed in km/h (e.g. 60), or leave it empty for the default"))
        if mask.sum() > _MAX_ROWS:
            problems.append(Problem(name, None, None, column, f"{int(mask.sum()) - _MAX_ROWS} more speeds {what}",
                                    "give the average speed in km/h"))
    if empty.any():
        problems.append(Problem(name, None, int(np.flatnonzero(empty)[0]) + 1, column,
                                f"{int(empty.sum())} feature(s) have no speed; {default:g} km/h was used",
                                "", Severity.FIXED))
    return np.where(empty, float(default), values)


def _to_wgs84(geoms: gpd.GeoSeries, name: str, column: str, problems: list[Problem]) -> gpd.GeoSeries:
    if len(geoms) == 0:
        return geoms
    if geoms.crs is None:
        xmin, ymin, xmax, ymax = geoms.total_bounds
        if max(abs(xmin), abs(xmax)) > 180 or max(abs(ymin), abs(ymax)) > 90:
            problems.append(Problem(name, None, None, column,
                                    "has no CRS and its coordinates look projected (metres)",
                                    "save the road layer with its CRS (e.g. a GeoPackage from your GIS)"))
            return geoms
        problems.append(Problem(name, None, None, column, f"has no CRS; assumed {CRS} (lon/lat degrees)",
                                "", Severity.FIXED))
        return geoms.set_crs(CRS)
    if not geoms.crs.equals(CRS):
        source = geoms.crs.to_string()
        geoms = geoms.to_crs(CRS)
        problems.append(Problem(name, None, None, column, f"reprojected from {source} to {CRS}", "",
                                Severity.FIXED))
    xy = shapely.get_coordinates(np.asarray(geoms.values, dtype=object))
    bad = ~np.isfinite(xy).all(axis=1) | (np.abs(xy[:, 0]) > 180) | (np.abs(xy[:, 1]) > 90)
    if bad.any():
        problems.append(Problem(name, None, None, column,
                                f"{int(bad.sum())} vertices are outside lon/lat range after reprojection",
                                "check the layer's CRS in your GIS"))
    return geoms


def _cut(geoms: np.ndarray, speeds: np.ndarray) -> RoadSegments:
    """Consecutive vertex pairs of every line part, each with its feature's speed.

    Pairs that are one vertex after rounding (repeated points) are dropped.
    """
    parts, feature = shapely.get_parts(geoms, return_index=True)
    coords, part = shapely.get_coordinates(parts, return_index=True)
    same_part = part[1:] == part[:-1]
    start, end = coords[:-1][same_part], coords[1:][same_part]
    speed = speeds[feature[part[:-1][same_part]]]
    moves = np.any(np.round(start, COORD_DECIMALS) != np.round(end, COORD_DECIMALS), axis=1)
    start, end, speed = start[moves], end[moves], speed[moves]
    return RoadSegments(start, end, speed.astype(float))
