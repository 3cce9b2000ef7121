"""Validator messages in the user's language: one table of texts, keyed, translated by the catalog.

Checks write their messages in English (the language of the code and the
tests); this module gives each common message a key, the English form as a
pattern (to recognise it) and as a text with placeholders (the msgid the
translator sees), so the CLI (``--lang``) and the Data page show a ministry
clerk "fila 12, columna 'casos'" instead of "row 12, column 'cases'". The
Spanish comes from the gettext catalog (:mod:`geodata.catalog`). A message
with no entry stays in English — never garbled.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from geodata.catalog import Text, lookup, msg, msg_plural
from geodata.problems import Problem, Severity

LANGUAGES = ("es", "en")

#: The words around every problem (severity, where it is).
FRAME: dict[str, Mapping[str, str]] = {
    "severity.error": msg("validator.frame.severity.error", "ERROR"),
    "severity.fixed": msg("validator.frame.severity.fixed", "FIXED"),
    "severity.warning": msg("validator.frame.severity.warning", "WARNING"),
    "where.row": msg("validator.frame.where.row", "row {row}"),
    "where.column": msg("validator.frame.where.column", "column '{column}'"),
    "verdict.valid": msg("validator.frame.verdict.valid", "VALID"),
    "verdict.invalid": msg("validator.frame.verdict.invalid", "NOT VALID"),
    # the summary line joins these three counted texts: "2 errores, 1 corregido, 0 avisos"
    "summary.error": msg_plural("validator.frame.summary.error", "{n} error", "{n} errors"),
    "summary.fixed": msg_plural("validator.frame.summary.fixed", "{n} fixed", "{n} fixed"),
    "summary.warning": msg_plural("validator.frame.summary.warning", "{n} warning", "{n} warnings"),
    "layer_rows": msg_plural("validator.frame.layer_rows",
                             "layer {layer}: {rows} row",
                             "layer {layer}: {rows} rows",
                             "rows"),
    "the_value": msg("validator.frame.the_value", "the value"),
    "contract.header": msg("validator.frame.contract.header",
                           "| column | type | required | meaning | also read from |"),
    "contract.polygons": msg("validator.frame.contract.polygons", "polygons"),
    "contract.points": msg("validator.frame.contract.points", "points"),
    "contract.table": msg("validator.frame.contract.table", "table"),
    "contract.or_table": msg("validator.frame.contract.or_table", "or table"),
    "contract.required": msg("validator.frame.contract.required", "required"),
    "contract.optional": msg("validator.frame.contract.optional", "optional"),
    "contract.one_of": msg("validator.frame.contract.one_of", "one of"),
    "contract.yes": msg("validator.frame.contract.yes", "yes"),
    "contract.no": msg("validator.frame.contract.no", "no"),
    "contract.yes_when": msg("validator.frame.contract.yes_when", "(yes when `{column}` is {value})"),
    "contract.per_nationality": msg("validator.frame.contract.per_nationality",
                                    "Count per nationality, e.g. `{example}`."),
    "contract.flags": msg("validator.frame.contract.flags",
                          "| `<list name>` | 0/1 | yes, 2 or more | One column per agency list, named freely "
                          "(e.g. `police`, `labour`, `fiscalia`, `ngo`): 1 when the victims of that row are "
                          "on the list. No row may be all 0. | |"),
    "word.latitude": msg("validator.frame.word.latitude", "a latitude"),
    "word.longitude": msg("validator.frame.word.longitude", "a longitude"),
    "word.geometry": msg("validator.frame.word.geometry", "a geometry"),
    "nothing_written": msg("validator.frame.nothing_written", "nothing written"),
    "wrote": msg("validator.frame.wrote", "Wrote {path}"),
    "recorded": msg_plural("validator.frame.recorded",
                           "Wrote {path}: {added} visit recorded from {file} ({before} before, {after} now); "
                           "victims found in it: {victims}",
                           "Wrote {path}: {added} visits recorded from {file} ({before} before, {after} "
                           "now); victims found in them: {victims}",
                           "added"),
}


@dataclass(frozen=True)
class MessageText:
    """One message: its key, its English form as a regex (named groups), and its text.

    ``text`` is ``msg(context, English with {placeholders})``; the Spanish comes from the
    catalog. The Spanish may leave out a group the pattern only needs for matching.
    """

    key: str
    pattern: str
    text: Text | str

    @property
    def en(self) -> str:
        return self.pattern

    @property
    def es(self) -> str:
        return _spanish(self.text)


def _spanish(entry: Text | str) -> str:
    """The Spanish of a table entry (a plain string is Spanish already, from before the catalog)."""
    return entry if isinstance(entry, str) else entry["es"]


#: Messages by key. ``{value}`` is a quoted cell value or "the value" (translated too).
MESSAGES: tuple[MessageText, ...] = (
    MessageText("cell.not_number", r"(?P<value>.+?) is not a number", msg("validator.cell.not_number",
                                                                          "{value} is not a number")),
    MessageText("cell.empty", r"(?P<value>.+?) is empty", msg("validator.cell.empty", "{value} is empty")),
    MessageText("cell.decimals", r"(?P<value>.+?) has decimals; counts must be whole numbers",
                msg("validator.cell.decimals", "{value} has decimals; counts must be whole numbers")),
    MessageText("cell.negative", r"(?P<value>.+?) is negative; counts must be 0 or more",
                msg("validator.cell.negative", "{value} is negative; counts must be 0 or more")),
    MessageText("cell.period", r"(?P<value>.+?) is not a period YYYY or YYYY-MM",
                msg("validator.cell.period", "{value} is not a period YYYY or YYYY-MM")),
    MessageText("cell.time", r"(?P<value>.+?) is not a time HH:MM", msg("validator.cell.time",
                                                                        "{value} is not a time HH:MM")),
    MessageText("results.recorded_before", r"inspection_id '(?P<visit>.+)' is already recorded in (?P<source>.+)",
                msg("validator.results.recorded_before",
                    "inspection_id '{visit}' is already recorded in {source}")),
    MessageText("results.waiting", r"(?P<count>\d+) visit\(s\) without results yet \(done left empty\) were not "
                r"recorded", msg("validator.results.waiting",
                                 "{count} visit(s) without results yet (done left empty) were not recorded")),
    MessageText("results.unmarked", r"the visit is not marked but has results",
                msg("validator.results.unmarked", "the visit is not marked but has results")),
    MessageText("results.contradiction", r"the visit is marked (?P<state>.+) but has results",
                msg("validator.results.contradiction", "the visit is marked {state} but has results")),
    MessageText("results.not_yes_no", r"(?P<value>'.*') is not sí or no", msg("validator.results.not_yes_no",
                                                                              "{value} is not sí or no")),
    MessageText("results.none_done", r"no visit in the file is marked done; nothing was recorded",
                msg("validator.results.none_done",
                    "no visit in the file is marked done; nothing was recorded")),
    MessageText("results.not_sheet", r"the column '(?P<header>.+)' is missing: this is not the results sheet of a "
                r"Vigía plan", msg("validator.results.not_sheet",
                                   "the column '{header}' is missing: this is not the results sheet of a Vigía plan")),
    MessageText("cell.date", r"(?P<value>.+?) is not a date YYYY-MM-DD", msg("validator.cell.date",
                                                                             "{value} is not a date YYYY-MM-DD")),
    MessageText("cell.future_day", r"(?P<value>.+?) is in the future \(after (?P<today>[0-9-]+)\)",
                msg("validator.cell.future_day", "{value} is in the future (after {today})")),
    MessageText("cell.probability", r"(?P<value>.+?) is not a probability in \(0, 1\]",
                msg("validator.cell.probability", "{value} is not a probability in (0, 1]")),
    MessageText("cell.empty_when", r"(?P<value>.+?) is empty, but (?P<other>\S+) is (?P<kind>\S+)",
                msg("validator.cell.empty_when", "{value} is empty, but {other} is {kind}")),
    MessageText("cell.bool", r"(?P<value>.+?) is not true or false", msg("validator.cell.bool",
                                                                         "{value} is not true or false")),
    MessageText("cell.sector", r"sector '(?P<value>.+?)' is not one of the contract's high-risk sectors(?P<rest>.*)",
                msg("validator.cell.sector",
                    "sector '{value}' is not one of the contract's high-risk sectors{rest}")),
    MessageText("cell.needs_coordinate", r"(?P<value>.+?) is empty; every row needs a (?P<word>latitude|longitude|geometry)",
                msg("validator.cell.needs_coordinate", "{value} is empty; every row needs a {word}")),
    MessageText("layer.no_target", r"'(?P<column>.+)' refers to the (?P<target>\S+) layer, but the dataset has no "
                r"(?P=target) \(or it is empty\)", msg("validator.layer.no_target",
                                                       "'{column}' refers to the {target} layer, but the "
                                                       "dataset has no {target} (or it is empty)")),
    MessageText("upload.no_name", r"'(?P<name>.*)' is not a file name, so the file cannot be read",
                msg("validator.upload.no_name", "'{name}' is not a file name, so the file cannot be read")),
    MessageText("upload.same_name", r"(?P<count>\d+) uploaded files have the same name '(?P<name>.+)'; one would "
                r"overwrite the other", msg("validator.upload.same_name",
                                            "{count} uploaded files have the same name '{name}'; one would "
                                            "overwrite the other")),
    # patrol units, shift profiles and crossing scores (planner.patrols)
    MessageText("units.no_unit_id", r"the column 'unit_id' is missing", msg("validator.units.no_unit_id",
                                                                            "the column 'unit_id' is missing")),
    MessageText("units.no_base_column", r"the file says neither where units start \(base_id\) nor lon/lat",
                msg("validator.units.no_base_column",
                    "the file says neither where units start (base_id) nor lon/lat")),
    MessageText("units.no_id", r"the unit has no unit_id", msg("validator.units.no_id",
                                                               "the unit has no unit_id")),
    MessageText("units.twice", r"unit_id '(?P<unit>.+)' is used twice \(also row (?P<row>\d+)\)",
                msg("validator.units.twice", "unit_id '{unit}' is used twice (also row {row})")),
    MessageText("units.not_lon", r"lon '(?P<value>.*)' is not a longitude", msg("validator.units.not_lon",
                                                                                "lon '{value}' is not a longitude")),
    MessageText("units.not_lat", r"lat '(?P<value>.*)' is not a latitude", msg("validator.units.not_lat",
                                                                               "lat '{value}' is not a latitude")),
    MessageText("units.unknown_base", r"base_id '(?P<base>.+)' is not an office of the dataset",
                msg("validator.units.unknown_base", "base_id '{base}' is not an office of the dataset")),
    MessageText("units.no_base", r"the unit has no base", msg("validator.units.no_base",
                                                              "the unit has no base")),
    MessageText("units.crew", r"crew '(?P<value>.*)' is not a whole number >= 1",
                msg("validator.units.crew", "crew '{value}' is not a whole number >= 1")),
    MessageText("units.shift", r"shifts '(?P<value>.*)' names an unknown shift",
                msg("validator.units.shift", "shifts '{value}' names an unknown shift")),
    MessageText("units.max_shifts", r"max_shifts '(?P<value>.*)' is not a whole number 0\.\.(?P<max>\d+)",
                msg("validator.units.max_shifts", "max_shifts '{value}' is not a whole number 0..{max}")),
    MessageText("units.none", r"the file lists no units", msg("validator.units.none",
                                                              "the file lists no units")),
    MessageText("units.file_type", r"'(?P<name>.+)' is not a units file type",
                msg("validator.units.file_type", "'{name}' is not a units file type")),
    MessageText("file.missing", r"the file does not exist", msg("validator.file.missing",
                                                                "the file does not exist")),
    MessageText("units.no_police", r"there are no patrol units", msg("validator.units.no_police",
                                                                     "there are no patrol units")),
    MessageText("profile.not_file", r"not an existing \.csv or \.xlsx file", msg("validator.profile.not_file",
                                                                                 "not an existing .csv or .xlsx file")),
    MessageText("profile.column", r"column '(?P<column>.+)' is missing", msg("validator.profile.column",
                                                                             "column '{column}' is missing")),
    MessageText("profile.kind", r"kind '(?P<value>.*)' is unknown", msg("validator.profile.kind",
                                                                        "kind '{value}' is unknown")),
    MessageText("profile.weight", r"'(?P<value>.*)' is not a weight >= 0", msg("validator.profile.weight",
                                                                               "'{value}' is not a weight >= 0")),
    MessageText("patrol.score", r"score of (?P<crossing>.+) is not a number >= 0",
                msg("validator.patrol.score", "score of {crossing} is not a number >= 0")),
    MessageText("patrol.no_score", r"no score for crossing\(s\) (?P<ids>.+?)(?: and (?P<more>\d+) more)?",
                msg("validator.patrol.no_score", "no score for crossing(s) {ids}(?: and {more} more)?")),
    MessageText("patrol.no_crossings", r"the dataset has no crossings, so there is nothing to patrol",
                msg("validator.patrol.no_crossings",
                    "the dataset has no crossings, so there is nothing to patrol")),
    MessageText("cell.choice", r"(?P<value>.+?) is not one of (?P<choices>[^;( ]+)(?P<rest>.*)",
                msg("validator.cell.choice", "{value} is not one of {choices}{rest}")),
    MessageText("cell.country", r"(?P<value>.+?) is not an ISO 3166-1 alpha-3 country code(?P<rest>.*)",
                msg("validator.cell.country", "{value} is not an ISO 3166-1 alpha-3 country code{rest}")),
    MessageText("cell.unknown_code",
                r"(?P<value>.+?) is not among the (?P<column>\S+) values of the (?P<layer>\S+) layer \((?P<file>.+)\)",
                msg("validator.cell.unknown_code",
                    "{value} is not among the {column} values of the {layer} layer ({file})")),
    MessageText("cell.formula", r"(?P<value>.+?) is a formula", msg("validator.cell.formula",
                                                                    "{value} is a formula")),
    MessageText("cell.unsafe",
                r"(?P<value>.+?) starts with '=', '\+', '-', '@', a tab or a line break, like a spreadsheet formula, "
                r"which is unsafe when the data is opened in a spreadsheet",
                msg("validator.cell.unsafe",
                    "{value} starts with '=', '+', '-', '@', a tab or a line break, like a spreadsheet "
                    "formula, which is unsafe when the data is opened in a spreadsheet")),
    MessageText("cell.more", r"(?P<count>\d+) more row\(s\) with the same problem \(the value (?P<what>.+)\): rows (?P<rows>.+)",
                msg("validator.cell.more",
                    "{count} more row(s) with the same problem (the value {what}): rows {rows}")),
    MessageText("column.missing", r"the required column '(?P<column>.+)' is missing",
                msg("validator.column.missing", "the required column '{column}' is missing")),
    MessageText("column.renamed", r"column '(?P<original>.+)' read as '(?P<canon>.+?)'(?P<why>( \(.*\))?)",
                msg("validator.column.renamed", "column '{original}' read as '{canon}'{why}")),
    MessageText("column.personal", r"column '(?P<column>.+)' looks like personal data \((?P<kind>.+)\); "
                r"Vigía accepts only aggregated counts",
                msg("validator.column.personal",
                    "column '{column}' looks like personal data ({kind}); Vigía accepts only aggregated counts")),
    MessageText("column.misspelt", r"column '(?P<guess>.+)' is not in the contract and the required column "
                r"'(?P<column>.+)' is missing: did you mean '(?P=column)'\?",
                msg("validator.column.misspelt",
                    "column '{guess}' is not in the contract and the required column '{column}' is missing: "
                    "did you mean '{column}'?")),
    MessageText("layer.no_rows", r"the layer has no rows", msg("validator.layer.no_rows",
                                                               "the layer has no rows")),
    MessageText("layer.areas_missing", r"the required areas layer is missing", msg("validator.layer.areas_missing",
                                                                                   "the required areas layer is missing")),
    MessageText("file.empty", r"the file is empty \(0 bytes\)", msg("validator.file.empty",
                                                                    "the file is empty (0 bytes)")),
    MessageText("file.not_layer", r"the file is not named after a layer; it was ignored",
                msg("validator.file.not_layer", "the file is not named after a layer; it was ignored")),
    MessageText("file.spanish_name", r"(?P<what>the file|layer '.+') read as the (?P<layer>\S+) layer "
                r"\(a known Spanish name for it\)", msg("validator.file.spanish_name",
                                                        "{what} read as the {layer} layer (a known Spanish name for it)")),
    MessageText("file.no_path", r"the path does not exist", msg("validator.file.no_path",
                                                                "the path does not exist")),
    MessageText("file.ragged", r"(?P<where>line|row) (?P<row>\d+) has (?P<count>\d+) values but the header has "
                r"(?P<width>\d+) columns", msg("validator.file.ragged",
                                               "{where} {row} has {count} values but the header has {width} columns")),
    MessageText("file.header_moved", r"the column names are on row (?P<row>\d+)(?P<sheet>.*?); the row\(s\) above it "
                r"\(a title: '(?P<title>.*)'\) were skipped",
                msg("validator.file.header_moved",
                    "the column names are on row {row}{sheet}; the row(s) above it (a title: '{title}') were skipped")),
    MessageText("file.title_row", r"the first row(?P<sheet>.*?) holds only '(?P<title>.*)', but the rows below have up "
                r"to (?P<count>\d+) values, and no row names the columns of (?P<layer>\S+): the column names must be "
                r"on the first row",
                msg("validator.file.title_row",
                    "the first row{sheet} holds only '{title}', but the rows below have up to {count} "
                    "values, and no row names the columns of {layer}: the column names must be on the first "
                    "row")),
    MessageText("numbers.thousands_fixed", r"(?P<count>\d+) value\(s\) written with '(?P<mark>.)' as a thousands "
                r"separator were read as whole numbers(?P<example>.*)",
                msg("validator.numbers.thousands_fixed",
                    "{count} value(s) written with '{mark}' as a thousands separator were read as whole numbers{example}")),
    MessageText("numbers.ambiguous", r"(?P<count>\d+) value\(s\) look like whole numbers with '(?P<mark>.)' as a "
                r"thousands separator(?P<example>.*?), but (?P<why>.+?)(?P<rows> \(row\(s\) .*\))",
                msg("validator.numbers.ambiguous",
                    "{count} value(s) look like whole numbers with '{mark}' as a thousands separator{example}, but {why}{rows}")),
    MessageText("period.future", r"(?P<count>\d+) period\(s\) are in the future \(after (?P<now>.+?)\)(?P<rows>.*)",
                msg("validator.period.future", "{count} period(s) are in the future (after {now}){rows}")),
    MessageText("period.mix", r"annual and monthly rows for the same (?P<keys>.+?) and year \((?P<count>\d+) case\(s\): "
                r"(?P<where>.+)\): their figures would be counted twice(?P<rows>.*)",
                msg("validator.period.mix",
                    "annual and monthly rows for the same {keys} and year ({count} case(s): {where}): their "
                    "figures would be counted twice{rows}")),
    MessageText("points.far", r"(?P<who>.+?) lies outside every area, (?P<km>[\d,]+) km from the nearest one",
                msg("validator.points.far", "{who} lies outside every area, {km} km from the nearest one")),
    MessageText("points.swapped", r"(?P<count>\d+) point\(s\) fall outside every area but would fall inside with "
                r"latitude and longitude swapped: the coordinates in '(?P<label>.+)' look swapped(?P<rows>.*)",
                msg("validator.points.swapped",
                    "{count} point(s) fall outside every area but would fall inside with latitude and "
                    "longitude swapped: the coordinates in '{label}' look swapped{rows}")),
    MessageText("sheet.unclear", r"the workbook has (?P<count>\d+) sheets \((?P<titles>.+)\) and (?P<which>.+), so it "
                r"is not clear which one holds the data",
                msg("validator.sheet.unclear",
                    "the workbook has {count} sheets ({titles}) and {which}, so it is not clear which one holds the data")),
    MessageText("duplicate", r"duplicate (?P<column>\S+)(?P<value>.*): row (?P<row>\d+) has the same (?P=column)",
                msg("validator.duplicate", "duplicate {column}{value}: row {row} has the same {column}")),
    MessageText("file.not_utf8", r"the file is not UTF-8; it was read as (?P<encoding>.+)",
                msg("validator.file.not_utf8", "the file is not UTF-8; it was read as {encoding}")),
    MessageText("file.stray_byte", r"the file is UTF-8 except (?P<count>\d+) line\(s\) \((?P<lines>.+)\) holding a "
                r"Windows-1252 character; those lines were read as Windows-1252",
                msg("validator.file.stray_byte",
                    "the file is UTF-8 except {count} line(s) ({lines}) holding a Windows-1252 character; "
                    "those lines were read as Windows-1252")),
    MessageText("file.dataset_zip", r"the zip holds a dataset folder \((?P<count>\d+) files\); it was read as that folder",
                msg("validator.file.dataset_zip",
                    "the zip holds a dataset folder ({count} files); it was read as that folder")),
    MessageText("cell.more_rows", r"(?P<count>\d+) more row\(s\) with the same problem: rows (?P<rows>.+)",
                msg("validator.cell.more_rows", "{count} more row(s) with the same problem: rows {rows}")),
    MessageText("numbers.decimal_comma", r"(?P<count>\d+) value\(s\) written with a decimal comma were read as whole "
                r"numbers(?P<example>.*)", msg("validator.numbers.decimal_comma",
                                               "{count} value(s) written with a decimal comma were read as "
                                               "whole numbers{example}")),
    MessageText("numbers.comma_points", r"decimal commas read as decimal points \((?P<count>\d+) cell\(s\)\)",
                msg("validator.numbers.comma_points",
                    "decimal commas read as decimal points ({count} cell(s))")),
    MessageText("period.dates", r"(?P<count>\d+) date cell\(s\) read as periods YYYY-MM \(Excel had turned them into "
                r"dates\)", msg("validator.period.dates",
                                "{count} date cell(s) read as periods YYYY-MM (Excel had turned them into dates)")),
    MessageText("period.year_format", r"(?P<count>\d+) date cell\(s\) shown as years \(format yyyy\) were read as "
                r"years, e\.g\. (?P<example>\S+) \(annual figures\), not as January dates \(rows (?P<rows>.+)\)",
                msg("validator.period.year_format",
                    "{count} date cell(s) shown as years (format yyyy) were read as years, e.g. {example} "
                    "(annual figures), not as January dates (rows {rows})")),
    MessageText("period.january_years", r"(?P<count>\d+) date cell\(s\), all on 1 January of (?P<years>\d+) different "
                r"years, were read as years \(annual figures\), not as January(?P<rows>.*)",
                msg("validator.period.january_years",
                    "{count} date cell(s), all on 1 January of {years} different years, were read as years "
                    "(annual figures), not as January{rows}")),
    MessageText("scores.missing_file", r"the scores file does not exist", msg("validator.scores.missing_file",
                                                                              "the scores file does not exist")),
    MessageText("scores.not_gpkg", r"the file cannot be read as a GeoPackage: (?P<error>.+)",
                msg("validator.scores.not_gpkg", "the file cannot be read as a GeoPackage: {error}")),
    MessageText("scores.no_metadata", r"not a Vigía scores file: it has no '(?P<layer>\S+)' layer \(it has: (?P<layers>.*)\)",
                msg("validator.scores.no_metadata",
                    "not a Vigía scores file: it has no '{layer}' layer (it has: {layers})")),
    MessageText("scores.no_format", r"not a Vigía scores file: its metadata names no scores format",
                msg("validator.scores.no_format",
                    "not a Vigía scores file: its metadata names no scores format")),
    MessageText("scores.version", r"scores format version (?P<found>.+) cannot be read by this Vigía "
                r"\(it reads version (?P<version>\d+)\)",
                msg("validator.scores.version",
                    "scores format version {found} cannot be read by this Vigía (it reads version {version})")),
    MessageText("scores.no_layer", r"the file has no '(?P<layer>\S+)' layer", msg("validator.scores.no_layer",
                                                                                  "the file has no '{layer}' layer")),
    MessageText("scores.no_crossings", r"the file has no '(?P<layer>\S+)' layer \(its dataset has no crossings\)",
                msg("validator.scores.no_crossings",
                    "the file has no '{layer}' layer (its dataset has no crossings)")),
    MessageText("scores.no_column", r"the '(?P<layer>\S+)' layer has no '(?P<column>.+)' column",
                msg("validator.scores.no_column", "the '{layer}' layer has no '{column}' column")),
    MessageText("scores.provenance", r"the provenance cannot be read: (?P<error>.+)",
                msg("validator.scores.provenance", "the provenance cannot be read: {error}")),
    MessageText("words.capitals", r"(?P<count>\d+) value\(s\) written with other capitals or spaces were matched to "
                r"the contract's spelling", msg("validator.words.capitals",
                                                "{count} value(s) written with other capitals or spaces were "
                                                "matched to the contract's spelling")),
    MessageText("crs.reprojected", r"reprojected from (?P<source>.+) to EPSG:4326 \(WGS 84\)",
                msg("validator.crs.reprojected", "reprojected from {source} to EPSG:4326 (WGS 84)")),
    MessageText("sheet.named", r"sheet '(?P<sheet>.+)' read as the (?P<layer>\S+) layer \(the workbook has "
                r"(?P<count>\d+) sheets\)", msg("validator.sheet.named",
                                                "sheet '{sheet}' read as the {layer} layer (the workbook has "
                                                "{count} sheets)")),
    MessageText("sheet.chosen", r"the workbook has (?P<count>\d+) sheets \((?P<titles>.+)\); sheet '(?P<sheet>.+)', "
                r"(?P<why>.+), was read as the (?P<layer>\S+) layer",
                msg("validator.sheet.chosen",
                    "the workbook has {count} sheets ({titles}); sheet '{sheet}', {why}, was read as the {layer} layer")),
    MessageText("column.personal_dropped", r"column '(?P<column>.+)' looks like personal data \((?P<kind>.+)\); it was "
                r"left out of the dataset", msg("validator.column.personal_dropped",
                                                "column '{column}' looks like personal data ({kind}); it was "
                                                "left out of the dataset")),
    MessageText("column.default_filled", r"(?P<count>\d+) empty cell\(s\) filled with the default (?P<default>.+)",
                msg("validator.column.default_filled",
                    "{count} empty cell(s) filled with the default {default}")),
    MessageText("column.default_absent", r"optional column '(?P<column>.+)' is absent; every row uses the default "
                r"(?P<default>.+)", msg("validator.column.default_absent",
                                        "optional column '{column}' is absent; every row uses the default {default}")),
)

#: Hints that are fixed sentences: English -> Spanish.
HINTS: dict[str, Text | str] = {
    "give the .gpkg written by 'vigia score' (or the Risk map's download)":
        msg("validator.hint", "give the .gpkg written by 'vigia score' (or the Risk map's download)"),
    "score the dataset again with this Vigía ('vigia score') and use the new file":
        msg("validator.hint", "score the dataset again with this Vigía ('vigia score') and use the new file"),
    "score a dataset that has crossings, then plan patrols with that file":
        msg("validator.hint", "score a dataset that has crossings, then plan patrols with that file"),
    "write digits only, e.g. 12": msg("validator.hint", "write digits only, e.g. 12"),
    "write a whole number": msg("validator.hint", "write a whole number"),
    "these results were brought before; delete the row (or correct its code)":
        msg("validator.hint", "these results were brought before; delete the row (or correct its code)"),
    "nothing to do; bring them with the next sheet": msg("validator.hint",
                                                         "nothing to do; bring them with the next sheet"),
    "write sí when the visit took place, no when it did not":
        msg("validator.hint", "write sí when the visit took place, no when it did not"),
    "write sí if the visit took place, or clear its result cells":
        msg("validator.hint", "write sí if the visit took place, or clear its result cells"),
    "mark each visit that took place as done (sí) and fill in its results":
        msg("validator.hint", "mark each visit that took place as done (sí) and fill in its results"),
    "export the plan as .xlsx again and fill its Inspections sheet":
        msg("validator.hint", "export the plan as .xlsx again and fill its Inspections sheet"),
    "write the day as YYYY-MM-DD, e.g. 2024-03-05; in Excel format the column as Text":
        msg("validator.hint",
            "write the day as YYYY-MM-DD, e.g. 2024-03-05; in Excel format the column as Text"),
    "write the day the visit took place; a typing error (2099 for 2019) is the usual cause":
        msg("validator.hint",
            "write the day the visit took place; a typing error (2099 for 2019) is the usual cause"),
    "write a decimal number between 0 and 1, e.g. 0.25": msg("validator.hint",
                                                             "write a decimal number between 0 and 1, e.g. 0.25"),
    "write the chance as a decimal above 0 and at most 1, e.g. 0.25 (not 25)":
        msg("validator.hint", "write the chance as a decimal above 0 and at most 1, e.g. 0.25 (not 25)"),
    "correct the number": msg("validator.hint", "correct the number"),
    "fill in the coordinate in decimal degrees": msg("validator.hint",
                                                     "fill in the coordinate in decimal degrees"),
    "add areas.gpkg, areas.geojson, areas.zip (zipped Shapefile) or an 'areas' layer with the area polygons":
        msg("validator.hint",
            "add areas.gpkg, areas.geojson, areas.zip (zipped Shapefile) or an 'areas' layer with the area polygons"),
    "rename the file after its layer (e.g. cases.csv) and upload it again":
        msg("validator.hint", "rename the file after its layer (e.g. cases.csv) and upload it again"),
    "upload one file per name (rename or leave out the others)":
        msg("validator.hint", "upload one file per name (rename or leave out the others)"),
    "add a column unit_id with one code per unit": msg("validator.hint",
                                                       "add a column unit_id with one code per unit"),
    "add base_id (an office_id of a police office) or two columns lon and lat":
        msg("validator.hint", "add base_id (an office_id of a police office) or two columns lon and lat"),
    "give every unit a code": msg("validator.hint", "give every unit a code"),
    "give each unit its own code": msg("validator.hint", "give each unit its own code"),
    "write degrees, e.g. -68.63": msg("validator.hint", "write degrees, e.g. -68.63"),
    "write degrees, e.g. -19.27": msg("validator.hint", "write degrees, e.g. -19.27"),
    "fill base_id, or lon and lat": msg("validator.hint", "fill base_id, or lon and lat"),
    "write the officers on patrol, e.g. 3": msg("validator.hint", "write the officers on patrol, e.g. 3"),
    "write the shifts separated by ';', e.g. morning;night (or mañana;tarde;noche), or 'all'":
        msg("validator.hint",
            "write the shifts separated by ';', e.g. morning;night (or mañana;tarde;noche), or 'all'"),
    "write how many 8-hour shifts a week the unit may work, e.g. 5":
        msg("validator.hint", "write how many 8-hour shifts a week the unit may work, e.g. 5"),
    "add one row per patrol unit": msg("validator.hint", "add one row per patrol unit"),
    "give a .csv or .xlsx file with one row per unit": msg("validator.hint",
                                                           "give a .csv or .xlsx file with one row per unit"),
    "add police units to the offices layer or give a units file":
        msg("validator.hint", "add police units to the offices layer or give a units file"),
    "give a table with columns kind, morning, afternoon, night":
        msg("validator.hint", "give a table with columns kind, morning, afternoon, night"),
    "the table needs kind, morning, afternoon, night":
        msg("validator.hint", "the table needs kind, morning, afternoon, night"),
    "write a number such as 1.5": msg("validator.hint", "write a number such as 1.5"),
    "the layer needs crossing_id and score (0..100)": msg("validator.hint",
                                                          "the layer needs crossing_id and score (0..100)"),
    "scores are 0..100, higher = more risk": msg("validator.hint", "scores are 0..100, higher = more risk"),
    "score the same dataset the roster is planned for":
        msg("validator.hint", "score the same dataset the roster is planned for"),
    "add a crossings layer (official and unofficial border crossings)":
        msg("validator.hint", "add a crossings layer (official and unofficial border crossings)"),
    "nothing to do": msg("validator.hint", "nothing to do"),
    "write the year (2023) or the year and month (2023-07); in Excel format the column as Text":
        msg("validator.hint",
            "write the year (2023) or the year and month (2023-07); in Excel format the column as Text"),
    "remove the leading character (numbers such as -12 are fine)":
        msg("validator.hint", "remove the leading character (numbers such as -12 are fine)"),
    "replace formulas by values (copy, then Paste Special ▸ Values)":
        msg("validator.hint", "replace formulas by values (copy, then Paste Special ▸ Values)"),
    "write counts without thousands separators (e.g. 1000), so they read the same in every program":
        msg("validator.hint",
            "write counts without thousands separators (e.g. 1000), so they read the same in every program"),
    "keep either the annual row (YYYY) or the monthly rows (YYYY-MM) for each year, not both":
        msg("validator.hint",
            "keep either the annual row (YYYY) or the monthly rows (YYYY-MM) for each year, not both"),
    "check the year: a typing error (2099 for 2019) puts cases where none happened":
        msg("validator.hint", "check the year: a typing error (2099 for 2019) puts cases where none happened"),
    "remove the column (keep only area_id, period, exploitation, cases, victims)":
        msg("validator.hint", "remove the column (keep only area_id, period, exploitation, cases, victims)"),
    "nothing to do; put the column names on the first row to skip this step":
        msg("validator.hint", "nothing to do; put the column names on the first row to skip this step"),
    "check the coordinates; a point outside the areas is not linked to any area":
        msg("validator.hint", "check the coordinates; a point outside the areas is not linked to any area"),
    "nothing to do; write numbers without separators to skip this step":
        msg("validator.hint", "nothing to do; write numbers without separators to skip this step"),
    "nothing to do; write whole numbers without decimals to skip this step":
        msg("validator.hint", "nothing to do; write whole numbers without decimals to skip this step"),
    "nothing to do; fix it at the source to skip this step": msg("validator.hint",
                                                                 "nothing to do; fix it at the source to "
                                                                 "skip this step"),
    "nothing to do; type years as plain numbers or text to skip this step":
        msg("validator.hint", "nothing to do; type years as plain numbers or text to skip this step"),
    "nothing to do; type years as plain numbers or text to make it certain":
        msg("validator.hint", "nothing to do; type years as plain numbers or text to make it certain"),
    "save it as 'CSV UTF-8' so accents always read the same":
        msg("validator.hint", "save it as 'CSV UTF-8' so accents always read the same"),
    "check the accents on those lines, then save the file as 'CSV UTF-8'":
        msg("validator.hint", "check the accents on those lines, then save the file as 'CSV UTF-8'"),
    "format the column as Text in Excel to keep 2021-03 as typed":
        msg("validator.hint", "format the column as Text in Excel to keep 2021-03 as typed"),
    "nothing to do; export in EPSG:4326 to skip this step": msg("validator.hint",
                                                                "nothing to do; export in EPSG:4326 to skip this step"),
    "remove the column from the file; if it is not personal, rename it":
        msg("validator.hint", "remove the column from the file; if it is not personal, rename it"),
    "type years as plain numbers (2023), or format the cells as years (yyyy)":
        msg("validator.hint", "type years as plain numbers (2023), or format the cells as years (yyyy)"),
}


#: Hints with a variable part, by key.
HINT_PATTERNS: tuple[MessageText, ...] = (
    MessageText("hint.scores_path", r"check the path (?P<path>.+); give the \.gpkg written by 'vigia score' "
                r"\(or the Risk map's download\)",
                msg("validator.hint.scores_path",
                    "check the path {path}; give the .gpkg written by 'vigia score' (or the Risk map's download)")),
    MessageText("hint.rename", r"nothing to do; name it '(?P<name>.+)' to skip this step",
                msg("validator.hint.rename", "nothing to do; name it '{name}' to skip this step")),
    MessageText("hint.fill", r"fill in every row: (?P<what>.+)", msg("validator.hint.fill",
                                                                     "fill in every row: {what}")),
    MessageText("hint.fill_when", r"fill in (?P<column>\S+) on every row where (?P<other>\S+) is (?P<kind>\S+): "
                r"(?P<what>.+)", msg("validator.hint.fill_when",
                                     "fill in {column} on every row where {other} is {kind}: {what}")),
    MessageText("hint.add_column", r"add a column '(?P<column>.+?)': (?P<what>.+)",
                msg("validator.hint.add_column", "add a column '{column}': {what}")),
    MessageText("hint.set_per_row", r"add the column to set it per row: (?P<what>.+)",
                msg("validator.hint.set_per_row", "add the column to set it per row: {what}")),
    MessageText("hint.unique", r"each (?P<column>\S+) must be unique; fix or delete one of the two rows",
                msg("validator.hint.unique",
                    "each {column} must be unique; fix or delete one of the two rows")),
    MessageText("hint.known_sectors", r"known sectors: (?P<words>.+); others load but are not matched",
                msg("validator.hint.known_sectors", "known sectors: {words}; others load but are not matched")),
    MessageText("hint.layer_names", r"layer files are named (?P<layers>.+) \(or in Spanish: (?P<spanish>.+)\)",
                msg("validator.hint.layer_names", "layer files are named {layers} (or in Spanish: {spanish})")),
    MessageText("hint.layer_guess_or", r"did you mean '(?P<layer>[^']+)' \(or '(?P<guess>[^']+)'\)\? Name files and "
                r"layers after the layers", msg("validator.hint.layer_guess_or",
                                                "did you mean '{layer}' (or '{guess}')? Name files and "
                                                "layers after the layers")),
    MessageText("hint.layer_guess", r"did you mean '(?P<layer>[^']+)'\? Name files and layers after the layers",
                msg("validator.hint.layer_guess",
                    "did you mean '{layer}'? Name files and layers after the layers")),
    MessageText("hint.add_target", r"add (?P<target>\S+) \(e\.g\. \S+ or \S+\) or remove (?P<name>\S+)",
                msg("validator.hint.add_target", "add {target} (e.g. S+ or S+) or remove {name}")),
    MessageText("hint.fill_or_remove", r"fill it in, or remove the (?P<layer>\S+) file if there is no data",
                msg("validator.hint.fill_or_remove",
                    "fill it in, or remove the {layer} file if there is no data")),
    MessageText("hint.office_or_point", r"use an office_id from the offices layer \(e\.g\. (?P<known>.+)\) or give lon "
                r"and lat", msg("validator.hint.office_or_point",
                                "use an office_id from the offices layer (e.g. {known}) or give lon and lat")),
    MessageText("hint.check_path", r"check the path (?P<path>.+)", msg("validator.hint.check_path",
                                                                       "check the path {path}")),
    MessageText("hint.known_codes", r"use (?P<column>\S+) codes that exist in (?P<file>.+)",
                msg("validator.hint.known_codes", "use {column} codes that exist in {file}")),
    MessageText("hint.one_of", r"use one of (?P<choices>.+)", msg("validator.hint.one_of",
                                                                  "use one of {choices}")),
    MessageText("hint.rename_column", r"rename the column '(?P<guess>.+)' to '(?P<column>.+)'",
                msg("validator.hint.rename_column", "rename the column '{guess}' to '{column}'")),
    MessageText("hint.name_sheet", r"nothing to do; name the sheet '(?P<name>.+)' to make it certain",
                msg("validator.hint.name_sheet", "nothing to do; name the sheet '{name}' to make it certain")),
)

#: Words inside row lists and examples, replaced after a message is translated.
_AFTER = (("(row(s) ", "(fila(s) "), (": rows ", ": filas "), ("(e.g. ", "(p. ej. "))


@lru_cache(maxsize=2)
def _compiled(hints: bool = False) -> tuple[tuple[MessageText, re.Pattern[str]], ...]:
    return tuple((m, re.compile(m.pattern + r"\Z", re.S)) for m in (HINT_PATTERNS if hints else MESSAGES))


def _spanish_rows(text: str) -> str:
    for english, spanish in _AFTER:
        text = text.replace(english, spanish)
    return re.sub(r" and (\d+) more\)", r" y \1 más)", text)


def language_from_env(environ: Mapping[str, str] | None = None) -> str:
    """``es`` when the locale (``LC_ALL``, ``LC_MESSAGES``, ``LANG``) is Spanish, else ``en``."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "es" if value.lower().startswith("es") else "en"
    return "en"


