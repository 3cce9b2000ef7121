"""Per-feature string tables, merged into :data:`vigia.ui.i18n.TEXTS`.

Each module here defines ``TEXTS: dict[str, dict[str, str]]`` (key -> {"es": ..., "en": ...})
for one feature's page, so features add their strings without editing one shared table.
A key defined twice is an error at import time.
"""

from __future__ import annotations

import importlib
import pkgutil


def feature_texts() -> dict[str, dict[str, str]]:
    """All feature tables merged; raises ``ValueError`` on a key defined in two modules."""
    merged: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, value in getattr(module, "TEXTS", {}).items():
            if key in merged:
                raise ValueError(f"text key {key!r} is defined in both {origin[key]} and {info.name}")
            merged[key] = value
            origin[key] = info.name
    return merged
