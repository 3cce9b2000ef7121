"""Geometry checks: CRS, coordinates from spreadsheet columns, shapes, and points vs areas.

All checks are vectorised with shapely 2 arrays and an STRtree, so a national
dataset is checked in milliseconds. Repairs are made only when they cannot
change the meaning of the data (reprojection, ``make_valid`` that keeps the
kind and the area within 1 %) and are always reported as FIXED.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyproj
import shapely

from geodata.cell_parsers import as_text, closest, parse_numbers
from geodata.contracts import GeometryKind
from geodata.problem_rows import MAX_ROWS_PER_RULE, Findings, format_rows
from geodata.problems import Severity
from geodata.travel.great_circle import haversine_km

LAT_NAMES = ("lat", "latitude", "latitud", "y")
LON_NAMES = ("lon", "lng", "long", "longitude", "longitud", "x")
WKT_NAMES = ("wkt", "geometry", "geom")

#: Points this close to an area (degrees, ~5 km) count as inside: border crossings
#: sit on the border line and boundary files are simplified.
NEAR_AREA_DEGREES = 0.05

#: Points farther than this from every area (km) are errors: about a day's drive, farther than
#: any border post or workplace sits from the areas it is planned for, so the coordinates are
#: wrong (a lost minus sign puts a Bolivian point ~3,500 km away, in the northern hemisphere)
#: or the row belongs to another dataset. Nearer than this (but beyond NEAR_AREA_DEGREES) they
#: are warnings: a dataset may cover only some areas, or a point sits across a generalised boundary.
FAR_FROM_AREAS_KM = 300.0

#: Largest relative area change a repair may make and still count as safe.
MAX_REPAIR_AREA_CHANGE = 0.01

_ALLOWED_TYPES = {"polygon": (3, 6), "point": (0,)}  # shapely type ids
_TYPE_NAMES = {0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
               5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection"}
_KIND_WORDS = {"polygon": "polygons (Polygon or MultiPolygon)", "point": "points"}
_WGS84 = pyproj.CRS.from_epsg(4326)


def _is_wgs84(crs: pyproj.CRS) -> bool:
    try:
        return crs.equals(_WGS84, ignore_axis_order=True) or crs.to_epsg(min_confidence=90) == 4326
    except pyproj.exceptions.CRSError:
        return False


def _in_lonlat_range(geoms: np.ndarray) -> np.ndarray:
    """Per geometry: all coordinates within lon [-180, 180] and lat [-90, 90] (missing ones count as inside)."""
    bounds = shapely.bounds(geoms)
    with np.errstate(invalid="ignore"):
        inside = (bounds[:, 0] >= -180) & (bounds[:, 2] <= 180) & (bounds[:, 1] >= -90) & (bounds[:, 3] <= 90)
    return inside | np.isnan(bounds).any(axis=1)


def to_wgs84(geoms: np.ndarray, crs: pyproj.CRS | None, findings: Findings) -> np.ndarray | None:
    """Geometries in EPSG:4326: reprojected from any CRS; a missing CRS assumed only when coordinates fit lon/lat."""
    if crs is None:
        if _in_lonlat_range(geoms).all():
            findings.add(
                "the file has no CRS; its coordinates look like longitude/latitude, so EPSG:4326 (WGS 84) was assumed",
                hint="include the .prj file (zip it with the .shp) or set the CRS when exporting, to be sure",
                severity=Severity.WARNING,
            )
            return geoms
        bounds = shapely.total_bounds(geoms)
        findings.add(
            f"the file has no CRS and its coordinates look projected (x from {bounds[0]:.0f} to {bounds[2]:.0f}), "
            "so they cannot be placed on the map",
            hint="add the .prj file beside the .shp (zip them together) or set the CRS when exporting",
        )
        return None
    if _is_wgs84(crs):
        return geoms
    name = crs.name
    code = crs.to_epsg(min_confidence=70)
    source = f"{name} (EPSG:{code})" if code else name
    try:
        transformer = pyproj.Transformer.from_crs(crs, _WGS84, always_xy=True)
        projected = shapely.transform(geoms, lambda xy: np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])))
    except Exception as exc:  # pyproj raises several types for unusable CRSs
        findings.add(f"cannot reproject from {source} to EPSG:4326 ({exc})",
                     hint="export the layer in EPSG:4326 (WGS 84)")
        return None
    findings.add(f"reprojected from {source} to EPSG:4326 (WGS 84)",
                 hint="nothing to do; export in EPSG:4326 to skip this step", severity=Severity.FIXED)
    return projected


def _find_column(names: list[str], aliases: tuple[str, ...]) -> str | None:
    lowered = {str(n).strip().lower(): n for n in names}
    for alias in aliases:
        if alias in lowered:
            return lowered[alias]
    return None


def geometry_from_columns(
    frame: pd.DataFrame, kind: GeometryKind, findings: Findings, optional: bool = False
) -> tuple[np.ndarray | None, list[str], str, np.ndarray]:
    """Geometries from lat/lon columns (points) or a WKT column, for spreadsheets.

    Returns (geometries or None, the columns used, a label naming them for
    messages, the rows already reported so later checks skip them). With
    ``optional`` (a layer whose rows may have no point) a row with no coordinate
    at all is fine; one coordinate without the other is still an error.
    """
    reported = np.zeros(len(frame), dtype=bool)
    names = [str(c) for c in frame.columns]
    lat, lon = _find_column(names, LAT_NAMES), _find_column(names, LON_NAMES)
    wkt = _find_column(names, WKT_NAMES)
    if kind == "point" and (lat or lon) and not wkt:
        if not (lat and lon):
            have, missing = (lat, "longitude ('lon')") if lat else (lon, "latitude ('lat')")
            findings.add(f"column '{have}' gives one coordinate but there is no {missing} column",
                         column=have, hint="add both 'lat' and 'lon' columns in decimal degrees")
            return None, [c for c in (lat, lon) if c], "lat/lon", reported
        points = _points_from_latlon(frame, lat, lon, findings, optional)
        return points, [lat, lon], f"{lat}/{lon}", shapely.is_missing(points)
    if wkt:
        text = as_text(frame[wkt])
        no_wkt = np.asarray(text.isna(), dtype=bool)
        cells = text.to_numpy(dtype=object)
        cells[no_wkt] = None
        geoms = shapely.from_wkt(cells, on_invalid="ignore")
        if not optional:
            findings.at_rows(no_wkt, wkt, "is empty; every row needs a geometry",
                             hint="fill in the WKT, e.g. POINT (-68.15 -16.5)")
        findings.at_rows(~no_wkt & shapely.is_missing(geoms), wkt, "is not valid WKT",
                         hint="write geometries as WKT, e.g. POINT (-68.15 -16.5)", values=text.to_numpy(dtype=object))
        return geoms, [wkt], wkt, shapely.is_missing(geoms)
    if kind == "polygon":
        findings.add(
            "this table has no geometry: areas need polygon shapes",
            hint="give the areas as a GeoPackage, GeoJSON or zipped Shapefile, or add a 'wkt' column with polygons",
        )
        return None, [], "geometry", reported
    guess = [c for c in names if closest(c, LAT_NAMES + LON_NAMES + WKT_NAMES + ("latitude", "longitude"), 0.75)]
    hint = "add 'lat' and 'lon' columns in decimal degrees (or a 'wkt' column)"
    if guess:
        hint += f"; columns {', '.join(repr(g) for g in guess)} look close — rename them"
    findings.add("no coordinates: the table has no lat/lon (or wkt) columns", hint=hint)
    return None, [], "lat/lon", reported


def _points_from_latlon(frame: pd.DataFrame, lat: str, lon: str, findings: Findings,
                        optional: bool = False) -> np.ndarray:
    parsed = {}
    # In an optional geometry a row with neither coordinate simply has no point.
    neither = as_text(frame[lat]).isna().to_numpy(dtype=bool) & as_text(frame[lon]).isna().to_numpy(dtype=bool)
    if not optional:
        neither[:] = False
    for column, limit, word in ((lat, 90, "latitude"), (lon, 180, "longitude")):
        text = as_text(frame[column])
        values, bad, comma = parse_numbers(frame[column], text)
        empty = text.isna().to_numpy(dtype=bool) & ~neither
        shown = frame[column].to_numpy(dtype=object)
        findings.at_rows(empty, column, f"is empty; every row needs a {word}", hint="fill in the coordinate in decimal degrees")
        findings.at_rows(bad, column, f"is not a number ({word} in decimal degrees, e.g. -16.5)",
                         hint="write coordinates as decimal degrees, not degrees-minutes-seconds", values=shown)
        with np.errstate(invalid="ignore"):
            out = np.abs(values) > limit
        findings.at_rows(out, column, f"is outside -{limit}..{limit}, so it is not a {word} in degrees",
                         hint="coordinates must be WGS 84 decimal degrees, not metres", values=shown)
        if comma.any():
            findings.add(f"decimal commas read as decimal points ({int(comma.sum())} cell(s))", column=column,
                         severity=Severity.FIXED, hint="nothing to do")
        parsed[column] = np.where(out, np.nan, values)
    points = np.asarray(shapely.points(parsed[lon], parsed[lat]), dtype=object)
    points[np.isnan(parsed[lon]) | np.isnan(parsed[lat])] = None
    return points


def check_shapes(
    geoms: np.ndarray, kind: GeometryKind, findings: Findings, column: str, reported: np.ndarray | None = None
) -> np.ndarray:
    """Null/empty/wrong-kind geometries are errors; invalid polygons are repaired when safe.

    ``reported`` marks rows whose geometry is already explained (e.g. a bad latitude).
    """
    geoms = np.asarray(geoms, dtype=object)
    if shapely.has_z(geoms).any():
        geoms = shapely.force_2d(geoms)
    null = shapely.is_missing(geoms)
    empty = ~null & shapely.is_empty(geoms)
    unexplained = null if reported is None else null & ~reported
    findings.at_rows(unexplained | empty, column, "has no geometry (null or empty)",
                     hint="draw the shape or delete the row")
    types = shapely.get_type_id(geoms)
    present = ~null & ~empty
    if kind == "point":
        single = present & (types == 4) & (shapely.get_num_geometries(geoms) == 1)
        if single.any():
            geoms = np.where(single, shapely.get_geometry(geoms, 0), geoms)
            types = np.where(single, 0, types)
            findings.add(f"{int(single.sum())} single-point MultiPoint geometries read as points",
                         column=column, severity=Severity.FIXED, hint="nothing to do")
    wrong = present & ~np.isin(types, _ALLOWED_TYPES[kind])
    if wrong.any():
        found = sorted({_TYPE_NAMES.get(int(t), str(t)) for t in types[wrong]})
        if wrong.sum() == present.sum():
            findings.add(f"the layer holds {', '.join(found)} geometries, but {findings.layer} must be {_KIND_WORDS[kind]}",
                         column=column, hint="check that this is the right file for this layer")
        else:
            findings.at_rows(wrong, column, f"is not one of the {_KIND_WORDS[kind]} the layer needs",
                             values=[_TYPE_NAMES.get(int(t), str(t)) for t in types],
                             hint="delete the row or replace its geometry")
    checkable = present & ~wrong
    out_of_range = checkable & ~_in_lonlat_range(geoms)
    findings.at_rows(out_of_range, column, "has coordinates outside longitude -180..180 / latitude -90..90",
                     hint="the coordinates are not in EPSG:4326; check the CRS of the file")
    checkable &= ~out_of_range
    invalid = checkable & ~shapely.is_valid(geoms)
    if invalid.any():
        geoms = _repair(geoms, invalid, kind, findings, column)
    return geoms


def _repair(geoms: np.ndarray, invalid: np.ndarray, kind: GeometryKind, findings: Findings, column: str) -> np.ndarray:
    """make_valid where it keeps the kind and the area (within 1 %); an error elsewhere."""
    positions = np.flatnonzero(invalid)
    before = geoms[positions]
    reasons = shapely.is_valid_reason(before)
    if kind == "polygon":
        after = shapely.make_valid(before, method="structure", keep_collapsed=False)
        area_before, area_after = np.abs(shapely.area(before)), shapely.area(after)
        with np.errstate(divide="ignore", invalid="ignore"):
            change = np.abs(area_after - area_before) / area_before
        safe = (np.isin(shapely.get_type_id(after), _ALLOWED_TYPES["polygon"]) & ~shapely.is_empty(after)
                & shapely.is_valid(after) & (area_before > 0) & (change < MAX_REPAIR_AREA_CHANGE))
    else:
        after, change = before, np.full(len(before), np.nan)
        safe = np.zeros(len(before), dtype=bool)
    geoms = geoms.copy()
    geoms[positions[safe]] = after[safe]
    shown = {True: 0, False: 0}
    for pos, reason, ok, delta in zip(positions, reasons, safe, change):
        shown[bool(ok)] += 1
        if shown[bool(ok)] > MAX_ROWS_PER_RULE:
            continue
        row = int(findings.rows[pos])
        if ok:
            findings.add(f"invalid geometry ({reason}) repaired; the area changed by {delta:.3%}",
                         column=column, row=row, severity=Severity.FIXED,
                         hint="nothing to do; fix it at the source to skip this step")
        else:
            findings.add(f"invalid geometry ({reason}) that cannot be repaired without changing the shape",
                         column=column, row=row,
                         hint="fix it in QGIS (Vector ▸ Geometry Tools ▸ Fix Geometries) and check the result")
    for ok, count in shown.items():
        if count > MAX_ROWS_PER_RULE:
            rest = positions[safe == ok][MAX_ROWS_PER_RULE:]
            findings.add(f"{count - MAX_ROWS_PER_RULE} more invalid geometries "
                         + ("repaired" if ok else "that cannot be repaired") + ": rows " + format_rows(findings.rows[rest]),
                         column=column, severity=Severity.FIXED if ok else Severity.ERROR,
                         hint="nothing to do" if ok else "fix them in QGIS (Vector ▸ Geometry Tools ▸ Fix Geometries)")
    return geoms


def area_index(areas: np.ndarray) -> shapely.STRtree:
    """A spatial index of the area polygons, built once for every point layer."""
    areas = np.asarray(areas, dtype=object)
    return shapely.STRtree(areas[~shapely.is_missing(areas) & ~shapely.is_empty(areas)])


def check_points_in_areas(points: np.ndarray, tree: shapely.STRtree, findings: Findings, label: str,
                          ids: np.ndarray | None = None, id_name: str | None = None) -> None:
    """Swapped lat/lon (ERROR), and points outside every area by distance: an ERROR beyond
    :data:`FAR_FROM_AREAS_KM`, a WARNING nearer. ``ids`` name each point in the messages."""
    points = np.asarray(points, dtype=object)
    present = ~shapely.is_missing(points) & ~shapely.is_empty(points) & (shapely.get_type_id(points) == 0)
    if not len(tree.geometries) or not present.any():
        return
    inside = np.zeros(len(points), dtype=bool)
    query_points = points.copy()
    query_points[~present] = None
    hits = tree.query(query_points, predicate="dwithin", distance=NEAR_AREA_DEGREES)
    inside[hits[0]] = True
    outside = present & ~inside
    if not outside.any():
        return
    swapped_points = np.full(len(points), None, dtype=object)
    swapped_points[outside] = shapely.points(shapely.get_y(points[outside]), shapely.get_x(points[outside]))
    swapped_hits = tree.query(swapped_points, predicate="dwithin", distance=NEAR_AREA_DEGREES)
    fits_swapped = np.zeros(len(points), dtype=bool)
    fits_swapped[swapped_hits[0]] = True
    swapped = outside & fits_swapped
    if swapped.any():
        findings.listing_rows(
            swapped, label,
            f"{int(swapped.sum())} point(s) fall outside every area but would fall inside with latitude "
            f"and longitude swapped: the coordinates in '{label}' look swapped",
            hint="latitude is north-south (about -10 to -23 in Bolivia), longitude east-west (about -57 to -70); swap them",
        )
    elsewhere = outside & ~fits_swapped
    if elsewhere.any():
        _report_distances(points, np.flatnonzero(elsewhere), tree, findings, label, ids, id_name)


def _report_distances(points: np.ndarray, positions: np.ndarray, tree: shapely.STRtree, findings: Findings,
                      label: str, ids: np.ndarray | None, id_name: str | None) -> None:
    """Each point outside every area with its distance to the nearest one; far ones are errors."""
    query, nearest = tree.query_nearest(points[positions], all_matches=False)
    lines = shapely.shortest_line(points[positions[query]], tree.geometries[nearest])
    ends = shapely.get_coordinates(lines).reshape(-1, 2, 2)
    km = np.full(len(positions), np.nan)
    km[query] = haversine_km(ends[:, 0, 0], ends[:, 0, 1], ends[:, 1, 0], ends[:, 1, 1])
    far = km > FAR_FROM_AREAS_KM
    for severity, mask in ((Severity.ERROR, far), (Severity.WARNING, ~far)):
        chosen = positions[mask]
        distances = km[mask]
        for pos, dist in list(zip(chosen, distances))[:MAX_ROWS_PER_RULE]:
            who = f"{id_name} '{ids[pos]}'" if ids is not None and id_name else "the point"
            findings.add(f"{who} lies outside every area, {dist:,.0f} km from the nearest one", column=label,
                         row=int(findings.rows[pos]), severity=severity, hint=_FAR_HINT if severity is Severity.ERROR
                         else "check the coordinates; a point outside the areas is not linked to any area")
        if len(chosen) > MAX_ROWS_PER_RULE:
            findings.add(f"{len(chosen) - MAX_ROWS_PER_RULE} more point(s) outside every area: rows "
                         + format_rows(findings.rows[chosen[MAX_ROWS_PER_RULE:]]), column=label, severity=severity,
                         hint=_FAR_HINT if severity is Severity.ERROR else "check the coordinates")


_FAR_HINT = (f"more than {FAR_FROM_AREAS_KM:.0f} km from every area, the coordinates are wrong (a typo, a lost "
             "minus sign, degrees-minutes) or the point belongs to another dataset; correct or delete the row")
