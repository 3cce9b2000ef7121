"""The user-named 0/1 columns of a layer with ``flag_columns`` (``lists``: one per agency list).

Fixed columns are checked by :mod:`geodata.validate` from the contract; this
module checks the columns the contract cannot name: each holds only 0 and 1,
there are at least two (one list gives no overlap to learn from), and no row is
on no list (nobody can be counted as seen by no agency: that is what the
estimate is for).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from geodata.cell_parsers import blank, parse_numbers
from geodata.contracts import Layer
from geodata.problem_rows import Findings

#: Lists needed before overlaps say anything.
MIN_LISTS = 2


def flag_names(columns: list[str], layer: Layer) -> list[str]:
    """The columns of ``layer`` that are flags: every one the contract does not name."""
    named = {c.name for c in layer.columns}
    return [c for c in columns if c not in named]


def check_list_flags(attrs: pd.DataFrame, layer: Layer, texts: Mapping[str, pd.Series],
                     blocked: Mapping[str, np.ndarray], findings: Findings) -> dict[str, pd.Series]:
    """Type each flag column as 0/1 integers, reporting bad cells, too few lists and rows on no list."""
    names = flag_names([str(c) for c in attrs.columns], layer)
    example = "police, labour, fiscalia, ngo"
    if len(names) < MIN_LISTS:
        have = f": {', '.join(repr(n) for n in names)}" if names else ""
        findings.add(f"the {layer.name} table needs at least {MIN_LISTS} list columns (one 0/1 column per agency "
                     f"list); it has {len(names)}{have}",
                     hint=f"add one column per agency list, e.g. {example}, with 1 where the row's victims are on it")
    nothing = np.zeros(len(attrs), dtype=bool)
    typed: dict[str, pd.Series] = {}
    for name in names:
        text = texts[name]
        skip = blocked.get(name, nothing)
        values, _, _ = parse_numbers(attrs[name], text)
        flag = np.isin(values, (0.0, 1.0))
        empty = blank(attrs[name], text) & ~skip
        findings.at_rows(empty, name, "is empty", hint="write 1 when the row's victims are on this list, 0 when not")
        wrong = ~flag & ~empty & ~skip
        findings.at_rows(wrong, name, "is not 0 or 1", values=list(attrs[name]),
                         hint="write 1 when the row's victims are on this list, 0 when not")
        if flag.all():
            typed[name] = pd.Series(values.astype(np.int64))
        else:
            typed[name] = pd.Series(np.where(flag, values, np.nan))
    if names:
        flags = np.column_stack([typed[n].to_numpy(dtype=float) for n in names])
        on_none = ~np.isnan(flags).any(axis=1) & (np.nansum(flags, axis=1) == 0)
        findings.listing_rows(on_none, None, "every list column is 0: people on no list cannot be counted",
                              hint="remove these rows; how many nobody found is what the estimate gives")
    return typed
