"""The demo's SYNTHETIC figures and the rules that shape them.

Nothing here is an official statistic. The figures are drawn from a numpy
Generator seeded by the demo seed, so the same seed always gives the same
numbers and another seed gives other numbers with the same shape. Each layer
draws from its own stream (``numpy.random.default_rng([seed, stream])``), so
changing one layer's rules never shifts another layer's numbers.

The shape follows the public picture of trafficking in Bolivia. Sources, cited
at each rule:

[TIP]   U.S. Department of State, Trafficking in Persons Report, Bolivia country
        narratives 2020-2023 (they also relay the annual case figures of the
        Fiscalía General and the Ministerio de Gobierno).
[ILO]   ILO (Bedoya & Bedoya, 2005), "Enganche y servidumbre por deudas en
        Bolivia" (Brazil-nut harvest in the northern Amazon, sugar-cane harvest
        in Santa Cruz and Bermejo, Guaraní families on Chaco ranches).
[DOL]   U.S. Department of Labor, Findings on the Worst Forms of Child Labor:
        Bolivia (mining, brick-making, sugar cane, Brazil nut, domestic work).
[DTM]   IOM Displacement Tracking Matrix, Bolivia: flow monitoring of
        Venezuelans at Desaguadero (from Peru) and Pisiga (to/from Chile).
[DPB]   Defensoría del Pueblo de Bolivia, annual reports on trafficking
        (El Alto/La Paz, Santa Cruz, Cochabamba and border towns as hotspots).

The multipliers and shares below are our stylised reading of those reports,
chosen to give the right ORDER and places; they are not numbers quoted from them.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geodata.contracts import CRS, EXPLOITATION_TYPES, HIGH_RISK_SECTORS
from geodata.demo.crossings import KM_PER_DEG_LAT, km_per_deg_lon
from geodata.demo.sampling import points_in

#: Years of synthetic cases and migration.
YEARS: tuple[int, ...] = tuple(range(2016, 2025))

#: Independent random streams, one per generated layer.
STREAMS = {"crossings": 1, "sectors": 2, "cases": 3, "migration": 4, "sites": 5, "history": 6}


def rng_for(seed: int, layer: str) -> np.random.Generator:
    """The Generator of one layer: same seed and layer, same numbers."""
    return np.random.default_rng([int(seed), STREAMS[layer]])


# --------------------------------------------------------------------------- regions

#: Metropolitan hubs (lon, lat, radius km). [TIP] [DPB]: most sex-trafficking
#: cases are opened in La Paz/El Alto, Santa Cruz and Cochabamba.
HUBS: dict[str, tuple[float, float, float]] = {
    "la_paz_hub": (-68.15, -16.50, 25.0),
    "santa_cruz_hub": (-63.18, -17.78, 25.0),
    "cochabamba_hub": (-66.16, -17.39, 20.0),
}

#: An area whose anchor lies this close to an official crossing is a border town.
BORDER_TOWN_KM = 30.0

#: Bermejo (Tarija): sugar-cane mill and harvest [ILO].
BERMEJO = (-64.34, -22.73, 40.0)

#: Population from which an area counts as urban.
URBAN_POPULATION = 20_000


def _km(lon: np.ndarray, lat: np.ndarray, lon0: float, lat0: float) -> np.ndarray:
    dx = (lon - lon0) * km_per_deg_lon(lat0)
    dy = (lat - lat0) * KM_PER_DEG_LAT
    return np.hypot(dx, dy)


def area_profile(areas: pd.DataFrame, lon: np.ndarray, lat: np.ndarray,
                 crossings: gpd.GeoDataFrame) -> pd.DataFrame:
    """Region flags of each area, from its department and its anchor point (lon, lat).

    The anchor is the area's main town, so "northern La Paz" means "its town is
    north of 15.9 S" whatever the shape of the area.
    """
    dep = areas["admin1"].astype(str).to_numpy()
    pop = areas["population"].to_numpy(dtype="int64")
    p = pd.DataFrame({"area_id": areas["area_id"].astype(str).to_numpy(), "admin1": dep,
                      "population": pop, "lon": lon, "lat": lat})
    for name, (x, y, r) in HUBS.items():
        p[name] = _km(lon, lat, x, y) <= r
    p["hub"] = p[list(HUBS)].any(axis=1)
    official = crossings[crossings["kind"] == "official"]
    near = np.full(len(p), np.inf)
    for g in official.geometry:
        near = np.minimum(near, _km(lon, lat, g.x, g.y))
    p["border_town"] = near <= BORDER_TOWN_KM
    p["urban"] = pop >= URBAN_POPULATION
    p["potosi"] = dep == "Potosí"
    p["oruro"] = dep == "Oruro"
    # Gold cooperatives of Larecaja / Franz Tamayo / Caranavi (Tipuani, Guanay, Mapiri) [TIP] [DOL].
    p["north_la_paz"] = (dep == "La Paz") & (lat > -15.9)
    p["mining_region"] = p["potosi"] | p["oruro"] | p["north_la_paz"]
    p["pando"] = dep == "Pando"
    p["beni"] = dep == "Beni"
    # Vaca Díez province (Riberalta, Guayaramerín): the Brazil-nut belt with Pando [ILO].
    p["north_beni"] = p["beni"] & (lat > -12.5)
    # Montero / Warnes / Mineros / Portachuelo: the cane belt north of Santa Cruz [ILO] [DOL].
    p["cane_belt"] = (dep == "Santa Cruz") & (lat > -17.6) & (lat < -16.6) & (lon > -63.6) & (lon < -62.8)
    p["bermejo"] = (dep == "Tarija") & (_km(lon, lat, BERMEJO[0], BERMEJO[1]) <= BERMEJO[2])
    # Chaco: Guaraní communities on ranches in Chuquisaca, Tarija and Cordillera (Santa Cruz) [ILO] [TIP].
    p["chaco"] = np.isin(dep, ["Chuquisaca", "Tarija", "Santa Cruz"]) & (lon > -64.3) & (lat < -19.0)
    p["lowlands"] = np.isin(dep, ["Santa Cruz", "Beni", "Pando"])
    p["all"] = True
    return p


def _first_match(profile: pd.DataFrame, rules: tuple[tuple[str, float], ...]) -> np.ndarray:
    """Value of the first rule whose region flag is true (rules end with ``("all", x)``)."""
    return np.select([profile[flag].to_numpy(dtype=bool) for flag, _ in rules], [v for _, v in rules], 0.0)


# --------------------------------------------------------------------------- sectors

#: Share of an area's population working in each high-risk sector; first matching region wins.
SECTOR_SHARES: dict[str, tuple[tuple[str, float], ...]] = {
    # [TIP] [DOL]: forced and child labour in mining cooperatives (Cerro Rico de Potosí,
    # Oruro) and gold mining in northern La Paz.
    "mining": (("north_la_paz", 0.12), ("potosi", 0.10), ("oruro", 0.06), ("all", 0.001)),
    # [ILO] [TIP]: debt bondage in the Brazil-nut harvest, Pando and northern Beni.
    "brazil nut": (("pando", 0.20), ("north_beni", 0.10), ("all", 0.0)),
    # [ILO] [DOL]: sugar-cane harvest north of Santa Cruz and in Bermejo.
    "sugar cane": (("bermejo", 0.08), ("cane_belt", 0.06), ("all", 0.0)),
    # [ILO] [TIP]: servitude on Chaco ranches; cattle ranching in Beni.
    "ranching": (("chaco", 0.05), ("beni", 0.06), ("lowlands", 0.02), ("all", 0.003)),
    # [DOL]: child labour in brick kilns around the cities.
    "brick-making": (("hub", 0.006), ("urban", 0.004), ("all", 0.001)),
    # [TIP]: forced labour in garment workshops, El Alto/La Paz first.
    "textiles": (("la_paz_hub", 0.012), ("cochabamba_hub", 0.006), ("santa_cruz_hub", 0.004), ("all", 0.0005)),
    # [TIP] [DOL]: domestic servitude, mostly in cities.
    "domestic work": (("urban", 0.012), ("all", 0.004)),
    # [DOL]: child labour in family and commercial agriculture, rural areas.
    "agriculture": (("urban", 0.03), ("all", 0.25)),
    # [TIP]: forced labour in logging in the Amazon and lowlands.
    "logging": (("pando", 0.04), ("north_beni", 0.02), ("north_la_paz", 0.02), ("lowlands", 0.008), ("all", 0.0005)),
}

#: Spread of drawn workers around the expectation: gamma-Poisson with shape k (CV ~ 1/sqrt(k)).
WORKERS_GAMMA_SHAPE = 4.0


def expected_workers(profile: pd.DataFrame) -> pd.DataFrame:
    """Area x sector expected workers (rows with a positive expectation only)."""
    frames = []
    pop = profile["population"].to_numpy(dtype=float)
    for sector in HIGH_RISK_SECTORS:
        share = _first_match(profile, SECTOR_SHARES[sector])
        frames.append(pd.DataFrame({"area_id": profile["area_id"], "sector": sector, "expected": pop * share}))
    out = pd.concat(frames, ignore_index=True)
    return out[out["expected"] > 0].reset_index(drop=True)


def sector_employment(profile: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The ``sectors`` layer: synthetic workers per area and high-risk sector."""
    rng = rng_for(seed, "sectors")
    exp = expected_workers(profile)
    k = WORKERS_GAMMA_SHAPE
    workers = rng.poisson(exp["expected"].to_numpy() * rng.gamma(k, 1.0 / k, len(exp)))
    return pd.DataFrame({
        "area_id": exp["area_id"].astype("str"),
        "sector": exp["sector"].astype("str"),
        "workers": workers.astype("int64"),
    })


