"""The week grid as an HTML table that wraps: a police unit reads it whole, without sideways scrolling.

Rows come from :func:`planner.patrols.exports.week_grid` (three per unit, one per shift;
columns unit, base, shift and the seven dated days). A data-frame widget would cut long
place names and scroll sideways; a fixed-layout table with wrapping cells fits 1440 px
and never hides a word. Long crossing names are shortened to their Bolivian side; the
full names are in the places legend under the grid.
"""

from __future__ import annotations

import html

import pandas as pd

from planner.patrols.model import SHIFTS

#: CSS of the grid: fixed layout, wrapping cells, off-duty cells faint, a line between units.
GRID_CSS = """
<style>
table.vigia-week {width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 0.78rem;}
table.vigia-week th, table.vigia-week td {border: 1px solid #d5d9de; padding: 2px 4px; vertical-align: top;
  overflow-wrap: anywhere; word-break: normal; white-space: normal;}
table.vigia-week th {background: #f1f3f5; text-align: left;}
table.vigia-week td.off {color: #b0b6bc; text-align: center;}
table.vigia-week td.on {background: #e8f0fb;}
table.vigia-week tr.first td {border-top: 2px solid #8a939c;}
table.vigia-week col.unit {width: 15%;} table.vigia-week col.shift {width: 8%;}
table.vigia-week .base {color: #5a636b; font-size: 0.7rem;}
</style>
"""


def grid_html(grid: pd.DataFrame, off_duty: str) -> str:
    """``grid`` (unit, base, shift, days...) as a wrapping table; the unit and base cell spans its 3 shifts."""
    unit_col, base_col, shift_col, *days = list(grid.columns)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in (unit_col, shift_col, *days))
    body = []
    per_unit = len(SHIFTS)  # three rows per unit, in order (two units may share a name)
    for first in range(0, len(grid), per_unit):
        rows = grid.iloc[first:first + per_unit]
        for k, (_, row) in enumerate(rows.iterrows()):
            cells = []
            if k == 0:
                cells.append(f'<td rowspan="{len(rows)}"><b>{html.escape(str(row[unit_col]))}</b>'
                             f'<div class="base">{html.escape(str(row[base_col]))}</div></td>')
            cells.append(f"<td>{html.escape(str(row[shift_col]))}</td>")
            for day in days:
                value = str(row[day])
                kind = "off" if value == off_duty else "on"
                cells.append(f'<td class="{kind}">{html.escape(value)}</td>')
            body.append(f'<tr class="{"first" if k == 0 else ""}">{"".join(cells)}</tr>')
    cols = '<col class="unit"><col class="shift">' + "<col>" * len(days)
    return (f'{GRID_CSS}<table class="vigia-week"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')
