"""Headers and words of the exported files, in Spanish (default) and English.

Exports leave the app and reach inspectors who read Spanish, so their human-facing
parts (XLSX headers, route sheets, calendar entries) are worded here (English, marked for
the gettext catalog of :mod:`geodata.catalog`, which holds the Spanish); machine formats
(CSV, GeoJSON) keep the stable column codes so scripts can rely on them. ``planner`` never
imports the app's string table, hence this small one.
"""

from __future__ import annotations

import re
from datetime import date

from geodata import formats
from geodata.catalog import Text, lookup, msg, msg_plural

LANGS = ("es", "en")

#: code -> its text (``msg("export." + code, English)``; Spanish in the catalog)
WORDS: dict[str, Text | tuple[str, str]] = {
    # column codes
    "team_id": msg("export.team_id", "Team code"),
    "team": msg("export.team", "Team"),
    "office_id": msg("export.office_id", "Office"),
    "date": msg("export.date", "Date"),
    "day": msg("export.day", "Day"),
    "order": msg("export.order", "Order"),
    "site_id": msg("export.site_id", "Site code"),
    "site": msg("export.site", "Workplace"),
    "sector": msg("export.sector", "Sector"),
    "department": msg("export.department", "Department"),
    "priority": msg("export.priority", "Priority"),
    "must_visit": msg("export.must_visit", "Must visit"),
    "locked": msg("export.locked", "Locked"),
    "arrive": msg("export.arrive", "Arrival"),
    "start": msg("export.start", "Start"),
    "end": msg("export.end", "End"),
    "service_minutes": msg("export.service_minutes", "Inspection minutes"),
    "overnight_after": msg("export.overnight_after", "Overnight after"),
    "overnight_where": msg("export.overnight_where", "Overnight place"),
    "lon": msg("export.lon", "Longitude"),
    "lat": msg("export.lat", "Latitude"),
    "reason_code": msg("export.reason_code", "Reason code"),
    "reason": msg("export.reason", "Reason"),
    "visits": msg("export.visits", "Visits"),
    "days_used": msg("export.days_used", "Days with visits"),
    "nights_away": msg("export.nights_away", "Nights away"),
    "risk_covered": msg("export.risk_covered", "Risk covered"),
    "km": msg("export.km", "Km"),
    "drive_hours": msg("export.drive_hours", "Driving hours"),
    "kpi": msg("export.kpi", "Indicator"),
    "plan": msg("export.plan", "Plan"),
    "greedy": msg("export.greedy", "Greedy plan"),
    "sites": msg("export.sites", "Sites"),
    "visited": msg("export.visited", "Visited"),
    "risk": msg("export.risk", "Total risk"),
    "share": msg("export.share", "Share covered"),
    "greedy_visited": msg("export.greedy_visited", "Visited (greedy)"),
    "greedy_risk_covered": msg("export.greedy_risk_covered", "Risk covered (greedy)"),
    "greedy_share": msg("export.greedy_share", "Share covered (greedy)"),
    "from": msg("export.from", "Leaves from"),
    "to": msg("export.to", "Ends at"),
    "depart": msg("export.depart", "Departure"),
    "back": msg("export.back", "Arrival at end"),
    "drive_minutes": msg("export.drive_minutes", "Driving minutes"),
    "key": msg("export.key", "Key"),
    "value": msg("export.value", "Value"),
    # field results sheet (planner.field_results reads it back; headers in either language)
    "inspection_id": msg("export.inspection_id", "Inspection code"),
    "area_id": msg("export.area_id", "Area code"),
    "selection": msg("export.selection", "Selection"),
    "selection_probability": msg("export.selection_probability", "Selection probability"),
    "done": msg("export.done", "Done"),
    "victims": msg("export.victims", "Victims"),
    "violations": msg("export.violations", "Violations"),
    "workers": msg("export.workers", "Workers"),
    # KPI rows
    "kpi.risk_covered": msg("export.kpi.risk_covered", "Risk covered (sum of visited priorities)"),
    "kpi.risk_share": msg("export.kpi.risk_share", "Share of total risk covered"),
    "kpi.sites_visited": msg("export.kpi.sites_visited", "Sites visited"),
    "kpi.top_decile_share": msg("export.kpi.top_decile_share", "Share of the top-10 % risk sites visited"),
    "kpi.must_visit_planned": msg("export.kpi.must_visit_planned", "Must-visit sites planned"),
    "kpi.must_visit_total": msg("export.kpi.must_visit_total", "Must-visit sites in total"),
    "kpi.km": msg("export.kpi.km", "Kilometres driven"),
    "kpi.drive_hours": msg("export.kpi.drive_hours", "Driving hours"),
    "kpi.work_hours": msg("export.kpi.work_hours", "Field working hours"),
    "kpi.team_days_used": msg("export.kpi.team_days_used", "Team-days with visits"),
    # sheet names (<= 31 characters)
    "sheet.visits": msg("export.sheet.visits", "Timeline"),
    "sheet.teams": msg("export.sheet.teams", "Per team"),
    "sheet.routes": msg("export.sheet.routes", "Routes per day"),
    "sheet.kpis": msg("export.sheet.kpis", "Indicators"),
    "sheet.departments": msg("export.sheet.departments", "Per department"),
    "sheet.unplaced": msg("export.sheet.unplaced", "Not placed"),
    "sheet.about": msg("export.sheet.about", "About the plan"),
    # named like the inspections layer ("inspecciones"), so the filled workbook loads as that layer
    "sheet.results": msg("export.sheet.results", "Inspections"),
    # about rows
    "about.engine": msg("export.about.engine", "Engine"),
    "about.seconds": msg("export.about.seconds", "Computing seconds"),
    "about.first_day": msg("export.about.first_day", "First day"),
    "about.days": msg("export.about.days", "Working days"),
    "about.teams": msg("export.about.teams", "Teams"),
    "about.priority_rule": msg("export.about.priority_rule", "Priority rule"),
    "about.travel_method": msg("export.about.travel_method", "Travel times"),
    "about.dataset": msg("export.about.dataset", "Dataset"),
    "about.scores": msg("export.about.scores", "Risk scores used (file · SHA-256)"),
    "about.week": msg("export.about.week", "Week"),
    "about.seed": msg("export.about.seed", "Seed"),
    "about.mode": msg("export.about.mode", "Mode"),
    "about.pool": msg("export.about.pool", "Sampled weeks"),
    "about.units": msg("export.about.units", "Units"),
    "about.timezone": msg("export.about.timezone", "Time zone of the times"),
    "about.note": msg("export.about.note", "Note"),
    # what-if report (planner.coverage.report)
    "wi.rank": msg("export.wi.rank", "Rank"),
    "wi.option": msg("export.wi.option", "Option"),
    "wi.kind": msg("export.wi.kind", "Kind of change"),
    "wi.site_ids": msg("export.wi.site_ids", "Site codes"),
    "wi.lon": msg("export.wi.lon", "Longitude (new site)"),
    "wi.lat": msg("export.wi.lat", "Latitude (new site)"),
    "wi.sites_lonlat": msg("export.wi.sites_lonlat", "Coordinates of the sites"),
    "wi.teams_added": msg("export.wi.teams_added", "Teams added (+) or taken away (-)"),
    "wi.site_new": msg("export.wi.site_new", "New site (1) or existing (0)"),
    "wi.covered_today": msg("export.wi.covered_today", "Risk covered today"),
    "wi.covered": msg("export.wi.covered", "Risk covered with the change"),
    "wi.gain": msg("export.wi.gain", "Gain"),
    "wi.gain_pct": msg("export.wi.gain_pct", "Gain (% of today)"),
    "wi.covered_today_pct": msg("export.wi.covered_today_pct", "Covered today (% of all risk)"),
    "wi.covered_pct": msg("export.wi.covered_pct", "Covered with the change (% of all risk)"),
    "wi.in_best_share": msg("export.wi.in_best_share", "In the best set (share of draws)"),
    "wi.robustness": msg("export.wi.robustness", "Robustness"),
    "wi.gap_pct": msg("export.wi.gap_pct", "Proven gap (%)"),
    "wi.planner_today": msg("export.wi.planner_today", "Planner: risk covered today"),
    "wi.planner_after": msg("export.wi.planner_after", "Planner: risk covered with the change"),
    "wi.planner_gain_pct": msg("export.wi.planner_gain_pct", "Planner: gain (%)"),
    "wi.kind.office": msg("export.wi.kind.office", "new office"),
    "wi.kind.teams": msg("export.wi.kind.teams", "teams added"),
    "wi.kind.move": msg("export.wi.kind.move", "teams moved"),
    "wi.kind.checkpoint": msg("export.wi.kind.checkpoint", "new checkpoint"),
    "wi.robustness.robust": msg("export.wi.robustness.robust", "robust"),
    "wi.robustness.fragile": msg("export.wi.robustness.fragile", "fragile"),
    "wi.robustness.not_assessed": msg("export.wi.robustness.not_assessed", "not assessed"),
    "wi.sheet.options": msg("export.wi.sheet.options", "Options"),
    "wi.sheet.about": msg("export.wi.sheet.about", "About the analysis"),
    "wi.title": msg("export.wi.title", "What if…? Resources"),
    "wi.rule": msg("export.wi.rule",
                   "Coverage rule: an area counts as half covered by the first team that reaches it within "
                   "{hours} h of travel, and each further team covers half of what is left. Robustness: an "
                   "option is robust when each of its sites is in the best set in at least {share} of the "
                   "score draws; otherwise it is fragile."),
    "wi.about.question": msg("export.wi.about.question", "Question"),
    "wi.about.target": msg("export.wi.about.target", "Demand covered"),
    "wi.about.total_risk": msg("export.wi.about.total_risk", "Total risk"),
    "wi.about.covered_today": msg("export.wi.about.covered_today", "Risk covered today"),
    "wi.about.reach_minutes": msg("export.wi.about.reach_minutes", "Reach (travel minutes)"),
    "wi.about.draws_solved": msg("export.wi.about.draws_solved", "Score draws solved"),
    "wi.about.seconds": msg("export.wi.about.seconds", "Computing seconds"),
    "wi.about.note": msg("export.wi.about.note", "Note"),
    "wi.about.rule": msg("export.wi.about.rule", "Rule"),
    "wi.q.new_sites": msg("export.wi.q.new_sites", "new sites"),
    "wi.q.teams_per_new_site": msg("export.wi.q.teams_per_new_site", "teams per new site"),
    "wi.q.add_teams": msg("export.wi.q.add_teams", "teams added"),
    "wi.q.move_teams": msg("export.wi.q.move_teams", "teams that may move"),
    "wi.target.sites": msg("export.wi.target.sites", "workplaces"),
    "wi.target.areas": msg("export.wi.target.areas", "areas"),
    "wi.target.crossings": msg("export.wi.target.crossings", "border crossings"),
    "wi.note.draws": msg("export.wi.note.draws", "robustness over the scores' own {n} draws"),
    "wi.note.crossing_draws": msg("export.wi.note.crossing_draws",
                                  "robustness over the scores' own {n} crossing draws"),
    "wi.note.no_draws": msg("export.wi.note.no_draws",
                            "no score draws for the {target}: robustness not assessed"),
    # route sheets and calendar
    "sheet_title": msg("export.sheet_title", "Route sheet"),
    "period": msg("export.period", "Period"),
    "members": msg("export.members", "Members"),
    "day_heading": msg("export.day_heading", "Day {n}: {date}"),
    "leave_at": msg("export.leave_at", "Leaves {place} at {time}"),
    "arrive_at": msg("export.arrive_at", "Arrives at {place} at {time}"),
    "sleep_at": msg("export.sleep_at", "Overnight in {place}"),
    "no_visits": msg("export.no_visits", "No visits this day."),
    "no_days": msg("export.no_days", "This team has no visits in the plan."),
    "map_legend": msg("export.map_legend",
                      "Square: office · triangle: overnight stop · number: visit order of the day"),
    "day_totals": msg("export.day_totals", "{km} km, {hours} h driving"),
    "times_zone": msg("export.times_zone", "Local times ({zone})."),
    "yes": msg("export.yes", "yes"),
    "no": msg("export.no", "no"),
    "generated": msg("export.generated", "Generated by Vigía ({engine})."),
    "synthetic": msg("export.synthetic", "Demo data: synthetic figures, not for decisions."),
    # route sheets: front page, day pages and their maps
    "municipality": msg("export.municipality", "Municipality"),
    "coordinates": msg("export.coordinates", "Coordinates (lat, lon)"),
    "leg": msg("export.leg", "Leg from the previous"),
    "stop_column": msg("export.stop_column", "Place · code · sector · municipality, department"),
    "times": msg("export.times", "Arrive – leave"),
    "marks": msg("export.marks", "Marks"),
    "qr": msg("export.qr", "Open in the phone's map"),
    "result": msg("export.result", "Result (write in)"),
    "days_glance": msg("export.days_glance", "The days at a glance"),
    "front_period": msg("export.front_period", "Period: {first} to {last}"),
    "front_members": msg("export.front_members", "Members ({n}): names and signatures"),
    "report_title": msg("export.report_title", "How to report results"),
    "report_steps": msg("export.report_steps",
                        "At each place write in the «Result» column whether it was inspected (yes / no and "
                        "why), the actual time and the findings (number of workers, of minors, of possible "
                        "victims; no names).|If a place is closed or does not exist, note it and go on to "
                        "the next stop; do not change the order without telling your office.|Back at the "
                        "office, hand this signed sheet to the inspection chief within two working days; the "
                        "chief copies the results into the «Inspections» sheet of the plan workbook (done "
                        "yes/no, victims, violations, workers) and records them to plan the next "
                        "visits.|Never write names or personal data of possible victims on this sheet: they "
                        "go only into the official inspection record."),
    "day_of": msg("export.day_of", "Day {n} of {total}"),
    "start_line": msg("export.start_line", "Start: {place}, {time}"),
    "end_line": msg("export.end_line", "End: {place}, {time}"),
    "overnight_line": msg("export.overnight_line", "Overnight: {place}"),
    "return_line": msg("export.return_line", "Back to the office"),
    "office_mark": msg("export.office_mark", "office"),
    "overnight_mark": msg("export.overnight_mark", "overnight"),
    "day_map_legend": msg("export.day_map_legend",
                          "Numbers: visit order · square: office · triangle: overnight stop · grey dashed "
                          "line: department boundary · brown line: road · named dots: towns (GeoNames) · "
                          "inset: close-up of the dotted area. The coloured line joins the stops in order; "
                          "it is not the road's path."),
    "nav_route": msg("export.nav_route", "{team} — day {n} ({date})"),
    "nav_stop": msg("export.nav_stop", "{order}. {place}"),
    "nav_description": msg("export.nav_description",
                           "{team} · day {n} ({date}) · stop {order}\n"
                           "Arrival {arrive} · departure {depart}\n"
                           "{details}"),
    "nav_day_description": msg_plural("export.nav_day_description",
                                      "{km} km, {hours} h driving; {visits} visit; ends at {end}",
                                      "{km} km, {hours} h driving; {visits} visits; ends at {end}",
                                      "visits"),
    "ics_summary": msg("export.ics_summary", "Inspection: {site} — {team}"),
    "ics_description": msg("export.ics_description",
                           "Team: {team}\n"
                           "Order in the day: {order}\n"
                           "Sector: {sector}\n"
                           "Department: {department}\n"
                           "Priority: {priority}\n"
                           "Must visit: {must}\n"
                           "Locked: {locked}"),
    # code columns of files people read: the code (for machines, joins, reading back) beside its words
    "code.sector": msg("export.code.sector", "Sector code"),
    "code.selection": msg("export.code.selection", "Selection code"),
    "code.kind": msg("export.code.kind", "Kind code"),
    "code.robustness": msg("export.code.robustness", "Robustness code"),
    # why a visit is in the plan (contract selection kinds)
    "selection.planned": msg("export.selection.planned", "planned"),
    "selection.random": msg("export.selection.random", "random"),
    "selection.complaint": msg("export.selection.complaint", "complaint"),
    "selection.follow_up": msg("export.selection.follow_up", "follow-up"),
    "selection.other": msg("export.selection.other", "other"),
    # how the plan set priorities and travel times (the planner's own English sentences, translated)
    "rule.scores": msg("export.rule.scores",
                       "Priority = risk score (0-100) of the area that contains the site, from the scores file."),
    "rule.column": msg("export.rule.column", "Priority = the sites column '{column}'."),
    "rule.sector_area": msg("export.rule.sector_area",
                            "Priority = sector weight x area factor. Sector weight is 1.0 for the high-risk "
                            "sectors of the data contract ({sectors}) and 0.5 for any other sector. Area "
                            "factor is 1 + the area's labour-exploitation cases per 10,000 residents divided "
                            "by the highest such rate in the country (so 1 to 2); it is 1 everywhere when "
                            "the dataset has no cases layer. Scale: 0.5 to 2, higher = inspect first."),
    "travel.great_circle": msg("export.travel.great_circle",
                               "straight-line estimate (great circle x detour factor / regional speed)"),
    "travel.road_network": msg("export.travel.road_network", "road network"),
    "mode.randomised": msg("export.mode.randomised", "randomised"),
    "mode.fixed": msg("export.mode.fixed", "fixed"),
    "selection_label": msg("export.selection_label", "Selection: {how}"),
    "selection_with_p": msg("export.selection_with_p", "{how} (p = {p})"),
    # contract sectors (others are shown as the data gives them)
    "sector.mining": msg("export.sector.mining", "mining"),
    "sector.agriculture": msg("export.sector.agriculture", "agriculture"),
    "sector.brick-making": msg("export.sector.brick-making", "brick-making"),
    "sector.textiles": msg("export.sector.textiles", "textiles"),
    "sector.domestic work": msg("export.sector.domestic work", "domestic work"),
    "sector.ranching": msg("export.sector.ranching", "ranching"),
    "sector.logging": msg("export.sector.logging", "logging"),
    "sector.brazil nut": msg("export.sector.brazil nut", "brazil nut"),
    "sector.sugar cane": msg("export.sector.sugar cane", "sugar cane"),
    # reasons (Plan's reason codes)
    "reason.no_skill": msg("export.reason.no_skill", "no team has the skill the site needs"),
    "reason.unreachable": msg("export.reason.unreachable",
                              "no team can get there, work and get back (or to an overnight town) within a "
                              "working day and its driving limit"),
    "reason.window_too_short": msg("export.reason.window_too_short",
                                   "the site's opening hours leave no room for the inspection within a team's working day"),
    "reason.horizon_full": msg("export.reason.horizon_full",
                               "it could be visited, but the teams' days are full with higher-priority or must-visit sites"),
    "reason.dropped": msg("export.reason.dropped", "dropped by the user"),
    # patrol rosters (planner.patrols.exports, planner.patrols.roster_pdf)
    "unit_id": msg("export.unit_id", "Unit code"),
    "unit": msg("export.unit", "Unit"),
    "base": msg("export.base", "Base"),
    "shift": msg("export.shift", "Shift"),
    "place_id": msg("export.place_id", "Place code"),
    "place": msg("export.place", "Place"),
    "place_short": msg("export.place_short", "In the grid"),
    "place_kind": msg("export.place_kind", "Kind of place"),
    "crew": msg("export.crew", "Crew"),
    "minutes_from_base": msg("export.minutes_from_base", "Minutes from the base"),
    "shift.morning": msg("export.shift.morning", "morning"),
    "shift.afternoon": msg("export.shift.afternoon", "afternoon"),
    "shift.night": msg("export.shift.night", "night"),
    "place_kind.official": msg("export.place_kind.official", "official crossing"),
    "place_kind.unofficial": msg("export.place_kind.unofficial", "unofficial crossing"),
    "place_kind.stretch": msg("export.place_kind.stretch", "border stretch"),
    "sheet.roster": msg("export.sheet.roster", "Shifts"),
    "sheet.week_grid": msg("export.sheet.week_grid", "Week"),
    "sheet.places": msg("export.sheet.places", "Places"),
    "sheet.roster_about": msg("export.sheet.roster_about", "About the roster"),
    "off_duty": msg("export.off_duty", "—"),
    "roster_title": msg("export.roster_title", "Patrol roster: {unit}"),
    "roster_week": msg("export.roster_week", "Week {week}: {first} to {last}"),
    "roster_base": msg("export.roster_base", "Base: {base} · crew of {crew}"),
    "roster_no_shifts": msg("export.roster_no_shifts", "This unit has no shifts this week."),
    "roster_map_title": msg("export.roster_map_title", "Its places"),
    "roster_map_legend": msg("export.roster_map_legend",
                             "Square: base · dot: crossing · line: border stretch · number: table row"),
    "roster_times": msg("export.roster_times",
                        "Local times ({zone}). Shifts: morning 06:00–14:00, afternoon 14:00–22:00, night "
                        "22:00–06:00 the next day."),
    "roster_secret": msg("export.roster_secret",
                         "Drawn roster: do not share it outside the unit; its strength is that nobody can foresee it."),
    "ics_patrol_summary": msg("export.ics_patrol_summary", "Patrol: {place} — {unit}"),
    "ics_patrol_description": msg("export.ics_patrol_description",
                                  "Unit: {unit}\n"
                                  "Base: {base}\n"
                                  "Place: {place} ({kind})\n"
                                  "Shift: {shift}\n"
                                  "Minutes from the base: {minutes}"),
}


