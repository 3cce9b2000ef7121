"""The dark-figure panel: recorded vs estimated victims, per stratum, the sensitivity table and the caveats.

Display only: the estimates come from :func:`risk.dark_figure.estimate_strata`
(cached on the table). Recorded counts follow the small-count rule; estimates
are model outputs, not counts of people, and are shown as they are.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import streamlit as st

from geodata.dataset import Dataset
from geodata.privacy import protect_strata
from risk.dark_figure import MAIN_EFFECTS, StrataEstimates, estimate_strata
from vigia.ui import chrome
from vigia.ui.i18n import fmt_dec, fmt_int, reason_text, t, thousands
from vigia.ui.privacy import SMALL_COUNT_LIMIT, suppress_small
from vigia.ui.risk_map import charts

#: Criterion the panel uses (the CLI lets a user choose).
CRITERION = "bic"


@st.cache_data(show_spinner=False, max_entries=16)
def cached_estimates(frame: pd.DataFrame, by: str | None) -> StrataEstimates:
    """Estimates keyed on the table's content and the split, so reruns cost nothing.

    The sensitivity table is computed here, inside the cache: it is worked out when first
    asked for, and a copy handed out by the cache would otherwise refit it on every rerun.
    """
    result = estimate_strata(frame, by=by, criterion=CRITERION)
    if result.overall.fit is not None:
        _ = result.overall.fit.sensitivity_
    return result


def model_text(label: str) -> str:
    """``main effects + police:ngo`` in the session's language, with × between lists."""
    return label.replace(MAIN_EFFECTS, t("dark.main_effects"), 1).replace(":", " × ")


def _number(value: float) -> str:
    if isinstance(value, float) and math.isnan(value):
        return ""
    return fmt_int(value) if math.isfinite(value) else t("dark.unbounded")


def render(dataset: Dataset) -> None:
    """The whole panel for ``dataset`` (says so when it has no ``lists`` layer)."""
    st.subheader(t("dark.header"))
    lists = dataset.get("lists")
    if lists is None:
        st.info(t("dark.missing"), icon=":material/info:")
        return
    st.caption(t("dark.intro"))
    splits = [c for c in ("period", "admin1") if c in lists.columns]
    by = None
    if splits:
        by = st.radio(t("dark.split_by"), splits, horizontal=True, key="dark_figure_split",
                      format_func=lambda c: t(f"dark.split.{c}"))
    with st.spinner(t("dark.computing")):
        result = cached_estimates(pd.DataFrame(lists), by)
    overall = result.overall
    if overall.fit is None:
        c1, _ = st.columns(2)
        c1.metric(t("dark.metric_observed"), suppress_small(overall.observed, thousands=thousands()))
        st.warning(t("dark.refused", reason=reason_text(overall.reason)))
        st.markdown(t("dark.assumptions"))
        return
    fit = overall.fit
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(t("dark.metric_observed"), suppress_small(overall.observed, thousands=thousands()))
    c2.metric(t("dark.metric_estimate"), _number(fit.estimate_))
    c3.metric(t("dark.metric_interval"), t("dark.interval_value", low=_number(fit.low_), high=_number(fit.high_)))
    c4.metric(t("dark.metric_ratio"), t("dark.ratio_value", ratio=fmt_dec(fit.ratio_)))
    st.caption(t("dark.model", criterion=CRITERION.upper(), model=model_text(fit.model_.label)))
    truth = dataset.about.get("lists_true_total")
    if dataset.synthetic and truth:
        st.caption(t("dark.synthetic_truth", total=fmt_int(float(truth))))
    if by is not None:
        _strata(result, by)
    st.markdown(f"**{t('dark.sensitivity_header')}**")
    st.caption(t("dark.sensitivity_caption"))
    chrome.table(_sensitivity_frame(fit.sensitivity_))
    if fit.excluded_terms_ or fit.notes_:
        with st.expander(t("dark.excluded_header")):
            rows = [(model_text(k), reason_text(v)) for k, v in fit.excluded_terms_.items()]
            rows += [(t("dark.notes_header"), reason_text(note)) for note in fit.notes_]
            chrome.table(pd.DataFrame(rows, columns=[t("dark.col.interaction"), t("dark.col.reason")]))
    st.markdown(t("dark.assumptions"))


def strata_frame(result: StrataEstimates) -> pd.DataFrame:
    """Per-stratum table for display: recorded counts suppressed, estimates rounded, model in words."""
    table = result.table().iloc[1:].reset_index(drop=True)
    shown = pd.DataFrame({
        t("dark.col.stratum"): table["stratum"],
        t("dark.col.observed"): protect_strata(table["observed"].tolist(), thousands=thousands()),
        t("dark.col.estimate"): [_number(v) for v in table["estimate"]],
        t("dark.col.low"): [_number(v) for v in table["low"]],
        t("dark.col.high"): [_number(v) for v in table["high"]],
        t("dark.col.model"): [model_text(m) if m else "" for m in table["model"]],
    })
    if table["reason"].astype(bool).any():
        shown[t("dark.col.reason")] = [reason_text(r) for r in table["reason"]]
    return shown


def _strata(result: StrataEstimates, by: str) -> None:
    st.markdown(f"**{t('dark.strata_header', split=t(f'dark.split.{by}'))}**")
    table = result.table().iloc[1:]
    chart = pd.DataFrame({
        t("dark.col.observed"): np.where((table["observed"] > 0) & (table["observed"] < SMALL_COUNT_LIMIT),
                                         np.nan, table["observed"]),
        t("dark.col.estimate"): table["estimate"],
        t("dark.col.low"): table["low"].where(np.isfinite(table["low"])),
        t("dark.col.high"): table["high"].where(np.isfinite(table["high"])),
    })
    chart.index = table["stratum"].to_numpy()
    if by == "period":
        charts.line(chart)
    else:
        charts.bars(chart[[t("dark.col.observed"), t("dark.col.estimate")]], stack=False)
    chrome.table(strata_frame(result))
    st.caption(t("dark.strata_caption"))


def _sensitivity_frame(sensitivity: pd.DataFrame) -> pd.DataFrame:
    delta = next(c for c in sensitivity.columns if c.startswith("delta_"))
    return pd.DataFrame({
        t("dark.col.model"): [model_text(m) for m in sensitivity["model"]],
        t("dark.col.delta", criterion=CRITERION.upper()): sensitivity[delta].round(1),
        t("dark.col.estimate"): [_number(v) for v in sensitivity["estimate"]],
        t("dark.col.low"): [_number(v) for v in sensitivity["low"]],
        t("dark.col.high"): [_number(v) for v in sensitivity["high"]],
        t("dark.col.chosen"): sensitivity["chosen"].astype(bool),
    })
