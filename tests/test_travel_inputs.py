"""What a user (or a planner) gets back when the points handed to a travel model are wrong."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from geodata.problems import DataError
from geodata.travel import GreatCircleTravel, travel_matrix


def test_a_missing_coordinate_names_the_row_and_column() -> None:
    with pytest.raises(DataError) as err:
        travel_matrix([[-68.15, -16.5], [np.nan, -17.9]])
    [problem] = err.value.problems
    assert (problem.file, problem.row, problem.column) == ("origins", 2, "lon")


def test_lat_lon_order_is_caught_with_a_hint_to_swap() -> None:
    # (lat, lon) of La Paz passed where (lon, lat) is expected: Antarctica, not Bolivia.
    with pytest.raises(DataError) as err:
        travel_matrix([[-68.15, -16.5]], [[-16.5, -68.15]])
    [problem] = err.value.problems
    assert problem.file == "destinations" and problem.row == 1
    assert "swapped" in problem.hint


def test_a_latitude_beyond_90_degrees_is_out_of_range_and_says_swap() -> None:
    with pytest.raises(DataError) as err:
        travel_matrix([[-16.5, -98.0]])
    assert "swapped" in err.value.problems[0].hint


def test_projected_points_without_crs_ask_for_the_crs() -> None:
    points = gpd.GeoSeries([Point(600_000, 8_000_000)])  # metres, CRS forgotten
    with pytest.raises(DataError) as err:
        travel_matrix(points)
    assert "CRS" in err.value.problems[0].hint


def test_a_polygon_or_empty_geometry_is_reported_by_its_index_label() -> None:
    sites = gpd.GeoDataFrame(
        {"site_id": ["S1", "S2", "S3"]},
        geometry=[Point(-68.1, -16.5), box(-66.0, -19.0, -65.9, -18.9), None],
        crs="EPSG:4326",
    ).set_index("site_id")
    with pytest.raises(DataError) as err:
        travel_matrix(sites)
    by_row = {p.row: p for p in err.value.problems}
    assert set(by_row) == {2, 3}
    assert "S2" in by_row[2].message and "not a point" in by_row[2].message
    assert by_row[3].column == "geometry"


def test_many_bad_rows_are_summarised_not_listed_one_by_one() -> None:
    points = np.full((500, 2), np.nan)
    with pytest.raises(DataError) as err:
        travel_matrix(points)
    assert len(err.value.problems) <= 25
    assert any("more points" in p.message for p in err.value.problems)


@pytest.mark.parametrize(
    "points, error",
    [
        (np.empty((0, 2)), ValueError),
        (gpd.GeoSeries([], crs="EPSG:4326"), ValueError),
        (np.array([[-68.1, -16.5, 3600.0]]), ValueError),
        (pd.DataFrame({"lat": [-16.5], "lon": [-68.1]}), TypeError),
        ([["a", "b"]], TypeError),
    ],
)
def test_calling_mistakes_are_programming_errors_not_data_errors(points: object, error: type) -> None:
    with pytest.raises(error) as err:
        GreatCircleTravel().matrix(points)
    assert not isinstance(err.value, DataError)