#: Excel number formats of date and date-time cells, per language (the cell keeps a real date).
DATE_CELL = {"es": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
DATE_TIME_CELL = {"es": "dd/mm/yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}

WEEKDAYS = {
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


def long_date(day: date, lang: str = "es") -> str:
    """``lunes 7 dic de 2026`` / ``Monday Dec 7, 2026``: the weekday, then the date as
    :func:`geodata.formats.date` writes it (never the system locale)."""
    return f"{WEEKDAYS.get(lang, WEEKDAYS['es'])[day.weekday()]} {formats.date(day, lang)}"


def word(code: str, lang: str = "es", **fmt: object) -> str:
    """The text for ``code`` in ``lang`` (``es`` or ``en``); unknown codes are returned as given."""
    entry = WORDS.get(code)
    if entry is None:
        return code
    lang = lang if lang in LANGS else "es"
    if isinstance(entry, Text):
        return lookup(entry, lang, **fmt)
    text = entry[LANGS.index(lang)]  # (Spanish, English): a table from before the catalog
    return text.format(**fmt) if fmt else text


def sector_text(sector: str, lang: str = "es") -> str:
    """A contract sector in ``lang``; a ministry's own sector names as given."""
    return word(f"sector.{sector}", lang) if f"sector.{sector}" in WORDS else sector


def selection_text(selection: str | None, probability: float | None, lang: str = "es") -> str:
    """Why a visit is in the plan, as a person reads it: ``Selección: al azar (p = 0,250)``.

    A visit drawn at random carries its inclusion probability (what results are weighted by
    when they come back); a targeted one has none, so none is shown.
    """
    code = selection or "planned"
    how = word(f"selection.{code}", lang) if f"selection.{code}" in WORDS else code
    if probability is not None and probability == probability:
        how = word("selection_with_p", lang, how=how, p=formats.decimal(probability, lang, digits=3))
    return word("selection_label", lang, how=how)


def sentence_text(text: str, prefix: str, lang: str = "es") -> str:
    """One of the core's English sentences (``prefix.*`` entries, ``{name}`` parts filled from it)
    in ``lang``; a sentence this table does not know is returned as given."""
    if lang == "en":
        return text
    for code, entry in WORDS.items():
        if not code.startswith(prefix + "."):
            continue
        spanish, english = (entry["es"], entry["en"]) if isinstance(entry, Text) else entry
        pattern = "".join(f"(?P<{part[1:-1]}>.+?)" if part.startswith("{") else re.escape(part)
                          for part in re.split(r"(\{\w+\})", english))
        found = re.fullmatch(pattern, text.strip(), re.S)
        if found:
            parts = found.groupdict()
            if "target" in parts:
                parts["target"] = code_text("wi.target", parts["target"], lang)
            if "sectors" in parts:
                parts["sectors"] = ", ".join(sector_text(name.strip(), lang) for name in parts["sectors"].split(","))
            return spanish.format(**parts)
    return text


def code_text(prefix: str, code: object, lang: str = "es") -> str:
    """A code of a files' code column (``selection``, ``sector``...) in words; unknown codes as given."""
    text = "" if code is None or (isinstance(code, float) and code != code) else str(code)
    return word(f"{prefix}.{text}", lang) if f"{prefix}.{text}" in WORDS else text


def reason_text(code: str, fallback: str, lang: str = "es") -> str:
    """A reason code in ``lang``: the plan's own (English) sentence in English and for codes this
    table does not know, so the planner's wording stays the reference."""
    if lang == "en" or f"reason.{code}" not in WORDS:
        return fallback
    return word(f"reason.{code}", lang)