# --------------------------------------------------------------------------- cases

#: About 400 trafficking cases a year nationally: the order of the yearly totals
#: of the Fiscalía / Ministerio de Gobierno relayed by [TIP].
NATIONAL_CASES_PER_YEAR = 400

#: Year profile of case counts: gradual rise, a COVID-19 dip in 2020 [TIP 2021].
YEAR_FACTOR: dict[int, float] = {
    2016: 0.92, 2017: 0.95, 2018: 1.00, 2019: 1.04, 2020: 0.90,
    2021: 0.95, 2022: 1.02, 2023: 1.06, 2024: 1.06,
}

#: National split by exploitation type: most prosecuted cases are sexual
#: exploitation, then labour [TIP]; the rest is other forms (forced begging,
#: forced criminality) or not recorded.
TYPE_SHARE: dict[str, float] = {"sexual": 0.55, "labour": 0.30, "other": 0.05, "unknown": 0.10}

#: Where sexual exploitation cases arise, per resident: hubs and border towns
#: [TIP] [DPB], mining towns [TIP]; first matching region wins.
SEXUAL_MULTIPLIER: tuple[tuple[str, float], ...] = (
    ("hub", 3.0), ("border_town", 2.5), ("mining_region", 1.5), ("all", 1.0),
)

#: Labour-exploitation cases per worker of each sector: harvest debt bondage
#: (Brazil nut, cane, Chaco ranches) and mining weigh most [ILO] [TIP].
LABOUR_RISK: dict[str, float] = {
    "mining": 1.0, "brazil nut": 2.0, "sugar cane": 1.5, "ranching": 1.5, "brick-making": 1.0,
    "textiles": 1.0, "domestic work": 0.5, "agriculture": 0.1, "logging": 1.0,
}

