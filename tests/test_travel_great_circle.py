"""Great-circle travel estimates as a planner uses them: no road data, explainable numbers."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from geodata.travel import GreatCircleTravel, TravelMatrix, haversine_km, in_lowlands, travel_matrix

LA_PAZ = (-68.15, -16.5)
SANTA_CRUZ = (-63.181, -17.786)
ORURO = (-67.1167, -17.9667)
TRINIDAD = (-64.9, -14.83)
COCHABAMBA = (-66.16, -17.39)


def test_la_paz_to_santa_cruz_is_about_550_km_straight_and_135_percent_by_road() -> None:
    m = travel_matrix([LA_PAZ], [SANTA_CRUZ])
    assert m.method == "great_circle"
    straight = haversine_km(*LA_PAZ, *SANTA_CRUZ)
    assert 540 < straight < 560
    assert m.km[0, 0] == pytest.approx(straight * 1.35)
    # La Paz is highland (45 km/h), Santa Cruz lowland (30 km/h): the leg runs at 37.5 km/h.
    assert m.minutes[0, 0] == pytest.approx(m.km[0, 0] / 37.5 * 60)
    assert not m.fallback.any()


def test_minutes_follow_the_configured_speed_on_the_altiplano() -> None:
    model = GreatCircleTravel(detour=1.2, speed_kmh=60.0)
    m = model.matrix([LA_PAZ], [ORURO])
    assert m.km[0, 0] == pytest.approx(haversine_km(*LA_PAZ, *ORURO) * 1.2)
    assert m.minutes[0, 0] == pytest.approx(m.km[0, 0])  # 60 km/h: one km per minute


def test_square_matrix_is_symmetric_with_zero_diagonal() -> None:
    m = travel_matrix([LA_PAZ, SANTA_CRUZ, ORURO, TRINIDAD, COCHABAMBA])
    assert m.shape == (5, 5)
    np.testing.assert_array_equal(np.diag(m.minutes), 0.0)
    np.testing.assert_array_equal(np.diag(m.km), 0.0)
    np.testing.assert_allclose(m.minutes, m.minutes.T)
    np.testing.assert_allclose(m.km, m.km.T)
    assert (m.minutes[~np.eye(5, dtype=bool)] > 0).all()


def test_rectangular_matrix_has_origins_as_rows() -> None:
    m = travel_matrix([LA_PAZ, ORURO], [SANTA_CRUZ, TRINIDAD, COCHABAMBA])
    assert m.shape == (2, 3)
    assert m.km[1, 0] == pytest.approx(haversine_km(*ORURO, *SANTA_CRUZ) * 1.35)


def test_a_lowland_leg_takes_longer_than_an_altiplano_leg_of_equal_length() -> None:
    assert in_lowlands(np.array([TRINIDAD, SANTA_CRUZ])).all()
    assert not in_lowlands(np.array([LA_PAZ, ORURO, COCHABAMBA])).any()
    lowland = travel_matrix([TRINIDAD], [(TRINIDAD[0], TRINIDAD[1] + 0.5)])  # 0.5° due north
    altiplano = travel_matrix([ORURO], [(ORURO[0], ORURO[1] + 0.5)])
    assert lowland.km[0, 0] == pytest.approx(altiplano.km[0, 0])
    assert lowland.minutes[0, 0] == pytest.approx(altiplano.minutes[0, 0] * 45 / 30)


def test_one_speed_everywhere_when_lowland_speed_equals_highland_speed() -> None:
    model = GreatCircleTravel(speed_kmh=40.0, lowland_speed_kmh=40.0)
    np.testing.assert_array_equal(model.speed_at([TRINIDAD, LA_PAZ]), [40.0, 40.0])


def test_points_in_a_projected_crs_give_the_same_matrix_as_lon_lat() -> None:
    points = gpd.GeoSeries([Point(LA_PAZ), Point(ORURO), Point(SANTA_CRUZ)], crs="EPSG:4326")
    projected = gpd.GeoDataFrame({"name": ["LPZ", "ORU", "SCZ"]}, geometry=points.to_crs("EPSG:32720"))
    np.testing.assert_allclose(travel_matrix(projected).minutes, travel_matrix(points).minutes, rtol=1e-9)


def test_the_matrix_is_read_only_so_plans_cannot_corrupt_it() -> None:
    m = travel_matrix([LA_PAZ, ORURO])
    assert isinstance(m, TravelMatrix)
    with pytest.raises(ValueError):
        m.minutes[0, 1] = 0.0


@pytest.mark.parametrize("kwargs", [{"detour": 0.9}, {"speed_kmh": 0.0}, {"lowland_speed_kmh": -5.0}])
def test_impossible_settings_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        GreatCircleTravel(**kwargs)


bolivian_points = st.lists(
    st.tuples(st.floats(-69.6, -57.5), st.floats(-22.9, -9.7)), min_size=3, max_size=8
)


@settings(max_examples=40, deadline=None)
@given(bolivian_points)
def test_km_obey_the_triangle_inequality(points: list[tuple[float, float]]) -> None:
    km = travel_matrix(points).km
    n = len(points)
    for k in range(n):
        assert (km <= km[:, [k]] + km[[k], :] + 1e-6).all()
    np.testing.assert_allclose(km, km.T)
