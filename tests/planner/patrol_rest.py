"""Rest between a unit's shifts measured on the clock, independently of the roster model.

The hours are the README's (morning 06-14, afternoon 14-22, night 22-06), written here
rather than read from ``planner.patrols.model`` so a wrong constant there shows up.
"""

from __future__ import annotations

import numpy as np

SHIFT_START = (6, 14, 22)  # morning, afternoon, night
SHIFT_LENGTH = 8


def shift_start_hour(slot: int) -> int:
    """Hours from Monday 00:00 to the start of ``slot`` (slot = day * 3 + shift)."""
    return 24 * (slot // 3) + SHIFT_START[slot % 3]


def shortest_rests(assign: np.ndarray) -> dict[int, float]:
    """Each working unit's shortest rest (hours) between the end of one shift and the start of
    any later one, over every pair of its shifts, adjacent or not; inf with a single shift."""
    out: dict[int, float] = {}
    worked = assign.any(axis=1)  # (units, slots)
    for unit in range(worked.shape[0]):
        starts = sorted(shift_start_hour(int(s)) for s in np.flatnonzero(worked[unit]))
        rests = [later - (earlier + SHIFT_LENGTH) for i, earlier in enumerate(starts) for later in starts[i + 1:]]
        if starts:
            out[unit] = float(min(rests)) if rests else float("inf")
    return out

