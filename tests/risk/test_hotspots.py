"""Hotspots: a planted cluster is found where it was planted, shuffled values are not (after FDR).

Also checks that the vectorised conditional randomisation reproduces esda's
p-values exactly when given esda's own random draws.
"""

from __future__ import annotations

import copy
import warnings

import numpy as np
import pandas as pd
import pytest
from hotspot_grids import block, grid_areas, noise

import risk.randomisation as randomisation
from risk.hotspots import CLASS_TEXT, GI_CLASSES, LISA_CLASSES, Hotspots, weights_matrix
from risk.randomisation import draw_table, tail_counts
from risk.weights import spatial_weights

SIDE = 15


@pytest.fixture(scope="module")
def grid():
    areas = grid_areas(SIDE)
    return areas, spatial_weights(areas)


def planted(areas, seed: int = 3) -> tuple[pd.Series, pd.Series]:
    """Background noise with a 4x4 block of areas at triple level in the lower-left quarter."""
    inside = block(areas, 2, 3, 4)
    values = noise(areas, seed)
    values[inside] *= 3.0
    return values, inside


def test_a_planted_cluster_is_found_where_it_was_planted(grid) -> None:
    areas, w = grid
    values, inside = planted(areas)
    hot = Hotspots(permutations=999, seed=1).fit(values, w)
    gi = hot.gi_class_
    is_hot = gi.str.startswith("hot")
    # The block's interior is hot, and most of the block (edge areas have half their
    # neighbours outside it); nothing far from it is.
    assert is_hot[["r03c04", "r03c05", "r04c04", "r04c05"]].all()
    assert is_hot[inside].mean() >= 0.5
    far = ~block(areas, 0, 0, 9)  # well outside the block and its neighbours
    assert not is_hot[far].any()
    assert not gi.str.startswith("cold")[inside].any()
    # The block's centre is hot at 95% or more even after FDR over 225 areas.
    assert gi["r03c04"] in {"hot_99", "hot_95"}
    # Local Moran: the block's interior is "high among high".
    assert (hot.lisa_class_[["r03c04", "r03c05", "r04c04", "r04c05"]] == "HH").all()
    assert set(gi) <= set(GI_CLASSES) and set(hot.lisa_class_) <= set(LISA_CLASSES)
    assert hot.table_.index.tolist() == w.id_order


def test_shuffled_values_give_no_hotspots_after_fdr_but_many_without(grid) -> None:
    areas, w = grid
    values, _ = planted(areas)
    rng = np.random.default_rng(11)
    flagged_fdr, flagged_raw, maps_with_any = 0, 0, 0
    shuffles = 6
    for _ in range(shuffles):
        shuffled = pd.Series(rng.permutation(values.to_numpy()), index=values.index)
        with_fdr = Hotspots(permutations=999, seed=2).fit(shuffled, w)
        without = Hotspots(permutations=999, seed=2, fdr=False).fit(shuffled, w)
        n_fdr = int((with_fdr.gi_class_ != "not_significant").sum())
        flagged_fdr += n_fdr
        maps_with_any += n_fdr > 0
        flagged_raw += int((without.gi_class_ != "not_significant").sum())
    tests = shuffles * len(areas)
    # Without correction ~10% of areas look "significant" at 90% by chance alone ...
    assert 0.04 < flagged_raw / tests < 0.16
    # ... with FDR (at most 10% false alarms among flagged areas) almost none do.
    assert flagged_fdr / tests < 0.005
    assert maps_with_any <= 1


def test_same_seed_same_output_and_the_seed_matters(grid) -> None:
    areas, w = grid
    values, _ = planted(areas)
    first = Hotspots(permutations=999, seed=5).fit(values, w).table_
    again = Hotspots(permutations=999, seed=5).fit(values, w).table_
    other = Hotspots(permutations=999, seed=6).fit(values, w).table_
    pd.testing.assert_frame_equal(first, again)
    assert not np.array_equal(first["gi_p"], other["gi_p"])


def test_normal_approximation_finds_the_planted_cluster_too(grid) -> None:
    areas, w = grid
    values, inside = planted(areas)
    hot = Hotspots(permutations=0).fit(values, w)
    assert hot.gi_class_.str.startswith("hot")[inside].mean() >= 0.5
    assert (hot.gi_z_[inside] > 0).all()


def test_values_without_variation_or_mostly_ties_are_not_hotspots(grid) -> None:
    areas, w = grid
    constant = pd.Series(2.0, index=areas["area_id"])
    hot = Hotspots(permutations=99).fit(constant, w)
    assert (hot.gi_class_ == "not_significant").all() and (hot.lisa_class_ == "not_significant").all()
    # Counts that are zero almost everywhere: a zero among zeros is not a "cold spot".
    sparse_counts = pd.Series(0.0, index=areas["area_id"])
    sparse_counts[["r07c07", "r12c01"]] = 3.0
    hot = Hotspots(permutations=999, fdr=False).fit(sparse_counts, w)
    assert not hot.gi_class_.str.startswith("cold").any()


