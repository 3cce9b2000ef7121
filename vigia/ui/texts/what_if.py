"""Strings of the What-if page (where one more office, team or checkpoint helps most)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nav.what_if": {"es": "¿Qué pasa si…?", "en": "What if"},
    "whatif.title": {"es": "¿Qué pasa si…? Oficinas, equipos y puestos de control",
                     "en": "What if…? Offices, teams and checkpoints"},
    "whatif.intro": {
        "es": "Dónde rinde más una oficina, un equipo o un puesto de control nuevo: el modelo elige, con un "
              "solucionador exacto, los lugares que cubren más riesgo a menos de un día de viaje, los compara "
              "con los recursos de hoy, repite la cuenta con sorteos de los puntajes para ver si la elección es "
              "sólida, y prueba las mejores opciones con los mismos planificadores (de inspecciones o de patrullas) "
              "que usan las jefaturas.",
        "en": "Where a new office, team or checkpoint helps most: an exact solver picks the places that cover "
              "the most risk within a day's trip, compares them with today's resources, repeats the count "
              "over draws of the scores to see whether the choice is solid, and tries the best options with the "
              "same planners (inspections or patrols) the chiefs use.",
    },
    "whatif.question": {"es": "Pregunta", "en": "Question"},
    "whatif.q.offices": {"es": "Abrir oficinas nuevas", "en": "Open new offices"},
    "whatif.q.teams": {"es": "Añadir equipos a las oficinas", "en": "Add teams to the offices"},
    "whatif.q.move": {"es": "Trasladar equipos entre oficinas", "en": "Move teams between offices"},
    "whatif.q.checkpoints": {"es": "Abrir puestos de control en la frontera", "en": "Open border checkpoints"},
    "whatif.how_many": {"es": "¿Cuántos?", "en": "How many?"},
    "whatif.teams_per_office": {"es": "Equipos en cada oficina nueva", "en": "Teams at each new office"},
    "whatif.reach_hours": {"es": "Alcance (horas de viaje)", "en": "Reach (hours of travel)"},
    "whatif.time_limit": {"es": "Tiempo del solucionador (s)", "en": "Solver time (s)"},
    "whatif.draws": {"es": "Sorteos de los puntajes", "en": "Score draws"},
    "whatif.check": {"es": "Probar con el planificador (inspecciones: 5 días; patrullas: 1 semana)",
                     "en": "Try with the planner (inspections: 5 days; patrols: one week)"},
    "whatif.candidates": {"es": "Lugares candidatos", "en": "Candidate places"},
    "whatif.cand.geonames": {"es": "Pueblos y capitales (GeoNames)", "en": "Towns and capitals (GeoNames)"},
    "whatif.cand.file": {"es": "Mi archivo (CSV o Excel: name, lon, lat)",
                         "en": "My file (CSV or Excel: name, lon, lat)"},
    "whatif.cand.crossings": {"es": "Pasos sin puesto policial", "en": "Crossings without a police post"},
    "whatif.upload": {"es": "Archivo de candidatos", "en": "Candidates file"},
    "whatif.bad_file": {"es": "El archivo de candidatos tiene errores; no se usó:",
                        "en": "The candidates file has errors; it was not used:"},
    "whatif.need_file": {"es": "Suba el archivo de candidatos.", "en": "Upload the candidates file."},
    "whatif.run": {"es": "Calcular", "en": "Compute"},
    "whatif.running": {"es": "Buscando las mejores opciones…", "en": "Looking for the best options…"},
    "whatif.no_scores": {"es": "No hay puntajes de riesgo para este conjunto de datos: {reason}",
                         "en": "There are no risk scores for this dataset: {reason}"},
    "whatif.failed": {"es": "No se pudo calcular: {reason}", "en": "Could not compute: {reason}"},
    "whatif.result_header": {"es": "Opciones, de mejor a peor", "en": "Options, best first"},
    "whatif.today": {
        "es": "Hoy se cubre {covered} de {total} de riesgo ({share}), con un alcance de {hours} h.",
        "en": "Today {covered} of {total} risk is covered ({share}), with a reach of {hours} h.",
    },
    "whatif.draws_note": {"es": "Solidez evaluada en {n} sorteos de los puntajes.",
                          "en": "Robustness assessed over {n} score draws."},
    "whatif.no_draws": {"es": "Sin sorteos de los puntajes: la solidez no se evaluó.",
                        "en": "No score draws: robustness not assessed."},
    "whatif.no_options": {"es": "No se encontró ninguna opción (sin candidatos o sin tiempo).",
                          "en": "No option found (no candidates, or out of time)."},
    "whatif.map_option": {"es": "Opción en el mapa", "en": "Option on the map"},
    "whatif.map_today": {"es": "Hoy", "en": "Today"},
    "whatif.map_after": {"es": "Con la opción {rank}", "en": "With option {rank}"},
    "whatif.legend": {"es": "Cobertura del riesgo", "en": "Risk coverage"},
    "whatif.deg.none": {"es": "ningún equipo llega", "en": "no team reaches it"},
    "whatif.deg.one": {"es": "1 equipo (50 %)", "en": "1 team (50%)"},
    "whatif.deg.two": {"es": "2 equipos (75 %)", "en": "2 teams (75%)"},
    "whatif.deg.more": {"es": "3 o más equipos", "en": "3 or more teams"},
    "whatif.site_today": {"es": "oficina o base de hoy", "en": "office or base today"},
    "whatif.site_new": {"es": "lugar que gana recursos", "en": "place that gains resources"},
    "whatif.col.coverage": {"es": "Cobertura", "en": "Coverage"},
    "whatif.col.name": {"es": "Nombre", "en": "Name"},
    "whatif.downloads": {"es": "Descargar el informe", "en": "Download the report"},
    "whatif.saved_as": {"es": "Guardado en el espacio de trabajo (n.º {id}, versión {version}).",
                        "en": "Saved in the workspace (no. {id}, version {version})."},
    "whatif.reopened": {"es": "Escenario guardado n.º {id}, versión {version}, de {user}.",
                        "en": "Saved scenario no. {id}, version {version}, by {user}."},
    "whatif.new_version": {"es": "Guardar como nueva versión del escenario abierto",
                           "en": "Save as a new version of the open scenario"},
    "whatif.not_allowed": {"es": "Su rol no permite calcular escenarios de recursos.",
                           "en": "Your role cannot compute resource scenarios."},
}
