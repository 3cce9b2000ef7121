"""Admin: accounts and the audit log (admins only; in open demo mode, to create the first account)."""

import datetime as dt

import pandas as pd
import streamlit as st

from geodata import formats
from vigia.ui import access, chrome
from vigia.ui.i18n import current_language, t
from vigia.workspace import WorkspaceError, accounts
from vigia.workspace.roles import Action, Role

dataset = chrome.page_start("admin.title")
zone = formats.timezone_of(dataset.about)  # times as people there read them, not the server's UTC
viewer = access.current_viewer()
workspace = access.workspace()

if not viewer.can(Action.MANAGE_USERS):
    st.error(t("admin.not_allowed"))
    st.stop()

st.subheader(t("admin.users_header"))
users = accounts.list_users(workspace)
if users:
    st.dataframe(pd.DataFrame({
        t("admin.col_user"): [u.name for u in users],
        t("admin.col_role"): [t(f"role.{u.role.value}") for u in users],
        t("admin.col_login"): [t("admin.login_password") if u.has_password else "OIDC" for u in users],
        t("admin.col_state"): [t("admin.disabled") if u.disabled else t("admin.active") for u in users],
    }), hide_index=True, width="stretch")
else:
    st.caption(t("admin.no_users"))

roles = [r.value for r in Role]
with st.form("vigia_add_user", clear_on_submit=True):
    st.markdown(t("admin.add_header"))
    name = st.text_input(t("auth.user"))
    role = st.selectbox(t("admin.col_role"), roles, format_func=lambda r: t(f"role.{r}"))
    password = st.text_input(t("auth.password"), type="password", help=t("admin.password_help"))
    if st.form_submit_button(t("admin.add_button")):
        try:
            accounts.add_user(workspace, name, role, password or None, by=viewer.name)
            st.success(t("admin.added", name=name))
            if viewer.open_mode:
                st.warning(t("admin.now_sign_in"))
        except (WorkspaceError, ValueError) as error:
            st.error(str(error))

if users:
    names = [u.name for u in users]
    c1, c2, c3 = st.columns(3)
    target = c1.selectbox(t("admin.pick_user"), names, key="vigia_admin_pick")
    new_role = c2.selectbox(t("admin.col_role"), roles, format_func=lambda r: t(f"role.{r}"),
                            key="vigia_admin_role")
    with c3:
        if st.button(t("admin.set_role"), key="vigia_admin_set_role"):
            accounts.set_role(workspace, target, new_role, by=viewer.name)
            st.rerun()
        account = next(u for u in users if u.name == target)
        toggle = t("admin.enable") if account.disabled else t("admin.disable")
        if st.button(toggle, key="vigia_admin_toggle", disabled=target == viewer.name):
            accounts.set_disabled(workspace, target, not account.disabled, by=viewer.name)
            st.rerun()

st.subheader(t("admin.audit_header"))
if not viewer.can(Action.VIEW_AUDIT):
    st.stop()
c1, c2, c3 = st.columns(3)
who = c1.text_input(t("admin.filter_user"), key="vigia_audit_user")
what = c2.text_input(t("admin.filter_action"), key="vigia_audit_action", help=t("admin.filter_action_help"))
since = c3.date_input(t("admin.filter_since"), value=dt.date.today() - dt.timedelta(days=30), key="vigia_audit_since")
log = workspace.audit_log(user=who or None, action=what or None,
                          since=dt.datetime.combine(since, dt.time.min, tzinfo=zone))
shown = log.assign(at=[formats.date_time(moment, current_language(), zone) for moment in log["at"]])
st.dataframe(shown.rename(columns={c: t(f"admin.audit_{c}", zone=str(zone)) if c == "at" else t(f"admin.audit_{c}")
                                   for c in log.columns}), hide_index=True, width="stretch")
st.download_button(t("admin.audit_download"), log.to_csv(index=False).encode("utf-8"),
                   file_name="vigia-audit.csv", mime="text/csv",
                   on_click=lambda: workspace.record("audit.export", viewer.name, rows=len(log)))
