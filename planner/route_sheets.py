"""Printable route sheets a team can follow: one template, rendered as HTML and as PDF.

``templates/route_sheet.html.j2`` (Jinja2) lays out, per team, a front page (period,
members, the days at a glance, the demo label, how to report results) and one A4 page per
day: its map framed on the whole day (:mod:`planner.day_map`), then every stop with times,
site, sector, municipality and department, coordinates to 5 decimals, km and minutes from
the previous stop, must-visit and locked marks and a QR code of the stop's ``geo:`` URI.

The HTML is self-contained (inline SVG and CSS, no scripts, no links), so it opens on a
phone with no signal. The PDF is the same HTML printed by WeasyPrint: pip-installable,
it honours CSS page rules (A4, page breaks, page numbers) and draws inline SVG, and the
system library it needs (Pango) is in the base Debian image and installed by
``make run``/``make test`` where missing.
"""

from __future__ import annotations

import base64
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

from jinja2 import Environment, select_autoescape
from markupsafe import Markup

from geodata import formats
from planner.day_map import Frame, day_map_svg
from planner.export_texts import long_date, selection_text, word
from planner.exports import PlanContext
from planner.plan import Plan
from planner.route_svg import MapPoint
from planner.sheet_model import SheetDay, SheetStop, SheetTeam, sheet_teams

#: Line colour of the day maps and visit numbers (one team per sheet: one colour reads best).
ROUTE_COLOUR = "#0b5cad"
#: Day map size in CSS pixels (the PDF scales it to the page width, 188 mm); busy days get a
#: shorter map so their table still fits the day's page: (visits up to, height).
MAP_WIDTH = 720
MAP_HEIGHTS = ((4, 380), (5, 340), (6, 300), (7, 250), (9, 200))
SMALLEST_MAP_HEIGHT = 180


def map_height(visits: int) -> int:
    """Height of a day map for a day with ``visits`` visits."""
    return next((height for most, height in MAP_HEIGHTS if visits <= most), SMALLEST_MAP_HEIGHT)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=False, lstrip_blocks=False)
    return env


@lru_cache(maxsize=1)
def _template_text() -> str:
    return (resources.files("planner") / "templates" / "route_sheet.html.j2").read_text(encoding="utf-8")


def _hhmm(value: datetime | None) -> str:
    """A plan's clock time (already in the dataset's time zone) on the 24-hour clock."""
    return formats.time(value.time()) if value is not None else ""


def _qr(stop: SheetStop) -> Markup:
    """The stop's ``geo:`` URI as a QR code image (segno: pure Python), a link on a phone's screen."""
    return Markup('<a href="{0}"><img alt="{0}" src="{1}"></a>').format(stop.geo_uri, _qr_uri(stop.geo_uri))


@lru_cache(maxsize=4096)
def _qr_uri(text: str) -> str:
    """A PNG data URI of ``text``'s QR code: a small image prints as fast as a vector and
    WeasyPrint lays it out several times faster than an inline SVG of the same code."""
    import segno

    return str(segno.make(text, error="m").png_data_uri(scale=4, border=1))


def _map_image(svg: str, frame: Frame) -> Markup:
    """The day map as an SVG image (a data URI), its frame on the wrapper for readers of the sheet."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Markup('<div class="daymap" data-frame="{:.5f},{:.5f},{:.5f},{:.5f}"><img alt="" '
                  'src="data:image/svg+xml;base64,{}"></div>').format(
        frame.west, frame.south, frame.east, frame.north, data)


def day_points(day: SheetDay) -> list[MapPoint]:
    """The day's stops as map points: visits numbered as in the table."""
    return [MapPoint(s.lon, s.lat, s.kind, str(s.order) if s.kind == "visit" else "", s.name) for s in day.stops]


def day_maps(teams: Sequence[SheetTeam], context: PlanContext) -> dict[tuple[str, int], tuple[str, Frame]]:
    """``(team_id, day number) -> (SVG, frame)`` for every moving day of ``teams``."""
    return {(team.team_id, day.number): day_map_svg(day_points(day), context.background, ROUTE_COLOUR,
                                                   MAP_WIDTH, map_height(len(day.visits)))
            for team in teams for day in team.days}


def sheets_html(plan: Plan, context: PlanContext, lang: str = "es", team_ids: Sequence[str] | None = None) -> str:
    """The route sheets of ``team_ids`` (default: every team) as one HTML document."""
    teams = [t for t in sheet_teams(plan, context, lang) if team_ids is None or t.team_id in team_ids]
    return _render(teams, plan, context, lang)


def _render(teams: Sequence[SheetTeam], plan: Plan, context: PlanContext, lang: str) -> str:
    maps = {key: _map_image(svg, frame) for key, (svg, frame) in day_maps(teams, context).items()}

    def leg(stop: SheetStop) -> Markup:
        if stop.km_from_previous is None or stop.minutes_from_previous is None:
            return Markup("")
        return Markup("{} km<br>{} min").format(formats.decimal(stop.km_from_previous, lang),
                                                 formats.integer(stop.minutes_from_previous, lang))

    title = word("sheet_title", lang) + (f" — {teams[0].name}" if len(teams) == 1 else "")
    template = _environment().from_string(_template_text())
    return template.render(
        lang=lang, title=title, teams=teams, maps=maps, synthetic=context.synthetic, engine=plan.engine,
        dataset=context.dataset, colour=ROUTE_COLOUR, hhmm=_hhmm, qr=_qr, leg=leg,
        dec=lambda value: formats.decimal(value, lang), zone=context.timezone,
        long_date=lambda d: long_date(d, lang), w=lambda code, **fmt: word(code, lang, **fmt),
        selection=lambda stop: selection_text(stop.selection, stop.selection_probability, lang))


def sheets_pdf(html: str) -> bytes:
    """The same HTML printed to PDF (A4) by WeasyPrint."""
    try:
        from weasyprint import HTML
    except OSError as error:  # WeasyPrint is installed but the system's Pango is not
        raise RuntimeError("Route-sheet PDFs need the Pango library: run 'make run' as root, or "
                           "'sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0'; the HTML sheets "
                           f"work without it ({error})") from error

    return HTML(string=html).write_pdf()


def route_sheets_pdf(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """Every team's route sheet in one PDF (a front page per team, then a page per day)."""
    return sheets_pdf(sheets_html(plan, context, lang))


def team_sheet_html(plan: Plan, context: PlanContext, team_id: str, lang: str = "es") -> str:
    """The route sheet of one team as a complete HTML document."""
    return sheets_html(plan, context, lang, [team_id])


def route_sheets_html(plan: Plan, context: PlanContext, lang: str = "es") -> dict[str, str]:
    """``team_id -> HTML`` for every team of the problem (teams without visits say so)."""
    return {team.team_id: _render([team], plan, context, lang) for team in sheet_teams(plan, context, lang)}


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "team"


def sheet_file_name(team_id: str) -> str:
    return f"route-{_slug(team_id)}.html"


def route_sheets_zip(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """Every team's sheet as ``route-<team>.html`` in one ZIP (for a single download)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for team_id, page in route_sheets_html(plan, context, lang).items():
            archive.writestr(sheet_file_name(team_id), page)
    return buffer.getvalue()


def write_route_sheets(plan: Plan, context: PlanContext, folder: str | Path, lang: str = "es") -> list[Path]:
    """Write one HTML sheet per team into ``folder``; returns the paths written."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for team_id, page in route_sheets_html(plan, context, lang).items():
        path = out / sheet_file_name(team_id)
        path.write_text(page, encoding="utf-8")
        written.append(path)
    return written
