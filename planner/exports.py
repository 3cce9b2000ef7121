"""A :class:`~planner.plan.Plan` as the files an inspection chief hands out: XLSX, CSV, GeoJSON, ICS.

No solving here: every function reads a finished plan (and the problem it answers,
for team names, sectors and departments). Tables come first (:func:`visits_frame`,
:func:`stops_frame`, ...) because the app shows the same tables it exports; the
writers then only format them. Each writer returns bytes (for a download button)
and :func:`write_plan` picks one by the file's extension.

Times are the plan's clock times in the dataset's time zone (``about.timezone``, default
``America/La_Paz``); the calendar file names it (``TZID``). Files people read (XLSX, ICS
texts) show code values in words, each code column (``sector``, ``selection``) keeping its
codes under a «Código …» header beside the words; the CSV and GeoJSON are machine files.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd

from geodata import formats
from geodata.dataset import Dataset
from planner.export_texts import (
    DATE_CELL,
    DATE_TIME_CELL,
    code_text,
    reason_text,
    sector_text,
    selection_text,
    sentence_text,
    word,
)
from planner.plan import Kpis, Plan, Route
from planner.problem import InspectionProblem, Site
from planner.route_background import MapBackground, background_for

#: The time zone of a plan whose dataset names none (``about.timezone``).
TIMEZONE = formats.DEFAULT_TIMEZONE

#: Formats :func:`write_plan` knows, by file extension.
FORMATS = ("xlsx", "csv", "geojson", "ics")

VISIT_COLUMNS = [
    "team_id", "team", "office_id", "date", "day", "order", "site_id", "site", "sector", "department",
    "priority", "must_visit", "locked", "arrive", "start", "end", "service_minutes",
    "overnight_after", "overnight_where", "lon", "lat", "selection", "selection_probability",
]
STOP_COLUMNS = [
    "team_id", "team", "date", "day", "seq", "kind", "place", "site_id", "order", "sector", "department",
    "priority", "must_visit", "locked", "arrive", "start", "depart", "lon", "lat",
]
UNPLACED_COLUMNS = ["site_id", "site", "sector", "department", "priority", "must_visit", "reason_code", "reason",
                    "lon", "lat"]
ROUTE_COLUMNS = ["team_id", "team", "date", "day", "from", "to", "depart", "back", "visits", "km", "drive_minutes",
                 "overnight_where"]
#: The results sheet a team fills offline: the visit (read back as is) then what it found. No free-text
#: column: nothing invites a name. :mod:`planner.field_results` reads it back into ``inspections`` rows.
RESULT_VISIT_COLUMNS = ["inspection_id", "date", "team", "order", "site_id", "site", "area_id", "sector",
                        "selection", "selection_probability"]
RESULT_COLUMNS = ["done", "victims", "violations", "workers"]
#: KPI rows in the order they are shown; the plan's ``kpis()`` keys.
KPI_ROWS = ["risk_covered", "risk_share", "sites_visited", "top_decile_share", "must_visit_planned",
            "must_visit_total", "km", "drive_hours", "work_hours", "team_days_used"]


@dataclass(frozen=True)
class PlanContext:
    """What the exports need besides the plan: the problem, the greedy plan, department names.

    ``departments`` maps ``area_id`` to department (``admin1``); ``offices`` maps
    ``office_id`` to the office's name (shown instead of the code); ``dataset`` names the
    source in the files; ``scores`` the scores file the priorities came from (name and
    content hash); ``synthetic`` adds the "demo data" warning to every document;
    ``background`` is what the route sheets' day maps draw under the route.
    """

    problem: InspectionProblem
    baseline: Plan | None = None
    departments: Mapping[str, str] | None = None
    offices: Mapping[str, str] | None = None
    dataset: str = ""
    synthetic: bool = False
    background: MapBackground | None = None
    scores: str = ""
    timezone: str = TIMEZONE


def departments_of(areas: pd.DataFrame) -> dict[str, str]:
    """``area_id -> admin1`` from an areas table (what :class:`PlanContext` wants)."""
    if "admin1" not in areas:
        return {}
    return dict(zip(areas["area_id"].astype(str), areas["admin1"].astype(str)))


def offices_of(offices: pd.DataFrame | None) -> dict[str, str]:
    """``office_id -> name`` from an offices table (what :class:`PlanContext` wants)."""
    if offices is None or "office_id" not in offices:
        return {}
    return dict(zip(offices["office_id"].astype(str), offices["name"].astype(str)))


def context_for(problem: InspectionProblem, dataset: Dataset, baseline: Plan | None = None) -> PlanContext:
    """The usual context: departments and office names from ``dataset``."""
    return PlanContext(problem, baseline=baseline, departments=departments_of(dataset.areas),
                       offices=offices_of(dataset.get("offices")),
                       dataset=str(dataset.about.get("title") or dataset.source or ""),
                       synthetic=bool(dataset.synthetic), background=background_for(dataset),
                       timezone=formats.timezone_of(dataset.about).key)


def _department(site: Site | None, departments: Mapping[str, str]) -> str:
    """The context's department for the site's area, else the one the core gave the site."""
    if site is None:
        return ""
    return departments.get(site.area_id or "") or site.department or ""


def _day_number(problem: InspectionProblem) -> dict[date, int]:
    return {d: k for k, d in enumerate(problem.days, start=1)}


def visits_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """One row per visit, by team, date and order, with team name, sector and department."""
    problem = context.problem
    teams = {t.team_id: t for t in problem.teams}
    sites = {s.site_id: s for s in problem.sites}
    departments = context.departments or {}
    number = _day_number(problem)
    rows = []
    for v in plan.visits:
        team, site = teams.get(v.team_id), sites.get(v.site_id)
        rows.append({
            "team_id": v.team_id, "team": team.name if team else v.team_id,
            "office_id": team.office_id if team else "", "date": v.day, "day": number.get(v.day, 0),
            "order": v.order, "site_id": v.site_id, "site": v.name,
            "sector": site.sector if site else "", "department": _department(site, departments),
            "priority": v.priority, "must_visit": v.must_visit, "locked": v.locked,
            "arrive": v.arrive, "start": v.start, "end": v.end,
            "service_minutes": site.service_minutes if site else int((v.end - v.start).total_seconds() // 60),
            "overnight_after": v.overnight_after, "overnight_where": v.overnight_where or "",
            "lon": v.lon, "lat": v.lat, "selection": v.selection, "selection_probability": v.selection_probability,
        })
    frame = pd.DataFrame(rows, columns=VISIT_COLUMNS)
    return frame.sort_values(["team_id", "date", "order"]).reset_index(drop=True) if len(frame) else frame


def inspection_id(site_id: str, day: date) -> str:
    """The code a planned visit is recorded under: the site and the day (a plan visits a site once a day)."""
    return f"{site_id}-{day:%Y%m%d}"


def results_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """One row per visit for the team to fill: the visit's codes, then empty result cells.

    ``selection``/``selection_probability`` come from the plan when it records why each site was
    chosen; otherwise the visit is ``planned`` (the planner chose it) and its probability stays
    empty, because it is unknown (never a made-up 1.0).
    """
    sites = {s.site_id: s for s in context.problem.sites}
    teams = {t.team_id: t.name for t in context.problem.teams}
    rows = []
    for v in sorted(plan.visits, key=lambda v: (v.team_id, v.day, v.order)):
        site = sites.get(v.site_id)
        rows.append({
            "inspection_id": inspection_id(v.site_id, v.day), "date": v.day, "team": teams.get(v.team_id, v.team_id),
            "order": v.order, "site_id": v.site_id, "site": v.name, "area_id": (site.area_id if site else None) or "",
            "sector": site.sector if site else "", "selection": getattr(v, "selection", None) or "planned",
            "selection_probability": getattr(v, "selection_probability", None),
            "done": None, "victims": None, "violations": None, "workers": None,
        })
    return pd.DataFrame(rows, columns=RESULT_VISIT_COLUMNS + RESULT_COLUMNS)


def _results_sheet_checks(sheet: Any, rows: int, lang: str, first: int) -> None:
    """Drop-downs and whole-number checks on the cells a team fills (``first``: the 1-based column of
    ``done``, the first of :data:`RESULT_COLUMNS`), so Excel refuses most typos."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    if rows == 0:
        return
    done = DataValidation(type="list", formula1=f'"{word("yes", lang)},{word("no", lang)}"', allow_blank=True)
    counts = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    letter = get_column_letter(first)
    done.add(f"{letter}2:{letter}{rows + 1}")
    counts.add(f"{get_column_letter(first + 1)}2:{get_column_letter(first + len(RESULT_COLUMNS) - 1)}{rows + 1}")
    sheet.add_data_validation(done)
    sheet.add_data_validation(counts)