def frame_text(key: str, lang: str, **fmt: object) -> str:
    """A frame word (severity, "row", summary) in ``lang``.

    ``summary`` takes the counts ``error``, ``fixed`` and ``warning`` and joins their counted texts.
    """
    lang = lang if lang in LANGUAGES else "en"
    if key == "summary":
        return ", ".join(lookup(FRAME[f"summary.{part}"], lang, n=fmt[part]) for part in ("error", "fixed", "warning"))
    return lookup(FRAME[key], lang, **fmt)


def translate_message(message: str, lang: str) -> str:
    """``message`` in ``lang``; unchanged when it is English, or when no entry matches it."""
    if lang != "es":
        return message
    return _spanish_rows(_translate(message, hints=False))


def translate_hint(hint: str, lang: str) -> str:
    """A hint in ``lang`` (fixed sentences from :data:`HINTS`, variable ones from :data:`HINT_PATTERNS`)."""
    if lang != "es" or not hint:
        return hint
    return _spanish(HINTS[hint]) if hint in HINTS else _translate(hint, hints=True)


def _translate(message: str, hints: bool) -> str:
    for entry, pattern in _compiled(hints):
        match = pattern.match(message)
        if match is None:
            continue
        groups = {k: (v or "") for k, v in match.groupdict().items()}
        if groups.get("value") == FRAME["the_value"]["en"]:
            groups["value"] = FRAME["the_value"]["es"]
        if "what" in groups:
            groups["what"] = description_text(groups["what"], "es")
        if "word" in groups:
            groups["word"] = FRAME[f"word.{groups['word']}"]["es"]
        if groups.get("more"):
            groups["more"] = f" y {groups['more']} más"
        if groups.get("known", "").startswith("none: "):
            groups["known"] = "ninguna: los datos no tienen capa offices"
        if "rest" in groups:
            groups["rest"] = groups["rest"].replace("; did you mean", "; ¿quiso decir")
        return entry.es.format(**groups)
    return message


