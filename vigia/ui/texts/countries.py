"""Country names for every ISO 3166-1 alpha-3 code, so any dataset's crossings and maps are labelled.

A crossing may face any country (``neighbour`` takes any ISO3 code), and pages
label it with ``t(f"country.{code}")``. The names come from pycountry's ISO
tables (English, and their Spanish translation); codes already worded in
:mod:`vigia.ui.i18n` (Bolivia and its neighbours) keep their wording there.
"""

from __future__ import annotations

from geodata.contracts import NEIGHBOURS
from geodata.countries import country_name, iso3_names

#: Worded in vigia/ui/i18n.py (Bolivia and its five neighbours, as the app has always named them).
ALREADY_WORDED = frozenset({"BOL", *NEIGHBOURS})

TEXTS: dict[str, dict[str, str]] = {
    f"country.{code}": {"es": country_name(code, "es"), "en": country_name(code, "en")}
    for code in iso3_names()
    if code not in ALREADY_WORDED
}