def _moves(route: Route) -> bool:
    """A team-day worth drawing: it visits a site or travels somewhere else to sleep."""
    return bool(route.site_ids) or (route.start_lon, route.start_lat) != (route.end_lon, route.end_lat)


def stops_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """Every stop of every team-day in order, the start and end points included.

    ``kind`` is ``office`` (the team's office), ``overnight`` (a town where the team
    sleeps on a field trip) or ``visit``. ``seq`` orders the stops of one team-day;
    ``order`` numbers the visits (0 for start and end points). Idle days are left out.
    """
    problem = context.problem
    teams = {t.team_id: t for t in problem.teams}
    visits = visits_frame(plan, context)
    by_day = {key: group for key, group in visits.groupby(["team_id", "date"], sort=False)} if len(visits) else {}
    number = _day_number(problem)
    rows: list[dict] = []

    def end_point(team_id: str, name: str, lon: float, lat: float) -> tuple[str, str]:
        team = teams.get(team_id)
        at_office = team is not None and (round(lon, 6), round(lat, 6)) == (round(team.lon, 6), round(team.lat, 6))
        if at_office and team is not None:
            return "office", (context.offices or {}).get(team.office_id, team.office_id)
        return "overnight", name

    for route in sorted(plan.routes, key=lambda r: (r.team_id, r.day)):
        if not _moves(route):
            continue
        team = teams.get(route.team_id)
        base = {"team_id": route.team_id, "team": team.name if team else route.team_id, "date": route.day,
                "day": number.get(route.day, 0)}
        kind, place = end_point(route.team_id, route.start_name, route.start_lon, route.start_lat)
        rows.append({**base, "seq": 0, "kind": kind, "place": place, "order": 0, "arrive": pd.NaT,
                     "depart": route.depart, "lon": route.start_lon, "lat": route.start_lat})
        day_visits = by_day.get((route.team_id, route.day))
        seq = 0
        if day_visits is not None:
            for _, v in day_visits.iterrows():
                seq += 1
                rows.append({**base, "seq": seq, "kind": "visit", "place": v["site"], "site_id": v["site_id"],
                             "order": v["order"], "sector": v["sector"], "department": v["department"],
                             "priority": v["priority"], "must_visit": v["must_visit"], "locked": v["locked"],
                             "arrive": v["arrive"], "start": v["start"], "depart": v["end"], "lon": v["lon"], "lat": v["lat"]})
        kind, place = end_point(route.team_id, route.end_name, route.end_lon, route.end_lat)
        rows.append({**base, "seq": seq + 1, "kind": kind, "place": place, "order": 0, "arrive": route.back,
                     "depart": pd.NaT, "lon": route.end_lon, "lat": route.end_lat})
    frame = pd.DataFrame(rows, columns=STOP_COLUMNS)
    for column in ("must_visit", "locked"):
        frame[column] = frame[column].astype("boolean").fillna(False).astype(bool)
    return frame


