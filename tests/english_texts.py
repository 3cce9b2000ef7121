"""The English messages of Vigía's text tables, to prove a Spanish page or file shows none of them.

One function on purpose: when the tables become a gettext catalog, only its body changes
(read the English ``msgid``s whose Spanish ``msgstr`` differs) and every test using it stays.
"""

from __future__ import annotations

import re


def english_texts() -> set[str]:
    """Every English text of the tables that differs from its Spanish one, placeholders cut out.

    Texts with ``{placeholders}`` give their longest fixed piece; pieces shorter than 5
    characters are left out (they match too much: "day", "Km"). Spanish and English words
    that read the same ("Sector", "Plan") are not English, so they are left out too.
    """
    from geodata.messages import FRAME, HINT_PATTERNS, HINTS, MESSAGES
    from planner.export_texts import WORDS
    from vigia.ui.i18n import TEXTS

    pairs: list[tuple[str, str]] = [(en, es) for es, en in WORDS.values()]
    pairs += [(entry["en"], entry["es"]) for entry in (*TEXTS.values(), *FRAME.values())]
    pairs += [(en, es) for en, es in HINTS.items()]
    pairs += [(re.sub(r"\(\?P<\w+>[^)]*\)|\\", "{}", m.en), m.es) for m in (*MESSAGES, *HINT_PATTERNS)]
    found: set[str] = set()
    for en, es in pairs:
        if en.strip().lower() == es.strip().lower():
            continue
        pieces = [p.strip(" .,:;·—–-()'\"\n") for p in re.split(r"\{[^}]*\}|\n|\|", en)]
        spanish = es.lower()
        for piece in (max(pieces, key=len),) if pieces else ():
            if len(piece) >= 5 and piece.lower() not in spanish:
                found.add(piece)
    return found
