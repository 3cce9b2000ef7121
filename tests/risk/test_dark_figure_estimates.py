"""Multiple systems estimation on tables whose answer is known: by hand, by simulation, or published."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from risk.capture_table import CaptureTable
from risk.dark_figure import MAIN_EFFECTS, MultipleSystems, NotIdentifiable, estimate_strata

DATA = Path(__file__).parent / "data"


def _table(rows: Sequence[tuple[int, ...]], names: str) -> CaptureTable:
    columns = names.split()
    return CaptureTable.from_frame(pd.DataFrame(rows, columns=[*columns, "count"]))


def test_two_lists_give_the_lincoln_petersen_estimate() -> None:
    # 40 on list a, 30 on list b, 10 on both: N = n1 * n2 / m = 40 * 30 / 10 = 120.
    fit = MultipleSystems().fit(_table([(1, 0, 30), (0, 1, 20), (1, 1, 10)], "a b"))
    assert fit.estimate_ == pytest.approx(120, rel=1e-6)
    assert fit.observed_ == 60 and fit.dark_ == pytest.approx(60, rel=1e-6)
    assert fit.model_.label == MAIN_EFFECTS
    assert "not identifiable" in fit.excluded_terms_["a:b"], "with two lists a:b is the unobserved cell's twin"
    assert 60 < fit.low_ < 120 < fit.high_


def test_lists_that_never_overlap_are_refused_with_the_reason() -> None:
    for rows, names in (([(1, 0, 30), (0, 1, 20)], "police ngo"),
                        ([(1, 0, 0, 30), (0, 1, 0, 20), (0, 0, 1, 5)], "police ngo labour")):
        with pytest.raises(NotIdentifiable, match="never overlap") as refused:
            MultipleSystems().fit(_table(rows, names))
        assert "no estimate exists" in refused.value.reason


def test_one_list_with_people_is_refused() -> None:
    with pytest.raises(NotIdentifiable, match="at least two lists"):
        MultipleSystems().fit(_table([(1, 0, 30)], "police ngo"))


def test_adding_an_empty_list_changes_nothing() -> None:
    frame = pd.read_csv(DATA / "uk_2013_five_lists.csv")
    before = MultipleSystems(criterion="aic").fit(CaptureTable.from_frame(frame))
    with_empty = frame.assign(shelter=0)
    after = MultipleSystems(criterion="aic").fit(CaptureTable.from_frame(with_empty))
    assert after.dropped_lists_ == ["shelter"] and any("shelter" in n for n in after.notes_)
    assert after.model_.label == before.model_.label
    assert (after.estimate_, after.low_, after.high_) == pytest.approx((before.estimate_, before.low_, before.high_))


def test_the_same_seed_gives_the_same_bootstrap_interval() -> None:
    table = _table([(1, 0, 0, 60), (0, 1, 0, 45), (0, 0, 1, 30), (1, 1, 0, 12), (1, 0, 1, 8),
                    (0, 1, 1, 6), (1, 1, 1, 2)], "a b c")
    runs = [MultipleSystems(interval="bootstrap", draws=99, top=2, seed=seed).fit(table) for seed in (7, 7, 8)]
    assert (runs[0].low_, runs[0].high_) == (runs[1].low_, runs[1].high_)
    assert (runs[0].low_, runs[0].high_) != (runs[2].low_, runs[2].high_)
    assert runs[0].low_ < runs[0].estimate_ < runs[0].high_


def test_an_interaction_whose_estimate_does_not_exist_is_left_out() -> None:
    # SparseMSE's Artificial_3 (Chan, Silverman & Vincent 2021, Table 2): list C overlaps nobody, so
    # A:C and B:C are unestimable, and with A:B in the model the estimate does not exist at all (LP test).
    fit = MultipleSystems(criterion="aic").fit(_table([(1, 0, 0, 40), (0, 1, 0, 30), (0, 0, 1, 20),
                                                       (1, 1, 0, 6)], "A B C"))
    assert fit.model_.label == MAIN_EFFECTS
    assert "nobody is on both A and C" in fit.excluded_terms_["A:C"]
    assert "nobody is on both B and C" in fit.excluded_terms_["B:C"]
    assert "does not exist" in fit.excluded_terms_["A:B"]


def _simulate(rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Four lists; fiscalia finds 60% of the police's victims but 10% of the others (planted dependence)."""
    draws = rng.random((n, 4))
    police = draws[:, 0] < 0.25
    fiscalia = draws[:, 1] < np.where(police, 0.6, 0.1)
    found = np.column_stack([police, fiscalia, draws[:, 2] < 0.15, draws[:, 3] < 0.2]).astype(int)
    found = found[found.any(axis=1)]
    frame = pd.DataFrame(found, columns=["police", "fiscalia", "labour", "ngo"])
    return frame.value_counts().rename("count").reset_index()


