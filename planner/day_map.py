"""One day's route as a printable map: framed on the whole day, with what helps find the way.

The frame holds the start, every stop and the end (office or overnight town) with a
margin, widened to the box's shape; under the route lie department lines, the dataset's
roads when it has them and named towns and villages; a kilometre bar and a north arrow
make distances and direction readable on paper. Everything is inline SVG: no tiles, no
network, the same drawing in the HTML sheet and in its PDF.
"""

from __future__ import annotations

import html
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import shapely
from shapely.geometry.base import BaseGeometry

from planner.route_background import MapBackground
from planner.route_svg import MapPoint, marker_svg

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
                  taken: list[tuple[float, float, float, float]],
                  markers: list[tuple[float, float, float, float]]) -> list[str]:
    """Dots of the most populous places in the frame, each named where its name covers no stop,
    route line, other dot or other name (a dot whose name does not fit is left out)."""
    places = background.places
    if places is None or places.empty:
        return []
    inside = places.cx[frame.west:frame.east, frame.south:frame.north].sort_values("population", ascending=False)
    candidates = [(str(name), *project(point.x, point.y)) for name, point in
                  zip(inside["name"].head(MAX_PLACE_LABELS * 2), inside.geometry.head(MAX_PLACE_LABELS * 2))]
    dots = [(x - 3, y - 3, x + 3, y + 3) for _, x, y in candidates]
    parts: list[str] = []
    for k, (name, x, y) in enumerate(candidates):
        if len(parts) >= MAX_PLACE_LABELS:
            break
        others = taken + dots[:k] + dots[k + 1:]
        under_a_stop = _overlaps(dots[k], markers)  # a town with an office or a stop: name it beside
        if not under_a_stop and _overlaps(dots[k], taken):
            continue
        gap = 13 if under_a_stop else 5
        text_width = 5.6 * len(name)
        # Right, left, above, below the dot: the first spot free of everything already drawn.
        spots = [(x + gap, y + 4, "start"), (x - gap, y + 4, "end"), (x, y - gap - 1, "middle"),
                 (x, y + gap + 8, "middle")]
        for tx, ty, anchor in spots:
            left = tx if anchor == "start" else tx - text_width if anchor == "end" else tx - text_width / 2
            box = (left - 1, ty - 9, left + text_width + 1, ty + 2)
            if box[0] >= 2 and box[2] <= width - 2 and box[1] >= 2 and box[3] <= height - 2 \
                    and not _overlaps(box, others):
                break
        else:
            continue
        taken += [box, dots[k]]
        label = html.escape(name)
        text = f'x="{tx:.1f}" y="{ty:.1f}" font-size="10" font-family="sans-serif" text-anchor="{anchor}"'
        dot = "" if under_a_stop else f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.4" fill="#444"/>'
        parts.append(
            f'<g class="place">{dot}'
            f'<text {text} fill="#fff" stroke="#fff" stroke-width="3">{label}</text>'
            f'<text {text} fill="#333">{label}</text></g>')
    return parts


def _line_boxes(xy: Sequence[tuple[float, float]], step: float = 6.0) -> list[tuple[float, float, float, float]]:
    """Small boxes along the route's segments, so no town name is written across the line."""
    boxes = []
    for (x0, y0), (x1, y1) in itertools.pairwise(xy):
        n = max(1, int(math.hypot(x1 - x0, y1 - y0) / step))
        boxes += [(x0 + (x1 - x0) * i / n - 3, y0 + (y1 - y0) * i / n - 3,
                   x0 + (x1 - x0) * i / n + 3, y0 + (y1 - y0) * i / n + 3) for i in range(n + 1)]
    return boxes


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


Box = tuple[float, float, float, float]


def _layers(points: Sequence[MapPoint], frame: Frame, bg: MapBackground, stroke: str, width: float,
            height: float, reserved: list[Box]) -> list[str]:
    """Background, the route line, town names and the stop markers of one map box."""
    project, _ = _projection(frame, width, height)
    parts = _background(frame, bg, project)
    xy = [project(p.lon, p.lat) for p in points]
    if len(xy) > 1:
        route = shapely.clip_by_rect(shapely.LineString([(p.lon, p.lat) for p in points]),
                                     frame.west, frame.south, frame.east, frame.north)
        line = _path(route, project)
        if line:
            parts.append(f'<path d="{line}" fill="none" stroke="#fff" stroke-width="5.5" stroke-linejoin="round"/>'
                         f'<path d="{line}" fill="none" stroke="{stroke}" stroke-width="3" stroke-linejoin="round"/>')
    markers = [(x - 10, y - 10, x + 10, y + 10) for x, y in xy]
    parts += _place_labels(frame, bg, project, width, height, markers + _line_boxes(xy) + reserved, markers)
    drawn: set[tuple[int, int, str]] = set()
    for p, (x, y) in sorted(zip(points, xy), key=lambda item: item[0].kind != "visit"):
        key = (round(x), round(y), p.kind + p.label)
        if key not in drawn and frame.contains(p.lon, p.lat):
            drawn.add(key)
            parts.append(marker_svg(p, x, y, stroke))
    return parts


