"""Risk map (ministry planners): where to look first, how sure the ranking is, and why.

The score, its rank interval, hotspots, emerging hotspots and the detection gap
all come from ``risk.pipeline`` (through :mod:`vigia.ui.risk_map.risk_state`, which caches
the slow part per dataset); this page only lays out controls, map, tables and
downloads. Case counts are shown and exported only through the privacy rule.
"""

from __future__ import annotations

import functools

import streamlit as st

from geodata.scores_file import AREA_LAYER, CROSSING_LAYER
from vigia.ui import access, chrome, maps, saved_work, summaries, url_choices
from vigia.ui.i18n import (
    current_language,
    fmt_dec,
    fmt_int,
    fmt_pct,
    has_text,
    part_text,
    reason_text,
    t,
    table_labels,
    thousands,
)
from vigia.ui.privacy import SMALL_COUNT_LIMIT
from vigia.ui.risk_map import (
    charts,
    dark_figure_view,
    risk_exports,
    risk_maps,
    risk_state,
    risk_tables,
)
from vigia.workspace.roles import Action

PRESET_KEY = "risk_preset"
NORMALISATION_KEY = "risk_normalisation"
AGGREGATION_KEY = "risk_aggregation"
VIEW_KEY = "risk_view"
AREA_KEY = "risk_area"
OPENED_RUN_KEY = "risk_opened_run"
LAST_CLICK_KEY = "risk_last_click"
WEIGHT_PREFIX = "risk_weight_"
TOP_N = 20

dataset = chrome.page_start("risk.title")
path = risk_state.current_path()
st.markdown(t("riskmap.intro"))

try:
    with st.spinner(t("riskmap.computing")):
        prepared = risk_state.prepared_for(path)
except ValueError as error:  # the pipeline refuses data it cannot score, with a reason
    st.error(t("riskmap.failed", reason=str(error)))
    st.stop()


# --- controls (sidebar): preset, scale, combination, one slider per indicator -------------
def _percent(weight: float) -> int:
    return int(round(100 * float(weight)))


def _option_label(prefix: str, value: str) -> str:
    return t(f"{prefix}.{value}") if has_text(f"{prefix}.{value}") else value


side = st.sidebar
side.subheader(t("riskmap.controls_header"))
for url_key, url_options in ((PRESET_KEY, risk_state.presets()), (NORMALISATION_KEY, risk_state.NORMALISATIONS),
                             (AGGREGATION_KEY, risk_state.AGGREGATIONS), (VIEW_KEY, risk_maps.VIEWS)):
    url_choices.restore(url_key, url_options)  # a reload or a shared link comes back to the same choices
preset = side.selectbox(t("riskmap.preset"), risk_state.presets(), key=PRESET_KEY,
                        format_func=functools.partial(_option_label, "riskmap.preset"),
                        help=t("riskmap.preset_help"))
normalisation = side.selectbox(t("riskmap.normalisation"), risk_state.NORMALISATIONS, key=NORMALISATION_KEY,
                               format_func=functools.partial(_option_label, "riskmap.norm"),
                               help=t("riskmap.normalisation_help"))
aggregation = side.radio(t("riskmap.aggregation"), risk_state.AGGREGATIONS, key=AGGREGATION_KEY,
                         format_func=functools.partial(_option_label, "riskmap.agg"),
                         help=t("riskmap.aggregation_help"))
side.caption(t("riskmap.weights_caption"))
defaults = risk_state.preset_weights(prepared, preset)
weights: dict[str, float] = {}
for name, weight in defaults.items():
    # Keyed by preset: choosing another preset brings fresh sliders at that preset's weights.
    weights[name] = side.slider(risk_tables.group_label(name), 0, 100, value=_percent(weight), step=1,
                                key=f"{WEIGHT_PREFIX}{preset}_{name}") / 100.0
if not any(w > 0 for w in weights.values()):
    side.warning(t("riskmap.no_weights"))

choice = risk_state.weights_choice(preset, weights, defaults, normalisation, aggregation)
for url_key, url_value in ((PRESET_KEY, preset), (NORMALISATION_KEY, normalisation), (AGGREGATION_KEY, aggregation)):
    url_choices.keep(url_key, url_value)
scores = risk_state.scores_for(path, choice)
areas = scores.area_scores

# --- the map ------------------------------------------------------------------------------
view = st.radio(t("riskmap.view"), risk_maps.VIEWS, key=VIEW_KEY, horizontal=True,
                format_func=functools.partial(_option_label, "riskview"))
