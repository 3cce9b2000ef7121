"""Why a part of the analysis is missing or was refused, as ``risk`` says it, in Spanish too.

``risk`` states its reasons in English (the language of the code and its tests);
the app matches each reason against the English forms below (``{name}`` fills any
text) and shows the Spanish. ``part.<key>`` names the parts of ``Scores.missing``.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- parts of the analysis (keys of Scores.missing) ----------------------------------
    "part.cases": {"es": "casos", "en": "cases"},
    "part.crossings": {"es": "pasos fronterizos", "en": "crossings"},
    "part.migration": {"es": "migración", "en": "migration"},
    "part.sectors": {"es": "sectores", "en": "sectors"},
    "part.hotspots": {"es": "puntos calientes", "en": "hotspots"},
    "part.emerging hotspots": {"es": "puntos calientes emergentes", "en": "emerging hotspots"},
    "part.expected cases": {"es": "casos esperados", "en": "expected cases"},
    "part.inspection effort": {"es": "esfuerzo de inspección", "en": "inspection effort"},
    "part.crossings: nationality": {"es": "pasos: nacionalidad", "en": "crossings: nationality"},
    "part.crossings: migration": {"es": "pasos: migración", "en": "crossings: migration"},
    # --- reasons (English form = what risk writes) ---------------------------------------
    "why.no_cases": {
        "en": "no 'cases' layer: case and victim rates, expected cases and the detection gap cannot be computed",
        "es": "no hay capa 'cases': no se pueden calcular las tasas de casos y víctimas, los casos esperados ni "
              "la brecha de detección"},
    "why.no_crossings": {
        "en": "no 'crossings' layer: migration pressure and crossing scores cannot be computed",
        "es": "no hay capa 'crossings': no se pueden calcular la presión migratoria ni los puntajes de los pasos"},
    "why.no_migration": {
        "en": "no 'migration' layer: migration pressure (entries, irregular entries) is not scored",
        "es": "no hay capa 'migration': la presión migratoria (entradas, entradas irregulares) no se puntúa"},
    "why.no_sectors": {
        "en": "no 'sectors' layer: exposure to high-risk sectors (mining, Brazil nut, ...) is not scored",
        "es": "no hay capa 'sectors': la exposición a sectores de alto riesgo (minería, castaña, ...) no se puntúa"},
    "why.no_nationality": {
        "en": "the 'migration' layer has no nat_<ISO3> columns: nationality mix not scored",
        "es": "la capa 'migration' no tiene columnas nat_<ISO3>: la mezcla de nacionalidades no se puntúa"},
    "why.crossings_no_migration": {
        "en": "no 'migration' layer: crossings are scored only on the risk and cases around them",
        "es": "no hay capa 'migration': los pasos se puntúan solo con el riesgo y los casos a su alrededor"},
    "why.few_areas_hotspots": {
        "en": "only {n} area(s): hotspots need at least 3 neighbouring areas",
        "es": "solo {n} área(s): los puntos calientes necesitan al menos 3 áreas vecinas"},
    "why.no_weights": {"en": "spatial weights could not be built: {error}",
                       "es": "no se pudo construir la vecindad entre áreas: {error}"},
    "why.two_periods": {"en": "needs cases in at least two periods", "es": "necesita casos en al menos dos periodos"},
    "why.expected_no_cases": {
        "en": "no 'cases' layer: expected cases and the detection gap need recorded cases",
        "es": "no hay capa 'cases': los casos esperados y la brecha de detección necesitan casos registrados"},
    "why.expected_few_areas": {
        "en": "only {n} area(s) with residents; the expected-cases model needs at least {min}",
        "es": "solo {n} área(s) con habitantes; el modelo de casos esperados necesita al menos {min}"},
    "why.expected_zero": {
        "en": "no cases recorded: there is nothing to model expected cases from",
        "es": "no hay casos registrados: no hay de qué modelar los casos esperados"},
    "why.effort_adjusted": {
        "en": "case rates and expected cases are adjusted to the average inspection effort ({effort} visits per "
              "area and year)",
        "es": "las tasas de casos y los casos esperados se ajustan al esfuerzo de inspección promedio ({effort} "
              "visitas por área y año)"},
    "why.effort_few": {
        "en": "only {n} inspection(s) recorded: at least {min} are needed before inspection effort is taken into "
              "account; scores are computed as without the history",
        "es": "solo {n} inspección(es) registrada(s): se necesitan al menos {min} para tener en cuenta el esfuerzo "
              "de inspección; los puntajes se calculan como sin el historial"},
    "why.constant": {"en": "indicator '{name}' has the same value in every area: it cannot rank them",
                     "es": "el indicador '{name}' tiene el mismo valor en todas las áreas: no puede ordenarlas"},
    # --- the dark-figure estimate (risk.dark_figure) -------------------------------------
    "why.dark_nobody": {"en": "nobody is on any list", "es": "nadie está en ninguna lista"},
    "why.dark_two_lists": {
        "en": "at least two lists with people on them are needed; only {k} has anyone ({lists})",
        "es": "se necesitan al menos dos listas con personas; solo {k} tiene a alguien ({lists})"},
    "why.dark_no_overlap": {
        "en": "the lists never overlap: nobody appears on more than one list. The overlaps are what tell how many "
              "nobody found (none in common means the lists could be tiny samples of a huge population), so no "
              "estimate exists",
        "es": "las listas nunca se superponen: nadie aparece en más de una lista. Las superposiciones son las que "
              "indican cuántas víctimas nadie encontró (sin ninguna en común, las listas podrían ser muestras "
              "diminutas de una población enorme), así que no existe una estimación"},
    "why.dark_simplest": {
        "en": "not even the simplest model (lists independent) gives an estimate: {why}",
        "es": "ni siquiera el modelo más simple (listas independientes) da una estimación: {why}"},
    "why.dark_not_identifiable": {
        "en": "the data cannot tell it apart from the number nobody found (not identifiable)",
        "es": "los datos no permiten distinguirlo del número que nadie encontró (no identificable)"},
    "why.dark_no_mle": {
        "en": "the estimate does not exist: the overlaps sit at an extreme the model cannot fit (e.g. everyone on one "
              "list is also on another, or some lists never meet), so a parameter runs off to infinity",
        "es": "la estimación no existe: las superposiciones están en un extremo que el modelo no puede ajustar (p. "
              "ej. todos los de una lista están también en otra, o algunas listas nunca se cruzan), así que un "
              "parámetro se va al infinito"},
    "why.dark_no_converge": {"en": "the fit did not converge", "es": "el ajuste no convergió"},
    "why.dark_empty_list": {"en": "nobody is on {lists}: set aside (an empty list tells nothing)",
                            "es": "nadie está en {lists}: se deja de lado (una lista vacía no dice nada)"},
    "why.dark_no_pair": {
        "en": "nobody is on both {a} and {b}, so how the two lists depend on each other cannot be estimated; left out",
        "es": "nadie está a la vez en {a} y {b}, así que no se puede estimar cómo dependen una de otra; se deja fuera"},
    "why.dark_with": {"en": "with {model}: {why}; left out", "es": "con {model}: {why}; se deja fuera"},
    "why.dark_unbounded": {
        "en": "the upper end of the interval is unbounded: the overlaps are too thin to rule out very large numbers",
        "es": "el extremo superior del intervalo no tiene límite: las superposiciones son demasiado escasas para "
              "descartar números muy grandes"},
    # planner/teams.py DEFAULT_TEAMS_RULE: how teams are derived from the labour offices' staff
    "why.teams_default": {
        "en": "One team of {size} inspectors for every {staff} staff of each labour office (half the staff in the "
              "field, the rest on complaints and desk work), at least one team per office with staff; "
              "{start}-{end}, at most {drive} h of driving a day, no special skills, every working day.",
        "es": "Un equipo de {size} inspectores por cada {staff} funcionarios de cada oficina de trabajo (la mitad "
              "del personal en campo, el resto en denuncias y trabajo de escritorio), al menos un equipo por "
              "oficina con personal; {start}-{end}, como máximo {drive} h de manejo al día, sin habilidades "
              "especiales, todos los días hábiles."},
}
