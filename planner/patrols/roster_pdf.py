"""The printable roster: one A4 page per unit with its week, places, times and a small map.

Drawn with matplotlib's PDF backend: it installs from PyPI as wheels with everything it
needs (no system Cairo or Pango, no browser), ships DejaVu fonts with the accents and
arrows the place names use, and draws the map from the same Natural Earth outlines as the
app, offline. The route sheets use an HTML template; a roster page is a short table and a
map, for which a plotting library is simpler than a layout engine.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING

import numpy as np
import shapely

from geodata import formats
from geodata.basemap import countries_around
from planner.export_texts import word
from planner.patrols.model import SHIFTS, slot_shift
from planner.patrols.roster import Roster
from planner.patrols.roster_words import (
    RosterContext,
    base_name,
    shift_records,
    shift_words,
    short_place,
    week_dates,
)

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from shapely.geometry.base import BaseGeometry

#: A4 portrait in inches.
A4 = (8.27, 11.69)
#: Table columns: header code, x position (share of the page width), wrap width in characters.
COLUMNS: tuple[tuple[str, float, int], ...] = (
    ("#", 0.05, 3), ("date", 0.08, 19), ("shift", 0.26, 19), ("place", 0.45, 32), ("place_kind", 0.74, 15),
    ("minutes_from_base", 0.86, 11),
)
UNIT_COLOUR, PLACE_COLOUR, BOLIVIA_FILL, NEIGHBOUR_FILL = "#1f3b73", "#c0392b", "#f4f1e8", "#e3e3e3"


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(str(text), width) or [""]


def _header(fig: Figure, roster: Roster, u: int, context: RosterContext) -> float:
    """Title, week with its dates, base; returns the height (page share) where the table starts."""
    lang, unit, dates = context.lang, roster.problem.units[u], week_dates(context.week)
    title = textwrap.wrap(word("roster_title", lang, unit=unit.name), 70)
    fig.text(0.06, 0.965, "\n".join(title), fontsize=13, weight="bold", va="top")
    shift = 0.017 * (len(title) - 1)
    fig.text(0.06, 0.93 - shift, word("roster_week", lang, week=context.week, first=formats.date(dates[0], lang),
                              last=formats.date(dates[-1], lang)), fontsize=11)
    fig.text(0.06, 0.91 - shift, word("roster_base", lang, base=base_name(roster, u, context), crew=unit.crew),
             fontsize=10)
    top = 0.885 - shift
    if context.synthetic:
        fig.text(0.06, top, word("synthetic", lang), fontsize=9, color="#b03a2e", weight="bold")
        top -= 0.022
    return top


def _table(fig: Figure, rows: list[dict], context: RosterContext, top: float) -> float:
    """The unit's shifts, one numbered row each, place names wrapped (never cut); returns the bottom."""
    lang, line = context.lang, 0.0145
    header_lines = 1
    for code, x, width in COLUMNS:
        label = _wrap(code if code == "#" else word(code, lang), width)
        header_lines = max(header_lines, len(label))
        fig.text(x, top, "\n".join(label), fontsize=9, weight="bold", va="top", linespacing=1.2)
    y = top - line * header_lines - 0.004
    fig.add_artist(_rule(y))
    y -= line
    if not rows:
        fig.text(0.06, y, word("roster_no_shifts", lang), fontsize=10, style="italic")
        return y - line
    for n, r in enumerate(rows, start=1):
        values = {"#": str(n), "date": f"{r['day']} {r['date']}",
                  "shift": shift_words(SHIFTS[slot_shift(r["slot"])], lang),
                  "place": r["place"], "place_kind": r["place_kind"],
                  "minutes_from_base": formats.integer(r["minutes_from_base"], lang)}
        height = 1
        for code, x, width in COLUMNS:
            lines = _wrap(values[code], width)
            height = max(height, len(lines))
            fig.text(x, y, "\n".join(lines), fontsize=9, va="top", linespacing=1.3)
        y -= line * height + 0.006
    return y


def _rule(y: float) -> Line2D:
    from matplotlib.lines import Line2D

    return Line2D([0.05, 0.95], [y, y], color="#555555", linewidth=0.6)