url_choices.keep(VIEW_KEY, view)
st.caption(t(f"riskview.{view}.explain", draws=fmt_int(risk_state.draws()),
             permutations=fmt_int(risk_state.permutations())))
map_args = (dataset, areas, view, chrome.online_tiles())
clicked = risk_maps.show_clickable(risk_maps.area_map(*map_args, key=risk_state.dataset_key(path)), key="risk_map")
st.caption(t("riskmap.click_hint"))
maps.let_map_paint("risk_map", t("page.map_first"))  # a new tab: the map first, then the rest
codes = risk_maps.classify(areas, view).codes
if (empty := risk_tables.classes_empty_reason(areas, view)) is not None:  # a map of one class says why
    st.info(t(empty, periods=dataset["cases"]["period"].nunique() if "cases" in dataset else 0))
meanings = risk_maps.class_meanings(view, codes, current_language())
if meanings:
    with st.expander(t("riskmap.meanings_header")):
        for label, meaning in meanings:
            st.markdown(t("riskmap.missing_item", part=label, reason=meaning))

if scores.missing:
    with st.expander(t("riskmap.missing_header")):
        for part, reason in scores.missing.items():
            st.markdown(t("riskmap.missing_item", part=part_text(part), reason=reason_text(reason)))

# --- one area: contributions, trend, uncertainty ------------------------------------------
st.subheader(t("riskmap.detail_header"))
ordered = areas.sort_values("rank", kind="stable")
area_ids = [str(a) for a in ordered["area_id"]]
option_text = {str(r.area_id): t("riskmap.area_option", rank=int(r.rank), name=r.name, admin1=r.admin1)
               for r in ordered.itertuples()}
if clicked is not None and clicked != st.session_state.get(LAST_CLICK_KEY) and clicked in option_text:
    st.session_state[AREA_KEY] = clicked  # a click on the map picks the area, before the list is drawn
st.session_state[LAST_CLICK_KEY] = clicked
if st.session_state.get(AREA_KEY) not in option_text:
    st.session_state[AREA_KEY] = area_ids[0]
area_id = st.selectbox(t("riskmap.select_area"), area_ids, key=AREA_KEY, format_func=option_text.__getitem__)

row = ordered[ordered["area_id"].astype(str) == area_id].iloc[0]
published, hidden = risk_state.protected_cases(path, areas, thousands())
position = ordered.index[ordered["area_id"].astype(str) == area_id][0]
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("riskmap.metric_score"), fmt_dec(float(row['score'])))
c2.metric(t("riskmap.metric_rank"), f"{fmt_int(row['rank'])} / {fmt_int(len(areas))}")
c3.metric(t("riskmap.metric_interval"), t("riskmap.interval_value", low=int(row["rank_low"]),
                                            high=int(row["rank_high"]), n=len(areas)))
c4.metric(t("riskmap.metric_p_top10"), fmt_pct(float(row['p_top10'])))
c1, c2, c3, c4 = st.columns(4)
c1.markdown(f"{t('riskmap.metric_hotspot')}  \n**{risk_maps.category_label('hotspot', row.get('hotspot'))}**")
c2.markdown(f"{t('riskmap.metric_emerging')}  \n**{risk_maps.category_label('emerging', row.get('emerging'))}**")
if "recorded_cases" in areas.columns:
    c3.metric(t("riskmap.metric_recorded"), published.loc[position] or "–")
if "expected_cases" in areas.columns and row.get("expected_cases") == row.get("expected_cases"):
    c4.metric(t("riskmap.metric_expected"), fmt_dec(float(row['expected_cases'])))
st.markdown(t("riskmap.uncertainty_text", draws=fmt_int(risk_state.draws()), name=row["name"],
              low=int(row["rank_low"]), high=int(row["rank_high"]), p=fmt_int(100 * float(row['p_top10']))))

left, right = st.columns(2)
with left:
    st.markdown(f"**{t('riskmap.contrib_header')}**")
    contrib = risk_tables.contributions(scores.contributions, area_id)
    top = float(scores.contributions.to_numpy().max()) if scores.contributions.size else 1.0
    if contrib.empty:
        st.info(t("riskmap.contrib_none"))
    else:
        st.dataframe(contrib, hide_index=True, column_config={
            t("riskcol.contribution"): st.column_config.ProgressColumn(format="%.1f", min_value=0.0,
                                                                      max_value=max(top, 1e-9))})
        st.caption(t("riskmap.contrib_caption"))
