"""Strings of the Risk map page and the crossing ranking on the Border page.

Prefixes: ``riskmap.`` (Risk map page), ``riskcol.`` (its table columns),
``riskview.`` / ``riskclass.`` (map views and their legend classes),
``hotspot.`` / ``emerging.`` (class labels from ``risk.hotspots`` / ``risk.emerging``),
``indicator.`` (indicator names from ``risk``), ``borderrisk.`` (Border page, top part).
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- controls (sidebar) ---------------------------------------------------------------
    "riskmap.controls_header": {"es": "Cómo se arma el índice", "en": "How the index is built"},
    "riskmap.preset": {"es": "Perfil de pesos", "en": "Weight preset"},
    "riskmap.preset_help": {
        "es": "Cada perfil da más peso a los indicadores que importan para un tipo de trata. "
              "Puede ajustar cada peso abajo.",
        "en": "Each preset gives more weight to the indicators that matter for one kind of "
              "trafficking. You can adjust every weight below.",
    },
    "riskmap.preset.balanced": {"es": "Equilibrado", "en": "Balanced"},
    "riskmap.preset.forced_labour": {"es": "Trabajo forzoso", "en": "Forced labour"},
    "riskmap.preset.sexual_exploitation": {"es": "Explotación sexual", "en": "Sexual exploitation"},
    "riskmap.preset.migration": {"es": "Migración", "en": "Migration"},
    "riskmap.normalisation": {"es": "Escala común de los indicadores", "en": "Common scale of the indicators"},
    "riskmap.normalisation_help": {
        "es": "Los indicadores tienen unidades distintas (tasas, porcentajes, personas); se llevan a una "
              "escala común antes de sumarlos. Los valores extremos se recortan primero.",
        "en": "Indicators come in different units (rates, shares, people); they are put on one scale "
              "before being added up. Extreme values are trimmed first.",
    },
    "riskmap.norm.minmax": {"es": "Mínimo–máximo (0 a 1)", "en": "Min–max (0 to 1)"},
    "riskmap.norm.zscore": {"es": "Desvíos de la media (z)", "en": "Distance from the mean (z-score)"},
    "riskmap.norm.rank": {"es": "Posición (ranking)", "en": "Position (rank)"},
    "riskmap.aggregation": {"es": "Forma de combinar", "en": "How to combine"},
    "riskmap.aggregation_help": {
        "es": "Suma ponderada: un indicador alto compensa otros bajos. Geométrica: un área debe puntuar "
              "alto en varios indicadores a la vez para quedar arriba.",
        "en": "Weighted sum: one high indicator makes up for low ones. Geometric: an area must score "
              "high on several indicators at once to rank high.",
    },
    "riskmap.agg.arithmetic": {"es": "Suma ponderada", "en": "Weighted sum"},
    "riskmap.agg.geometric": {"es": "Media geométrica", "en": "Geometric mean"},
    "riskmap.weights_caption": {
        "es": "Peso de cada tema en el índice, en % (0 = no cuenta). Se reescalan para sumar 100 %.",
        "en": "Weight of each theme in the index, in % (0 = ignored). They are rescaled to add up to 100%.",
    },
    "riskmap.no_weights": {
        "es": "Todos los pesos están en 0: se usa el perfil elegido.",
        "en": "Every weight is 0: the chosen preset is used instead.",
    },
    "riskmap.computing": {
        "es": "Calculando indicadores, casos esperados y puntos críticos (una vez por conjunto de datos)…",
        "en": "Computing indicators, expected cases and hotspots (once per dataset)…",
    },
    "riskmap.failed": {
        "es": "No se pudo calcular el puntaje de riesgo con estos datos: {reason}",
        "en": "The risk score could not be computed from these data: {reason}",
    },
    "riskmap.intro": {
        "es": "Puntaje de 0 a 100 que combina indicadores de cada área (tasas de casos suavizadas, "
              "presión migratoria, trabajo en sectores de riesgo, población). Indica **dónde mirar "
              "primero**, no dónde hay trata: compare siempre con el intervalo del puesto y la brecha "
              "de detección.",
        "en": "A 0–100 score combining each area's indicators (smoothed case rates, migration pressure, "
              "work in high-risk sectors, population). It shows **where to look first**, not where "
              "trafficking is: always read it with the rank interval and the detection gap.",
    },
    # --- map views ----------------------------------------------------------------------
    "riskmap.view": {"es": "Qué muestra el mapa", "en": "What the map shows"},
    "riskview.score": {"es": "Puntaje de riesgo", "en": "Risk score"},
    "riskview.interval": {"es": "Certeza del puesto", "en": "How certain the rank is"},
    "riskview.hotspot": {"es": "Puntos críticos", "en": "Hotspots"},
    "riskview.emerging": {"es": "Tendencia de los puntos críticos", "en": "Hotspot trends"},
    "riskview.gap": {"es": "Brecha de detección", "en": "Detection gap"},
    "riskview.score.explain": {
        "es": "Más oscuro = más arriba en el ranking de riesgo de este conjunto de datos (rojo oscuro: el "
              "10 % de áreas con mayor puntaje). El puntaje compara áreas entre sí; no es una probabilidad.",
        "en": "Darker = higher in this dataset's risk ranking (dark red: the 10% of areas with the highest "
              "score). The score compares areas with each other; it is not a probability.",
    },
    "riskview.interval.explain": {
        "es": "Cuánto se mueve el puesto de cada área si se cambian los pesos (±50 %), la escala y la forma "
              "de combinar ({draws} simulaciones). Claro = el puesto casi no cambia; oscuro = el puesto "
              "depende mucho de decisiones de método: no lo defienda sin mirar el intervalo.",
        "en": "How much each area's rank moves when the weights (±50%), the scale and the way of combining "
              "change ({draws} simulations). Light = the rank hardly changes; dark = the rank depends a lot "
              "on method choices: do not defend it without its interval.",
    },
    "riskview.hotspot.explain": {
        "es": "Grupos de áreas vecinas con puntaje alto (rojo) o bajo (azul), más de lo que daría el azar "
              "(Getis-Ord Gi*, {permutations} permutaciones, corrección por pruebas múltiples). Un área "
              "blanca no forma parte de un grupo claro, aunque su puntaje propio sea alto.",
        "en": "Clusters of neighbouring areas with high (red) or low (blue) scores, beyond what chance "
              "would give (Getis-Ord Gi*, {permutations} permutations, multiple-testing correction). A white "
              "area is not part of a clear cluster, even if its own score is high.",
    },
    "riskview.emerging.explain": {
        "es": "Cómo cambian los puntos críticos de casos a lo largo de los periodos (Gi* por periodo y "
              "prueba de tendencia de Mann-Kendall), como el análisis de puntos críticos emergentes de ArcGIS.",
        "en": "How case hotspots change over the periods (Gi* per period and a Mann-Kendall trend test), "
              "like ArcGIS's emerging hot spot analysis.",
    },
    "riskview.gap.explain": {
        "es": "Casos registrados frente a los que un modelo espera por población, migración y sectores "
              "de trabajo. Naranja = se registran muchos menos de lo esperado: posible subregistro (poca "
              "inspección o denuncia), un buen lugar para ir a buscar.",
        "en": "Recorded cases against what a model expects from population, migration and work sectors. "
              "Orange = far fewer recorded than expected: possible under-detection (little inspection or "
              "reporting), a good place to go and look.",
    },
    "riskview.score.legend": {"es": "Puesto en el ranking de riesgo · {kind}", "en": "Place in the risk ranking · {kind}"},
    "riskview.interval.legend": {"es": "¿Cuánto puede variar el puesto?", "en": "How much can the rank move?"},
    "riskview.hotspot.legend": {"es": "Grupos de riesgo alto o bajo", "en": "Clusters of high or low risk"},
    "riskview.emerging.legend": {"es": "Tendencia de los puntos críticos", "en": "Hotspot trend"},
    "riskview.gap.legend": {"es": "Casos registrados ÷ esperados", "en": "Recorded ÷ expected cases"},
    "riskclass.score.top10": {"es": "10 % más alto (puntaje ≥ {low})", "en": "Highest 10% (score ≥ {low})"},
    "riskclass.score.top20": {"es": "10–20 % (puntaje ≥ {low})", "en": "10–20% (score ≥ {low})"},
    "riskclass.score.top40": {"es": "20–40 % (puntaje ≥ {low})", "en": "20–40% (score ≥ {low})"},
    "riskclass.score.top70": {"es": "40–70 % (puntaje ≥ {low})", "en": "40–70% (score ≥ {low})"},
    "riskclass.score.rest": {"es": "30 % más bajo", "en": "Lowest 30%"},
    "riskclass.interval.firm": {"es": "Firme: ±{n} puestos o menos", "en": "Firm: ±{n} places or fewer"},
    "riskclass.interval.moderate": {"es": "Moderado: hasta ±{n} puestos", "en": "Moderate: up to ±{n} places"},
    "riskclass.interval.loose": {"es": "Incierto: hasta ±{n} puestos", "en": "Uncertain: up to ±{n} places"},
    "riskclass.interval.very_loose": {"es": "Muy incierto: más de ±{n} puestos",
                                      "en": "Very uncertain: more than ±{n} places"},
    "riskclass.gap.much_lower": {"es": "Menos de la mitad, y no por azar: posible subregistro",
                                 "en": "Less than half, and not by chance: possible under-detection"},
    "riskclass.gap.lower": {"es": "Menos de lo esperado (< 80 %)", "en": "Fewer than expected (< 80%)"},
    "riskclass.gap.as_expected": {"es": "Lo esperado (80–125 %)", "en": "As expected (80–125%)"},
    "riskclass.gap.higher": {"es": "Más de lo esperado (> 125 %)", "en": "More than expected (> 125%)"},
    "riskclass.gap.none": {"es": "Sin estimación", "en": "No estimate"},
    "riskclass.missing": {"es": "Sin dato", "en": "No data"},
    "hotspot.hot_99": {"es": "Punto caliente (99 % de confianza)", "en": "Hotspot (99% confidence)"},
    "hotspot.hot_95": {"es": "Punto caliente (95 %)", "en": "Hotspot (95%)"},
    "hotspot.hot_90": {"es": "Punto caliente (90 %)", "en": "Hotspot (90%)"},
    "hotspot.cold_90": {"es": "Punto frío (90 %)", "en": "Cold spot (90%)"},
    "hotspot.cold_95": {"es": "Punto frío (95 %)", "en": "Cold spot (95%)"},
    "hotspot.cold_99": {"es": "Punto frío (99 % de confianza)", "en": "Cold spot (99% confidence)"},
    "hotspot.not_significant": {"es": "Sin grupo claro", "en": "No clear cluster"},
    "emerging.hot": {"es": "Punto caliente {kind}", "en": "{kind} hotspot"},
    "emerging.cold": {"es": "Punto frío {kind}", "en": "{kind} cold spot"},
    "emerging_kind.new": {"es": "nuevo", "en": "New"},
    "emerging_kind.consecutive": {"es": "consecutivo", "en": "Consecutive"},
    "emerging_kind.intensifying": {"es": "en aumento", "en": "Intensifying"},
    "emerging_kind.persistent": {"es": "persistente", "en": "Persistent"},
    "emerging_kind.diminishing": {"es": "en disminución", "en": "Diminishing"},
    "emerging_kind.sporadic": {"es": "esporádico", "en": "Sporadic"},
    "emerging_kind.oscillating": {"es": "oscilante", "en": "Oscillating"},
    "emerging_kind.historical": {"es": "histórico", "en": "Historical"},
    "emerging.no_pattern": {"es": "Sin patrón en el tiempo", "en": "No pattern over time"},
    "emerging.not_computed": {"es": "No calculado (pocos periodos o áreas)", "en": "Not computed (too few periods or areas)"},
    "hotspot.not_computed": {"es": "No calculado (pocas áreas)", "en": "Not computed (too few areas)"},
    "riskmap.click_hint": {
        "es": "Haga clic en un área del mapa, o elíjala en la lista de abajo, para ver su detalle.",
        "en": "Click an area on the map, or pick it from the list below, to see its details.",
    },
    "riskmap.meanings_header": {"es": "¿Qué significa cada clase?", "en": "What does each class mean?"},
    "riskmap.missing_header": {"es": "Lo que no se pudo calcular con estos datos",
                               "en": "What these data could not support"},
    "riskmap.missing_item": {"es": "**{part}**: {reason}", "en": "**{part}**: {reason}"},
    # --- one area -----------------------------------------------------------------------
    "riskmap.detail_header": {"es": "Detalle de un área", "en": "One area in detail"},
    "riskmap.select_area": {"es": "Área (ordenadas por puesto)", "en": "Area (in rank order)"},
    "riskmap.area_option": {"es": "{rank}. {name} ({admin1})", "en": "{rank}. {name} ({admin1})"},
    "riskmap.metric_score": {"es": "Puntaje (0–100)", "en": "Score (0–100)"},
    "riskmap.metric_rank": {"es": "Puesto", "en": "Rank"},
    "riskmap.metric_interval": {"es": "Puesto probable (90 %)", "en": "Likely rank (90%)"},
    "riskmap.metric_p_top10": {"es": "Prob. de estar en el 10 % más alto", "en": "Chance of being in the top 10%"},
    "riskmap.metric_hotspot": {"es": "Grupo espacial", "en": "Spatial cluster"},
    "riskmap.metric_emerging": {"es": "Tendencia", "en": "Trend"},
    "riskmap.metric_recorded": {"es": "Casos registrados", "en": "Recorded cases"},
    "riskmap.metric_expected": {"es": "Casos esperados (modelo)", "en": "Expected cases (model)"},
    "riskmap.interval_value": {"es": "{low} a {high} de {n}", "en": "{low} to {high} of {n}"},
    "riskmap.uncertainty_text": {
        "es": "Al variar los pesos (±50 %), la escala y la forma de combinar en {draws} simulaciones, "
              "**{name}** quedó entre los puestos **{low} y {high}** en 9 de cada 10, y entre el 10 % "
              "más alto en el **{p} %** de ellas.",
        "en": "When the weights (±50%), the scale and the way of combining vary over {draws} simulations, "
              "**{name}** ranked between **{low} and {high}** in 9 out of 10, and in the top 10% in "
              "**{p}%** of them.",
    },
    "riskmap.contrib_header": {"es": "Qué explica su puntaje", "en": "What drives its score"},
    "riskmap.contrib_caption": {
        "es": "Aporte de cada indicador al puntaje (ya ponderado). Las barras suman el puntaje del área "
              "con la suma ponderada; con la media geométrica indican el peso relativo de cada aporte.",
        "en": "Each indicator's share of the score (after weighting). With the weighted sum the bars add "
              "up to the area's score; with the geometric mean they show each part's relative weight.",
    },
    "riskmap.trend_header": {"es": "Casos registrados por periodo", "en": "Recorded cases per period"},
    "riskmap.trend_caption": {
        "es": "Periodos con 1 a {below} casos, y los necesarios para que no se deduzcan de los totales, "
              "quedan en blanco (protección de víctimas).",
        "en": "Periods with 1 to {below} cases, and those needed so they cannot be worked out from the "
              "totals, are left blank (to protect victims).",
    },
    "riskmap.trend_hidden": {
        "es": "Las cifras por periodo de esta área no se muestran: son pocas, o permitirían deducir "
              "cifras pequeñas de otras áreas (protección de víctimas).",
        "en": "This area's figures per period are not shown: they are small, or would let small figures "
              "of other areas be worked out (to protect victims).",
    },
    "riskmap.trend_few_periods": {
        "es": "Los casos de este conjunto de datos cubren un solo periodo: hacen falta al menos dos para ver "
              "cómo cambian.",
        "en": "This dataset's cases cover a single period: at least two are needed to see how they change.",
    },
    "riskmap.trend_none_shown": {
        "es": "No hay nada que graficar: en los periodos que se pueden mostrar esta área no tiene casos "
              "registrados, y los demás periodos quedan ocultos porque tienen de 1 a 4 casos o permitirían "
              "deducirlos (protección de víctimas).",
        "en": "Nothing to chart: in the periods that can be shown this area has no recorded case, and the "
              "other periods are hidden because they hold 1 to 4 cases or would let them be worked out "
              "(to protect victims).",
    },
    "riskmap.trend_zero": {
        "es": "Esta área no tiene casos registrados en ningún periodo.",
        "en": "This area has no recorded case in any period.",
    },
    "riskmap.emerging_none": {
        "es": "Todas las áreas salen «sin patrón»: en los {periods} periodos con casos, ninguna fue un punto "
              "caliente o frío significativo de una forma que marque una tendencia (Gi* por periodo con "
              "corrección por comparaciones múltiples, y tendencia de Mann-Kendall). Suele pasar cuando los "
              "casos por área son pocos y varían al azar de un periodo a otro, o cuando hay pocos periodos "
              "(con 5, solo un aumento constante en todos ellos cuenta como tendencia). No quiere decir que "
              "el riesgo no cambie: el mapa del puntaje y el de subregistro siguen valiendo.",
        "en": "Every area comes out as 'no pattern': over the {periods} periods with cases, none was a "
              "significant hot or cold spot in a way that marks a trend (Gi* per period with a "
              "multiple-testing correction, and a Mann-Kendall trend). This is usual when each area has few "
              "cases that vary at random from one period to the next, or when there are few periods (with 5, "
              "only a steady rise through all of them counts as a trend). It does not mean risk is not "
              "changing: the score and detection-gap maps still hold.",
    },
    "riskmap.hotspot_none": {
        "es": "Ninguna área forma parte de un grupo claro de riesgo alto o bajo: los puntajes de áreas vecinas "
              "no se parecen más de lo que daría el azar (Gi* con corrección por comparaciones múltiples). El "
              "mapa del puntaje sigue valiendo área por área.",
        "en": "No area is part of a clear cluster of high or low risk: neighbouring areas' scores are no more "
              "alike than chance would give (Gi* with a multiple-testing correction). The score map still holds "
              "area by area.",
    },
    "riskmap.contrib_none": {
        "es": "Ningún indicador suma a esta área: sus valores son los más bajos, o los indicadores que tiene "
              "pesan cero con los pesos elegidos.",
        "en": "No indicator adds to this area: its values are the lowest, or the indicators it has weigh zero "
              "with the chosen weights.",
    },
    "riskmap.no_cases": {"es": "Este conjunto de datos no tiene capa de casos.",
                         "en": "This dataset has no cases layer."},
    # --- ranking, downloads -------------------------------------------------------------
    "riskmap.top_header": {"es": "Las {n} áreas de mayor riesgo", "en": "The {n} highest-risk areas"},
    "riskmap.top_caption": {
        "es": "«Puesto probable» es el intervalo del 90 %: si dos áreas tienen intervalos que se "
              "superponen, su orden no es seguro.",
        "en": "\"Likely rank\" is the 90% interval: when two areas' intervals overlap, their order is "
              "not certain.",
    },
    "riskmap.downloads_header": {"es": "Descargas", "en": "Downloads"},
    "riskmap.download_gpkg": {"es": "GeoPackage (SIG)", "en": "GeoPackage (GIS)"},
    "riskmap.download_csv": {"es": "Tabla CSV", "en": "CSV table"},
    "riskmap.download_xlsx": {"es": "Planilla Excel", "en": "Excel workbook"},
    "riskmap.download_html": {"es": "Mapa (HTML)", "en": "Map (HTML)"},
    "riskmap.downloads_caption": {
        "es": "Las descargas llevan puntajes, puestos e intervalos con los pesos elegidos. Los casos "
              "registrados de 1 a {below} se muestran como «<{limit}», junto con los que harían falta "
              "para deducirlos de un total; la razón registrados/esperados se omite en esas áreas.",
        "en": "Downloads carry scores, ranks and intervals with the chosen weights. Recorded cases from "
              "1 to {below} are written as \"<{limit}\", together with any that would let them be worked "
              "out from a total; the recorded/expected ratio is left out for those areas.",
    },
    "riskmap.coverage_expander": {"es": "Cobertura de los datos y departamentos", "en": "Data coverage and departments"},
    "riskcol.rank": {"es": "Puesto", "en": "Rank"},
    "riskcol.name": {"es": "Nombre", "en": "Name"},
    "riskcol.area": {"es": "Área", "en": "Area"},
    "riskcol.admin1": {"es": "Departamento", "en": "Department"},
    "riskcol.score": {"es": "Puntaje", "en": "Score"},
    "riskcol.interval": {"es": "Puesto probable (90 %)", "en": "Likely rank (90%)"},
    "riskcol.p_top10": {"es": "Prob. 10 % más alto", "en": "Chance top 10%"},
    "riskcol.hotspot": {"es": "Grupo espacial", "en": "Spatial cluster"},
    "riskcol.emerging": {"es": "Tendencia", "en": "Trend"},
    "riskcol.recorded_cases": {"es": "Casos registrados", "en": "Recorded cases"},
    "riskcol.expected_cases": {"es": "Casos esperados", "en": "Expected cases"},
    "riskcol.detection_ratio": {"es": "Registrados ÷ esperados", "en": "Recorded ÷ expected"},
    "riskcol.drivers": {"es": "Principales factores", "en": "Main drivers"},
    "riskcol.indicator": {"es": "Indicador", "en": "Indicator"},
    "riskcol.contribution": {"es": "Aporte al puntaje", "en": "Share of the score"},
    "riskcol.period": {"es": "Periodo", "en": "Period"},
    "riskcol.cases": {"es": "Casos", "en": "Cases"},
    "riskcol.neighbour": {"es": "País vecino", "en": "Neighbouring country"},
    "riskcol.kind": {"es": "Tipo", "en": "Kind"},
    "riskcol.crossing": {"es": "Paso fronterizo", "en": "Border crossing"},
    # --- score downloads (Excel, CSV, map): headers, and the «Código …» columns beside the words -----
    "riskcol.area_id": {"es": "Código del área", "en": "Area code"},
    "riskcol.crossing_id": {"es": "Código del paso", "en": "Crossing code"},
    "riskcol.rank_low": {"es": "Puesto probable: desde (90 %)", "en": "Likely rank: from (90%)"},
    "riskcol.rank_high": {"es": "Puesto probable: hasta (90 %)", "en": "Likely rank: to (90%)"},
    "riskcol.top_1": {"es": "Factor principal 1", "en": "Main driver 1"},
    "riskcol.top_2": {"es": "Factor principal 2", "en": "Main driver 2"},
    "riskcol.top_3": {"es": "Factor principal 3", "en": "Main driver 3"},
    "riskcol.code.hotspot": {"es": "Código del grupo espacial", "en": "Spatial cluster code"},
    "riskcol.code.emerging": {"es": "Código de tendencia", "en": "Trend code"},
    "riskcol.code.top_1": {"es": "Código del factor 1", "en": "Driver 1 code"},
    "riskcol.code.top_2": {"es": "Código del factor 2", "en": "Driver 2 code"},
    "riskcol.code.top_3": {"es": "Código del factor 3", "en": "Driver 3 code"},
    "riskcol.code.neighbour": {"es": "Código del país vecino", "en": "Neighbouring country code"},
    "riskcol.code.kind": {"es": "Código del tipo", "en": "Kind code"},
    "riskcol.code.drivers": {"es": "Códigos de los factores", "en": "Driver codes"},
    "riskexport.sheet.areas": {"es": "Puntajes por área", "en": "Area scores"},
    "riskexport.sheet.crossings": {"es": "Puntajes por paso", "en": "Crossing scores"},
    "riskexport.sheet.provenance": {"es": "Cómo se calcularon", "en": "How they were made"},
    "riskmap.interval_short": {"es": "{low}–{high}", "en": "{low}–{high}"},
    # --- indicators (names from risk.indicators; unknown names are shown as given) ------
    "indicator_group.cases": {"es": "Casos registrados", "en": "Recorded cases"},
    "indicator_group.victims": {"es": "Víctimas identificadas", "en": "Identified victims"},
    "indicator_group.migration": {"es": "Migración", "en": "Migration"},
    "indicator_group.sectors": {"es": "Sectores de trabajo de riesgo", "en": "High-risk work sectors"},
    "indicator_group.population": {"es": "Población", "en": "Population"},
    "indicator_group.geography": {"es": "Cercanía a la frontera", "en": "Closeness to the border"},
    "indicator.sector_share": {"es": "Trabajadores en {sector}", "en": "Workers in {sector}"},
    "indicator.case_rate_sexual": {"es": "Casos de explotación sexual (tasa)", "en": "Sexual exploitation cases (rate)"},
    "indicator.case_rate_labour": {"es": "Casos de explotación laboral (tasa)", "en": "Labour exploitation cases (rate)"},
    "indicator.case_rate_other": {"es": "Otros casos de trata (tasa)", "en": "Other trafficking cases (rate)"},
    "indicator.victim_rate_sexual": {"es": "Víctimas de explotación sexual (tasa)",
                                     "en": "Sexual exploitation victims (rate)"},
    "indicator.victim_rate_labour": {"es": "Víctimas de explotación laboral (tasa)",
                                     "en": "Labour exploitation victims (rate)"},
    "indicator.victim_rate_other": {"es": "Otras víctimas de trata (tasa)", "en": "Other trafficking victims (rate)"},
    "indicator.victim_rate": {"es": "Víctimas (tasa)", "en": "Victims (rate)"},
    "indicator.expected_rate": {"es": "Casos esperados por el modelo (tasa)", "en": "Cases the model expects (rate)"},
    "indicator.migration_entries": {"es": "Entradas por pasos cercanos", "en": "Entries at nearby crossings"},
    "indicator.migration_irregular": {"es": "Entradas irregulares cercanas", "en": "Irregular entries nearby"},
    "indicator.population": {"es": "Población", "en": "Population"},
    "indicator.border_km": {"es": "Cercanía a la frontera", "en": "Closeness to the border"},
    # Crossing drivers arrive as risk.crossings' English labels.
    "crossing_driver.entries per year": {"es": "volumen de entradas", "en": "entries per year"},
    "crossing_driver.irregular share": {"es": "proporción de entradas irregulares", "en": "irregular share"},
    "crossing_driver.flow trend": {"es": "tendencia del flujo", "en": "flow trend"},
    "crossing_driver.third-country nationals": {"es": "nacionales de terceros países",
                                                "en": "third-country nationals"},
    "crossing_driver.risk of surrounding areas": {"es": "riesgo de las áreas cercanas",
                                                  "en": "risk of surrounding areas"},
    "crossing_driver.cases nearby": {"es": "casos cercanos", "en": "cases nearby"},
    # --- border page (top part) ---------------------------------------------------------
    "borderrisk.ranking_header": {"es": "Pasos fronterizos por riesgo", "en": "Border crossings by risk"},
    "borderrisk.ranking_caption": {
        "es": "Puntaje de 0 a 100 según flujo, proporción de entradas irregulares y su tendencia, mezcla "
              "de nacionalidades, riesgo de las áreas cercanas y casos registrados alrededor. «Puesto "
              "probable» es el intervalo del 90 % al variar pesos y método.",
        "en": "A 0–100 score from flow volume, share of irregular entries and its trend, nationality mix, "
              "the risk of nearby areas and cases recorded around it. \"Likely rank\" is the 90% interval "
              "when weights and method vary.",
    },
    "borderrisk.legend": {"es": "Pasos por puntaje de riesgo", "en": "Crossings by risk score"},
    "borderrisk.size_note": {"es": "Círculo más grande = mayor puntaje", "en": "Bigger circle = higher score"},
    "borderrisk.no_scores": {
        "es": "No se pudo calcular el puntaje de los pasos fronterizos: {reason}",
        "en": "Crossing scores could not be computed: {reason}",
    },
    "riskmap.no_download_right": {"es": "Su función no permite descargar los puntajes.",
                                  "en": "Your role cannot download the scores."},
    "riskmap.save_run": {"es": "Guardar este cálculo de riesgo", "en": "Save this score run"},
    "riskmap.saved_run": {"es": "Guardado como «{name}» (n.º {id}).", "en": "Saved as “{name}” (no. {id})."},
    "riskmap.opened_run": {"es": "**Cálculo guardado n.º {id}: {name}** ({at} UTC): las 20 primeras áreas.",
                           "en": "**Saved score run no. {id}: {name}** ({at} UTC): the top 20 areas."},
    # --- provenance of a score (downloads: XLSX sheet, CSV header, HTML footer) -------------------
    "provenance.header": {"es": "Cómo se calcularon estos puntajes", "en": "How these scores were made"},
    "provenance.dataset_name": {"es": "Conjunto de datos", "en": "Dataset"},
    "provenance.dataset_hash": {"es": "Huella del conjunto de datos (SHA-256)", "en": "Dataset fingerprint (SHA-256)"},
    "provenance.vigia_version": {"es": "Versión de Vigía", "en": "Vigía version"},
    "provenance.preset": {"es": "Perfil de pesos", "en": "Weight preset"},
    "provenance.weights": {"es": "Pesos por indicador", "en": "Weight of each indicator"},
    "provenance.normalisation": {"es": "Normalización", "en": "Normalisation"},
    "provenance.aggregation": {"es": "Agregación", "en": "Aggregation"},
    "provenance.seed": {"es": "Semilla", "en": "Seed"},
    "provenance.draws": {"es": "Sorteos Monte Carlo", "en": "Monte Carlo draws"},
    "provenance.permutations": {"es": "Permutaciones (puntos calientes)", "en": "Permutations (hotspots)"},
    "provenance.created_at": {"es": "Calculado el", "en": "Computed at"},
    "provenance.created_by": {"es": "Calculado por", "en": "Computed by"},
}
