"""Travel-time matrices for the planners: one entry point, two models.

* :class:`GreatCircleTravel` — straight line x detour at regional speed; needs no data.
* :class:`RoadNetworkTravel` — fastest paths on a road layer the user supplies.

Both planners (inspection routes, patrol schedules) call :func:`travel_matrix` and
read a :class:`TravelMatrix`, so swapping the model never touches a planner.

Bad point data raises :class:`~geodata.problems.DataError` (row and what to fix);
calling mistakes (wrong type or shape, no points) raise ``TypeError``/``ValueError``.

Modules: ``points`` (checking inputs), ``result`` (:class:`TravelMatrix`),
``great_circle`` (defaults and the lowland rule), ``road_lines`` (reading a road
file), ``road_graph`` (where roads connect, junction graph, Dijkstra), ``roads``
(snapping, access legs, fallbacks).
"""

from __future__ import annotations

from geodata.travel.great_circle import (
    EARTH_RADIUS_KM,
    LOWLANDS,
    GreatCircleTravel,
    haversine_km,
    in_lowlands,
)
from geodata.travel.points import Points, as_lonlat
from geodata.travel.result import TravelMatrix
from geodata.travel.roads import DEFAULT_ROAD_SPEED_KMH, RoadNetworkTravel

__all__ = [
    "DEFAULT_ROAD_SPEED_KMH",
    "EARTH_RADIUS_KM",
    "LOWLANDS",
    "GreatCircleTravel",
    "Points",
    "RoadNetworkTravel",
    "TravelMatrix",
    "as_lonlat",
    "haversine_km",
    "in_lowlands",
    "travel_matrix",
]


def travel_matrix(
    origins: Points,
    destinations: Points | None = None,
    roads: RoadNetworkTravel | None = None,
) -> TravelMatrix:
    """Minutes and km between points: over ``roads`` when given, else great-circle defaults.

    ``origins``/``destinations``: GeoSeries/GeoDataFrame of points (any CRS) or an
    ``(n, 2)`` array of lon, lat degrees; ``destinations=None`` gives the square
    origins x origins matrix with a zero diagonal.
    """
    model = roads if roads is not None else GreatCircleTravel()
    return model.matrix(origins, destinations)
