"""Line and bar charts from a plain Vega-Lite spec: the pictures of ``st.line_chart``/``st.bar_chart``.

Those two build their spec through Altair, whose schema validation costs about 0.1 s per chart
on every rerun, and the Risk map reruns on every slider move with two charts below the map;
a spec written here costs a millisecond. Input is a wide frame as those functions take it:
the index is the x axis (periods, strata, in the frame's order), one series per column; empty
cells are gaps.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

_X, _SERIES, _VALUE = "x", "series", "value"


def _long(frame: pd.DataFrame) -> pd.DataFrame:
    wide = frame.copy()
    wide.index = wide.index.astype(str)
    wide.columns = [str(c) for c in wide.columns]
    return wide.rename_axis(_X).reset_index().melt(id_vars=_X, var_name=_SERIES, value_name=_VALUE)


def _spec(frame: pd.DataFrame, mark: dict[str, Any]) -> dict[str, Any]:
    single = len(frame.columns) == 1
    encoding: dict[str, Any] = {
        "x": {"field": _X, "type": "ordinal", "sort": None, "title": frame.index.name,
              "axis": {"labelAngle": 0}},
        "y": {"field": _VALUE, "type": "quantitative", "title": str(frame.columns[0]) if single else None},
        "tooltip": [{"field": _X, "title": frame.index.name}, {"field": _SERIES, "title": " "},
                    {"field": _VALUE, "type": "quantitative", "format": ",.0f", "title": " "}],
    }
    if not single:
        encoding["color"] = {"field": _SERIES, "type": "nominal", "sort": [str(c) for c in frame.columns],
                             "title": None, "legend": {"orient": "bottom"}}
    return {"mark": mark, "encoding": encoding}


def line(frame: pd.DataFrame, height: int = 300) -> None:
    """One line per column over the index (as ``st.line_chart``)."""
    st.vega_lite_chart(_long(frame), _spec(frame, {"type": "line", "point": True}), height=height,
                       width="stretch")


def bars(frame: pd.DataFrame, height: int = 300, stack: bool = True) -> None:
    """Bars per index value, one colour per column, stacked or side by side (as ``st.bar_chart``)."""
    spec = _spec(frame, {"type": "bar"})
    if not stack and len(frame.columns) > 1:
        spec["encoding"]["xOffset"] = {"field": _SERIES, "sort": [str(c) for c in frame.columns]}
    st.vega_lite_chart(_long(frame), spec, height=height, width="stretch")
