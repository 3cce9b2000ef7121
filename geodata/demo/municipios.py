"""Bolivia's 343 municipal units (CPV-2024 geography), shipped with the package for the demo.

The boundaries are Lab TecnoSocial's "Municipios de Bolivia 2024" (CC BY 4.0; attribution and
licence in ``geodata/demo/data/``), simplified once with :func:`simplify` so the package and the
map stay small. Every unit keeps its INE code (``codigo_ine``, 6 characters, leading zero kept)
as ``area_id``, so a ministry's own tables, which use the same codes, join on it; department and
municipality names are as the source spells them.

To rebuild the shipped file from the source GeoPackage (maintainers only)::

    python -m geodata.demo.municipios municipios_bolivia_2024.gpkg geodata/demo/data/municipios_bolivia_2024.geojson
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import shapely

from geodata.contracts import CRS

#: The shipped file, inside the package.
MUNICIPIOS_FILE = "municipios_bolivia_2024.geojson"

#: Simplification tolerance in degrees (~1 km): shared borders are simplified once for both
#: neighbours (``shapely.coverage_simplify``), so no gaps or overlaps appear. 55,603 vertices
#: become ~21,000 and the file ~570 kB; the smallest units (Tito Yupanqui, 12.8 km²) move by
#: under a tenth of their area.
TOLERANCE_DEG = 0.01

#: Coordinates kept: 4 decimals (~11 m).
DECIMALS = 4

#: Columns of the shipped file (the source has also ``idep``, ``iprov``, ``imun``, ``capital``,
#: ``superficie_km2``; the first three are inside ``codigo_ine``).
COLUMNS = ("codigo_ine", "nombre_dep", "nombre_prov", "nombre_mun")

#: What the demo says its areas are (the app reads the words before the parenthesis).
AREAS_KIND = "municipalities (343 municipal units of the CPV-2024 geography, INE codes)"

#: The credit CC BY 4.0 asks for, as the source states it.
ATTRIBUTION = (
    "Municipal boundaries: Lab TecnoSocial (2026), Municipios de Bolivia 2024: geografía municipal del "
    "CPV-2024 (CC BY 4.0; from SDSN Bolivia, INE Bolivia and GeoBolivia), simplified to ~1 km"
)
#: The short credit for the ``about`` table's ``attribution``.
CREDIT = "Municipal boundaries © Lab TecnoSocial (2026), Municipios de Bolivia 2024 (CC BY 4.0)."


def data_path(name: str = MUNICIPIOS_FILE) -> Path:
    """Path of a file in ``geodata/demo/data`` (installed with the package)."""
    return Path(str(resources.files("geodata.demo") / "data" / name))


@lru_cache(maxsize=1)
def _read() -> gpd.GeoDataFrame:
    frame = pyogrio.read_dataframe(data_path(), columns=list(COLUMNS))
    if frame.crs is None or frame.crs.to_epsg() != 4326:
        frame = frame.set_crs(CRS, allow_override=True)
    return frame


def municipios() -> gpd.GeoDataFrame:
    """The 343 units sorted by code: ``area_id``, ``name``, ``admin1`` (department), ``province``, geometry."""
    raw = _read()
    frame = gpd.GeoDataFrame(
        {
            "area_id": raw["codigo_ine"].astype(str).to_numpy(),
            "name": raw["nombre_mun"].astype(str).to_numpy(),
            "admin1": raw["nombre_dep"].astype(str).to_numpy(),
            "province": raw["nombre_prov"].astype(str).to_numpy(),
        },
        geometry=raw.geometry.to_numpy(),
        crs=CRS,
    )
    for column in ("area_id", "name", "admin1", "province"):
        frame[column] = frame[column].astype("str")
    return frame.sort_values("area_id", ignore_index=True)


def simplify(source: str | Path, out: str | Path, tolerance: float = TOLERANCE_DEG) -> gpd.GeoDataFrame:
    """Write the shipped file from the source GeoPackage (layer ``municipios``): simplified, rounded."""
    frame = pyogrio.read_dataframe(source, layer="municipios", columns=list(COLUMNS))
    geoms = shapely.coverage_simplify(frame.geometry.to_numpy(), tolerance)
    geoms = shapely.set_precision(geoms, 10.0 ** -DECIMALS)
    if not shapely.is_valid(geoms).all() or shapely.is_empty(geoms).any():
        raise ValueError("simplification left an invalid or empty unit: lower the tolerance")
    frame = frame.set_geometry(gpd.GeoSeries(geoms, crs=frame.crs)).sort_values("codigo_ine", ignore_index=True)
    Path(out).unlink(missing_ok=True)
    pyogrio.write_dataframe(frame, out, driver="GeoJSON",
                            layer_options={"COORDINATE_PRECISION": DECIMALS, "RFC7946": "YES"})
    return frame


def vertex_count(frame: gpd.GeoDataFrame) -> int:
    """Vertices of all polygons (what the map has to draw)."""
    return int(np.sum(shapely.get_num_coordinates(frame.geometry.to_numpy())))


if __name__ == "__main__":  # pragma: no cover - maintainers' tool
    written = simplify(sys.argv[1], sys.argv[2])
    print(f"{len(written)} units, {vertex_count(written)} vertices, {Path(sys.argv[2]).stat().st_size} bytes")
