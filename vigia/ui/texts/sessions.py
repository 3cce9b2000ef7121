"""Strings of kept sign-in sessions and of pages a role may not open."""

TEXTS: dict[str, dict[str, str]] = {
    "auth.revoked": {
        "es": "Su sesión fue cerrada por un administrador (cuenta desactivada, rol cambiado o cierre de todas "
              "las sesiones). Ingrese de nuevo.",
        "en": "An admin ended your session (account disabled, role changed or all sessions ended). "
              "Please sign in again.",
    },
    "access.not_allowed": {
        "es": "Esta página es para {roles}. Su cuenta es de «{role}»; si necesita verla, pídalo a quien "
              "administra Vigía.",
        "en": "This page is for {roles}. Your account is «{role}»; if you need it, ask whoever runs Vigía.",
    },
    "access.and": {"es": "y", "en": "and"},
    "role_plural.planner": {"es": "planificadores del ministerio", "en": "ministry planners"},
    "role_plural.inspection_chief": {"es": "jefaturas de inspección laboral", "en": "labour-inspection chiefs"},
    "role_plural.border_police": {"es": "la policía de fronteras", "en": "border police"},
    "role_plural.admin": {"es": "administradores", "en": "admins"},
}
