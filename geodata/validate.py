"""Check one layer against the contract, then the layers against each other.

The validator takes a layer exactly as a reader produced it and returns a typed
frame plus every problem found, in one pass: column names (case, spaces,
misspellings, personal data), each cell against its column type, unique ids,
geometry (via :mod:`geodata.geometry_checks`) and, across layers, references
to ``area_id``/``crossing_id``. It never raises for bad data.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.cell_parsers import (
    as_text,
    bad_periods,
    blank,
    closest,
    formulas,
    is_numeric,
    match_words,
    normalise_name,
    parse_bools,
    parse_counts,
    parse_dates,
    parse_hhmm,
    parse_numbers,
)
from geodata.contracts import (
    CRS,
    HIGH_RISK_SECTORS,
    LAYER_ORDER,
    LAYERS,
    Column,
    Layer,
)
from geodata.countries import country_hint, is_iso3
from geodata.geometry_checks import (
    LAT_NAMES,
    LON_NAMES,
    WKT_NAMES,
    check_shapes,
    geometry_from_columns,
    to_wgs84,
)
from geodata.list_flags import check_list_flags
from geodata.periods import check_future, check_future_days, check_period_mix, periods_from_dates
from geodata.personal import personal_kind
from geodata.problem_rows import MAX_ROWS_PER_RULE, Findings, format_rows, show_value
from geodata.problems import Severity
from geodata.readers import RawLayer
from geodata.separators import NumberStyle, file_number_style, read_thousands

#: Distinct wrong values described one by one per column; the rest are summed up.
MAX_DISTINCT_VALUES = 20

_ISO3 = re.compile(r"^[A-Z]{3}$")
@dataclass
class LayerResult:
    """One validated layer: its typed frame (best effort) and its problems.

    ``frame`` is None when the layer cannot be used at all (no rows, no
    geometry); with errors elsewhere it is still returned so references can be
    checked. ``coordinates`` names where geometries came from, for messages.
    """

    name: str
    file: str
    findings: Findings
    frame: pd.DataFrame | None = None
    coordinates: str = "geometry"
    empty: bool = False


def validate_layer(raw: RawLayer) -> LayerResult:
    """Every check of one layer that needs only that layer."""
    layer = LAYERS[raw.layer]
    findings = Findings(raw.file, raw.layer, raw.rows)
    result = LayerResult(raw.layer, raw.file, findings)
    frame = raw.frame
    geometry: np.ndarray | None = None
    crs = None
    if isinstance(frame, gpd.GeoDataFrame):
        geometry = np.asarray(frame.geometry.array, dtype=object)
        crs = frame.crs
        attrs = pd.DataFrame(frame.drop(columns=frame.geometry.name))
    else:
        attrs = pd.DataFrame(frame)
    attrs.columns = [str(c) for c in attrs.columns]
    attrs = attrs.reset_index(drop=True)
    if len(attrs) == 0:
        result.empty = True
        # An error, not a warning: a file the user gave that yields nothing (a header only, the
        # data on another sheet) must never end as a VALID dataset without that layer.
        if layer.required:
            findings.add("the layer has no rows", hint=f"{layer.name} must list at least one area")
        else:
            findings.add("the layer has no rows", hint=f"fill it in, or remove the {layer.name} file if there is no data")
        return result

    style = file_number_style(attrs, raw)  # before coordinate columns are used up: '-16.5' is evidence
    reported = None
    if not layer.geometry_required and _no_geometry(geometry, attrs):
        geometry = None  # an optional geometry left out: the layer is a table
    elif layer.geometry != "none":
        from_columns = geometry is None or (shapely.is_missing(geometry).all() and _has_coordinate_columns(attrs))
        if from_columns:
            geometry, used, result.coordinates, reported = geometry_from_columns(attrs, layer.geometry, findings,
                                                                                      not layer.geometry_required)
            attrs = attrs.drop(columns=used)
        elif geometry is not None:
            geometry = to_wgs84(geometry, crs, findings)

    attrs, numeric, dates = _match_columns(attrs, layer, raw, findings)
    texts = _Texts(attrs)
    blocked = _formula_cells(attrs, texts, raw, findings) if raw.spreadsheet else {}
    nothing = np.zeros(len(attrs), dtype=bool)
    typed: dict[str, pd.Series] = {}
    for column in layer.columns:
        if column.name in attrs:
            typed[column.name] = _check_column(column, attrs[column.name], texts[column.name],
                                               blocked.get(column.name, nothing), numeric.get(column.name),
                                               dates.get(column.name), findings, style)
    prefixed = [c for c in attrs.columns if _prefix_type(c, layer)]
    for name in prefixed:
        typed[name] = _check_prefixed(name, attrs[name], texts[name], blocked.get(name, nothing), findings, style)
    _fill_absent_defaults(layer, attrs, typed, findings)
    _check_required_when(layer, typed, findings)
    flags = check_list_flags(attrs, layer, texts, blocked, findings) if layer.flag_columns else {}
    typed.update(flags)

    contract = [c.name for c in layer.columns if c.name in typed]
    extras = [c for c in attrs.columns if c not in typed]
    table = pd.DataFrame({c: typed[c] if c in typed else attrs[c] for c in contract + prefixed + list(flags) + extras},
                         index=pd.RangeIndex(len(attrs)))
    if "period" in typed:
        check_period_mix(table, layer, findings)
    if layer.geometry == "none" or geometry is None:
        result.frame = table
        return result
    if not layer.geometry_required:  # rows without a point are allowed
        missing = shapely.is_missing(geometry)
        reported = missing if reported is None else reported | missing
    geometry = check_shapes(geometry, layer.geometry, findings, result.coordinates, reported)
    result.frame = gpd.GeoDataFrame(table, geometry=gpd.GeoSeries(geometry, index=table.index), crs=CRS)
    return result


class _Texts(dict):
    """Each column as text, computed once when first asked for (most checks start from it)."""

    def __init__(self, frame: pd.DataFrame):
        super().__init__()
        self.frame = frame

    def __missing__(self, name: str) -> pd.Series:
        text = as_text(self.frame[name])
        self[name] = text
        return text


def _no_geometry(geometry: np.ndarray | None, attrs: pd.DataFrame) -> bool:
    """No geometry column with a shape in it, and no lat/lon or wkt columns to build one from."""
    return (geometry is None or bool(shapely.is_missing(geometry).all())) and not _has_coordinate_columns(attrs)


def _has_coordinate_columns(frame: pd.DataFrame) -> bool:
    names = {str(c).strip().lower() for c in frame.columns}
    return bool(names & set(WKT_NAMES)) or (bool(names & set(LAT_NAMES)) and bool(names & set(LON_NAMES)))


# ---------------------------------------------------------------- column names


def _prefix_type(name: str, layer: Layer) -> str | None:
    for prefix, kind in layer.prefixed:
        if name.startswith(prefix):
            return kind
    return None


def _canonical(name: str, layer: Layer, shapefile: bool) -> tuple[str | None, str]:
    """The contract name a file column stands for (and why), or None for an extra column."""
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    names = [c.name for c in layer.columns]
    if key in names:
        return key, ""
    plain = normalise_name(name)
    for column in layer.columns:
        if plain in {normalise_name(a) for a in column.aliases}:
            return column.name, " (a known Spanish name for it)"
    for prefix, _ in layer.prefixed:
        if key.startswith(prefix) and len(key) > len(prefix):
            return prefix + key[len(prefix):].upper(), ""
    if shapefile and len(key) == 10:
        cut = [n for n in names if n.startswith(key)]
        if len(cut) == 1:
            return cut[0], " (Shapefile column names are cut at 10 characters)"
    return None, ""


def _match_columns(
    attrs: pd.DataFrame, layer: Layer, raw: RawLayer, findings: Findings
) -> tuple[pd.DataFrame, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Rename columns to contract names (case, spaces), flag personal data and misspellings."""
    keep: dict[str, str] = {}
    taken: dict[str, str] = {}
    for original in attrs.columns:
        canon, why = _canonical(original, layer, raw.format == "shapefile")
        if canon is None:
            keep[original] = original
            continue
        if canon in taken:
            findings.add(f"columns '{taken[canon]}' and '{original}' both read as '{canon}'; the second was ignored",
                         column=original, hint="rename or delete one of them")
            continue
        taken[canon] = original
        keep[original] = canon
        if canon != original:
            findings.add(f"column '{original}' read as '{canon}'{why}", column=canon, severity=Severity.FIXED,
                         hint=f"nothing to do; name it '{canon}' to skip this step")
    out = attrs[list(keep)].copy()
    out.columns = list(keep.values())
    numeric = {keep[k]: v for k, v in raw.numeric_cells.items() if k in keep}
    dates = {keep[k]: v for k, v in raw.date_cells.items() if k in keep}

    contract = {c.name for c in layer.columns}
    extras = [c for c in out.columns if c not in contract and not _prefix_type(c, layer)]
    missing = [c for c in layer.columns if c.name not in out]
    guesses = {c.name: _close_column(c.name, extras) for c in missing}
    count_guesses = {guesses[c.name] for c in missing if c.type == "int"}
    for name in extras:
        kind = personal_kind(name, layer.name)
        if kind is None or (name in count_guesses and _whole_numbers(out[name])):
            continue
        if layer.name == "cases":
            findings.add(f"column '{name}' looks like personal data ({kind}); Vigía accepts only aggregated counts",
                         column=name, hint="remove the column (keep only area_id, period, exploitation, cases, victims)")
        else:
            findings.add(f"column '{name}' looks like personal data ({kind}); it was left out of the dataset",
                         column=name, severity=Severity.WARNING,
                         hint="remove the column from the file; if it is not personal, rename it")
        out = out.drop(columns=[name])
        guesses = {k: (None if v == name else v) for k, v in guesses.items()}
    for column in missing:
        guess = guesses[column.name]
        if column.required and guess:
            findings.add(f"column '{guess}' is not in the contract and the required column '{column.name}' is missing: "
                         f"did you mean '{column.name}'?", column=guess, hint=f"rename the column '{guess}' to '{column.name}'")
        elif column.required:
            findings.add(f"the required column '{column.name}' is missing", column=column.name,
                         hint=f"add a column '{column.name}': {column.description}")
        elif guess:
            findings.add(f"column '{guess}' is not in the contract; did you mean the optional column '{column.name}'?",
                         column=guess, severity=Severity.WARNING,
                         hint=f"rename it to '{column.name}'; until then it is ignored")
    return out, numeric, dates