def _inset_box(points: Sequence[MapPoint], frame: Frame, width: float, height: float) -> Box | None:
    """Where a close-up of the visits goes, when they crowd a corner of a map stretched by a long
    drive (to or from a far overnight town): the free corner, else ``None`` (no close-up needed)."""
    visits = [p for p in points if p.kind == "visit"]
    if len(visits) < 2:
        return None
    project, _ = _projection(frame, width, height)
    xy = [project(p.lon, p.lat) for p in visits]
    spread = max(max(x for x, _ in xy) - min(x for x, _ in xy), max(y for _, y in xy) - min(y for _, y in xy))
    if spread > INSET_WHEN_SPREAD_BELOW * min(width, height):
        return None
    w, h = INSET_SIZE
    everything = [project(p.lon, p.lat) for p in points]
    corners = [(width - w - 6, height - h - 6), (6, 56), (width - w - 6, 56), (6, height - h - 36)]
    for x0, y0 in corners:
        box = (x0, y0, x0 + w, y0 + h)
        if not any(box[0] - 12 < x < box[2] + 12 and box[1] - 12 < y < box[3] + 12 for x, y in everything):
            return box
    return None


#: A close-up of the visits is added when they span less than this share of the map's short side.
INSET_WHEN_SPREAD_BELOW = 0.25
INSET_SIZE = (250.0, 170.0)


def day_map_svg(points: Sequence[MapPoint], background: MapBackground | None, stroke: str,
                width: int = 680, height: int = 380) -> tuple[str, Frame]:
    """SVG of one day's route over its background, and the frame it shows.

    The frame holds every point; when the visits crowd together far from the rest of the
    day, a close-up of them sits in a free corner (its area outlined on the main map).
    The frame is also written on the ``<svg>`` as ``data-frame="west,south,east,north"``.
    """
    frame = frame_for(points, width, height)
    _, px_per_km = _projection(frame, width, height)
    bg = background or MapBackground()
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="day-map" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" data-frame="{frame.west:.5f},{frame.south:.5f},'
             f'{frame.east:.5f},{frame.north:.5f}">',
             f'<rect width="{width}" height="{height}" fill="#e9eef2"/>']
    reserved: list[Box] = [(width - 34, 0, width, 50), (0, height - 32, 160, height)]  # north arrow, scale bar
    inset = _inset_box(points, frame, width, height)
    if inset is not None:
        reserved.append(inset)
    parts += _layers(points, frame, bg, stroke, width, height, reserved)
    if inset is not None:
        parts += _inset(points, frame, bg, stroke, inset, width, height)
    parts += [_scale_bar(height, px_per_km), _north_arrow(width), "</svg>"]
    return "".join(parts), frame


def _inset(points: Sequence[MapPoint], frame: Frame, bg: MapBackground, stroke: str, box: Box,
           width: float, height: float) -> list[str]:
    """The close-up of the visits at ``box``, and its area outlined on the main map."""
    x0, y0, x1, y1 = box
    w, h = x1 - x0, y1 - y0
    visits = [p for p in points if p.kind == "visit"]
    close = frame_for(visits, w, h)
    near = [p for p in points if close.contains(p.lon, p.lat)]
    close = frame_for(near, w, h)
    project, _ = _projection(frame, width, height)
    (ax, ay), (bx, by) = project(close.west, close.north), project(close.east, close.south)
    parts = [f'<rect class="inset-area" x="{ax:.1f}" y="{ay:.1f}" width="{bx - ax:.1f}" height="{by - ay:.1f}" '
             f'fill="none" stroke="#333" stroke-width="1" stroke-dasharray="3,2"/>',
             f'<g class="inset" transform="translate({x0:.1f},{y0:.1f})">',
             f'<rect width="{w:.1f}" height="{h:.1f}" fill="#e9eef2"/>']
    parts += _layers(points, close, bg, stroke, w, h, [(0, h - 32, 160, h)])
    _, inset_px_per_km = _projection(close, w, h)
    parts += [_scale_bar(h, inset_px_per_km),
              f'<rect width="{w:.1f}" height="{h:.1f}" fill="none" stroke="#333" stroke-width="1.5"/></g>']
    return parts
