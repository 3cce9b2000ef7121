"""Other boundaries for the demo figures: read a user's area file instead of the shipped municipalities.

A ministry that has its municipal boundaries (e.g. the 343 units of the
CPV-2024 geography) can see the demo figures on them. The file may already use
the contract's column names, or the usual Bolivian ones (``codigo_ine``,
``nombre_mun``, ``nombre_dep``; or ``idep`` + ``iprov`` + ``imun``). Codes stay
text, leading zeros kept. A file that cannot serve raises :class:`DataError`
listing every reason and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from geodata.contracts import CRS
from geodata.problems import DataError, Problem, Severity

#: Contract column -> names accepted for it (compared case-insensitively), in order of preference.
ALIASES: dict[str, tuple[str, ...]] = {
    "area_id": ("area_id", "codigo_ine", "cod_ine", "codigo", "cod_mun", "code", "id_mun"),
    "name": ("name", "nombre_mun", "nombre", "municipio", "nom_mun"),
    "admin1": ("admin1", "nombre_dep", "departamento", "depto", "nom_dep"),
    "population": ("population", "poblacion", "población", "habitantes", "pob_total"),
}

#: INE code parts (column, width): department, province, municipality -> 6-character code.
INE_PARTS: tuple[tuple[str, int], ...] = (("idep", 2), ("iprov", 2), ("imun", 2))

#: Residents given to every area, on top of the GeoNames places inside it, when the
#: file has no population: the rural population outside named places. Bolivia has
#: ~11.3 million people (CPV-2024) and its GeoNames places ~7.5 million, i.e.
#: ~3.8 million rural residents, ~11,000 per unit over 343 units; 8,000 keeps
#: places dominant where they are big.
RURAL_BASE = 8_000

POPULATION_NOTE = (
    f"synthetic estimate: GeoNames places inside each area + {RURAL_BASE:,} rural base per area "
    "(the file has no population)"
)

_HINT_FORMATS = "give a GeoPackage, GeoJSON or shapefile with one polygon per area"


@dataclass
class Boundaries:
    """Areas read from a user's file, with what the reader had to do to them."""

    areas: gpd.GeoDataFrame
    layer: str
    population_note: str
    problems: list[Problem]


def _problem(file: str, message: str, hint: str, column: str | None = None, layer: str | None = "areas",
             severity: Severity = Severity.ERROR) -> Problem:
    return Problem(file=file, layer=layer, row=None, column=column, message=message, hint=hint, severity=severity)


def _pick_layer(path: Path, file: str) -> str:
    """``areas`` if the file has it, else its polygon layer with the most features."""
    try:
        listed = pyogrio.list_layers(path)
    except Exception as exc:  # pyogrio raises several error types for unreadable files
        raise DataError([_problem(file, f"cannot be read as a GIS file ({exc})", _HINT_FORMATS, layer=None)]) from None
    names = [str(n) for n, _ in listed]
    if "areas" in names:
        return "areas"
    # GeoJSON with mixed Polygon/MultiPolygon reports "Unknown": a candidate, checked once read.
    polygonal = [str(n) for n, g in listed if g and ("POLYGON" in str(g).upper() or str(g) == "Unknown")]
    if not polygonal:
        raise DataError([_problem(file, f"has no polygon layer (layers: {names})", _HINT_FORMATS, layer=None)])
    return max(polygonal, key=lambda n: pyogrio.read_info(path, layer=n)["features"])


def _find(frame: pd.DataFrame, target: str) -> str | None:
    lower = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    for alias in ALIASES[target]:
        if alias in lower:
            return lower[alias]
    return None


def _as_code(values: pd.Series, width: int | None) -> pd.Series:
    """Codes as text; numbers (leading zeros already lost) are padded to ``width`` when given."""
    if pd.api.types.is_numeric_dtype(values):
        text = values.map(lambda v: "" if pd.isna(v) else str(int(v)))
        return text.str.zfill(width) if width else text
    return values.map(lambda v: "" if pd.isna(v) else str(v).strip())


