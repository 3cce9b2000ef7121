"""English texts of Vigía's catalog, to look for in what a Spanish user reads.

One small function, shared by the page, CLI and export tests: the fixed pieces (5
characters or more, cut at ``{placeholders}``) of every English msgid that appear in
no Spanish translation (names and codes read the same in both languages and are left
out). It reads the gettext catalog (``tests/catalog_messages.py``), so a text added to
any table is checked as soon as it is in the catalog.
"""

from __future__ import annotations

import re

from catalog_messages import english_messages


def english_texts() -> set[str]:
    """Fixed pieces of every English text whose Spanish differs (length >= 5, three letters in a row)."""
    return {piece for piece in english_messages(min_length=5) if re.search(r"[A-Za-z]{3}", piece)}
