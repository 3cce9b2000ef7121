"""Indicators: smoothing of small areas, travel-time reach of crossings, sector shares, missing layers."""

from __future__ import annotations

import numpy as np
import pandas as pd
from risk_datasets import full_dataset, grid_areas

from geodata.dataset import Dataset
from risk.indicators import SPECS, build_indicators, smoothed_rate


def test_every_indicator_documents_direction_unit_and_layers() -> None:
    for spec in SPECS.values():
        assert spec.direction in (-1, 1) and spec.unit and spec.layers and spec.description


def test_empirical_bayes_shrinks_a_tiny_areas_rate_towards_the_mean() -> None:
    events = np.array([1, 20, 80, 30, 100, 50], dtype=float)
    base = np.array([500, 100_000, 90_000, 110_000, 95_000, 105_000], dtype=float)
    raw = events / base
    smooth = smoothed_rate(events, base)
    mean = events.sum() / base.sum()
    assert abs(smooth[0] - mean) < abs(raw[0] - mean) / 2  # the 1-in-500 area moves most of the way
    assert abs(smooth[1] - raw[1]) < abs(raw[1] - mean)  # big areas keep most of their own rate
    assert np.isnan(smoothed_rate(np.array([1.0, 2.0]), np.array([0.0, 10.0])))[0]


def test_migration_pressure_falls_with_travel_time_from_the_crossing() -> None:
    table = build_indicators(full_dataset(side=6))
    values = table.values
    # X1 (50,000 entries a year) sits beside the south-west corner area A0000.
    entries = values["migration_entries"].to_dict()
    assert entries["A0000"] > entries["A0505"]
    assert values["migration_entries"].idxmax() in {"A0000", "A0100", "A0001"}


def test_sector_share_is_percent_of_residents_and_unknown_where_the_area_has_no_rows() -> None:
    dataset = full_dataset(side=4)
    sectors = dataset["sectors"]
    dataset.layers["sectors"] = sectors[sectors["area_id"] != "A0101"]
    values = build_indicators(dataset).values
    pop = dataset.areas.set_index("area_id")["population"]
    mining = sectors[(sectors["sector"] == "mining") & (sectors["area_id"] == "A0000")]["workers"].iloc[0]
    share = values["sector_mining"].to_dict()
    assert share["A0000"] == 100 * mining / pop["A0000"]
    assert np.isnan(share["A0101"])


def test_only_areas_gives_population_and_geography_and_says_why_the_rest_is_missing() -> None:
    table = build_indicators(Dataset(layers={"areas": grid_areas(3)}))
    assert list(table.values.columns) == ["population", "border_km"]
    assert set(table.missing) == {"cases", "crossings", "sectors"}
    # the centre of a 3 x 3 grid is the farthest from the outer edge
    assert table.values["border_km"].idxmax() == "A0101"
    assert isinstance(table.values, pd.DataFrame)
