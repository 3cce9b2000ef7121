"""Replay: a ranking fitted on earlier years, compared with a later year's real results by hand-checkable figures."""

from __future__ import annotations

import pandas as pd
import pytest

from risk.replay import REPLAY_KEYS, ReplayError, replay, replay_years


def small_history() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Ten sites; before 2024 mining sites M1/M2 yielded (M1 most), retail never; 2024: four visits, retail first."""
    sites = pd.DataFrame({"site_id": ["M1", "M2"] + [f"R{i}" for i in range(1, 9)],
                          "sector": ["mining"] * 2 + ["retail"] * 8, "area_id": ["A1"] * 2 + ["A2"] * 8})
    rows = []
    for k in range(40):
        site = ["M1", "M2", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8"][k % 10]
        victims = {"M1": 3, "M2": 1}.get(site, 0)
        rows.append({"date": f"{2021 + k // 20}-{1 + k % 12:02d}-10", "site_id": site, "victims": victims,
                     "area_id": "A1" if site.startswith("M") else "A2", "sector": "mining" if site.startswith("M") else "retail"})
    rows += [{"date": "2024-01-10", "site_id": "R1", "victims": 0, "area_id": "A2", "sector": "retail"},
             {"date": "2024-02-10", "site_id": "R2", "victims": 0, "area_id": "A2", "sector": "retail"},
             {"date": "2024-03-10", "site_id": "M1", "victims": 3, "area_id": "A1", "sector": "mining"},
             {"date": "2024-04-10", "site_id": "M2", "victims": 1, "area_id": "A1", "sector": "mining"}]
    frame = pd.DataFrame(rows)
    frame.insert(0, "inspection_id", [f"I{i}" for i in range(len(frame))])
    return sites, frame


def test_replay_figures_are_the_hand_computed_ones() -> None:
    sites, visits = small_history()
    result = replay(sites, visits, 2024)
    assert result.note is None
    assert list(result.figures) == list(REPLAY_KEYS)
    assert result.figures == {
        "year": 2024, "inspections": 4, "victims": 4,
        "auc": 1.0,  # both mining sites found victims, both retail ones did not, mining ranked above
        "hit_rate_top_decile": 3.0,  # top 10% of ten sites = M1: 3 victims in 1 visit
        "hit_rate_rest": round(1 / 3, 4),  # 1 victim in the other 3 visits
        "share_found_first_half_vigia": 1.0,  # Vigía's order M1, M2 first: all 4 victims in the first 2 visits
        "share_found_first_half_actual": 0.0,  # really done: the two retail visits first
    }


def test_years_without_visits_or_history_are_refused_in_plain_words() -> None:
    sites, visits = small_history()
    with pytest.raises(ReplayError, match="no inspections recorded in 2030"):
        replay(sites, visits, 2030)
    with pytest.raises(ReplayError, match="no earlier history"):
        replay(sites, visits, 2021)
    table = replay_years(sites, visits)
    assert list(table["year"]) == [2022, 2024]  # 2023 has no visits


def test_too_little_history_ranks_by_area_and_says_so() -> None:
    sites, visits = small_history()
    short = visits[visits["date"] >= "2022-01-01"]  # 20 earlier results: below the yield model's minimum
    result = replay(sites, short, 2024)
    assert result.note is not None and "area's yield" in result.note
    assert result.fallback is not None and result.fallback.code == "few_results"
    assert result.figures["share_found_first_half_vigia"] == 1.0