def _map(fig: Figure, roster: Roster, u: int, rows: list[dict], context: RosterContext, bottom: float) -> None:
    """Base, places (numbered by table row) and country outlines with names, framed on the unit's places."""
    p, unit = roster.problem, roster.problem.units[u]
    numbers: dict[int, list[str]] = {}
    for n, r in enumerate(rows, start=1):
        numbers.setdefault(r["t"], []).append(str(n))
    geoms = [p.targets[t].geometry for t in numbers] + [shapely.Point(unit.lon, unit.lat)]
    height = min(0.42, bottom - 0.12)
    box = _frame(shapely.GeometryCollection(geoms).bounds, (0.88 * A4[0]) / (height * A4[1]))
    ax = fig.add_axes((0.06, 0.085, 0.88, height))
    countries = countries_around(box).clip(shapely.box(*box))
    for row in countries.itertuples():
        fill = BOLIVIA_FILL if row.is_bolivia else NEIGHBOUR_FILL
        _polygon(ax, row.geometry, fill)
        if not row.geometry.is_empty and row.geometry.area > 0.02 * (box[2] - box[0]) * (box[3] - box[1]):
            at = row.geometry.representative_point()
            name = row.name_en if context.lang == "en" else row.name
            ax.text(at.x, at.y, str(name).upper(), fontsize=8, color="#8a8a8a", ha="center", alpha=0.8)
    for t, labels in numbers.items():
        target = p.targets[t]
        if target.kind == "stretch":
            xs, ys = target.geometry.xy
            ax.plot(xs, ys, color=PLACE_COLOUR, linewidth=2.5)
        at = target.geometry.centroid if target.kind == "stretch" else target.geometry
        ax.plot([at.x], [at.y], "o", color=PLACE_COLOUR, markersize=6)
        ax.annotate(f"{', '.join(labels)}: {short_place(target)}", (at.x, at.y), xytext=(5, 4),
                    textcoords="offset points", fontsize=8, color="#222222")
    ax.plot([unit.lon], [unit.lat], "s", color=UNIT_COLOUR, markersize=8)
    ax.annotate(base_name(roster, u, context), (unit.lon, unit.lat), xytext=(5, -10), textcoords="offset points",
                fontsize=8, color=UNIT_COLOUR, weight="bold")
    ax.set_xlim(box[0], box[2])
    ax.set_ylim(box[1], box[3])
    ax.set_aspect(1.0 / _shrink(box))
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_title(word("roster_map_title", context.lang), fontsize=10, loc="left", weight="bold")
    ax.text(0.0, -0.03, word("roster_map_legend", context.lang), transform=ax.transAxes, fontsize=7.5,
            va="top", color="#444444")


def _shrink(box: tuple[float, float, float, float]) -> float:
    """How much shorter a degree of longitude is than one of latitude in the middle of ``box``."""
    return max(0.2, float(np.cos(np.radians((box[1] + box[3]) / 2))))


def _frame(bounds: tuple[float, float, float, float], width_over_height: float) -> tuple[float, float, float, float]:
    """``bounds`` padded (at least 0.3 degrees) and widened or heightened to the map's shape, centred."""
    west, south, east, north = bounds
    pad = max(0.3, 0.15 * max(east - west, north - south))
    west, south, east, north = west - pad, south - pad, east + pad, north + pad
    k = _shrink((west, south, east, north))
    width, height = (east - west) * k, north - south
    if width / height < width_over_height:
        extra = (height * width_over_height / k - (east - west)) / 2
        west, east = west - extra, east + extra
    else:
        extra = ((east - west) * k / width_over_height - height) / 2
        south, north = south - extra, north + extra
    return (west, south, east, north)


def _polygon(ax: Axes, geometry: BaseGeometry, fill: str) -> None:
    for part in getattr(geometry, "geoms", [geometry]):
        if part.geom_type == "Polygon":
            xs, ys = part.exterior.xy
            ax.fill(xs, ys, facecolor=fill, edgecolor="#9a9a9a", linewidth=0.6)
        elif part.geom_type == "MultiPolygon":
            _polygon(ax, part, fill)


def roster_pdf(roster: Roster, context: RosterContext) -> bytes:
    """The roster as a PDF: exactly one A4 page per unit (units without shifts say so)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    records = shift_records(roster, context)
    buffer = io.BytesIO()
    with PdfPages(buffer, metadata={"Title": word("roster_title", context.lang, unit=context.week),
                                    "Creator": "Vigía"}) as pdf:
        for u in range(roster.problem.n_units):
            fig = Figure(figsize=A4)
            rows = [r for r in records if r["u"] == u]
            top = _header(fig, roster, u, context)
            bottom = _table(fig, rows, context, top - 0.01)
            _map(fig, roster, u, rows, context, bottom)
            fig.text(0.06, 0.04, word("roster_times", context.lang, zone=context.timezone), fontsize=7.5,
                     color="#444444", wrap=True)
            fig.text(0.06, 0.025, word("roster_secret", context.lang), fontsize=7.5, color="#444444")
            pdf.savefig(fig)
    return buffer.getvalue()
