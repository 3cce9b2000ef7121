"""What the ``vigia`` commands print (``--lang``), in Spanish and English.

Read through :func:`vigia.cli_output.cli_text`, which needs no Streamlit, so the CLI
stays quick to start. ``why.*`` entries are reasons the planners state in English
(matched by :func:`vigia.ui.texts.translate_reason`).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- vigia what-if -------------------------------------------------------------------
    "cli.whatif.solving": {"es": "Resolviendo con {dataset} y {scores} (límite {limit} s)...",
                           "en": "Solving on {dataset} with {scores} (time limit {limit} s)..."},
    "cli.whatif.today": {"es": "Riesgo cubierto hoy: {covered} de {total} ({share})",
                         "en": "Risk covered today: {covered} of {total} ({share})"},
    "cli.whatif.no_risk": {"es": "No hay riesgo que cubrir.", "en": "No risk to cover."},
    "cli.whatif.measured.sites": {"es": "lugares de inspección (cada uno con el riesgo de su área)",
                                  "en": "inspection sites (each with its area's risk)"},
    "cli.whatif.measured.areas": {"es": "áreas (su puntaje de riesgo)", "en": "areas (their risk score)"},
    "cli.whatif.measured.crossings": {"es": "pasos fronterizos (su puntaje de riesgo)",
                                      "en": "border crossings (their risk score)"},
    "cli.whatif.coverage": {"es": "Cobertura de {measured}; alcance: {hours} h de viaje; solidez sobre {draws} "
                                  "simulación(es)",
                            "en": "Coverage of {measured}; reach: {hours} h of travel; robustness over {draws} draw(s)"},
    "cli.whatif.note": {"es": "Nota: {note}", "en": "Note: {note}"},
    "cli.whatif.none": {"es": "No se encontró ninguna opción (no hay candidatos, o el límite de tiempo se agotó "
                              "antes de la primera solución).",
                        "en": "No option found (no candidate, or the time limit ran out before the first solution)."},
    "cli.whatif.col.option": {"es": "opción", "en": "option"},
    "cli.whatif.col.covered": {"es": "cubierto", "en": "covered"},
    "cli.whatif.col.gain": {"es": "ganancia", "en": "gain"},
    "cli.whatif.col.gain_pct": {"es": "gan.%", "en": "gain%"},
    "cli.whatif.col.in_best": {"es": "en mejor", "en": "in best"},
    "cli.whatif.col.label": {"es": "solidez", "en": "label"},
    "cli.whatif.col.gap": {"es": "brecha%", "en": "gap%"},
    "cli.whatif.col.planner": {"es": "planif.%", "en": "planner%"},
    "cli.whatif.at": {"es": "   en lon {lon}, lat {lat}", "en": "   at lon {lon}, lat {lat}"},
    "cli.whatif.check.crossings": {
        "es": "Comprobación con el planificador: la semana del planificador de patrullajes vigila {today} con las "
              "unidades de hoy, {after}.",
        "en": "Check by planning: the patrol planner's week guards {today} with today's units, {after}."},
    "cli.whatif.check.areas": {
        "es": "Comprobación con el planificador: el planificador de inspecciones cubre {today} con los equipos de "
              "hoy, {after}.",
        "en": "Check by planning: the inspection planner covers {today} with today's teams, {after}."},
    "cli.whatif.check_option": {"es": "{value} con la opción {rank}", "en": "{value} with option {rank}"},
    "cli.whatif.wrote": {"es": "Se escribió {path} ({n} opción(es))", "en": "Wrote {path} ({n} option(s))"},
    "cli.cannot_compute": {"es": "vigia {command}: no se puede calcular — {summary}:",
                           "en": "vigia {command}: cannot compute — {summary}:"},
    "cli.nothing_computed": {"es": "{source}: {verdict} — {summary}; no se calculó nada.",
                             "en": "{source}: {verdict} — {summary}; nothing computed."},
    "why.no_draws_target": {"es": "no hay simulaciones de puntajes para {target}: solidez sin evaluar",
                            "en": "no score draws for the {target}: robustness not assessed"},
    "why.own_draws": {"es": "solidez sobre las {n} simulaciones propias de los puntajes",
                      "en": "robustness over the scores' own {n} draws"},
    "why.own_crossing_draws": {"es": "solidez sobre las {n} simulaciones propias de los puntajes de los pasos",
                               "en": "robustness over the scores' own {n} crossing draws"},
    "why.seeded_draws": {"es": "solidez sobre {n} simulaciones con semilla de los pesos y métodos de los puntajes "
                               "(semilla {seed})",
                         "en": "robustness over {n} seeded draws of the scores' weights and methods (seed {seed})"},
    "why.no_draws_error": {"es": "no hay simulaciones de puntajes ({error}): solidez sin evaluar",
                           "en": "no score draws ({error}): robustness not assessed"},
    "why.word.areas": {"es": "las áreas", "en": "areas"},
    "why.word.sites": {"es": "los lugares", "en": "sites"},
    "why.word.crossings": {"es": "los pasos fronterizos", "en": "crossings"},
    "why.no_patrol_check": {"es": "no se hizo la comprobación con el planificador de patrullajes: {error}",
                            "en": "check by the patrol planner not made: {error}"},
    # --- vigia score --------------------------------------------------------------------
    "cli.score.invalid": {"es": "vigia score: {source} NO ES VÁLIDO; no se calculó nada. Ejecute `vigia validate "
                                "{source}` para ver el detalle:",
                          "en": "vigia score: {source} is NOT VALID; nothing scored. Run `vigia validate {source}` "
                                "for details:"},
    "cli.score.wrote": {"es": "Se escribió {path}: {areas} área(s), {crossings} paso(s) — preset {preset}, {draws} "
                              "simulaciones, semilla {seed}",
                        "en": "Wrote {path}: {areas} area(s), {crossings} crossing(s) — preset {preset}, {draws} draws, "
                              "seed {seed}"},
    "cli.score.synthetic": {"es": " (datos SINTÉTICOS)", "en": " (SYNTHETIC data)"},
    "cli.score.top": {"es": "Las {n} áreas de mayor riesgo (puesto, intervalo del 90 % sobre pesos y métodos, "
                            "P(10 % más alto)):",
                      "en": "Top {n} areas (rank, 90% interval over weights/methods, P(top 10%)):"},
    "cli.score.area": {"es": "{rank:>5}. {name} ({admin1}) puntaje {score:>5}  puesto {low}-{high}  P(10 % más alto) "
                             "{p}  [{drivers}]",
                       "en": "{rank:>5}. {name} ({admin1}) score {score:>5}  rank {low}-{high}  P(top10%) {p}  "
                             "[{drivers}]"},
    "cli.score.top_crossings": {"es": "Pasos de mayor riesgo:", "en": "Top crossings:"},
    "cli.score.crossing": {"es": "{rank:>5}. {name} puntaje {score:>5}  puesto {low}-{high}  [{drivers}]",
                           "en": "{rank:>5}. {name} score {score:>5}  rank {low}-{high}  [{drivers}]"},
    "cli.score.expected": {"es": "Casos esperados: modelo {model} ({folds}; desviación de Poisson fuera de muestra "
                                 "{deviance}); {flagged} área(s) señaladas con probable subdetección",
                           "en": "Expected cases: {model} model ({folds}; held-out Poisson deviance {deviance}); "
                                 "{flagged} area(s) flagged as likely under-detected"},
    "why.folds": {"es": "{n} particiones agrupadas por {column}", "en": "{n} folds grouped by {column}"},
    "cli.score.missing": {"es": "No calculado / dejado fuera:", "en": "Not computed / left out:"},
    "cli.score.missing_item": {"es": "  - {part}: {reason}", "en": "  - {part}: {reason}"},
    "cli.score.provenance": {"es": "Procedencia: {rows}", "en": "Provenance: {rows}"},
    # --- vigia dark-figure --------------------------------------------------------------
    "cli.dark.errors": {"es": "{file}: la tabla de listas tiene errores; no se estimó nada.",
                        "en": "{file}: the lists table has errors; nothing estimated."},
    "cli.dark.header": {"es": "{file}: estimación por sistemas múltiples ({criterion} por pasos, intervalo {interval})",
                        "en": "{file}: multiple systems estimation ({criterion} stepwise, {interval} interval)"},
    "cli.dark.interval.profile": {"es": "de verosimilitud perfil", "en": "profile"},
    "cli.dark.interval.bootstrap": {"es": "bootstrap", "en": "bootstrap"},
    "cli.dark.observed": {"es": "  registradas (en al menos una lista): {n}", "en": "  observed (on at least one list): {n}"},
    "cli.dark.none": {"es": "  SIN ESTIMACIÓN: {reason}", "en": "  NO ESTIMATE: {reason}"},
    "cli.dark.estimate": {"es": "  total estimado:                  {n}", "en": "  estimated total:                 {n}"},
    "cli.dark.interval": {"es": "  intervalo del 95 %:              {low} – {high}",
                          "en": "  95% interval:                    {low} – {high}"},
    "cli.dark.ratio": {"es": "  estimadas / registradas:         {ratio}", "en": "  estimated / observed:            {ratio}"},
    "cli.dark.model": {"es": "  modelo:                          {model}", "en": "  model:                           {model}"},
    "cli.dark.left_out": {"es": "  se deja fuera {label}: {reason}", "en": "  left out {label}: {reason}"},
    "cli.dark.note": {"es": "  nota: {note}", "en": "  note: {note}"},
    "cli.dark.by.period": {"es": "Por periodo:", "en": "By period:"},
    "cli.dark.by.admin1": {"es": "Por departamento:", "en": "By admin1:"},
    "cli.dark.stratum_none": {"es": "  {stratum}: registradas {seen}; sin estimación: {reason}",
                              "en": "  {stratum}: observed {seen}; no estimate: {reason}"},
    "cli.dark.stratum": {"es": "  {stratum}: registradas {seen}; estimación {n} ({low} – {high}); {model}",
                         "en": "  {stratum}: observed {seen}; estimate {n} ({low} – {high}); {model}"},
    "cli.dark.unbounded": {"es": "sin límite", "en": "unbounded"},
    "cli.wrote": {"es": "Se escribió {path}", "en": "Wrote {path}"},
    # --- vigia plan-patrols --------------------------------------------------------------
    "cli.patrols.problems": {"es": "vigia plan-patrols: {n} problema(s):", "en": "vigia plan-patrols: {n} problem(s):"},
    "cli.patrols.mode.randomised": {"es": "sorteado", "en": "randomised"},
    "cli.patrols.mode.fixed": {"es": "fijo", "en": "fixed"},
    "cli.patrols.wrote": {
        "es": "Se escribió {path}: rol {mode} para la semana {week}, {shifts} turno(s) para {units} unidad(es) "
              "sobre {targets} objetivo(s) (semilla {seed}).",
        "en": "Wrote {path}: {mode} roster for {week}, {shifts} shift(s) for {units} unit(s) over {targets} "
              "target(s) (seed {seed})."},
    "cli.patrols.gain": {
        "es": "  mejor ganancia esperada del tratante: rol fijo {fixed}, sorteado {random} ({pct} menos)",
        "en": "  attacker's best expected gain: fixed roster {fixed}, randomised {random} ({pct} lower)"},
    "cli.patrols.watcher": {
        "es": "  un tratante que observa los patrullajes durante un mes encuentra sin vigilancia el lugar que elige "
              "{fixed} veces de 10 con el rol fijo, {random} con roles sorteados",
        "en": "  a trafficker who watches the patrols for a month finds the place they pick unwatched {fixed} times "
              "out of 10 with the fixed roster, {random} with drawn rosters"},
    "cli.patrols.sample": {
        "es": "  {weeks} semanas sorteadas; mayor diferencia entre la frecuencia de un objetivo-turno y su "
              "probabilidad planificada: {gap} puntos",
        "en": "  {weeks} sampled weeks; largest gap between a target-slot's frequency and its planned probability: "
              "{gap} points"},
}
