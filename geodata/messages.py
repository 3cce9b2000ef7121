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

from geodata.catalog import Text, lookup
from geodata.problems import Problem, Severity

LANGUAGES = ("es", "en")

#: The words around every problem (severity, where it is).
FRAME: dict[str, Mapping[str, str]] = {
    "severity.error": {"en": "ERROR", "es": "ERROR"},
    "severity.fixed": {"en": "FIXED", "es": "CORREGIDO"},
    "severity.warning": {"en": "WARNING", "es": "AVISO"},
    "where.row": {"en": "row {row}", "es": "fila {row}"},
    "where.column": {"en": "column '{column}'", "es": "columna '{column}'"},
    "verdict.valid": {"en": "VALID", "es": "VÁLIDO"},
    "verdict.invalid": {"en": "NOT VALID", "es": "NO VÁLIDO"},
    # the summary line joins these three counted texts: "2 errores, 1 corregido, 0 avisos"
    "summary.error": {"en": "{n} error(s)", "es": "{n} error(es)"},
    "summary.fixed": {"en": "{n} fixed", "es": "{n} corregido(s)"},
    "summary.warning": {"en": "{n} warning(s)", "es": "{n} aviso(s)"},
    "layer_rows": {"en": "layer {layer}: {rows} row(s)", "es": "capa {layer}: {rows} fila(s)"},
    "the_value": {"en": "the value", "es": "el valor"},
    "contract.header": {"en": "| column | type | required | meaning | also read from |",
                        "es": "| columna | tipo | obligatoria | significado | también se lee de |"},
    "contract.polygons": {"en": "polygons", "es": "polígonos"},
    "contract.points": {"en": "points", "es": "puntos"},
    "contract.table": {"en": "table", "es": "tabla"},
    "contract.or_table": {"en": "or table", "es": "o tabla"},
    "contract.required": {"en": "required", "es": "obligatoria"},
    "contract.optional": {"en": "optional", "es": "opcional"},
    "contract.one_of": {"en": "one of", "es": "uno de"},
    "contract.yes": {"en": "yes", "es": "sí"},
    "contract.no": {"en": "no", "es": "no"},
    "contract.yes_when": {"en": "(yes when `{column}` is {value})", "es": "(sí cuando `{column}` es {value})"},
    "contract.per_nationality": {"en": "Count per nationality, e.g. `{example}`.",
                                 "es": "Conteo por nacionalidad, p. ej. `{example}`."},
    "contract.flags": {"en": "| `<list name>` | 0/1 | yes, 2 or more | One column per agency list, named freely "
                             "(e.g. `police`, `labour`, `fiscalia`, `ngo`): 1 when the victims of that row are "
                             "on the list. No row may be all 0. | |",
                       "es": "| `<nombre de lista>` | 0/1 | sí, 2 o más | Una columna por lista de institución, con "
                             "el nombre que se quiera (p. ej. `police`, `labour`, `fiscalia`, `ngo`): 1 cuando las "
                             "víctimas de esa fila están en la lista. Ninguna fila puede tener todo en 0. | |"},
    "word.latitude": {"en": "a latitude", "es": "una latitud"},
    "word.longitude": {"en": "a longitude", "es": "una longitud"},
    "word.geometry": {"en": "a geometry", "es": "una geometría"},
    "nothing_written": {"en": "nothing written", "es": "no se escribió nada"},
    "wrote": {"en": "Wrote {path}", "es": "Se escribió {path}"},
    "recorded": {"en": "Wrote {path}: {added} visit(s) recorded from {file} ({before} before, {after} now); "
                       "victims found in them: {victims}",
                 "es": "Se escribió {path}: {added} visita(s) registradas desde {file} ({before} antes, {after} "
                       "ahora); víctimas encontradas en ellas: {victims}"},
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
    MessageText("cell.not_number", r"(?P<value>.+?) is not a number", "{value} no es un número"),
    MessageText("cell.empty", r"(?P<value>.+?) is empty", "{value} está vacío"),
    MessageText("cell.decimals", r"(?P<value>.+?) has decimals; counts must be whole numbers",
                "{value} tiene decimales; los conteos deben ser números enteros"),
    MessageText("cell.negative", r"(?P<value>.+?) is negative; counts must be 0 or more",
                "{value} es negativo; los conteos deben ser 0 o más"),
    MessageText("cell.period", r"(?P<value>.+?) is not a period YYYY or YYYY-MM",
                "{value} no es un periodo AAAA o AAAA-MM"),
    MessageText("cell.time", r"(?P<value>.+?) is not a time HH:MM", "{value} no es una hora HH:MM"),
    MessageText("results.recorded_before", r"inspection_id '(?P<visit>.+)' is already recorded in (?P<source>.+)",
                "inspection_id '{visit}' ya está registrada en {source}"),
    MessageText("results.waiting", r"(?P<count>\d+) visit\(s\) without results yet \(done left empty\) were not "
                r"recorded", "{count} visita(s) aún sin resultados (Realizada vacía) no se registraron"),
    MessageText("results.unmarked", r"the visit is not marked but has results",
                "la visita no está marcada pero tiene resultados"),
    MessageText("results.contradiction", r"the visit is marked (?P<state>.+) but has results",
                "la visita está marcada {state} pero tiene resultados"),
    MessageText("results.not_yes_no", r"(?P<value>'.*') is not sí or no", "{value} no es sí o no"),
    MessageText("results.none_done", r"no visit in the file is marked done; nothing was recorded",
                "ninguna visita del archivo está marcada como realizada; no se registró nada"),
    MessageText("results.not_sheet", r"the column '(?P<header>.+)' is missing: this is not the results sheet of a "
                r"Vigía plan", "falta la columna '{header}': esta no es la hoja de resultados de un plan de Vigía"),
    MessageText("cell.date", r"(?P<value>.+?) is not a date YYYY-MM-DD", "{value} no es una fecha AAAA-MM-DD"),
    MessageText("cell.future_day", r"(?P<value>.+?) is in the future \(after (?P<today>[0-9-]+)\)",
                "{value} está en el futuro (después de {today})"),
    MessageText("cell.probability", r"(?P<value>.+?) is not a probability in \(0, 1\]",
                "{value} no es una probabilidad en (0, 1]"),
    MessageText("cell.empty_when", r"(?P<value>.+?) is empty, but (?P<other>\S+) is (?P<kind>\S+)",
                "{value} está vacío, pero {other} es {kind}"),
    MessageText("cell.bool", r"(?P<value>.+?) is not true or false", "{value} no es verdadero o falso"),
    MessageText("cell.sector", r"sector '(?P<value>.+?)' is not one of the contract's high-risk sectors(?P<rest>.*)",
                "el sector '{value}' no es uno de los sectores de alto riesgo del contrato{rest}"),
    MessageText("cell.needs_coordinate", r"(?P<value>.+?) is empty; every row needs a (?P<word>latitude|longitude|geometry)",
                "{value} está vacío; cada fila necesita {word}"),
    MessageText("layer.no_target", r"'(?P<column>.+)' refers to the (?P<target>\S+) layer, but the dataset has no "
                r"(?P=target) \(or it is empty\)", "'{column}' se refiere a la capa {target}, pero los datos no tienen "
                "{target} (o está vacía)"),
    MessageText("upload.no_name", r"'(?P<name>.*)' is not a file name, so the file cannot be read",
                "'{name}' no es un nombre de archivo, así que el archivo no se puede leer"),
    MessageText("upload.same_name", r"(?P<count>\d+) uploaded files have the same name '(?P<name>.+)'; one would "
                r"overwrite the other", "{count} archivos subidos tienen el mismo nombre '{name}'; uno reemplazaría al otro"),
    # patrol units, shift profiles and crossing scores (planner.patrols)
    MessageText("units.no_unit_id", r"the column 'unit_id' is missing", "falta la columna 'unit_id'"),
    MessageText("units.no_base_column", r"the file says neither where units start \(base_id\) nor lon/lat",
                "el archivo no dice dónde empiezan las unidades (base_id) ni lon/lat"),
    MessageText("units.no_id", r"the unit has no unit_id", "la unidad no tiene unit_id"),
    MessageText("units.twice", r"unit_id '(?P<unit>.+)' is used twice \(also row (?P<row>\d+)\)",
                "unit_id '{unit}' se usa dos veces (también en la fila {row})"),
    MessageText("units.not_lon", r"lon '(?P<value>.*)' is not a longitude", "lon '{value}' no es una longitud"),
    MessageText("units.not_lat", r"lat '(?P<value>.*)' is not a latitude", "lat '{value}' no es una latitud"),
    MessageText("units.unknown_base", r"base_id '(?P<base>.+)' is not an office of the dataset",
                "base_id '{base}' no es una oficina de los datos"),
    MessageText("units.no_base", r"the unit has no base", "la unidad no tiene base"),
    MessageText("units.crew", r"crew '(?P<value>.*)' is not a whole number >= 1",
                "crew '{value}' no es un número entero >= 1"),
    MessageText("units.shift", r"shifts '(?P<value>.*)' names an unknown shift",
                "shifts '{value}' nombra un turno desconocido"),
    MessageText("units.max_shifts", r"max_shifts '(?P<value>.*)' is not a whole number 0\.\.(?P<max>\d+)",
                "max_shifts '{value}' no es un número entero de 0 a {max}"),
    MessageText("units.none", r"the file lists no units", "el archivo no contiene unidades"),
    MessageText("units.file_type", r"'(?P<name>.+)' is not a units file type",
                "'{name}' no es un tipo de archivo de unidades"),
    MessageText("file.missing", r"the file does not exist", "el archivo no existe"),
    MessageText("units.no_police", r"there are no patrol units", "no hay unidades de patrullaje"),
    MessageText("profile.not_file", r"not an existing \.csv or \.xlsx file", "no es un archivo .csv o .xlsx existente"),
    MessageText("profile.column", r"column '(?P<column>.+)' is missing", "falta la columna '{column}'"),
    MessageText("profile.kind", r"kind '(?P<value>.*)' is unknown", "kind '{value}' es desconocido"),
    MessageText("profile.weight", r"'(?P<value>.*)' is not a weight >= 0", "'{value}' no es un peso >= 0"),
    MessageText("patrol.score", r"score of (?P<crossing>.+) is not a number >= 0",
                "el puntaje de {crossing} no es un número >= 0"),
    MessageText("patrol.no_score", r"no score for crossing\(s\) (?P<ids>.+?)(?: and (?P<more>\d+) more)?",
                "no hay puntaje para los pasos {ids}{more}"),
    MessageText("patrol.no_crossings", r"the dataset has no crossings, so there is nothing to patrol",
                "los datos no tienen pasos fronterizos, así que no hay nada que patrullar"),
    MessageText("cell.choice", r"(?P<value>.+?) is not one of (?P<choices>[^;( ]+)(?P<rest>.*)",
                "{value} no es uno de {choices}{rest}"),
    MessageText("cell.country", r"(?P<value>.+?) is not an ISO 3166-1 alpha-3 country code(?P<rest>.*)",
                "{value} no es un código de país ISO 3166-1 alfa-3{rest}"),
    MessageText("cell.unknown_code",
                r"(?P<value>.+?) is not among the (?P<column>\S+) values of the (?P<layer>\S+) layer \((?P<file>.+)\)",
                "{value} no está entre los valores de {column} de la capa {layer} ({file})"),
    MessageText("cell.formula", r"(?P<value>.+?) is a formula", "{value} es una fórmula"),
    MessageText("cell.unsafe",
                r"(?P<value>.+?) starts with '=', '\+', '-', '@', a tab or a line break, like a spreadsheet formula, "
                r"which is unsafe when the data is opened in a spreadsheet",
                "{value} empieza con '=', '+', '-', '@', un tabulador o un salto de línea, como una fórmula: "
                "es peligroso al abrir los datos en una hoja de cálculo"),
    MessageText("cell.more", r"(?P<count>\d+) more row\(s\) with the same problem \(the value (?P<what>.+)\): rows (?P<rows>.+)",
                "{count} fila(s) más con el mismo problema (el valor {what}): filas {rows}"),
    MessageText("column.missing", r"the required column '(?P<column>.+)' is missing",
                "falta la columna obligatoria '{column}'"),
    MessageText("column.renamed", r"column '(?P<original>.+)' read as '(?P<canon>.+?)'(?P<why>( \(.*\))?)",
                "la columna '{original}' se leyó como '{canon}'"),
    MessageText("column.personal", r"column '(?P<column>.+)' looks like personal data \((?P<kind>.+)\); "
                r"Vigía accepts only aggregated counts",
                "la columna '{column}' parece contener datos personales; Vigía acepta solo conteos agregados"),
    MessageText("column.misspelt", r"column '(?P<guess>.+)' is not in the contract and the required column "
                r"'(?P<column>.+)' is missing: did you mean '(?P=column)'\?",
                "la columna '{guess}' no está en el contrato y falta la columna obligatoria '{column}': "
                "¿quiso decir '{column}'?"),
    MessageText("layer.no_rows", r"the layer has no rows", "la capa no tiene filas"),
    MessageText("layer.areas_missing", r"the required areas layer is missing", "falta la capa obligatoria de áreas"),
    MessageText("file.empty", r"the file is empty \(0 bytes\)", "el archivo está vacío (0 bytes)"),
    MessageText("file.not_layer", r"the file is not named after a layer; it was ignored",
                "el nombre del archivo no corresponde a ninguna capa; se ignoró"),
    MessageText("file.spanish_name", r"(?P<what>the file|layer '.+') read as the (?P<layer>\S+) layer "
                r"\(a known Spanish name for it\)", "se leyó como la capa {layer} (un nombre en español conocido)"),
    MessageText("file.no_path", r"the path does not exist", "la ruta no existe"),
    MessageText("file.ragged", r"(?P<where>line|row) (?P<row>\d+) has (?P<count>\d+) values but the header has "
                r"(?P<width>\d+) columns", "la fila {row} tiene {count} valores pero el encabezado tiene {width} columnas"),
    MessageText("file.header_moved", r"the column names are on row (?P<row>\d+)(?P<sheet>.*?); the row\(s\) above it "
                r"\(a title: '(?P<title>.*)'\) were skipped",
                "los nombres de columna están en la fila {row}; se omitieron las filas de arriba (un título: '{title}')"),
    MessageText("file.title_row", r"the first row(?P<sheet>.*?) holds only '(?P<title>.*)', but the rows below have up "
                r"to (?P<count>\d+) values, and no row names the columns of (?P<layer>\S+): the column names must be "
                r"on the first row",
                "la primera fila solo contiene '{title}', pero las filas de abajo tienen hasta {count} valores y "
                "ninguna fila nombra las columnas de {layer}: los nombres de columna deben estar en la primera fila"),
    MessageText("numbers.thousands_fixed", r"(?P<count>\d+) value\(s\) written with '(?P<mark>.)' as a thousands "
                r"separator were read as whole numbers(?P<example>.*)",
                "{count} valor(es) escritos con '{mark}' como separador de miles se leyeron como números enteros"
                "{example}"),
    MessageText("numbers.ambiguous", r"(?P<count>\d+) value\(s\) look like whole numbers with '(?P<mark>.)' as a "
                r"thousands separator(?P<example>.*?), but (?P<why>.+?)(?P<rows> \(row\(s\) .*\))",
                "{count} valor(es) parecen números enteros con '{mark}' como separador de miles{example}, pero no "
                "se puede saber si '{mark}' es separador de miles o decimal{rows}"),
    MessageText("period.future", r"(?P<count>\d+) period\(s\) are in the future \(after (?P<now>.+?)\)(?P<rows>.*)",
                "{count} periodo(s) están en el futuro (después de {now}){rows}"),
    MessageText("period.mix", r"annual and monthly rows for the same (?P<keys>.+?) and year \((?P<count>\d+) case\(s\): "
                r"(?P<where>.+)\): their figures would be counted twice(?P<rows>.*)",
                "filas anuales y mensuales para el mismo {keys} y año ({count} caso(s): {where}): sus cifras se "
                "contarían dos veces{rows}"),
    MessageText("points.far", r"(?P<who>.+?) lies outside every area, (?P<km>[\d,]+) km from the nearest one",
                "{who} está fuera de todas las áreas, a {km} km de la más cercana"),
    MessageText("points.swapped", r"(?P<count>\d+) point\(s\) fall outside every area but would fall inside with "
                r"latitude and longitude swapped: the coordinates in '(?P<label>.+)' look swapped(?P<rows>.*)",
                "{count} punto(s) caen fuera de todas las áreas pero caerían dentro con latitud y longitud "
                "intercambiadas: las coordenadas de '{label}' parecen invertidas{rows}"),
    MessageText("sheet.unclear", r"the workbook has (?P<count>\d+) sheets \((?P<titles>.+)\) and (?P<which>.+), so it "
                r"is not clear which one holds the data",
                "el libro tiene {count} hojas ({titles}) y no está claro cuál contiene los datos"),
    MessageText("duplicate", r"duplicate (?P<column>\S+)(?P<value>.*): row (?P<row>\d+) has the same (?P=column)",
                "{column}{value} duplicado: la fila {row} tiene el mismo {column}"),
    MessageText("file.not_utf8", r"the file is not UTF-8; it was read as (?P<encoding>.+)",
                "el archivo no es UTF-8; se leyó como {encoding}"),
    MessageText("file.stray_byte", r"the file is UTF-8 except (?P<count>\d+) line\(s\) \((?P<lines>.+)\) holding a "
                r"Windows-1252 character; those lines were read as Windows-1252",
                "el archivo es UTF-8 salvo {count} línea(s) ({lines}) con un carácter Windows-1252; esas líneas se "
                "leyeron como Windows-1252"),
    MessageText("file.dataset_zip", r"the zip holds a dataset folder \((?P<count>\d+) files\); it was read as that folder",
                "el zip contiene una carpeta de datos ({count} archivos); se leyó como esa carpeta"),
    MessageText("cell.more_rows", r"(?P<count>\d+) more row\(s\) with the same problem: rows (?P<rows>.+)",
                "{count} fila(s) más con el mismo problema: filas {rows}"),
    MessageText("numbers.decimal_comma", r"(?P<count>\d+) value\(s\) written with a decimal comma were read as whole "
                r"numbers(?P<example>.*)", "{count} valor(es) escritos con coma decimal se leyeron como números enteros"
                "{example}"),
    MessageText("numbers.comma_points", r"decimal commas read as decimal points \((?P<count>\d+) cell\(s\)\)",
                "comas decimales leídas como puntos decimales ({count} celda(s))"),
    MessageText("period.dates", r"(?P<count>\d+) date cell\(s\) read as periods YYYY-MM \(Excel had turned them into "
                r"dates\)", "{count} celda(s) de fecha leídas como periodos AAAA-MM (Excel las había convertido en fechas)"),
    MessageText("period.year_format", r"(?P<count>\d+) date cell\(s\) shown as years \(format yyyy\) were read as "
                r"years, e\.g\. (?P<example>\S+) \(annual figures\), not as January dates \(rows (?P<rows>.+)\)",
                "{count} celda(s) de fecha mostradas como años (formato aaaa) se leyeron como años, p. ej. {example} "
                "(cifras anuales), no como fechas de enero (filas {rows})"),
    MessageText("period.january_years", r"(?P<count>\d+) date cell\(s\), all on 1 January of (?P<years>\d+) different "
                r"years, were read as years \(annual figures\), not as January(?P<rows>.*)",
                "{count} celda(s) de fecha, todas el 1 de enero de {years} años distintos, se leyeron como años (cifras "
                "anuales), no como enero{rows}"),
    MessageText("scores.missing_file", r"the scores file does not exist", "el archivo de puntajes no existe"),
    MessageText("scores.not_gpkg", r"the file cannot be read as a GeoPackage: (?P<error>.+)",
                "el archivo no se puede leer como GeoPackage: {error}"),
    MessageText("scores.no_metadata", r"not a Vigía scores file: it has no '(?P<layer>\S+)' layer \(it has: (?P<layers>.*)\)",
                "no es un archivo de puntajes de Vigía: no tiene la capa '{layer}' (tiene: {layers})"),
    MessageText("scores.no_format", r"not a Vigía scores file: its metadata names no scores format",
                "no es un archivo de puntajes de Vigía: sus metadatos no nombran un formato de puntajes"),
    MessageText("scores.version", r"scores format version (?P<found>.+) cannot be read by this Vigía "
                r"\(it reads version (?P<version>\d+)\)",
                "esta versión de Vigía no puede leer el formato de puntajes versión {found} (lee la versión {version})"),
    MessageText("scores.no_layer", r"the file has no '(?P<layer>\S+)' layer", "el archivo no tiene la capa '{layer}'"),
    MessageText("scores.no_crossings", r"the file has no '(?P<layer>\S+)' layer \(its dataset has no crossings\)",
                "el archivo no tiene la capa '{layer}' (su conjunto de datos no tiene pasos fronterizos)"),
    MessageText("scores.no_column", r"the '(?P<layer>\S+)' layer has no '(?P<column>.+)' column",
                "la capa '{layer}' no tiene la columna '{column}'"),
    MessageText("scores.provenance", r"the provenance cannot be read: (?P<error>.+)",
                "no se puede leer la procedencia: {error}"),
    MessageText("words.capitals", r"(?P<count>\d+) value\(s\) written with other capitals or spaces were matched to "
                r"the contract's spelling", "{count} valor(es) escritos con otras mayúsculas o espacios se leyeron con la "
                "grafía del contrato"),
    MessageText("crs.reprojected", r"reprojected from (?P<source>.+) to EPSG:4326 \(WGS 84\)",
                "reproyectado de {source} a EPSG:4326 (WGS 84)"),
    MessageText("sheet.named", r"sheet '(?P<sheet>.+)' read as the (?P<layer>\S+) layer \(the workbook has "
                r"(?P<count>\d+) sheets\)", "la hoja '{sheet}' se leyó como la capa {layer} (el libro tiene {count} hojas)"),
    MessageText("sheet.chosen", r"the workbook has (?P<count>\d+) sheets \((?P<titles>.+)\); sheet '(?P<sheet>.+)', "
                r"(?P<why>.+), was read as the (?P<layer>\S+) layer",
                "el libro tiene {count} hojas ({titles}); se leyó la hoja '{sheet}' como la capa {layer}"),
    MessageText("column.personal_dropped", r"column '(?P<column>.+)' looks like personal data \((?P<kind>.+)\); it was "
                r"left out of the dataset", "la columna '{column}' parece contener datos personales; se dejó fuera de "
                "los datos"),
    MessageText("column.default_filled", r"(?P<count>\d+) empty cell\(s\) filled with the default (?P<default>.+)",
                "{count} celda(s) vacías completadas con el valor por defecto {default}"),
    MessageText("column.default_absent", r"optional column '(?P<column>.+)' is absent; every row uses the default "
                r"(?P<default>.+)", "falta la columna opcional '{column}'; cada fila usa el valor por defecto {default}"),
)

