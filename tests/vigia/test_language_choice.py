"""The language a new visitor gets (Accept-Language), and the cookie script's safety rules."""

from __future__ import annotations

import pytest

from vigia.ui import cookies
from vigia.ui.i18n import language_from_header


@pytest.mark.parametrize(("header", "expected"), [
    ("en-US,en;q=0.9,es;q=0.8", "en"),
    ("es-BO,es;q=0.9,en;q=0.5", "es"),
    ("fr-FR,fr;q=0.9,en;q=0.4,es;q=0.7", "es"),  # French first, then the heavier of ours
    ("de-DE,de", None),                          # none of ours: the app's default applies
    ("en;q=0,es;q=0.1", "es"),                   # q=0 means "not this one"
    ("", None),
    (None, None),
])
def test_the_browsers_language_preference_picks_spanish_or_english(header: str | None,
                                                                   expected: str | None) -> None:
    assert language_from_header(header) == expected


def test_the_cookie_script_is_strict_and_secure_over_https_only() -> None:
    js = cookies.script({cookies.SESSION: ("abc-DEF_123", None), cookies.LANG: ("en", cookies.LANG_MAX_AGE_S)})
    assert "vigia_session=abc-DEF_123; Path=/; SameSite=Strict" in js
    assert f"vigia_lang=en; Path=/; SameSite=Strict; Max-Age={cookies.LANG_MAX_AGE_S}" in js
    assert 'location.protocol === "https:" ? "; Secure" : ""' in js
    cleared = cookies.script({cookies.SESSION: ("", 0)})
    assert "vigia_session=; Path=/; SameSite=Strict; Max-Age=0" in cleared


def test_only_plain_tokens_go_into_the_cookie_script() -> None:
    with pytest.raises(ValueError, match="only letters, digits"):
        cookies.write(cookies.SESSION, "x</script><script>alert(1)")