#: Extra victims per case beyond the first (labour cases often involve groups) [TIP].
EXTRA_VICTIMS: dict[str, float] = {"sexual": 0.3, "labour": 1.5, "other": 0.2, "unknown": 0.2}


#: PLANTED trends (synthetic, so the emerging-hotspot view has something to find): cases in
#: these regions grow by this share of their 2016 level every year, so by 2024 the cane belt
#: north of Santa Cruz (Montero, Warnes, Mineros, ...) records 13 times, the Brazil-nut belt
#: (Riberalta, Guayaramerín) and Bermejo 9 times their first year, within the same national
#: total. Without them every area came out "no pattern", which shows a user nothing of the
#: view; on the 343 municipalities the default seed now shows consecutive, sporadic and new hot
#: spots (measured with 99 permutations: 336 of 343 stay "no pattern"; the rising share of the
#: planted regions also leaves a few cold spots elsewhere). NOT a claim about these places.
PLANTED_GROWTH: dict[str, float] = {"cane_belt": 1.5, "north_beni": 1.0, "bermejo": 1.0}


def planted_trend(profile: pd.DataFrame, year: int) -> np.ndarray:
    """Per-area multiplier of the case intensity in ``year`` (1 outside the planted regions)."""
    factor = np.ones(len(profile))
    for region, growth in PLANTED_GROWTH.items():
        factor = np.where(profile[region].to_numpy(dtype=bool), factor * (1.0 + growth * (year - YEARS[0])), factor)
    return factor