#: Hints that are fixed sentences: English -> Spanish.
HINTS: dict[str, Text | str] = {
    "give the .gpkg written by 'vigia score' (or the Risk map's download)":
        "use el .gpkg que escribe 'vigia score' (o la descarga del Mapa de riesgo)",
    "score the dataset again with this Vigía ('vigia score') and use the new file":
        "vuelva a calcular los puntajes con esta versión de Vigía ('vigia score') y use el archivo nuevo",
    "score a dataset that has crossings, then plan patrols with that file":
        "calcule los puntajes de un conjunto de datos con pasos fronterizos y planifique los patrullajes con ese archivo",
    "write digits only, e.g. 12": "escriba solo cifras, p. ej. 12",
    "write a whole number": "escriba un número entero",
    "these results were brought before; delete the row (or correct its code)":
        "estos resultados ya se trajeron antes; borre la fila (o corrija su código)",
    "nothing to do; bring them with the next sheet": "nada que hacer; tráigalas con la próxima hoja",
    "write sí when the visit took place, no when it did not":
        "escriba sí cuando la visita se hizo, no cuando no se hizo",
    "write sí if the visit took place, or clear its result cells":
        "escriba sí si la visita se hizo, o borre sus celdas de resultados",
    "mark each visit that took place as done (sí) and fill in its results":
        "marque como realizada (sí) cada visita que se hizo y anote sus resultados",
    "export the plan as .xlsx again and fill its Inspections sheet":
        "exporte otra vez el plan como .xlsx y complete su hoja Inspecciones",
    "write the day as YYYY-MM-DD, e.g. 2024-03-05; in Excel format the column as Text":
        "escriba el día como AAAA-MM-DD, p. ej. 2024-03-05; en Excel dé formato de Texto a la columna",
    "write the day the visit took place; a typing error (2099 for 2019) is the usual cause":
        "escriba el día en que se hizo la visita; la causa habitual es un error de tipeo (2099 por 2019)",
    "write a decimal number between 0 and 1, e.g. 0.25": "escriba un número decimal entre 0 y 1, p. ej. 0.25",
    "write the chance as a decimal above 0 and at most 1, e.g. 0.25 (not 25)":
        "escriba la probabilidad como decimal mayor que 0 y como mucho 1, p. ej. 0.25 (no 25)",
    "correct the number": "corrija el número",
    "fill in the coordinate in decimal degrees": "complete la coordenada en grados decimales",
    "add areas.gpkg, areas.geojson, areas.zip (zipped Shapefile) or an 'areas' layer with the area polygons":
        "agregue areas.gpkg, areas.geojson, areas.zip (Shapefile comprimido) o una capa 'areas' con los polígonos "
        "de las áreas",
    "rename the file after its layer (e.g. cases.csv) and upload it again":
        "cambie el nombre del archivo por el de su capa (p. ej. cases.csv) y vuelva a subirlo",
    "upload one file per name (rename or leave out the others)":
        "suba un archivo por nombre (cambie el nombre de los demás o déjelos fuera)",
    "add a column unit_id with one code per unit": "agregue una columna unit_id con un código por unidad",
    "add base_id (an office_id of a police office) or two columns lon and lat":
        "agregue base_id (el office_id de una oficina policial) o dos columnas lon y lat",
    "give every unit a code": "dé un código a cada unidad",
    "give each unit its own code": "dé a cada unidad su propio código",
    "write degrees, e.g. -68.63": "escriba grados, p. ej. -68.63",
    "write degrees, e.g. -19.27": "escriba grados, p. ej. -19.27",
    "fill base_id, or lon and lat": "complete base_id, o lon y lat",
    "write the officers on patrol, e.g. 3": "escriba los efectivos en patrullaje, p. ej. 3",
    "write the shifts separated by ';', e.g. morning;night (or mañana;tarde;noche), or 'all'":
        "escriba los turnos separados por ';', p. ej. mañana;noche (o morning;afternoon;night), o 'all' (todos)",
    "write how many 8-hour shifts a week the unit may work, e.g. 5":
        "escriba cuántos turnos de 8 horas por semana puede trabajar la unidad, p. ej. 5",
    "add one row per patrol unit": "agregue una fila por unidad de patrullaje",
    "give a .csv or .xlsx file with one row per unit": "use un archivo .csv o .xlsx con una fila por unidad",
    "add police units to the offices layer or give a units file":
        "agregue unidades policiales a la capa offices o use un archivo de unidades",
    "give a table with columns kind, morning, afternoon, night":
        "use una tabla con las columnas kind, morning (mañana), afternoon (tarde), night (noche)",
    "the table needs kind, morning, afternoon, night":
        "la tabla necesita kind, morning (mañana), afternoon (tarde), night (noche)",
    "write a number such as 1.5": "escriba un número como 1.5",
    "the layer needs crossing_id and score (0..100)": "la capa necesita crossing_id y score (0..100)",
    "scores are 0..100, higher = more risk": "los puntajes van de 0 a 100; más alto = más riesgo",
    "score the same dataset the roster is planned for":
        "calcule los puntajes de los mismos datos para los que se planifica el rol",
    "add a crossings layer (official and unofficial border crossings)":
        "agregue una capa crossings (pasos fronterizos oficiales y no oficiales)",
    "nothing to do": "nada que hacer",
    "write the year (2023) or the year and month (2023-07); in Excel format the column as Text":
        "escriba el año (2023) o el año y el mes (2023-07); en Excel dé formato de Texto a la columna",
    "remove the leading character (numbers such as -12 are fine)":
        "quite el primer carácter (los números como -12 están bien)",
    "replace formulas by values (copy, then Paste Special ▸ Values)":
        "reemplace las fórmulas por valores (copiar y luego Pegado especial ▸ Valores)",
    "write counts without thousands separators (e.g. 1000), so they read the same in every program":
        "escriba los conteos sin separador de miles (p. ej. 1000), para que se lean igual en todo programa",
    "keep either the annual row (YYYY) or the monthly rows (YYYY-MM) for each year, not both":
        "deje la fila anual (AAAA) o las filas mensuales (AAAA-MM) de cada año, no ambas",
    "check the year: a typing error (2099 for 2019) puts cases where none happened":
        "revise el año: un error de tipeo (2099 por 2019) pone casos donde no los hubo",
    "remove the column (keep only area_id, period, exploitation, cases, victims)":
        "quite la columna (deje solo area_id, period, exploitation, cases, victims)",
    "nothing to do; put the column names on the first row to skip this step":
        "nada que hacer; ponga los nombres de columna en la primera fila para evitar este paso",
    "check the coordinates; a point outside the areas is not linked to any area":
        "revise las coordenadas; un punto fuera de las áreas no se asocia a ninguna área",
    "nothing to do; write numbers without separators to skip this step":
        "nada que hacer; escriba los números sin separadores para evitar este paso",
    "nothing to do; write whole numbers without decimals to skip this step":
        "nada que hacer; escriba los números enteros sin decimales para evitar este paso",
    "nothing to do; fix it at the source to skip this step": "nada que hacer; corríjalo en el origen para evitar este paso",
    "nothing to do; type years as plain numbers or text to skip this step":
        "nada que hacer; escriba los años como números o texto para evitar este paso",
    "nothing to do; type years as plain numbers or text to make it certain":
        "nada que hacer; escriba los años como números o texto para que no haya duda",
    "save it as 'CSV UTF-8' so accents always read the same":
        "guárdelo como 'CSV UTF-8' para que los acentos se lean siempre igual",
    "check the accents on those lines, then save the file as 'CSV UTF-8'":
        "revise los acentos de esas líneas y guarde el archivo como 'CSV UTF-8'",
    "format the column as Text in Excel to keep 2021-03 as typed":
        "dé formato de Texto a la columna en Excel para conservar 2021-03 tal como se escribió",
    "nothing to do; export in EPSG:4326 to skip this step": "nada que hacer; exporte en EPSG:4326 para evitar este paso",
    "remove the column from the file; if it is not personal, rename it":
        "quite la columna del archivo; si no es personal, cámbiele el nombre",
    "type years as plain numbers (2023), or format the cells as years (yyyy)":
        "escriba los años como números (2023) o dé a las celdas formato de año (aaaa)",
}


