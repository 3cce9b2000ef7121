"""Border crossings & patrols (border police): crossings ranked by risk, flows, police units, rosters.

The crossing scores (risk.pipeline, default weights, cached per dataset) feed both the
ranking at the top and the patrol roster below, so the two never disagree.
"""

import streamlit as st

from vigia.ui import chrome, map_views, maps, summaries
from vigia.ui.border import patrols_view
from vigia.ui.i18n import t, table_labels
from vigia.ui.risk_map import risk_maps, risk_state, risk_tables

dataset = chrome.page_start("border.title")

# --- crossings ranked by risk: score, 90% rank interval, drivers, on the map ---------------
# (scores from risk.pipeline with the default weights, cached per dataset in risk_state)
st.subheader(t("borderrisk.ranking_header"))
crossing_scores = None
if "crossings" in dataset:
    try:
        with st.spinner(t("riskmap.computing")):  # shows only when the scores are not cached yet
            crossing_scores = risk_state.scores_for(risk_state.current_path(), risk_state.Choice()).crossing_scores
    except ValueError as error:
        st.warning(t("borderrisk.no_scores", reason=str(error)))
        crossing_scores = None
    if crossing_scores is not None and not crossing_scores.empty:
        ranked = crossing_scores.sort_values("rank", kind="stable")
        drivers = [risk_tables.drivers_text(d) for d in ranked["drivers"]]
        chrome.table(risk_tables.crossing_table(ranked, drivers))
        st.caption(t("borderrisk.ranking_caption"))
        fmap = risk_maps.crossing_view(dataset, ranked, chrome.online_tiles(), drivers,
                                       key=risk_state.dataset_key(risk_state.current_path()))
        risk_maps.show(fmap, key="border_map")
    else:
        maps.show(map_views.border(dataset, chrome.online_tiles()), key="border_map")
else:
    chrome.missing_layer("crossings")

st.subheader(t("border.migration_header"))
if "crossings" in dataset:
    table = summaries.migration_by_crossing(dataset)
    table["kind"] = [t(f"crossing_kind.{k}") for k in table["kind"]]
    table["neighbour"] = [t(f"country.{n}") for n in table["neighbour"]]
    chrome.table(table_labels(table.drop(columns=["crossing_id"])))
    if "migration" not in dataset:
        chrome.missing_layer("migration")
else:
    chrome.missing_layer("crossings")

st.subheader(t("border.police_header"))
if "offices" in dataset:
    chrome.table(table_labels(summaries.offices_table(dataset, "police")))
else:
    chrome.missing_layer("offices")

patrols_view.render(dataset, crossing_scores)
