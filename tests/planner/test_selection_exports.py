"""Every plan export says how each visit was chosen: an exploration visit reads "al azar" with its probability.

Results that come back from the field are weighted by the inverse of that probability, so a
navigation file, a calendar entry or a printed sheet that lost it would make the random share
useless. Each file is read back the way its users' tools read it.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from planner_fixtures import problem, site, team

from planner.explore import explore
from planner.exports import PlanContext, to_ics
from planner.field_files import KML_NS, VIGIA_NS, to_gpx, to_kml
from planner.plan import Plan
from planner.result import plan_inspections
from planner.route_sheets import route_sheets_pdf, sheets_html


@pytest.fixture(scope="module")
def explored() -> tuple[Plan, PlanContext, str, float]:
    """A one-team plan with a quarter of its visits drawn at random; one random site to look for."""
    sites = [site(f"S{k:02d}", 15 + 4 * (k % 6), 10 * (k // 6), priority=30.0 - k, service_minutes=60)
             for k in range(24)]
    base = problem(sites, [team("T1")], days=2)
    with_draw, info = explore(base, share=0.25, seed=5)
    plan = plan_inspections(with_draw, time_limit=1, seed=0).plan
    random_ids = [v.site_id for v in plan.visits if v.selection == "random"]
    assert random_ids and any(v.selection == "planned" for v in plan.visits)
    return plan, PlanContext(problem=with_draw), random_ids[0], info.probability


def _name_of(plan: Plan, site_id: str) -> str:
    return next(v.name for v in plan.visits if v.site_id == site_id)


def test_gpx_waypoint_extensions_carry_selection_and_probability(explored) -> None:
    import gpxpy

    plan, context, random_id, probability = explored
    gpx = gpxpy.parse(to_gpx(plan, context, "es").decode("utf-8"))
    fields = {}
    for point in gpx.waypoints:
        values = {ext.tag.split("}")[1]: ext.text or "" for ext in point.extensions}
        assert ext_ns_ok(point.extensions)
        fields[point.description.split("\n")[2].split(" · ")[0]] = (values, point.description)
    values, description = fields[random_id]
    assert values["selection"] == "random" and float(values["selection_probability"]) == pytest.approx(probability)
    assert f"Selección: al azar (p = {probability:.3f})".replace(".", ",") in description
    planned = [v for k, (v, _) in fields.items() if k != random_id and v["selection"] == "planned"]
    assert planned and all(v["selection_probability"] == "" for v in planned)


def ext_ns_ok(extensions: list[ET.Element]) -> bool:
    return all(ext.tag.startswith(f"{{{VIGIA_NS}}}") for ext in extensions)


def test_kml_placemark_extended_data(explored) -> None:
    plan, context, random_id, probability = explored
    root = ET.fromstring(to_kml(plan, context, "en"))
    ns = {"k": KML_NS}
    found = {}
    for placemark in root.iterfind(".//k:Placemark", ns):
        data = {d.get("name"): d.findtext("k:value", default="", namespaces=ns)
                for d in placemark.iterfind("k:ExtendedData/k:Data", ns)}
        if data:
            found[placemark.findtext("k:name", namespaces=ns).split(". ", 1)[1]] = (data, placemark)
    data, placemark = found[_name_of(plan, random_id)]
    assert data == {"selection": "random", "selection_probability": repr(probability)}
    assert f"Selection: random (p = {probability:.3f})" in placemark.findtext("k:description", namespaces=ns)
    assert sum(d["selection"] == "random" for d, _ in found.values()) == sum(
        v.selection == "random" for v in plan.visits)


def test_ics_event_description_names_the_selection(explored) -> None:
    from icalendar import Calendar

    plan, context, random_id, probability = explored
    events = {str(e["uid"]).split("-T1-")[0]: str(e["description"])
              for e in Calendar.from_ical(to_ics(plan, context, "es")).walk("VEVENT")}
    spanish_p = f"{probability:.3f}".replace(".", ",")
    assert f"Selección: al azar (p = {spanish_p})" in events[random_id]
    assert all(text.endswith("Selección: planificada") for k, text in events.items()
               if k != random_id and not any(v.site_id == k and v.selection == "random" for v in plan.visits))


def test_printed_sheets_show_the_selection(explored) -> None:
    from pypdf import PdfReader

    plan, context, _random_id, probability = explored
    html = sheets_html(plan, context, "es")
    spanish_p = f"{probability:.3f}".replace(".", ",")
    randoms = sum(v.selection == "random" for v in plan.visits)
    assert html.count(f"Selección: al azar (p = {spanish_p})") == randoms
    assert html.count("Selección: planificada") == len(plan.visits) - randoms
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(route_sheets_pdf(plan, context, "es"))).pages)
    assert "al azar" in " ".join(text.split()) and spanish_p in text