def routes_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """One row per team-day that moves: from, to, times, visits, km and driving."""
    problem = context.problem
    teams = {t.team_id: t for t in problem.teams}
    number = _day_number(problem)
    names = context.offices or {}
    rows = [{
        "team_id": r.team_id, "team": teams[r.team_id].name if r.team_id in teams else r.team_id,
        "date": r.day, "day": number.get(r.day, 0), "from": names.get(r.start_name, r.start_name), "to": names.get(r.end_name, r.end_name),
        "depart": r.depart, "back": r.back, "visits": len(r.site_ids), "km": round(r.km, 1),
        "drive_minutes": r.drive_minutes, "overnight_where": r.overnight or "",
    } for r in sorted(plan.routes, key=lambda r: (r.team_id, r.day)) if _moves(r)]
    return pd.DataFrame(rows, columns=ROUTE_COLUMNS)


def unplaced_frame(plan: Plan, context: PlanContext, lang: str = "es") -> pd.DataFrame:
    """Sites not in the plan, must-visits first, each with its reason in ``lang``."""
    sites = {s.site_id: s for s in context.problem.sites}
    departments = context.departments or {}
    rows = []
    for u in plan.unplaced:
        site = sites.get(u.site_id)
        rows.append({
            "site_id": u.site_id, "site": u.name, "sector": site.sector if site else "",
            "department": _department(site, departments),
            "priority": u.priority, "must_visit": u.must_visit, "reason_code": u.reason_code,
            "reason": reason_text(u.reason_code, u.reason, lang),
            "lon": site.lon if site else None, "lat": site.lat if site else None,
        })
    return pd.DataFrame(rows, columns=UNPLACED_COLUMNS)


