"""What the models see: hidden counts replaced, everything published kept (hand-made cases layer)."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata.privacy import band_representative, hidden_areas, protect_case_inputs


@pytest.fixture(autouse=True)
def _default_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIA_SMALL_COUNT", raising=False)


def _cases() -> pd.DataFrame:
    rows = [  # area, period, type, cases, victims
        ("big", "2022", "sexual", 1, 1), ("big", "2023", "sexual", 1, 2),  # 2 sexual of 20: small cell
        ("big", "2022", "labour", 9, 12), ("big", "2023", "labour", 9, 10),
        ("plain", "2022", "sexual", 10, 12), ("plain", "2023", "labour", 30, 35),
        ("tiny", "2022", "labour", 3, 3),  # an area with 3 cases: hidden whole
        ("zero", "2022", "sexual", 0, 0),
    ]
    return pd.DataFrame(rows, columns=["area_id", "period", "exploitation", "cases", "victims"])


def _by_cell(frame: pd.DataFrame) -> pd.Series:
    return frame.groupby(["area_id", "exploitation"])["cases"].sum()


def test_hidden_cells_are_replaced_and_published_totals_kept() -> None:
    out = protect_case_inputs(_cases(), ["tiny"])
    cells = _by_cell(out)
    totals = out.groupby("area_id")["cases"].sum()
    assert totals["big"] == pytest.approx(20.0), "the area total is published: it stays"
    assert totals["tiny"] == pytest.approx(band_representative()) == pytest.approx(2.25)
    # 2 sexual + 18 labour: the 2 is small, the 18 its complement; both now follow the visible shares
    visible_share = 10 / 40  # sexual among visible cells (plain: 10 sexual, 30 labour)
    assert cells["big", "sexual"] == pytest.approx(20 * visible_share)
    assert cells["big", "labour"] == pytest.approx(20 * (1 - visible_share))
    assert cells["plain", "sexual"] == 10 and cells["plain", "labour"] == 30, "cells >= 5 stay exact"
    assert set(out.loc[out["area_id"] == "tiny", "period"]) == {"2022", "2023"}, "spread over every period"
    assert totals["zero"] == 0


def test_what_the_models_see_does_not_depend_on_the_hidden_counts() -> None:
    base = _cases()
    other = base.copy()
    other.loc[other["area_id"] == "tiny", "cases"] = 1  # 3 -> 1: still hidden
    other.loc[(other["area_id"] == "big") & (other["exploitation"] == "sexual") & (other["period"] == "2022"),
              "cases"] = 3  # big: 4 sexual + 16 labour = 20 ... keep the total published
    other.loc[(other["area_id"] == "big") & (other["exploitation"] == "labour") & (other["period"] == "2022"),
              "cases"] = 7
    a = _by_cell(protect_case_inputs(base, ["tiny"]))
    b = _by_cell(protect_case_inputs(other, ["tiny"]))
    pd.testing.assert_series_equal(a, b)


def test_a_department_with_one_small_count_hides_a_complement() -> None:
    recorded = pd.Series({"a": 3, "b": 12, "c": 40, "d": 2, "e": 2, "f": 9})
    admin1 = pd.Series({"a": "X", "b": "X", "c": "X", "d": "Y", "e": "Y", "f": "Y"})
    mask = hidden_areas(recorded, admin1)
    assert mask["primary"].tolist() == [True, False, False, True, True, False]
    assert mask.loc["b", "secondary"], "12 is the smallest positive visible count of X: its complement"
    # Y: 2 + 2 hidden alone would leave "2 and 2" (sum 4 known); the 9 joins them
    assert mask.loc["f", "secondary"]
