"""Download files of the Risk map: GeoPackage, CSV, Excel and the map as HTML.

Everything here takes frames already passed through :mod:`vigia.ui.risk_tables`
(counts protected), so an export can never carry more than the page shows.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import folium
import geopandas as gpd
import pandas as pd

#: Layer names match what ``vigia score`` writes, so GIS users and the planners read the same file.
AREA_LAYER = "area_scores"
CROSSING_LAYER = "crossing_scores"


def _table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))


def csv_bytes(areas: gpd.GeoDataFrame) -> bytes:
    """Area scores as UTF-8 CSV with a byte-order mark (Excel opens accents correctly)."""
    return _table(areas).to_csv(index=False).encode("utf-8-sig")


def xlsx_bytes(areas: gpd.GeoDataFrame, crossings: gpd.GeoDataFrame | None = None) -> bytes:
    """An Excel workbook: one sheet of areas, one of crossings when there are any."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _table(areas).to_excel(writer, sheet_name=AREA_LAYER, index=False)
        if crossings is not None and not crossings.empty:
            _table(crossings).to_excel(writer, sheet_name=CROSSING_LAYER, index=False)
    return buffer.getvalue()


def gpkg_bytes(areas: gpd.GeoDataFrame, crossings: gpd.GeoDataFrame | None = None) -> bytes:
    """A GeoPackage with layers ``area_scores`` (and ``crossing_scores``), written via a temp file."""
    with tempfile.TemporaryDirectory(prefix="vigia-export-") as folder:
        path = Path(folder) / "scores.gpkg"
        areas.to_file(path, layer=AREA_LAYER, driver="GPKG")
        if crossings is not None and not crossings.empty:
            crossings.to_file(path, layer=CROSSING_LAYER, driver="GPKG")
        return path.read_bytes()


def map_html(fmap: folium.Map) -> bytes:
    """The map as one self-contained HTML file (Leaflet inlined; opens offline)."""
    return fmap.get_root().render().encode("utf-8")
