"""Crossing scores arrive as data: the ``crossing_scores`` layer of a scores GeoPackage.

The risk engine writes that file (``Scores.to_gpkg``); the planner reads only the
two columns it needs, ``crossing_id`` and ``score``, so it never depends on how
the scores were computed.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyogrio

from geodata.problems import DataError, Problem

LAYER = "crossing_scores"


def read_crossing_scores(path: str | Path) -> pd.DataFrame:
    """``crossing_id`` (text) and ``score`` from ``path``; :class:`DataError` says what is wrong."""
    path = Path(path)
    if not path.exists():
        raise DataError([Problem(path.name, LAYER, None, None, "the scores file does not exist",
                                 f"check the path {path}, or leave --scores out to compute the scores")])
    try:
        layers = [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception as exc:  # GDAL raises its own error types for damaged files
        raise DataError([Problem(path.name, None, None, None, f"the file cannot be read as a GeoPackage: {exc}",
                                 "give the .gpkg written by 'vigia score' (or the risk page's download)")]) from None
    if LAYER not in layers:
        raise DataError([Problem(path.name, LAYER, None, None,
                                 f"the file has no '{LAYER}' layer (it has: {', '.join(layers) or 'none'})",
                                 "score a dataset that has crossings, then plan patrols with that file")])
    frame = pyogrio.read_dataframe(path, layer=LAYER, read_geometry=False)
    missing = [c for c in ("crossing_id", "score") if c not in frame.columns]
    if missing:
        raise DataError([Problem(path.name, LAYER, None, c, f"column '{c}' is missing",
                                 "the layer needs crossing_id and score") for c in missing])
    out = pd.DataFrame({"crossing_id": frame["crossing_id"].astype(str),
                        "score": pd.to_numeric(frame["score"], errors="coerce")})
    return out
