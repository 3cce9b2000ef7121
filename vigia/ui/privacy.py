"""Small-count suppression for the app: the project-wide rule of :mod:`geodata.privacy`.

Kept as the app's import point (pages and tests use these names); the rule
itself, its threshold (``VIGIA_SMALL_COUNT``, default 5) and secondary
suppression for exports with totals live in :mod:`geodata.privacy`, so the CLI,
the exports and the pages can never disagree.
"""

from __future__ import annotations

from geodata.privacy import (
    small_count_threshold,
    suppress_counts,
    suppress_small,
    suppressed_marker,
)

#: Counts from 1 up to (not including) this value are shown as "<5" (read once at import).
SMALL_COUNT_LIMIT = small_count_threshold()
SUPPRESSED = suppressed_marker(SMALL_COUNT_LIMIT)

__all__ = ["SMALL_COUNT_LIMIT", "SUPPRESSED", "small_count_threshold", "suppress_counts", "suppress_small"]
