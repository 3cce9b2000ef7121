"""Straight-line travel estimates: great-circle km x detour factor / regional speed.

Always available (no road data needed), and the fallback of the road model. The
defaults are deliberately plain so a planner can explain them:

* **detour 1.35**: roads are on average ~35 % longer than the straight line;
* **45 km/h** on the Altiplano and in the valleys (paved trunk roads, mountain grades,
  towns, checkpoints averaged together);
* **30 km/h in the lowlands** (Beni, Pando, most of Santa Cruz, the Chaco), where many
  roads are unpaved and close in the rainy season.

Without elevation data, "lowlands" is the :data:`LOWLANDS` polygon: everything east of
a line traced along the foot of the Andes (roughly the 500 m contour, from
Rurrenabaque past the Chapare and Santa Cruz to Villamontes and Yacuiba). A leg's speed
is the mean of its two endpoints' speeds, so the leg La Paz -> Santa Cruz runs at 37.5 km/h.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from geodata.travel.points import Points, as_lonlat
from geodata.travel.result import TravelMatrix

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088

#: The Amazon and Chaco lowlands of Bolivia (lon, lat, EPSG:4326): east of the
#: foot of the Andes, approximate (±20 km). Points outside it (Altiplano, Yungas,
#: inter-Andean valleys, and all neighbours to the west) count as highland.
#: A Bolivia-only rule: :func:`in_lowlands` applies it inside Bolivia's outline only.
LOWLANDS: Polygon = Polygon(
    [
        (-71.0, -8.0),     # north-west corner, beyond Pando
        (-71.0, -13.4),
        (-69.2, -13.6),    # Peru border north of Apolo
        (-68.4, -14.15),   # between Ixiamas (lowland) and Apolo (mountains)
        (-67.65, -14.55),  # Rurrenabaque at the mountain foot
        (-67.15, -15.55),  # Alto Beni / Palos Blancos
        (-66.3, -16.45),   # Isiboro-Sécure foothills
        (-65.6, -17.05),   # Chapare: Villa Tunari below, Cochabamba valleys above
        (-64.6, -17.45),   # Bulo Bulo
        (-64.0, -17.65),
        (-63.55, -17.95),  # west of Santa Cruz and La Guardia, east of Samaipata
        (-63.5, -18.6),
        (-63.35, -19.5),   # Chaco front, Camiri just west
        (-63.3, -20.6),
        (-63.6, -21.3),    # Villamontes east of the line
        (-63.8, -22.1),    # Yacuiba
        (-64.0, -24.0),
        (-55.0, -24.0),    # south-east, into Paraguay
        (-55.0, -8.0),     # north-east, into Brazil
    ]
)


def haversine_km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """Great-circle distance in km on a sphere of :data:`EARTH_RADIUS_KM` (arrays broadcast)."""
    lon1, lat1, lon2, lat2 = (np.radians(np.asarray(v, dtype=float)) for v in (lon1, lat1, lon2, lat2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


#: How far outside Bolivia's outline (degrees, ~5 km) a point still counts as Bolivian for the
#: lowland speed: crossings sit on the border line and the outline is generalised.
BOLIVIA_MARGIN_DEGREES = 0.05


@lru_cache(maxsize=1)
def bolivian_lowlands() -> BaseGeometry:
    """:data:`LOWLANDS` within Bolivia only.

    The traced line is a Bolivian rule (the foot of the Bolivian Andes): the
    polygon's outer corners reach into Brazil, Paraguay and Peru only to close
    it. A dataset of Peru or Brazil must not get Bolivia's lowland speed, so the
    polygon is cut to Bolivia's Natural Earth outline (plus a small margin).
    """
    from geodata.basemap import bolivia_outline  # read lazily: the outline file is only needed here

    zone = shapely.intersection(LOWLANDS, shapely.buffer(bolivia_outline(), BOLIVIA_MARGIN_DEGREES))
    shapely.prepare(zone)
    return zone


def in_lowlands(lonlat: np.ndarray) -> np.ndarray:
    """True for each ``(lon, lat)`` row inside :data:`LOWLANDS` and inside Bolivia (see :func:`bolivian_lowlands`)."""
    lonlat = np.asarray(lonlat, dtype=float)
    return shapely.contains_xy(bolivian_lowlands(), lonlat[:, 0], lonlat[:, 1])


@dataclass(frozen=True)
class GreatCircleTravel:
    """Travel estimate without a road map: great-circle km x ``detour`` at regional speed.

    Parameters
    ----------
    detour:
        Road km per straight-line km (>= 1). Default 1.35.
    speed_kmh:
        Average speed on the Altiplano and in the valleys, km/h. Default 45.
    lowland_speed_kmh:
        Average speed inside :data:`LOWLANDS`, km/h. Default 30. Set it equal to
        ``speed_kmh`` for one speed everywhere.
    """

    detour: float = 1.35
    speed_kmh: float = 45.0
    lowland_speed_kmh: float = 30.0

    def __post_init__(self) -> None:
        if not np.isfinite(self.detour) or self.detour < 1.0:
            raise ValueError(f"detour must be a number >= 1 (road km per straight km); got {self.detour}")
        for name in ("speed_kmh", "lowland_speed_kmh"):
            value = getattr(self, name)
            if not np.isfinite(value) or value <= 0:
                raise ValueError(f"{name} must be a positive speed in km/h; got {value}")

    def speed_at(self, points: Points) -> np.ndarray:
        """Average speed (km/h) of the region each point is in."""
        return self._speeds(as_lonlat(points))

    def matrix(self, origins: Points, destinations: Points | None = None) -> TravelMatrix:
        """Minutes and km from every origin to every destination (``None``: origins to origins)."""
        o = as_lonlat(origins, "origins")
        d = o if destinations is None else as_lonlat(destinations, "destinations")
        minutes, km = self.legs(o[:, None, :], d[None, :, :], self._speeds(o)[:, None], self._speeds(d)[None, :])
        return TravelMatrix(minutes, km, "great_circle", np.zeros(minutes.shape, dtype=bool))

    def legs(
        self,
        a: np.ndarray,
        b: np.ndarray,
        speed_a: np.ndarray | None = None,
        speed_b: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Minutes and km of legs from ``a`` to ``b`` (lon/lat arrays ``(..., 2)`` that broadcast).

        For callers that already hold checked coordinates (the road model's access legs);
        ``speed_a``/``speed_b`` may be passed when already known.
        """
        if speed_a is None:
            speed_a = self._speeds(a.reshape(-1, 2)).reshape(a.shape[:-1])
        if speed_b is None:
            speed_b = self._speeds(b.reshape(-1, 2)).reshape(b.shape[:-1])
        km = haversine_km(a[..., 0], a[..., 1], b[..., 0], b[..., 1]) * self.detour
        minutes = km / ((speed_a + speed_b) / 2.0) * 60.0
        return minutes, km

    def _speeds(self, lonlat: np.ndarray) -> np.ndarray:
        if self.lowland_speed_kmh == self.speed_kmh:
            return np.full(len(lonlat), float(self.speed_kmh))
        return np.where(in_lowlands(lonlat), float(self.lowland_speed_kmh), float(self.speed_kmh))