def teams_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """Per team: visits, days with visits, nights away, risk covered, km, driving hours."""
    rows = []
    for team in context.problem.teams:
        visits = [v for v in plan.visits if v.team_id == team.team_id]
        routes = [r for r in plan.routes if r.team_id == team.team_id]
        rows.append({
            "team_id": team.team_id, "team": team.name, "office_id": team.office_id, "visits": len(visits),
            "days_used": sum(1 for r in routes if r.site_ids), "nights_away": sum(1 for r in routes if r.overnight),
            "risk_covered": round(sum(v.priority for v in visits), 3), "km": round(sum(r.km for r in routes), 1),
            "drive_hours": round(sum(r.drive_minutes for r in routes) / 60, 1),
        })
    return pd.DataFrame(rows, columns=["team_id", "team", "office_id", "visits", "days_used", "nights_away",
                                       "risk_covered", "km", "drive_hours"])


def kpis(plan: Plan, context: PlanContext) -> Kpis:
    """The plan's KPIs (the core's :meth:`Plan.kpis`) with this context's departments."""
    return plan.kpis(context.problem, dict(context.departments or {}) or None)


def kpi_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """One row per KPI: ``kpi`` code, ``plan`` value and ``greedy`` value (NaN without a baseline)."""
    mine: Mapping[str, object] = kpis(plan, context)
    other: Mapping[str, object] = kpis(context.baseline, context) if context.baseline is not None else {}

    def number(values: Mapping[str, object], key: str) -> float:
        value = values.get(key)
        return float(value) if isinstance(value, (int, float)) else float("nan")

    return pd.DataFrame({"kpi": KPI_ROWS, "plan": [number(mine, k) for k in KPI_ROWS],
                         "greedy": [number(other, k) for k in KPI_ROWS]})


def departments_frame(plan: Plan, context: PlanContext) -> pd.DataFrame:
    """Coverage per department for the plan, with the greedy plan's beside it."""
    frame = kpis(plan, context)["by_department"].copy()
    if context.baseline is not None:
        other = kpis(context.baseline, context)["by_department"]
        renamed = other[["department", "visited", "risk_covered", "share"]].rename(
            columns={"visited": "greedy_visited", "risk_covered": "greedy_risk_covered", "share": "greedy_share"})
        frame = frame.merge(renamed, on="department", how="left")
    return frame.sort_values("risk", ascending=False).reset_index(drop=True) if len(frame) else frame


def about_frame(plan: Plan, context: PlanContext, lang: str = "es") -> pd.DataFrame:
    """How the plan was made: engine, time, horizon, teams, priority rule, travel times."""
    problem = context.problem
    rows = [
        ("about.engine", plan.engine), ("about.seconds", formats.decimal(plan.seconds, lang)),
        ("about.first_day", formats.date(problem.days[0], lang) if problem.days else ""),
        ("about.days", formats.integer(len(problem.days), lang)),
        ("about.teams", formats.integer(len(problem.teams), lang)),
        ("about.priority_rule", sentence_text(problem.priority_rule, "rule", lang)),
        ("about.travel_method", code_text("travel", problem.travel_method, lang)),
        ("about.dataset", context.dataset), ("about.scores", context.scores),
        ("about.timezone", context.timezone),
    ]
    if context.synthetic:
        rows.append(("about.note", word("synthetic", lang)))
    return pd.DataFrame({"key": [word(k, lang) for k, _ in rows], "value": [v for _, v in rows]})


