"""Printable route sheets, one per team: day-by-day order, times and a small map.

A sheet is a self-contained HTML page (inline SVG map, inline CSS, no scripts, no
links), so it prints from any browser and opens on a phone with no signal. The same
content as a PDF (one or more pages per team) comes from matplotlib, already a
dependency, so no extra library is needed.
"""

from __future__ import annotations

import html
import io
import math
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from planner.export_texts import long_date, sector_text, word
from planner.exports import PlanContext, routes_frame, stops_frame
from planner.plan import Plan
from planner.route_svg import MapPoint, colour, route_svg

_CSS = """
body { font: 13px/1.4 sans-serif; color: #111; margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 4px; }
.meta { color: #444; margin: 0 0 10px; } .warn { color: #8a4b00; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 6px; }
th, td { border: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } td.n { text-align: right; white-space: nowrap; }
.day { page-break-inside: avoid; } .legend { color: #444; font-size: 11px; }
.swatch { display: inline-block; width: 12px; height: 4px; margin-right: 4px; vertical-align: middle; }
@media print { body { margin: 10mm; } .day { page-break-inside: avoid; } }
"""


def _hhmm(value: object) -> str:
    """``HH:MM`` of a time stamp; empty for a missing one (start and end points lack one side)."""
    return f"{value:%H:%M}" if isinstance(value, datetime) and not pd.isna(value) else ""


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-") or "team"


def _team_days(stops: pd.DataFrame, team_id: str) -> Iterator[tuple[date, int, pd.DataFrame]]:
    mine = stops[stops["team_id"] == team_id]
    for day, group in mine.groupby("date", sort=True):
        assert isinstance(day, date)
        yield day, int(group["day"].iloc[0]), group.sort_values("seq")


def _map_points(group: pd.DataFrame) -> list[MapPoint]:
    return [MapPoint(float(r["lon"]), float(r["lat"]), str(r["kind"]),
                     str(int(r["order"])) if r["kind"] == "visit" else "", str(r["place"]))
            for _, r in group.iterrows()]


def team_sheet_html(plan: Plan, context: PlanContext, team_id: str, lang: str = "es",
                    stops: pd.DataFrame | None = None, routes: pd.DataFrame | None = None) -> str:
    """The route sheet of one team as a complete HTML document."""
    stops = stops_frame(plan, context) if stops is None else stops
    routes = routes_frame(plan, context) if routes is None else routes
    team = next(t for t in context.problem.teams if t.team_id == team_id)
    days = context.problem.days
    office = (context.offices or {}).get(team.office_id, team.office_id)
    esc = html.escape
    title = f"{word('sheet_title', lang)} — {team.name}"
    parts = [f"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{esc(title)}</title>"
             f"<style>{_CSS}</style></head><body>", f"<h1>{esc(title)}</h1>"]
    period = f"{days[0]:%d/%m/%Y} – {days[-1]:%d/%m/%Y}" if days else ""
    parts.append(f"<p class=\"meta\">{esc(word('office_id', lang))}: {esc(office)} · "
                 f"{esc(word('members', lang))}: {team.members} · {esc(word('period', lang))}: {esc(period)} · "
                 f"{esc(word('team_id', lang))}: {esc(team.team_id)}</p>")
    if context.synthetic:
        parts.append(f"<p class=\"warn\">{esc(word('synthetic', lang))}</p>")
    team_days = list(_team_days(stops, team_id))
    if not team_days:
        parts.append(f"<p>{esc(word('no_days', lang))}</p></body></html>")
        return "".join(parts)
    routes_drawn = [_map_points(group) for _, _, group in team_days]
    parts.append(route_svg(routes_drawn, [colour(k) for k in range(len(routes_drawn))], width=640, height=420))
    legend = " ".join(f"<span><span class=\"swatch\" style=\"background:{colour(k)}\"></span>"
                      f"{esc(word('day', lang))} {number}</span>" for k, (_, number, _) in enumerate(team_days))
    parts.append(f"<p class=\"legend\">{esc(word('map_legend', lang))}<br>{legend}</p>")
    info = {r["date"]: r for r in routes[routes["team_id"] == team_id].to_dict("records")}
    yes = word("yes", lang)
    for index, (day, number, group) in enumerate(team_days):
        first, last = group.iloc[0], group.iloc[-1]
        parts.append(f"<div class=\"day\"><h2>{esc(word('day_heading', lang, n=number, date=long_date(day, lang)))}</h2>")
        line = word("leave_at", lang, place=first["place"], time=_hhmm(first["depart"]))
        if day in info:
            row = info[day]
            line += " · " + word("day_totals", lang, km=float(row["km"]), hours=float(row["drive_minutes"]) / 60)
        parts.append(f"<p class=\"meta\">{esc(line)}</p>")
        visits = group[group["kind"] == "visit"]
        if not visits.empty:
            drawn = _map_points(group)
            stopped = [p for p in drawn if p.kind == "visit"]
            day_map = route_svg([drawn], [colour(index)], 420, 240, fit=stopped if len(stopped) > 1 else None)
            parts.append(f"<div class=\"daymap\">{day_map}</div>")
        if visits.empty:
            parts.append(f"<p>{esc(word('no_visits', lang))}</p>")
        else:
            head = "".join(f"<th>{esc(word(c, lang))}</th>" for c in
                           ("order", "arrive", "start", "end", "site", "sector", "department", "must_visit", "locked"))
            rows = []
            for _, v in visits.iterrows():
                rows.append(
                    f"<tr><td class=\"n\">{int(v['order'])}</td><td class=\"n\">{_hhmm(v['arrive'])}</td>"
                    f"<td class=\"n\">{_hhmm(v['start'])}</td>"
                    f"<td class=\"n\">{_hhmm(v['depart'])}</td><td>{esc(str(v['place']))}<br><small>"
                    f"{esc(str(v['site_id']))} · {float(v['lat']):.4f}, {float(v['lon']):.4f}</small></td>"
                    f"<td>{esc(sector_text(str(v['sector']), lang))}</td><td>{esc(str(v['department']))}</td>"
                    f"<td>{yes if v['must_visit'] else ''}</td><td>{yes if v['locked'] else ''}</td></tr>")
            parts.append(f"<table><tr>{head}</tr>{''.join(rows)}</table>")
        end_line = word("arrive_at", lang, place=last["place"], time=_hhmm(last["arrive"]))
        if last["kind"] == "overnight":
            end_line += " · " + word("sleep_at", lang, place=last["place"])
        parts.append(f"<p class=\"meta\">{esc(end_line)}</p></div>")
    parts.append(f"<p class=\"legend\">{esc(word('generated', lang, engine=plan.engine))}</p></body></html>")
    return "".join(parts)


