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
    """The count every hidden area is scored with: 2.25 for "<5" (the band's middle rounded down, plus 0.25).

    It depends only on the threshold, so nothing computed from it (smoothed rates,
    scores, contributions, hotspots) can tell one hidden count from another. Not an
    integer and away from a rounding edge, so whoever inverts a rate and rounds gets
    the same answer for every hidden area: right no more often than a blind guess.
    """
    limit = threshold if threshold is not None else small_count_threshold()
    return limit // 2 + 0.25


def hidden_cells(cells: pd.DataFrame, hidden_rows: pd.Series, threshold: int | None = None) -> pd.DataFrame:
    """Which (area, type) cells may not be used as they are: a boolean frame shaped like ``cells``.

    ``cells`` holds case counts per area (rows) and type (columns); each row's total
    is published (the area's recorded cases) unless ``hidden_rows`` says the area is
    hidden, in which case every cell of the row is. Elsewhere small cells are hidden
    and, in their row, complements until no small cell can be narrowed below the band
    by subtracting the visible cells from the total (:func:`suppression_mask`).
    """
    limit = threshold if threshold is not None else small_count_threshold()
    types = list(cells.columns)
    frame = cells.assign(total=cells.sum(axis=1))
    primary, secondary = suppression_mask(frame, types, ["total"], threshold=limit)
    mask = (primary[types] | secondary[types]).to_numpy().copy()
    mask[hidden_rows.reindex(cells.index, fill_value=False).to_numpy()] = True
    return pd.DataFrame(mask, index=cells.index, columns=types)


def protect_case_inputs(cases: pd.DataFrame, hidden: Iterable[str], *, count_columns: Sequence[str] = ("cases", "victims"),
                        by: str = "exploitation", threshold: int | None = None) -> pd.DataFrame:
    """The ``cases`` layer as models may use it when their outputs leave the app.

    Every (area, ``by``) cell that :func:`hidden_cells` hides is replaced by a
    representative: a ``hidden`` area counts as the band's representative
    (:func:`band_representative`) in total; an area whose total is published keeps
    that total, its hidden cells sharing what the visible ones leave. That amount is
    split over the hidden types in the proportions of the *visible* cells nationwide,
    evenly over the periods, with the visible cells' victims per case. Nothing the
    models compute from this frame (rates, smoothed rates, hotspots, scores) then
    depends on a hidden count beyond what is published anyway, which differencing two
    runs, two presets or a rate against a population could otherwise give back.
    """
    hidden_ids = {str(a) for a in hidden}
    first, others = count_columns[0], list(count_columns[1:])
    area = cases["area_id"].astype(str)
    kind = cases[by].astype(str)
    cells = cases.groupby([area, kind])[first].sum().unstack(fill_value=0)
    rows = pd.Series(cells.index.isin(list(hidden_ids)), index=cells.index)
    mask = hidden_cells(cells, rows, threshold)
    for column in others:  # a small victims count hides its cell too, with a complement in its row
        victims = cases.groupby([area, kind])[column].sum().unstack(fill_value=0).reindex_like(cells).fillna(0)
        small = (victims > 0) & (victims < (threshold or small_count_threshold())) & ~mask
        for area_id in small.index[small.any(axis=1).to_numpy()]:
            mask.loc[area_id] |= small.loc[area_id]
            if int(mask.loc[area_id].sum()) == 1:
                free = cells.loc[area_id][~mask.loc[area_id]]
                if len(free):
                    mask.loc[area_id, free.idxmin() if (free <= 0).all() else free[free > 0].idxmin()] = True
    if not mask.to_numpy().any():
        return cases.copy()
    stacked = mask.stack()
    hidden_keys = set(stacked.index[stacked.to_numpy()])
    drop = pd.Series([key in hidden_keys for key in zip(area, kind)], index=cases.index)
    visible = cases[~drop.to_numpy()]
    totals = visible.groupby(visible[by].astype(str))[list(count_columns)].sum()
    share = (totals[first] / totals[first].sum()) if len(totals) and totals[first].sum() > 0 else pd.Series(dtype=float)
    periods = sorted(cases["period"].astype(str).unique())
    representative = band_representative(threshold)
    first_by_type = {str(k): float(v) for k, v in totals[first].items()}
    per_case = {k: {c: float(totals[c].get(k, 0.0)) / n if n > 0 else 1.0 for c in others}
                for k, n in first_by_type.items()}
    added = []
    for position, (area_id, row) in enumerate(mask.iterrows()):
        types = [t for t in mask.columns if row[t]]
        if not types:
            continue
        # what the hidden cells hold together is public: the area's total minus its visible cells
        amount = representative if area_id in hidden_ids else float(cells.iloc[position].reindex(types).sum())
        weights = share.reindex(types).fillna(0.0)
        weights = weights / weights.sum() if weights.sum() > 0 else pd.Series(1.0 / len(types), index=types)
        for t in types:
            each = amount * float(weights[t]) / len(periods)
            ratios = per_case.get(str(t), dict.fromkeys(others, 1.0))
            for period in periods:
                added.append({"area_id": area_id, "period": period, by: t, first: each,
                              **{c: each * ratios[c] for c in others}})
    kept = visible.assign(**{c: visible[c].astype(float) for c in count_columns})
    return pd.concat([kept, pd.DataFrame(added, columns=["area_id", "period", by, *count_columns])],
                     ignore_index=True)


def protect_strata(observed: Sequence[float | int | None], thousands: str = ",") -> list[str]:
    """Display texts of per-stratum counts published next to their overall total.

    The total is published too (it is the sum of the strata), so hiding a small
    stratum alone is not enough: the reader subtracts the visible strata from the
    total. Complementary strata are hidden (``"*"``) until no small count can be
    solved for — the same rule as :func:`suppress_counts` with column totals.
    """
    frame = pd.DataFrame({"observed": [np.nan if v is None else float(v) for v in observed]})
    shown = suppress_counts(frame, ["observed"], column_totals=True, thousands=thousands)
    return [str(v) for v in shown["observed"]]
