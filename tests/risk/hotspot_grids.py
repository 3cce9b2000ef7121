"""Small square grids of polygon areas with planted patterns, shared by the hotspot tests."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely


def grid_areas(side: int, crs: int | str = 3857) -> gpd.GeoDataFrame:
    """``side`` x ``side`` unit squares; area_id "r{row}c{col}", rows then columns."""
    rows, cols = np.divmod(np.arange(side * side), side)
    return gpd.GeoDataFrame(
        {"area_id": [f"r{r:02d}c{c:02d}" for r, c in zip(rows, cols)], "row": rows, "col": cols},
        geometry=[shapely.box(c, r, c + 1, r + 1) for r, c in zip(rows, cols)],
        crs=crs,
    )


def block(areas: gpd.GeoDataFrame, row: int, col: int, size: int) -> pd.Series:
    """True for the ``size`` x ``size`` block whose lower-left cell is (row, col)."""
    inside = areas["row"].between(row, row + size - 1) & areas["col"].between(col, col + size - 1)
    return pd.Series(inside.to_numpy(), index=areas["area_id"])


def noise(areas: gpd.GeoDataFrame, seed: int) -> pd.Series:
    """Positive background values (rates are positive), one per area."""
    rng = np.random.default_rng(seed)
    return pd.Series(rng.gamma(4.0, 1.0, len(areas)), index=areas["area_id"])
