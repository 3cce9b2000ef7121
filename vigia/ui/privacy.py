"""Small-count suppression for anything derived from trafficking cases.

A count of 1 to 4 in a small municipality can point at a person; public health
and statistics offices hide such cells, and Vigía does the same everywhere it
shows a figure that comes from the ``cases`` layer.
"""

from __future__ import annotations

import math

#: Counts from 1 up to (not including) this value are shown as "<5".
SMALL_COUNT_LIMIT = 5
SUPPRESSED = f"<{SMALL_COUNT_LIMIT}"


def suppress_small(count: float | int | None, thousands: str = ",") -> str:
    """The count as display text, with 1-4 shown as ``"<5"``.

    Zero stays ``"0"`` (no cases is not identifying); missing values become an
    empty string; larger counts are grouped with ``thousands``.
    """
    if count is None or (isinstance(count, float) and math.isnan(count)):
        return ""
    value = int(round(float(count)))
    if 0 < value < SMALL_COUNT_LIMIT:
        return SUPPRESSED
    return f"{value:,}".replace(",", thousands)
