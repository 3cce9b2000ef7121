"""Files a team carries into the field: GPX and KML for navigation apps, route sheets as PDF or HTML.

GPX 1.1 (OsmAnd, Organic Maps, QGIS): one ``<rte>`` per team-day through its start, every
stop and its end, and one ``<wpt>`` per visit whose description gives the team, the day,
the order and the times. KML: one folder per team-day holding the day's line (in the
team's colour) and a placemark per visit. Both read the same sheet model as the printed
sheets (:mod:`planner.sheet_model`), so names, order and times agree everywhere.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from geodata import formats
from planner.export_texts import long_date, selection_text, word
from planner.exports import PlanContext
from planner.palette import colours_for
from planner.plan import Plan
from planner.route_sheets import route_sheets_pdf, sheets_html
from planner.sheet_model import SheetDay, SheetStop, SheetTeam, sheet_teams

#: Formats :func:`field_file_bytes` writes, by file extension.
FIELD_FORMATS = ("gpx", "kml", "pdf", "html")

GPX_NS = "http://www.topografix.com/GPX/1/1"
KML_NS = "http://www.opengis.net/kml/2.2"
#: Namespace of Vigía's GPX extensions (``<extensions>`` of a waypoint): machine-readable fields
#: a navigation app ignores and a script reading results back can use.
VIGIA_NS = "https://vigia.bo/gpx/1"


def _selection_fields(stop: SheetStop) -> dict[str, str]:
    """``selection`` and ``selection_probability`` as plain codes (empty probability for a targeted visit)."""
    probability = stop.selection_probability
    return {"selection": stop.selection,
            "selection_probability": "" if probability is None else repr(float(probability))}


def _hhmm(value: datetime | None) -> str:
    """A plan's clock time (already in the dataset's time zone) on the 24-hour clock."""
    return formats.time(value.time()) if value is not None else "–"


def _route_name(team: SheetTeam, day: SheetDay, lang: str) -> str:
    return word("nav_route", lang, team=team.name, n=day.number, date=long_date(day.day, lang))


def _stop_name(stop: SheetStop, lang: str) -> str:
    return word("nav_stop", lang, order=stop.order, place=stop.name) if stop.kind == "visit" else stop.name


def _stop_description(team: SheetTeam, day: SheetDay, stop: SheetStop, lang: str) -> str:
    details = [f"{stop.site_id} · {word('sector', lang)}: {stop.sector}" if stop.kind == "visit" else "",
               ", ".join(p for p in (stop.municipality, stop.department) if p),
               f"{stop.lat:.5f}, {stop.lon:.5f}"]
    if stop.km_from_previous is not None:
        details.append(f"{word('leg', lang)}: {formats.decimal(stop.km_from_previous, lang)} km, "
                       f"{formats.integer(stop.minutes_from_previous, lang)} min")
    marks = [word(m, lang) for m, on in (("must_visit", stop.must_visit), ("locked", stop.locked)) if on]
    if marks:
        details.append(" · ".join(marks))
    if stop.kind == "visit":
        details.append(selection_text(stop.selection, stop.selection_probability, lang))
    return word("nav_description", lang, team=team.name, n=day.number, date=long_date(day.day, lang),
                order=stop.order, arrive=_hhmm(stop.arrive), depart=_hhmm(stop.depart),
                details="\n".join(d for d in details if d))


def _day_description(day: SheetDay, lang: str) -> str:
    return word("nav_day_description", lang, km=formats.decimal(day.km, lang),
                hours=formats.decimal(day.drive_minutes / 60, lang), visits=formats.integer(len(day.visits), lang),
                end=day.end.name)


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _bytes(root: ET.Element) -> bytes:
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_gpx(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """GPX 1.1: a waypoint per visit, a route per team-day (start, stops, end)."""
    ET.register_namespace("", GPX_NS)
    ET.register_namespace("vigia", VIGIA_NS)
    root = ET.Element(f"{{{GPX_NS}}}gpx", {"version": "1.1", "creator": "Vigía"})
    metadata = _sub(root, f"{{{GPX_NS}}}metadata")
    _sub(metadata, f"{{{GPX_NS}}}name", word("sheet_title", lang))
    if context.synthetic:
        _sub(metadata, f"{{{GPX_NS}}}desc", word("synthetic", lang))
    teams = sheet_teams(plan, context, lang)
    utc = ZoneInfo("UTC")
    local = ZoneInfo(context.timezone)
    for team in teams:
        for day in team.days:
            for stop in day.visits:
                point = _sub(root, f"{{{GPX_NS}}}wpt", lat=f"{stop.lat:.6f}", lon=f"{stop.lon:.6f}")
                if stop.arrive is not None:
                    when = stop.arrive.replace(tzinfo=local).astimezone(utc)
                    _sub(point, f"{{{GPX_NS}}}time", f"{when:%Y-%m-%dT%H:%M:%SZ}")
                name = f"{team.name} · {word('day', lang)} {day.number} · {_stop_name(stop, lang)}"
                _sub(point, f"{{{GPX_NS}}}name", name)
                _sub(point, f"{{{GPX_NS}}}desc", _stop_description(team, day, stop, lang))
                _sub(point, f"{{{GPX_NS}}}type", word("must_visit", lang) if stop.must_visit else word("site", lang))
                extensions = _sub(point, f"{{{GPX_NS}}}extensions")
                for key, value in _selection_fields(stop).items():
                    _sub(extensions, f"{{{VIGIA_NS}}}{key}", value)
    for team in teams:
        for day in team.days:
            route = _sub(root, f"{{{GPX_NS}}}rte")
            _sub(route, f"{{{GPX_NS}}}name", _route_name(team, day, lang))
            _sub(route, f"{{{GPX_NS}}}desc", _day_description(day, lang))
            for stop in day.stops:
                point = _sub(route, f"{{{GPX_NS}}}rtept", lat=f"{stop.lat:.6f}", lon=f"{stop.lon:.6f}")
                _sub(point, f"{{{GPX_NS}}}name", _stop_name(stop, lang))
                _sub(point, f"{{{GPX_NS}}}desc", _stop_description(team, day, stop, lang))
    return _bytes(root)


def _kml_colour(hex_colour: str) -> str:
    """``#rrggbb`` as KML's ``aabbggrr``."""
    r, g, b = hex_colour[1:3], hex_colour[3:5], hex_colour[5:7]
    return f"ff{b}{g}{r}"