def case_weights(profile: pd.DataFrame) -> dict[str, np.ndarray]:
    """Relative intensity of each exploitation type per area (sums to 1 per type)."""
    pop = profile["population"].to_numpy(dtype=float)
    workers = expected_workers(profile)
    workers["risk"] = workers["expected"] * workers["sector"].map(LABOUR_RISK)
    labour = workers.groupby("area_id")["risk"].sum().reindex(profile["area_id"]).fillna(0.0).to_numpy()
    raw = {
        "sexual": pop * _first_match(profile, SEXUAL_MULTIPLIER),
        "labour": labour,
        "other": pop,
        "unknown": pop,
    }
    return {t: w / w.sum() if w.sum() > 0 else np.full(len(w), 1.0 / len(w)) for t, w in raw.items()}


def trafficking_cases(profile: pd.DataFrame, seed: int) -> pd.DataFrame:
    """The ``cases`` layer: every area x year x type, Poisson counts around the intensities.

    Intensity = national yearly total x type share x the area's weight for that
    type (population times regional multipliers, or workers times sector risk).
    Victims = cases + Poisson(cases x extra victims), so victims >= cases. Areas in a
    :data:`PLANTED_GROWTH` region get a rising multiplier (:func:`planted_trend`) within the
    same national total.
    """
    rng = rng_for(seed, "cases")
    weights = case_weights(profile)
    area_ids = profile["area_id"].to_numpy()
    frames = []
    for year in YEARS:
        total = NATIONAL_CASES_PER_YEAR * YEAR_FACTOR[year]
        planted = planted_trend(profile, year)
        for kind in EXPLOITATION_TYPES:
            share = weights[kind] * planted
            # the planted regions take a growing share of the same national total (about 400 a year)
            cases = rng.poisson(total * TYPE_SHARE[kind] * share / share.sum())
            victims = cases + rng.poisson(cases * EXTRA_VICTIMS[kind])
            frames.append(pd.DataFrame({"area_id": area_ids, "period": str(year), "exploitation": kind,
                                        "cases": cases, "victims": victims}))
    out = pd.concat(frames, ignore_index=True)
    for col in ("area_id", "period", "exploitation"):
        out[col] = out[col].astype("str")
    for col in ("cases", "victims"):
        out[col] = out[col].astype("int64")
    return out


# --------------------------------------------------------------------------- migration

#: Nationalities counted in ``migration`` (``nat_<ISO3>``); the rest of ``entries`` is other nationalities.
NATIONALITIES: tuple[str, ...] = ("BOL", "VEN", "PER", "ARG", "BRA", "CHL", "PRY", "COL")

