"""Border crossings of the demo: real official crossings and generated unofficial ones.

Official crossings are public facts: the names are the Bolivian border towns (and
the town across), the coordinates are the border posts / bridges as commonly
mapped, good to about 1-2 km. They are typed in here from general knowledge,
not copied from any dataset; a test compares the road crossings with an
independent list.

Unofficial crossings are SYNTHETIC: smugglers' trails and river fords exist
near every busy post, but their places are not public. The demo puts one at a
seeded distance from an official post along the shared border with the same
neighbour (see :func:`unofficial_crossings`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from geodata.contracts import CRS

KM_PER_DEG_LAT = 110.57


def km_per_deg_lon(lat: float) -> float:
    """Kilometres per degree of longitude at ``lat`` (spherical approximation)."""
    return 111.32 * math.cos(math.radians(lat))


@dataclass(frozen=True)
class OfficialCrossing:
    crossing_id: str
    name: str
    neighbour: str
    lon: float
    lat: float


#: Official land border crossings (migration and customs posts).
OFFICIAL_CROSSINGS: tuple[OfficialCrossing, ...] = (
    # Peru
    OfficialCrossing("DESAGUADERO", "Desaguadero – Desaguadero (Perú)", "PER", -69.040, -16.566),
    OfficialCrossing("KASANI", "Kasani – Yunguyo (Perú)", "PER", -69.097, -16.226),
    # Chile
    OfficialCrossing("CHARANA", "Charaña – Visviri (Chile)", "CHL", -69.462, -17.596),
    OfficialCrossing("TAMBO_QUEMADO", "Tambo Quemado – Chungará (Chile)", "CHL", -69.060, -18.290),
    OfficialCrossing("PISIGA", "Pisiga Bolívar – Colchane (Chile)", "CHL", -68.628, -19.268),
    OfficialCrossing("OLLAGUE", "Avaroa – Ollagüe (Chile)", "CHL", -68.234, -21.210),
    # Argentina
    OfficialCrossing("VILLAZON", "Villazón – La Quiaca (Argentina)", "ARG", -65.596, -22.093),
    OfficialCrossing("BERMEJO", "Bermejo – Aguas Blancas (Argentina)", "ARG", -64.349, -22.733),
    OfficialCrossing("YACUIBA", "Yacuiba – Salvador Mazza (Argentina)", "ARG", -63.685, -22.046),
    # Paraguay (Chaco, Ruta 9 / Transchaco)
    OfficialCrossing("HITO_VILLAZON", "Hito Villazón – Infante Rivarola (Paraguay)", "PRY", -62.465, -21.675),
    # Brazil
    OfficialCrossing("PUERTO_QUIJARRO", "Puerto Quijarro (Arroyo Concepción) – Corumbá (Brasil)", "BRA",
                     -57.712, -19.008),
    OfficialCrossing("SAN_MATIAS", "San Matías – Corixa (Brasil)", "BRA", -58.340, -16.380),
    OfficialCrossing("COBIJA", "Cobija – Brasiléia (Brasil)", "BRA", -68.756, -11.023),
    # River port: launches across the Mamoré (no bridge).
    OfficialCrossing("GUAYARAMERIN", "Guayaramerín – Guajará-Mirim (Brasil)", "BRA", -65.356, -10.822),
)

#: Where unofficial crossings are generated: official crossing -> compass bearings
#: (degrees) saying which way along the border to walk, one unofficial crossing per bearing.
#: Chosen where the border is land or a fordable river (not Lake Titicaca).
UNOFFICIAL_BEARINGS: dict[str, tuple[float, ...]] = {
    "DESAGUADERO": (210.0,),        # south-west along the Desaguadero river
    "PISIGA": (0.0, 180.0),         # north and south across the altiplano
    "VILLAZON": (90.0, 270.0),      # east and west along the La Quiaca river
    "YACUIBA": (90.0, 270.0),       # east and west through the Chaco scrub
    "COBIJA": (90.0, 270.0),        # along the Acre river
    "GUAYARAMERIN": (20.0, 200.0),  # along the Mamoré river
}

#: Seeded distance range (km) of an unofficial crossing from its official one.
UNOFFICIAL_DISTANCE_KM = (5.0, 15.0)

_COMPASS = ("norte", "noreste", "este", "sureste", "sur", "suroeste", "oeste", "noroeste")


def _compass(bearing: float) -> str:
    return _COMPASS[int(((bearing % 360) + 22.5) // 45) % 8]


def official_crossings() -> gpd.GeoDataFrame:
    """Official crossings: ``crossing_id``, ``name``, ``neighbour``, ``kind``, ``parent_id`` (empty), points."""
    rows = OFFICIAL_CROSSINGS
    return gpd.GeoDataFrame(
        {
            "crossing_id": [c.crossing_id for c in rows],
            "name": [c.name for c in rows],
            "neighbour": [c.neighbour for c in rows],
            "kind": ["official"] * len(rows),
            "parent_id": [""] * len(rows),
        },
        geometry=shapely.points([c.lon for c in rows], [c.lat for c in rows]),
        crs=CRS,
    )


def shared_border(bolivia: BaseGeometry, neighbour: BaseGeometry) -> BaseGeometry:
    """The stretch of Bolivia's boundary that touches ``neighbour`` (~500 m tolerance)."""
    # Clip first: buffering all of Brazil at 10m detail would cost ~0.1 s per call.
    near = neighbour.intersection(shapely.box(*bolivia.bounds).buffer(0.1))
    return bolivia.boundary.intersection(near.buffer(0.005))


