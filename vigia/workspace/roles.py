"""Roles and what each may see and do.

One table, read by the app (which pages, which buttons, which downloads) and by
the tests. Border police do not download inspection plans; only admins manage
users and read the audit log.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    PLANNER = "planner"
    INSPECTION_CHIEF = "inspection_chief"
    BORDER_POLICE = "border_police"
    ADMIN = "admin"


class Page(StrEnum):
    RISK_MAP = "risk_map"
    INSPECTIONS = "inspections"
    BORDER = "border"
    WHAT_IF = "what_if"
    DATA = "data"
    ABOUT = "about"
    ADMIN = "admin"


class Action(StrEnum):
    UPLOAD_DATASET = "upload_dataset"
    CHOOSE_DATASET_FOR_EVERYONE = "choose_dataset_for_everyone"
    RUN_SCORES = "run_scores"
    DOWNLOAD_SCORES = "download_scores"
    PLAN_INSPECTIONS = "plan_inspections"
    DOWNLOAD_INSPECTION_PLAN = "download_inspection_plan"
    PLAN_PATROLS = "plan_patrols"
    DOWNLOAD_ROSTER = "download_roster"
    PLAN_RESOURCES = "plan_resources"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"


_COMMON_PAGES = {Page.RISK_MAP, Page.DATA, Page.ABOUT}

PAGES: dict[Role, frozenset[Page]] = {
    Role.PLANNER: frozenset(_COMMON_PAGES | {Page.INSPECTIONS, Page.BORDER, Page.WHAT_IF}),
    Role.INSPECTION_CHIEF: frozenset(_COMMON_PAGES | {Page.INSPECTIONS}),
    Role.BORDER_POLICE: frozenset(_COMMON_PAGES | {Page.BORDER}),
    Role.ADMIN: frozenset(Page),
}

ACTIONS: dict[Role, frozenset[Action]] = {
    Role.PLANNER: frozenset({Action.UPLOAD_DATASET, Action.RUN_SCORES, Action.DOWNLOAD_SCORES,
                             Action.PLAN_RESOURCES}),
    Role.INSPECTION_CHIEF: frozenset({Action.UPLOAD_DATASET, Action.RUN_SCORES, Action.DOWNLOAD_SCORES,
                                      Action.PLAN_INSPECTIONS, Action.DOWNLOAD_INSPECTION_PLAN}),
    Role.BORDER_POLICE: frozenset({Action.RUN_SCORES, Action.DOWNLOAD_SCORES, Action.PLAN_PATROLS,
                                   Action.DOWNLOAD_ROSTER}),
    Role.ADMIN: frozenset(Action),
}


def parse_role(text: str) -> Role:
    """``text`` as a role, accepting ``-`` for ``_``; a clear error lists the valid ones."""
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return Role(value)
    except ValueError:
        raise ValueError(f"unknown role {text!r}; use one of: {', '.join(r.value for r in Role)}") from None


def can_see(role: Role | None, page: Page) -> bool:
    """``role`` None is open demo mode (no accounts defined): every page is open."""
    return role is None or page in PAGES[role]


def can(role: Role | None, action: Action) -> bool:
    """``role`` None is open demo mode: every action is allowed (and the app says so)."""
    return role is None or action in ACTIONS[role]