#: Official crossing -> (yearly entries other than Venezuelans at the 2018 level,
#: share of those who are nationals of the neighbour, Venezuelan entries at the
#: 2019 level). Stylised magnitudes: the busy road posts (Desaguadero, Villazón,
#: Yacuiba, Kasani for Copacabana, Puerto Quijarro) carry most traffic;
#: Venezuelans arrive overland from Peru at Desaguadero and move on to Chile
#: through Pisiga–Colchane [DTM] [TIP].
CROSSING_FLOWS: dict[str, tuple[int, float, int]] = {
    "DESAGUADERO": (450_000, 0.35, 40_000),
    "KASANI": (250_000, 0.25, 4_000),
    "CHARANA": (15_000, 0.30, 1_500),
    "TAMBO_QUEMADO": (120_000, 0.30, 3_000),
    "PISIGA": (90_000, 0.30, 35_000),
    "OLLAGUE": (8_000, 0.30, 500),
    "VILLAZON": (500_000, 0.35, 5_000),
    "BERMEJO": (150_000, 0.40, 800),
    "YACUIBA": (400_000, 0.40, 2_000),
    "HITO_VILLAZON": (10_000, 0.40, 300),
    "PUERTO_QUIJARRO": (250_000, 0.45, 1_500),
    "SAN_MATIAS": (30_000, 0.45, 300),
    "COBIJA": (120_000, 0.45, 1_000),
    "GUAYARAMERIN": (150_000, 0.45, 800),
}

#: Irregular crossings detected yearly near an official post (split over its
#: unofficial crossings) and the Venezuelan share of them [DTM]: highest at Pisiga.
UNOFFICIAL_FLOWS: dict[str, tuple[int, float]] = {
    "PISIGA": (6_000, 0.70), "DESAGUADERO": (3_000, 0.50), "VILLAZON": (1_500, 0.10),
    "YACUIBA": (1_500, 0.05), "COBIJA": (800, 0.10), "GUAYARAMERIN": (800, 0.05),
}

#: Traffic by year: COVID-19 border closures from March 2020 into 2021 [TIP 2021].
TRAFFIC_YEAR: dict[int, float] = {
    2016: 0.92, 2017: 0.96, 2018: 1.00, 2019: 1.02, 2020: 0.30,
    2021: 0.45, 2022: 0.85, 2023: 0.97, 2024: 1.00,
}

#: Venezuelan arrivals by year: rise 2017-2019, closures 2020, the 2021 surge
#: towards Chile through Pisiga–Colchane, then a slow decline [DTM].
VENEZUELAN_YEAR: dict[int, float] = {
    2016: 0.05, 2017: 0.25, 2018: 0.90, 2019: 1.00, 2020: 0.45,
    2021: 0.90, 2022: 0.70, 2023: 0.60, 2024: 0.50,
}

#: Share of Bolivians among non-Venezuelan entries at an official post.
BOLIVIAN_SHARE = 0.50
#: Share of each non-neighbouring listed nationality among non-Venezuelan entries.
MINOR_SHARE = 0.01
#: Colombians travel the same route as Venezuelans [DTM]: per Venezuelan entry.
COLOMBIANS_PER_VENEZUELAN = 0.04
#: Irregular share of Venezuelan entries at official posts (no passport or visa) [DTM],
#: and of everyone else.
IRREGULAR_SHARE_VEN = 0.25
IRREGULAR_SHARE_OTHER = 0.002
#: Year-to-year noise of a post's volume: gamma with this shape (CV ~ 14 %).
FLOW_GAMMA_SHAPE = 50.0