def test_values_must_match_the_weights(grid) -> None:
    areas, w = grid
    values = noise(areas, 0)
    with pytest.raises(ValueError, match="no value for areas"):
        Hotspots(permutations=9).fit(values.drop("r00c00"), w)
    with pytest.raises(ValueError, match="not in the weights"):
        Hotspots(permutations=9).fit(pd.concat([values, pd.Series({"zz": 1.0})]), w)
    values["r01c01"] = np.nan
    with pytest.raises(ValueError, match="r01c01"):
        Hotspots(permutations=9).fit(values, w)


@pytest.mark.parametrize("chunk_elements", [8_000_000, 199 * 8 * 5, 199 * 8 * 60])
def test_vectorised_randomisation_reproduces_esda(grid, monkeypatch, chunk_elements: int) -> None:
    """Same draws as esda -> same pseudo p-values as esda.G_Local (Gi*) and esda.Moran_Local."""
    from esda import G_Local, Moran_Local
    from esda.crand import vec_permutations

    monkeypatch.setattr(randomisation, "_CHUNK_ELEMENTS", chunk_elements)  # also many small chunks
    areas, w = grid
    y = noise(areas, 9).to_numpy()
    permutations, seed = 199, 7
    _, matrix = weights_matrix(w)
    binary = (matrix != 0).astype(float).tocsr()
    table = vec_permutations(int(np.diff(binary.indptr).max()), len(y), permutations, seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        esda_gi = G_Local(y, copy.deepcopy(w), transform="B", star=True,
                          permutations=permutations, seed=seed, n_jobs=1)
        esda_lisa = Moran_Local(y, copy.deepcopy(w), permutations=permutations, seed=seed, n_jobs=1)

    counts = tail_counts(y[:, None], binary, table, (binary @ y)[:, None], lambda rows, cols, sums: sums)
    np.testing.assert_allclose((counts[:, 0] + 1) / (permutations + 1), esda_gi.p_sim, atol=1e-6)

    z = (y - y.mean()) / y.std()
    lag = matrix @ z
    counts = tail_counts(z[:, None], matrix, table, (z * lag)[:, None],
                         lambda rows, cols, sums: z[None, None, rows] * sums)
    np.testing.assert_allclose((counts[:, 0] + 1) / (permutations + 1), esda_lisa.p_sim, atol=1e-6)

    # The analytical Gi* z-score is esda's for binary weights with the area itself included.
    hot = Hotspots(permutations=0).fit(pd.Series(y, index=w.id_order), w)
    np.testing.assert_allclose(hot.gi_z_.to_numpy(), esda_gi.Zs, atol=1e-10)


@pytest.mark.parametrize(("n", "k"), [(6, 5), (40, 6), (50_000, 8)])
def test_draw_table_gives_distinct_positions_skipping_the_focal_area(n: int, k: int) -> None:
    table = draw_table(n, k, 3000, 4)
    assert table.shape == (3000, k)
    assert table.min() >= 0 and table.max() <= n - 2
    assert all(len(set(row)) == k for row in table.tolist())
    np.testing.assert_array_equal(table, draw_table(n, k, 3000, 4))
    # Uniform: every position drawn about equally often (within ~4 standard errors).
    if n < 100:
        frequency = np.bincount(table.ravel(), minlength=n - 1) / table.size
        assert np.allclose(frequency, 1 / (n - 1), rtol=0.2)


def test_every_class_has_plain_words_in_both_languages() -> None:
    for label in GI_CLASSES + LISA_CLASSES:
        assert set(CLASS_TEXT[label]) == {"en", "es"}
        assert all(len(text) > 40 for text in CLASS_TEXT[label].values())


def test_refinement_lifts_the_p_value_floor_only_where_it_matters(grid, monkeypatch) -> None:
    areas, w = grid
    values, _ = planted(areas)
    coarse = Hotspots(permutations=999, seed=4, refine=False).fit(values, w)
    fine = Hotspots(permutations=999, seed=4).fit(values, w)
    floor = 2 / 1000
    assert coarse.gi_p_.min() >= floor
    assert fine.gi_p_["r03c04"] < floor  # the cluster's centre, refined to 9,999 draws
    ordinary = coarse.gi_p_ > 0.05  # far from the tail: never refined, so unchanged
    pd.testing.assert_series_equal(coarse.gi_p_[ordinary], fine.gi_p_[ordinary])
    # A round over budget is skipped: the result is the unrefined one.
    monkeypatch.setattr(randomisation, "REFINE_BUDGET", 0)
    skipped = Hotspots(permutations=999, seed=4).fit(values, w)
    pd.testing.assert_series_equal(skipped.gi_p_, coarse.gi_p_)
