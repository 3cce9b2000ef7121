"""The demo's synthetic figures: seeded, contract-shaped, and shaped like the public picture."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
import shapely

from geodata.contracts import CRS, EXPLOITATION_TYPES, HIGH_RISK_SECTORS, LAYERS
from geodata.dataset import Dataset
from geodata.demo import DEFAULT_SEED, build_demo
from geodata.demo.build import anchors
from geodata.demo.figures import YEARS, area_profile, planted_trend
from geodata.demo.places import bolivian_places


@pytest.fixture(scope="module")
def demo() -> Dataset:
    return build_demo()


def comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Geometry as WKB, so two frames compare exactly."""
    if "geometry" in frame:
        frame = pd.DataFrame(frame).assign(geometry=shapely.to_wkb(frame.geometry.to_numpy()))
    return frame


def by_department(demo: Dataset, layer: str, value: str, **filters: str) -> pd.Series:
    frame = demo[layer]
    for column, wanted in filters.items():
        frame = frame[frame[column] == wanted]
    department = frame["area_id"].map(demo.areas.set_index("area_id")["admin1"])
    return frame.groupby(department)[value].sum()


# ----------------------------------------------------------------------------- the seed

def test_same_seed_gives_identical_layers_and_about() -> None:
    first, second = build_demo(seed=7), build_demo(seed=7)
    assert first.about == second.about
    assert first.layers.keys() == second.layers.keys()
    for name in first.layers:
        pd.testing.assert_frame_equal(comparable(first[name]), comparable(second[name]), obj=name)


def test_another_seed_changes_the_figures_but_not_the_geography(demo: Dataset) -> None:
    other = build_demo(seed=DEFAULT_SEED + 1)
    for name in ("cases", "migration", "sectors", "sites"):
        assert not comparable(demo[name]).equals(comparable(other[name])), f"{name} did not change with the seed"
    pd.testing.assert_frame_equal(comparable(demo.areas), comparable(other.areas))
    official = [d["crossings"][d["crossings"]["kind"] == "official"] for d in (demo, other)]
    pd.testing.assert_frame_equal(comparable(official[0]), comparable(official[1]))
    assert other.about["seed"] == str(DEFAULT_SEED + 1)


def test_about_says_the_figures_are_synthetic_and_credits_sources(demo: Dataset) -> None:
    about = demo.about
    assert about["synthetic"] == "true" and demo.synthetic
    assert about["seed"] == str(DEFAULT_SEED)
    assert about["generator"] and about["title"] and "SINTÉTICAS" in about["title"]
    assert "GeoNames" in about["attribution"] and "CC BY 4.0" in about["attribution"]
    assert "Natural Earth" in about["attribution"] and "public domain" in about["attribution"]
    assert "Lab TecnoSocial" in about["attribution"] and "Lab TecnoSocial" in about["sources"]
    assert "municipal populations" in about["synthetic_parts"]


# ----------------------------------------------------------------------------- the contract

def test_every_layer_has_the_contract_columns_and_types(demo: Dataset) -> None:
    for name, layer in LAYERS.items():
        frame = demo[name]
        assert set(layer.required_columns) <= set(frame.columns), name
        if layer.geometry != "none" and layer.geometry_required:
            assert frame.crs.to_string() == CRS, name
        columns = [c for c in layer.columns if c.name in frame.columns]
        for column in columns:
            values = frame[column.name]
            where = f"{name}.{column.name}"
            if column.type == "int":
                assert values.dtype == "int64" and (values >= 0).all(), where
            elif column.type == "bool":
                assert values.dtype == bool, where
            elif column.type == "period":
                assert values.map(lambda v: bool(re.fullmatch(r"\d{4}", v))).all(), where
            elif column.type == "date":
                assert values.map(lambda v: bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", v))).all(), where
            elif column.type == "probability":  # filled where selection is random, empty elsewhere
                assert (values.dropna() > 0).all() and (values.dropna() <= 1).all(), where
            elif column.type == "hhmm":
                assert values.map(lambda v: bool(re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v))).all(), where
            elif column.type == "choice":
                assert set(values) <= set(column.choices), where
            else:
                assert values.map(lambda v: isinstance(v, str) and v != "").all(), where
            if column.unique:
                assert values.is_unique, where
            if column.references:
                ref_layer, ref_col = column.references.split(".")
                assert set(values) <= set(demo[ref_layer][ref_col]), where
    nat = [c for c in demo["migration"].columns if c.startswith("nat_")]
    assert {"nat_VEN", "nat_PER", "nat_ARG", "nat_BRA", "nat_CHL", "nat_COL"} <= set(nat)
    assert all(demo["migration"][c].dtype == "int64" and (demo["migration"][c] >= 0).all() for c in nat)


