"""Country names for every ISO 3166-1 alpha-3 code, so any dataset's crossings and maps are labelled.

A crossing may face any country (``neighbour`` takes any ISO3 code), and pages
label it with ``t(f"country.{code}")``. The names come from pycountry's ISO
tables (English, and their Spanish translation); codes already worded in
:mod:`vigia.ui.i18n` (Bolivia and its neighbours) keep their wording there.
"""

from __future__ import annotations

from functools import lru_cache

from geodata.contracts import NEIGHBOURS

#: Worded in vigia/ui/i18n.py (Bolivia and its five neighbours, as the app has always named them).
ALREADY_WORDED = frozenset({"BOL", *NEIGHBOURS})



@lru_cache(maxsize=1)
def _texts() -> dict[str, dict[str, str]]:
    """Every country's names, built at first use: pycountry and the geodata stack load only then,
    so reading the CLI's texts (``vigia --help``) stays light."""
    from geodata.countries import country_name, iso3_names

    return {f"country.{code}": {"es": country_name(code, "es"), "en": country_name(code, "en")}
            for code in iso3_names() if code not in ALREADY_WORDED}


def __getattr__(name: str) -> dict[str, dict[str, str]]:
    """``TEXTS`` is computed on first access (PEP 562), like a table written out."""
    if name == "TEXTS":
        return _texts()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
