"""Strings of learning from inspection results: the replay report (``vigia evaluate``), the exploration
share of a plan and the "likely risk, little inspected" view."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "evaluate.title": {"es": "Evaluación retrospectiva del año {year}", "en": "Replay of {year}"},
    "evaluate.intro": {
        "es": "Vigía se ajustó solo con las inspecciones anteriores a {year}, ordenó los lugares y se comparó "
              "con lo que las inspecciones de {year} encontraron de verdad.",
        "en": "Vigía was fitted only on the inspections before {year}, ranked the sites and was compared with "
              "what {year}'s inspections really found.",
    },
    "evaluate.year": {"es": "Año", "en": "Year"},
    "evaluate.figure": {"es": "Cifra", "en": "Figure"},
    "evaluate.inspections": {"es": "Inspecciones del año", "en": "Inspections that year"},
    "evaluate.victims": {"es": "Víctimas encontradas", "en": "Victims found"},
    "evaluate.auc": {"es": "AUC del orden de lugares (0,5 = azar, 1 = perfecto)",
                     "en": "AUC of the site ranking (0.5 = chance, 1 = perfect)"},
    "evaluate.hit_rate_top_decile": {"es": "Víctimas por inspección en el 10 % más alto de Vigía",
                                     "en": "Victims per inspection at Vigía's top 10% of sites"},
    "evaluate.hit_rate_rest": {"es": "Víctimas por inspección en los demás lugares",
                               "en": "Victims per inspection at the other sites"},
    "evaluate.share_found_first_half_vigia": {
        "es": "Víctimas halladas en la primera mitad de las visitas, en el orden de Vigía",
        "en": "Share of victims found in the first half of the visits, in Vigía's order"},
    "evaluate.share_found_first_half_actual": {
        "es": "Víctimas halladas en la primera mitad de las visitas, en el orden real",
        "en": "Share of victims found in the first half of the visits, in the order really done"},
    "evaluate.yield_header": {"es": "Modelo de rendimiento por lugar, probado en ese año:",
                               "en": "Site yield model, tested on that year:"},
    "evaluate.yield_scores": {"es": "AUC {auc}, Brier {brier} sobre {visits} visitas",
                              "en": "AUC {auc}, Brier {brier} over {visits} visits"},
    "evaluate.yield_weighted": {
        "es": "Solo las {n} visitas al azar, ponderadas por 1/probabilidad: AUC {auc}, Brier {brier}",
        "en": "Only the {n} random visits, weighted by 1/probability: AUC {auc}, Brier {brier}"},
    "evaluate.calibration": {"es": "Calibración (visitas, probabilidad predicha, proporción con víctimas):",
                             "en": "Calibration (visits, predicted probability, share with victims):"},
    "evaluate.not_available": {"es": "no calculable", "en": "cannot be computed"},
    "evaluate.suppressed": {"es": "Las cifras de 1 a {limit} víctimas se ocultan ({marker}) en este informe.",
                            "en": "Counts of 1 to {limit} victims are hidden ({marker}) in this report."},
    "evaluate.refused": {"es": "No se puede evaluar el año {year}: {reason}",
                         "en": "Cannot evaluate {year}: {reason}"},
    "evaluate.no_year": {"es": "no hay inspecciones registradas en {year}: no hay con qué comparar el orden",
                         "en": "no inspections recorded in {year}: there is nothing to compare the ranking with"},
    "evaluate.no_history": {"es": "no hay inspecciones registradas antes de {year}: no hay historia de la que "
                                  "aprender",
                            "en": "no inspections recorded before {year}: there is no earlier history to "
                                  "learn from"},
    "evaluate.no_layer": {"es": "el conjunto de datos no tiene capa de inspecciones",
                          "en": "the dataset has no inspections layer"},
    "evaluate.written": {"es": "Informe escrito en {path}", "en": "Report written to {path}"},
    "learning.explore": {"es": "Parte de visitas para aprender", "en": "Share of visits to learn from"},
    "learning.explore_help": {
        "es": "Esa parte de las visitas se sortea entre todos los lugares alcanzables, cada uno con la misma "
              "probabilidad conocida; 0 la apaga.",
        "en": "That share of the visits is drawn among all reachable sites, each with the same known "
              "probability; 0 turns it off."},
    "learning.explore_line": {
        "es": "Visitar también algunos lugares al azar muestra lo que el orden de riesgo no ve y permite "
              "estimar cuántas víctimas hay en todos los lugares.",
        "en": "Also visiting a few sites at random shows what the risk ranking misses and lets the results "
              "estimate how many victims there are across all sites."},
    "learning.explore_count": {
        "es": "{n} de {total} visitas son de exploración: sorteadas al azar (probabilidad {p} por lugar) para "
              "aprender de sus resultados.",
        "en": "{n} of {total} visits are exploration: drawn at random (probability {p} per site) to learn "
              "from their results."},
    "learning.explore_off": {"es": "Sin exploración: todas las visitas siguen la prioridad.",
                             "en": "No exploration: every visit follows the priority."},
    "learning.learn": {"es": "Priorizar con lo que encontraron las inspecciones",
                       "en": "Rank by what inspections found"},
    "learning.learn_help": {
        "es": "Ordena los lugares por las víctimas que se espera hallar en cada visita, aprendidas del historial "
              "de inspecciones del conjunto de datos (lo mismo que `vigia plan-inspections --learn`). Un archivo "
              "de puntajes, si se cargó, tiene precedencia.",
        "en": "Ranks sites by the victims a visit is expected to find, learned from the dataset's inspection "
              "history (the same as `vigia plan-inspections --learn`). A scores file, when loaded, takes "
              "precedence."},
    "learning.learn_line": {
        "es": "Un lugar donde las visitas anteriores hallaron víctimas sube; uno revisado muchas veces sin "
              "hallazgos baja, solo con evidencia suficiente.",
        "en": "A site where earlier visits found victims moves up; one checked many times with nothing found "
              "moves down, only with enough evidence."},
    "learning.learn_used": {"es": "Prioridad: rendimiento por lugar aprendido del historial de inspecciones.",
                            "en": "Priority: site yield learned from the inspection history."},
    "learning.learn_not_used": {
        "es": "No se usó lo aprendido de las inspecciones ({reason}); se mantiene la prioridad habitual.",
        "en": "What inspections found was not used ({reason}); the usual priority is kept."},
    # Why the learned site yield was not used: risk.site_yield's refusal codes (vigia.yield_refusals).
    "learning.why.few_results": {
        "es": "solo hay {results} resultado(s) de inspección en lugares conocidos antes del {before}: se necesitan "
              "al menos {needed} para aprender qué lugares rinden más",
        "en": "only {results} inspection result(s) at known sites before {before}: at least {needed} are needed "
              "to learn which sites yield more"},
    "learning.why.no_victims": {
        "es": "ninguna inspección del historial encontró víctimas: no hay nada de lo que aprender",
        "en": "no inspection in the history found a victim: there is nothing to learn from"},
    "learning.why.no_layer": {
        "es": "el conjunto de datos no tiene resultados de inspecciones (capa de inspecciones)",
        "en": "the dataset has no inspection results (inspections layer)"},
    "learning.why.scores_given": {
        "es": "se cargó un archivo de puntajes y sus prioridades tienen precedencia",
        "en": "a scores file was loaded and its priorities take precedence"},
    "evaluate.area_fallback": {
        "es": "({reason}; los lugares se ordenaron por el rendimiento por inspección de su área)",
        "en": "({reason}; sites were ranked by their area's yield per inspection)"},
    "learning.results_header": {"es": "Resultados: ¿habría encontrado más Vigía?",
                                "en": "Results: would Vigía have found more?"},
    "learning.results_intro": {
        "es": "Para cada año, Vigía se ajusta solo con las inspecciones anteriores y se compara con lo que las "
              "inspecciones de ese año encontraron (lo mismo que `vigia evaluate`).",
        "en": "For each year, Vigía is fitted only on the earlier inspections and compared with what that "
              "year's inspections found (the same as `vigia evaluate`)."},
    "learning.results_none": {"es": "Hace falta más de un año de inspecciones para comparar.",
                              "en": "More than one year of inspections is needed to compare."},
    "learning.chart_vigia": {"es": "En el orden de Vigía", "en": "In Vigía's order"},
    "learning.chart_actual": {"es": "En el orden real", "en": "In the real order"},
    "learning.chart_y": {"es": "% de víctimas en la primera mitad de las visitas",
                         "en": "% of victims in the first half of the visits"},
    # Plan table columns the Inspections page labels by code (``inspections.col.<column>``).
    "inspections.col.selection": {"es": "Selección", "en": "Selection"},
    "inspections.col.selection_probability": {"es": "Probabilidad de selección", "en": "Selection probability"},
    # The Risk map's "where people looked" view (risk.effort).
    "riskview.effort": {"es": "Dónde se inspeccionó", "en": "Where inspectors went"},
    "riskview.effort.explain": {
        "es": "Con un historial de inspecciones, los casos se ajustan al esfuerzo: un área sin casos donde nadie "
              "inspeccionó no se lee como segura. Naranja = riesgo probable y poca inspección: un buen lugar "
              "para ir a mirar.",
        "en": "With an inspection history, cases are adjusted for effort: an area with no cases where nobody "
              "inspected no longer reads as safe. Orange = likely risk, little inspected: a good place to go "
              "and look."},
    "riskview.effort.legend": {"es": "Riesgo e inspecciones · {kind}", "en": "Risk and inspections · {kind}"},
    "riskclass.effort.little_inspected": {"es": "Riesgo probable, poco inspeccionada",
                                          "en": "Likely risk, little inspected"},
    "riskclass.effort.inspected": {"es": "Inspeccionada", "en": "Inspected"},
    "riskclass.effort.not_inspected": {"es": "Sin inspecciones (riesgo no destacado)",
                                       "en": "Not inspected (risk not high)"},
    "riskclass.effort.none": {"es": "Sin historial de inspecciones", "en": "No inspection history"},
}