def _close_column(name: str, candidates: list[str]) -> str | None:
    lowered = {c.strip().lower(): c for c in candidates}
    found = difflib.get_close_matches(name, list(lowered), n=1, cutoff=0.75)
    return lowered[found[0]] if found else None


def _whole_numbers(series: pd.Series) -> bool:
    """A column close to a count's name holding only whole numbers (``victimas``) is that count misspelt,
    not a victim's name."""
    _, bad, fractional, _ = parse_counts(series)
    return not (bad | fractional).any()


def _formula_cells(attrs: pd.DataFrame, texts: _Texts, raw: RawLayer, findings: Findings) -> dict[str, np.ndarray]:
    """Spreadsheet formulas (XLSX) and CSV-injection payloads: errors, and skipped by later checks."""
    blocked = {}
    unsafe = ("starts with '=', '+', '-', '@', a tab or a line break, like a spreadsheet formula, which is unsafe "
              "when the data is opened in a spreadsheet")
    unsafe_hint = "remove the leading character (numbers such as -12 are fine)"
    for name in attrs.columns:
        mask = formulas(texts[name], attrs[name])
        if not mask.any():
            continue
        if raw.format == "xlsx":
            formula = mask & texts[name].str.startswith("=").fillna(False).to_numpy(dtype=bool)
            findings.at_rows(formula, name, "is a formula",
                             hint="replace formulas by values (copy, then Paste Special ▸ Values)")
            findings.at_rows(mask & ~formula, name, unsafe, hint=unsafe_hint)
        else:
            findings.at_rows(mask, name, unsafe, hint=unsafe_hint)
        blocked[name] = mask
    return blocked


