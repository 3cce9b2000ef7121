"""The adversary holds the Data page's department table (totals) and the Risk map's tooltips
(recorded cases per area): no hidden small count may be solved for by subtraction."""

from __future__ import annotations

import pandas as pd

from geodata.demo import build_demo
from geodata.privacy import small_count_threshold
from vigia.ui.summaries import area_case_texts, cases_per_area, departments_table


def test_department_totals_minus_visible_tooltips_never_pin_a_small_count() -> None:
    dataset = build_demo(0)
    band = small_count_threshold() - 1
    texts = area_case_texts(dataset)
    truth = dataset.areas["area_id"].astype(str).map(cases_per_area(dataset)["cases"]).fillna(0)
    truth.index = dataset.areas["area_id"].astype(str)
    departments = departments_table(dataset).set_index("admin1")["cases"]
    admin1 = pd.Series(dataset.areas["admin1"].to_numpy(), index=truth.index)
    small = truth[(truth > 0) & (truth <= band)]
    assert len(small) >= 5, "the demo must have small counts for this attack to mean anything"
    assert set(texts[small.index]) == {f"<{band + 1}"}, "every small count is hidden in the tooltips"
    pinned, attacked = [], 0
    for dept, total in departments.items():
        members = texts[admin1 == dept]
        hidden = members[~members.str.replace(",", "").str.isdigit()]
        if not str(total).replace(",", "").isdigit() or hidden.empty:
            continue  # no published total to subtract from, or nothing hidden
        attacked += 1
        residual = int(str(total).replace(",", "")) - sum(int(v.replace(",", "")) for v in members
                                                          if v.replace(",", "").isdigit())
        if len(hidden) == 1 or residual - (len(hidden) - 1) < 2:  # one hidden cell, or every hidden one at 1
            pinned.append((dept, list(hidden.index), residual))
    assert attacked >= 3, "the attack must have departments with a published total and hidden areas to work on"
    assert not pinned, f"hidden counts recoverable from department totals: {pinned}"


def test_the_national_total_minus_visible_departments_never_pins_a_small_department() -> None:
    dataset = build_demo(0)
    table = departments_table(dataset)
    hidden = table[~table["cases"].str.replace(",", "").str.isdigit()]
    assert len(hidden) != 1, "a single hidden department equals the national total minus the others"
