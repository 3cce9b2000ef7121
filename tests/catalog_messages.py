"""The catalog's English, for tests that prove no English text shows on a Spanish page or file.

``english_messages()`` gives the fixed pieces of every English msgid (split at its
``{placeholders}``) whose Spanish differs: a Spanish page or export containing one of them
shows an untranslated text. Usage: ``assert not [m for m in english_messages() if m in html]``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent.parent / "geodata" / "locale"


def po_file(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "vigia.po"


def read_catalog(lang: str) -> Catalog:
    with open(po_file(lang), "rb") as handle:
        return read_po(handle, locale=lang, domain="vigia")


def forms(value: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
    """A message's id or string as a tuple (one item, or one per plural form)."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def entries(catalog: Catalog) -> list[Message]:
    """The catalog's messages without its header."""
    return [message for message in catalog if message.id]


@lru_cache(maxsize=4)
def english_messages(min_length: int = 4) -> frozenset[str]:
    """Fixed pieces (at least ``min_length`` characters, with a letter) of the English msgids
    that appear in no Spanish translation, so finding one in Spanish output means English leaked."""
    spanish = [text for message in entries(read_catalog("es")) for text in forms(message.string)]
    found: set[str] = set()
    for message in entries(read_catalog("es")):
        for english in forms(message.id):
            for piece in re.split(r"\{[^{}]*\}|\n", english):
                piece = piece.strip(" .,;:()·—-'\"«»")
                if len(piece) >= min_length and re.search(r"[A-Za-z]", piece) \
                        and not any(piece in text for text in spanish):
                    found.add(piece)
    return frozenset(found)