# ----------------------------------------------------------------------------- writers

#: Code columns that files people read show in words too: column -> how one code is written.
LABELLED: dict[str, Callable[[object, str], str]] = {
    "sector": lambda code, lang: sector_text("" if code is None else str(code), lang),
    "selection": lambda code, lang: code_text("selection", code, lang),
}


def labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``frame`` with a ``<code>_label`` column (the words in ``lang``) after each code column of
    :data:`LABELLED`; the codes stay, so a file people read still joins back to the data."""
    out = frame.copy()
    for column, text in LABELLED.items():
        if column in out.columns:
            out.insert(list(out.columns).index(column) + 1, f"{column}_label",
                       [text(v, lang) for v in out[column]])
    return out


def header_text(column: str, lang: str, columns: Collection[str] = ()) -> str:
    """The header of ``column`` in ``lang``: a code column with words beside it reads «Código …»."""
    if column.endswith("_label"):
        return word(column[: -len("_label")], lang)
    if f"{column}_label" in columns:
        return word(f"code.{column}", lang)
    return word(column, lang)


def _localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Column codes replaced by headers in ``lang``, code values with their words (for files people read)."""
    shown = labelled(frame, lang)
    return shown.rename(columns={c: header_text(c, lang, shown.columns) for c in shown.columns})


def _cell_formats(sheet: Any, frame: pd.DataFrame, lang: str) -> None:
    """Dates and times as people write them; numbers stay numbers (Excel shows them in its own locale)."""
    from openpyxl.utils import get_column_letter

    for k, column in enumerate(frame.columns, start=1):
        values = frame[column].dropna()
        if values.empty:
            continue
        first = values.iloc[0]
        if isinstance(first, datetime | pd.Timestamp):
            pattern = DATE_TIME_CELL[lang if lang in DATE_TIME_CELL else "es"]
        elif isinstance(first, date):
            pattern = DATE_CELL[lang if lang in DATE_CELL else "es"]
        else:
            continue
        for cell in sheet[get_column_letter(k)][1:]:
            cell.number_format = pattern




def to_xlsx(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """Workbook: timeline, routes per day, per team, KPIs vs greedy, departments, unplaced, about."""
    from openpyxl.utils import get_column_letter

    kpi = kpi_frame(plan, context)
    kpi.insert(0, "label", [word(f"kpi.{k}", lang) for k in kpi["kpi"]])
    kpi = kpi.drop(columns="kpi").rename(columns={"label": "kpi"})
    sheets = {
        "sheet.visits": visits_frame(plan, context),
        "sheet.routes": routes_frame(plan, context),
        "sheet.teams": teams_frame(plan, context),
        "sheet.kpis": kpi,
        "sheet.departments": departments_frame(plan, context),
        "sheet.unplaced": unplaced_frame(plan, context, lang),
        "sheet.about": about_frame(plan, context, lang),
        "sheet.results": results_frame(plan, context),
    }
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for key, frame in sheets.items():
            name = word(key, lang)[:31]
            shown = _localised(frame, lang) if key != "sheet.about" else frame.rename(
                columns={"key": word("key", lang), "value": word("value", lang)})
            shown.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes = "A2"
            _cell_formats(sheet, shown, lang)
            if key == "sheet.results":
                _results_sheet_checks(sheet, len(frame), lang, list(shown.columns).index(word("done", lang)) + 1)
            for k, column in enumerate(shown.columns, start=1):
                longest = max([len(str(column))] + [len(str(v)) for v in shown[column].head(200)])
                sheet.column_dimensions[get_column_letter(k)].width = min(60, max(8, longest + 2))
    return buffer.getvalue()


def to_csv(plan: Plan, context: PlanContext) -> bytes:
    """The timeline (one row per visit) with stable column codes, UTF-8 with BOM for Excel."""
    frame = visits_frame(plan, context)
    for column in ("arrive", "start", "end"):
        frame[column] = [f"{v:%Y-%m-%dT%H:%M}" for v in frame[column]]
    return frame.to_csv(index=False).encode("utf-8-sig")


def _json_value(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()  # numpy scalars
    return value


def geojson_dict(plan: Plan, context: PlanContext) -> dict:
    """FeatureCollection: each visit a Point, each team-day a LineString from start to end point."""
    features: list[dict] = []
    for record in visits_frame(plan, context).to_dict("records"):
        props = {k: _json_value(v) for k, v in record.items() if k not in ("lon", "lat")}
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [
            round(float(record["lon"]), 6), round(float(record["lat"]), 6)]}, "properties": {"feature": "visit", **props}})
    stops = stops_frame(plan, context)
    routes = {(r["team_id"], r["date"]): r for r in routes_frame(plan, context).to_dict("records")}
    for (team_id, day), group in stops.groupby(["team_id", "date"], sort=True):
        coords = [[round(float(x), 6), round(float(y), 6)] for x, y in zip(group["lon"], group["lat"])]
        info = routes.get((team_id, day))
        props = {"feature": "route", "team_id": team_id, "team": group["team"].iloc[0],
                 "date": _json_value(day), "day": int(group["day"].iloc[0]),
                 "visits": int((group["kind"] == "visit").sum())}
        if info is not None:
            props.update({k: _json_value(info[k]) for k in ("from", "to", "depart", "back", "km", "drive_minutes",
                                                            "overnight_where")})
        features.append({"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
                         "properties": props})
    return {"type": "FeatureCollection", "features": features}


