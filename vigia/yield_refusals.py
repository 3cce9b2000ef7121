"""Why the learned site yield was not used, in the user's language, for the app and the CLI alike.

``risk.site_yield`` says why with a stable code and the figures it names
(:class:`~risk.site_yield.YieldRefusal`); the ``learning.why.<code>`` texts word it,
numbers and dates through :mod:`geodata.formats`. No Streamlit here: the CLI imports it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geodata.catalog import msg

if TYPE_CHECKING:
    from risk.site_yield import YieldRefusal

#: vigia's own code: learning was asked for but a scores file sets the priorities.
SCORES_GIVEN = "scores_given"


def _learning_text(key: str, lang: str, **fmt: object) -> str:
    from vigia.ui.texts.learning import TEXTS

    return TEXTS[key][msg("inline.vigia.yield_refusals.en", "en")[lang]].format(**fmt)


def refusal_text(refusal: YieldRefusal, lang: str) -> str:
    """The refusal in ``lang``: whole numbers and dates written the language's way."""
    from geodata import formats

    fields = {name: formats.integer(value, lang) if isinstance(value, int) else formats.date(value, lang)
              for name, value in refusal.values.items()}
    return _learning_text(f"learning.why.{refusal.code}", lang, **fields)


def not_used_text(refusal: YieldRefusal, lang: str) -> str:
    """The whole sentence the page and ``plan-inspections --learn`` show when the yield was not used."""
    return _learning_text("learning.learn_not_used", lang, reason=refusal_text(refusal, lang))


def area_fallback_text(refusal: YieldRefusal, lang: str) -> str:
    """The replay's note when sites were ranked by their area's yield because the site yield was refused."""
    return _learning_text("evaluate.area_fallback", lang, reason=refusal_text(refusal, lang))
