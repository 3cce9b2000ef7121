"""Site yield: learned from past visits, honest about how much one clean visit says, evaluated on a later year."""

from __future__ import annotations

import numpy as np
import pandas as pd

from risk.site_yield import FEW_RESULTS, MIN_RESULTS, NO_VICTIMS, evaluate_yield, fit_site_yield

SECTOR_RATE = {"mining": 0.6, "brick-making": 0.3, "agriculture": 0.1, "retail": 0.03}


def history(n_sites: int = 240, per_year: int = 200, years: tuple[int, ...] = (2022, 2023, 2024),
            seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    """Sites with a hidden yield (sector x area x site frailty); 80% of visits targeted, 20% random."""
    rng = np.random.default_rng(seed)
    sectors = rng.choice(list(SECTOR_RATE), n_sites)
    areas = rng.integers(0, 10, n_sites)
    area_risk = pd.Series(np.linspace(0.5, 2.0, 10), index=[f"A{i}" for i in range(10)])
    frailty = rng.gamma(2.0, 0.5, n_sites)
    truth = np.array([SECTOR_RATE[s] for s in sectors]) * area_risk.to_numpy()[areas] * frailty
    sites = pd.DataFrame({"site_id": [f"S{i:03d}" for i in range(n_sites)], "sector": sectors,
                          "area_id": [f"A{a}" for a in areas]})
    rows = []
    for year in years:
        n_random = per_year // 5
        p_random = n_random / n_sites
        chosen = [("random", p_random, s) for s in rng.choice(n_sites, n_random, replace=False)]
        chosen += [("planned", None, s) for s in rng.choice(n_sites, per_year - n_random)]
        for k, (selection, prob, s) in enumerate(chosen):
            rows.append({"inspection_id": f"{year}-{k}", "date": f"{year}-{1 + k % 12:02d}-15",
                         "area_id": f"A{areas[s]}", "site_id": f"S{s:03d}", "sector": sectors[s],
                         "victims": int(rng.poisson(truth[s])), "selection": selection,
                         "selection_probability": prob})
    return sites, pd.DataFrame(rows), area_risk


def test_yield_learns_sector_and_area_and_beats_chance_on_a_later_year() -> None:
    sites, visits, risk = history()
    fitted = fit_site_yield(sites, visits, risk, as_of="2024-01-01")
    assert fitted.fitted and "mining" in fitted.sectors
    table = fitted.table.join(sites.set_index("site_id"))
    by_sector = table.groupby("sector")["expected_victims"].mean()
    assert by_sector["mining"] > by_sector["agriculture"] > by_sector["retail"]
    assert ((table["p_victim"] > 0) & (table["p_victim"] < 1)).all()
    report = evaluate_yield(sites, visits, 2024, risk)
    assert report["auc"] is not None and float(report["auc"]) > 0.7  # type: ignore[arg-type]
    assert 0 < float(report["brier"]) < 0.25  # type: ignore[arg-type]
    assert report["random_visits"] == 40 and report["auc_weighted"] is not None
    calibration = pd.DataFrame(report["calibration"])
    assert calibration["visits"].sum() == report["visits"]
    assert calibration["observed"].iloc[-1] > calibration["observed"].iloc[0]


def test_a_clean_record_lowers_a_site_only_with_enough_evidence() -> None:
    sites, visits, risk = history()
    twin = pd.DataFrame({"site_id": ["NEW", "ONCE", "OFTEN"], "sector": "agriculture", "area_id": "A9"})
    clean = [{"inspection_id": f"C{k}", "date": f"2023-{1 + k % 12:02d}-01", "area_id": "A9",
              "site_id": "ONCE" if k == 0 else "OFTEN", "sector": "agriculture", "victims": 0, "selection": "planned"}
             for k in range(13)]
    # Same history for everyone else; the three twins differ only in their own clean visits.
    fitted = fit_site_yield(pd.concat([sites, twin]), pd.concat([visits, pd.DataFrame(clean)]), risk,
                            as_of="2025-01-01").table
    new, once, often = (fitted.loc[s, "expected_victims"] for s in ("NEW", "ONCE", "OFTEN"))
    assert once <= new and once > 0.8 * new  # one clean visit where ~0.2 victims were expected: weak evidence
    assert often < 0.5 * new  # twelve are strong
    assert fitted.loc["OFTEN", "visits"] == 12


def test_too_little_history_is_said_in_plain_words() -> None:
    sites, visits, risk = history()
    few = fit_site_yield(sites, visits.head(MIN_RESULTS - 1), risk)
    assert not few.fitted and f"at least {MIN_RESULTS}" in str(few.reason) and "today's priority" in str(few.reason)
    # A stable code with its figures, for the app and the CLI to word in the user's language.
    assert few.refusal is not None and few.refusal.code == FEW_RESULTS
    assert few.refusal.values["results"] == MIN_RESULTS - 1 and few.refusal.values["needed"] == MIN_RESULTS
    assert few.table["p_victim"].isna().all()
    none = fit_site_yield(sites, visits.assign(victims=0), risk)
    assert not none.fitted and "no inspection" in str(none.reason) and none.refusal.code == NO_VICTIMS
    early = evaluate_yield(sites, visits, 2022, risk)
    assert "reason" in early


def test_thompson_draws_are_seeded_and_spread_with_uncertainty() -> None:
    sites, visits, risk = history()
    fitted = fit_site_yield(sites, visits, risk)
    a, b = fitted.draw(seed=1), fitted.draw(seed=1)
    assert a.equals(b) and not a.equals(fitted.draw(seed=2))
