"""ISO 3166-1 alpha-3 country codes, checked against the real list (pycountry), with hints.

Vigía serves any country's ministry and the IOM/UNODC networks across the
Andes, so a crossing's ``neighbour`` and a dataset's ``country`` take any ISO3
code — not only Bolivia's five neighbours. A wrong code gets the closest real
code, or the code of the country its text names (in English or Spanish:
``Perú`` -> PER, ``Brasil`` -> BRA, ``PE`` -> PER).
"""

from __future__ import annotations

import difflib
import gettext
from functools import lru_cache

import geopandas as gpd
import pycountry

from geodata.cell_parsers import normalise_name


@lru_cache(maxsize=1)
def iso3_names() -> dict[str, str]:
    """ISO3 code -> English short name, for every current country (249)."""
    return {c.alpha_3: c.name for c in pycountry.countries}


def is_iso3(code: str) -> bool:
    """True for a current ISO 3166-1 alpha-3 code (upper case)."""
    return code in iso3_names()


@lru_cache(maxsize=1)
def _names_to_codes() -> dict[str, str]:
    """Normalised English, official, common and Spanish names (and alpha-2 codes) -> ISO3."""
    try:
        spanish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext
    except OSError:
        spanish = None
    out: dict[str, str] = {}
    for country in pycountry.countries:
        names = [country.name, getattr(country, "official_name", ""), getattr(country, "common_name", "")]
        if spanish is not None:
            names += [spanish(n) for n in names if n]
        for name in names:
            if name:
                out[normalise_name(name)] = country.alpha_3
                out.setdefault(normalise_name(name.split(",")[0]), country.alpha_3)  # "Bolivia, Plurinational State of"
        out.setdefault(country.alpha_2.lower(), country.alpha_3)
    return out


def _closest_code(value: str, codes: list[str]) -> str | None:
    """The code sharing most letters in place with ``value`` (``BRZ`` -> ``BRA``, not ``LBR``); None below two."""
    def score(code: str) -> tuple[int, int, float]:
        prefix = next((i for i, (a, b) in enumerate(zip(code, value)) if a != b), len(value))
        return sum(a == b for a, b in zip(code, value)), prefix, difflib.SequenceMatcher(None, code, value).ratio()

    best = max(codes, key=score)
    return best if score(best)[0] >= 2 else None


def country_hint(value: str) -> str | None:
    """The code a wrong value most likely means: ``"PE"`` -> ``"PER (Peru)"``, ``"Brasil"`` -> ``"BRA (Brazil)"``."""
    names = iso3_names()
    key = normalise_name(value)
    code = _names_to_codes().get(key)
    if code is None and len(key) == 3:
        code = _closest_code(key.upper(), list(names))
    if code is None and len(key) > 3:
        close = difflib.get_close_matches(key, list(_names_to_codes()), n=1, cutoff=0.8)
        code = _names_to_codes()[close[0]] if close else None
    return f"{code} ({names[code]})" if code else None


def country_name(code: str, lang: str = "en") -> str:
    """The country's short name in English or Spanish (``PER`` -> ``Peru`` / ``Perú``); the code when unknown."""
    country = pycountry.countries.get(alpha_3=str(code).upper())
    if country is None:
        return str(code)
    name = getattr(country, "common_name", None) or country.name
    if lang == "es":
        try:
            return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"]).gettext(name)
        except OSError:
            return name
    return name


def dataset_country(about: dict[str, str], areas: gpd.GeoDataFrame | None = None) -> str | None:
    """The dataset's country: its ``about`` key ``country`` (ISO3) when valid, else where its areas lie."""
    code = str(about.get("country", "")).strip().upper()
    if is_iso3(code):
        return code
    if areas is None or areas.empty:
        return None
    from geodata.basemap import (
        country_of,  # the outlines are read only when the about table does not say
    )

    return country_of(areas.geometry)