# ----------------------------------------------------------------------------- cases

@pytest.mark.parametrize("seed", [DEFAULT_SEED, 1, 99])
def test_about_400_cases_a_year_nationally(seed: int) -> None:
    cases = build_demo(seed=seed)["cases"]
    per_year = cases.groupby("period")["cases"].sum()
    assert list(per_year.index) == [str(y) for y in range(2016, 2025)]
    assert per_year.between(300, 500).all(), per_year.to_dict()
    assert 370 <= per_year.mean() <= 430


def test_victims_are_never_fewer_than_cases_and_every_type_occurs(demo: Dataset) -> None:
    cases = demo["cases"]
    assert (cases["victims"] >= cases["cases"]).all()
    assert cases["victims"].sum() > cases["cases"].sum()
    totals = cases.groupby("exploitation")["cases"].sum()
    assert set(totals.index) == set(EXPLOITATION_TYPES) and (totals > 0).all()
    assert totals["sexual"] > totals["labour"] > totals["other"]


def test_labour_exploitation_weighs_more_in_mining_potosi_than_in_santa_cruz(demo: Dataset) -> None:
    labour = by_department(demo, "cases", "cases", exploitation="labour")
    total = by_department(demo, "cases", "cases")
    share = labour / total
    assert share["Potosí"] > share["Santa Cruz"]
    assert share["Pando"] > share["Cochabamba"]  # Brazil-nut harvest vs an urban department


def test_sexual_exploitation_concentrates_in_the_big_cities(demo: Dataset) -> None:
    sexual = by_department(demo, "cases", "cases", exploitation="sexual")
    assert sexual[["La Paz", "Santa Cruz", "Cochabamba"]].sum() > 0.6 * sexual.sum()


# ----------------------------------------------------------------------------- sectors

def test_mining_workers_concentrate_in_potosi_oruro_and_la_paz(demo: Dataset) -> None:
    mining = by_department(demo, "sectors", "workers", sector="mining")
    assert mining[["Potosí", "Oruro", "La Paz"]].sum() > 0.75 * mining.sum()
    assert mining.nlargest(3).index.isin(["Potosí", "Oruro", "La Paz"]).all()


def test_brazil_nut_only_in_pando_and_beni_and_cane_in_santa_cruz_and_tarija(demo: Dataset) -> None:
    nut = by_department(demo, "sectors", "workers", sector="brazil nut")
    cane = by_department(demo, "sectors", "workers", sector="sugar cane")
    assert set(nut[nut > 0].index) == {"Pando", "Beni"}
    assert set(cane[cane > 0].index) == {"Santa Cruz", "Tarija"}


def test_sectors_layer_uses_the_contract_sector_names(demo: Dataset) -> None:
    assert set(demo["sectors"]["sector"]) == set(HIGH_RISK_SECTORS)


# ----------------------------------------------------------------------------- migration

def test_venezuelan_entries_are_highest_at_pisiga_and_desaguadero(demo: Dataset) -> None:
    venezuelans = demo["migration"].groupby("crossing_id")["nat_VEN"].sum()
    assert set(venezuelans.nlargest(2).index) == {"PISIGA", "DESAGUADERO"}


