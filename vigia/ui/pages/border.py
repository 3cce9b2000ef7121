"""Border crossings & patrols (border police): crossings, police units, migration flows.

Patrol schedules are not built yet; the page says so and shows the crossings.
"""

import streamlit as st

from vigia.ui import chrome, map_views, maps, summaries
from vigia.ui.i18n import t, table_labels

dataset = chrome.page_start("border.title")

maps.show(map_views.border(dataset, chrome.online_tiles()), key="border_map")

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

from vigia.ui import patrols_view  # noqa: E402  (the patrols part of the page)

patrols_view.render(dataset, patrols_view.engine_scores(dataset))
