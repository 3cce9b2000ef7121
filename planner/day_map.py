"""One day's route as a printable map: framed on the whole day, with what helps find the way.

The frame holds the start, every stop and the end (office or overnight town) with a
margin, widened to the box's shape; under the route lie department lines, the dataset's
roads when it has them and named towns and villages; a kilometre bar and a north arrow
make distances and direction readable on paper. Everything is inline SVG: no tiles, no
network, the same drawing in the HTML sheet and in its PDF.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from planner.route_background import MapBackground
from planner.route_svg import MapPoint, _marker

#: Margin around the day's points, as a share of their span (each side) and at least this many degrees.
MARGIN_SHARE = 0.12
MIN_MARGIN_DEG = 0.03
#: Town labels drawn at most (the most populous first, never over another label or a stop).
MAX_PLACE_LABELS = 18

Project = Callable[[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Frame:
    """The lon/lat box a day map shows (west, south, east, north)."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


def frame_for(points: Sequence[MapPoint], width: float, height: float) -> Frame:
    """The box around ``points`` plus a margin, stretched to the ``width:height`` shape (north up)."""
    lons, lats = [p.lon for p in points], [p.lat for p in points]
    kx = math.cos(math.radians((min(lats) + max(lats)) / 2))
    pad_x = max((max(lons) - min(lons)) * MARGIN_SHARE, MIN_MARGIN_DEG / kx)
    pad_y = max((max(lats) - min(lats)) * MARGIN_SHARE, MIN_MARGIN_DEG)
    west, east, south, north = min(lons) - pad_x, max(lons) + pad_x, min(lats) - pad_y, max(lats) + pad_y
    span_x, span_y = (east - west) * kx, north - south
    if span_x / span_y < width / height:  # too tall: widen
        grow = (span_y * width / height / kx - (east - west)) / 2
        west, east = west - grow, east + grow
    else:
        grow = (span_x * height / width - span_y) / 2
        south, north = south - grow, north + grow
    return Frame(west, south, east, north)


def _projection(frame: Frame, width: float, height: float) -> tuple[Project, float]:
    """Equirectangular projection of ``frame`` onto the box, and pixels per kilometre."""
    kx = math.cos(math.radians((frame.south + frame.north) / 2))
    scale = min(width / ((frame.east - frame.west) * kx), height / (frame.north - frame.south))

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - frame.west) * kx * scale, (frame.north - lat) * scale

    return project, scale / 111.32


def _path(geometry: BaseGeometry, project: Project) -> str:
    """SVG path data of a (multi)polygon's rings or a (multi)line."""
    parts = []
    for line in _lines(geometry):
        xy = [project(x, y) for x, y in line.coords]
        if len(xy) > 1:
            parts.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in xy))
    return " ".join(parts)


def _lines(geometry: BaseGeometry) -> list:
    if geometry.is_empty:
        return []
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return _lines(geometry.boundary)
    if geometry.geom_type == "LineString":
        return [geometry]
    if hasattr(geometry, "geoms"):
        return [line for part in geometry.geoms for line in _lines(part)]
    return []


def _clipped(frame: Frame, geometries: Sequence[BaseGeometry]) -> list[BaseGeometry]:
    box = (frame.west, frame.south, frame.east, frame.north)
    return [g for g in (shapely.clip_by_rect(geom, *box) for geom in geometries) if not g.is_empty]


def _background(frame: Frame, background: MapBackground, project: Project) -> list[str]:
    parts: list[str] = []
    if background.departments is not None:
        shown = _clipped(frame, list(background.departments.geometry))
        land = " ".join(_fill_path(g, project) for g in shown)
        if land:
            parts.append(f'<path class="land" d="{land}" fill="#fbfaf4" fill-rule="evenodd" stroke="none"/>')
        lines = " ".join(_path(g, project) for g in shown)
        if lines:
            parts.append(f'<path class="department" d="{lines}" fill="none" stroke="#8c8c8c" '
                         f'stroke-width="1.1" stroke-dasharray="5,3"/>')
    if background.roads is not None:
        shown = _clipped(frame, list(background.roads.geometry))
        lines = " ".join(_path(g, project) for g in shown)
        if lines:
            parts.append(f'<path class="road" d="{lines}" fill="none" stroke="#c8873a" stroke-width="1.4"/>')
    return parts