def _area_codes(frame: pd.DataFrame, file: str, problems: list[Problem]) -> pd.Series:
    column = _find(frame, "area_id")
    lower = {str(c).lower(): c for c in frame.columns}
    if column is not None:
        numeric = pd.api.types.is_numeric_dtype(frame[column])
        width = 6 if numeric and str(column).lower() in ("codigo_ine", "cod_ine") else None
        if numeric:
            problems.append(_problem(
                file, f"area codes were stored as numbers; read as text{' and padded to 6 digits' if width else ''}",
                "store codes as text so leading zeros survive", column=str(column), severity=Severity.FIXED))
        return _as_code(frame[column], width)
    if all(part in lower for part, _ in INE_PARTS):
        parts = [_as_code(frame[lower[part]], width).str.zfill(width) for part, width in INE_PARTS]
        problems.append(_problem(file, "area_id built as idep + iprov + imun (6-character INE code)", "",
                                 column="area_id", severity=Severity.FIXED))
        return parts[0] + parts[1] + parts[2]
    raise DataError([_problem(
        file, "no area code column",
        f"add a text column 'area_id' (or one of {', '.join(ALIASES['area_id'][1:])}, or idep+iprov+imun); "
        f"columns found: {', '.join(map(str, frame.columns))}", column="area_id")])


def _geometry(frame: gpd.GeoDataFrame, file: str, problems: list[Problem]) -> gpd.GeoDataFrame:
    if frame.crs is None:
        west, south, east, north = frame.total_bounds
        if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
            raise DataError([_problem(file, "has no coordinate system and its coordinates are not degrees",
                                      "save the file with its CRS (e.g. EPSG:4326 or EPSG:32719)", layer=None)])
        frame = frame.set_crs(CRS)
        problems.append(_problem(file, "no coordinate system; read as EPSG:4326 (lon/lat degrees)",
                                 "save the file with its CRS", layer=None, severity=Severity.FIXED))
    elif frame.crs != CRS:
        problems.append(_problem(file, f"reprojected from {frame.crs.to_string()} to {CRS}", "",
                                 layer=None, severity=Severity.FIXED))
        frame = frame.to_crs(CRS)
    geoms = frame.geometry.to_numpy()
    empty = shapely.is_empty(geoms) | pd.isna(geoms)
    kinds = shapely.get_type_id(geoms)
    not_polygon = ~np.isin(kinds, [3, 6]) & ~empty
    bad = [Problem(file, "areas", i + 1, "geometry", "empty geometry" if e else "not a polygon",
                   "every area needs a polygon")
           for i, (e, n) in enumerate(zip(empty, not_polygon)) if e or n]
    if bad:
        raise DataError(bad)
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        fixed = shapely.make_valid(geoms[invalid])
        geoms = geoms.copy()
        geoms[invalid] = [g if g.geom_type in ("Polygon", "MultiPolygon") else
                          shapely.union_all([p for p in shapely.get_parts(g) if p.geom_type == "Polygon"])
                          for g in fixed]
        problems.append(_problem(file, f"{int(invalid.sum())} invalid polygon(s) repaired", "", column="geometry",
                                 severity=Severity.FIXED))
    return frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=CRS))


