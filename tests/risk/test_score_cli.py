"""``vigia score`` as a user types it: demo end to end, weights files, a handful of areas, bad input."""

from __future__ import annotations

from pathlib import Path

import pyogrio
import pytest
from risk_datasets import country_dataset, full_dataset, grid_areas

from geodata.dataset import Dataset, write_dataset
from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, EXIT_USAGE, main


def test_score_the_demo_end_to_end(demo_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scores.gpkg"
    assert main(["score", str(demo_gpkg), "--out", str(out), "--seed", "1", "--permutations", "99", "--draws", "300"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "Top 10 areas" in text and "P(top10%)" in text and "Top crossings" in text
    assert {"area_scores", "crossing_scores"} <= {str(n) for n, _ in pyogrio.list_layers(out)}
    areas = pyogrio.read_dataframe(out, layer="area_scores")
    for col in ("area_id", "score", "rank", "rank_low", "rank_high", "p_top10", "hotspot", "expected_cases",
                "recorded_cases", "detection_ratio", "top_1", "top_2", "top_3"):
        assert col in areas.columns
    assert areas["score"].between(0, 100).all()
    assert not areas["recorded_cases"].dropna().between(1, 4).any()  # small counts never leave
    crossings = pyogrio.read_dataframe(out, layer="crossing_scores")
    assert {"crossing_id", "score", "rank", "rank_low", "rank_high", "drivers"} <= set(crossings.columns)


def test_weights_file_changes_the_ranking(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_dataset(full_dataset(side=5), tmp_path / "grid.gpkg")
    weights = tmp_path / "weights.csv"  # indicator and group names; every group but population off
    weights.write_text("indicator,weight\npopulation,1\ncases,0\nvictims,0\nmigration,0\nsectors,0\ngeography,0\n",
                       encoding="utf-8")
    for name, extra in (("base", []), ("pop", ["--weights", str(weights)])):
        assert main(["score", str(data), "--out", str(tmp_path / f"{name}.gpkg"), "--permutations", "0",
                     "--draws", "100", *extra]) == EXIT_OK
    base = pyogrio.read_dataframe(tmp_path / "base.gpkg", layer="area_scores")
    pop = pyogrio.read_dataframe(tmp_path / "pop.gpkg", layer="area_scores")
    grid = full_dataset(side=5).areas.set_index("area_id")["population"]
    assert pop.sort_values("rank")["area_id"].iloc[0] == grid.idxmax()  # population dominates
    assert list(base.sort_values("rank")["area_id"]) != list(pop.sort_values("rank")["area_id"])
    capsys.readouterr()


@pytest.mark.parametrize("dataset", [Dataset(layers={"areas": grid_areas(2)}), country_dataset()],
                         ids=["four-areas", "whole-countries"])
def test_any_valid_dataset_of_any_size_scores_and_says_what_is_missing(
        dataset: Dataset, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_dataset(dataset, tmp_path / "in.gpkg")
    assert main(["score", str(data), "--out", str(tmp_path / "s.gpkg"), "--permutations", "99"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "Not computed" in text and "no 'cases' layer" in text
    assert len(pyogrio.read_dataframe(tmp_path / "s.gpkg", layer="area_scores")) == len(dataset.areas)


def test_bad_usage_and_bad_data_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = write_dataset(Dataset(layers={"areas": grid_areas(2)}), tmp_path / "in.gpkg")
    assert main(["score", str(tmp_path / "nope.gpkg"), "--out", str(tmp_path / "s.gpkg")]) == EXIT_USAGE
    assert main(["score", str(data), "--out", str(tmp_path / "s.csv")]) == EXIT_USAGE
    bad = tmp_path / "w.csv"
    bad.write_text("sector_minning,1\n", encoding="utf-8")
    assert main(["score", str(data), "--out", str(tmp_path / "s.gpkg"), "--weights", str(bad)]) == EXIT_USAGE
    assert "unknown indicator" in capsys.readouterr().err
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "areas.csv").write_text("area_id,name\n1,x\n", encoding="utf-8")
    assert main(["score", str(broken), "--out", str(tmp_path / "s.gpkg")]) == EXIT_DATA_ERRORS
