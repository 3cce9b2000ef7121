"""One small-count rule for everything Vigía shows or exports.

A count of 1 to 4 trafficking cases in a small municipality can point at a
person, so statistics offices hide such cells; Vigía does the same in every
page and export. The threshold is one number for the whole project (default 5,
environment variable ``VIGIA_SMALL_COUNT``).

Hiding a cell is not enough when the export also carries a total: the reader
subtracts the visible cells from the total and gets the hidden one back.
:func:`suppress_counts` therefore also hides complementary cells (secondary
suppression) until, in every line that has a published total, the hidden cells
cannot be solved for. Scores, ranks and model outputs are not counts and are
never suppressed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

#: Default threshold: counts 1..4 are hidden.
DEFAULT_THRESHOLD = 5

#: Environment variable that overrides the threshold (an integer >= 1).
THRESHOLD_ENV = "VIGIA_SMALL_COUNT"

#: Marker of a cell hidden only so that a small count cannot be recovered from a total.
SECONDARY = "*"


def small_count_threshold() -> int:
    """Counts from 1 up to (not including) this value are hidden; ``VIGIA_SMALL_COUNT`` overrides 5.

    A malformed or non-positive value falls back to the default rather than
    switching suppression off: privacy must fail closed.
    """
    raw = os.environ.get(THRESHOLD_ENV, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_THRESHOLD
    return value if value >= 1 else DEFAULT_THRESHOLD


def suppressed_marker(threshold: int | None = None) -> str:
    """What a hidden small count shows as, e.g. ``"<5"``."""
    return f"<{threshold if threshold is not None else small_count_threshold()}"


def is_small(count: float | int | None, threshold: int | None = None) -> bool:
    """True for a count that must be hidden (1..threshold-1); zero and missing are not."""
    if count is None or (isinstance(count, float) and math.isnan(count)):
        return False
    limit = threshold if threshold is not None else small_count_threshold()
    value = int(round(float(count)))
    return 0 < value < limit


def suppress_small(count: float | int | None, thousands: str = ",") -> str:
    """The count as display text, with 1..threshold-1 shown as ``"<5"``.

    Zero stays ``"0"`` (no cases identifies nobody); missing values become an
    empty string; larger counts are grouped with ``thousands``.
    """
    if count is None or (isinstance(count, float) and math.isnan(count)):
        return ""
    threshold = small_count_threshold()
    if is_small(count, threshold):
        return suppressed_marker(threshold)
    return f"{int(round(float(count))):,}".replace(",", thousands)


def _line_needs_more(values: np.ndarray, hidden: np.ndarray, primary: np.ndarray, threshold: int) -> bool:
    """A line with a published total leaks when a small hidden cell can be narrowed below the band.

    The reader knows the sum ``S`` of the hidden cells (total minus visible
    cells), that each hidden small cell lies in 1..threshold-1, and that a
    complementary cell is not small (threshold and more when it has cases, as
    the department table's count of areas with cases tells). A small cell is safe only when those facts still allow its
    lowest and its highest band value: an interval narrower than the band
    ("3 or 4") already tells the reader more than "<5".
    """
    if not primary.any():
        return False
    if hidden.sum() < 2:
        return True
    total = float(values[hidden].sum())
    others = int((hidden & primary).sum()) - 1  # the other small cells, each in 1..threshold-1
    # A positive complement is known to be >= threshold (the department table says how many areas have
    # cases); a zero one adds nothing.
    positive = int((hidden & ~primary & (values > 0)).sum())

    def possible(rest: float) -> bool:
        if positive == 0:
            return others <= rest <= others * (threshold - 1)
        return rest >= others + positive * threshold

    return not (possible(total - 1) and possible(total - (threshold - 1)))


def _complement(values: np.ndarray, hidden: np.ndarray) -> int | None:
    """Next cell to hide in a leaking line: the smallest visible positive one, else any visible one."""
    visible = np.flatnonzero(~hidden)
    if visible.size == 0:
        return None
    positive = visible[values[visible] > 0]
    pool = positive if positive.size else visible
    return int(pool[np.argmin(values[pool])])


def suppression_mask(
    frame: pd.DataFrame,
    count_columns: Sequence[str],
    total_columns: Iterable[str] = (),
    *,
    column_totals: bool = False,
    threshold: int | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Which cells to hide: ``(primary, secondary)`` boolean frames over count + total columns.

    ``total_columns`` are row totals of ``count_columns`` (each equals their sum
    in its row). ``column_totals=True`` means the export also publishes each
    column's sum over the rows, so every column is a line to protect too.
    A small total is itself hidden (primary); a line whose total is hidden
    cannot be subtracted from.
    """
    limit = threshold if threshold is not None else small_count_threshold()
    counts, totals = list(count_columns), list(total_columns)
    columns = counts + totals
    values = frame[columns].fillna(0).to_numpy(dtype=float).round()
    primary = (values > 0) & (values < limit)
    hidden = primary.copy()
    n_counts = len(counts)
    for _ in range(values.size + 1):  # every pass hides at least one cell or stops
        changed = False
        if totals:
            total_hidden = hidden[:, n_counts:].any(axis=1)
            for row in np.flatnonzero(~total_hidden):
                cells = hidden[row, :n_counts]
                if _line_needs_more(values[row, :n_counts], cells, primary[row, :n_counts], limit):
                    pick = _complement(values[row, :n_counts], cells)
                    if pick is None:  # every cell already hidden: hide the total instead
                        hidden[row, n_counts:] = True
                    else:
                        hidden[row, pick] = True
                    changed = True
        if column_totals and len(frame) > 0:
            for col in range(len(columns)):
                line = hidden[:, col]
                if _line_needs_more(values[:, col], line, primary[:, col], limit):
                    pick = _complement(values[:, col], line)
                    if pick is not None:
                        hidden[pick, col] = True
                        changed = True
        if not changed:
            break
    index = frame.index
    return (pd.DataFrame(primary, index=index, columns=columns),
            pd.DataFrame(hidden & ~primary, index=index, columns=columns))


def suppress_counts(
    frame: pd.DataFrame,
    count_columns: Sequence[str],
    total_columns: Iterable[str] = (),
    *,
    column_totals: bool = False,
    thousands: str = ",",
) -> pd.DataFrame:
    """A copy of ``frame`` ready to leave the app: count and total columns as text.

    Small counts show as ``"<5"``, complementary cells hidden to protect them as
    ``"*"``; every other column is untouched. See :func:`suppression_mask` for
    what ``total_columns`` and ``column_totals`` mean.
    """
    threshold = small_count_threshold()
    totals = list(total_columns)
    primary, secondary = suppression_mask(frame, count_columns, totals, column_totals=column_totals,
                                          threshold=threshold)
    out = frame.copy()
    marker = suppressed_marker(threshold)
    for col in list(count_columns) + totals:
        text = [
            "" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{int(round(float(v))):,}".replace(",", thousands)
            for v in frame[col].tolist()
        ]
        shown = np.where(primary[col].to_numpy(), marker, np.where(secondary[col].to_numpy(), SECONDARY, text))
        out[col] = pd.Series(shown, index=frame.index, dtype="object")
    return out


# --------------------------------------------------------------------------- counts per area


def hidden_areas(recorded: pd.Series, groups: pd.Series, threshold: int | None = None) -> pd.DataFrame:
    """Which areas' recorded counts may not leave: boolean columns ``primary`` and ``secondary``.

    ``recorded`` is the count per area and ``groups`` the department of each area
    (same index). Each department is a line with a published total (the app's
    department table) and so is the country: small counts are hidden (primary) and,
    per department, complementary cells too (secondary) until no hidden small
    count can be narrowed below the band 1..threshold-1 by subtraction.
    This one decision is applied to every output that carries a count or
    anything computed from it (see :func:`protect_case_inputs`).
    """
    limit = threshold if threshold is not None else small_count_threshold()
    primary = pd.Series(False, index=recorded.index)
    secondary = pd.Series(False, index=recorded.index)
    values = pd.to_numeric(recorded, errors="coerce").fillna(0.0)
    for _, members in values.groupby(groups.reindex(recorded.index).astype(str), sort=False):
        frame = members.to_frame("count")
        first, second = suppression_mask(frame, ["count"], column_totals=True, threshold=limit)
        primary.loc[members.index] = first["count"].to_numpy()
        secondary.loc[members.index] = second["count"].to_numpy()
    return pd.DataFrame({"primary": primary, "secondary": secondary})


def band_representative(threshold: int | None = None) -> float:
    """The count every hidden area is scored with: the middle of the band (2.5 for "<5").

    It depends only on the threshold, so nothing computed from it (smoothed rates,
    scores, contributions, hotspots, model fits) can tell one hidden count from
    another. Not an integer on purpose: no rounding of it lands on a true count
    more often than a blind guess does.
    """
    limit = threshold if threshold is not None else small_count_threshold()
    return limit / 2.0


def protect_case_inputs(cases: pd.DataFrame, hidden: Iterable[str], *, count_columns: Sequence[str] = ("cases", "victims"),
                        by: str = "exploitation", threshold: int | None = None) -> pd.DataFrame:
    """The ``cases`` layer as models may use it when their outputs leave the app.

    Rows of ``hidden`` areas are replaced by representative rows: the band's middle
    (:func:`band_representative`) cases in total, split over ``by`` (exploitation
    type) and over every period in the layer in the proportions of the *visible*
    areas; victims per case likewise. Every other area keeps its rows. Indicators,
    rates, smoothing, hotspots, expected cases and the score computed from this
    frame therefore carry no trace of a hidden count (which differencing two runs,
    two presets or a rate against a population could otherwise give back).
    """
    hidden_ids = {str(a) for a in hidden}
    area = cases["area_id"].astype(str)
    visible = cases[~area.isin(hidden_ids)]
    if not hidden_ids:
        return cases.copy()
    periods = sorted(cases["period"].astype(str).unique())
    types = visible.groupby(by)[list(count_columns)].sum() if len(visible) else pd.DataFrame()
    if types.empty or float(types[count_columns[0]].sum()) <= 0:
        kinds = sorted(cases[by].astype(str).unique()) or ["unknown"]
        share = pd.Series(1.0 / len(kinds), index=kinds)
        per_case = {c: 1.0 for c in count_columns[1:]}
        per_case_by_type: dict[str, dict[str, float]] = {k: per_case for k in kinds}
    else:
        share = types[count_columns[0]] / float(types[count_columns[0]].sum())
        per_case_by_type = {
            str(k): {c: float(types.loc[k, c]) / float(types.loc[k, count_columns[0]])
                     if float(types.loc[k, count_columns[0]]) > 0 else 0.0 for c in count_columns[1:]}
            for k in types.index}
    representative = band_representative(threshold)
    rows = []
    for area_id in sorted(hidden_ids):
        for kind, part in share.items():
            each = representative * float(part) / len(periods)
            for period in periods:
                row: dict[str, object] = {"area_id": area_id, "period": period, by: kind, count_columns[0]: each}
                row.update({c: each * per_case_by_type[str(kind)][c] for c in count_columns[1:]})
                rows.append(row)
    filler = pd.DataFrame(rows, columns=["area_id", "period", by, *count_columns])
    kept = visible.assign(**{c: visible[c].astype(float) for c in count_columns})
    return pd.concat([kept, filler], ignore_index=True)