def _fill_path(geometry: BaseGeometry, project: Project) -> str:
    """Closed rings of the polygons in ``geometry`` (lines are skipped)."""
    polygons = [geometry] if geometry.geom_type == "Polygon" else \
        [g for g in getattr(geometry, "geoms", []) if g.geom_type == "Polygon"]
    rings = []
    for polygon in polygons:
        for ring in (polygon.exterior, *polygon.interiors):
            xy = [project(x, y) for x, y in ring.coords]
            rings.append("M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + " Z")
    return " ".join(rings)


def _overlaps(box: tuple[float, float, float, float], taken: list[tuple[float, float, float, float]]) -> bool:
    x0, y0, x1, y1 = box
    return any(x0 < b2 and b0 < x1 and y0 < b3 and b1 < y1 for b0, b1, b2, b3 in taken)


def _place_labels(frame: Frame, background: MapBackground, project: Project, width: float, height: float,
                  taken: list[tuple[float, float, float, float]]) -> list[str]:
    """Dots and names of the most populous places in the frame, never over a stop or another name."""
    places = background.places
    if places is None or places.empty:
        return []
    inside = places.cx[frame.west:frame.east, frame.south:frame.north].sort_values("population", ascending=False)
    parts: list[str] = []
    for name, point in zip(inside["name"], inside.geometry):
        if len(parts) >= MAX_PLACE_LABELS:
            break
        x, y = project(point.x, point.y)
        text_width = 5.6 * len(str(name))
        # Right, left, above, below the dot: the first spot free of stops and other names.
        spots = [(x + 5, y + 4, "start"), (x - 5, y + 4, "end"), (x, y - 7, "middle"), (x, y + 15, "middle"),
                 (x + 13, y + 4, "start"), (x - 13, y + 4, "end"), (x, y - 14, "middle"), (x, y + 22, "middle")]
        for tx, ty, anchor in spots:
            left = tx if anchor == "start" else tx - text_width if anchor == "end" else tx - text_width / 2
            box = (left - 1, ty - 10, left + text_width + 1, ty + 2)
            if box[0] >= 2 and box[2] <= width - 2 and box[1] >= 2 and box[3] <= height - 2 \
                    and not _overlaps(box, taken):
                break
        else:
            continue
        taken.append(box)
        label = html.escape(str(name))
        text = f'x="{tx:.1f}" y="{ty:.1f}" font-size="10" font-family="sans-serif" text-anchor="{anchor}"'
        parts.append(
            f'<g class="place"><circle cx="{x:.1f}" cy="{y:.1f}" r="2.4" fill="#444"/>'
            f'<text {text} fill="#fff" stroke="#fff" stroke-width="3">{label}</text>'
            f'<text {text} fill="#333">{label}</text></g>')
    return parts


def _scale_bar(height: float, px_per_km: float) -> str:
    """A round-number kilometre bar, bottom left, on a white plate."""
    target = 120 / max(px_per_km, 1e-9)
    nice = next((n for n in (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if n >= target * 0.6), 1000)
    length = nice * px_per_km
    y = height - 12
    text = f"{nice:g} km"
    return (f'<g class="scale"><rect x="6" y="{y - 16:.1f}" width="{length + 12:.1f}" height="24" fill="#fff" '
            f'opacity="0.85"/><line x1="12" y1="{y:.1f}" x2="{12 + length:.1f}" y2="{y:.1f}" stroke="#222" '
            f'stroke-width="3"/><text x="12" y="{y - 5:.1f}" font-size="10" font-family="sans-serif" '
            f'fill="#222">{text}</text></g>')


def _north_arrow(width: float) -> str:
    x = width - 22
    return (f'<g class="north"><polygon points="{x:.1f},8 {x - 8:.1f},30 {x:.1f},25 {x + 8:.1f},30" '
            f'fill="#222"/><text x="{x:.1f}" y="44" font-size="12" font-weight="bold" text-anchor="middle" '
            f'font-family="sans-serif" fill="#222">N</text></g>')


def day_map_svg(points: Sequence[MapPoint], background: MapBackground | None, stroke: str,
                width: int = 680, height: int = 380) -> tuple[str, Frame]:
    """SVG of one day's route over its background, and the frame it shows.

    The frame is also written on the ``<svg>`` as ``data-frame="west,south,east,north"``
    so a reader of the sheet can check what the map covers.
    """
    frame = frame_for(points, width, height)
    project, px_per_km = _projection(frame, width, height)
    bg = background or MapBackground()
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="day-map" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" data-frame="{frame.west:.5f},{frame.south:.5f},'
             f'{frame.east:.5f},{frame.north:.5f}">',
             f'<rect width="{width}" height="{height}" fill="#e9eef2"/>']
    parts += _background(frame, bg, project)
    xy = [project(p.lon, p.lat) for p in points]
    if len(xy) > 1:
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#fff" stroke-width="5.5" '
                     f'stroke-linejoin="round"/><polyline points="{line}" fill="none" stroke="{stroke}" '
                     f'stroke-width="3" stroke-linejoin="round"/>')
    taken = [(x - 10, y - 10, x + 10, y + 10) for x, y in xy]
    taken.append((width - 34, 0, width, 50))  # north arrow
    taken.append((0, height - 32, 160, height))  # scale bar
    parts += _place_labels(frame, bg, project, width, height, taken)
    drawn: set[tuple[int, int, str]] = set()
    for p, (x, y) in sorted(zip(points, xy), key=lambda item: item[0].kind != "visit"):
        key = (round(x), round(y), p.kind + p.label)
        if key not in drawn:
            drawn.add(key)
            parts.append(_marker(p, x, y, stroke))
    parts += [_scale_bar(height, px_per_km), _north_arrow(width), "</svg>"]
    return "".join(parts), frame
