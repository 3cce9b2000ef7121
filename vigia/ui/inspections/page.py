"""Inspections (labour-inspection chiefs): plan multi-day routes to the highest-risk workplaces.

Set up teams (from the labour offices, editable, or a file), dates and a time limit;
plan with a visible progress box; see routes per team-day on the map, the timeline and
KPIs against the greedy plan; lock or drop visits and re-plan; download every output.
A saved plan comes back whole after a reload, without running the solver.
"""

import streamlit as st

from geodata import formats
from vigia import inspection_runs
from vigia.ui import chrome, map_views, maps, state, summaries
from vigia.ui.i18n import current_language, fmt_dec, sector_label, t, table_labels, tn
from vigia.ui.inspections import inspection_panels, learning_panels, results_upload, saved_plan_view

dataset = chrome.page_start("inspections.title")
dataset_path = state.current_dataset_path(st.session_state)
st.markdown(t("inspections.intro"))

if "sites" not in dataset:
    chrome.missing_layer("sites")
    st.stop()
results_upload.render(dataset)
learning_panels.results_panel(dataset)

request, pressed = inspection_panels.plan_setup(dataset)
if request is not None and pressed:
    asked = request
    fresh = inspection_panels.run_with_progress(
        lambda tell: inspection_runs.run(dataset, asked, tell), asked.time_limit, asked.engine)
    if fresh is not None:
        inspection_panels.store(fresh, dataset_path)
        saved_plan_view.keep(fresh)

run, stale = inspection_panels.stored(dataset_path)
if run is None and (saved := saved_plan_view.saved_to_show()) is not None:
    run = saved_plan_view.reopen(saved, dataset)
    if run is not None:
        inspection_panels.store(run, dataset_path)
    else:  # an older save kept only its tables
        planned = saved_plan_view.show_tables_only(saved, dataset)
        if planned is not None:
            inspection_panels.store(planned, dataset_path)
            st.rerun()
        saved_plan_view.panel()
        st.stop()
if run is None:
    saved_plan_view.panel()
    st.info(t("inspections.no_plan"), icon=":material/route:")
    maps.show(map_views.inspections(dataset, chrome.online_tiles()), key="inspections_map")
    st.subheader(t("inspections.candidates_header"))
    table = summaries.sites_by_sector(dataset)
    table["sector"] = [sector_label(s) for s in table["sector"]]
    chrome.table(table_labels(table))
    st.stop()

st.divider()
st.subheader(t("inspections.result_header"))
saved_plan_view.header()
if stale:
    st.warning(t("inspections.stale_plan"))
problem = run.problem
st.caption(t("inspections.plan_caption", teams=tn("inspections.n_teams", len(problem.teams)),
             days=tn("inspections.n_days", len(problem.days)),
             start=formats.date(problem.days[0], current_language()), engine=run.plan.engine,
             seconds=fmt_dec(run.plan.seconds)))
st.caption(t("inspections.priority_from_scores", file=run.request.scores_name) if run.request.scores_name
           else t("inspections.priority_fallback"))
with st.expander(t("inspections.priority_rule_expander")):
    st.caption(run.priority_rule)
if (notice := st.session_state.pop(inspection_panels.NOTICE_KEY, None)) is not None:
    st.success(notice)
if (previous_run := saved_plan_view.undo_button(run)) is not None:
    inspection_panels.store(previous_run, dataset_path)
    st.session_state[inspection_panels.NOTICE_KEY] = t("inspections.undone")
    st.rerun()

learning_panels.show_exploration(run)
inspection_panels.show_kpis(run)
inspection_panels.show_unplaced_must(run)
inspection_panels.show_map(run, dataset, chrome.online_tiles())
inspection_panels.show_tables(run)

choice = inspection_panels.lock_drop_editor(run, enabled=not stale)
if choice is not None:
    lock, drop = choice
    previous = run
    # The teams table above counts (a lost day, other hours) when it holds the same teams as the plan.
    edited = request.teams if request is not None else None
    teams = edited if edited is not None and inspection_panels.same_teams(edited, previous.problem.teams) else None
    again = inspection_panels.run_with_progress(
        lambda tell: inspection_runs.replan_run(dataset, previous, lock, drop, tell, teams=teams),
        previous.request.time_limit, previous.request.engine)
    if again is not None:
        previous_id = st.session_state.get(saved_plan_view.SAVED_ID_KEY)
        inspection_panels.store(again, dataset_path)
        saved_plan_view.keep(again, replaces=previous_id)
        saved_plan_view.remember_for_undo(again, previous, previous_id)
        st.session_state[inspection_panels.NOTICE_KEY] = t(
            "inspections.replan_done", locked=len(again.problem.locked), dropped=len(again.problem.dropped))
        st.rerun()

inspection_panels.downloads(run)
saved_plan_view.panel()
