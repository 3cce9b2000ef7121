"""A what-if result as files: XLSX (translated headers), CSV (stable codes), GeoJSON, HTML.

No solving here. The CSV has one row per option, best first, with ``lon``/``lat`` of the
new office or checkpoint; :func:`read_report` reads CSV, XLSX and GeoJSON back into the
same table, so a report can be reopened and compared.
"""

from __future__ import annotations

import html
import io
import json
import math
from pathlib import Path

import pandas as pd

from geodata import formats
from planner.coverage.model import FRAGILE_SHARE
from planner.export_texts import sentence_text, word
from planner.what_if import REPORT_COLUMNS, WhatIf

FORMATS = ("xlsx", "csv", "geojson", "html")

_TEXT_COLUMNS = ("option", "kind", "site_ids", "sites_lonlat", "teams_added", "site_new", "robustness")


def _localised(frame: pd.DataFrame, lang: str, codes: bool = False) -> pd.DataFrame:
    """Headers and the kind and robustness of each option in ``lang``; with ``codes`` (the workbook)
    each keeps its code in a «Código …» column beside the words, so the file still joins to the data."""
    out = frame.copy()
    for column in ("kind", "robustness"):
        words = [word(f"wi.{column}.{k}", lang) for k in out[column]]
        if codes:
            out.insert(list(out.columns).index(column) + 1, f"code.{column}", out[column])
        out[column] = words
    return out.rename(columns={c: word(c if c.startswith("code.") else f"wi.{c}", lang) for c in out.columns})


def about_rows(result: WhatIf, lang: str = "es") -> list[tuple[str, str]]:
    """How the options were measured, in words: the question, the demand, totals, draws, time, notes, rule."""
    about = result.about()
    question = about["question"] if isinstance(about["question"], dict) else {}
    asked = "; ".join(f"{word(f'wi.q.{k}', lang)}: {formats.integer(v, lang)}" for k, v in question.items())
    rows = [("wi.about.question", asked),
            ("wi.about.target", word(f"wi.target.{about['target']}", lang)),
            ("wi.about.total_risk", formats.decimal(float(about["total_risk"]), lang)),  # type: ignore[arg-type]
            ("wi.about.covered_today", formats.decimal(float(about["covered_today"]), lang)),  # type: ignore[arg-type]
            ("wi.about.reach_minutes", formats.integer(float(about["reach_minutes"]), lang)),  # type: ignore[arg-type]
            ("wi.about.draws_solved", formats.integer(float(about["draws_solved"]), lang)),  # type: ignore[arg-type]
            ("wi.about.seconds", formats.decimal(float(about["seconds"]), lang))]  # type: ignore[arg-type]
    notes = about.get("notes")
    rows += [("wi.about.note", sentence_text(str(note), "wi.note", lang))
             for note in (notes if isinstance(notes, list) else [])]
    rows.append(("wi.about.rule", rule_text(result, lang)))
    return [(word(key, lang), value) for key, value in rows]


def rule_text(result: WhatIf, lang: str = "es") -> str:
    """The coverage and robustness rules in words."""
    return word("wi.rule", lang, hours=formats.decimal(result.reach_minutes / 60, lang, 1),
                share=formats.percent(FRAGILE_SHARE, lang))


def to_csv(result: WhatIf) -> bytes:
    return result.to_frame().to_csv(index=False).encode("utf-8")


def to_xlsx(result: WhatIf, lang: str = "es") -> bytes:
    rows = about_rows(result, lang)
    about = pd.DataFrame({word("key", lang): [k for k, _ in rows], word("value", lang): [v for _, v in rows]})
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        _localised(result.to_frame(), lang, codes=True).to_excel(writer, sheet_name=word("wi.sheet.options", lang),
                                                                 index=False)
        about.to_excel(writer, sheet_name=word("wi.sheet.about", lang), index=False)
    return buffer.getvalue()


