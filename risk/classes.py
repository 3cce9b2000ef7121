"""Plain-language classes of a score's rank, its rank interval and the detection gap.

Where the lines fall is a modelling choice (what counts as "among the highest", a
"firm" rank, "much fewer cases than expected"), so it lives here beside the numbers;
the app only gives each class a colour and a label. Codes are stable words the
app's text tables translate (``riskclass.<view>.<code>``).
"""

from __future__ import annotations

import math

#: Code of an area without the number a class needs (no score, no interval).
MISSING = "missing"
#: Detection-gap code of an area without an estimate (the expected-cases model could not run).
NO_ESTIMATE = "none"

#: Score classes by position in the ranking: (upper bound as a share of areas, code). A
#: planner reads "among the 10% highest"; scores are relative (most land between 20 and
#: 60), so fixed score bands would put almost every area in one class.
SCORE_CLASSES: tuple[tuple[float, str], ...] = (
    (0.10, "top10"), (0.20, "top20"), (0.40, "top40"), (0.70, "top70"), (1.0, "rest"),
)
#: Rank-interval classes by half-width as a share of the number of areas: (upper bound, code).
INTERVAL_CLASSES: tuple[tuple[float, str], ...] = (
    (0.025, "firm"), (0.075, "moderate"), (0.15, "loose"), (math.inf, "very_loose"),
)
#: Detection gap, recorded ÷ expected cases: (exclusive upper bound, code).
GAP_CLASSES: tuple[tuple[float, str], ...] = (
    (0.5, "much_lower"), (0.8, "lower"), (1.25, "as_expected"), (math.inf, "higher"),
)


def score_class(rank: float | None, n_areas: int) -> str:
    """Class code of a point rank among ``n_areas`` (rank 1 = highest risk)."""
    if rank is None or not math.isfinite(rank) or n_areas < 1:
        return MISSING
    share = float(rank) / n_areas
    for bound, code in SCORE_CLASSES:
        if share <= bound + 1e-12:
            return code
    return SCORE_CLASSES[-1][1]


def interval_class(rank_low: float | None, rank_high: float | None, n_areas: int) -> str:
    """Class code of a 90% rank interval by how far (as a share of all areas) the rank can move."""
    if rank_low is None or rank_high is None or not (math.isfinite(rank_low) and math.isfinite(rank_high)):
        return MISSING
    share = (float(rank_high) - float(rank_low)) / 2.0 / max(n_areas, 1)
    for bound, code in INTERVAL_CLASSES:
        if share <= bound:
            return code
    return INTERVAL_CLASSES[-1][1]


def interval_places(code: str, n_areas: int) -> int:
    """The ± places an interval class stands for on ``n_areas`` areas (for a legend)."""
    bounds = {c: b for b, c in INTERVAL_CLASSES}
    bound = INTERVAL_CLASSES[-2][0] if math.isinf(bounds[code]) else bounds[code]
    return max(1, round(bound * n_areas))


def gap_class(ratio: float | None, under_detection: bool | None = None) -> str:
    """Class code of recorded ÷ expected cases; :data:`NO_ESTIMATE` when the model could not run.

    "Much lower" also needs the model's own test (``under_detection``: so few cases
    would be unlikely by chance): a ratio of 0 against 0.3 expected cases is noise, not
    a gap, so an unflagged area is at most "lower". ``None`` means the test is unknown.
    """
    if ratio is None or not math.isfinite(ratio):
        return NO_ESTIMATE
    for bound, code in GAP_CLASSES:
        if ratio < bound:
            if code == "much_lower" and under_detection is False:
                return GAP_CLASSES[1][1]
            return code
    return GAP_CLASSES[-1][1]
