"""A small static route map as inline SVG, drawn from coordinates alone.

Route sheets are printed and carried to places with no signal, so their map must
not need tiles, JavaScript or a network: a few lines, numbered circles and the
office, scaled to the team's own extent, are enough to see the order of stops.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from planner.palette import colour


@dataclass(frozen=True)
class MapPoint:
    """One point of a drawn route: ``kind`` is ``office``, ``visit`` or ``overnight``."""

    lon: float
    lat: float
    kind: str
    label: str = ""
    title: str = ""


def _projector(points: Sequence[MapPoint], width: float, height: float, pad: float):
    """Equirectangular projection scaled (cos latitude) to fit the box, north up."""
    lons = [p.lon for p in points]
    lats = [p.lat for p in points]
    mid_lat = math.radians((min(lats) + max(lats)) / 2)
    kx = math.cos(mid_lat)
    span_x = max((max(lons) - min(lons)) * kx, 1e-3)
    span_y = max(max(lats) - min(lats), 1e-3)
    scale = min((width - 2 * pad) / span_x, (height - 2 * pad) / span_y)
    off_x = (width - span_x * scale) / 2
    off_y = (height - span_y * scale) / 2
    west, north = min(lons), max(lats)

    def project(lon: float, lat: float) -> tuple[float, float]:
        return off_x + (lon - west) * kx * scale, off_y + (north - lat) * scale

    return project


def _scale_bar(width: float, height: float, pixels_per_degree_x: float) -> str:
    """A round-number kilometre bar, bottom left, so distances can be judged on paper."""
    km_per_pixel = 111.32 / max(pixels_per_degree_x, 1e-9)
    target = km_per_pixel * width / 4
    nice = next((n for n in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000) if n >= target), 1000)
    length = nice / km_per_pixel
    y = height - 10
    return (f'<g class="scale"><line x1="10" y1="{y:.1f}" x2="{10 + length:.1f}" y2="{y:.1f}" '
            f'stroke="#333" stroke-width="2"/><text x="10" y="{y - 4:.1f}" font-size="10" '
            f'fill="#333">{nice} km</text></g>')


def marker_svg(p: MapPoint, x: float, y: float, stroke: str) -> str:
    """Office square, overnight triangle or numbered visit circle, with a hover title."""
    title = f"<title>{html.escape(p.title)}</title>" if p.title else ""
    if p.kind == "office":
        return (f'<rect class="office" x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" '
                f'fill="#111" stroke="#fff" stroke-width="1.5">{title}</rect>')
    if p.kind == "overnight":
        return (f'<polygon class="overnight" points="{x:.1f},{y - 8:.1f} {x - 7:.1f},{y + 5:.1f} '
                f'{x + 7:.1f},{y + 5:.1f}" fill="#ffd84d" stroke="#111" stroke-width="1.2">{title}</polygon>')
    return (f'<g class="visit"><circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="#fff" stroke="{stroke}" '
            f'stroke-width="2">{title}</circle><text x="{x:.1f}" y="{y + 3.5:.1f}" font-size="10" '
            f'text-anchor="middle" font-family="sans-serif" fill="#111">{html.escape(p.label)}</text></g>')


def route_svg(
    routes: Sequence[Sequence[MapPoint]],
    colours: Sequence[str] | None = None,
    width: int = 520,
    height: int = 360,
    fit: Sequence[MapPoint] | None = None,
) -> str:
    """SVG of one or more routes; each route's points are drawn in order and joined.

    Offices are squares, overnight places triangles, visits numbered circles
    (``label`` is the number). ``colours`` gives each route's line colour. ``fit``
    (default: every point) sets the extent; lines to points outside it run off the edge,
    which keeps a day's visits readable when its start or end is far away.
    """
    points = [p for route in routes for p in route]
    if not points:
        return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"></svg>'
    pad = 22.0
    project = _projector(list(fit) if fit else points, width, height, pad)
    lats = [p.lat for p in points]
    mid_lat = (min(lats) + max(lats)) / 2
    x0, _ = project(0.0, mid_lat)
    x1, _ = project(1.0, mid_lat)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="route-map" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img">',
             f'<rect width="{width}" height="{height}" fill="#f7f7f4" stroke="#bbb"/>']
    for index, route in enumerate(routes):
        stroke = (colours[index] if colours and index < len(colours) else colour(index))
        xy = [project(p.lon, p.lat) for p in route]
        if len(xy) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in xy)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{stroke}" stroke-width="2.2" '
                         f'stroke-linejoin="round" opacity="0.85"/>')
    drawn: set[tuple[int, int, str]] = set()
    # Visits first, then offices and overnight places on top: they are small and anchor the reading.
    layered = [(index, p) for index, route in enumerate(routes) for p in route if p.kind == "visit"] + \
              [(index, p) for index, route in enumerate(routes) for p in route if p.kind != "visit"]
    for index, p in layered:
        stroke = (colours[index] if colours and index < len(colours) else colour(index))
        x, y = project(p.lon, p.lat)
        key = (round(x), round(y), p.kind + p.label)
        if key not in drawn:
            drawn.add(key)
            parts.append(marker_svg(p, x, y, stroke))
    parts.append(_scale_bar(width, height, (x1 - x0) / math.cos(math.radians(mid_lat))))
    parts.append("</svg>")
    return "".join(parts)
