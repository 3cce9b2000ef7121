"""Inspections page parts for learning from results: the exploration share and the Results panel.

Display only: the share goes into the plan request (:mod:`planner.explore` draws the
visits); the Results panel shows :func:`risk.replay.replay_years` (every year with an
earlier history) with victim counts 1..4 hidden, and a chart of how much of each
year's victims Vigía's order would have found in the first half of the visits.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geodata.dataset import Dataset
from vigia.inspection_runs import PlanRun
from vigia.ui import chrome
from vigia.ui.i18n import current_language, fmt_dec, t
from vigia.ui.privacy import suppress_small
from vigia.yield_refusals import not_used_text

#: Exploration share the slider starts at (the CLI's default too).
DEFAULT_SHARE = 0.1


def explore_share() -> float:
    """The exploration slider with its one-line explanation; the share chosen."""
    share = st.slider(t("learning.explore"), min_value=0.0, max_value=0.5, value=DEFAULT_SHARE, step=0.05,
                      key="insp_explore", help=t("learning.explore_help"))
    st.caption(t("learning.explore_line"))
    return float(share)


def learn_switch() -> bool:
    """The "rank by what inspections found" switch (the CLI's ``--learn``) with its one-line explanation."""
    on = st.toggle(t("learning.learn"), value=False, key="insp_learn", help=t("learning.learn_help"))
    st.caption(t("learning.learn_line"))
    return bool(on)


def show_learning(run: PlanRun) -> None:
    """Whether the plan ranked by the learned yield, or why it could not (the model's reason in words)."""
    if run.request.learn and run.request.priority_column:
        st.caption(t("learning.learn_used"))
    elif run.request.learn and run.learn_note:
        st.caption(not_used_text(run.learn_note, current_language()))


def show_exploration(run: PlanRun) -> None:
    """How many of the plan's visits are exploration, and with which probability they were drawn."""
    show_learning(run)
    random = [v for v in run.plan.visits if v.selection == "random"]
    if not random:
        st.caption(t("learning.explore_off"))
        return
    st.caption(t("learning.explore_count", n=len(random), total=len(run.plan.visits),
                 p=fmt_dec(random[0].selection_probability or 0, digits=3)))


@st.cache_data(show_spinner=False, max_entries=8)
def _replay_table(sites: pd.DataFrame, inspections: pd.DataFrame) -> pd.DataFrame:
    from risk.replay import replay_years

    return replay_years(sites, inspections)


def results_panel(dataset: Dataset) -> None:
    """The Results panel: the replay figures of every year that can be replayed, and a chart."""
    inspections = dataset.get("inspections")
    if inspections is None or not len(inspections):
        return
    st.subheader(t("learning.results_header"))
    st.caption(t("learning.results_intro"))
    sites = dataset.get("sites")
    site_frame = (pd.DataFrame(sites.drop(columns="geometry", errors="ignore")) if sites is not None
                  else pd.DataFrame({"site_id": pd.Series(dtype=str), "sector": pd.Series(dtype=str)}))
    table = _replay_table(site_frame, pd.DataFrame(inspections.drop(columns="geometry", errors="ignore")))
    if table.empty:
        st.info(t("learning.results_none"))
        return
    shown = table.copy()
    shown["victims"] = [suppress_small(v) for v in shown["victims"]]
    shown.columns = [t(f"evaluate.{c}") for c in shown.columns]
    chrome.table(shown)
    chart = table.set_index(table["year"].astype(str))[["share_found_first_half_vigia",
                                                          "share_found_first_half_actual"]] * 100
    chart.columns = [t("learning.chart_vigia"), t("learning.chart_actual")]
    st.bar_chart(chart, stack=False, y_label=t("learning.chart_y"))
