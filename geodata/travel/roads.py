"""Travel times over a road network the user supplies.

How one trip is priced (decisions a user should know):

1. each point **snaps** to the nearest road vertex (great-circle nearest, any
   component), and reaches it by an **access leg** priced like
   :class:`~geodata.travel.great_circle.GreatCircleTravel` (straight line x detour,
   regional speed): a mine 8 km off the road costs its 8 km x 1.35 of track;
2. the fastest road path joins the two snapped vertices (Dijkstra on minutes; each
   feature's speed from ``speed_column`` in km/h, else ``default_speed_kmh``);
3. when two points are closer to each other than to the road (the direct estimate
   is no longer than their two access legs together) the direct estimate is used:
   two mines in one valley do not drive out to the highway and back;
4. pairs the road graph cannot connect (different components) get the direct
   great-circle estimate and are flagged in :attr:`TravelMatrix.fallback`.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
from scipy.spatial import cKDTree

from geodata.problems import Problem
from geodata.travel.great_circle import GreatCircleTravel
from geodata.travel.points import Points, as_lonlat
from geodata.travel.result import TravelMatrix
from geodata.travel.road_graph import RoadGraph, build_graph
from geodata.travel.road_lines import read_road_layer, road_segments

#: Speed assumed for road features without a speed, km/h.
DEFAULT_ROAD_SPEED_KMH = 50.0


class RoadNetworkTravel:
    """Shortest travel times on a road layer; build with :meth:`from_file` or :meth:`from_lines`.

    Attributes
    ----------
    source:
        The file (or name) the roads came from, as shown in problems.
    problems:
        Repairs and warnings made while loading (reprojection, missing speeds...).
    access:
        The great-circle model pricing access legs and fallbacks.
    """

    def __init__(
        self,
        graph: RoadGraph,
        *,
        source: str = "roads",
        problems: tuple[Problem, ...] = (),
        access: GreatCircleTravel | None = None,
    ) -> None:
        self.graph = graph
        self.source = source
        self.problems = tuple(problems)
        self.access = access or GreatCircleTravel()
        self._tree = cKDTree(_unit_vectors(graph.vertices))

    @classmethod
    def from_file(
        cls,
        path: str | Path,
        speed_column: str | None = None,
        default_speed_kmh: float = DEFAULT_ROAD_SPEED_KMH,
        layer: str | None = None,
        *,
        access: GreatCircleTravel | None = None,
    ) -> RoadNetworkTravel:
        """Roads from a GeoPackage/GeoJSON/Shapefile of lines, any CRS.

        Raises :class:`~geodata.problems.DataError` naming the file, feature (row)
        and column of every problem that stops the network being built.
        """
        lines = read_road_layer(path, layer)
        return cls.from_lines(lines, speed_column, default_speed_kmh, name=Path(path).name, access=access)

    @classmethod
    def from_lines(
        cls,
        lines: gpd.GeoDataFrame | gpd.GeoSeries,
        speed_column: str | None = None,
        default_speed_kmh: float = DEFAULT_ROAD_SPEED_KMH,
        *,
        name: str = "roads",
        access: GreatCircleTravel | None = None,
    ) -> RoadNetworkTravel:
        """Roads from LineStrings/MultiLineStrings in memory (any CRS; none means EPSG:4326)."""
        segments, problems = road_segments(lines, name, speed_column, default_speed_kmh)
        return cls(build_graph(segments), source=name, problems=tuple(problems), access=access)

    @property
    def node_count(self) -> int:
        """Junctions in the graph (road ends, forks, crossings)."""
        return self.graph.node_count

    @property
    def component_count(self) -> int:
        """Pieces of road not connected to each other; more than 1 means some pairs fall back."""
        return int(self.graph.component.max()) + 1 if self.graph.node_count else 0

    @property
    def length_km(self) -> float:
        """Total road length, km."""
        return self.graph.length_km

    def __repr__(self) -> str:
        return (f"RoadNetworkTravel(source={self.source!r}, length_km={self.length_km:.0f}, "
                f"junctions={self.node_count}, components={self.component_count})")

    def matrix(self, origins: Points, destinations: Points | None = None) -> TravelMatrix:
        """Minutes and km from every origin to every destination (``None``: origins to origins)."""
        o = as_lonlat(origins, "origins")
        square = destinations is None
        d = o if square else as_lonlat(destinations, "destinations")
        g = self.graph
        vo, vd = self._snap(o), self._snap(d)
        access_o, access_o_km = self.access.legs(o, g.vertices[vo])
        access_d, access_d_km = (access_o, access_o_km) if square else self.access.legs(d, g.vertices[vd])
        road_min, road_km = self._between_vertices(vo, vd)
        road_min = road_min + access_o[:, None] + access_d[None, :]
        road_km = road_km + access_o_km[:, None] + access_d_km[None, :]

        direct_min, direct_km = self.access.legs(o[:, None, :], d[None, :, :])
        local = direct_min <= access_o[:, None] + access_d[None, :]
        unreachable = ~np.isfinite(road_min)
        use_direct = local | unreachable
        minutes = np.where(use_direct, direct_min, road_min)
        km = np.where(use_direct, direct_km, road_km)
        fallback = unreachable & ~local
        if square:  # the graph is two-way: make the matrix exactly symmetric
            flip = minutes > minutes.T
            minutes, km = np.where(flip, minutes.T, minutes), np.where(flip, km.T, km)
            np.fill_diagonal(minutes, 0.0)
            np.fill_diagonal(km, 0.0)
        return TravelMatrix(minutes, km, "road_network", fallback)

    def _snap(self, lonlat: np.ndarray) -> np.ndarray:
        """Index of the nearest road vertex (chord distance on the unit sphere)."""
        _, index = self._tree.query(_unit_vectors(lonlat))
        return np.asarray(index, dtype=np.int64)

    def _between_vertices(self, vo: np.ndarray, vd: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Fastest road minutes and km between every pair of vertices (inf when unconnected)."""
        sources, row = np.unique(vo, return_inverse=True)
        targets, col = np.unique(vd, return_inverse=True)
        minutes, km = self.graph.paths(sources, targets)
        cells = np.ix_(row.ravel(), col.ravel())
        return minutes[cells], km[cells]


def _unit_vectors(lonlat: np.ndarray) -> np.ndarray:
    """Points on the unit sphere: nearest by chord is nearest by great circle."""
    lon, lat = np.radians(lonlat[:, 0]), np.radians(lonlat[:, 1])
    return np.column_stack([np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)])
