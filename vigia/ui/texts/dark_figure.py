"""Strings of the dark-figure panel (multiple systems estimation), Spanish and English."""

from __future__ import annotations

_ASSUMPTIONS_ES = """\
**Cómo leer esta cifra.** La estimación por sistemas múltiples compara las listas de víctimas
de varias instituciones: cuanto menos se superponen, más víctimas quedan sin que nadie las
encuentre. Solo usa conteos agregados por combinación de listas, nunca nombres.

Supone que:
- **la población es cerrada** durante el periodo: las mismas víctimas podían aparecer en
  cualquier lista (nadie entra ni sale entre una lista y otra);
- **no hay falsas coincidencias**: una misma persona se reconoce como la misma en todas las
  listas, y dos personas distintas nunca se cuentan como una;
- la dependencia entre listas es la que describe el modelo elegido (por ejemplo, la fiscalía
  recibe casos de la policía).

**Qué la sesga.** Si el cruce de listas pierde coincidencias (nombres escritos distinto), la
cifra sale **inflada**; si confunde personas distintas, sale **baja**. Si ninguna lista llega a
ciertos grupos (por ejemplo, trabajo forzoso en zonas aisladas), esas víctimas no cuentan y la
cifra es **un mínimo**. Si las listas dependen entre sí de formas que el modelo no recoge, la
cifra puede moverse en cualquier sentido: la tabla de sensibilidad muestra cuánto."""

_ASSUMPTIONS_EN = """\
**How to read this figure.** Multiple systems estimation compares several agencies' lists of
victims: the less they overlap, the more victims nobody found. It uses only counts aggregated
by combination of lists, never names.

It assumes that:
- **the population is closed** over the period: the same victims could appear on any list
  (nobody enters or leaves between one list and another);
- **there are no false matches**: the same person is recognised as the same on every list, and
  two different people are never counted as one;
- the dependence between lists is the one the chosen model describes (e.g. prosecutors receive
  cases from the police).

**What biases it.** If matching the lists misses some of the same people (names spelt
differently), the figure comes out **too high**; if it merges different people, **too low**. If
no list reaches some groups (e.g. forced labour in remote areas), those victims are not counted
and the figure is **a minimum**. If the lists depend on each other in ways the model does not
capture, the figure can move either way: the sensitivity table shows by how much."""

TEXTS: dict[str, dict[str, str]] = {
    "dark.header": {"es": "Cifra oculta: víctimas que nadie encontró",
                    "en": "The dark figure: victims nobody found"},
    "dark.intro": {
        "es": "Estimación por sistemas múltiples (indicador ODS 16.2.2) a partir de la capa `lists`: "
              "cuántas víctimas hay en total, contando las que ninguna institución registró.",
        "en": "Multiple systems estimation (SDG indicator 16.2.2) from the `lists` layer: how many victims "
              "there are in total, including those no agency recorded."},
    "dark.missing": {
        "es": "El conjunto de datos no tiene la capa `lists` (víctimas por combinación de listas de "
              "instituciones), así que no se puede estimar la cifra oculta.",
        "en": "The dataset has no `lists` layer (victims per combination of agency lists), so the dark "
              "figure cannot be estimated."},
    "dark.refused": {"es": "No hay estimación posible: {reason}", "en": "No estimate is possible: {reason}"},
    "dark.computing": {"es": "Ajustando modelos log-lineales…", "en": "Fitting log-linear models…"},
    "dark.metric_observed": {"es": "Víctimas registradas (en alguna lista)",
                             "en": "Recorded victims (on some list)"},
    "dark.metric_estimate": {"es": "Total estimado", "en": "Estimated total"},
    "dark.metric_interval": {"es": "Intervalo del 95 %", "en": "95% interval"},
    "dark.metric_ratio": {"es": "Estimado / registrado", "en": "Estimated / recorded"},
    "dark.interval_value": {"es": "{low} – {high}", "en": "{low} – {high}"},
    "dark.ratio_value": {"es": "{ratio} ×", "en": "{ratio} ×"},
    "dark.unbounded": {"es": "sin límite", "en": "unbounded"},
    "dark.model": {"es": "Modelo elegido ({criterion}): {model}", "en": "Chosen model ({criterion}): {model}"},
    "dark.main_effects": {"es": "efectos principales", "en": "main effects"},
    "dark.synthetic_truth": {
        "es": "Datos SINTÉTICOS de demostración: las listas se generaron a partir de un total verdadero "
              "conocido de {total} víctimas, para poder comprobar la estimación.",
        "en": "SYNTHETIC demo data: the lists were generated from a known true total of {total} victims, "
              "so the estimate can be checked."},
    "dark.split_by": {"es": "Desglose", "en": "Breakdown"},
    "dark.split.period": {"es": "por periodo", "en": "by period"},
    "dark.split.admin1": {"es": "por departamento", "en": "by department"},
    "dark.strata_header": {"es": "Registradas y estimadas {split}", "en": "Recorded and estimated {split}"},
    "dark.strata_caption": {
        "es": "Cada fila se estima por separado; cuando un periodo o departamento tiene listas demasiado "
              "escasas, se dice por qué en lugar de dar un número.",
        "en": "Each row is estimated on its own; when a period or department has too sparse lists, the "
              "reason is given instead of a number."},
    "dark.sensitivity_header": {"es": "Sensibilidad al modelo", "en": "Sensitivity to the model"},
    "dark.sensitivity_caption": {
        "es": "La estimación con cada uno de los mejores modelos. Si cambia mucho de un modelo a otro, la "
              "cifra depende más del modelo que de los datos.",
        "en": "The estimate under each of the best models. If it changes a lot from one model to another, "
              "the figure depends more on the model than on the data."},
    "dark.excluded_header": {"es": "Interacciones que no se pudieron estimar",
                             "en": "Interactions that could not be estimated"},
    "dark.notes_header": {"es": "Notas", "en": "Notes"},
    "dark.col.stratum": {"es": "Estrato", "en": "Stratum"},
    "dark.col.observed": {"es": "Registradas", "en": "Recorded"},
    "dark.col.estimate": {"es": "Estimado", "en": "Estimate"},
    "dark.col.low": {"es": "Mínimo (95 %)", "en": "Low (95%)"},
    "dark.col.high": {"es": "Máximo (95 %)", "en": "High (95%)"},
    "dark.col.model": {"es": "Modelo", "en": "Model"},
    "dark.col.reason": {"es": "Sin estimación porque", "en": "No estimate because"},
    "dark.col.delta": {"es": "Δ {criterion}", "en": "Δ {criterion}"},
    "dark.col.chosen": {"es": "Elegido", "en": "Chosen"},
    "dark.col.interaction": {"es": "Interacción", "en": "Interaction"},
    "dark.all": {"es": "todo", "en": "all"},
    "dark.sheet": {"es": "Cifra oculta", "en": "Dark figure"},
    "dark.assumptions": {"es": _ASSUMPTIONS_ES, "en": _ASSUMPTIONS_EN},
}
