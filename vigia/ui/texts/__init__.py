"""Per-feature string tables, merged into :data:`vigia.ui.i18n.TEXTS`.

Each module here defines ``TEXTS`` (key -> ``msg(key, English)``, Spanish in the gettext
catalog; see :mod:`geodata.catalog`) for one feature's page, so features add their strings without editing one shared table;
a new table is one module plus one entry in :data:`TABLES` (the architecture test fails
for a module left out). A key defined twice is an error at import time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import ModuleType

from geodata import formats
from vigia.ui.texts import (
    cli,
    countries,
    dark_figure,
    inspections,
    learning,
    patrols,
    reasons,
    risk,
    sessions,
    what_if,
    workspace,
)

#: Every feature table, in merge order.
TABLES: tuple[ModuleType, ...] = (cli, countries, dark_figure, inspections, learning, patrols, reasons, risk, sessions,
                                  what_if, workspace)


def feature_texts() -> dict[str, Mapping[str, str]]:
    """All feature tables merged; raises ``ValueError`` on a key defined in two modules."""
    merged: dict[str, Mapping[str, str]] = {}
    origin: dict[str, str] = {}
    for module in TABLES:
        name = module.__name__.rpartition(".")[2]
        for key, value in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined in both {origin[key]} and {name}")
            merged[key] = value
            origin[key] = name
    return merged


_NUMBER = re.compile(r"-?\d+(?:\.(\d+))?")


@lru_cache(maxsize=1)
def _reason_patterns() -> tuple[tuple[Mapping[str, str], re.Pattern[str]], ...]:
    patterns = []
    for key, text in feature_texts().items():
        if key.startswith("why."):
            parts = re.split(r"\{(\w+)\}", text["en"])
            regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
            patterns.append((text, re.compile(regex + r"\Z", re.S)))
    return tuple(patterns)


def translate_reason(reason: str | None, lang: str) -> str:
    """A reason ``risk`` or ``planner`` states in English, in ``lang`` (the ``why.*`` texts); unknown ones as given.

    Each ``why.*`` English text is a pattern (``{name}`` matches any text); numbers inside
    (``1.04`` visits) are written the language's way (``1,04``), other parts translated in turn.
    Used by the app and the CLI alike (no Streamlit here).
    """
    if not reason or lang == "en":
        return reason or ""
    for text, pattern in _reason_patterns():
        match = pattern.match(reason)
        if match is not None:
            fields = {}
            for name, value in match.groupdict().items():
                number = _NUMBER.fullmatch(value)
                fields[name] = (formats.decimal(float(value), lang, len(number.group(1) or ""))
                                if number else translate_reason(value, lang))
            return text[lang].format(**fields)
    return reason
