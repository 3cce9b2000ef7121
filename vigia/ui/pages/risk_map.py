"""Risk map (ministry planners): areas, departments, crossings and case coverage.

Risk scores are not built yet; the page says so and shows what the data offers.
"""

import streamlit as st

from vigia.ui import chrome, map_views, maps, summaries
from vigia.ui.i18n import fmt_int, t, table_labels, thousands

dataset = chrome.page_start("risk.title")
chrome.not_built("risk.not_built")

maps.show(map_views.risk_overview(dataset, chrome.online_tiles()), key="risk_map")
st.caption(t("risk.map_caption"))

st.subheader(t("risk.coverage_header"))
cov = summaries.coverage(dataset, thousands())
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("risk.metric_areas"), fmt_int(cov.areas))
c2.metric(t("risk.metric_departments"), fmt_int(cov.departments))
c3.metric(t("risk.metric_population"), fmt_int(cov.population))
c4.metric(t("risk.metric_areas_with_cases"), f"{fmt_int(cov.areas_with_cases)} / {fmt_int(cov.areas)}")
if "cases" in dataset:
    c1, c2, c3 = st.columns(3)
    c1.metric(t("risk.metric_cases"), cov.cases)
    c2.metric(t("risk.metric_victims"), cov.victims)
    c3.metric(t("risk.metric_periods"), t("risk.period_range", first=cov.first_period, last=cov.last_period)
              if cov.first_period else "–")
else:
    chrome.missing_layer("cases")

st.subheader(t("risk.departments_header"))
chrome.table(table_labels(summaries.departments_table(dataset, thousands())))
st.caption(t("privacy.small_counts_note"))