# ---------------------------------------------------------------- cell values


def _check_column(
    column: Column,
    series: pd.Series,
    text: pd.Series,
    skip: np.ndarray,
    numeric_cells: np.ndarray | None,
    date_cells: np.ndarray | None,
    findings: Findings,
    style: NumberStyle | None = None,
) -> pd.Series:
    """Type one contract column, reporting every bad cell; returns the typed values."""
    name = column.name
    empty = blank(series, text) & ~skip
    if column.required:
        findings.at_rows(empty, name, "is empty", hint=f"fill in every row: {column.description}")
    if column.type in ("int", "float"):
        return _check_number(column, series, text, skip, empty, findings, style)
    if column.type == "probability":
        return _check_probability(column, series, text, skip, findings)
    if column.type == "bool":
        values, bad = parse_bools(series, text)
        findings.at_rows(bad & ~skip, name, "is not true or false", values=_shown(series),
                         hint="write true/false, yes/no, sí/no or 1/0")
        if column.default is not None:
            values = np.where(empty, bool(column.default), values)
        return pd.Series(values, dtype=bool)
    if skip.any():
        text = text.mask(skip, None)
    if column.type == "period":
        text = periods_from_dates(text, date_cells, findings, name)
        bad = bad_periods(text)
        findings.at_rows(bad, name, "is not a period YYYY or YYYY-MM", values=text.to_numpy(dtype=object),
                         hint="write the year (2023) or the year and month (2023-07); in Excel format the column as Text")
        check_future(text, bad, name, findings)
    elif column.type == "date":
        text, bad = parse_dates(series, text)
        findings.at_rows(bad & ~skip, name, "is not a date YYYY-MM-DD", values=_shown(series),
                         hint="write the day as YYYY-MM-DD, e.g. 2024-03-05; in Excel format the column as Text")
        check_future_days(text, name, findings)
    elif column.type == "hhmm":
        text, bad = parse_hhmm(text)
        findings.at_rows(bad, name, "is not a time HH:MM", values=_shown(series), hint="write times as 24-hour HH:MM, e.g. 08:30")
    elif column.type == "choice":
        text = _check_words(text, column.choices, name, findings, Severity.ERROR)
        if isinstance(column.default, str) and empty.any():
            text = text.mask(empty, column.default)
            findings.add(f"{int(empty.sum())} empty cell(s) filled with the default {column.default}", column=name,
                         severity=Severity.FIXED, hint="nothing to do")
    elif column.type == "country":
        text = _check_countries(text, name, findings)
    else:
        if column.unique or column.references:
            _check_leading_zeros(text, series, numeric_cells, name, findings)
        if column.unique:
            _check_duplicates(text, name, findings)
        if name == "sector":
            text = _check_words(text, HIGH_RISK_SECTORS, name, findings, Severity.WARNING)
    return text