def route_sheets_html(plan: Plan, context: PlanContext, lang: str = "es") -> dict[str, str]:
    """``team_id -> HTML`` for every team of the problem (teams without visits say so)."""
    stops, routes = stops_frame(plan, context), routes_frame(plan, context)
    return {t.team_id: team_sheet_html(plan, context, t.team_id, lang, stops, routes) for t in context.problem.teams}


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


# ---------------------------------------------------------------------------------- PDF

def route_sheets_pdf(plan: Plan, context: PlanContext, lang: str = "es", rows_per_page: int = 28) -> bytes:
    """All teams' sheets as one PDF: per team a map page, then its visits as table pages.

    Teams without visits are skipped (the HTML sheets list them).
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    stops = stops_frame(plan, context)
    buffer = io.BytesIO()
    with PdfPages(buffer) as pdf:
        for team in context.problem.teams:
            team_days = list(_team_days(stops, team.team_id))
            if not team_days:
                continue
            figure = Figure(figsize=(8.27, 11.69))  # A4 portrait
            axes = figure.add_axes((0.08, 0.35, 0.84, 0.55))
            for k, (_, number, group) in enumerate(team_days):
                axes.plot(group["lon"], group["lat"], "-", color=colour(k), linewidth=1.6,
                          label=f"{word('day', lang)} {number}")
                for _, r in group.iterrows():
                    if r["kind"] == "visit":
                        axes.plot(r["lon"], r["lat"], "o", ms=9, mfc="white", mec=colour(k))
                        axes.annotate(str(int(r["order"])), (r["lon"], r["lat"]), ha="center", va="center", fontsize=6)
                    else:
                        marker = "s" if r["kind"] == "office" else "^"
                        axes.plot(r["lon"], r["lat"], marker, ms=8, color="#111" if marker == "s" else "#ffd84d",
                                  mec="#111")
            axes.set_aspect(1 / max(0.2, math.cos(math.radians(team.lat))))
            axes.legend(fontsize=7, loc="best")
            axes.tick_params(labelsize=7)
            office = (context.offices or {}).get(team.office_id, team.office_id)
            figure.text(0.08, 0.95, f"{word('sheet_title', lang)} — {team.name}", fontsize=14, weight="bold")
            figure.text(0.08, 0.925, f"{word('office_id', lang)}: {office} · {word('team_id', lang)}: {team.team_id}",
                        fontsize=9)
            if context.synthetic:
                figure.text(0.08, 0.905, word("synthetic", lang), fontsize=9, color="#8a4b00")
            figure.text(0.08, 0.3, word("map_legend", lang), fontsize=8, color="#444")
            pdf.savefig(figure)
            lines: list[str] = []
            for day, number, group in team_days:
                lines += ["", f"== {word('day_heading', lang, n=number, date=long_date(day, lang))} =="]
                for _, r in group.iterrows():
                    order = str(int(r["order"])) if r["kind"] == "visit" else ""
                    times = "-".join(t for t in (_hhmm(r["arrive"]), _hhmm(r["depart"])) if t)
                    sector = sector_text(str(r["sector"]), lang) if r["kind"] == "visit" else ""
                    lines.append(f"{order:>3}  {times:<11}  {str(r['place'])[:44]:<44}  {sector[:18]}")
            per_page = rows_per_page * 2
            for start in range(0, len(lines), per_page):
                # One monospaced text block per page: thousands of small text artists are slow to write.
                page = Figure(figsize=(8.27, 11.69))
                page.text(0.06, 0.96, team.name, fontsize=11, weight="bold")
                page.text(0.06, 0.94, "\n".join(lines[start:start + per_page]), fontsize=8, family="monospace",
                          va="top", linespacing=1.35)
                pdf.savefig(page)
    return buffer.getvalue()
