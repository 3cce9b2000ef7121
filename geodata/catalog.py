"""One gettext catalog per language for every word Vigía shows or writes.

The text tables (``vigia/ui/i18n.py`` and ``vigia/ui/texts/``, ``geodata/messages.py``,
``planner/export_texts.py``) hold only English, each entry marked with :func:`msg` or
:func:`msg_plural` so ``pybabel extract`` finds it: the msgid is the English text and the
msgctxt is the entry's stable key, so a translator in Poedit or Weblate sees the key as context
and the same English word may have two Spanish translations. Spanish comes from
``geodata/locale/es/LC_MESSAGES/vigia.po``, compiled to ``vigia.mo`` (``make catalog``) and
loaded here with the standard library's :mod:`gettext`. ``geodata`` sits at the bottom, so
``risk``, ``planner`` and ``vigia`` all read the same catalog.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

#: Languages with a catalog; English is the source language (its msgids are the English text).
LANGUAGES: tuple[str, ...] = ("es", "en")
DOMAIN = "vigia"
#: Where the catalogs live, as package data of ``geodata``.
LOCALE_DIR = "locale"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalog of ``lang`` (read once per process).

    A language of :data:`LANGUAGES` without its ``.mo`` is a packaging bug, so it raises
    ``FileNotFoundError`` naming the file and the command that builds it.
    """
    if lang not in LANGUAGES:
        raise KeyError(lang)
    mo = resources.files("geodata").joinpath(LOCALE_DIR, lang, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with mo.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError as error:
        raise FileNotFoundError(f"the {lang} catalog {mo} is missing; run 'make catalog' to compile it") from error


def text(key: str, english: str, lang: str, /, **fmt: Any) -> str:
    """``english`` (the msgid, in context ``key``) in ``lang``, with ``{placeholders}`` filled."""
    found = translations(lang).pgettext(key, english)
    return found.format(**fmt) if fmt else found


def plural(key: str, singular: str, plural: str, n: int, lang: str, /, **fmt: Any) -> str:
    """The form of a counted text that fits ``n`` in ``lang`` (``1 equipo``, ``30 equipos``)."""
    found = translations(lang).npgettext(key, singular, plural, int(n))
    return found.format(**fmt) if fmt else found


def _count(value: Any) -> int:
    """The count that picks a plural form; a count already written for people (``"1.234"``) is read back."""
    if isinstance(value, str):
        digits = "".join(ch for ch in value if ch.isdigit())
        return int(digits) if digits else 0
    return int(value)


@dataclass(frozen=True, eq=False)
class Text(Mapping[str, str]):
    """One entry of a text table: its key (the msgctxt), its English, and for counted texts the
    English plural and the name of the placeholder holding the count.

    It reads like the old ``{"es": ..., "en": ...}`` entries (``entry["es"]``, ``set(entry)``),
    so code written against those keeps working; a counted text read that way gives its plural
    form (use :meth:`format` with the count for the right one).
    """

    key: str
    english: str
    english_plural: str | None = None
    count: str | None = None

    def format(self, lang: str, /, **fmt: Any) -> str:
        """The text in ``lang`` with ``fmt`` filled; a counted text picks its form by ``fmt[count]``."""
        if self.english_plural is None or self.count is None:
            return text(self.key, self.english, lang, **fmt)
        return plural(self.key, self.english, self.english_plural, _count(fmt[self.count]), lang, **fmt)

    def __getitem__(self, lang: str) -> str:
        if self.english_plural is not None:
            return plural(self.key, self.english, self.english_plural, 2, lang)
        return text(self.key, self.english, lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)

    def __repr__(self) -> str:
        return f"msg({self.key!r}, {self.english!r})"


def msg(key: str, english: str) -> Text:
    """Mark a table entry for extraction (Babel keyword ``msg:1c,2``): context ``key``, msgid ``english``."""
    return Text(key, english)


def msg_plural(key: str, singular: str, plural: str, count: str = "n") -> Text:
    """Mark a counted entry (Babel keyword ``msg_plural:1c,2,3``); ``count`` names the placeholder
    whose value chooses the form (``msg_plural("x", "{n} team", "{n} teams")``)."""
    return Text(key, singular, plural, count)


def lookup(entry: Mapping[str, str], lang: str, /, **fmt: Any) -> str:
    """An entry of a text table in ``lang``, with ``fmt`` filled.

    Takes a :class:`Text` or a plain ``{"es": ..., "en": ...}`` mapping (tables computed from
    other catalogs, such as pycountry's country names).
    """
    if isinstance(entry, Text):
        return entry.format(lang, **fmt)
    found = entry[lang]
    return found.format(**fmt) if fmt else found
