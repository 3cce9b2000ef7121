"""Random points inside a polygon, reproducible from a numpy Generator.

Used to place synthetic workplaces: rejection sampling is exact (every point is
inside, holes such as the Salar de Uyuni included) and fast for the few hundred
points the demo needs.
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.demo.crossings import KM_PER_DEG_LAT, km_per_deg_lon

#: Coordinates are rounded to 5 decimals (~1 m) so files stay small and stable.
DECIMALS = 5


def _accepted(polygon: BaseGeometry, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.round(x, DECIMALS), np.round(y, DECIMALS)
    keep = shapely.contains_xy(polygon, x, y)
    return x[keep], y[keep]


def points_in(
    polygon: BaseGeometry,
    n: int,
    rng: np.random.Generator,
    centre: tuple[float, float] | None = None,
    spread_km: float = 4.0,
) -> np.ndarray:
    """``n`` points (array of shapely Points) strictly inside ``polygon``.

    With ``centre`` (lon, lat) the points cluster around it (normal, ``spread_km``
    standard deviation), as town workshops do; without it they spread uniformly,
    as mines and farms do. A centre outside the polygon falls back to uniform.
    """
    if n <= 0:
        return np.empty(0, dtype=object)
    shapely.prepare(polygon)
    xs: list[np.ndarray] = []
    ys: list[np.ndarray] = []
    found = 0
    west, south, east, north = polygon.bounds
    for attempt in range(60):
        m = max(32, 4 * (n - found))
        if centre is not None and attempt < 10:
            cx, cy = centre
            x = rng.normal(cx, spread_km / km_per_deg_lon(cy), m)
            y = rng.normal(cy, spread_km / KM_PER_DEG_LAT, m)
        else:
            x = rng.uniform(west, east, m)
            y = rng.uniform(south, north, m)
        x, y = _accepted(polygon, x, y)
        xs.append(x)
        ys.append(y)
        found += len(x)
        if found >= n:
            break
    x, y = np.concatenate(xs)[:n], np.concatenate(ys)[:n]
    if len(x) < n:  # a sliver too thin to hit: use its representative point
        p = polygon.representative_point()
        x = np.concatenate([x, np.full(n - len(x), p.x)])
        y = np.concatenate([y, np.full(n - len(y), p.y)])
    return shapely.points(x, y)
