"""The gettext catalog: complete in Spanish, in step with the sources, compiled, plurals right."""

from __future__ import annotations

import gettext
import io
import string
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from catalog_messages import english_messages, entries, forms, po_file, read_catalog

from geodata import messages
from geodata.catalog import LANGUAGES, Text
from planner import export_texts
from risk import emerging, hotspots
from vigia.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("geodata", "risk", "planner", "vigia")


def extracted() -> set[tuple[str, tuple[str, ...]]]:
    """(context, msgids) of every marked text, extracted the way ``make catalog`` does."""
    with open(ROOT / "babel.cfg") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    return {(context or "", forms(message))
            for package in SOURCES
            for _, _, message, _, context in extract_from_dir(str(ROOT / package), method_map, options_map, keywords={})}


def names(text: str) -> set[str]:
    return {name.split(".")[0].split("[")[0].split("!")[0]
            for _, name, _, _ in string.Formatter().parse(text) if name}


def test_spanish_catalog_is_complete_and_reviewed():
    catalog = read_catalog("es")
    untranslated = [(m.context, m.id) for m in entries(catalog) if not all(forms(m.string))]
    fuzzy = [(m.context, m.id) for m in entries(catalog) if m.fuzzy]
    assert len(entries(catalog)) > 1000
    assert not untranslated, f"untranslated in {po_file('es')}: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy (to review, then remove the fuzzy flag) in {po_file('es')}: {fuzzy[:10]}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalog_matches_the_sources(lang):
    """Every marked text is in the .po and the .po has nothing the sources lost: 'make catalog' ran."""
    in_po = {(m.context or "", forms(m.id)) for m in entries(read_catalog(lang))}
    in_sources = extracted()
    assert not sorted(in_sources - in_po)[:10], f"texts missing from {po_file(lang)}: run 'make catalog'"
    assert not sorted(in_po - in_sources)[:10], f"texts in {po_file(lang)} no source has: run 'make catalog'"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_catalog_matches_its_po(lang):
    """The committed .mo holds exactly what its .po compiles to (no stale vigia.mo)."""
    fresh = io.BytesIO()
    write_mo(fresh, read_catalog(lang), use_fuzzy=False)
    fresh.seek(0)
    with open(po_file(lang).with_suffix(".mo"), "rb") as handle:
        committed = gettext.GNUTranslations(handle)
    assert committed._catalog == gettext.GNUTranslations(fresh)._catalog, \
        f"{po_file(lang).with_suffix('.mo')} is stale: run 'make catalog'"


def test_translations_keep_the_placeholders():
    """A translation uses the English text's {placeholders}: a new one would fail at format time, a
    lost one drops a figure. Validator messages may leave out a group their pattern only matches."""
    wrong = []
    for message in entries(read_catalog("es")):
        english = set().union(*(names(text) for text in forms(message.id)))
        for spanish in forms(message.string):
            pattern_only = (message.context or "").startswith("validator.") and names(spanish) <= english
            if names(spanish) != english and not pattern_only:
                wrong.append((message.context, message.id, spanish))
    assert not wrong, wrong[:5]


def test_counted_texts_have_every_plural_form():
    spanish, english = read_catalog("es"), read_catalog("en")
    plurals = [m for m in entries(spanish) if m.pluralizable]
    assert len(plurals) >= 10
    assert "nplurals=3" in spanish.plural_forms
    for message in plurals:
        assert len(forms(message.string)) == spanish.num_plurals and all(forms(message.string)), message.id
        in_english = english.get(message.id, context=message.context)
        assert in_english is not None and len(forms(in_english.id)) == 2, message.id


def test_counts_read_right_in_both_languages():
    assert [i18n.tn("inspections.n_teams", n, "es") for n in (1, 30)] == ["1 equipo", "30 equipos"]
    assert [i18n.tn("inspections.n_teams", n, "en") for n in (1, 30)] == ["1 team", "30 teams"]
    assert i18n.t("inspections.teams_loaded", "es", n=1, file="e.csv") == "1 equipo leído de e.csv"
    assert messages.frame_text("summary", "es", error=1, fixed=0, warning=30) == "1 error, 0 corregidos, 30 avisos"
    assert messages.frame_text("summary", "en", error=2, fixed=1, warning=1) == "2 errors, 1 fixed, 1 warning"
    assert messages.frame_text("layer_rows", "es", layer="cases", rows=1) == "capa cases: 1 fila"
    assert export_texts.word("nav_day_description", "es", km=12.0, hours=1.0, visits=1, end="Sucre") \
        == "12.0 km, 1.0 h de manejo; 1 visita; termina en Sucre"


def test_lookups_read_the_spanish_from_the_catalog():
    assert i18n.t("nav.roles", "es") == "Por función" and i18n.t("nav.roles", "en") == "By role"
    assert export_texts.word("team", "es") == "Equipo" and export_texts.word("team", "en") == "Team"
    assert messages.translate_message("'x' is not a number", "es") == "'x' no es un número"
    assert messages.translate_hint("write a whole number", "es") == "escriba un número entero"


def test_each_entry_is_keyed_by_its_context():
    """msgctxt is the table key, so a translator sees where a text is used, and one key is one text."""
    tables = [("", i18n.TEXTS), ("export.", export_texts.WORDS), ("validator.frame.", messages.FRAME),
              ("risk.hotspots.", hotspots.CLASS_TEXT), ("risk.emerging.", emerging.CATEGORY_TEXT)]
    wrong = [(key, entry.key) for prefix, table in tables for key, entry in table.items()
             if isinstance(entry, Text) and entry.key != prefix + key]
    wrong += [(m.key, m.text.key) for m in (*messages.MESSAGES, *messages.HINT_PATTERNS)
              if isinstance(m.text, Text) and m.text.key != "validator." + m.key]
    assert not wrong
    assert sum(isinstance(entry, Text) for entry in i18n.TEXTS.values()) > 700


def test_one_context_is_one_text():
    """Two tables giving one key two different English texts would share a msgctxt: keep keys distinct."""
    shared = {"validator.hint", "validator.contract"}  # fixed sentences keyed by their English
    contexts = Counter(m.context for m in entries(read_catalog("es")) if m.context not in shared)
    assert not [context for context, count in contexts.items() if count > 1]


def test_risk_legends_come_from_the_catalog():
    assert hotspots.CLASS_TEXT["hot_99"]["es"].startswith("Punto caliente (99% de confianza)")
    assert emerging.CATEGORY_TEXT["cold_new"]["es"].startswith("Punto frío nuevo")
    assert emerging.CATEGORY_TEXT["cold_new"]["en"].startswith("New cold spot")


def test_english_messages_helper_finds_english_not_spanish():
    found = english_messages()
    assert {"Risk map", "Could not plan", "is not a number"} <= found
    assert "Sector" not in found and "Vigía" not in found  # the same word in both languages
    assert not [m for m in found if m in i18n.t("nav.risk_map", "es")]
