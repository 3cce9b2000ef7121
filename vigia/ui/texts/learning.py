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
}
