"""``vigia dark-figure`` end to end: published table, refusals, strata file, small counts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from vigia.cli import main

UK_FIVE = Path(__file__).resolve().parents[1] / "risk" / "data" / "uk_2013_five_lists.csv"


def test_uk_2013_with_aic_prints_silvermans_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dark-figure", str(UK_FIVE), "--criterion", "aic"]) == 0
    out = capsys.readouterr().out
    assert "observed (on at least one list): 2,744" in out
    assert "estimated total:                 11,313" in out
    assert "estimated / observed:            4.12" in out
    assert "left out LA:GP" in out and "main effects + LA:NG" in out


def test_lists_that_never_overlap_exit_1_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "never.csv"
    table.write_text("police,ngo,labour,count\n1,0,0,30\n0,1,0,20\n0,0,1,9\n", encoding="utf-8")
    assert main(["dark-figure", str(table)]) == 1
    assert "NO ESTIMATE: the lists never overlap" in capsys.readouterr().out


def test_bad_table_exits_1_naming_row_and_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "bad.csv"
    table.write_text("police,ngo,count\n1,0,30\n1,3,4\n", encoding="utf-8")
    assert main(["dark-figure", str(table)]) == 1
    assert "bad.csv [lists], row 3, column 'ngo': '3' is not 0 or 1" in capsys.readouterr().out


def test_by_period_writes_one_row_per_stratum(demo_gpkg: Path, tmp_path: Path) -> None:
    out = tmp_path / "dark.csv"  # the machine file: column codes and "all"
    assert main(["dark-figure", str(demo_gpkg), "--by", "period", "--out", str(out)]) == 0
    table = pd.read_csv(out, dtype={"stratum": str})
    assert list(table.columns[:6]) == ["stratum", "observed", "estimate", "low", "high", "model"]
    assert table["stratum"].tolist() == ["all", *[str(y) for y in range(2016, 2025)]]
    assert (table["low"] <= table["estimate"]).all() and (table["estimate"] <= table["high"]).all()
    book = tmp_path / "dark.xlsx"  # the workbook people read: words in the chosen language
    assert main(["dark-figure", str(demo_gpkg), "--by", "period", "--out", str(book), "--lang", "es"]) == 0
    people = pd.read_excel(book, sheet_name="Cifra oculta", dtype={"Estrato": str})
    assert list(people.columns[:3]) == ["Estrato", "Registradas", "Estimado"]
    assert people["Estrato"].iloc[0] == "todo" and people["Modelo"].iloc[0].startswith("efectos principales")


def test_small_observed_counts_are_suppressed_in_print_and_file(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    table, out = tmp_path / "tiny.csv", tmp_path / "tiny_out.csv"
    table.write_text("a,b,count\n1,0,2\n0,1,1\n1,1,1\n", encoding="utf-8")  # 4 people; N = 3 * 2 / 1
    assert main(["dark-figure", str(table), "--out", str(out)]) == 0
    assert "observed (on at least one list): <5" in capsys.readouterr().out
    written = pd.read_csv(out, dtype=str)
    first = written.iloc[0].to_dict()
    assert first["observed"] == "<5"
    assert float(first["estimate"]) == 6, "the estimate is a model output, not a count: kept"


def test_missing_file_and_bad_output_are_usage_errors(tmp_path: Path) -> None:
    assert main(["dark-figure", str(tmp_path / "nope.csv")]) == 2
    assert main(["dark-figure", str(UK_FIVE), "--out", str(tmp_path / "x.json")]) == 2


def test_a_small_stratum_cannot_be_recovered_by_subtracting_the_others_from_the_total(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The adversary holds the published total and every visible stratum: the hidden one must
    not be their difference (a complementary stratum is hidden too)."""
    table, out = tmp_path / "strata.csv", tmp_path / "strata_out.csv"
    rows = ["period,a,b,count"]
    for period, (only_a, only_b, both) in {"2022": (30, 25, 12), "2023": (40, 28, 15), "2024": (2, 1, 0)}.items():
        rows += [f"{period},1,0,{only_a}", f"{period},0,1,{only_b}", f"{period},1,1,{both}"]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert main(["dark-figure", str(table), "--by", "period", "--out", str(out)]) == 0
    written = pd.read_csv(out, dtype=str).set_index("stratum")
    total, strata = written["observed"].iloc[0], written["observed"].iloc[1:]
    assert strata["2024"] == "<5", "3 people in 2024: a small count"
    visible = [int(v) for v in strata if v.isdigit()]
    assert len(visible) < len(strata) - 1, "a second stratum is hidden so the total cannot be differenced"
    assert int(total) - sum(visible) > 4, "what is left of the total spans more than the small band"
    printed = capsys.readouterr().out
    assert "2024: observed <5" in printed and "observed *" in printed
