"""Crossing scores arrive as data: the crossing layer of a scores file (:mod:`geodata.scores_file`).

The risk engine writes that file; the planner reads it through the contract's
:func:`~geodata.scores_file.read_scores` (which validates it once) and keeps only
the two columns it needs, ``crossing_id`` and ``score``, so it never depends on how
the scores were computed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geodata.problems import DataError, Problem
from geodata.scores_file import CROSSING_LAYER, read_scores


def read_crossing_scores(path: str | Path) -> pd.DataFrame:
    """``crossing_id`` (text) and ``score`` from the scores file at ``path``; :class:`DataError` says what is wrong."""
    crossings = read_scores(path).crossings
    if crossings is None:
        raise DataError([Problem(Path(path).name, CROSSING_LAYER, None, None,
                                 f"the file has no '{CROSSING_LAYER}' layer (its dataset has no crossings)",
                                 "score a dataset that has crossings, then plan patrols with that file")])
    return pd.DataFrame({"crossing_id": crossings["crossing_id"].astype(str),
                         "score": pd.to_numeric(crossings["score"], errors="coerce")})
