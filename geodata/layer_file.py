"""Read and validate ONE layer from one file, outside a whole dataset.

Some tools work on a single table a user hands over (``vigia dark-figure
lists.csv``): a CSV, an Excel sheet or a layer of a GeoPackage. They get the
same readers and the same checks as a dataset, with the same errors naming
file, row and column; only the checks across layers (references to ``areas``)
are left out, because there is no other layer to compare with.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geodata.contracts import LAYERS
from geodata.problems import DataError, Problem, Severity
from geodata.readers import format_of, read_csv, read_gis
from geodata.validate import validate_layer
from geodata.workbooks import read_xlsx


def load_layer(path: str | Path, layer: str, source_layer: str | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The validated ``layer`` read from ``path`` and its fixes/warnings; raises ``DataError`` on errors.

    ``source_layer`` names the layer inside a GeoPackage (default: the one
    named after ``layer``, or the file's only layer).
    """
    path = Path(path)
    display = path.name
    if layer not in LAYERS:
        raise ValueError(f"unknown layer {layer!r}")
    fmt = format_of(path.name)
    if fmt == "csv":
        raw, problems = read_csv(path, display, layer)
    elif fmt == "xlsx":
        raw, problems = read_xlsx(path, display, layer)
    elif fmt is not None:
        raw, problems = read_gis(path, display, layer, fmt, source_layer,
                                 geometry=LAYERS[layer].geometry != "none")
    else:
        raise DataError([Problem(display, layer, None, None, "this file format is not read",
                                 "give a .csv, .xlsx or .gpkg file")])
    if raw is None:
        raise DataError(problems)
    result = validate_layer(raw)
    problems = problems + result.findings.items
    if any(p.severity is Severity.ERROR for p in problems) or result.frame is None or result.empty:
        if result.empty and not any(p.severity is Severity.ERROR for p in problems):
            problems.append(Problem(display, layer, None, None, "the layer has no rows", f"fill in the {layer} table"))
        raise DataError(problems)
    return pd.DataFrame(result.frame), problems
