"""The demo's synthetic inspection history: biased towards offices, a random share with probabilities,
victims from a hidden true yield; it loads as a valid layer and leaves the other figures alone."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geodata.demo.history import HISTORY_YEARS, RANDOM_VISITS, office_km, true_yield
from geodata.load import load_dataset


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path):
    return load_dataset(demo_gpkg)


def test_three_years_of_visits_load_as_the_inspections_layer(demo) -> None:
    history = demo.layers["inspections"]
    assert sorted(history["date"].str[:4].unique()) == [str(y) for y in HISTORY_YEARS]
    assert history["inspection_id"].is_unique
    assert set(history["site_id"]) <= set(demo.layers["sites"]["site_id"])
    assert "SYNTHETIC" in demo.about["inspections"]
    random = history[history["selection"] == "random"]
    others = history[history["selection"] != "random"]
    assert random["selection_probability"].between(0, 1, inclusive="right").all()
    assert others["selection_probability"].isna().all()
    per_year = random.groupby(random["date"].str[:4]).size()
    assert (per_year > RANDOM_VISITS / 3).all() and (per_year < RANDOM_VISITS * 2).all()


def test_planned_visits_stay_near_offices_and_random_ones_do_not(demo) -> None:
    sites, history = demo.layers["sites"], demo.layers["inspections"]
    km = pd.Series(office_km(sites, demo.layers["offices"]), index=sites["site_id"])
    planned = km[history.loc[history["selection"] == "planned", "site_id"]].mean()
    random = km[history.loc[history["selection"] == "random", "site_id"]].mean()
    assert planned < 0.5 * km.mean(), "the trap: planned visits rarely reach distant sites"
    assert random > 0.7 * km.mean(), "random visits reach the whole country"


def test_victims_follow_the_hidden_yield_and_weighting_recovers_the_total(demo) -> None:
    sites, history = demo.layers["sites"], demo.layers["inspections"]
    truth = pd.Series(true_yield(sites, int(demo.about["seed"])), index=sites["site_id"])
    found = history.assign(truth=truth[history["site_id"]].to_numpy())
    high = found["truth"] >= found["truth"].quantile(0.75)
    assert found.loc[high, "victims"].mean() > 3 * found.loc[~high, "victims"].mean()
    # Inverse-probability weighting of the random visits estimates the victims a visit to EVERY
    # site would find in a year (sum of the true yields), which the biased planned visits cannot.
    random = history[history["selection"] == "random"]
    estimate = (random["victims"] / random["selection_probability"]).sum() / len(HISTORY_YEARS)
    assert abs(estimate - truth.sum()) < 0.35 * truth.sum(), (estimate, truth.sum())
    assert np.isfinite(estimate)
