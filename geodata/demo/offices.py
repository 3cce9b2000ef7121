"""Where inspection teams and border patrols start: labour offices and police border units.

Labour offices: the Ministry of Labour has a departmental labour office
(Jefatura Departamental de Trabajo) in each of the 9 department capitals and a
regional one in El Alto; their locations here are the city centres. Staff
figures are SYNTHETIC: the national total follows the ~116 labour inspectors
given in the project brief (issue §4), and the split is ours, weighted towards
the largest labour markets (Santa Cruz, La Paz, Cochabamba, El Alto).

Police border units: one per official crossing, at the post or, when the post
is closer than 1.5 km to the border line, at the nearest point 1.5 km inside
Bolivia's outline. Names and staff are SYNTHETIC (more officers at the busiest
crossings, following the migration volumes in :mod:`geodata.demo.figures`).
"""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry.base import BaseGeometry
from shapely.ops import nearest_points

from geodata.contracts import CRS

#: office_id -> (name, lon, lat, inspectors). Sum: 116.
LABOUR_OFFICES: dict[str, tuple[str, float, float, int]] = {
    "LAB-SCZ": ("Jefatura Departamental de Trabajo Santa Cruz", -63.1821, -17.7834, 22),
    "LAB-LPZ": ("Jefatura Departamental de Trabajo La Paz", -68.1336, -16.4958, 18),
    "LAB-CBB": ("Jefatura Departamental de Trabajo Cochabamba", -66.1568, -17.3935, 16),
    "LAB-EAL": ("Jefatura Regional de Trabajo El Alto", -68.1630, -16.5050, 14),
    "LAB-ORU": ("Jefatura Departamental de Trabajo Oruro", -67.1150, -17.9690, 9),
    "LAB-PTS": ("Jefatura Departamental de Trabajo Potosí", -65.7535, -19.5890, 9),
    "LAB-SRE": ("Jefatura Departamental de Trabajo Chuquisaca (Sucre)", -65.2595, -19.0475, 8),
    "LAB-TJA": ("Jefatura Departamental de Trabajo Tarija", -64.7296, -21.5355, 8),
    "LAB-TDD": ("Jefatura Departamental de Trabajo Beni (Trinidad)", -64.9033, -14.8333, 6),
    "LAB-CIJ": ("Jefatura Departamental de Trabajo Pando (Cobija)", -68.7692, -11.0267, 6),
}

#: Officers per police border unit, by official crossing (synthetic; busier posts get more).
POLICE_STAFF: dict[str, int] = {
    "DESAGUADERO": 24, "VILLAZON": 22, "YACUIBA": 22, "PISIGA": 18, "PUERTO_QUIJARRO": 16,
    "COBIJA": 14, "TAMBO_QUEMADO": 14, "BERMEJO": 12, "GUAYARAMERIN": 12, "KASANI": 10,
    "SAN_MATIAS": 8, "CHARANA": 8, "OLLAGUE": 6, "HITO_VILLAZON": 6,
}

#: How far inside Bolivia a police unit sits from its crossing.
POLICE_INSET_KM = 1.5


def _inland(point: shapely.Point, inner: BaseGeometry) -> shapely.Point:
    """The point of ``inner`` (Bolivia shrunk by the inset) nearest to ``point``."""
    p = nearest_points(inner, point)[0]
    return shapely.Point(round(p.x, 5), round(p.y, 5))


def demo_offices(crossings: gpd.GeoDataFrame, outline: BaseGeometry) -> gpd.GeoDataFrame:
    """Labour offices, then one police unit per official crossing (contract columns + ``crossing_id``)."""
    ids, names, kinds, staff, points, near = [], [], [], [], [], []
    for office_id, (name, lon, lat, inspectors) in LABOUR_OFFICES.items():
        ids.append(office_id)
        names.append(name)
        kinds.append("labour")
        staff.append(inspectors)
        points.append(shapely.Point(lon, lat))
        near.append("")
    # ~111 km per degree: a buffer in degrees is close enough for a 1.5 km inset.
    inner = outline.buffer(-POLICE_INSET_KM / 111.0)
    official = crossings[crossings["kind"] == "official"]
    for crossing_id, crossing_name, geom in zip(official["crossing_id"], official["name"], official.geometry):
        town = crossing_name.split(" – ")[0]
        ids.append(f"POL-{crossing_id}")
        names.append(f"Unidad policial de frontera {town} (sintético)")
        kinds.append("police")
        staff.append(POLICE_STAFF[crossing_id])
        points.append(_inland(geom, inner))
        near.append(crossing_id)
    frame = gpd.GeoDataFrame(
        {"office_id": ids, "name": names, "kind": kinds, "staff": staff, "crossing_id": near},
        geometry=points, crs=CRS,
    )
    frame["staff"] = frame["staff"].astype("int64")
    for col in ("office_id", "name", "kind", "crossing_id"):
        frame[col] = frame[col].astype("str")
    return frame
