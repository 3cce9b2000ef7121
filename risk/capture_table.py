"""The 2^k capture table that multiple systems estimation works on.

Agencies report victims AGGREGATED by the combination of lists they are on
(``police=1, ngo=1, count=12``). The estimator needs every observable
combination, including those nobody fell into (count 0), and nothing about the
one combination nobody can observe: on no list at all. :class:`CaptureTable`
holds exactly that, built once from the ``lists`` layer's rows.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Columns of the ``lists`` layer that are not agency lists.
NON_LIST_COLUMNS: tuple[str, ...] = ("count", "period", "admin1")


def list_columns(frame: pd.DataFrame) -> list[str]:
    """The agency-list columns of a ``lists`` table: every column but count, period and admin1."""
    return [str(c) for c in frame.columns if str(c) not in NON_LIST_COLUMNS and str(c) != "geometry"]


def all_histories(k: int) -> np.ndarray:
    """Every observable capture history of ``k`` lists (all 0/1 rows but the all-zero one).

    Ordered by how many lists a history has, then lexicographically, so the
    table reads singletons first, as published tables do.
    """
    rows = [h for h in itertools.product((0, 1), repeat=k) if any(h)]
    rows.sort(key=lambda h: (sum(h), tuple(-v for v in h)))
    return np.array(rows, dtype=np.int8).reshape(len(rows), k)


@dataclass(frozen=True)
class CaptureTable:
    """Counts of people per capture history, for every observable history.

    Attributes
    ----------
    lists:
        List names, one per column of ``histories``.
    histories:
        ``(2^k - 1, k)`` 0/1 array: each row one combination of lists.
    counts:
        People seen in exactly that combination (0 where nobody was).
    """

    lists: tuple[str, ...]
    histories: np.ndarray
    counts: np.ndarray

    @classmethod
    def from_frame(cls, frame: pd.DataFrame, lists: Sequence[str] | None = None,
                   count: str = "count") -> CaptureTable:
        """Sum the rows of a ``lists`` table into the full capture table.

        Rows with the same combination (e.g. one per period) are added up;
        combinations absent from the table count 0. Raises ``ValueError`` for
        a row on no list, a value other than 0/1, or a negative count: those
        are data errors the ``geodata`` validator reports first.
        """
        names = list(lists) if lists is not None else list_columns(frame)
        if len(names) < 1:
            raise ValueError("the table has no list columns")
        flags = frame[names].to_numpy(dtype=float)
        if not np.isin(flags, (0.0, 1.0)).all():
            raise ValueError("list columns must hold only 0 and 1")
        values = frame[count].to_numpy(dtype=float)
        if (values < 0).any() or not np.isfinite(values).all():
            raise ValueError("counts must be numbers >= 0")
        seen = flags.sum(axis=1) > 0
        if (~seen & (values > 0)).any():
            raise ValueError("a row with people on no list: that cell cannot be observed")
        histories = all_histories(len(names))
        weights = 2 ** np.arange(len(names))[::-1]
        position = {int(code): i for i, code in enumerate(histories @ weights)}
        counts = np.zeros(len(histories))
        for code, value in zip((flags[seen] @ weights).astype(int), values[seen]):
            counts[position[int(code)]] += value
        return cls(tuple(str(n) for n in names), histories, counts)

    @property
    def k(self) -> int:
        return len(self.lists)

    @property
    def observed(self) -> int:
        """People on at least one list."""
        return int(round(float(self.counts.sum())))

    def list_sizes(self) -> dict[str, int]:
        """People on each list (alone or with others)."""
        return {name: int(round(float(self.counts[self.histories[:, i] == 1].sum())))
                for i, name in enumerate(self.lists)}

    def overlap(self, i: int, j: int) -> int:
        """People on both list ``i`` and list ``j`` (whatever other lists they are on)."""
        both = (self.histories[:, i] == 1) & (self.histories[:, j] == 1)
        return int(round(float(self.counts[both].sum())))

    def without(self, names: Sequence[str]) -> CaptureTable:
        """The table without lists ``names``; people seen only on them drop out.

        Used to set aside lists nobody is on, which carry no information.
        """
        keep = [i for i, n in enumerate(self.lists) if n not in set(names)]
        frame = pd.DataFrame(self.histories[:, keep], columns=[self.lists[i] for i in keep])
        frame["count"] = self.counts
        frame = frame[frame[[self.lists[i] for i in keep]].sum(axis=1) > 0]
        return CaptureTable.from_frame(frame, [self.lists[i] for i in keep])

    def as_frame(self) -> pd.DataFrame:
        """One row per observable history with its count (zeros included)."""
        frame = pd.DataFrame(self.histories.astype(int), columns=list(self.lists))
        frame["count"] = self.counts
        return frame
