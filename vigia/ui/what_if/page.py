"""What if (ministry planners, admins): where one more office, team or checkpoint helps most.

Choose the question; see today's coverage and the proposed one side by side, the ranked
options with how often each wins across the scores' draws and the real planner's
check; download the report. Every computed scenario is saved in the workspace (a re-run
after reopening one is its next version) and can be reopened, compared or deleted.
"""

import streamlit as st

from vigia import what_if_runs
from vigia.ui import access, chrome
from vigia.ui.i18n import t
from vigia.ui.risk_map import risk_state
from vigia.ui.what_if import what_if_view
from vigia.workspace.roles import Action

dataset = chrome.page_start("whatif.title")
st.markdown(t("whatif.intro"))

try:
    scores = risk_state.scores_for(risk_state.current_path(), risk_state.Choice())
except ValueError as error:
    st.warning(t("whatif.no_scores", reason=str(error)))
    st.stop()
arrays = what_if_runs.arrays_from(scores.area_scores, scores.crossing_scores, scores.indicators,
                                  dict(scores.model.get("weights") or {}), crossing_draws=scores.crossing_draws)

ask, pressed = what_if_view.setup(dataset)
opened = st.session_state.get(what_if_view.SAVED_ID_KEY)
as_version = isinstance(opened, int) and st.checkbox(t("whatif.new_version"), value=False, key="whatif_as_version")
if pressed and ask is not None:
    if not access.current_viewer().can(Action.PLAN_RESOURCES):
        st.error(t("whatif.not_allowed"))
    else:
        fresh = what_if_view.compute(dataset, arrays, ask)
        if fresh is not None:
            record = what_if_view.save(fresh, replaces=opened if as_version and isinstance(opened, int) else None)
            what_if_view.keep(fresh)
            st.session_state["whatif_notice"] = t("whatif.saved_as", id=record.id, version=record.version)

if (notice := st.session_state.pop("whatif_notice", None)) is not None:
    st.success(notice)
result = what_if_view.kept()
if result is not None:
    what_if_view.show(dataset, arrays, result, chrome.online_tiles())
what_if_view.panel()
