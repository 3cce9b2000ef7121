"""A zip of a whole dataset folder, told apart from a zipped Shapefile by what it holds.

Clerks zip the folder they were asked for (``casos.csv``, ``municipios.shp`` and
its sidecars, ``pasos.geojson``) and upload one file. A zip is a *dataset zip*
when it holds a layer file that is not part of a Shapefile (CSV, XLSX, GeoJSON,
GeoPackage named after a layer), or Shapefiles for two or more layers; a zip
holding one Shapefile (whatever its name) stays a zipped Shapefile layer.
A dataset zip is unpacked safely (no path may leave the folder, a size cap
against zip bombs) and checked as the folder it was.
"""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from geodata.layer_names import layer_for
from geodata.problems import Problem, Severity
from geodata.readers import format_of, layer_stem

#: Largest total unpacked size accepted (bytes): a national dataset is tens of MB.
MAX_UNPACKED_BYTES = 2 * 1024**3


def _members(path: Path) -> list[zipfile.ZipInfo] | None:
    try:
        with zipfile.ZipFile(path) as archive:
            return [i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("__MACOSX/")
                    and not PurePosixPath(i.filename).name.startswith(".")]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def is_dataset_zip(path: Path) -> bool:
    """True when the zip holds a dataset folder rather than one zipped Shapefile."""
    members = _members(path)
    if not members:
        return False
    shapefile_layers = set()
    for info in members:
        name = PurePosixPath(info.filename).name
        fmt = format_of(name)
        found = layer_for(layer_stem(name))
        if fmt is None or found is None:
            continue
        if fmt == "shapefile" and name.lower().endswith(".shp"):
            shapefile_layers.add(found[0])
        elif fmt != "shapefile":
            return True
    return len(shapefile_layers) >= 2


def unpack_dataset_zip(path: Path, into: Path) -> tuple[Path | None, list[Problem]]:
    """Unpack a dataset zip into ``into``; returns the folder holding the layer files (or None and why)."""
    members = _members(path) or []
    total = sum(i.file_size for i in members)
    if total > MAX_UNPACKED_BYTES:
        return None, [Problem(path.name, None, None, None,
                              f"the zip unpacks to {total / 1024**3:.1f} GB, more than the "
                              f"{MAX_UNPACKED_BYTES / 1024**3:.0f} GB a dataset may take",
                              "zip only the layer files of the dataset")]
    root = into.resolve()
    with zipfile.ZipFile(path) as archive:
        for info in members:
            target = (root / info.filename).resolve()
            if not target.is_relative_to(root):
                return None, [Problem(path.name, None, None, None,
                                      f"the zip holds a path outside its folder ('{info.filename}'); nothing was read",
                                      "zip the dataset folder again with an ordinary zip program")]
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as src, open(target, "wb") as dst:
                dst.write(src.read())
    folder = root
    while True:  # 'datos/' inside the zip: read the folder that holds the files
        entries = [e for e in folder.iterdir() if not e.name.startswith(".")]
        if len(entries) == 1 and entries[0].is_dir():
            folder = entries[0]
        else:
            break
    note = Problem(path.name, None, None, None, f"the zip holds a dataset folder ({len(members)} files); "
                   "it was read as that folder", "nothing to do", Severity.FIXED)
    return folder, [note]