def test_a_planted_dependence_is_found_and_the_true_total_is_covered() -> None:
    """Ten seeded populations of 6,000: the dependence is detected and the 95% intervals cover the truth."""
    fits = [MultipleSystems().fit(CaptureTable.from_frame(_simulate(np.random.default_rng(seed), 6000)))
            for seed in range(10)]
    assert all("police:fiscalia" in fit.model_.label for fit in fits)
    assert sum(fit.low_ <= 6000 <= fit.high_ for fit in fits) >= 8
    assert np.median([abs(fit.estimate_ - 6000) / 6000 for fit in fits]) < 0.05
    sensitivity = fits[0].sensitivity_
    assert sensitivity["chosen"].sum() == 1
    assert sensitivity.loc[sensitivity["chosen"], "estimate"].item() == fits[0].estimate_


def test_strata_too_sparse_are_refused_and_the_others_estimated() -> None:
    good = _simulate(np.random.default_rng(1), 3000).assign(period="2023")
    sparse = pd.DataFrame({"police": [1, 0], "fiscalia": [0, 1], "labour": [0, 0], "ngo": [0, 0],
                           "count": [7, 4], "period": ["2024", "2024"]})
    result = estimate_strata(pd.concat([good, sparse], ignore_index=True), by="period")
    assert result.table()["stratum"].tolist() == ["all", "2023", "2024"]
    strata = {s.stratum: s for s in result.strata}
    refused, fitted = strata["2024"], strata["2023"].fit
    assert refused.fit is None and refused.reason is not None and "never overlap" in refused.reason
    assert refused.observed == 11
    assert fitted is not None and fitted.low_ < fitted.estimate_ < fitted.high_
    assert abs(fitted.estimate_ - 3000) < 0.15 * 3000


# ---------------------------------------------------------------- published result


def test_uk_2013_five_lists_reproduce_silvermans_estimate() -> None:
    """Silverman (2014) for the Home Office: 11,313 potential victims, "between 10 and 13 thousand"."""
    table = CaptureTable.from_frame(pd.read_csv(DATA / "uk_2013_five_lists.csv"))
    assert table.observed == 2744
    fit = MultipleSystems(criterion="aic").fit(table)
    assert round(fit.estimate_) == 11313
    assert 9_500 < fit.low_ < 10_500 and 12_500 < fit.high_ < 13_500
    assert "nobody is on both LA and GP" in fit.excluded_terms_["LA:GP"]


@pytest.mark.parametrize("criterion", ["aic", "bic"])
def test_uk_2013_six_lists_fall_in_the_published_range(criterion: str) -> None:
    table = CaptureTable.from_frame(pd.read_csv(DATA / "uk_2013_six_lists.csv"))
    fit = MultipleSystems(criterion=criterion).fit(table)  # type: ignore[arg-type]
    assert 10_000 <= fit.estimate_ <= 13_000
    assert fit.low_ < 11_313 < fit.high_