def _walk_along(border: BaseGeometry, start: shapely.Point, km: float, bearing: float) -> shapely.Point:
    """The point ``km`` along ``border`` from ``start``, in the direction closest to ``bearing``."""
    lines = shapely.line_merge(border)
    parts = [g for g in shapely.get_parts(lines) if not g.is_empty]
    line = min(parts, key=lambda g: g.distance(start))
    here = line.project(start)
    step = km / KM_PER_DEG_LAT  # degrees along the line; longitude shrink (~5 %) is ignored
    candidates = [line.interpolate(min(max(here + sign * step, 0.0), line.length)) for sign in (1.0, -1.0)]
    theta = math.radians(bearing)
    want = (math.sin(theta), math.cos(theta))

    def alignment(p: shapely.Point) -> float:
        dx, dy = (p.x - start.x) * km_per_deg_lon(start.y), (p.y - start.y) * KM_PER_DEG_LAT
        return (dx * want[0] + dy * want[1]) / (math.hypot(dx, dy) or 1.0)

    return max(candidates, key=alignment)


def unofficial_crossings(
    official: gpd.GeoDataFrame, countries: gpd.GeoDataFrame, rng: np.random.Generator
) -> gpd.GeoDataFrame:
    """Generated unofficial crossings near the posts in :data:`UNOFFICIAL_BEARINGS`.

    Rule: from the official post, walk along the shared border with the same
    neighbour a distance drawn uniformly from :data:`UNOFFICIAL_DISTANCE_KM`, in
    the direction that best matches the configured bearing. The crossing thus
    always lies on the right border. ``countries`` holds full-detail outlines
    (``iso3``, geometry).
    """
    outline = countries.set_index("iso3").geometry
    by_id = official.set_index("crossing_id")
    ids, names, neighbours, parents, points = [], [], [], [], []
    for parent_id, bearings in UNOFFICIAL_BEARINGS.items():
        parent = by_id.loc[parent_id]
        border = shared_border(outline["BOL"], outline[parent["neighbour"]])
        town = parent["name"].split(" – ")[0].split(" (")[0]
        for k, bearing in enumerate(bearings, start=1):
            km = rng.uniform(*UNOFFICIAL_DISTANCE_KM)
            found = _walk_along(border, parent.geometry, km, bearing)
            ids.append(f"{parent_id}-NO{k}")
            names.append(f"Paso no oficial cerca de {town}, {_compass(bearing)} (sintético)")
            neighbours.append(parent["neighbour"])
            parents.append(parent_id)
            points.append(shapely.Point(round(found.x, 5), round(found.y, 5)))
    return gpd.GeoDataFrame(
        {
            "crossing_id": ids,
            "name": names,
            "neighbour": neighbours,
            "kind": ["unofficial"] * len(ids),
            "parent_id": parents,
        },
        geometry=points,
        crs=CRS,
    )


def demo_crossings(countries: gpd.GeoDataFrame, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Official crossings followed by the generated unofficial ones (contract columns + extras)."""
    official = official_crossings()
    both = [official, unofficial_crossings(official, countries, rng)]
    frame = gpd.GeoDataFrame(
        {col: np.concatenate([f[col].to_numpy(dtype=object) for f in both]) for col in official.columns
         if col != "geometry"},
        geometry=np.concatenate([f.geometry.to_numpy() for f in both]),
        crs=CRS,
    )
    for col in ("crossing_id", "name", "neighbour", "kind", "parent_id"):
        frame[col] = frame[col].astype("str")
    return frame