#: Hints with a variable part, by key.
HINT_PATTERNS: tuple[MessageText, ...] = (
    MessageText("hint.scores_path", r"check the path (?P<path>.+); give the \.gpkg written by 'vigia score' "
                r"\(or the Risk map's download\)",
                "revise la ruta {path}; use el .gpkg que escribe 'vigia score' (o la descarga del Mapa de riesgo)"),
    MessageText("hint.rename", r"nothing to do; name it '(?P<name>.+)' to skip this step",
                "nada que hacer; llámelo '{name}' para evitar este paso"),
    MessageText("hint.fill", r"fill in every row: (?P<what>.+)", "complete cada fila: {what}"),
    MessageText("hint.fill_when", r"fill in (?P<column>\S+) on every row where (?P<other>\S+) is (?P<kind>\S+): "
                r"(?P<what>.+)", "complete {column} en cada fila donde {other} es {kind}: {what}"),
    MessageText("hint.add_column", r"add a column '(?P<column>.+?)': (?P<what>.+)",
                "agregue una columna '{column}': {what}"),
    MessageText("hint.set_per_row", r"add the column to set it per row: (?P<what>.+)",
                "agregue la columna para fijarlo por fila: {what}"),
    MessageText("hint.unique", r"each (?P<column>\S+) must be unique; fix or delete one of the two rows",
                "cada {column} debe ser único; corrija o borre una de las dos filas"),
    MessageText("hint.known_sectors", r"known sectors: (?P<words>.+); others load but are not matched",
                "sectores conocidos: {words}; los demás se cargan pero no se reconocen"),
    MessageText("hint.layer_names", r"layer files are named (?P<layers>.+) \(or in Spanish: (?P<spanish>.+)\)",
                "los archivos de capa se llaman {layers} (o en español: {spanish})"),
    MessageText("hint.layer_guess_or", r"did you mean '(?P<layer>[^']+)' \(or '(?P<guess>[^']+)'\)\? Name files and "
                r"layers after the layers", "¿quiso decir '{layer}' (o '{guess}')? Nombre archivos y capas como las capas"),
    MessageText("hint.layer_guess", r"did you mean '(?P<layer>[^']+)'\? Name files and layers after the layers",
                "¿quiso decir '{layer}'? Nombre archivos y capas como las capas"),
    MessageText("hint.add_target", r"add (?P<target>\S+) \(e\.g\. \S+ or \S+\) or remove (?P<name>\S+)",
                "agregue {target} (p. ej. {target}.csv o {target}.geojson) o quite {name}"),
    MessageText("hint.fill_or_remove", r"fill it in, or remove the (?P<layer>\S+) file if there is no data",
                "complétela, o quite el archivo {layer} si no hay datos"),
    MessageText("hint.office_or_point", r"use an office_id from the offices layer \(e\.g\. (?P<known>.+)\) or give lon "
                r"and lat", "use un office_id de la capa offices (p. ej. {known}) o indique lon y lat"),
    MessageText("hint.check_path", r"check the path (?P<path>.+)", "revise la ruta {path}"),
    MessageText("hint.known_codes", r"use (?P<column>\S+) codes that exist in (?P<file>.+)",
                "use códigos de {column} que existan en {file}"),
    MessageText("hint.one_of", r"use one of (?P<choices>.+)", "use uno de {choices}"),
    MessageText("hint.rename_column", r"rename the column '(?P<guess>.+)' to '(?P<column>.+)'",
                "cambie el nombre de la columna '{guess}' a '{column}'"),
    MessageText("hint.name_sheet", r"nothing to do; name the sheet '(?P<name>.+)' to make it certain",
                "nada que hacer; llame a la hoja '{name}' para que no haya duda"),
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
        "Municipios (u otras áreas) para los que se calcula el riesgo.",
    "Area code as text, e.g. the 6-digit INE code; leading zeros kept.":
        "Código del área como texto, p. ej. el código INE de 6 cifras; se conservan los ceros iniciales.",
    "Area name.": "Nombre del área.",
    "Department the area belongs to.": "Departamento al que pertenece el área.",
    "Residents (int >= 0).": "Habitantes (entero >= 0).",
    "Border crossings, official and unofficial.": "Pasos fronterizos, oficiales y no oficiales.",
    "Crossing code.": "Código del paso.",
    "Crossing name.": "Nombre del paso.",
    "Country across the border, any ISO 3166-1 alpha-3 code (e.g. PER, ARG, COL).":
        "País al otro lado de la frontera, cualquier código ISO 3166-1 alfa-3 (p. ej. PER, ARG, COL).",
    "official or unofficial.": "`official` (oficial) o `unofficial` (no oficial).",
    "Labour inspection offices and police border units (where teams start).":
        "Oficinas de inspección laboral y unidades policiales de frontera (de donde salen los equipos).",
    "Office code.": "Código de la oficina.",
    "Office name.": "Nombre de la oficina.",
    "labour or police.": "`labour` (laboral) o `police` (policía).",
    "Inspectors or officers (int >= 0).": "Inspectores o efectivos (entero >= 0).",
    "Candidate inspection workplaces.": "Lugares de trabajo candidatos a inspección.",
    "Workplace code.": "Código del lugar de trabajo.",
    "Workplace name.": "Nombre del lugar de trabajo.",
    "Economic sector, e.g. mining, brick-making.": "Sector económico, p. ej. `mining` (minería), `brick-making` (ladrillería).",
    "Opening time HH:MM (optional).": "Hora de apertura HH:MM (opcional).",
    "Closing time HH:MM (optional).": "Hora de cierre HH:MM (opcional).",
    "Minutes an inspection takes (optional, default 60).": "Minutos que toma una inspección (opcional, por defecto 60).",
    "true when the site must be in the plan (optional, default false).":
        "`true` cuando el lugar debe estar en el plan (opcional, por defecto `false`).",
    "Skill a team needs there, e.g. child labour, quechua (optional).":
        "Capacidad que necesita el equipo allí, p. ej. `child labour` (trabajo infantil), `quechua` (opcional).",
    "Month of the last inspection, YYYY-MM or YYYY (optional).":
        "Mes de la última inspección, AAAA-MM o AAAA (opcional).",
    "Trafficking cases, AGGREGATED by area, period and type. Never personal data.":
        "Casos de trata, AGREGADOS por área, periodo y tipo. Nunca datos personales.",
    "Area code.": "Código del área.",
    "YYYY or YYYY-MM.": "AAAA o AAAA-MM.",
    "sexual, labour, other or unknown.": "`sexual`, `labour` (laboral), `other` (otra) o `unknown` (desconocida).",
    "Cases opened (int >= 0).": "Casos abiertos (entero >= 0).",
    "Victims identified (int >= 0).": "Víctimas identificadas (entero >= 0).",
    "Migration flows at crossings by period.": "Flujos migratorios en los pasos, por periodo.",
    "Entries (int >= 0).": "Entradas (entero >= 0).",
    "Exits (int >= 0).": "Salidas (entero >= 0).",
    "Irregular entries detected (int >= 0).": "Entradas irregulares detectadas (entero >= 0).",
    "Employment in high-risk sectors by area.": "Empleo en sectores de alto riesgo, por área.",
    "Sector name, e.g. mining, brazil nut.": "Nombre del sector, p. ej. `mining` (minería), `brazil nut` (castaña).",
    "People employed (int >= 0).": "Personas empleadas (entero >= 0).",
    "Victims per combination of agency lists (for the dark-figure estimate), AGGREGATED: one 0/1 column per list, "
    "at least two.":
        "Víctimas por combinación de listas de instituciones (para la estimación de la cifra oculta), AGREGADAS: "
        "una columna 0/1 por lista, al menos dos.",
    "Victims seen on exactly that combination of lists (int >= 0); combinations with nobody may be left out.":
        "Víctimas vistas exactamente en esa combinación de listas (entero >= 0); las combinaciones sin nadie pueden "
        "omitirse.",
    "YYYY or YYYY-MM (optional).": "AAAA o AAAA-MM (opcional).",
    "Department (optional), as in the areas layer.": "Departamento (opcional), como en la capa de áreas.",
    "Inspection visits and what they found, one row per visit. No personal data: victims are counts, and counts of "
    "1 to 4 never leave the app unsuppressed.":
        "Visitas de inspección y lo que encontraron, una fila por visita. Sin datos personales: las víctimas son "
        "conteos, y los conteos de 1 a 4 nunca salen de la aplicación sin suprimir.",
    "Visit code, unique.": "Código de la visita, único.",
    "Day of the visit, YYYY-MM-DD (not in the future).": "Día de la visita, AAAA-MM-DD (no en el futuro).",
    "Area code of the visit.": "Código del área de la visita.",
    "Workplace code (optional), as in the sites layer.": "Código del lugar de trabajo (opcional), como en la capa sites.",
    "Economic sector (optional), e.g. mining.": "Sector económico (opcional), p. ej. `mining` (minería).",
    "Persons identified as victims of trafficking or forced labour (int >= 0).":
        "Personas identificadas como víctimas de trata o trabajo forzoso (entero >= 0).",
    "Labour violations found (optional, int >= 0).": "Infracciones laborales encontradas (opcional, entero >= 0).",
    "Workers present (optional, int >= 0).": "Trabajadores presentes (opcional, entero >= 0).",
    "Why the site was visited: planned/random/complaint/follow_up/other (optional, default other).":
        "Por qué se visitó el lugar: `planned` (planificada), `random` (al azar), `complaint` (denuncia), "
        "`follow_up` (seguimiento) u `other` (otra) (opcional, por defecto `other`).",
    "Chance the visit had of being drawn, in (0, 1] (optional; required when selection is random).":
        "Probabilidad que tenía la visita de ser sorteada, en (0, 1] (opcional; obligatoria cuando selection es "
        "`random`).",
}


def description_text(description: str, lang: str) -> str:
    """A contract description in ``lang`` (as written in the contract when the table lacks it)."""
    entry = DESCRIPTIONS.get(description)
    return _spanish(entry) if entry is not None and lang == "es" else description