def _shown(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=object)


def _check_number(column: Column, series: pd.Series, text: pd.Series, skip: np.ndarray, empty: np.ndarray,
                  findings: Findings, style: NumberStyle | None = None) -> pd.Series:
    name = column.name
    before = len(findings.items)
    if style is not None and column.type == "int" and not is_numeric(series):
        text, skip = read_thousands(text, skip, style, name, findings)
    values, bad, fractional, _negative = parse_counts(series, text)
    shown = _shown(series)
    findings.at_rows(bad & ~skip, name, "is not a number", values=shown, hint="write digits only, e.g. 12")
    if column.type == "int":
        findings.at_rows(fractional & ~skip, name, "has decimals; counts must be whole numbers", values=shown,
                         hint="write a whole number")
    if column.minimum is not None:
        with np.errstate(invalid="ignore"):
            below = ~skip & np.isfinite(values) & (values < column.minimum) & ~fractional
        word = "is negative; counts must be 0 or more" if column.minimum == 0 else f"is below the minimum {column.minimum:g}"
        findings.at_rows(below, name, word, values=shown, hint="correct the number")
    if isinstance(column.default, int | float) and empty.any():
        values = np.where(empty, float(column.default), values)
        findings.add(f"{int(empty.sum())} empty cell(s) filled with the default {column.default}", column=name,
                     severity=Severity.FIXED, hint="nothing to do")
    clean = len(findings.items) == before or all(p.severity is not Severity.ERROR for p in findings.items[before:])
    if column.type == "int" and clean and np.isfinite(values).all():
        return pd.Series(values.astype(np.int64))
    return pd.Series(values)