def test_nationalities_never_exceed_entries_and_unofficial_crossings_are_all_irregular(demo: Dataset) -> None:
    migration = demo["migration"]
    nat = migration[[c for c in migration.columns if c.startswith("nat_")]].sum(axis=1)
    assert (nat <= migration["entries"]).all()
    assert (migration["irregular"] <= migration["entries"]).all()
    kinds = migration["crossing_id"].map(demo["crossings"].set_index("crossing_id")["kind"])
    unofficial = migration[kinds == "unofficial"]
    assert len(unofficial) > 0
    assert (unofficial["entries"] == unofficial["irregular"]).all() and (unofficial["exits"] == 0).all()


def test_border_traffic_drops_in_the_2020_closures(demo: Dataset) -> None:
    entries = demo["migration"].groupby("period")["entries"].sum()
    assert entries["2020"] < 0.6 * entries["2019"]


# ----------------------------------------------------------------------------- sites

def test_about_300_sites_each_inside_its_area(demo: Dataset) -> None:
    sites = demo["sites"]
    assert 280 <= len(sites) <= 320
    areas = demo.areas.set_index("area_id").geometry
    inside = [areas[a].contains(p) for a, p in zip(sites["area_id"], sites.geometry)]
    assert all(inside)


def test_sites_are_named_synthetic_with_sensible_hours(demo: Dataset) -> None:
    sites = demo["sites"]
    assert sites["name"].str.fullmatch(r".+ \(sintético\) #\d+").all()
    assert sites["name"].is_unique
    assert (sites["open_from"] < sites["open_to"]).all()  # HH:MM text sorts like time
    assert sites["service_minutes"].between(15, 240).all()
    assert 1 <= sites["must_visit"].sum() <= 30
    assert set(sites["sector"]) <= set(HIGH_RISK_SECTORS)


def test_mining_sites_are_in_mining_departments(demo: Dataset) -> None:
    sites = demo["sites"]
    mining = sites[sites["sector"] == "mining"]
    department = mining["area_id"].map(demo.areas.set_index("area_id")["admin1"])
    assert len(mining) >= 10
    assert department.isin(["Potosí", "Oruro", "La Paz"]).mean() > 0.7


def test_different_seeds_agree_on_the_shape(demo: Dataset) -> None:
    """The rules, not the luck of one seed, put mining in Potosí and Venezuelans at Pisiga."""
    for seed in (3, 11):
        other = build_demo(seed=seed)
        mining = by_department(other, "sectors", "workers", sector="mining")
        assert mining[["Potosí", "Oruro", "La Paz"]].sum() > 0.75 * mining.sum()
        venezuelans = other["migration"].groupby("crossing_id")["nat_VEN"].sum()
        assert set(venezuelans.nlargest(2).index) == {"PISIGA", "DESAGUADERO"}
        assert np.isclose(len(other["sites"]), 300, atol=20)


def test_planted_trends_give_the_emerging_hotspot_view_something_to_show(demo: Dataset) -> None:
    """The demo plants rising cases in three regions (``PLANTED_GROWTH``) within the same national total,
    so a user opening the emerging-hotspot view on the demo sees classes, not 343 areas of "no pattern";
    the hot ones lie in or next to the planted regions (neighbours share a Gi* cluster)."""
    from risk.pipeline import ScoreConfig, prepare

    emerging = prepare(demo, ScoreConfig(permutations=99, draws=50)).emerging
    rising = emerging[emerging.isin(["new", "consecutive", "intensifying", "persistent", "sporadic"])]
    assert len(rising) >= 2, emerging.value_counts().to_dict()
    assert emerging.isin(["consecutive", "intensifying", "persistent"]).any(), "hot for more than the last year"
    areas = demo.areas.set_index("area_id")
    profile = area_profile(demo.areas, *anchors(demo.areas, bolivian_places()), demo["crossings"])
    planted = shapely.union_all(areas.geometry[planted_trend(profile, YEARS[-1]) > 1].to_numpy())
    near = areas.geometry[rising.index].intersects(planted.buffer(1e-6))
    assert near.all(), list(areas.loc[near[~near].index, "name"])