def to_geojson(plan: Plan, context: PlanContext) -> bytes:
    return json.dumps(geojson_dict(plan, context), ensure_ascii=False).encode("utf-8")


def to_ics(plan: Plan, context: PlanContext, lang: str = "es") -> bytes:
    """One calendar event per visit (team in the summary, place and coordinates as location), at the
    plan's clock times in the dataset's time zone: ``TZID`` on each time and a ``VTIMEZONE`` for it."""
    from icalendar import Calendar, Event

    zone = ZoneInfo(context.timezone)
    calendar = Calendar()
    calendar.add("prodid", "-//Vigia//inspection plan//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", word("sheet_title", lang))
    calendar.add("x-wr-timezone", context.timezone)
    stamp = datetime.now(ZoneInfo("UTC")).replace(microsecond=0)
    yes, no = word("yes", lang), word("no", lang)
    for v in visits_frame(plan, context).to_dict("records"):
        event = Event()
        event.add("uid", f"{v['site_id']}-{v['team_id']}-{v['date']:%Y%m%d}@vigia")
        event.add("dtstamp", stamp)
        event.add("dtstart", pd.Timestamp(v["start"]).to_pydatetime().replace(tzinfo=zone))
        event.add("dtend", pd.Timestamp(v["end"]).to_pydatetime().replace(tzinfo=zone))
        event.add("summary", word("ics_summary", lang, site=v["site"], team=v["team"]))
        place = ", ".join(p for p in (v["site"], v["department"]) if p)
        event.add("location", f"{place} ({v['lat']:.5f}, {v['lon']:.5f})")
        event.add("geo", (float(v["lat"]), float(v["lon"])))
        description = word("ics_description", lang, team=v["team"], order=v["order"],
                           sector=sector_text(str(v["sector"] or ""), lang),
                           department=v["department"], priority=formats.decimal(v["priority"], lang, 2),
                           must=yes if v["must_visit"] else no, locked=yes if v["locked"] else no)
        selection = selection_text(v["selection"], v["selection_probability"], lang)
        event.add("description", f"{description}\n{selection}")
        event.add("categories", [str(v["team"])])
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def export_bytes(plan: Plan, context: PlanContext, fmt: str, lang: str = "es") -> bytes:
    """The plan in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "xlsx":
        return to_xlsx(plan, context, lang)
    if fmt == "csv":
        return to_csv(plan, context)
    if fmt == "geojson":
        return to_geojson(plan, context)
    if fmt == "ics":
        return to_ics(plan, context, lang)
    raise ValueError(f"unknown export format '{fmt}' (use one of {', '.join(FORMATS)})")


def write_plan(plan: Plan, context: PlanContext, path: str | Path, lang: str = "es") -> Path:
    """Write the plan in the format its extension names (.xlsx, .csv, .geojson, .ics)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    data = export_bytes(plan, context, fmt, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