def _check_probability(column: Column, series: pd.Series, text: pd.Series, skip: np.ndarray,
                       findings: Findings) -> pd.Series:
    """A chance in (0, 1]: 0 would mean the visit could not happen, above 1 is a typing error (50 for 0.5)."""
    values, bad, _ = parse_numbers(series, text)
    findings.at_rows(bad & ~skip, column.name, "is not a number", values=_shown(series),
                     hint="write a decimal number between 0 and 1, e.g. 0.25")
    with np.errstate(invalid="ignore"):
        outside = ~skip & np.isfinite(values) & ((values <= 0) | (values > 1))
    findings.at_rows(outside, column.name, "is not a probability in (0, 1]", values=_shown(series),
                     hint="write the chance as a decimal above 0 and at most 1, e.g. 0.25 (not 25)")
    return pd.Series(values)


def _check_required_when(layer: Layer, typed: dict[str, pd.Series], findings: Findings) -> None:
    """Optional columns that rows of one kind must fill (a ``random`` visit needs its probability)."""
    for column in layer.columns:
        if column.required_when is None:
            continue
        other, value = column.required_when
        if other not in typed:
            continue
        needs = (typed[other] == value).fillna(False).to_numpy(dtype=bool)
        present = typed.get(column.name)
        missing = needs if present is None else needs & present.isna().to_numpy(dtype=bool)
        findings.at_rows(missing, column.name, f"is empty, but {other} is {value}",
                         hint=f"fill in {column.name} on every row where {other} is {value}: {column.description}")


def _check_prefixed(name: str, series: pd.Series, text: pd.Series, skip: np.ndarray, findings: Findings,
                    style: NumberStyle | None = None) -> pd.Series:
    """``nat_<ISO3>`` counts: whole numbers >= 0; empty cells count as 0 (and say so)."""
    suffix = name.split("_", 1)[1]
    if not _ISO3.match(suffix):
        findings.add(f"column '{name}' does not end in a 3-letter ISO country code (e.g. nat_VEN)", column=name,
                     severity=Severity.WARNING, hint="rename it nat_<ISO3>, e.g. nat_VEN, nat_PER")
    counted = Column(name, "int", required=False, minimum=0)
    empty = blank(series, text) & ~skip
    values = _check_number(counted, series, text, skip, empty, findings, style)
    if empty.any():
        findings.add(f"{int(empty.sum())} empty cell(s) counted as 0", column=name, severity=Severity.WARNING,
                     hint="write 0 where there were none, to make it explicit")
        values = values.fillna(0)
        if np.isfinite(values.to_numpy()).all() and (values.to_numpy() % 1 == 0).all():
            values = values.astype(np.int64)
    return values


def _fill_absent_defaults(layer: Layer, attrs: pd.DataFrame, typed: dict[str, pd.Series], findings: Findings) -> None:
    for column in layer.columns:
        if column.name in typed or column.required or column.default is None:
            continue
        dtype = {"bool": bool, "int": np.int64}.get(column.type, object)
        typed[column.name] = pd.Series([column.default] * len(attrs), dtype=dtype)
        shown = str(column.default).lower() if isinstance(column.default, bool) else column.default
        findings.add(f"optional column '{column.name}' is absent; every row uses the default {shown}",
                     column=column.name, severity=Severity.FIXED, hint=f"add the column to set it per row: {column.description}")


