"""Download files of the Risk map: the scores file (GeoPackage), CSV, Excel and the map as HTML.

The GeoPackage is the contract's scores file, written by
:func:`geodata.scores_file.write_scores` exactly as ``vigia score`` writes it, so
the planners read an app download and a CLI file alike. CSV and Excel take frames
already passed through :mod:`vigia.ui.risk_map.risk_tables` (counts protected by the same
rule), so no export carries more than the page shows. Every file people read
records how the score was made (:class:`~geodata.scores_file.Provenance`): a
header in the CSV, a sheet in the workbook, a footer under the map.
"""

from __future__ import annotations

import html
import io

import folium
import geopandas as gpd
import pandas as pd

from geodata.scores_file import AREA_LAYER, CROSSING_LAYER, Provenance, ScoresFile, scores_bytes
from vigia.ui.i18n import t

#: Sheet of the workbook that says how the scores were made.
PROVENANCE_SHEET = "provenance"


def _table(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(frame.drop(columns="geometry", errors="ignore"))


def provenance_table(provenance: Provenance) -> pd.DataFrame:
    """The provenance as two labelled columns (translated field names and values)."""
    rows = provenance.rows()
    return pd.DataFrame({t("provenance.header"): [t(f"provenance.{name}") for name, _ in rows],
                         "": [text for _, text in rows]})


def csv_bytes(areas: gpd.GeoDataFrame, provenance: Provenance) -> bytes:
    """Area scores as UTF-8 CSV with a byte-order mark, after ``#`` lines giving the provenance."""
    header = "".join(f"# {t(f'provenance.{name}')}: {text}\n" for name, text in provenance.rows())
    return (header + _table(areas).to_csv(index=False)).encode("utf-8-sig")


def xlsx_bytes(areas: gpd.GeoDataFrame, crossings: gpd.GeoDataFrame | None, provenance: Provenance) -> bytes:
    """An Excel workbook: areas, crossings when there are any, and how the scores were made."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _table(areas).to_excel(writer, sheet_name=AREA_LAYER, index=False)
        if crossings is not None and not crossings.empty:
            _table(crossings).to_excel(writer, sheet_name=CROSSING_LAYER, index=False)
        provenance_table(provenance).to_excel(writer, sheet_name=PROVENANCE_SHEET, index=False)
    return buffer.getvalue()


def gpkg_bytes(scores: ScoresFile) -> bytes:
    """The scores file, as ``vigia score`` writes it (privacy rule applied by the writer)."""
    return scores_bytes(scores)


def provenance_footer(provenance: Provenance) -> str:
    """The provenance as a small HTML block pinned under a map."""
    lines = "<br>".join(f"{html.escape(t(f'provenance.{name}'))}: {html.escape(text)}"
                        for name, text in provenance.rows())
    return ('<div class="vigia-provenance" style="position:fixed;bottom:0;left:0;z-index:1000;'
            'background:rgba(255,255,255,0.85);font:11px sans-serif;padding:4px 8px;max-width:60%">'
            f"<b>{html.escape(t('provenance.header'))}</b><br>{lines}</div>")


def map_html(fmap: folium.Map, provenance: Provenance) -> bytes:
    """The map as one self-contained HTML file (Leaflet inlined; opens offline) with its provenance."""
    root = fmap.get_root()
    page = root.render()
    return page.replace("</body>", provenance_footer(provenance) + "\n</body>", 1).encode("utf-8")
