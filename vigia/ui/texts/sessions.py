"""Strings of kept sign-in sessions and of pages a role may not open."""

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    "auth.revoked": msg("auth.revoked",
                        "An admin ended your session (account disabled, role changed or all sessions ended). "
                        "Please sign in again."),
    "access.not_allowed": msg("access.not_allowed",
                              "This page is for {roles}. Your account is «{role}»; if you need it, ask whoever runs Vigía."),
    "access.and": msg("access.and", "and"),
    "role_plural.planner": msg("role_plural.planner", "ministry planners"),
    "role_plural.inspection_chief": msg("role_plural.inspection_chief", "labour-inspection chiefs"),
    "role_plural.border_police": msg("role_plural.border_police", "border police"),
    "role_plural.admin": msg("role_plural.admin", "admins"),
}