def _json_value(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    return value.item() if hasattr(value, "item") else value


def geojson_dict(result: WhatIf) -> dict:
    """One point per site an option changes, carrying the option's row."""
    features = []
    for row in result.to_frame().to_dict("records"):
        for k, point in enumerate(str(row["sites_lonlat"]).split(";")):
            if not point.strip():
                continue
            lon, lat = map(float, point.split())
            props = {c: _json_value(v) for c, v in row.items()}
            props["site_index"] = k
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                             "properties": props})
    return {"type": "FeatureCollection", "features": features, "about": result.about()}


def to_geojson(result: WhatIf) -> bytes:
    return json.dumps(geojson_dict(result), ensure_ascii=False).encode("utf-8")


def _written(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Numbers as people read them in ``lang`` (``6.193,65``; coordinates to 5 decimals), for the HTML page."""
    out = frame.copy()
    for column in out.columns:
        digits = 5 if column in ("lon", "lat") else 2
        if pd.api.types.is_integer_dtype(out[column]):
            out[column] = [formats.integer(v, lang) for v in out[column]]
        elif pd.api.types.is_float_dtype(out[column]):
            out[column] = [formats.decimal(v, lang, digits) if pd.notna(v) else None for v in out[column]]
    return out


def to_html(result: WhatIf, lang: str = "es") -> bytes:
    """A self-contained page (no scripts, no web requests): the rule and the ranked table."""
    table = _localised(_written(result.to_frame(), lang), lang).to_html(index=False, na_rep="–", border=0)
    title = html.escape(word("wi.title", lang))
    page = (f"<!doctype html><html lang='{lang}'><meta charset='utf-8'><title>{title}</title>"
            "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left}</style>"
            f"<h1>{title}</h1><p>{html.escape(rule_text(result, lang))}</p>{table}</html>")
    return page.encode("utf-8")


def export_bytes(result: WhatIf, fmt: str, lang: str = "es") -> bytes:
    if fmt == "csv":
        return to_csv(result)
    if fmt == "xlsx":
        return to_xlsx(result, lang)
    if fmt == "geojson":
        return to_geojson(result)
    if fmt == "html":
        return to_html(result, lang)
    raise ValueError(f"unknown report format {fmt!r}; choose one of {', '.join(FORMATS)}")


def write_report(result: WhatIf, path: str | Path, lang: str = "es") -> Path:
    """Write the report in the format of ``path``'s extension."""
    path = Path(path)
    path.write_bytes(export_bytes(result, path.suffix.lower().lstrip("."), lang))
    return path


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.reindex(columns=list(REPORT_COLUMNS))
    for column in out.columns:
        if column in _TEXT_COLUMNS:
            out[column] = out[column].astype(str)
        else:
            out[column] = pd.to_numeric(out[column], errors="coerce")
    out["rank"] = out["rank"].astype(int)
    return out.reset_index(drop=True)


def read_report(path: str | Path) -> pd.DataFrame:
    """The options table of a CSV, XLSX (either language) or GeoJSON report."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "csv":
        return _typed(pd.read_csv(path, dtype={c: str for c in _TEXT_COLUMNS}, keep_default_na=False,
                                  na_values={c: [""] for c in REPORT_COLUMNS if c not in _TEXT_COLUMNS}))
    if fmt == "xlsx":
        frame = pd.read_excel(path, sheet_name=0, dtype=str)
        codes = {word(f"wi.{c}", lang): c for c in REPORT_COLUMNS for lang in ("es", "en")}
        frame = frame.rename(columns=codes)
        back = {word(f"wi.{g}.{v}", lang): v for g, values in (("kind", ("office", "teams", "move", "checkpoint")),
                                                              ("robustness", ("robust", "fragile", "not_assessed")))
                for v in values for lang in ("es", "en")}
        for column in ("kind", "robustness"):
            frame[column] = frame[column].map(lambda v: back.get(v, v))
        return _typed(frame.fillna(""))
    if fmt == "geojson":
        data = json.loads(path.read_text(encoding="utf-8"))
        rows = [f["properties"] for f in data["features"] if f["properties"].get("site_index") == 0]
        return _typed(pd.DataFrame(rows))
    raise ValueError(f"cannot read a what-if report from '{path.name}'; give .csv, .xlsx or .geojson")
