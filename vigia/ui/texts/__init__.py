"""Per-feature string tables, merged into :data:`vigia.ui.i18n.TEXTS`.

Each module here defines ``TEXTS`` (key -> ``msg(key, English)``, Spanish in the gettext
catalog; see :mod:`geodata.catalog`) for one feature's page, so features add their strings without editing one shared table;
a new table is one module plus one entry in :data:`TABLES` (the architecture test fails
for a module left out). A key defined twice is an error at import time.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from vigia.ui.texts import (
    countries,
    dark_figure,
    inspections,
    learning,
    patrols,
    risk,
    sessions,
    what_if,
    workspace,
)

#: Every feature table, in merge order.
TABLES: tuple[ModuleType, ...] = (countries, dark_figure, inspections, learning, patrols, risk, sessions, what_if,
                                  workspace)


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
