"""Strings of the patrols part of the Border page (roster, coverage map, comparison, pins)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "patrols.header": {"es": "Turnos de patrullaje", "en": "Patrol roster"},
    "patrols.intro": {
        "es": "Un rol semanal de patrullas que respeta las reglas de servicio (turnos de 8 h, descanso, máximo"
              " de turnos, presencia mínima en pasos oficiales, alcance desde la base) y cubre el riesgo. El "
              "rol sorteado cambia cada semana al azar, con las frecuencias que más protegen: quien observa "
              "las patrullas puede saber qué tan a menudo se vigila cada lugar, nunca dónde estarán la próxima"
              " semana.",
        "en": "A weekly patrol roster that respects duty rules (8-hour shifts, rest, maximum shifts, minimum "
              "presence at official crossings, reach from the base) and covers risk. The drawn roster changes "
              "at random every week, with the frequencies that protect most: someone watching the patrols can "
              "learn how often each place is guarded, never where the patrols will be next week.",
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
        "es": "Por defecto, una unidad por cada 6 efectivos de cada unidad policial de frontera (una "
              "tripulación de 3 en patrulla y otra para descansos). Edite la tabla: turnos "
              "(mañana;tarde;noche), máximo de turnos por semana, tripulación.",
        "en": "By default, one unit per 6 officers of each police border unit (a crew of 3 on patrol and one "
              "for rest days). Edit the table: shifts (morning;afternoon;night), maximum shifts a week, crew.",
    },
    "patrols.units_error": {"es": "La tabla de unidades tiene problemas:", "en": "The units table has problems:"},
    "patrols.week": {
        "es": "Semana (AAAA-Www)",
        "en": "Week (YYYY-Www)",
    },
    "patrols.seed": {"es": "Semilla", "en": "Seed"},
    "patrols.mode": {"es": "Tipo de rol", "en": "Roster type"},
    "patrols.mode.randomised": {
        "es": "Sorteado (recomendado)",
        "en": "Drawn (recommended)",
    },
    "patrols.mode.fixed": {"es": "Fijo (mejor rol determinista)", "en": "Fixed (best deterministic roster)"},
    "patrols.pool": {
        "es": "Semanas de referencia",
        "en": "Reference weeks",
    },
    "patrols.pool_help": {
        "es": "Cuántas semanas se calculan para que las frecuencias sigan el plan (200 en la línea de "
              "comandos); cada sorteo elige una de ellas.",
        "en": "How many weeks are computed so that frequencies follow the plan (200 on the command line); each"
              " draw picks one of them.",
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
        "es": "Rol sorteado de la semana {week}, del {first} al {last}: {shifts} turnos de {units} unidades en"
              " {targets} lugares (pasos y tramos de frontera).",
        "en": "Drawn roster for week {week}, {first} to {last}: {shifts} shifts by {units} units over "
              "{targets} places (crossings and border stretches).",
    },
    "patrols.grid_caption_fixed": {
        "es": "Rol fijo de la semana {week}, del {first} al {last}: {shifts} turnos de {units} unidades en "
              "{targets} lugares.",
        "en": "Fixed roster for week {week}, {first} to {last}: {shifts} shifts by {units} units over "
              "{targets} places.",
    },
    "patrols.draw_another": {"es": "Sortear otra semana", "en": "Draw another week"},
    "patrols.map_header": {"es": "Cobertura planificada", "en": "Planned coverage"},
    "patrols.map_caption": {
        "es": "Color de cada lugar: parte de los turnos de la semana en que el plan lo vigila. Líneas: de la "
              "base de cada unidad a los lugares que cubre en el rol mostrado (un color por unidad).",
        "en": "Colour of each place: share of the week's shifts the plan guards it. Lines: from each unit's "
              "base to the places it covers in the roster shown (one colour per unit).",
    },
    "patrols.legend_title": {"es": "Turnos vigilados", "en": "Shifts guarded"},
    "patrols.compare_header": {"es": "Aleatorizado frente a fijo", "en": "Randomised versus fixed"},
    "patrols.metric_fixed": {
        "es": "Cruza sin patrulla, rol fijo",
        "en": "Crosses unwatched, fixed roster",
    },
    "patrols.metric_random": {
        "es": "Cruza sin patrulla, roles sorteados",
        "en": "Crosses unwatched, drawn rosters",
    },
    "patrols.metric_reduction": {
        "es": "Ganancia del traficante",
        "en": "Trafficker's gain",
    },
    "patrols.compare_words": {
        "es": "Si un traficante observa sus patrullas durante un mes y luego cruza en el lugar y turno más "
              "valioso donde nunca vio a nadie, con el rol fijo no encuentra patrulla {fixed} veces de cada "
              "10; con roles sorteados, {random}. Lo que puede esperar ganar (en unidades de riesgo) baja de "
              "{gain_fixed} con el rol fijo a {gain_random} con roles sorteados, un {pct} menos.",
        "en": "If a trafficker watches your patrols for a month and then crosses at the most valuable place "
              "and shift where they never saw anyone, with the fixed roster they find no patrol {fixed} times "
              "out of 10; with drawn rosters, {random}. What they can expect to gain (in risk units) falls "
              "from {gain_fixed} with the fixed roster to {gain_random} with drawn rosters, {pct} less.",
    },
    "patrols.predictability_words": {
        "es": "Con roles sorteados, {unknown} de los pares lugar-turno no se pueden prever (a veces hay "
              "patrulla, a veces no). El resto se vigila siempre, o tiene tan poco riesgo que no compensa un "
              "turno.",
        "en": "With drawn rosters, {unknown} of place-shift pairs cannot be foreseen (sometimes guarded, "
              "sometimes not). The rest are always guarded, or carry so little risk that they are not worth a "
              "shift.",
    },
    "patrols.gap_words": {
        "es": "Las semanas sorteadas siguen el plan: ninguna frecuencia se aleja más de {gap} puntos de lo "
              "planificado; semanas que rompen una regla: {broken}.",
        "en": "The drawn weeks follow the plan: no frequency is more than {gap} points from what was planned; "
              "weeks breaking a rule: {broken}.",
    },
    "patrols.pin_header": {"es": "Fijar una unidad (excepción manual)", "en": "Pin a unit (manual override)"},
    "patrols.pin_unit": {"es": "Unidad", "en": "Unit"},
    "patrols.pin_target": {"es": "Objetivo", "en": "Target"},
    "patrols.pin_slot": {"es": "Turno", "en": "Shift"},
    "patrols.pin_button": {"es": "Calcular el costo de fijarla", "en": "Work out what the pin costs"},
    "patrols.pin_cost": {
        "es": "Fijar {unit} en {target} ({slot}) cada semana debilita la protección un {pct}: lo que el "
              "traficante puede esperar ganar sube de {free} a {pinned}, y tras un mes de observar no "
              "encuentra patrulla {after} veces de cada 10 (hoy {before}).",
        "en": "Pinning {unit} at {target} ({slot}) every week weakens protection by {pct}: what the trafficker"
              " can expect to gain rises from {free} to {pinned}, and after a month of watching they find no "
              "patrol {after} times out of 10 (today {before}).",
    },
    "patrols.pin_impossible": {"es": "Esa fijación es imposible: {error}", "en": "That pin is impossible: {error}"},
    "patrols.downloads": {"es": "Descargas", "en": "Downloads"},
    "patrols.download_csv": {"es": "Rol (CSV)", "en": "Roster (CSV)"},
    "patrols.download_xlsx": {"es": "Rol (Excel)", "en": "Roster (Excel)"},
    "patrols.download_ics": {"es": "Calendario (ICS)", "en": "Calendar (ICS)"},
    "patrols.download_units": {"es": "Unidades (CSV)", "en": "Units (CSV)"},
    "patrols.kind.stretch": {"es": "Tramo de frontera", "en": "Border stretch"},
    "patrols.col.unit": {"es": "Unidad", "en": "Unit"},
    # headers of the editable units table (the cells keep the units-file codes)
    "patrols.unitcol.unit_id": {"es": "Código de unidad", "en": "Unit code"},
    "patrols.unitcol.base_id": {"es": "Código de la base", "en": "Base code"},
    "patrols.unitcol.lon": {"es": "Longitud", "en": "Longitude"},
    "patrols.unitcol.lat": {"es": "Latitud", "en": "Latitude"},
    "patrols.unitcol.name": {"es": "Nombre", "en": "Name"},
    "patrols.unitcol.crew": {"es": "Efectivos", "en": "Crew"},
    "patrols.unitcol.shifts": {"es": "Turnos", "en": "Shifts"},
    "patrols.unitcol.max_shifts": {"es": "Máximo de turnos por semana", "en": "Most shifts a week"},
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
    "patrols.week_help": {
        "es": "Por defecto, la próxima semana que aún no empezó ({week}: del {first} al {last}).",
        "en": "By default, the next week that has not started ({week}: {first} to {last}).",
    },
    "patrols.draw_words": {
        "es": "Sorteo n.º {draw} (semilla {seed}, guardada con el rol). Cada sorteo es igual de válido: todos "
              "cumplen las reglas de servicio y, juntos, vigilan cada lugar tan a menudo como su riesgo lo "
              "pide. Sortear importa porque nadie, ni quien observe las patrullas, puede saber qué semana "
              "saldrá: un rol que se repite enseña dónde no hay nadie.",
        "en": "Draw no. {draw} (seed {seed}, kept with the roster). Each draw is equally valid: every one "
              "obeys the duty rules and, together, they guard each place as often as its risk asks. Drawing "
              "matters because nobody, including someone watching the patrols, can know which week will come "
              "out: a roster that repeats teaches where nobody is.",
    },
    "patrols.reproduce": {
        "es": "La misma semana desde la línea de comandos: vigia plan-patrols DATOS --week {week} --seed "
              "{seed} --pool {pool}",
        "en": "The same week from the command line: vigia plan-patrols DATA --week {week} --seed {seed} --pool"
              " {pool}",
    },
    "patrols.grid_legend": {
        "es": "Nombres completos de los lugares",
        "en": "Full names of the places",
    },
    "patrols.grid_off": {
        "es": "—: sin turno.",
        "en": "—: off duty.",
    },
    "patrols.map_units": {
        "es": "Unidades en el mapa",
        "en": "Units on the map",
    },
    "patrols.map_day": {
        "es": "Día",
        "en": "Day",
    },
    "patrols.map_all_days": {
        "es": "Toda la semana",
        "en": "The whole week",
    },
    "patrols.map_legend": {
        "es": "Colores de las unidades",
        "en": "Unit colours",
    },
    "patrols.map_nothing": {
        "es": "Ninguna de las unidades elegidas tiene turnos ese día: el mapa solo muestra la cobertura "
              "planificada.",
        "en": "None of the chosen units has shifts that day: the map shows only the planned coverage.",
    },
    "patrols.out_of_ten": {
        "es": "{n} de cada 10",
        "en": "{n} out of 10",
    },
    "patrols.gain_delta": {
        "es": "{pct} menos que con el rol fijo",
        "en": "{pct} less than the fixed roster",
    },
    "patrols.pin_free": {
        "es": "Fijar {unit} en {target} ({slot}) cada semana no cuesta protección: lo que el traficante puede "
              "esperar ganar sigue en {free}, porque otros turnos compensan.",
        "en": "Pinning {unit} at {target} ({slot}) every week costs no protection: what the trafficker can "
              "expect to gain stays at {free}, because other shifts make up for it.",
    },
    "patrols.download_pdf": {
        "es": "Rol para imprimir (PDF, una página por unidad)",
        "en": "Printable roster (PDF, a page per unit)",
    },
    "patrols.saved_shown": {
        "es": "Rol guardado n.º {id}, tal como se hizo (no se volvió a calcular).",
        "en": "Saved roster no. {id}, as it was made (not computed again).",
    },
}