def _official_flow(rng: np.random.Generator, crossing_id: str, neighbour: str, year: int) -> dict[str, int]:
    base, neighbour_share, ven_base = CROSSING_FLOWS[crossing_id]
    k = FLOW_GAMMA_SHAPE
    others = base * TRAFFIC_YEAR[year] * rng.gamma(k, 1.0 / k)
    probs = {iso: MINOR_SHARE for iso in NATIONALITIES if iso not in ("BOL", "VEN", "COL")}
    probs[neighbour] = neighbour_share
    probs["BOL"] = BOLIVIAN_SHARE
    probs["COL"] = MINOR_SHARE / 2
    rest = max(0.0, 1.0 - sum(probs.values()))
    names = list(probs) + ["other"]
    counts = rng.multinomial(int(round(others)), [probs[n] for n in probs] + [rest])
    nat = dict(zip(names, (int(c) for c in counts)))
    nat["VEN"] = int(rng.poisson(ven_base * VENEZUELAN_YEAR[year] * rng.gamma(k, 1.0 / k)))
    nat["COL"] += int(rng.poisson(nat["VEN"] * COLOMBIANS_PER_VENEZUELAN))
    entries = sum(nat.values())
    exits = int(rng.poisson(entries * rng.uniform(0.90, 1.05)))
    irregular = int(rng.binomial(nat["VEN"], IRREGULAR_SHARE_VEN)
                    + rng.binomial(entries - nat["VEN"], IRREGULAR_SHARE_OTHER))
    return {"entries": entries, "exits": exits, "irregular": irregular,
            **{f"nat_{iso}": nat.get(iso, 0) for iso in NATIONALITIES}}


def _unofficial_flow(rng: np.random.Generator, parent_id: str, siblings: int, neighbour: str,
                     year: int) -> dict[str, int]:
    base, ven_share = UNOFFICIAL_FLOWS[parent_id]
    mean = base / siblings
    ven = int(rng.poisson(mean * ven_share * VENEZUELAN_YEAR[year]))
    locals_ = int(rng.poisson(mean * (1.0 - ven_share) * TRAFFIC_YEAR[year]))
    bol = int(rng.binomial(locals_, 0.6))
    nat = {iso: 0 for iso in NATIONALITIES}
    nat["VEN"], nat["BOL"] = ven, bol
    nat[neighbour] += locals_ - bol
    entries = ven + locals_
    return {"entries": entries, "exits": 0, "irregular": entries,
            **{f"nat_{iso}": nat[iso] for iso in NATIONALITIES}}


def migration_flows(crossings: gpd.GeoDataFrame, seed: int) -> pd.DataFrame:
    """The ``migration`` layer: per crossing and year, entries, exits, irregular and ``nat_*``.

    At official posts ``entries`` counts everyone recorded entering and
    ``irregular`` those without valid documents. At unofficial crossings
    ``entries`` = ``irregular`` = people detected crossing there (all of them
    irregular) and ``exits`` is 0 (not observed). ``nat_*`` break ``entries``
    down by nationality; the remainder is other nationalities.
    """
    rng = rng_for(seed, "migration")
    siblings = crossings.groupby("parent_id").size()
    rows = []
    for year in YEARS:
        for row in crossings.itertuples(index=False):
            if row.kind == "official":
                flow = _official_flow(rng, row.crossing_id, row.neighbour, year)
            else:
                flow = _unofficial_flow(rng, row.parent_id, int(siblings[row.parent_id]), row.neighbour, year)
            rows.append({"crossing_id": row.crossing_id, "period": str(year), **flow})
    out = pd.DataFrame(rows)
    for col in ("crossing_id", "period"):
        out[col] = out[col].astype("str")
    for col in out.columns[2:]:
        out[col] = out[col].astype("int64")
    return out


# --------------------------------------------------------------------------- inspection sites

#: How many synthetic workplaces the inspection planner can choose from.
SITE_COUNT = 300

#: Sites per worker, by sector: where inspections find trafficking [TIP] [DOL].
#: Domestic work is low because inspectors visit agencies, not homes.
SITE_PRIORITY: dict[str, float] = {
    "mining": 1.0, "brazil nut": 2.0, "sugar cane": 1.5, "ranching": 1.0, "brick-making": 2.0,
    "textiles": 2.0, "domestic work": 0.3, "agriculture": 0.1, "logging": 1.0,
}

