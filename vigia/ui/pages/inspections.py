"""Inspections (labour-inspection chiefs): workplaces by sector and labour offices.

Multi-day routes are not built yet; the page says so and shows the candidates.
"""

import streamlit as st

from vigia.ui import chrome, map_views, maps, summaries
from vigia.ui.i18n import sector_label, t, table_labels

dataset = chrome.page_start("inspections.title")
chrome.not_built("inspections.not_built")

maps.show(map_views.inspections(dataset, chrome.online_tiles()), key="inspections_map")

st.subheader(t("inspections.sectors_header"))
if "sites" in dataset:
    table = summaries.sites_by_sector(dataset)
    table["sector"] = [sector_label(s) for s in table["sector"]]
    chrome.table(table_labels(table))
else:
    chrome.missing_layer("sites")

st.subheader(t("inspections.offices_header"))
if "offices" in dataset:
    chrome.table(table_labels(summaries.offices_table(dataset, "labour")))
else:
    chrome.missing_layer("offices")