def _estimate_population(areas: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> np.ndarray:
    """GeoNames places in each area (a place outside all areas counts in the nearest) + rural base."""
    tree = shapely.STRtree(areas.geometry.to_numpy())
    nearest = tree.query_nearest(places.geometry.to_numpy(), all_matches=False)[1]
    totals = np.bincount(nearest, weights=places["population"].to_numpy(dtype=float), minlength=len(areas))
    return (totals + RURAL_BASE).astype("int64")


def read_boundaries(path: str | Path, places: gpd.GeoDataFrame) -> Boundaries:
    """Areas (contract columns + the file's other columns) from ``path``.

    ``places`` (GeoNames) fill a missing department (the department of the
    nearest place) and a missing population (see :data:`RURAL_BASE`).
    """
    path = Path(path)
    file = path.name
    if not path.exists():
        raise DataError([_problem(file, "file not found", f"check the path {path}", layer=None)])
    layer = _pick_layer(path, file)
    try:
        frame = pyogrio.read_dataframe(path, layer=layer)
    except Exception as exc:
        raise DataError([_problem(file, f"layer '{layer}' cannot be read ({exc})", _HINT_FORMATS)]) from None
    if len(frame) == 0:
        raise DataError([_problem(file, f"layer '{layer}' has no features", _HINT_FORMATS)])
    problems: list[Problem] = []
    frame = _geometry(frame, file, problems)
    codes = _area_codes(frame, file, problems)
    errors = [Problem(file, "areas", i + 1, "area_id", "empty area code", "give every area a code")
              for i, c in enumerate(codes) if c == ""]
    dup_mask = (codes.duplicated(keep=False) & (codes != "")).to_numpy()
    errors += [Problem(file, "areas", int(i) + 1, "area_id", f"area code '{c}' is used more than once",
                       "give every area its own code") for i, c in zip(np.flatnonzero(dup_mask), codes[dup_mask])]
    name_col = _find(frame, "name")
    if name_col is None:
        errors.append(_problem(file, "no area name column",
                               f"add a column 'name' (or {', '.join(ALIASES['name'][1:])})", column="name"))
    if errors:
        raise DataError(errors)
    mapped = {c for c in (_find(frame, t) for t in ALIASES) if c is not None}
    extras = frame.drop(columns=[*mapped, frame.geometry.name])
    areas = gpd.GeoDataFrame(
        {"area_id": codes.astype("str").to_numpy(),
         "name": frame[name_col].map(lambda v: "" if pd.isna(v) else str(v)).astype("str").to_numpy()},
        geometry=frame.geometry.to_numpy(), crs=CRS,
    )
    nameless = areas["name"] == ""
    if nameless.any():
        areas.loc[nameless, "name"] = areas.loc[nameless, "area_id"]
        problems.append(_problem(file, f"{int(nameless.sum())} area(s) without a name; their code is shown",
                                 "fill the names", column=str(name_col), severity=Severity.FIXED))
    admin_col = _find(frame, "admin1")
    if admin_col is not None:
        areas["admin1"] = frame[admin_col].map(lambda v: "" if pd.isna(v) else str(v)).astype("str").to_numpy()
    else:
        nearest = shapely.STRtree(places.geometry.to_numpy()).query_nearest(
            areas.geometry.representative_point().to_numpy(), all_matches=False)[1]
        areas["admin1"] = places["admin1"].to_numpy()[nearest]
        problems.append(_problem(file, "no department column; department taken from the nearest GeoNames place",
                                 "add a column 'admin1' (or nombre_dep)", column="admin1", severity=Severity.WARNING))
    pop_col = _find(frame, "population")
    if pop_col is not None:
        pop = pd.to_numeric(frame[pop_col], errors="coerce")
        if pop.isna().any() or (pop < 0).any():
            raise DataError([_problem(file, "population has empty, negative or non-numeric values",
                                      "give whole numbers >= 0, or drop the column to get an estimate",
                                      column=str(pop_col))])
        areas["population"] = pop.round().astype("int64").to_numpy()
        note = f"from {file}, column '{pop_col}'"
    else:
        areas["population"] = _estimate_population(areas, places)
        note = POPULATION_NOTE
        problems.append(_problem(file, "no population column; " + POPULATION_NOTE, "add a column 'population'",
                                 column="population", severity=Severity.WARNING))
    for col in extras.columns:
        if col not in areas.columns:
            areas[col] = extras[col].to_numpy()
    areas = areas[["area_id", "name", "admin1", "population",
                   *[c for c in areas.columns if c not in ("area_id", "name", "admin1", "population", "geometry")],
                   "geometry"]]
    return Boundaries(areas=areas, layer=layer, population_note=note, problems=problems)