with right:
    st.markdown(f"**{t('riskmap.trend_header')}**")
    trend = risk_tables.case_trend(dataset, area_id, total_hidden=bool(hidden.loc[position]))
    if (empty := risk_tables.trend_empty_reason(trend)) is not None:
        st.info(t(empty))  # in words, never an empty chart with a bare axis
    elif trend is not None:  # (never None here: no cases layer has its reason above)
        charts.bars(trend, height=260)
        st.caption(t("riskmap.trend_caption", below=SMALL_COUNT_LIMIT - 1))

# --- ranking and downloads ----------------------------------------------------------------
st.subheader(t("riskmap.top_header", n=TOP_N))
# a static table wraps its cells, so the main factors are read whole (a data grid cuts them)
st.table(risk_tables.as_text(risk_tables.top_table(areas, TOP_N), current_language()))
st.caption(t("riskmap.top_caption"))

st.subheader(t("riskmap.downloads_header"))
export_areas = risk_tables.export_frame(areas, risk_state.protected_cases(path, areas, ""))
export_crossings = (risk_tables.crossing_export_frame(scores.crossing_scores)
                    if scores.crossing_scores is not None else None)
scores_file = scores.to_file(created_by=access.current_viewer().name)
provenance = scores_file.provenance
if access.current_viewer().can(Action.DOWNLOAD_SCORES):
    d1, d2, d3, d4 = st.columns(4)
    d1.download_button(t("riskmap.download_gpkg"), functools.partial(risk_exports.gpkg_bytes, scores_file),
                       file_name="vigia_risk_scores.gpkg",
                       mime="application/geopackage+sqlite3", on_click=saved_work.record_export("risk_scores", "vigia_risk_scores.gpkg"), key="risk_dl_gpkg")
    d2.download_button(t("riskmap.download_csv"), functools.partial(risk_exports.csv_bytes, export_areas, provenance),
                       file_name="vigia_risk_scores.csv", mime="text/csv", on_click=saved_work.record_export("risk_scores", "vigia_risk_scores.csv"), key="risk_dl_csv")
    d3.download_button(t("riskmap.download_xlsx"), functools.partial(risk_exports.xlsx_bytes, export_areas,
                       export_crossings, provenance), file_name="vigia_risk_scores.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       on_click=saved_work.record_export("risk_scores", "vigia_risk_scores.xlsx"), key="risk_dl_xlsx")
    d4.download_button(t("riskmap.download_html"), functools.partial(risk_exports.map_html, risk_maps.area_view(
        *map_args, key=risk_state.dataset_key(path)), provenance),
                       file_name=f"vigia_risk_map_{view}.html", mime="text/html",
                       on_click=saved_work.record_export("risk_map", f"vigia_risk_map_{view}.html"), key="risk_dl_html")
else:
    st.info(t("riskmap.no_download_right"))
st.caption(t("riskmap.downloads_caption", below=SMALL_COUNT_LIMIT - 1, limit=SMALL_COUNT_LIMIT))

# --- saved score runs (workspace) -------------------------------------------------------------
if st.button(t("riskmap.save_run"), key="risk_save_run"):
    saved = saved_work.save("score_run", f"{preset} · {normalisation} · {aggregation}",
                            {AREA_LAYER: export_areas, **({CROSSING_LAYER: export_crossings}
                                                          if export_crossings is not None else {})},
                            provenance.to_dict())
    st.success(t("riskmap.saved_run", name=saved.name, id=saved.id))
saved_work.panel("score_run", lambda record: st.session_state.__setitem__(OPENED_RUN_KEY, record.id))
if (opened := st.session_state.get(OPENED_RUN_KEY)) is not None:
    record = access.workspace().item(int(opened))
    st.markdown(t("riskmap.opened_run", name=record.name, id=record.id, at=chrome.when(record.created_at, dataset)))
    stored = saved_work.tables(record)[AREA_LAYER].sort_values("rank").head(TOP_N)
    chrome.table(stored.drop(columns="geometry", errors="ignore"))

# --- data coverage (what the score stands on) ---------------------------------------------
with st.expander(t("riskmap.coverage_expander")):
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
    st.markdown(f"**{t('risk.departments_header')}**")
    chrome.table(table_labels(summaries.departments_table(dataset, thousands())))
    st.caption(t("privacy.small_counts_note"))

# --- the dark figure: multiple-systems estimate of victims nobody recorded ------------------
dark_figure_view.render(dataset)
