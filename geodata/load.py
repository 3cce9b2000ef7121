"""Load a dataset — one GeoPackage or a folder of layer files — and say everything wrong with it.

This is the entry point the CLI (``vigia validate`` / ``vigia build``) and the
app's Data page use. :func:`check_dataset` always returns a
:class:`ValidationReport` with every problem found in one pass;
:func:`load_dataset` returns the :class:`~geodata.dataset.Dataset` or raises
:class:`~geodata.problems.DataError`, the only exception bad input can cause.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np

from geodata.cell_parsers import closest
from geodata.contracts import LAYER_ORDER, LAYERS
from geodata.countries import country_hint, is_iso3
from geodata.dataset import ABOUT_LAYER, Dataset
from geodata.dataset_zip import is_dataset_zip, unpack_dataset_zip
from geodata.geometry_checks import area_index, check_points_in_areas
from geodata.layer_names import layer_for, names_for
from geodata.problems import DataError, Problem, Severity
from geodata.readers import (
    RawLayer,
    SourceFormat,
    format_of,
    layer_stem,
    list_gis_layers,
    read_about_table,
    read_csv,
    read_gis,
)
from geodata.validate import LayerResult, check_references, validate_layer
from geodata.workbooks import read_xlsx

#: Files beside a .shp that belong to it (never "unknown files").
SHAPEFILE_SIDECARS = (".dbf", ".shx", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".shp.xml", ".qmd", ".fix", ".aih", ".ain")
#: Files every operating system litters folders with.
_IGNORED_NAMES = {"thumbs.db", "desktop.ini", "__macosx", ".ds_store"}
#: GeoPackage tables written by GIS programs, not data.
_SYSTEM_LAYERS = {"layer_styles", "qgis_projects"}
_BUG_HINT = "this is a bug in Vigía, not in your data; please report it together with the file"


@dataclass
class ValidationReport:
    """What :func:`check_dataset` found.

    ``dataset`` is None when there are errors. ``problems`` lists errors, fixes
    and warnings from every file. ``files`` maps each layer to the file it came from.
    """

    dataset: Dataset | None
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when nothing blocks the dataset (fixes and warnings allowed)."""
        return not any(p.severity is Severity.ERROR for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


@dataclass(frozen=True)
class _Source:
    layer: str
    path: Path
    display: str
    format: SourceFormat
    inner_layer: str | None = None  # layer name inside a dataset GeoPackage


def check_dataset(path: str | Path) -> ValidationReport:
    """Read and validate a dataset; never raises (every problem, even a bug of ours, is in the report)."""
    path = Path(path)
    try:
        return _check(path)
    except Exception as exc:  # the report is the contract, even for our own bugs
        return ValidationReport(None, [_bug(_display(path), None, exc)], {})


def _check(path: Path) -> ValidationReport:
    zipped = _zipped_dataset(path)
    if zipped is not None:
        return _check_zip(zipped)
    sources, about_source, problems = _discover(path)
    sources = sorted(sources, key=lambda s: LAYER_ORDER.index(s.layer))
    results: dict[str, LayerResult] = {}
    per_layer: dict[str, list[Problem]] = {}
    for source in sources:
        try:
            raw, per_layer[source.layer] = _read(source)
            if raw is not None:
                results[source.layer] = validate_layer(raw)
        except Exception as exc:  # one broken layer must not hide the others' problems
            per_layer[source.layer] = per_layer.get(source.layer, []) + [_bug(source.display, source.layer, exc)]
    check_references(results)
    _check_points(results)
    for source in sources:
        problems.extend(per_layer.get(source.layer, []))
        if source.layer in results:
            problems.extend(_by_row(results[source.layer].findings.items))
    about: dict[str, str] = {}
    if about_source is not None:
        about, about_problems = read_about_table(*about_source)
        problems.extend(about_problems)
        problems.extend(_check_about_country(about, about_source[1]))
    files = {s.layer: s.display for s in sources}
    if any(p.severity is Severity.ERROR for p in problems):
        return ValidationReport(None, problems, files)
    layers = {name: r.frame for name, r in results.items() if r.frame is not None and not r.empty}
    dataset = Dataset(layers=layers, about=about, source=_display(path), problems=list(problems))
    return ValidationReport(dataset, problems, files)


def _check_about_country(about: dict[str, str], file: str) -> list[Problem]:
    """``about`` key ``country`` names the dataset's country (ISO3); a wrong code is ignored with a warning."""
    if "country" not in about:
        return []
    code = about["country"].strip().upper()
    if is_iso3(code):
        about["country"] = code
        return []
    hint = country_hint(about["country"])
    del about["country"]
    return [Problem(file, ABOUT_LAYER, None, "country",
                    f"the about value country = '{code}' is not an ISO 3166-1 alpha-3 code; it was ignored"
                    + (f" (did you mean {hint}?)" if hint else ""),
                    "write the dataset's country as its 3-letter ISO code, e.g. BOL, PER, COL", Severity.WARNING)]


def _zipped_dataset(path: Path) -> Path | None:
    """The dataset zip at ``path``, or alone in the folder ``path`` (an upload of one zip), if any."""
    if path.is_file() and path.suffix.lower() == ".zip" and is_dataset_zip(path):
        return path
    if path.is_dir():
        try:
            entries = [e for e in path.iterdir() if not e.name.startswith((".", "~$"))
                       and e.name.lower() not in _IGNORED_NAMES]
        except OSError:
            return None
        if len(entries) == 1 and entries[0].is_file() and entries[0].suffix.lower() == ".zip" \
                and is_dataset_zip(entries[0]):
            return entries[0]
    return None


def _check_zip(path: Path) -> ValidationReport:
    """Unpack a dataset zip into a temporary folder and check that folder (layers are read into memory)."""
    with tempfile.TemporaryDirectory(prefix="vigia-zip-") as tmp:
        folder, notes = unpack_dataset_zip(path, Path(tmp))
        if folder is None:
            return ValidationReport(None, notes, {})
        report = _check(folder)
    report.problems[:0] = notes
    if report.dataset is not None:
        report.dataset.source = path.name
        report.dataset.problems[:0] = notes
    return report


def _display(path: Path) -> str:
    """The name a user knows the file or folder by (``.`` becomes the folder's name)."""
    return path.name or path.resolve().name or str(path)


def load_dataset(path: str | Path) -> Dataset:
    """The validated dataset at ``path``; raises DataError listing every problem when it has errors.

    ``Dataset.problems`` keeps the fixes and warnings so the app can show them.
    """
    report = check_dataset(path)
    if not report.ok or report.dataset is None:
        raise DataError(report.problems)
    return report.dataset


# ---------------------------------------------------------------- finding the files


def _discover(path: Path) -> tuple[list[_Source], tuple | None, list[Problem]]:
    """The layer files of a dataset (and its about table), with problems about the set of files."""
    name = _display(path)
    if not path.exists():
        return [], None, [Problem(name, None, None, None, "the path does not exist",
                                  "give a dataset .gpkg file or a folder of layer files")]
    if path.is_dir():
        return _discover_folder(path)
    fmt = format_of(path.name)
    if fmt == "gpkg":
        found = _discover_geopackage(path)
        if found is not None:
            return found
    named = layer_for(layer_stem(path.name))
    if fmt is not None and named is not None:
        # One layer file on its own (e.g. areas.geojson, municipios.shp): a dataset with one layer.
        sources = [_Source(named[0], path, path.name, fmt)]
        notes = [_alias_note(path.name, named[0])] if named[1] else []
        return sources, None, notes + _missing_areas(sources, name)
    return [], None, [Problem(name, None, None, None,
                              "this is not a dataset: give a .gpkg dataset file or a folder of layer files",
                              f"a folder holds files named after the layers: {', '.join(LAYER_ORDER)} "
                              "(.gpkg, .geojson, .zip Shapefile, .shp, .csv or .xlsx)")]


def _discover_geopackage(path: Path) -> tuple[list[_Source], tuple | None, list[Problem]] | None:
    """Layers of a dataset GeoPackage; None when it is rather a single layer file named after its layer."""
    names, problems = list_gis_layers(path, path.name, None, "gpkg")
    if names is None:
        return [], None, problems
    by_layer = {n.strip().lower(): n for n in names}
    aliased: dict[str, str] = {}
    for inner in names:  # Spanish layer names (casos, municipios) when the English one is absent
        found = layer_for(inner)
        if found is not None and found[1] and found[0] not in by_layer and found[0] not in aliased:
            aliased[found[0]] = inner
    by_layer.update(aliased)
    problems += [_alias_note(path.name, layer, inner) for layer, inner in aliased.items()]
    sources = [_Source(layer, path, path.name, "gpkg", by_layer[layer]) for layer in LAYER_ORDER if layer in by_layer]
    if not sources:
        if layer_for(layer_stem(path.name)) is not None and len(names) == 1:
            return None
        listed = ", ".join(names) if names else "no layers"
        return [], None, [Problem(path.name, None, None, None,
                                  f"the GeoPackage has no layer named after the contract (it has: {listed})",
                                  f"name the layers {', '.join(LAYER_ORDER)}; at least 'areas' is required")]
    for inner in names:
        key = inner.strip().lower()
        if key in LAYERS or inner in aliased.values() or key == ABOUT_LAYER or key in _SYSTEM_LAYERS \
                or key.startswith(("gpkg_", "rtree_")):
            continue
        problems.append(Problem(path.name, inner, None, None, f"layer '{inner}' is not part of the contract; it was ignored",
                                _suggest_layer(key), Severity.WARNING))
    about = (path, path.name, by_layer[ABOUT_LAYER]) if ABOUT_LAYER in by_layer else None
    return sources, about, problems + _missing_areas(sources, path.name)


def _discover_folder(folder: Path) -> tuple[list[_Source], tuple | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name.lower())
    except OSError as exc:
        return [], None, [Problem(folder.name, None, None, None, f"cannot list the folder ({exc.strerror or exc})",
                                  "check that the folder can be read")]
    shapefiles = {e.name.lower()[:-4] for e in entries if e.name.lower().endswith(".shp")}
    by_layer: dict[str, list[Path]] = {}
    about = None
    for entry in entries:
        lower = entry.name.lower()
        if lower.startswith((".", "~$")) or lower in _IGNORED_NAMES:
            continue
        if entry.is_dir():
            problems.append(Problem(entry.name, None, None, None, "folders inside the dataset folder are not read",
                                    "put the layer files directly in the folder", Severity.WARNING))
            continue
        fmt = format_of(entry.name)
        stem = layer_stem(entry.name)
        if fmt is None:
            if any(lower.endswith(ext) and lower[: -len(ext)] in shapefiles for ext in SHAPEFILE_SIDECARS):
                continue
            problems.append(_unknown_file(entry.name, stem))
            continue
        found = layer_for(stem)
        if stem == ABOUT_LAYER and fmt == "csv":
            about = (entry, entry.name, "")
        elif found is not None:
            by_layer.setdefault(found[0], []).append(entry)
            if found[1]:
                problems.append(_alias_note(entry.name, found[0]))
        else:
            problems.append(_unknown_file(entry.name, stem))
    sources = []
    for layer, paths in by_layer.items():
        if len(paths) > 1:
            names = [p.name for p in paths]
            problems.append(Problem(", ".join(names), layer, None, None,
                                    f"{len(paths)} files for the {layer} layer: {' and '.join(names)}",
                                    "keep only one file per layer"))
            continue
        fmt = format_of(paths[0].name)
        if fmt is not None:  # always: only files with a known format are grouped by layer
            sources.append(_Source(layer, paths[0], paths[0].name, fmt))
    if "areas" not in by_layer:
        problems += _missing_areas(sources, folder.name)
    return sources, about, problems


def _alias_note(file: str, layer: str, inner: str | None = None) -> Problem:
    """A file (or GeoPackage layer) with a Spanish name, read as its layer: said, like Spanish column names."""
    what = f"layer '{inner}'" if inner else "the file"
    return Problem(file, layer, None, None, f"{what} read as the {layer} layer (a known Spanish name for it)",
                   f"nothing to do; name it '{layer}' to skip this step", Severity.FIXED)


def _missing_areas(sources: list[_Source], display: str) -> list[Problem]:
    if any(s.layer == "areas" for s in sources):
        return []
    return [Problem(display, "areas", None, None, "the required areas layer is missing",
                    "add areas.gpkg, areas.geojson, areas.zip (zipped Shapefile) or an 'areas' layer with the area polygons")]


def _suggest_layer(stem: str) -> str:
    names = {n: n for n in [*LAYERS, ABOUT_LAYER]}
    names.update({alias: layer for layer in LAYERS for alias in names_for(layer)})
    guess = closest(stem, list(names), cutoff=0.7)
    spanish = ", ".join(names_for(layer)[1] for layer in LAYER_ORDER if len(names_for(layer)) > 1)
    if guess:
        layer = names[guess]
        also = f" (or '{guess}')" if guess != layer else ""
        return f"did you mean '{layer}'{also}? Name files and layers after the layers"
    return f"layer files are named {', '.join(LAYER_ORDER)} (or in Spanish: {spanish})"


def _unknown_file(name: str, stem: str) -> Problem:
    if name.lower().endswith(".xls"):
        return Problem(name, None, None, None, "old Excel .xls files are not read; the file was ignored",
                       "save it as .xlsx or CSV", Severity.WARNING)
    found = layer_for(stem)
    if found is not None:
        return Problem(name, found[0], None, None, "this file format is not read; the file was ignored",
                       "use .gpkg, .geojson, .zip (zipped Shapefile), .shp, .csv or .xlsx", Severity.WARNING)
    return Problem(name, None, None, None, "the file is not named after a layer; it was ignored",
                   _suggest_layer(stem), Severity.WARNING)


# ---------------------------------------------------------------- reading and cross checks


def _read(source: _Source) -> tuple[RawLayer | None, list[Problem]]:
    if source.format == "csv":
        return read_csv(source.path, source.display, source.layer)
    if source.format == "xlsx":
        return read_xlsx(source.path, source.display, source.layer)
    geometry = LAYERS[source.layer].geometry != "none"
    return read_gis(source.path, source.display, source.layer, source.format, source.inner_layer, geometry=geometry)


def _check_points(results: dict[str, LayerResult]) -> None:
    """Point layers against the area polygons: swapped coordinates, points outside."""
    areas = results.get("areas")
    if areas is None or not isinstance(areas.frame, gpd.GeoDataFrame):
        return
    tree = area_index(np.asarray(areas.frame.geometry.array, dtype=object))
    for name in LAYER_ORDER:
        result = results.get(name)
        if result is None or LAYERS[name].geometry != "point" or not isinstance(result.frame, gpd.GeoDataFrame):
            continue
        id_name = LAYERS[name].id_column
        ids = result.frame[id_name].to_numpy(dtype=object) if id_name and id_name in result.frame else None
        check_points_in_areas(np.asarray(result.frame.geometry.array, dtype=object), tree,
                              result.findings, result.coordinates, ids, id_name)


def _by_row(problems: list[Problem]) -> list[Problem]:
    """Whole-layer problems first, then down the file as the user reads it."""
    return sorted(problems, key=lambda p: (p.row is not None, p.row or 0))


def _bug(file: str, layer: str | None, exc: Exception) -> Problem:
    return Problem(file, layer, None, None, f"unexpected error while checking ({type(exc).__name__}: {exc})", _BUG_HINT)