#: sector -> (label, opens, closes, inspection minutes). Field work starts early.
SITE_KIND: dict[str, tuple[str, str, str, int]] = {
    "mining": ("Cooperativa minera", "06:00", "18:00", 120),
    "brazil nut": ("Barraca castañera", "06:00", "17:00", 180),
    "sugar cane": ("Campamento zafrero", "05:00", "17:00", 150),
    "ranching": ("Estancia ganadera", "06:00", "18:00", 120),
    "brick-making": ("Ladrillera", "06:00", "16:00", 60),
    "textiles": ("Taller textil", "08:00", "20:00", 60),
    "domestic work": ("Agencia de empleo doméstico", "08:30", "16:30", 45),
    "agriculture": ("Finca agrícola", "06:00", "17:00", 90),
    "logging": ("Aserradero", "07:00", "17:00", 120),
}

#: Town trades cluster around the area's main town; the others spread over the area.
TOWN_SECTORS = frozenset({"brick-making", "textiles", "domestic work"})

#: Sites flagged must_visit (e.g. a complaint was received) — synthetic.
MUST_VISIT_COUNT = 12


def _hhmm(minutes: int) -> str:
    minutes = int(min(max(minutes, 0), 23 * 60 + 59))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def inspection_sites(profile: pd.DataFrame, areas: gpd.GeoDataFrame, seed: int) -> gpd.GeoDataFrame:
    """The ``sites`` layer: :data:`SITE_COUNT` synthetic workplaces, each inside its area.

    Sites are spread over (area, sector) in proportion to expected workers times
    :data:`SITE_PRIORITY`. Hours and inspection times follow the sector, with
    half-hour / quarter-hour jitter. Names say "(sintético)".
    """
    rng = rng_for(seed, "sites")
    exp = expected_workers(profile)
    weight = exp["expected"].to_numpy() * exp["sector"].map(SITE_PRIORITY).to_numpy(dtype=float)
    counts = rng.multinomial(SITE_COUNT, weight / weight.sum())
    geom_by_area = dict(zip(areas["area_id"].astype(str), areas.geometry))
    anchor = dict(zip(profile["area_id"], zip(profile["lon"], profile["lat"])))
    sectors, area_ids, points = [], [], []
    for (area_id, sector), n in zip(zip(exp["area_id"], exp["sector"]), counts):
        if n == 0:
            continue
        centre = anchor[area_id] if sector in TOWN_SECTORS else None
        pts = points_in(geom_by_area[area_id], int(n), rng, centre=centre)
        sectors += [sector] * int(n)
        area_ids += [area_id] * int(n)
        points += list(pts)
    n = len(points)
    numbers = np.arange(1, n + 1)
    shift_open = rng.choice([-60, -30, 0, 30, 60], n)
    shift_close = rng.choice([-60, -30, 0, 30, 60], n)
    shift_service = rng.choice([-15, 0, 15, 30], n)
    must = np.zeros(n, dtype=bool)
    priority = np.array([SITE_PRIORITY[s] for s in sectors])
    must[rng.choice(n, size=min(MUST_VISIT_COUNT, n), replace=False, p=priority / priority.sum())] = True
    kinds = [SITE_KIND[s] for s in sectors]
    frame = gpd.GeoDataFrame(
        {
            "site_id": [f"DEMO-S{i:03d}" for i in numbers],
            "name": [f"{k[0]} (sintético) #{i}" for k, i in zip(kinds, numbers)],
            "sector": sectors,
            "open_from": [_hhmm(_minutes(k[1]) + d) for k, d in zip(kinds, shift_open)],
            "open_to": [_hhmm(_minutes(k[2]) + d) for k, d in zip(kinds, shift_close)],
            "service_minutes": [k[3] + d for k, d in zip(kinds, shift_service)],
            "must_visit": must,
            "area_id": area_ids,
        },
        geometry=points,
        crs=CRS,
    )
    for col in ("site_id", "name", "sector", "open_from", "open_to", "area_id"):
        frame[col] = frame[col].astype("str")
    frame["service_minutes"] = frame["service_minutes"].astype("int64")
    frame["must_visit"] = frame["must_visit"].astype(bool)
    return frame