def to_kml(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """KML 2.2: a folder per team-day with its line (team colour) and a placemark per visit."""
    ET.register_namespace("", KML_NS)
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = _sub(root, f"{{{KML_NS}}}Document")
    _sub(document, f"{{{KML_NS}}}name", word("sheet_title", lang))
    if context.synthetic:
        _sub(document, f"{{{KML_NS}}}description", word("synthetic", lang))
    teams = sheet_teams(plan, context, lang)
    colours = colours_for([t.team_id for t in teams])
    for team in teams:
        style = _sub(document, f"{{{KML_NS}}}Style", id=f"team-{team.team_id}")
        line = _sub(style, f"{{{KML_NS}}}LineStyle")
        _sub(line, f"{{{KML_NS}}}color", _kml_colour(colours[team.team_id]))
        _sub(line, f"{{{KML_NS}}}width", "4")
    for team in teams:
        for day in team.days:
            folder = _sub(document, f"{{{KML_NS}}}Folder")
            _sub(folder, f"{{{KML_NS}}}name", _route_name(team, day, lang))
            placemark = _sub(folder, f"{{{KML_NS}}}Placemark")
            _sub(placemark, f"{{{KML_NS}}}name", _route_name(team, day, lang))
            _sub(placemark, f"{{{KML_NS}}}description", _day_description(day, lang))
            _sub(placemark, f"{{{KML_NS}}}styleUrl", f"#team-{team.team_id}")
            coords = " ".join(f"{s.lon:.6f},{s.lat:.6f}" for s in day.stops)
            _sub(_sub(placemark, f"{{{KML_NS}}}LineString"), f"{{{KML_NS}}}coordinates", coords)
            for stop in day.visits:
                placemark = _sub(folder, f"{{{KML_NS}}}Placemark")
                _sub(placemark, f"{{{KML_NS}}}name", _stop_name(stop, lang))
                _sub(placemark, f"{{{KML_NS}}}description", _stop_description(team, day, stop, lang))
                data = _sub(placemark, f"{{{KML_NS}}}ExtendedData")
                for key, value in _selection_fields(stop).items():
                    _sub(_sub(data, f"{{{KML_NS}}}Data", name=key), f"{{{KML_NS}}}value", value)
                _sub(_sub(placemark, f"{{{KML_NS}}}Point"), f"{{{KML_NS}}}coordinates", f"{stop.lon:.6f},{stop.lat:.6f}")
    return _bytes(root)


def field_file_bytes(plan: Plan, context: PlanContext, fmt: str, lang: str = "es") -> bytes:
    """The plan as a field file in ``fmt`` (one of :data:`FIELD_FORMATS`)."""
    if fmt == "gpx":
        return to_gpx(plan, context, lang)
    if fmt == "kml":
        return to_kml(plan, context, lang)
    if fmt == "pdf":
        return route_sheets_pdf(plan, context, lang)
    if fmt == "html":
        return sheets_html(plan, context, lang).encode("utf-8")
    raise ValueError(f"unknown field file format '{fmt}' (use one of {', '.join(FIELD_FORMATS)})")


def write_field_file(plan: Plan, context: PlanContext, path: str | Path, lang: str = "es") -> Path:
    """Write the field file its extension names (.gpx, .kml, .pdf, .html)."""
    path = Path(path)
    data = field_file_bytes(plan, context, path.suffix.lower().lstrip("."), lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