def _check_countries(text: pd.Series, name: str, findings: Findings) -> pd.Series:
    """Any real ISO 3166-1 alpha-3 code (any case); a wrong one gets the code it most likely means."""
    upper = text.str.upper()
    changed = (upper != text).fillna(False).to_numpy(dtype=bool)
    known = upper.map(is_iso3, na_action="ignore").fillna(True).astype(bool).to_numpy()
    if (changed & known).any():
        findings.add(f"{int((changed & known).sum())} country code(s) written in lower case were read in capitals",
                     column=name, severity=Severity.FIXED, hint="nothing to do")
    unknown = ~known
    distinct = pd.unique(text[unknown])
    for value in distinct[:MAX_DISTINCT_VALUES]:
        mask = unknown & (text == value).fillna(False).to_numpy(dtype=bool)
        hint = country_hint(str(value))
        did_you_mean = f"; did you mean {hint}?" if hint else ""
        findings.listing_rows(mask, name, f"{show_value(value)} is not an ISO 3166-1 alpha-3 country code{did_you_mean}",
                              hint="write the country's 3-letter ISO code, e.g. PER (Peru), ARG (Argentina), COL (Colombia)")
    rest = unknown & ~text.isin(distinct[:MAX_DISTINCT_VALUES]).to_numpy(dtype=bool)
    if rest.any():
        findings.listing_rows(rest, name, f"{int(rest.sum())} more cell(s) are not ISO 3166-1 alpha-3 codes",
                              hint="write 3-letter ISO codes, e.g. PER, ARG, COL")
    return upper


def _check_words(text: pd.Series, words: tuple[str, ...], name: str, findings: Findings, severity: Severity) -> pd.Series:
    """Case-insensitive match to a word list; unknown words get the closest suggestion."""
    mapped, changed, unknown = match_words(text, words)
    if changed.any():
        findings.add(f"{int(changed.sum())} value(s) written with other capitals or spaces were matched to "
                     f"the contract's spelling", column=name, severity=Severity.FIXED, hint="nothing to do")
    if not unknown.any():
        return mapped
    listed = "/".join(words)
    distinct = pd.unique(text[unknown])
    for value in distinct[:MAX_DISTINCT_VALUES]:
        mask = unknown & (text == value).fillna(False).to_numpy(dtype=bool)
        suggestion = closest(value, words)
        did_you_mean = f"; did you mean '{suggestion}'?" if suggestion else ""
        if severity is Severity.ERROR:  # one message per distinct value, listing its rows: never a flood
            shown = "the value" if findings.private else show_value(value)
            findings.listing_rows(mask, name, f"{shown} is not one of {listed}{did_you_mean}",
                                  hint=f"use one of {listed}")
        else:
            findings.listing_rows(mask, name, f"sector '{value}' is not one of the contract's high-risk sectors{did_you_mean}",
                                  severity=severity, hint=f"known sectors: {', '.join(words)}; others load but are not matched")
    rest = unknown & ~text.isin(distinct[:MAX_DISTINCT_VALUES]).to_numpy(dtype=bool)
    if rest.any():
        findings.listing_rows(rest, name, f"{int(rest.sum())} more cell(s) are not one of {listed}", severity=severity,
                              hint=f"use one of {listed}")
    return mapped


def _check_leading_zeros(text: pd.Series, series: pd.Series, numeric_cells: np.ndarray | None, name: str,
                         findings: Findings) -> None:
    """Codes stored as numbers (Excel, Shapefile) that are shorter than the others lost their leading zeros."""
    numeric = numeric_cells if numeric_cells is not None else (
        np.asarray(series.notna(), dtype=bool) if is_numeric(series) else None)
    if numeric is None or not numeric.any():
        return
    lengths = text.str.len().to_numpy(dtype=float, na_value=np.nan)
    if np.isnan(lengths).all():
        return
    longest = np.nanmax(lengths)
    short = numeric & (lengths < longest)
    findings.listing_rows(
        short, name,
        f"codes stored as numbers are shorter than the others ({int(longest)} characters): leading zeros may have been lost",
        severity=Severity.WARNING,
        hint="store codes as text (in Excel, format the column as Text and retype the codes, e.g. 010101)",
    )


