"""The road model on Bolivia's real Red Vial Fundamental skeleton (../shared/, never shipped).

The derived graph CSVs are turned into a road file the way a user would hand one in
(a GeoJSON of lines, written to a temporary folder) and loaded through ``from_file``.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Geod
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components, dijkstra

from geodata.travel import RoadNetworkTravel, haversine_km, travel_matrix

pytestmark = pytest.mark.shared

SPEED = 50.0  # km/h, the default road speed: the files carry no speed attribute
LA_PAZ = (-68.15, -16.5)
ORURO = (-67.1167, -17.9667)


@pytest.fixture(scope="module")
def graph_csv(shared_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    folder = shared_dir / "data" / "bolivia" / "roads" / "travelmapping_bolf"
    nodes = pd.read_csv(folder / "derived_graph_nodes.csv").set_index("node_id")
    edges = pd.read_csv(folder / "derived_graph_edges.csv")
    return nodes, edges


def edge_lines(nodes: pd.DataFrame, edges: pd.DataFrame) -> gpd.GeoDataFrame:
    """One two-point LineString per derived edge, route name kept."""
    start = nodes.loc[edges["from_node"], ["lon", "lat"]].to_numpy()
    end = nodes.loc[edges["to_node"], ["lon", "lat"]].to_numpy()
    geometry = shapely.linestrings(np.stack([start, end], axis=1))
    return gpd.GeoDataFrame({"route": edges["route"].to_numpy()}, geometry=geometry, crs="EPSG:4326")


@pytest.fixture(scope="module")
def roads(graph_csv: tuple[pd.DataFrame, pd.DataFrame], tmp_path_factory: pytest.TempPathFactory) -> RoadNetworkTravel:
    path = tmp_path_factory.mktemp("roads") / "bolivia_rvf.geojson"
    edge_lines(*graph_csv).to_file(path, driver="GeoJSON")
    return RoadNetworkTravel.from_file(path)


def test_la_paz_to_oruro_by_road_is_plausible(roads: RoadNetworkTravel) -> None:
    m = roads.matrix([LA_PAZ], [ORURO])
    straight = haversine_km(*LA_PAZ, *ORURO)
    assert not m.fallback.any()
    assert 1.0 * straight <= m.km[0, 0] <= 1.6 * straight  # ~220 km of road for ~195 km straight
    assert 3.5 * 60 <= m.minutes[0, 0] <= 6 * 60


def test_the_two_road_components_are_found_and_crossing_pairs_fall_back(
    roads: RoadNetworkTravel, graph_csv: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    nodes, edges = graph_csv
    pos = pd.Series(np.arange(len(nodes)), index=nodes.index)
    adjacency = coo_matrix((np.ones(len(edges)), (pos[edges["from_node"]], pos[edges["to_node"]])),
                           shape=(len(nodes), len(nodes)))
    _, label = connected_components(adjacency, directed=False)
    small = np.flatnonzero(label != np.bincount(label).argmax())
    assert roads.component_count == 2 and len(small) == 17
    lonlat = nodes[["lon", "lat"]].to_numpy()
    m = roads.matrix([lonlat[small[0]], lonlat[small[-1]], LA_PAZ])
    assert not m.fallback[0, 1] and m.fallback[0, 2] and m.fallback[2, 1]
    assert np.isfinite(m.minutes).all()


def test_times_equal_a_plain_dijkstra_over_every_waypoint(
    roads: RoadNetworkTravel, graph_csv: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    """The folded junction graph must not change any answer."""
    nodes, edges = graph_csv
    lonlat = nodes[["lon", "lat"]].to_numpy()
    pos = pd.Series(np.arange(len(nodes)), index=nodes.index)
    i, j = pos[edges["from_node"]].to_numpy(), pos[edges["to_node"]].to_numpy()
    _, _, metres = Geod(ellps="WGS84").inv(lonlat[i, 0], lonlat[i, 1], lonlat[j, 0], lonlat[j, 1])
    weights = pd.DataFrame({"i": np.r_[i, j], "j": np.r_[j, i], "w": np.r_[metres, metres] / 1000 / SPEED * 60})
    weights = weights.groupby(["i", "j"], as_index=False)["w"].min()  # routes sharing a stretch
    graph = coo_matrix((weights["w"], (weights["i"], weights["j"])), shape=(len(nodes), len(nodes))).tocsr()
    pick = np.random.default_rng(5).choice(len(nodes), 80, replace=False)
    expected = dijkstra(graph, indices=pick)[:, pick]
    got = roads.matrix(lonlat[pick])
    reachable = np.isfinite(expected)
    np.testing.assert_allclose(got.minutes[reachable], expected[reachable], rtol=1e-9, atol=1e-9)
    # One speed everywhere: the fastest path is the shortest, so km = minutes at 50 km/h.
    np.testing.assert_allclose(got.km[reachable], expected[reachable] * SPEED / 60, rtol=1e-9, atol=1e-9)
    np.testing.assert_array_equal(got.fallback, ~reachable)


def test_whole_routes_as_single_lines_give_the_same_times_as_edge_pieces(
    roads: RoadNetworkTravel, graph_csv: tuple[pd.DataFrame, pd.DataFrame]
) -> None:
    """Routes meet at shared vertices in the middle of lines: they must still connect."""
    nodes, edges = graph_csv
    pieces = edge_lines(nodes, edges)
    routes = pieces.dissolve("route")
    routes["geometry"] = shapely.line_merge(routes.geometry.values)
    whole = RoadNetworkTravel.from_lines(routes)
    assert whole.component_count == roads.component_count
    points = nodes[["lon", "lat"]].to_numpy()[::97]
    np.testing.assert_allclose(whole.matrix(points).minutes, roads.matrix(points).minutes, rtol=1e-9)


def test_a_500_by_500_matrix_of_random_bolivian_points_completes(roads: RoadNetworkTravel) -> None:
    rng = np.random.default_rng(42)
    points = np.column_stack([rng.uniform(-69.5, -57.6, 500), rng.uniform(-22.8, -9.8, 500)])
    m = travel_matrix(points, rng.permutation(points), roads=roads)
    assert m.shape == (500, 500)
    assert np.isfinite(m.minutes).all() and (m.minutes >= 0).all()
    assert (m.km >= 0).all()
