"""English texts of Vigía's tables, to look for in what a Spanish user reads.

One small function, shared by the page, CLI and export tests: every entry whose
English differs from its Spanish, cut at its ``{placeholders}`` (and, for the
validator's patterns, at their regex groups) into fixed pieces of 5 characters or
more; pieces that also occur in some Spanish text (names, codes) are left out.
"""

from __future__ import annotations

import re

from geodata import messages
from planner.export_texts import WORDS
from vigia.ui.i18n import TEXTS


def english_texts() -> set[str]:
    """Fixed pieces of every English text that differs from its Spanish (length >= 5)."""
    pairs = [(v["en"], v["es"]) for v in TEXTS.values()]
    pairs += [(en, es) for es, en in WORDS.values()]
    pairs += [(v["en"], v["es"]) for v in messages.FRAME.values()]
    pairs += [(en, es) for en, es in messages.HINTS.items()]
    pairs += [(re.sub(r"\\(.)", r"\1", re.sub(r"\(\?P<\w+>[^)]*\)|\\[sSdw][+*]?|\(|\)|\?", "{}", m.pattern)), m.es)
              for m in messages.MESSAGES + messages.HINT_PATTERNS]
    spanish = "\n".join(es for _, es in pairs)
    pieces = {piece.strip(" .,:;'\"()—-") for en, es in pairs if en != es for piece in re.split(r"\{[^}]*\}", en)}
    return {p for p in pieces if len(p) >= 5 and re.search(r"[A-Za-z]{3}", p) and p not in spanish}