def _check_duplicates(text: pd.Series, name: str, findings: Findings) -> None:
    present = text.notna().to_numpy(dtype=bool)
    duplicated = present & text.duplicated(keep="first").to_numpy(dtype=bool)
    if not duplicated.any():
        return
    firsts = {}
    for pos in np.flatnonzero(present & ~duplicated):
        firsts[text.iloc[pos]] = pos
    positions = np.flatnonzero(duplicated)
    for pos in positions[:MAX_ROWS_PER_RULE]:
        value = text.iloc[pos]
        shown = "" if findings.private else f" '{value}'"
        findings.add(f"duplicate {name}{shown}: row {int(findings.rows[firsts[value]])} has the same {name}",
                     column=name, row=int(findings.rows[pos]), hint=f"each {name} must be unique; fix or delete one of the two rows")
    if len(positions) > MAX_ROWS_PER_RULE:
        findings.add(f"{len(positions) - MAX_ROWS_PER_RULE} more duplicate {name}(s): rows "
                     + format_rows(findings.rows[positions[MAX_ROWS_PER_RULE:]]), column=name,
                     hint=f"each {name} must be unique")


# ---------------------------------------------------------------- across layers


def check_references(results: dict[str, LayerResult]) -> None:
    """``area_id``/``crossing_id`` values must exist in the layer they point to."""
    for name in LAYER_ORDER:
        result = results.get(name)
        if result is None or result.frame is None:
            continue
        for column in LAYERS[name].columns:
            if not column.references or column.name not in result.frame:
                continue
            target_name, target_column = column.references.split(".")
            target = results.get(target_name)
            if target is None or target.empty:
                result.findings.add(
                    f"'{column.name}' refers to the {target_name} layer, but the dataset has no {target_name} (or it is empty)",
                    column=column.name,
                    hint=f"add {target_name} (e.g. {target_name}.csv or {target_name}.geojson) or remove {name}",
                )
                continue
            if target.frame is None or target_column not in target.frame:
                continue  # the target's own errors explain it
            _check_known(result, column.name, target, target_column)


def _check_known(result: LayerResult, name: str, target: LayerResult, target_column: str) -> None:
    """Unknown codes, per row; codes that differ only by lost leading zeros are explained once, together."""
    if result.frame is None or target.frame is None:
        return
    known = pd.Index(target.frame[target_column].dropna().astype("str").unique())
    values = result.frame[name]
    unknown = (values.notna() & ~values.isin(known)).to_numpy(dtype=bool)
    if not unknown.any():
        return
    text = values.astype("str")
    width = int(known.str.len().max()) if len(known) else 0
    # Here '10101' vs '010101' in the target: this file lost the zeros.
    lost_here = unknown & (text.str.zfill(width).isin(known).to_numpy(dtype=bool) if width else False)
    # Here '010101' vs '10101' in the target: the target file lost them (codes typed as numbers).
    stripped_known = pd.Index(known.str.lstrip("0"))
    lost_there = unknown & ~lost_here & text.str.lstrip("0").isin(stripped_known).to_numpy(dtype=bool)
    if lost_here.any():
        result.findings.listing_rows(
            lost_here, name,
            f"{int(lost_here.sum())} {name} value(s) match {target_column} codes of {target.file} only once leading "
            "zeros are added (e.g. 10101 -> 010101): the zeros were lost in this file",
            hint="store the codes as text so leading zeros survive (in Excel, format the column as Text and retype them)")
    if lost_there.any():
        result.findings.listing_rows(
            lost_there, name,
            f"{int(lost_there.sum())} {name} value(s) match {target_column} codes of {target.file} only without "
            f"their leading zeros (e.g. 010101 vs 10101): the zeros were lost in {target.file}",
            hint=f"store the {target_column} codes in {target.file} as text so leading zeros survive (in Excel, format the column as Text "
            "and retype them; in a Shapefile or GeoPackage make the field a text field)")
    rest = unknown & ~lost_here & ~lost_there
    result.findings.at_rows(rest, name, f"is not among the {target_column} values of the {target.name} layer ({target.file})",
                            values=values.to_numpy(dtype=object), hint=f"use {target_column} codes that exist in {target.file}")
