"""Time the field files of a full demo plan (run by hand, not a test).

    .venv/bin/python benchmarks/route_sheets.py [--days 5]

Plans every demo team (the greedy plan with field trips: no solver time in the figures)
for ``--days`` working days, then times what an inspection chief downloads: the HTML route
sheets, the PDF printed from them (WeasyPrint), GPX and KML; counts PDF pages and checks
that the PDF text holds every visit's latitude. CPU seconds are printed beside wall
seconds because on a shared machine wall time mostly measures the other processes.
Ends with:

    RESULT teams=<n> team_days=<n> visits=<n> pages=<n> html_s=<x> pdf_s=<x> pdf_cpu_s=<x> gpx_s=<x> kml_s=<x>
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from datetime import date


def timed(work: Callable[[], object]) -> tuple[object, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--days", type=int, default=5)
    args = parser.parse_args()

    from pypdf import PdfReader

    from geodata.demo import build_demo
    from planner import exports, field_files, route_sheets
    from planner.plan import greedy
    from planner.problem import InspectionProblem
    from planner.trips import plan_shifts

    dataset = build_demo()
    problem = InspectionProblem.from_dataset(dataset, start=date(2026, 12, 7), days=args.days)
    plan = greedy(problem, plan_shifts(problem))
    context = exports.context_for(problem, dataset)
    team_days = len(exports.routes_frame(plan, context))
    html, html_s, _ = timed(lambda: route_sheets.sheets_html(plan, context, "es"))
    pdf, pdf_s, pdf_cpu = timed(lambda: route_sheets.sheets_pdf(str(html)))
    _, gpx_s, _ = timed(lambda: field_files.to_gpx(plan, context, "es"))
    _, kml_s, _ = timed(lambda: field_files.to_kml(plan, context, "es"))
    assert isinstance(pdf, bytes)
    reader = PdfReader(io.BytesIO(pdf))
    text = "".join(page.extract_text() for page in reader.pages)
    missing = sum(f"{v.lat:.5f}" not in text for v in plan.visits)
    print(f"{len(problem.teams)} teams, {args.days} days: {team_days} team-days, {len(plan.visits)} visits")
    print(f"HTML {html_s:.1f} s ({len(str(html)) / 1e6:.1f} MB); PDF {pdf_s:.1f} s wall, {pdf_cpu:.1f} s CPU, "
          f"{len(reader.pages)} pages, {len(pdf) / 1e6:.1f} MB; GPX {gpx_s:.2f} s; KML {kml_s:.2f} s")
    print(f"visits whose latitude is missing from the PDF text: {missing}")
    print(f"RESULT teams={len(problem.teams)} team_days={team_days} visits={len(plan.visits)} "
          f"pages={len(reader.pages)} html_s={html_s:.1f} pdf_s={pdf_s:.1f} pdf_cpu_s={pdf_cpu:.1f} "
          f"gpx_s={gpx_s:.2f} kml_s={kml_s:.2f} missing_lat={missing}")


if __name__ == "__main__":
    main()
