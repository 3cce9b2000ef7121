"""Spatial weights: queen contiguity, islands linked to their nearest areas, clear errors."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from hotspot_grids import grid_areas

from risk.weights import h3_weights, spatial_weights


def test_queen_neighbours_on_a_grid_include_corners_and_rows_sum_to_one() -> None:
    areas = grid_areas(3)
    w = spatial_weights(areas)
    assert w.id_order == areas["area_id"].tolist()
    assert sorted(w.neighbors["r01c01"]) == sorted(set(areas["area_id"]) - {"r01c01"})
    assert sorted(w.neighbors["r00c00"]) == ["r00c01", "r01c00", "r01c01"]
    assert w.transform.lower() == "r"
    assert np.allclose(np.asarray(w.sparse.sum(axis=1)).ravel(), 1.0)


@pytest.mark.parametrize("crs", [3857, 4326])
def test_an_island_gets_its_k_nearest_areas_both_ways(crs: int) -> None:
    areas = grid_areas(4, crs=crs)
    # An island two cells to the right of the grid's upper-right corner (3 cells from
    # r03c03, 3.2 from r02c03, 3.6 from r01c03, 4 from r03c02).
    island = gpd.GeoDataFrame({"area_id": ["island"], "row": [3], "col": [6]},
                              geometry=[shapely.box(6, 3, 7, 4)], crs=crs)
    areas = pd.concat([areas, island], ignore_index=True)
    w = spatial_weights(areas, k=3)
    assert w.islands == []
    nearest = set(w.neighbors["island"])
    assert nearest == {"r03c03", "r02c03", "r01c03"}
    for other in nearest:
        assert "island" in w.neighbors[other]
    # Mainland areas keep their contiguity neighbours.
    assert "r03c02" in w.neighbors["r03c03"]


def test_k_larger_than_the_other_areas_links_them_all() -> None:
    areas = gpd.GeoDataFrame({"area_id": ["a", "b", "c"]},
                             geometry=[shapely.box(0, 0, 1, 1), shapely.box(5, 0, 6, 1),
                                       shapely.box(0, 9, 1, 10)], crs=3857)
    w = spatial_weights(areas, k=10)
    assert {k: sorted(v) for k, v in w.neighbors.items()} == {
        "a": ["b", "c"], "b": ["a", "c"], "c": ["a", "b"]}


def test_whole_countries_far_apart_still_get_neighbours() -> None:
    # Bolivia-sized squares on two continents, in degrees: contiguity alone gives none.
    areas = gpd.GeoDataFrame({"area_id": ["BOL", "PER", "ESP"]},
                             geometry=[shapely.box(-69, -22, -58, -10), shapely.box(-81, -18, -69, 0),
                                       shapely.box(-9, 36, 3, 43)], crs=4326)
    w = spatial_weights(areas, k=1)
    assert "PER" in w.neighbors["BOL"]  # touching boxes: contiguity
    assert len(w.neighbors["ESP"]) == 1  # the island's single nearest country
    assert "ESP" in w.neighbors[w.neighbors["ESP"][0]]


@pytest.mark.parametrize(
    ("frame", "message"),
    [
        (gpd.GeoDataFrame({"area_id": ["a"]}, geometry=[shapely.box(0, 0, 1, 1)], crs=3857),
         "at least 2 areas"),
        (gpd.GeoDataFrame({"code": ["a", "b"]}, geometry=[shapely.box(0, 0, 1, 1)] * 2, crs=3857),
         "'area_id' column"),
        (gpd.GeoDataFrame({"area_id": ["a", "a"]},
                          geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], crs=3857),
         "repeat"),
        (gpd.GeoDataFrame({"area_id": ["a", None]},
                          geometry=[shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)], crs=3857),
         "no area_id"),
        (gpd.GeoDataFrame({"area_id": ["a", "b"]},
                          geometry=[shapely.box(0, 0, 1, 1), shapely.Polygon()], crs=3857),
         "no geometry"),
    ],
)
def test_unusable_areas_are_refused_with_a_reason(frame: gpd.GeoDataFrame, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        spatial_weights(frame)


@pytest.mark.shared
def test_real_municipalities_leave_no_island(shared_dir) -> None:
    areas = gpd.read_file(shared_dir / "data/bolivia/municipios/municipios_bolivia_2024.gpkg",
                          layer="municipios").rename(columns={"codigo_ine": "area_id"})
    w = spatial_weights(areas)
    assert w.n == 343 and w.islands == []
    # 040902 touches no other municipality's vertices in the file: it gets 4 nearest.
    assert len(w.neighbors["040902"]) == 4
    assert np.allclose(np.asarray(w.sparse.sum(axis=1)).ravel(), 1.0)


def test_h3_cells_neighbour_through_shared_edges() -> None:
    import h3  # in the test extra
    centre = h3.latlng_to_cell(-16.5, -68.15, 7)
    cells = sorted(h3.grid_disk(centre, 2))
    w = h3_weights(cells)
    assert len(w.neighbors[centre]) == 6
    assert set(w.neighbors[centre]) == set(h3.grid_ring(centre, 1))
    assert all(2 <= len(w.neighbors[c]) <= 6 for c in cells)
    assert np.allclose(np.asarray(w.sparse.sum(axis=1)).ravel(), 1.0)
