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
from geodata.catalog import Text, lookup

LANGS = ("es", "en")

#: code -> its text (``msg("export." + code, English)``; Spanish in the catalog)
WORDS: dict[str, Text | tuple[str, str]] = {
    # column codes
    "team_id": ("Código de equipo", "Team code"),
    "team": ("Equipo", "Team"),
    "office_id": ("Oficina", "Office"),
    "date": ("Fecha", "Date"),
    "day": ("Día", "Day"),
    "order": ("Orden", "Order"),
    "site_id": ("Código del lugar", "Site code"),
    "site": ("Lugar de trabajo", "Workplace"),
    "sector": ("Sector", "Sector"),
    "department": ("Departamento", "Department"),
    "priority": ("Prioridad", "Priority"),
    "must_visit": ("Obligatoria", "Must visit"),
    "locked": ("Fijada", "Locked"),
    "arrive": ("Llegada", "Arrival"),
    "start": ("Inicio", "Start"),
    "end": ("Fin", "End"),
    "service_minutes": ("Minutos de inspección", "Inspection minutes"),
    "overnight_after": ("Pernocta después", "Overnight after"),
    "overnight_where": ("Lugar de pernocte", "Overnight place"),
    "lon": ("Longitud", "Longitude"),
    "lat": ("Latitud", "Latitude"),
    "reason_code": ("Código del motivo", "Reason code"),
    "reason": ("Motivo", "Reason"),
    "visits": ("Visitas", "Visits"),
    "days_used": ("Días con visitas", "Days with visits"),
    "nights_away": ("Noches fuera", "Nights away"),
    "risk_covered": ("Riesgo cubierto", "Risk covered"),
    "km": ("Km", "Km"),
    "drive_hours": ("Horas de manejo", "Driving hours"),
    "kpi": ("Indicador", "Indicator"),
    "plan": ("Plan", "Plan"),
    "greedy": ("Plan voraz", "Greedy plan"),
    "sites": ("Lugares", "Sites"),
    "visited": ("Visitados", "Visited"),
    "risk": ("Riesgo total", "Total risk"),
    "share": ("Proporción cubierta", "Share covered"),
    "greedy_visited": ("Visitados (voraz)", "Visited (greedy)"),
    "greedy_risk_covered": ("Riesgo cubierto (voraz)", "Risk covered (greedy)"),
    "greedy_share": ("Proporción cubierta (voraz)", "Share covered (greedy)"),
    "from": ("Sale de", "Leaves from"),
    "to": ("Termina en", "Ends at"),
    "depart": ("Salida", "Departure"),
    "back": ("Llegada final", "Arrival at end"),
    "drive_minutes": ("Minutos de manejo", "Driving minutes"),
    "key": ("Clave", "Key"),
    "value": ("Valor", "Value"),
    # field results sheet (planner.field_results reads it back; headers in either language)
    "inspection_id": ("Código de inspección", "Inspection code"),
    "area_id": ("Código del municipio", "Area code"),
    "selection": ("Selección", "Selection"),
    "selection_probability": ("Probabilidad de selección", "Selection probability"),
    "done": ("Realizada", "Done"),
    "victims": ("Víctimas", "Victims"),
    "violations": ("Infracciones", "Violations"),
    "workers": ("Trabajadores", "Workers"),
    # KPI rows
    "kpi.risk_covered": ("Riesgo cubierto (suma de prioridades visitadas)", "Risk covered (sum of visited priorities)"),
    "kpi.risk_share": ("Proporción del riesgo total cubierta", "Share of total risk covered"),
    "kpi.sites_visited": ("Lugares visitados", "Sites visited"),
    "kpi.top_decile_share": ("Proporción del 10 % de mayor riesgo visitada", "Share of the top-10 % risk sites visited"),
    "kpi.must_visit_planned": ("Visitas obligatorias en el plan", "Must-visit sites planned"),
    "kpi.must_visit_total": ("Visitas obligatorias en total", "Must-visit sites in total"),
    "kpi.km": ("Kilómetros recorridos", "Kilometres driven"),
    "kpi.drive_hours": ("Horas de manejo", "Driving hours"),
    "kpi.work_hours": ("Horas de trabajo en campo", "Field working hours"),
    "kpi.team_days_used": ("Equipo-días con visitas", "Team-days with visits"),
    # sheet names (<= 31 characters)
    "sheet.visits": ("Cronograma", "Timeline"),
    "sheet.teams": ("Por equipo", "Per team"),
    "sheet.routes": ("Rutas por día", "Routes per day"),
    "sheet.kpis": ("Indicadores", "Indicators"),
    "sheet.departments": ("Por departamento", "Per department"),
    "sheet.unplaced": ("Sin ubicar", "Not placed"),
    "sheet.about": ("Acerca del plan", "About the plan"),
    # named like the inspections layer ("inspecciones"), so the filled workbook loads as that layer
    "sheet.results": ("Inspecciones", "Inspections"),
    # about rows
    "about.engine": ("Motor", "Engine"),
    "about.seconds": ("Segundos de cálculo", "Computing seconds"),
    "about.first_day": ("Primer día", "First day"),
    "about.days": ("Días laborables", "Working days"),
    "about.teams": ("Equipos", "Teams"),
    "about.priority_rule": ("Regla de prioridad", "Priority rule"),
    "about.travel_method": ("Tiempos de viaje", "Travel times"),
    "about.dataset": ("Conjunto de datos", "Dataset"),
    "about.scores": ("Puntajes de riesgo usados (archivo · SHA-256)", "Risk scores used (file · SHA-256)"),
    "about.week": ("Semana", "Week"),
    "about.seed": ("Semilla", "Seed"),
    "about.mode": ("Modo", "Mode"),
    "about.pool": ("Semanas muestreadas", "Sampled weeks"),
    "about.units": ("Unidades", "Units"),
    "about.timezone": ("Zona horaria de las horas", "Time zone of the times"),
    "about.note": ("Nota", "Note"),
    # what-if report (planner.coverage.report)
    "wi.rank": ("Puesto", "Rank"),
    "wi.option": ("Opción", "Option"),
    "wi.kind": ("Tipo de cambio", "Kind of change"),
    "wi.site_ids": ("Códigos de los lugares", "Site codes"),
    "wi.lon": ("Longitud (nueva sede)", "Longitude (new site)"),
    "wi.lat": ("Latitud (nueva sede)", "Latitude (new site)"),
    "wi.sites_lonlat": ("Coordenadas de los lugares", "Coordinates of the sites"),
    "wi.teams_added": ("Equipos añadidos (+) o retirados (-)", "Teams added (+) or taken away (-)"),
    "wi.site_new": ("Sede nueva (1) o existente (0)", "New site (1) or existing (0)"),
    "wi.covered_today": ("Riesgo cubierto hoy", "Risk covered today"),
    "wi.covered": ("Riesgo cubierto con el cambio", "Risk covered with the change"),
    "wi.gain": ("Ganancia", "Gain"),
    "wi.gain_pct": ("Ganancia (% de hoy)", "Gain (% of today)"),
    "wi.covered_today_pct": ("Cubierto hoy (% del riesgo total)", "Covered today (% of all risk)"),
    "wi.covered_pct": ("Cubierto con el cambio (% del riesgo total)", "Covered with the change (% of all risk)"),
    "wi.in_best_share": ("Veces en el mejor conjunto (proporción de sorteos)", "In the best set (share of draws)"),
    "wi.robustness": ("Solidez", "Robustness"),
    "wi.gap_pct": ("Brecha demostrada (%)", "Proven gap (%)"),
    "wi.planner_today": ("Planificador: riesgo cubierto hoy", "Planner: risk covered today"),
    "wi.planner_after": ("Planificador: riesgo cubierto con el cambio", "Planner: risk covered with the change"),
    "wi.planner_gain_pct": ("Planificador: ganancia (%)", "Planner: gain (%)"),
    "wi.kind.office": ("nueva oficina", "new office"),
    "wi.kind.teams": ("equipos añadidos", "teams added"),
    "wi.kind.move": ("equipos trasladados", "teams moved"),
    "wi.kind.checkpoint": ("nuevo puesto de control", "new checkpoint"),
    "wi.robustness.robust": ("sólida", "robust"),
    "wi.robustness.fragile": ("frágil", "fragile"),
    "wi.robustness.not_assessed": ("sin evaluar", "not assessed"),
    "wi.sheet.options": ("Opciones", "Options"),
    "wi.sheet.about": ("Acerca del análisis", "About the analysis"),
    "wi.title": ("¿Qué pasa si…? Recursos", "What if…? Resources"),
    "wi.rule": ("Regla de cobertura: un área cuenta como cubierta a medias por el primer equipo que la "
                "alcanza en {hours} h de viaje, y cada equipo más cubre la mitad de lo que falta. "
                "Solidez: una opción es sólida si cada lugar está en el mejor conjunto en al menos "
                "{share} de los sorteos de los puntajes; si no, es frágil.",
                "Coverage rule: an area counts as half covered by the first team that reaches it within "
                "{hours} h of travel, and each further team covers half of what is left. Robustness: an "
                "option is robust when each of its sites is in the best set in at least {share} of the "
                "score draws; otherwise it is fragile."),
    "wi.about.question": ("Pregunta", "Question"),
    "wi.about.target": ("Demanda que se cubre", "Demand covered"),
    "wi.about.total_risk": ("Riesgo total", "Total risk"),
    "wi.about.covered_today": ("Riesgo cubierto hoy", "Risk covered today"),
    "wi.about.reach_minutes": ("Alcance (minutos de viaje)", "Reach (travel minutes)"),
    "wi.about.draws_solved": ("Sorteos de puntajes resueltos", "Score draws solved"),
    "wi.about.seconds": ("Segundos de cálculo", "Computing seconds"),
    "wi.about.note": ("Nota", "Note"),
    "wi.about.rule": ("Regla", "Rule"),
    "wi.q.new_sites": ("sedes nuevas", "new sites"),
    "wi.q.teams_per_new_site": ("equipos por sede nueva", "teams per new site"),
    "wi.q.add_teams": ("equipos añadidos", "teams added"),
    "wi.q.move_teams": ("equipos que pueden trasladarse", "teams that may move"),
    "wi.target.sites": ("lugares de trabajo", "workplaces"),
    "wi.target.areas": ("áreas", "areas"),
    "wi.target.crossings": ("pasos fronterizos", "border crossings"),
    "wi.note.draws": ("solidez medida sobre los {n} sorteos del propio archivo de puntajes",
                      "robustness over the scores' own {n} draws"),
    "wi.note.crossing_draws": ("solidez medida sobre los {n} sorteos de pasos del propio archivo de puntajes",
                               "robustness over the scores' own {n} crossing draws"),
    "wi.note.no_draws": ("sin sorteos de puntajes para {target}: solidez sin evaluar",
                         "no score draws for the {target}: robustness not assessed"),
    # route sheets and calendar
    "sheet_title": ("Hoja de ruta", "Route sheet"),
    "period": ("Periodo", "Period"),
    "members": ("Integrantes", "Members"),
    "day_heading": ("Día {n}: {date}", "Day {n}: {date}"),
    "leave_at": ("Sale de {place} a las {time}", "Leaves {place} at {time}"),
    "arrive_at": ("Llega a {place} a las {time}", "Arrives at {place} at {time}"),
    "sleep_at": ("Pernocta en {place}", "Overnight in {place}"),
    "no_visits": ("Sin visitas este día.", "No visits this day."),
    "no_days": ("Este equipo no tiene visitas en el plan.", "This team has no visits in the plan."),
    "map_legend": ("Cuadrado: oficina · triángulo: pernocte · número: orden de visita del día",
                   "Square: office · triangle: overnight stop · number: visit order of the day"),
    "day_totals": ("{km} km, {hours} h de manejo", "{km} km, {hours} h driving"),
    "times_zone": ("Horas locales ({zone}).", "Local times ({zone})."),
    "yes": ("sí", "yes"),
    "no": ("no", "no"),
    "generated": ("Generado por Vigía ({engine}).", "Generated by Vigía ({engine})."),
    "synthetic": ("Datos de demostración: cifras sintéticas, no usar para decisiones.",
                  "Demo data: synthetic figures, not for decisions."),
    # route sheets: front page, day pages and their maps
    "municipality": ("Municipio", "Municipality"),
    "coordinates": ("Coordenadas (lat, lon)", "Coordinates (lat, lon)"),
    "leg": ("Tramo desde la anterior", "Leg from the previous"),
    "stop_column": ("Lugar · código · sector · municipio, departamento",
                    "Place · code · sector · municipality, department"),
    "times": ("Llega – sale", "Arrive – leave"),
    "marks": ("Marcas", "Marks"),
    "qr": ("Abrir en el mapa del teléfono", "Open in the phone's map"),
    "result": ("Resultado (anotar)", "Result (write in)"),
    "days_glance": ("Los días de un vistazo", "The days at a glance"),
    "front_period": ("Periodo: {first} a {last}", "Period: {first} to {last}"),
    "front_members": ("Integrantes ({n}): nombres y firmas", "Members ({n}): names and signatures"),
    "report_title": ("Cómo informar los resultados", "How to report results"),
    "report_steps": (
        "En cada lugar anote en la columna «Resultado» si se inspeccionó (sí / no y por qué), la hora real y "
        "los hallazgos (cantidad de personas trabajadoras, de menores, de posibles víctimas; sin nombres)."
        "|Si un lugar está cerrado o no existe, anótelo y siga con la parada siguiente; no cambie el orden "
        "sin avisar a su jefatura."
        "|Al volver, entregue esta hoja firmada a la jefatura de inspección en un plazo de dos días hábiles; "
        "ella copia los resultados en la hoja «Inspecciones» de la planilla del plan (Realizada sí/no, "
        "víctimas, infracciones, trabajadores) y los registra para planificar las próximas visitas."
        "|Nunca escriba en esta hoja nombres ni datos personales de posibles víctimas: van solo al acta "
        "oficial de la inspección.",
        "At each place write in the «Result» column whether it was inspected (yes / no and why), the actual "
        "time and the findings (number of workers, of minors, of possible victims; no names)."
        "|If a place is closed or does not exist, note it and go on to the next stop; do not change the order "
        "without telling your office."
        "|Back at the office, hand this signed sheet to the inspection chief within two working days; the "
        "chief copies the results into the «Inspections» sheet of the plan workbook (done yes/no, victims, "
        "violations, workers) and records them to plan the next visits."
        "|Never write names or personal data of possible victims on this sheet: they go only into the "
        "official inspection record.",
    ),
    "day_of": ("Día {n} de {total}", "Day {n} of {total}"),
    "start_line": ("Salida: {place}, {time}", "Start: {place}, {time}"),
    "end_line": ("Llegada: {place}, {time}", "End: {place}, {time}"),
    "overnight_line": ("Pernocte: {place}", "Overnight: {place}"),
    "return_line": ("Regreso a la oficina", "Back to the office"),
    "office_mark": ("oficina", "office"),
    "overnight_mark": ("pernocte", "overnight"),
    "day_map_legend": (
        "Números: orden de visita · cuadrado: oficina · triángulo: pernocte · línea discontinua gris: límite "
        "departamental · línea marrón: camino · puntos con nombre: poblaciones (GeoNames) · recuadro: detalle "
        "de la zona punteada. La línea de color une las paradas en orden; no es el trazado del camino.",
        "Numbers: visit order · square: office · triangle: overnight stop · grey dashed line: department "
        "boundary · brown line: road · named dots: towns (GeoNames) · inset: close-up of the dotted area. The "
        "coloured line joins the stops in order; it is not the road's path.",
    ),
    "nav_route": ("{team} — día {n} ({date})", "{team} — day {n} ({date})"),
    "nav_stop": ("{order}. {place}", "{order}. {place}"),
    "nav_description": (
        "{team} · día {n} ({date}) · parada {order}\nLlegada {arrive} · salida {depart}\n{details}",
        "{team} · day {n} ({date}) · stop {order}\nArrival {arrive} · departure {depart}\n{details}",
    ),
    "nav_day_description": ("{km} km, {hours} h de manejo; {visits} visitas; termina en {end}",
                            "{km} km, {hours} h driving; {visits} visits; ends at {end}"),
    "ics_summary": ("Inspección: {site} — {team}", "Inspection: {site} — {team}"),
    "ics_description": (
        "Equipo: {team}\nOrden en el día: {order}\nSector: {sector}\nDepartamento: {department}\n"
        "Prioridad: {priority}\nObligatoria: {must}\nFijada: {locked}",
        "Team: {team}\nOrder in the day: {order}\nSector: {sector}\nDepartment: {department}\n"
        "Priority: {priority}\nMust visit: {must}\nLocked: {locked}",
    ),
    # code columns of files people read: the code (for machines, joins, reading back) beside its words
    "code.sector": ("Código del sector", "Sector code"),
    "code.selection": ("Código de selección", "Selection code"),
    "code.kind": ("Código del tipo de cambio", "Kind code"),
    "code.robustness": ("Código de solidez", "Robustness code"),
    # why a visit is in the plan (contract selection kinds)
    "selection.planned": ("planificada", "planned"),
    "selection.random": ("al azar", "random"),
    "selection.complaint": ("por denuncia", "complaint"),
    "selection.follow_up": ("de seguimiento", "follow-up"),
    "selection.other": ("otra", "other"),
    # how the plan set priorities and travel times (the planner's own English sentences, translated)
    "rule.scores": ("Prioridad = puntaje de riesgo (0-100) del área que contiene el lugar, según el archivo de "
                    "puntajes.",
                    "Priority = risk score (0-100) of the area that contains the site, from the scores file."),
    "rule.column": ("Prioridad = la columna '{column}' de los lugares.", "Priority = the sites column '{column}'."),
    "rule.sector_area": (
        "Prioridad = peso del sector x factor del área. El peso del sector es 1,0 para los sectores de alto riesgo "
        "del contrato de datos ({sectors}) y 0,5 para cualquier otro. El factor del área es 1 + los casos de "
        "explotación laboral del área por 10.000 habitantes divididos por la tasa más alta del país (de 1 a 2); "
        "es 1 en todas partes cuando los datos no tienen capa de casos. Escala: 0,5 a 2, más alto = inspeccionar "
        "antes.",
        "Priority = sector weight x area factor. Sector weight is 1.0 for the high-risk sectors of the data "
        "contract ({sectors}) and 0.5 for any other sector. Area factor is 1 + the area's labour-exploitation "
        "cases per 10,000 residents divided by the highest such rate in the country (so 1 to 2); it is 1 "
        "everywhere when the dataset has no cases layer. Scale: 0.5 to 2, higher = inspect first."),
    "travel.great_circle": ("estimación en línea recta (gran círculo x factor de desvío / velocidad de la región)",
                            "straight-line estimate (great circle x detour factor / regional speed)"),
    "travel.road_network": ("red de caminos", "road network"),
    "mode.randomised": ("sorteado", "randomised"),
    "mode.fixed": ("fijo", "fixed"),
    "selection_label": ("Selección: {how}", "Selection: {how}"),
    "selection_with_p": ("{how} (p = {p})", "{how} (p = {p})"),
    # contract sectors (others are shown as the data gives them)
    "sector.mining": ("minería", "mining"),
    "sector.agriculture": ("agricultura", "agriculture"),
    "sector.brick-making": ("ladrilleras", "brick-making"),
    "sector.textiles": ("textiles", "textiles"),
    "sector.domestic work": ("trabajo doméstico", "domestic work"),
    "sector.ranching": ("ganadería", "ranching"),
    "sector.logging": ("explotación forestal", "logging"),
    "sector.brazil nut": ("castaña", "brazil nut"),
    "sector.sugar cane": ("caña de azúcar", "sugar cane"),
    # reasons (Plan's reason codes)
    "reason.no_skill": ("ningún equipo tiene la habilidad que pide el lugar",
                        "no team has the skill the site needs"),
    "reason.unreachable": ("ningún equipo puede llegar, trabajar y volver (o llegar al lugar de pernocte de esa "
                           "noche) dentro de un día laboral y su límite de manejo, y ningún viaje de campo "
                           "planificado en este periodo pasa cerca",
                           "no team can get there, work and get back (or to an overnight town) within a "
                           "working day and its driving limit"),
    "reason.window_too_short": ("el horario de apertura no deja tiempo para la inspección dentro del día de "
                                "trabajo de ningún equipo",
                                "the site's opening hours leave no room for the inspection within a team's "
                                "working day"),
    "reason.horizon_full": ("podría visitarse, pero los días de los equipos están llenos con lugares de mayor "
                            "prioridad u obligatorios",
                            "it could be visited, but the teams' days are full with higher-priority or "
                            "must-visit sites"),
    "reason.dropped": ("quitado por el usuario", "dropped by the user"),
    # patrol rosters (planner.patrols.exports, planner.patrols.roster_pdf)
    "unit_id": ("Código de unidad", "Unit code"),
    "unit": ("Unidad", "Unit"),
    "base": ("Base", "Base"),
    "shift": ("Turno", "Shift"),
    "place_id": ("Código del lugar", "Place code"),
    "place": ("Lugar", "Place"),
    "place_short": ("En la grilla", "In the grid"),
    "place_kind": ("Tipo de lugar", "Kind of place"),
    "crew": ("Tripulación", "Crew"),
    "minutes_from_base": ("Minutos desde la base", "Minutes from the base"),
    "shift.morning": ("mañana", "morning"),
    "shift.afternoon": ("tarde", "afternoon"),
    "shift.night": ("noche", "night"),
    "place_kind.official": ("paso oficial", "official crossing"),
    "place_kind.unofficial": ("paso no oficial", "unofficial crossing"),
    "place_kind.stretch": ("tramo de frontera", "border stretch"),
    "sheet.roster": ("Turnos", "Shifts"),
    "sheet.week_grid": ("Semana", "Week"),
    "sheet.places": ("Lugares", "Places"),
    "sheet.roster_about": ("Acerca del rol", "About the roster"),
    "off_duty": ("—", "—"),
    "roster_title": ("Rol de patrullaje: {unit}", "Patrol roster: {unit}"),
    "roster_week": ("Semana {week}: del {first} al {last}", "Week {week}: {first} to {last}"),
    "roster_base": ("Base: {base} · tripulación de {crew}", "Base: {base} · crew of {crew}"),
    "roster_no_shifts": ("Esta unidad no tiene turnos esta semana.", "This unit has no shifts this week."),
    "roster_map_title": ("Sus lugares", "Its places"),
    "roster_map_legend": ("Cuadrado: base · punto: paso · línea: tramo de frontera · número: fila de la tabla",
                          "Square: base · dot: crossing · line: border stretch · number: table row"),
    "roster_times": ("Horas locales ({zone}). Turnos: mañana 06:00–14:00, tarde 14:00–22:00, noche 22:00–06:00 "
                     "del día siguiente.",
                     "Local times ({zone}). Shifts: morning 06:00–14:00, afternoon 14:00–22:00, night "
                     "22:00–06:00 the next day."),
    "roster_secret": ("Rol sorteado: no lo comparta fuera de la unidad; su fuerza es que nadie lo pueda prever.",
                      "Drawn roster: do not share it outside the unit; its strength is that nobody can foresee it."),
    "ics_patrol_summary": ("Patrulla: {place} — {unit}", "Patrol: {place} — {unit}"),
    "ics_patrol_description": ("Unidad: {unit}\nBase: {base}\nLugar: {place} ({kind})\nTurno: {shift}\n"
                               "Minutos desde la base: {minutes}",
                               "Unit: {unit}\nBase: {base}\nPlace: {place} ({kind})\nShift: {shift}\n"
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