def localise(problem: Problem, lang: str) -> Problem:
    """The problem with its message and hint in ``lang`` where the table has them."""
    if lang != "es":
        return problem
    return replace(problem, message=translate_message(problem.message, lang),
                   hint=translate_hint(problem.hint, lang))


def problem_text(problem: Problem, lang: str = "en") -> str:
    """``ERROR: file, row N, column 'c': message — hint`` in ``lang`` (``str(problem)`` in English)."""
    if lang != "es":
        return str(problem)
    shown = localise(problem, lang)
    where = shown.file
    if shown.layer and shown.layer not in shown.file:
        where += f" [{shown.layer}]"
    if shown.row is not None:
        where += ", " + frame_text("where.row", lang, row=shown.row)
    if shown.column is not None:
        where += ", " + frame_text("where.column", lang, column=shown.column)
    text = f"{frame_text(f'severity.{shown.severity.value}', lang)}: {where}: {shown.message}"
    if shown.hint:
        text += f" — {shown.hint}"
    return text


def severity_label(severity: Severity, lang: str) -> str:
    return frame_text(f"severity.{severity.value}", lang)


#: The contract's layer and column descriptions (:mod:`geodata.contracts`): English -> Spanish. They are
#: read on the Data page and inside hints ("fill in every row: Workplace name.").
DESCRIPTIONS: dict[str, Text | str] = {
    "Municipalities (or any areas) that risk is scored for.":
        msg("validator.contract", "Municipalities (or any areas) that risk is scored for."),
    "Area code as text, e.g. the 6-digit INE code; leading zeros kept.":
        msg("validator.contract", "Area code as text, e.g. the 6-digit INE code; leading zeros kept."),
    "Area name.": msg("validator.contract", "Area name."),
    "Department the area belongs to.": msg("validator.contract", "Department the area belongs to."),
    "Residents (int >= 0).": msg("validator.contract", "Residents (int >= 0)."),
    "Border crossings, official and unofficial.": msg("validator.contract",
                                                      "Border crossings, official and unofficial."),
    "Crossing code.": msg("validator.contract", "Crossing code."),
    "Crossing name.": msg("validator.contract", "Crossing name."),
    "Country across the border, any ISO 3166-1 alpha-3 code (e.g. PER, ARG, COL).":
        msg("validator.contract",
            "Country across the border, any ISO 3166-1 alpha-3 code (e.g. PER, ARG, COL)."),
    "official or unofficial.": msg("validator.contract", "official or unofficial."),
    "Labour inspection offices and police border units (where teams start).":
        msg("validator.contract", "Labour inspection offices and police border units (where teams start)."),
    "Office code.": msg("validator.contract", "Office code."),
    "Office name.": msg("validator.contract", "Office name."),
    "labour or police.": msg("validator.contract", "labour or police."),
    "Inspectors or officers (int >= 0).": msg("validator.contract", "Inspectors or officers (int >= 0)."),
    "Candidate inspection workplaces.": msg("validator.contract", "Candidate inspection workplaces."),
    "Workplace code.": msg("validator.contract", "Workplace code."),
    "Workplace name.": msg("validator.contract", "Workplace name."),
    "Economic sector, e.g. mining, brick-making.": msg("validator.contract",
                                                       "Economic sector, e.g. mining, brick-making."),
    "Opening time HH:MM (optional).": msg("validator.contract", "Opening time HH:MM (optional)."),
    "Closing time HH:MM (optional).": msg("validator.contract", "Closing time HH:MM (optional)."),
    "Minutes an inspection takes (optional, default 60).": msg("validator.contract",
                                                               "Minutes an inspection takes (optional, default 60)."),
    "true when the site must be in the plan (optional, default false).":
        msg("validator.contract", "true when the site must be in the plan (optional, default false)."),
    "Skill a team needs there, e.g. child labour, quechua (optional).":
        msg("validator.contract", "Skill a team needs there, e.g. child labour, quechua (optional)."),
    "Month of the last inspection, YYYY-MM or YYYY (optional).":
        msg("validator.contract", "Month of the last inspection, YYYY-MM or YYYY (optional)."),
    "Trafficking cases, AGGREGATED by area, period and type. Never personal data.":
        msg("validator.contract",
            "Trafficking cases, AGGREGATED by area, period and type. Never personal data."),
    "Area code.": msg("validator.contract", "Area code."),
    "YYYY or YYYY-MM.": msg("validator.contract", "YYYY or YYYY-MM."),
    "sexual, labour, other or unknown.": msg("validator.contract", "sexual, labour, other or unknown."),
    "Cases opened (int >= 0).": msg("validator.contract", "Cases opened (int >= 0)."),
    "Victims identified (int >= 0).": msg("validator.contract", "Victims identified (int >= 0)."),
    "Migration flows at crossings by period.": msg("validator.contract",
                                                   "Migration flows at crossings by period."),
    "Entries (int >= 0).": msg("validator.contract", "Entries (int >= 0)."),
    "Exits (int >= 0).": msg("validator.contract", "Exits (int >= 0)."),
    "Irregular entries detected (int >= 0).": msg("validator.contract",
                                                  "Irregular entries detected (int >= 0)."),
    "Employment in high-risk sectors by area.": msg("validator.contract",
                                                    "Employment in high-risk sectors by area."),
    "Sector name, e.g. mining, brazil nut.": msg("validator.contract",
                                                 "Sector name, e.g. mining, brazil nut."),
    "People employed (int >= 0).": msg("validator.contract", "People employed (int >= 0)."),
    "Victims per combination of agency lists (for the dark-figure estimate), AGGREGATED: one 0/1 column per list, "
    "at least two.":
        msg("validator.contract",
            "Victims per combination of agency lists (for the dark-figure estimate), AGGREGATED: one 0/1 "
            "column per list, at least two."),
    "Victims seen on exactly that combination of lists (int >= 0); combinations with nobody may be left out.":
        msg("validator.contract",
            "Victims seen on exactly that combination of lists (int >= 0); combinations with nobody may be left out."),
    "YYYY or YYYY-MM (optional).": msg("validator.contract", "YYYY or YYYY-MM (optional)."),
    "Department (optional), as in the areas layer.": msg("validator.contract",
                                                         "Department (optional), as in the areas layer."),
    "Inspection visits and what they found, one row per visit. No personal data: victims are counts, and counts of "
    "1 to 4 never leave the app unsuppressed.":
        msg("validator.contract",
            "Inspection visits and what they found, one row per visit. No personal data: victims are counts, "
            "and counts of 1 to 4 never leave the app unsuppressed."),
    "Visit code, unique.": msg("validator.contract", "Visit code, unique."),
    "Day of the visit, YYYY-MM-DD (not in the future).": msg("validator.contract",
                                                             "Day of the visit, YYYY-MM-DD (not in the future)."),
    "Area code of the visit.": msg("validator.contract", "Area code of the visit."),
    "Workplace code (optional), as in the sites layer.": msg("validator.contract",
                                                             "Workplace code (optional), as in the sites layer."),
    "Economic sector (optional), e.g. mining.": msg("validator.contract",
                                                    "Economic sector (optional), e.g. mining."),
    "Persons identified as victims of trafficking or forced labour (int >= 0).":
        msg("validator.contract", "Persons identified as victims of trafficking or forced labour (int >= 0)."),
    "Labour violations found (optional, int >= 0).": msg("validator.contract",
                                                         "Labour violations found (optional, int >= 0)."),
    "Workers present (optional, int >= 0).": msg("validator.contract",
                                                 "Workers present (optional, int >= 0)."),
    "Why the site was visited: planned/random/complaint/follow_up/other (optional, default other).":
        msg("validator.contract",
            "Why the site was visited: planned/random/complaint/follow_up/other (optional, default other)."),
    "Chance the visit had of being drawn, in (0, 1] (optional; required when selection is random).":
        msg("validator.contract",
            "Chance the visit had of being drawn, in (0, 1] (optional; required when selection is random)."),
}


def description_text(description: str, lang: str) -> str:
    """A contract description in ``lang`` (as written in the contract when the table lacks it)."""
    entry = DESCRIPTIONS.get(description)
    return _spanish(entry) if entry is not None and lang == "es" else description
