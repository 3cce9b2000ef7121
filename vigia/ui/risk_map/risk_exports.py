"""Download files of the Risk map: the scores file (GeoPackage), CSV, Excel and the map as HTML.

The GeoPackage is the contract's scores file, written by
:func:`geodata.scores_file.write_scores` exactly as ``vigia score`` writes it, so
the planners read an app download and a CLI file alike. CSV and Excel take frames
already passed through :mod:`vigia.ui.risk_map.risk_tables` (counts protected by the same
rule), so no export carries more than the page shows. Every file people read
records how the score was made (:class:`~geodata.scores_file.Provenance`): a
header in the CSV, a sheet in the workbook, a footer under the map.

Files people read are in the session's language: the workbook's sheets and headers are
words, and each code column (``hotspot``: ``hot_95``) keeps its codes under a «Código …»
header with the words beside it («Punto caliente (95 %)»). The CSV, read by spreadsheets
and scripts alike, keeps the column codes as headers and adds a ``<column>_label`` column
of words after each code column; the GeoPackage is the machine file and has codes only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
from collections.abc import Callable

import folium
import geopandas as gpd
import pandas as pd

from geodata import formats
from geodata.scores_file import Provenance, ScoresFile, scores_bytes
from vigia.ui.i18n import current_language, has_text, t
from vigia.ui.risk_map.risk_maps import emerging_label
from vigia.ui.risk_map.risk_tables import drivers_text, indicator_label

#: Sheet of the workbook that says how the scores were made (its text key; the name is in the file's language).
PROVENANCE_SHEET = "riskexport.sheet.provenance"


def _word(prefix: str, value: object) -> str:
    key = f"{prefix}.{value}"
    return t(key) if has_text(key) else ("" if value is None or value != value else str(value))


#: Code columns of the score tables and how one code is written in words.
CODE_LABELS: dict[str, Callable[[object], str]] = {
    "hotspot": lambda v: _word("hotspot", v),
    "emerging": lambda v: emerging_label(str(v)) if isinstance(v, str) and v else "",
    **{f"top_{n}": (lambda v: indicator_label(v) if isinstance(v, str) and v else "") for n in (1, 2, 3)},
    "neighbour": lambda v: _word("country", v),
    "kind": lambda v: _word("crossing_kind", v),
    "drivers": drivers_text,
}


def _table(frame: pd.DataFrame) -> pd.DataFrame:
    """The scores as plain columns, each code column followed by ``<column>_label`` (its words)."""
    out = pd.DataFrame(frame.drop(columns="geometry", errors="ignore")).copy()
    for column, words in CODE_LABELS.items():
        if column in out.columns:
            out.insert(list(out.columns).index(column) + 1, f"{column}_label", [words(v) for v in out[column]])
    return out


def _header(column: str, columns: pd.Index) -> str:
    if column.endswith("_label"):
        return t(f"riskcol.{column[: -len('_label')]}")
    if f"{column}_label" in columns:
        return t(f"riskcol.code.{column}")
    return t(f"riskcol.{column}") if has_text(f"riskcol.{column}") else column


def people_table(frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`_table` with headers in words: what the workbook shows."""
    table = _table(frame)
    return table.rename(columns={c: _header(c, table.columns) for c in table.columns})


#: Excel number formats by column code: numbers stay numbers, shown with sensible decimals.
NUMBER_FORMATS = {"score": "0.0", "p_top10": "0%", "expected_cases": "0.0", "detection_ratio": "0.00"}


def _number_formats(sheet: object, frame: pd.DataFrame) -> None:
    from openpyxl.utils import get_column_letter

    table = _table(frame)
    for k, column in enumerate(table.columns, start=1):
        if column in NUMBER_FORMATS:
            for cell in sheet[get_column_letter(k)][1:]:  # type: ignore[index]
                cell.number_format = NUMBER_FORMATS[column]


def provenance_rows(provenance: Provenance) -> list[tuple[str, str]]:
    """``(label, text)`` per provenance field as people read it, in the session's language: the preset,
    normalisation and aggregation in words, each indicator's weight by its name with the language's
    decimal mark, the time in Bolivia's clock (the dataset's hash and version as they are)."""
    lang = current_language()
    words = {"preset": "riskmap.preset", "normalisation": "riskmap.norm", "aggregation": "riskmap.agg"}
    out = []
    for name, text in provenance.rows():
        if name in words:
            text = _word(words[name], text)
        elif name == "weights":
            text = "; ".join(f"{indicator_label(k)}: {formats.decimal(float(v), lang, 3)}"
                             for k, v in sorted(provenance.weights.items()))
        elif name in ("seed", "draws", "permutations"):
            text = formats.integer(int(text), lang)
        elif name == "created_at" and text:
            with contextlib.suppress(ValueError):
                text = formats.date_time(dt.datetime.fromisoformat(text), lang)
        out.append((t(f"provenance.{name}"), text))
    return out


def provenance_table(provenance: Provenance) -> pd.DataFrame:
    """The provenance as two labelled columns (translated field names and values)."""
    rows = provenance_rows(provenance)
    return pd.DataFrame({t("provenance.header"): [label for label, _ in rows], "": [text for _, text in rows]})


def csv_bytes(areas: gpd.GeoDataFrame, provenance: Provenance) -> bytes:
    """Area scores as UTF-8 CSV with a byte-order mark, after ``#`` lines giving the provenance."""
    header = "".join(f"# {label}: {text}\n" for label, text in provenance_rows(provenance))
    return (header + _table(areas).to_csv(index=False)).encode("utf-8-sig")


def xlsx_bytes(areas: gpd.GeoDataFrame, crossings: gpd.GeoDataFrame | None, provenance: Provenance) -> bytes:
    """An Excel workbook in the session's language: areas, crossings when there are any, and how the
    scores were made."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        parts = [("riskexport.sheet.areas", areas)]
        if crossings is not None and not crossings.empty:
            parts.append(("riskexport.sheet.crossings", crossings))
        for key, frame in parts:
            people_table(frame).to_excel(writer, sheet_name=t(key), index=False)
            _number_formats(writer.sheets[t(key)], frame)
        provenance_table(provenance).to_excel(writer, sheet_name=t(PROVENANCE_SHEET), index=False)
    return buffer.getvalue()


def gpkg_bytes(scores: ScoresFile) -> bytes:
    """The scores file, as ``vigia score`` writes it (privacy rule applied by the writer)."""
    return scores_bytes(scores)


def provenance_footer(provenance: Provenance) -> str:
    """The provenance as a small HTML block pinned under a map."""
    lines = "<br>".join(f"{html.escape(label)}: {html.escape(text)}" for label, text in provenance_rows(provenance))
    return ('<div class="vigia-provenance" style="position:fixed;bottom:0;left:0;z-index:1000;'
            'background:rgba(255,255,255,0.85);font:11px sans-serif;padding:4px 8px;max-width:60%">'
            f"<b>{html.escape(t('provenance.header'))}</b><br>{lines}</div>")


def map_html(fmap: folium.Map, provenance: Provenance) -> bytes:
    """The map as one self-contained HTML file (Leaflet inlined; opens offline) with its provenance."""
    root = fmap.get_root()
    page = root.render()
    return page.replace("</body>", provenance_footer(provenance) + "\n</body>", 1).encode("utf-8")
