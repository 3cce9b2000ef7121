"""What the ``vigia`` commands print (``--lang``), in Spanish and English.

Read through :func:`vigia.cli_output.cli_text`, which needs no Streamlit, so the CLI
stays quick to start. ``why.*`` entries are reasons the planners state in English
(matched by :func:`vigia.ui.texts.translate_reason`).
"""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    # --- vigia what-if -------------------------------------------------------------------
    "cli.whatif.solving": msg("cli.whatif.solving",
                              "Solving on {dataset} with {scores} (time limit {limit} s)..."),
    "cli.whatif.today": msg("cli.whatif.today", "Risk covered today: {covered} of {total} ({share})"),
    "cli.whatif.no_risk": msg("cli.whatif.no_risk", "No risk to cover."),
    "cli.whatif.measured.sites": msg("cli.whatif.measured.sites",
                                     "inspection sites (each with its area's risk)"),
    "cli.whatif.measured.areas": msg("cli.whatif.measured.areas", "areas (their risk score)"),
    "cli.whatif.measured.crossings": msg("cli.whatif.measured.crossings",
                                         "border crossings (their risk score)"),
    "cli.whatif.coverage": msg("cli.whatif.coverage",
                               "Coverage of {measured}; reach: {hours} h of travel; robustness over {draws} draw(s)"),
    "cli.whatif.note": msg("cli.whatif.note", "Note: {note}"),
    "cli.whatif.none": msg("cli.whatif.none",
                           "No option found (no candidate, or the time limit ran out before the first solution)."),
    "cli.whatif.col.option": msg("cli.whatif.col.option", "option"),
    "cli.whatif.col.covered": msg("cli.whatif.col.covered", "covered"),
    "cli.whatif.col.gain": msg("cli.whatif.col.gain", "gain"),
    "cli.whatif.col.gain_pct": msg("cli.whatif.col.gain_pct", "gain%"),
    "cli.whatif.col.in_best": msg("cli.whatif.col.in_best", "in best"),
    "cli.whatif.col.label": msg("cli.whatif.col.label", "label"),
    "cli.whatif.col.gap": msg("cli.whatif.col.gap", "gap%"),
    "cli.whatif.col.planner": msg("cli.whatif.col.planner", "planner%"),
    "cli.whatif.at": msg("cli.whatif.at", "   at lon {lon}, lat {lat}"),
    "cli.whatif.check.crossings": msg("cli.whatif.check.crossings",
                                      "Check by planning: the patrol planner's week guards {today} with "
                                      "today's units, {after}."),
    "cli.whatif.check.areas": msg("cli.whatif.check.areas",
                                  "Check by planning: the inspection planner covers {today} with today's teams, {after}."),
    "cli.whatif.check_option": msg("cli.whatif.check_option", "{value} with option {rank}"),
    "cli.whatif.wrote": msg("cli.whatif.wrote", "Wrote {path} ({n} option(s))"),
    "cli.cannot_compute": msg("cli.cannot_compute", "vigia {command}: cannot compute — {summary}:"),
    "cli.nothing_computed": msg("cli.nothing_computed", "{source}: {verdict} — {summary}; nothing computed."),
    "why.no_draws_target": msg("why.no_draws_target",
                               "no score draws for the {target}: robustness not assessed"),
    "why.own_draws": msg("why.own_draws", "robustness over the scores' own {n} draws"),
    "why.own_crossing_draws": msg("why.own_crossing_draws",
                                  "robustness over the scores' own {n} crossing draws"),
    "why.seeded_draws": msg("why.seeded_draws",
                            "robustness over {n} seeded draws of the scores' weights and methods (seed {seed})"),
    "why.no_draws_error": msg("why.no_draws_error", "no score draws ({error}): robustness not assessed"),
    "why.word.areas": msg("why.word.areas", "areas"),
    "why.word.sites": msg("why.word.sites", "sites"),
    "why.word.crossings": msg("why.word.crossings", "crossings"),
    "why.no_patrol_check": msg("why.no_patrol_check", "check by the patrol planner not made: {error}"),
    # --- vigia score --------------------------------------------------------------------
    "cli.score.invalid": msg("cli.score.invalid",
                             "vigia score: {source} is NOT VALID; nothing scored. Run `vigia validate {source}` for details:"),
    "cli.score.wrote": msg("cli.score.wrote",
                           "Wrote {path}: {areas} area(s), {crossings} crossing(s) — preset {preset}, "
                           "{draws} draws, seed {seed}"),
    "cli.score.synthetic": msg("cli.score.synthetic", " (SYNTHETIC data)"),
    "cli.score.top": msg("cli.score.top",
                         "Top {n} areas (rank, 90% interval over weights/methods, P(top 10%)):"),
    "cli.score.area": msg("cli.score.area",
                          "{rank:>5}. {name} ({admin1}) score {score:>5}  rank {low}-{high}  P(top10%) {p}  [{drivers}]"),
    "cli.score.top_crossings": msg("cli.score.top_crossings", "Top crossings:"),
    "cli.score.crossing": msg("cli.score.crossing",
                              "{rank:>5}. {name} score {score:>5}  rank {low}-{high}  [{drivers}]"),
    "cli.score.expected": msg("cli.score.expected",
                              "Expected cases: {model} model ({folds}; held-out Poisson deviance "
                              "{deviance}); {flagged} area(s) flagged as likely under-detected"),
    "why.folds": msg("why.folds", "{n} folds grouped by {column}"),
    "cli.score.negative": {"es": "--draws y --permutations deben ser >= 0",
                           "en": "--draws and --permutations must be >= 0"},
    "cli.score.missing": msg("cli.score.missing", "Not computed / left out:"),
    "cli.score.missing_item": msg("cli.score.missing_item", "  - {part}: {reason}"),
    "cli.score.provenance": msg("cli.score.provenance", "Provenance: {rows}"),
    # --- vigia dark-figure --------------------------------------------------------------
    "cli.dark.errors": msg("cli.dark.errors", "{file}: the lists table has errors; nothing estimated."),
    "cli.dark.header": msg("cli.dark.header",
                           "{file}: multiple systems estimation ({criterion} stepwise, {interval} interval)"),
    "cli.dark.interval.profile": msg("cli.dark.interval.profile", "profile"),
    "cli.dark.interval.bootstrap": msg("cli.dark.interval.bootstrap", "bootstrap"),
    "cli.dark.observed": msg("cli.dark.observed", "  observed (on at least one list): {n}"),
    "cli.dark.none": msg("cli.dark.none", "  NO ESTIMATE: {reason}"),
    "cli.dark.estimate": msg("cli.dark.estimate", "  estimated total:                 {n}"),
    "cli.dark.interval": msg("cli.dark.interval", "  95% interval:                    {low} – {high}"),
    "cli.dark.ratio": msg("cli.dark.ratio", "  estimated / observed:            {ratio}"),
    "cli.dark.model": msg("cli.dark.model", "  model:                           {model}"),
    "cli.dark.left_out": msg("cli.dark.left_out", "  left out {label}: {reason}"),
    "cli.dark.note": msg("cli.dark.note", "  note: {note}"),
    "cli.dark.by.period": msg("cli.dark.by.period", "By period:"),
    "cli.dark.by.admin1": msg("cli.dark.by.admin1", "By admin1:"),
    "cli.dark.stratum_none": msg("cli.dark.stratum_none",
                                 "  {stratum}: observed {seen}; no estimate: {reason}"),
    "cli.dark.stratum": msg("cli.dark.stratum",
                            "  {stratum}: observed {seen}; estimate {n} ({low} – {high}); {model}"),
    "cli.dark.no_column": {"es": "la tabla no tiene una columna '{column}' para dividir",
                           "en": "the table has no '{column}' column to split by"},
    "cli.dark.unbounded": msg("cli.dark.unbounded", "unbounded"),
    "cli.wrote": msg("cli.wrote", "Wrote {path}"),
    # --- vigia plan-patrols --------------------------------------------------------------
    "cli.patrols.problems": msg("cli.patrols.problems", "vigia plan-patrols: {n} problem(s):"),
    "cli.patrols.mode.randomised": msg("cli.patrols.mode.randomised", "randomised"),
    "cli.patrols.mode.fixed": msg("cli.patrols.mode.fixed", "fixed"),
    "cli.patrols.wrote": msg("cli.patrols.wrote",
                             "Wrote {path}: {mode} roster for {week}, {shifts} shift(s) for {units} unit(s) "
                             "over {targets} target(s) (seed {seed})."),
    "cli.patrols.gain": msg("cli.patrols.gain",
                            "  attacker's best expected gain: fixed roster {fixed}, randomised {random} ({pct} lower)"),
    "cli.patrols.watcher": msg("cli.patrols.watcher",
                               "  a trafficker who watches the patrols for a month finds the place they pick "
                               "unwatched {fixed} times out of 10 with the fixed roster, {random} with drawn "
                               "rosters"),
    "cli.patrols.sample": msg("cli.patrols.sample",
                              "  {weeks} sampled weeks; largest gap between a target-slot's frequency and "
                              "its planned probability: {gap} points"),
    # --- argparse's own words (every command's --help, in the environment's language) ----------
    "cli.help.usage": {"es": "uso: ", "en": "usage: "},
    "cli.help.positionals": {"es": "argumentos", "en": "positional arguments"},
    "cli.help.options": {"es": "opciones", "en": "options"},
    "cli.help.help": {"es": "muestra esta ayuda y termina", "en": "show this help message and exit"},
    "cli.help.error": {"es": "{prog}: error: {message}", "en": "{prog}: error: {message}"},
    # argparse's error sentences (matched in its English, names kept): Parser.error in vigia/cli_output.py
    "cli.argparse.argument": {"es": "argumento {name}: {message}", "en": "argument {name}: {message}"},
    "cli.argparse.required": {"es": "faltan estos argumentos obligatorios: {names}",
                              "en": "the following arguments are required: {names}"},
    "cli.argparse.one_of": {"es": "se requiere uno de los argumentos {names}",
                            "en": "one of the arguments {names} is required"},
    "cli.argparse.unrecognized": {"es": "argumentos no reconocidos: {names}", "en": "unrecognized arguments: {names}"},
    "cli.argparse.invalid_choice": {"es": "opción no válida: {value} (elija entre {choices})",
                                    "en": "invalid choice: {value} (choose from {choices})"},
    "cli.argparse.expected_one": {"es": "falta su valor", "en": "expected one argument"},
    "cli.argparse.invalid_value": {"es": "valor {type} no válido: {value}", "en": "invalid {type} value: {value}"},
    "cli.argparse.not_allowed": {"es": "no se permite junto con el argumento {name}",
                                 "en": "not allowed with argument {name}"},
    # --- shared help texts ------------------------------------------------------------------------
    "cli.help.lang_report": {"es": "idioma del informe: es o en (por defecto: según LANG, es_* -> español)",
                             "en": "language of the report: es or en (default: from LANG, es_* -> Spanish)"},
    "cli.help.dataset_or_folder": {"es": "dataset .gpkg (o una carpeta de archivos de capas)",
                                   "en": "dataset .gpkg (or a folder of layer files)"},
    "cli.help.gpkg_out": {"es": "dataset .gpkg a escribir", "en": "dataset .gpkg to write"},
    "cli.help.seed_same": {"es": "semilla aleatoria (misma semilla, mismo resultado)",
                           "en": "random seed (same seed, same output)"},
    "cli.help.scores_from_score": {"es": "archivo de puntajes .gpkg de 'vigia score'",
                                   "en": "scores .gpkg from 'vigia score'"},
    # --- vigia (validate, build, demo-data) -------------------------------------------------------
    "cli.help.vigia": {"es": "Vigía: herramientas de datos para los mapas y planes contra la trata de personas.",
                       "en": "Vigía: data tools for the anti-trafficking maps and plans."},
    "cli.help.validate": {"es": "revisa un dataset (.gpkg) o una carpeta de archivos de capas; sale con 0 si es válido",
                          "en": "check a dataset (.gpkg) or a folder of layer files; exit 0 when valid"},
    "cli.help.validate.path": {"es": "dataset .gpkg, o una carpeta con areas.geojson, cases.csv, ...",
                               "en": "dataset .gpkg, or a folder with areas.geojson, cases.csv, ..."},
    "cli.help.validate.json": {"es": "imprime el informe como JSON", "en": "print the report as JSON"},
    "cli.help.build": {"es": "valida una carpeta de archivos de capas y la reúne en un solo dataset .gpkg",
                       "en": "validate a folder of layer files and assemble it into one dataset .gpkg"},
    "cli.help.build.path": {"es": "carpeta (o .gpkg) a leer", "en": "folder (or .gpkg) to read"},
    "cli.help.demo": {"es": "escribe el dataset de demostración: geografía real, cifras sintéticas",
                      "en": "write the demo dataset: real geography, synthetic figures"},
    "cli.help.demo.seed": {"es": "semilla aleatoria de las cifras sintéticas (por defecto {seed})",
                           "en": "random seed for the synthetic figures (default {seed})"},
    "cli.help.demo.areas": {"es": "asigna las cifras a este archivo de límites en vez de los 343 municipios incluidos",
                            "en": "attach the figures to this boundary file instead of the bundled 343 municipalities"},
    "cli.demo.wrote": {"es": "Se escribió el dataset de demostración {path} (semilla {seed}; geografía real, "
                             "cifras SINTÉTICAS)",
                       "en": "Wrote demo dataset {path} (seed {seed}; real geography, SYNTHETIC figures)"},
    "cli.demo.cannot_use": {"es": "vigia demo-data: no se puede usar {path}:",
                            "en": "vigia demo-data: cannot use {path}:"},
    # --- usage errors shared by the commands ------------------------------------------------------
    "cli.error.missing": {"es": "{path} no existe", "en": "{path} does not exist"},
    "cli.error.missing_dataset": {"es": "{path} no existe (indique un dataset .gpkg o una carpeta de archivos de capas)",
                                  "en": "{path} does not exist (give a dataset .gpkg or a folder of layer files)"},
    "cli.error.missing_option": {"es": "el archivo de {option} {path} no existe",
                                 "en": "{option} file {path} does not exist"},
    "cli.error.gpkg_out": {"es": "la salida debe ser un archivo .gpkg, no '{name}'",
                           "en": "the output must be a .gpkg file, not '{name}'"},
    "cli.error.out_suffix": {"es": "--out debe terminar en {suffixes}, no '{name}'",
                             "en": "--out must end in {suffixes}, not '{name}'"},
    "cli.error.date": {"es": "'{text}' no es una fecha; escriba AAAA-MM-DD", "en": "'{text}' is not a date; write YYYY-MM-DD"},
    "cli.error.whole": {"es": "'{text}' no es un número entero >= {least}", "en": "'{text}' is not a whole number >= {least}"},
    "cli.error.seconds": {"es": "'{text}' no es un número de segundos > 0", "en": "'{text}' is not a number of seconds > 0"},
    "cli.error.share": {"es": "'{text}' no es una proporción desde 0 hasta 1 (sin incluirlo), p. ej. 0.1",
                        "en": "'{text}' is not a share from 0 up to (not including) 1, e.g. 0.1"},
    # --- vigia plan-inspections --------------------------------------------------------------------
    "cli.help.plan": {"es": "planifica rutas de inspección laboral de varios días y las escribe como xlsx, csv, "
                            "geojson o ics",
                      "en": "plan multi-day labour-inspection routes and write them as xlsx, csv, geojson or ics"},
    "cli.help.plan.description": {
        "es": "Planifica qué sitios visita cada equipo de inspección, qué día y en qué orden, cubriendo el mayor "
              "riesgo; compara con el plan voraz y lista las visitas obligatorias que no caben.",
        "en": "Plan which sites each inspection team visits, on which day and in which order, covering the most "
              "risk; compare with the greedy plan and list unplaced must-visits."},
    "cli.help.plan.dataset": {"es": "dataset .gpkg (o carpeta de archivos de capas) con sitios y oficinas",
                              "en": "dataset .gpkg (or folder of layer files) with sites and offices"},
    "cli.help.plan.scores": {"es": "archivo de puntajes .gpkg escrito por 'vigia score'; sin él se usa una prioridad "
                                   "de respaldo documentada",
                             "en": "scores .gpkg written by 'vigia score'; without it a documented fallback priority "
                                   "is used"},
    "cli.help.plan.teams": {"es": "archivo de equipos (.csv o .xlsx); por defecto: derivados de las oficinas de trabajo",
                            "en": "teams file (.csv or .xlsx); default: derived from labour offices"},
    "cli.help.plan.start": {"es": "primer día, AAAA-MM-DD", "en": "first day, YYYY-MM-DD"},
    "cli.help.plan.days": {"es": "número de días hábiles (lunes a viernes)", "en": "number of working days (Monday-Friday)"},
    "cli.help.plan.time_limit": {"es": "segundos que puede buscar el motor", "en": "seconds the engine may search"},
    "cli.help.plan.out": {
        "es": "archivo a escribir, según su extensión: plan .xlsx, .csv, .geojson, .ics; .gpx o .kml para apps de "
              "navegación (una ruta por equipo y día, un punto por visita); hojas de ruta .pdf o .html. Repita "
              "--out para escribir varios",
        "en": "file to write, by extension: plan .xlsx, .csv, .geojson, .ics; .gpx or .kml for navigation apps (a "
              "route per team-day, a waypoint per visit); .pdf or .html route sheets. Repeat --out to write several"},
    "cli.help.plan.engine": {"es": "motor de rutas (por defecto: el que elige el núcleo, pyvrp)",
                             "en": "routing engine (default: the core's choice, pyvrp)"},
    "cli.help.plan.seed": {"es": "semilla aleatoria (misma semilla, mismo plan)", "en": "random seed (same seed, same plan)"},
    "cli.help.plan.sheets": {"es": "carpeta para las hojas de ruta imprimibles (un HTML por equipo, más un PDF)",
                             "en": "folder for printable route sheets (one HTML per team, plus PDF)"},
    "cli.help.plan.lang": {"es": "idioma de los archivos y de lo que se imprime (por defecto es)",
                           "en": "language of the files and of what is printed (default es)"},
    "cli.help.plan.explore": {
        "es": "proporción de las visitas esperadas del plan sorteadas al azar entre todos los sitios alcanzables, "
              "para que los resultados muestren lo que la priorización no ve (por defecto 0.1; 0 lo desactiva). Cada "
              "visita registra su selección (planned/random) y, en las sorteadas, la probabilidad con que se sorteó",
        "en": "share of the plan's expected visits drawn at random among all reachable sites, so that results show "
              "what the ranking misses (default 0.1; 0 turns it off). Each visit records selection (planned/random) "
              "and, for random ones, the probability it was drawn with"},
    "cli.help.plan.learn": {
        "es": "prioriza los sitios según lo que encontraron las inspecciones pasadas (el modelo de rendimiento por "
              "sitio, de la capa de inspecciones del dataset) en vez de la regla de respaldo; se ignora con --scores. "
              "Si hay poco historial, dice por qué (en el idioma de --lang) y mantiene la regla",
        "en": "rank sites by what past inspections found (the site yield model, from the dataset's inspections "
              "layer) instead of the fallback rule; ignored when --scores is given. When there is too little "
              "history, says why (in the --lang language) and keeps the rule"},
    "cli.plan.planning": {"es": "Planificando desde el {start}, días hábiles: {days}, en {dataset} "
                                "(límite de tiempo {limit} s)...",
                          "en": "Planning from {start}, working days: {days}, on {dataset} (time limit {limit} s)..."},
    "cli.plan.cannot_plan": {"es": "vigia plan-inspections: no se puede planificar — {summary}:",
                             "en": "vigia plan-inspections: cannot plan — {summary}:"},
    "cli.plan.nothing_planned": {"es": "{source}: {verdict} — {summary}; no se planificó nada.",
                                 "en": "{source}: {verdict} — {summary}; nothing planned."},
    "cli.plan.unknown_engine": {"es": "motor desconocido '{engine}'; elija uno de {choices}",
                                "en": "unknown engine '{engine}'; choose one of {choices}"},
    "cli.plan.teams_file": {"es": "Equipos: {n}, de {file}", "en": "Teams: {n} from {file}"},
    "cli.plan.teams_default": {"es": "Equipos: {n} (por defecto) — {rule}", "en": "Teams: {n} (default) — {rule}"},
    "cli.plan.sites": {"es": "Sitios: {n}; días: {first} a {last}; viaje: {travel}",
                       "en": "Sites: {n}; days: {first} to {last}; travel: {travel}"},
    "cli.plan.priority.scores": {"es": "archivo de puntajes {file}", "en": "scores file {file}"},
    "cli.plan.priority.learned": {"es": "rendimiento por sitio aprendido de las inspecciones pasadas",
                                  "en": "site yield learned from past inspections"},
    "cli.plan.priority.fallback": {"es": "sin archivo de puntajes, prioridad de respaldo",
                                   "en": "no scores file, fallback priority"},
    "cli.plan.priority": {"es": "Prioridad ({source}): {rule}", "en": "Priority ({source}): {rule}"},
    "cli.plan.engine_greedy": {"es": "Motor: {engine} — {seconds} s (límite {limit} s); plan voraz {greedy} s",
                               "en": "Engine: {engine} — {seconds} s (limit {limit} s); greedy plan {greedy} s"},
    "cli.plan.engine_alone": {"es": "Motor: {engine} — {seconds} s (límite {limit} s); sin referencia voraz",
                              "en": "Engine: {engine} — {seconds} s (limit {limit} s); no greedy reference"},
    "cli.plan.explore_off": {"es": "Exploración: desactivada (cada visita se elige por prioridad)",
                             "en": "Exploration: off (every visit is chosen by priority)"},
    "cli.plan.explore": {"es": "Exploración: {visited} de {visits} visitas sorteadas al azar ({drawn} sorteados, cada "
                               "sitio alcanzable con probabilidad {p}) para que los resultados muestren lo que la "
                               "priorización no ve",
                         "en": "Exploration: {visited} of {visits} visits drawn at random ({drawn} drawn, each "
                               "reachable site with probability {p}) so that results show what the ranking misses"},
    "cli.plan.vs_greedy": {"es": "Riesgo cubierto frente al plan voraz: x{ratio}",
                           "en": "Risk covered vs greedy: x{ratio}"},
    "cli.plan.all_must": {"es": "Todas las visitas obligatorias están en el plan.",
                          "en": "Every must-visit site is in the plan."},
    "cli.plan.must_missing": {"es": "Visitas obligatorias que NO caben en el plan: {n}",
                              "en": "Must-visit sites NOT placed: {n}"},
    "cli.plan.wrote": {"es": "Se escribió {path} (visitas: {visits}; sitios que no caben: {unplaced})",
                       "en": "Wrote {path} ({visits} visits, {unplaced} sites not placed)"},
    "cli.plan.wrote_sheets": {"es": "Hojas de ruta escritas en {folder}: {n}, más route-sheets.pdf",
                              "en": "Wrote route sheets to {folder}: {n}, plus route-sheets.pdf"},
    # --- vigia users -------------------------------------------------------------------------------
    "cli.help.users": {"es": "administra las cuentas locales (add, list, disable, enable, role, end-sessions)",
                       "en": "manage local accounts (add, list, disable, enable, role, end-sessions)"},
    "cli.help.users.action": {"es": "qué hacer: add (agregar), list (listar), disable/enable (desactivar/activar), "
                                    "role (cambiar el rol), end-sessions (cerrar sesiones)",
                              "en": "what to do: add, list, disable, enable, role, end-sessions"},
    "cli.help.users.name": {"es": "nombre de usuario (p. ej. un correo electrónico); end-sessions sin nombre: todos",
                            "en": "user name (e.g. an e-mail address); end-sessions without one: everyone"},
    "cli.help.users.role": {"es": "rol para add / role", "en": "role for add / role"},
    "cli.help.users.password_stdin": {"es": "lee la contraseña de la entrada estándar",
                                      "en": "read the password from standard input"},
    "cli.help.users.oidc": {"es": "sin contraseña: el usuario ingresa a través del proveedor de identidad",
                            "en": "no password: the user signs in through the identity provider"},
    "cli.users.password": {"es": "Contraseña de {name}: ", "en": "Password for {name}: "},
    "cli.users.repeat": {"es": "Repítala: ", "en": "Repeat it: "},
    "cli.users.differ": {"es": "las dos contraseñas no coinciden; no se guardó nada",
                         "en": "the two passwords differ; nothing was saved"},
    "cli.users.none": {"es": "No hay cuentas: la aplicación funciona en modo demostración abierto (cualquiera puede "
                             "usar todas las páginas).",
                       "en": "No accounts: the app runs in open demo mode (anyone can use every page)."},
    "cli.users.login.password": {"es": "contraseña", "en": "password"},
    "cli.users.state.disabled": {"es": "DESACTIVADA", "en": "DISABLED"},
    "cli.users.state.active": {"es": "activa", "en": "active"},
    "cli.users.ended_all": {"es": "Sesiones abiertas cerradas de todos los usuarios: {n}; ingresarán de nuevo en su "
                                  "próximo clic.",
                            "en": "Open sessions of all users ended: {n}; they sign in again at their next click."},
    "cli.users.ended": {"es": "Sesiones abiertas cerradas de {name}: {n}; ingresará de nuevo en su próximo clic.",
                        "en": "Open sessions of {name} ended: {n}; they sign in again at their next click."},
    "cli.users.give_name": {"es": "indique el nombre de usuario", "en": "give the user name"},
    "cli.users.give_role": {"es": "indique --role ({roles})", "en": "give --role ({roles})"},
    "cli.users.added": {"es": "Se agregó {name} ({role}).", "en": "Added {name} ({role})."},
    "cli.users.disabled": {"es": "{name} quedó desactivada.", "en": "{name} is now disabled."},
    "cli.users.enabled": {"es": "{name} quedó activada.", "en": "{name} is now enabled."},
    "cli.users.role": {"es": "{name} tiene ahora el rol {role}.", "en": "{name} is now {role}."},
    # --- vigia score ---------------------------------------------------------------------------------
    "cli.help.score": {"es": "calcula el riesgo de cada área y cruce de un dataset; escribe el archivo de puntajes",
                       "en": "score the risk of every area and crossing of a dataset; write the scores file"},
    "cli.help.score.out": {"es": "archivo de puntajes .gpkg a escribir (puntajes de áreas y cruces, procedencia)",
                           "en": "scores .gpkg to write (area and crossing scores, provenance)"},
    "cli.help.score.preset": {"es": "conjunto de pesos predefinido (por defecto balanced)",
                              "en": "weight preset (default balanced)"},
    "cli.help.score.weights": {"es": "CSV (filas indicador,peso) o JSON (un objeto indicador: peso) que reemplaza "
                                     "al predefinido",
                               "en": "CSV (indicator,weight rows) or JSON (an object of indicator: weight) overriding "
                                     "the preset"},
    "cli.help.score.normalisation": {"es": "cómo se llevan los indicadores a una escala común (por defecto minmax)",
                                     "en": "how indicators are brought to one scale (default minmax)"},
    "cli.help.score.aggregation": {"es": "cómo se combinan los indicadores (por defecto arithmetic)",
                                   "en": "how indicators are combined (default arithmetic)"},
    "cli.help.score.draws": {"es": "sorteos Monte Carlo para los intervalos de posición (por defecto 1000)",
                             "en": "Monte Carlo draws for rank intervals (default 1000)"},
    "cli.help.score.permutations": {"es": "permutaciones de los puntos calientes (por defecto 999)",
                                    "en": "hotspot permutations (default 999)"},
    "cli.help.score.top": {"es": "áreas a listar en el resumen (por defecto 10)",
                           "en": "areas to list in the summary (default 10)"},
    "cli.help.score.lang": {"es": "idioma del resumen impreso (por defecto según LANG: es_* es español)",
                            "en": "language of the printed summary (default from LANG: es_* is Spanish)"},
    # --- vigia dark-figure -------------------------------------------------------------------------
    "cli.help.dark": {"es": "estima cuántas víctimas no encontró ninguna institución (estimación de sistemas "
                            "múltiples) a partir de una tabla de listas",
                      "en": "estimate how many victims no agency found (multiple systems estimation) from a lists "
                            "table"},
    "cli.help.dark.description": {
        "es": "Estimación de sistemas múltiples a partir de coincidencias agregadas entre listas: una columna 0/1 por "
              "lista de cada institución y un conteo por combinación (la capa 'lists').",
        "en": "Multiple systems estimation from aggregated list overlaps: one 0/1 column per agency list and a count "
              "per combination (the 'lists' layer)."},
    "cli.help.dark.table": {"es": "tabla de listas: .csv, .xlsx, o un .gpkg con una capa 'lists'",
                            "en": "lists table: .csv, .xlsx, or a .gpkg with a 'lists' layer"},
    "cli.help.dark.layer": {"es": "nombre de la capa dentro de un GeoPackage (por defecto: lists)",
                            "en": "layer name inside a GeoPackage (default: lists)"},
    "cli.help.dark.criterion": {"es": "lo que una interacción entre dos listas debe reducir para entrar al modelo "
                                      "(por defecto bic)",
                                "en": "what an interaction between two lists must lower to enter the model (default bic)"},
    "cli.help.dark.by": {"es": "estima también por período o por departamento",
                         "en": "also estimate per period or department"},
    "cli.help.dark.interval": {"es": "intervalo del 95% por verosimilitud de perfil (por defecto) o bootstrap "
                                     "paramétrico",
                               "en": "95% interval by profile likelihood (default) or parametric bootstrap"},
    "cli.help.dark.seed": {"es": "semilla del bootstrap (misma semilla, mismo intervalo)",
                           "en": "bootstrap seed (same seed, same interval)"},
    "cli.help.dark.draws": {"es": "sorteos del bootstrap (por defecto 499)", "en": "bootstrap draws (default 499)"},
    "cli.help.dark.out": {"es": "escribe una fila por estrato en este .csv o .xlsx",
                          "en": "write one row per stratum to this .csv or .xlsx"},
    "cli.help.dark.lang": {"es": "idioma del informe impreso y del .xlsx (por defecto según LANG: es_* es español; el "
                                 ".csv mantiene los códigos)",
                           "en": "language of the printed report and the .xlsx (default from LANG: es_* is Spanish; "
                                 "the .csv keeps codes)"},
    # --- vigia evaluate ----------------------------------------------------------------------------
    "cli.help.evaluate": {"es": "repite un año pasado: prioriza los sitios con las inspecciones anteriores y compara "
                                "con lo que encontraron las inspecciones de ese año",
                          "en": "replay a past year: rank the sites from the inspections before it and compare with "
                                "what that year's inspections found"},
    "cli.help.evaluate.description": {
        "es": "Ajusta con las inspecciones registradas antes de YEAR, prioriza los sitios y compara esa priorización "
              "con los resultados reales de ese año (AUC, víctimas por inspección en el 10% superior de Vigía y en el "
              "resto, proporción de víctimas encontradas en la primera mitad de las visitas en el orden de Vigía y en "
              "el real). El informe para personas y --out ocultan conteos de víctimas de 1 a 4; --json los imprime "
              "exactos, lo que solo se permite porque el registro es suyo y la salida queda en esta máquina: no lo "
              "comparta.",
        "en": "Fits on the inspections recorded before YEAR, ranks the sites and compares the ranking with that "
              "year's real results (AUC, victims per inspection in Vigía's top 10% and the rest, share of victims "
              "found in the first half of the visits in Vigía's and the real order). The human report and --out hide "
              "victim counts of 1 to 4; --json prints them exactly, which is allowed only because the register is "
              "your own and the output stays on this machine: do not share it."},
    "cli.help.evaluate.dataset": {"es": "dataset .gpkg (o una carpeta de archivos de capas) con una capa de inspecciones",
                                  "en": "dataset .gpkg (or a folder of layer files) with an inspections layer"},
    "cli.help.evaluate.year": {"es": "el año a repetir (AAAA)", "en": "the year to replay (YYYY)"},
    "cli.help.evaluate.json": {"es": "imprime un objeto JSON (conteos exactos: solo para su propia máquina)",
                               "en": "print one JSON object (exact counts: for your own machine only)"},
    "cli.help.evaluate.out": {"es": "escribe además el informe como INFORME.html o INFORME.xlsx",
                              "en": "also write the report as REPORT.html or REPORT.xlsx"},
    "cli.evaluate.invalid": {"es": "vigia evaluate: {source} NO ES VÁLIDO; no se evaluó nada. Ejecute "
                                   "`vigia validate {source}` para ver los detalles:",
                             "en": "vigia evaluate: {source} is NOT VALID; nothing evaluated. Run "
                                   "`vigia validate {source}` for details:"},
    # --- vigia record-results ----------------------------------------------------------------------
    "cli.help.record": {"es": "agrega una hoja de resultados llenada (el .xlsx del plan) a un dataset como "
                              "inspecciones; escribe un .gpkg nuevo",
                        "en": "add a filled results sheet (the plan's .xlsx) to a dataset as inspections; write a new "
                              ".gpkg"},
    "cli.help.record.description": {
        "es": "Lee la hoja de inspecciones de un libro de plan que llenó un equipo (realizada sí/no, víctimas, "
              "infracciones, trabajadores), la revisa como cualquier capa y escribe el dataset con esas visitas "
              "agregadas a su capa de inspecciones. Las visitas ya registradas se rechazan por su código; no se "
              "cambia nada si alguna fila tiene un error.",
        "en": "Reads the Inspections sheet of a plan workbook that a team filled in (done yes/no, victims, violations, "
              "workers), checks it like any layer and writes the dataset with those visits added to its inspections "
              "layer. Visits already recorded are refused by code; nothing is changed when any row has an error."},
    "cli.help.record.results": {"es": "el .xlsx del plan con su hoja de inspecciones llenada",
                                "en": "the plan's .xlsx with its Inspections sheet filled in"},
    "cli.help.record.out": {"es": "dataset .gpkg nuevo a escribir (el de entrada queda como estaba)",
                            "en": "new dataset .gpkg to write (the input is kept as it was)"},
    "cli.record.new_file": {"es": "--out debe ser un archivo nuevo: el dataset que indica se mantiene como estaba",
                            "en": "--out must be a new file: the dataset you give is kept as it was"},
    # --- vigia plan-patrols ------------------------------------------------------------------------
    "cli.help.patrols": {"es": "rol semanal de patrullaje fronterizo (aleatorizado para que no se pueda predecir)",
                         "en": "weekly border-patrol roster (randomised so it cannot be predicted)"},
    "cli.help.patrols.description": {
        "es": "Planifica una semana de patrullajes fronterizos: roles CP-SAT con las reglas de servicio, aleatorizados "
              "con un juego de seguridad de Stackelberg. Misma --seed, mismo rol.",
        "en": "Plan one week of border patrols: CP-SAT rosters under duty rules, randomised with a Stackelberg "
              "security game. Same --seed, same roster."},
    "cli.help.patrols.dataset": {"es": "dataset GeoPackage (.gpkg) con cruces y oficinas de policía",
                                 "en": "dataset GeoPackage (.gpkg) with crossings and police offices"},
    "cli.help.patrols.scores": {"es": "archivo de puntajes .gpkg escrito por 'vigia score' (sus puntajes de cruces); "
                                      "si falta, se calculan con el motor de riesgo",
                                "en": "scores .gpkg written by 'vigia score' (its crossing scores); computed with the "
                                      "risk engine when left out"},
    "cli.help.patrols.units": {"es": "archivo de unidades (.csv/.xlsx: unit_id, base_id o lon/lat, crew, shifts, "
                                     "max_shifts); si falta, se derivan de las oficinas de policía",
                               "en": "units file (.csv/.xlsx: unit_id, base_id or lon/lat, crew, shifts, max_shifts); "
                                     "derived from police offices when left out"},
    "cli.help.patrols.profile": {"es": "perfil horario (.csv/.xlsx: kind, morning, afternoon, night) que reemplaza los "
                                       "pesos de turno por defecto (la noche aumentada por la proporción irregular)",
                                 "en": "time profile (.csv/.xlsx: kind, morning, afternoon, night) replacing the default "
                                       "shift weights (night raised by the irregular share)"},
    "cli.help.patrols.week": {"es": "semana ISO, p. ej. 2026-W23 (por defecto: la próxima semana que no ha empezado)",
                              "en": "ISO week, e.g. 2026-W23 (default: the next week that has not started)"},
    "cli.help.patrols.seed": {"es": "semilla aleatoria (por defecto 0)", "en": "random seed (default 0)"},
    "cli.help.patrols.out": {"es": "archivo del rol: .xlsx, .csv, .ics o .pdf (una página A4 por unidad)",
                             "en": "roster file: .xlsx, .csv, .ics or .pdf (one A4 page per unit)"},
    "cli.help.patrols.lang": {"es": "idioma del archivo y de este informe (por defecto es)",
                              "en": "language of the file and of this report (default es)"},
    "cli.help.patrols.mode": {"es": "aleatorizado (por defecto) o el mejor rol fijo",
                              "en": "randomised (default) or the best fixed roster"},
    "cli.help.patrols.pool": {"es": "semanas aleatorizadas muestreadas (por defecto 200)",
                              "en": "randomised weeks sampled (default 200)"},
    "cli.patrols.pool": {"es": "--pool debe ser al menos 1", "en": "--pool must be at least 1"},
    # --- vigia what-if -----------------------------------------------------------------------------
    "cli.help.whatif": {"es": "dónde una oficina, un equipo o un puesto de control más cubre el mayor riesgo "
                              "(opciones ordenadas)",
                        "en": "where one more office, team or checkpoint covers the most risk (ranked options)"},
    "cli.help.whatif.description": {
        "es": "Ordena dónde nuevas oficinas, equipos de inspección adicionales o trasladados, o nuevos puestos de "
              "control fronterizo cubrirían el mayor riesgo a un día de viaje, con qué frecuencia gana cada opción "
              "ante la incertidumbre de los puntajes, verificado con el planificador de inspecciones (el de "
              "patrullajes para los puestos de control).",
        "en": "Rank where new offices, extra or moved inspection teams, or new border checkpoints would cover the "
              "most risk within a day's trip, with how often each option wins across the scores' uncertainty, "
              "checked with the inspection planner (the patrol planner for checkpoints)."},
    "cli.help.whatif.dataset": {"es": "dataset .gpkg con áreas y oficinas (y cruces para los puestos de control)",
                                "en": "dataset .gpkg with areas and offices (and crossings for checkpoints)"},
    "cli.help.whatif.add_offices": {"es": "abrir N oficinas de trabajo nuevas", "en": "open N new labour offices"},
    "cli.help.whatif.add_teams": {"es": "agregar K equipos de inspección a las oficinas existentes",
                                  "en": "add K inspection teams to existing offices"},
    "cli.help.whatif.move_teams": {"es": "trasladar hasta M equipos entre oficinas",
                                   "en": "move up to M teams between offices"},
    "cli.help.whatif.add_checkpoints": {"es": "abrir C puestos de control fronterizo",
                                        "en": "open C border checkpoints"},
    "cli.help.whatif.demand": {"es": "lo que cubren oficinas y equipos: los sitios de inspección (cada uno con el "
                                     "riesgo de su área, como los pondera el planificador; por defecto si el dataset "
                                     "tiene sitios) o las áreas",
                               "en": "what offices and teams cover: the inspection sites (each with its area's risk, "
                                     "as the inspection planner weighs them; default when the dataset has sites) or "
                                     "the areas"},
    "cli.help.whatif.teams_per_office": {"es": "equipos en cada oficina nueva (por defecto 2, como las oficinas más "
                                               "pequeñas hoy)",
                                         "en": "teams at each new office (default 2, like the smallest offices today)"},
    "cli.help.whatif.candidates": {"es": "lugares candidatos (.csv/.xlsx: name, lon, lat); por defecto: localidades "
                                         "de GeoNames, o cruces abiertos para los puestos de control",
                                   "en": "candidate places (.csv/.xlsx: name, lon, lat); default: GeoNames towns, or "
                                         "open crossings for checkpoints"},
    "cli.help.whatif.reach_hours": {"es": "tiempo de viaje que cuenta como alcanzado (por defecto 3 h para oficinas, "
                                          "2 h para puestos de control)",
                                    "en": "travel time that counts as reached (default 3 h for offices, 2 h for "
                                          "checkpoints)"},
    "cli.help.whatif.time_limit": {"es": "segundos para el solucionador (por defecto 30)",
                                   "en": "seconds for the solver (default 30)"},
    "cli.help.whatif.draws": {"es": "sorteos de puntajes a resolver (por defecto 30; 0 = ninguno)",
                              "en": "score draws to solve (default 30; 0 = none)"},
    "cli.help.whatif.check_days": {"es": "días hábiles que planifica el planificador de inspecciones para verificar "
                                         "las mejores opciones (0 = sin verificación); los puestos de control se "
                                         "verifican con el planificador de patrullajes durante una semana",
                                   "en": "working days the inspection planner plans to check the best options (0 = no "
                                         "check); checkpoints are checked with the patrol planner over one week"},
    "cli.help.whatif.seed": {"es": "semilla aleatoria (sorteos y planificador)", "en": "random seed (draws and planner)"},
    "cli.help.whatif.out": {"es": "informe: .xlsx, .csv, .geojson o .html", "en": "report: .xlsx, .csv, .geojson or .html"},
    "cli.help.whatif.lang": {"es": "idioma del archivo del informe y de lo que se imprime (por defecto es)",
                             "en": "language of the report file and of what is printed (default es)"},
}
