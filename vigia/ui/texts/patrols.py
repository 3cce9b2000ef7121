"""Strings of the patrols part of the Border page (roster, coverage map, comparison, pins)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "patrols.header": {"es": "Turnos de patrullaje", "en": "Patrol roster"},
    "patrols.intro": {
        "es": "Un rol semanal de patrullas que respeta las reglas de servicio (turnos de 8 h, descanso, "
              "máximo de turnos, presencia mínima en pasos oficiales, alcance desde la base) y cubre el riesgo. "
              "El rol aleatorizado sigue un juego de seguridad de Stackelberg: quien observa las patrullas solo "
              "puede aprender frecuencias, no el rol de la próxima semana.",
        "en": "A weekly patrol roster that respects duty rules (8-hour shifts, rest, maximum shifts, minimum "
              "presence at official crossings, reach from the base) and covers risk. The randomised roster "
              "follows a Stackelberg security game: someone watching the patrols can learn frequencies, "
              "never next week's roster.",
    },
    "patrols.profile_note": {
        "es": "Los datos de migración no traen hora ni día, así que todos los días pesan igual y el turno "
              "de noche pesa más en proporción a la parte irregular de cada paso (los pasos no oficiales y "
              "los tramos de frontera cuentan como irregulares).",
        "en": "Migration data carry no hour or weekday, so every day weighs the same and the night shift "
              "weighs more in proportion to each crossing's irregular share (unofficial crossings and border "
              "stretches count as irregular).",
    },
    "patrols.needs_scores": {
        "es": "El rol necesita los puntajes de riesgo de los pasos. Suba el GeoPackage de puntajes "
              "(capa crossing_scores con crossing_id y score).",
        "en": "The roster needs the crossings' risk scores. Upload the scores GeoPackage "
              "(layer crossing_scores with crossing_id and score).",
    },
    "patrols.scores_upload": {"es": "GeoPackage de puntajes", "en": "Scores GeoPackage"},
    "patrols.units_header": {"es": "Unidades de patrulla", "en": "Patrol units"},
    "patrols.units_help": {
        "es": "Por defecto, una unidad por cada 6 efectivos de cada unidad policial de frontera (una tripulación "
              "de 3 en patrulla y otra para descansos). Edite la tabla: turnos (morning;afternoon;night), "
              "máximo de turnos por semana, tripulación.",
        "en": "By default, one unit per 6 officers of each police border unit (a crew of 3 on patrol and one "
              "for rest days). Edit the table: shifts (morning;afternoon;night), maximum shifts a week, crew.",
    },
    "patrols.units_error": {"es": "La tabla de unidades tiene problemas:", "en": "The units table has problems:"},
    "patrols.week": {"es": "Semana (AAAA-Www)", "en": "Week (YYYY-Www)"},
    "patrols.seed": {"es": "Semilla", "en": "Seed"},
    "patrols.mode": {"es": "Tipo de rol", "en": "Roster type"},
    "patrols.mode.randomised": {"es": "Aleatorizado", "en": "Randomised"},
    "patrols.mode.fixed": {"es": "Fijo (mejor rol determinista)", "en": "Fixed (best deterministic roster)"},
    "patrols.pool": {"es": "Semanas muestreadas", "en": "Weeks sampled"},
    "patrols.pool_help": {
        "es": "Cuántos roles semanales se sortean para seguir las probabilidades (200 en la línea de comandos).",
        "en": "How many weekly rosters are drawn to follow the probabilities (200 on the command line).",
    },
    "patrols.plan_button": {"es": "Planificar la semana", "en": "Plan the week"},
    "patrols.computing": {"es": "Calculando el rol…", "en": "Computing the roster…"},
    "patrols.bad_week": {"es": "Semana inválida: {error}", "en": "Invalid week: {error}"},
    "patrols.infeasible": {
        "es": "No hay rol posible con estas reglas. Reglas en conflicto:",
        "en": "No roster is possible under these rules. Rules in conflict:",
    },
    "patrols.grid_header": {"es": "Rol de la semana por unidad", "en": "The week's roster by unit"},
    "patrols.grid_caption": {
        "es": "Rol aleatorizado para {week}: {shifts} turnos de {units} unidades en {targets} objetivos "
              "(pasos y tramos de frontera). Semana sorteada {sample} de {pool}.",
        "en": "Randomised roster for {week}: {shifts} shifts by {units} units over {targets} targets "
              "(crossings and border stretches). Drawn week {sample} of {pool}.",
    },
    "patrols.grid_caption_fixed": {
        "es": "Rol fijo para {week}: {shifts} turnos de {units} unidades en {targets} objetivos.",
        "en": "Fixed roster for {week}: {shifts} shifts by {units} units over {targets} targets.",
    },
    "patrols.draw_another": {"es": "Sortear otra semana", "en": "Draw another week"},
    "patrols.map_header": {"es": "Cobertura planificada", "en": "Planned coverage"},
    "patrols.map_caption": {
        "es": "Color: parte de los turnos de la semana en que cada paso o tramo está vigilado "
              "(probabilidad del equilibrio).",
        "en": "Colour: share of the week's shifts each crossing or stretch is guarded "
              "(equilibrium probability).",
    },
    "patrols.legend_title": {"es": "Turnos vigilados", "en": "Shifts guarded"},
    "patrols.compare_header": {"es": "Aleatorizado frente a fijo", "en": "Randomised versus fixed"},
    "patrols.metric_fixed": {"es": "Ganancia del traficante, rol fijo", "en": "Trafficker's gain, fixed roster"},
    "patrols.metric_random": {"es": "Ganancia del traficante, aleatorizado", "en": "Trafficker's gain, randomised"},
    "patrols.metric_reduction": {"es": "Reducción", "en": "Reduction"},
    "patrols.compare_words": {
        "es": "Un traficante que observa un rol fijo sabe dónde y cuándo no hay nadie, y obtiene {fixed} "
              "(en unidades de riesgo). Frente al rol aleatorizado solo conoce frecuencias: lo mejor que "
              "puede esperar es {random}, un {pct} menos.",
        "en": "A trafficker who watches a fixed roster knows where and when nobody is there, and gets {fixed} "
              "(in risk units). Against the randomised roster they only know frequencies: the best they can "
              "expect is {random}, {pct} less.",
    },
    "patrols.predictability_words": {
        "es": "Imprevisibilidad: {bits} bits por semana (0 en un rol fijo). El {known} de los pares "
              "objetivo-turno se vigila siempre o nunca (los de menor riesgo, que no compensan).",
        "en": "Unpredictability: {bits} bits a week (0 for a fixed roster). {known} of target-shift pairs "
              "are always or never guarded (the lowest-risk ones, not worth the shifts).",
    },
    "patrols.gap_words": {
        "es": "En las {pool} semanas sorteadas, ninguna frecuencia se aleja más de {gap} puntos de su "
              "probabilidad planificada; semanas que rompen una regla: {broken}.",
        "en": "Over the {pool} weeks drawn, no frequency is more than {gap} points from its planned "
              "probability; weeks breaking a rule: {broken}.",
    },
    "patrols.pin_header": {"es": "Fijar una unidad (excepción manual)", "en": "Pin a unit (manual override)"},
    "patrols.pin_unit": {"es": "Unidad", "en": "Unit"},
    "patrols.pin_target": {"es": "Objetivo", "en": "Target"},
    "patrols.pin_slot": {"es": "Turno", "en": "Shift"},
    "patrols.pin_button": {"es": "Calcular el costo de fijarla", "en": "Work out what the pin costs"},
    "patrols.pin_cost": {
        "es": "Fijar {unit} en {target} ({slot}) cada semana sube la mejor ganancia esperada del traficante "
              "de {free} a {pinned}: la protección se debilita un {pct}.",
        "en": "Pinning {unit} at {target} ({slot}) every week raises the trafficker's best expected gain "
              "from {free} to {pinned}: protection weakens by {pct}.",
    },
    "patrols.pin_impossible": {"es": "Esa fijación es imposible: {error}", "en": "That pin is impossible: {error}"},
    "patrols.downloads": {"es": "Descargas", "en": "Downloads"},
    "patrols.download_csv": {"es": "Rol (CSV)", "en": "Roster (CSV)"},
    "patrols.download_xlsx": {"es": "Rol (Excel)", "en": "Roster (Excel)"},
    "patrols.download_ics": {"es": "Calendario (ICS)", "en": "Calendar (ICS)"},
    "patrols.download_units": {"es": "Unidades (CSV)", "en": "Units (CSV)"},
    "patrols.kind.stretch": {"es": "Tramo de frontera", "en": "Border stretch"},
    "patrols.col.unit": {"es": "Unidad", "en": "Unit"},
    "patrols.shift.morning": {"es": "mañana", "en": "morning"},
    "patrols.shift.afternoon": {"es": "tarde", "en": "afternoon"},
    "patrols.shift.night": {"es": "noche", "en": "night"},
    "patrols.day.mon": {"es": "lun", "en": "Mon"},
    "patrols.day.tue": {"es": "mar", "en": "Tue"},
    "patrols.day.wed": {"es": "mié", "en": "Wed"},
    "patrols.day.thu": {"es": "jue", "en": "Thu"},
    "patrols.day.fri": {"es": "vie", "en": "Fri"},
    "patrols.day.sat": {"es": "sáb", "en": "Sat"},
    "patrols.day.sun": {"es": "dom", "en": "Sun"},
    "patrols.save": {"es": "Guardar este turno semanal", "en": "Save this weekly roster"},
    "patrols.saved": {"es": "Turno guardado (n.º {id}).", "en": "Roster saved (no. {id})."},
    "patrols.no_download_right": {"es": "Su función no permite descargar turnos de patrullaje.",
                                  "en": "Your role cannot download patrol rosters."},
}
