"""Turn the points a caller passes into one checked ``(n, 2)`` array of lon, lat.

Both travel models accept the same inputs: a GeoSeries/GeoDataFrame of points in
any CRS (reprojected to EPSG:4326; no CRS means EPSG:4326), or an ``(n, 2)``
array-like of longitude, latitude in degrees.

Two kinds of failure, on purpose:

* bad **data** (a point without coordinates, a polygon instead of a point,
  coordinates out of range or in (lat, lon) order) raises
  :class:`~geodata.problems.DataError`, one :class:`~geodata.problems.Problem` per
  row, so the app can tell the user which site to fix;
* **misuse by the calling code** (not points at all, a wrong array shape, no points)
  raises ``TypeError``/``ValueError``: a planner should never ask for a matrix of nothing.
"""

from __future__ import annotations

from typing import TypeAlias

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from numpy.typing import ArrayLike

from geodata.contracts import CRS
from geodata.problems import DataError, Problem

#: What the travel models accept as points.
Points: TypeAlias = gpd.GeoSeries | gpd.GeoDataFrame | ArrayLike

#: Bolivia's bounding box (lon_min, lat_min, lon_max, lat_max), degrees, padded ~0.3°.
BOLIVIA_BBOX: tuple[float, float, float, float] = (-69.9, -23.2, -57.2, -9.4)
#: South America's bounding box, degrees: a point outside it is no Bolivian trip.
SOUTH_AMERICA_BBOX: tuple[float, float, float, float] = (-82.0, -56.0, -34.0, 13.0)

#: At most this many rows are reported per kind of problem (then one summary line).
MAX_ROWS_REPORTED = 20

_SWAPPED = "the columns look swapped: pass (lon, lat), longitude first"


def as_lonlat(points: Points, role: str = "points") -> np.ndarray:
    """Checked float array ``(n, 2)`` of lon, lat degrees (EPSG:4326) for ``points``.

    ``role`` names the input in problems (``"origins"``, ``"destinations"``): it is
    the ``file`` of each :class:`Problem`; ``row`` is the 1-based position.
    """
    if isinstance(points, (gpd.GeoSeries, gpd.GeoDataFrame)):
        return _from_geoseries(points, role)
    if isinstance(points, pd.DataFrame):
        raise TypeError(
            f"{role}: a plain DataFrame is ambiguous; pass df[['lon', 'lat']].to_numpy() "
            "or a GeoDataFrame of points"
        )
    try:
        array = np.array(points, dtype=float)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{role} must be points or numbers (lon, lat), not {type(points).__name__}") from exc
    if array.ndim != 2 or array.shape[1] != 2:
        raise ValueError(f"{role} must have shape (n, 2) as (lon, lat); got shape {array.shape}")
    _require_some(len(array), role)
    labels = [f"#{i}" for i in range(1, len(array) + 1)]
    problems = _coordinate_problems(array, np.ones(len(array), bool), role, labels, ("lon", "lat"), False)
    if problems:
        raise DataError(problems)
    return array


def _from_geoseries(points: gpd.GeoSeries | gpd.GeoDataFrame, role: str) -> np.ndarray:
    geoms = points.geometry if isinstance(points, gpd.GeoDataFrame) else points
    _require_some(len(geoms), role)
    has_crs = geoms.crs is not None
    if has_crs and not geoms.crs.equals(CRS):
        geoms = geoms.to_crs(CRS)
    labels = [_label(i, idx) for i, idx in enumerate(geoms.index, start=1)]
    values = np.asarray(geoms.values, dtype=object)
    missing = shapely.is_missing(values) | shapely.is_empty(values)
    not_point = ~missing & (shapely.get_type_id(values) != shapely.GeometryType.POINT)
    problems = _rows(missing, role, "geometry", labels, "has no geometry",
                     "give every point a location, or drop it before planning")
    problems += _rows(not_point, role, "geometry", labels, "is not a point",
                      "pass points (for areas use .representative_point())")
    ok = ~missing & ~not_point
    array = np.full((len(values), 2), np.nan)
    array[ok, 0] = shapely.get_x(values[ok])
    array[ok, 1] = shapely.get_y(values[ok])
    problems += _coordinate_problems(array, ok, role, labels, ("geometry", "geometry"), not has_crs)
    if problems:
        raise DataError(problems)
    return array


def _coordinate_problems(
    array: np.ndarray,
    check: np.ndarray,
    role: str,
    labels: list[str],
    columns: tuple[str, str],
    no_crs: bool,
) -> list[Problem]:
    """NaN, out-of-range and swapped (lat, lon) coordinates among the ``check`` rows."""
    lon, lat = array[:, 0], array[:, 1]
    lon_col, lat_col = columns
    fill = "fill in the coordinate or drop the point"
    nan_lon = check & ~np.isfinite(lon)
    nan_lat = check & ~np.isfinite(lat) & ~nan_lon
    problems = _rows(nan_lon, role, lon_col, labels, "has no longitude (NaN or infinite)", fill)
    problems += _rows(nan_lat, role, lat_col, labels, "has no latitude (NaN or infinite)", fill)
    with np.errstate(invalid="ignore"):
        finite = check & np.isfinite(lon) & np.isfinite(lat)
        out = finite & ((np.abs(lon) > 180) | (np.abs(lat) > 90))
        swapped_fits = out & (np.abs(lat) <= 180) & (np.abs(lon) <= 90)
    problems += _rows(swapped_fits, role, lat_col, labels, "has a latitude beyond ±90°", _SWAPPED)
    hint = ("the points have no CRS and these look like metres: set the CRS (e.g. .set_crs('EPSG:32720'))"
            if no_crs else "give longitude then latitude, in degrees")
    problems += _rows(out & ~swapped_fits, role, lon_col, labels,
                      "is out of range for longitude/latitude degrees", hint)
    swapped = finite & ~out & _inside(lat, lon, BOLIVIA_BBOX) & ~_inside(lon, lat, SOUTH_AMERICA_BBOX)
    problems += _rows(swapped, role, lon_col, labels,
                      "lies far outside South America, but read as (lat, lon) it would be in Bolivia", _SWAPPED)
    return problems


def _inside(lon: np.ndarray, lat: np.ndarray, bbox: tuple[float, float, float, float]) -> np.ndarray:
    return (lon >= bbox[0]) & (lon <= bbox[2]) & (lat >= bbox[1]) & (lat <= bbox[3])


def _rows(mask: np.ndarray, role: str, column: str, labels: list[str], what: str, hint: str) -> list[Problem]:
    """One problem per flagged row (1-based), capped at :data:`MAX_ROWS_REPORTED` plus a summary."""
    positions = np.flatnonzero(mask)
    problems = [
        Problem(role, None, int(p) + 1, column, f"point {labels[p]} {what}", hint)
        for p in positions[:MAX_ROWS_REPORTED]
    ]
    if len(positions) > MAX_ROWS_REPORTED:
        more = len(positions) - MAX_ROWS_REPORTED
        problems.append(Problem(role, None, None, column, f"{more} more points {what}", hint))
    return problems


def _label(position: int, index_value: object) -> str:
    """How a row is named in messages: its index label when that is not just the position."""
    if isinstance(index_value, (int, np.integer)) and int(index_value) == position - 1:
        return f"#{position}"
    return f"#{position} ({index_value})"


def _require_some(n: int, role: str) -> None:
    if n == 0:
        raise ValueError(f"{role} is empty: a travel matrix needs at least one point")
