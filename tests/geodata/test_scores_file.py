"""The scores file contract: what is written is read back the same, foreign and older files are refused by
name, both planners read the same file whether the CLI wrote it or the app's download did, and every
export people read says how the score was made."""

from __future__ import annotations

import dataclasses
import io
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pyogrio
import pytest

from geodata.load import load_dataset
from geodata.problems import DataError
from geodata.scores_file import (
    AREA_LAYER,
    CROSSING_DRAWS_LAYER,
    FORMAT_VERSION,
    MAX_DRAWS,
    METADATA_LAYER,
    Provenance,
    file_hash,
    read_scores,
    write_scores,
)
from risk.pipeline import ScoreConfig, Scores, score


@pytest.fixture(autouse=True)
def _default_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("VIGIA_SMALL_COUNT", raising=False)


@pytest.fixture(scope="module")
def demo_scores(demo_gpkg: Path) -> Scores:
    """The scores ``vigia score --draws 50 --permutations 0`` computes on the demo (see conftest)."""
    return score(load_dataset(demo_gpkg), ScoreConfig(draws=50, permutations=0))


def _one_problem(error: pytest.ExceptionInfo[DataError]) -> str:
    return str(error.value.problems[0])


def test_write_then_read_gives_the_same_data_and_metadata(demo_scores: Scores, tmp_path: Path) -> None:
    written = demo_scores.to_file(created_by="ana")
    back = read_scores(write_scores(written, tmp_path / "s.gpkg"))
    assert back.provenance == written.provenance
    assert back.provenance.created_by == "ana" and back.provenance.dataset_hash == demo_scores.dataset_hash
    assert back.missing == written.missing and back.model["weights"] == written.model["weights"]
    areas = back.areas.set_index("area_id")
    mine = written.areas.set_index("area_id").reindex(areas.index)
    for column in ("score", "rank", "rank_low", "rank_high", "p_top10", "expected_cases"):
        np.testing.assert_allclose(areas[column].astype(float), mine[column].astype(float), err_msg=column)
    shown = areas["recorded_suppressed"] == ""
    np.testing.assert_array_equal(areas.loc[shown, "recorded_cases"].astype(float),
                                  mine.loc[shown, "recorded_cases"].astype(float))
    assert areas.loc[~shown, "recorded_cases"].isna().all() and areas.loc[~shown, "detection_ratio"].isna().all()
    pd.testing.assert_frame_equal(back.indicators, written.indicators, check_names=False)
    pd.testing.assert_frame_equal(back.contributions, written.contributions, check_names=False)
    assert back.crossings is not None and written.crossings is not None
    assert sorted(back.crossings["crossing_id"]) == sorted(written.crossings["crossing_id"].astype(str))
    assert back.score_draws is not None
    assert back.score_draws.shape == (len(areas), min(MAX_DRAWS, 50))
    pd.testing.assert_frame_equal(back.score_draws, written.score_draws, check_names=False)
    assert back.crossing_draws is not None and written.crossing_draws is not None
    assert back.crossing_draws.shape == (len(back.crossings), min(MAX_DRAWS, 50))
    pd.testing.assert_frame_equal(back.crossing_draws, written.crossing_draws, check_names=False)


def test_crossing_draws_are_optional_and_capped(demo_scores: Scores, tmp_path: Path) -> None:
    """A file without crossings (or written before the layer existed) reads back without crossing draws,
    still as format version 2; more draws than the cap are refused by name."""
    bare = dataclasses.replace(demo_scores.to_file(), crossings=None, crossing_draws=None)
    path = write_scores(bare, tmp_path / "bare.gpkg")
    assert CROSSING_DRAWS_LAYER not in {str(row[0]) for row in pyogrio.list_layers(path)}
    assert read_scores(path).crossing_draws is None
    assert read_scores(path).score_draws is not None
    too_many = pd.DataFrame(np.zeros((2, MAX_DRAWS + 1)), index=["A", "B"])
    with pytest.raises(ValueError, match=CROSSING_DRAWS_LAYER):
        write_scores(dataclasses.replace(bare, crossing_draws=too_many), tmp_path / "never.gpkg")


def test_crossing_draws_are_the_draws_behind_the_crossing_rank_intervals(demo_scores: Scores) -> None:
    draws, crossings = demo_scores.crossing_draws, demo_scores.crossing_scores
    assert draws is not None and crossings is not None and draws.shape == (len(crossings), 50)
    ranks = draws.rank(ascending=False)
    table = crossings.set_index("crossing_id").reindex(draws.index)
    inside = ranks.ge(table["rank_low"], axis=0) & ranks.le(table["rank_high"], axis=0)
    assert inside.to_numpy().mean() > 0.85
    # draw k of a crossing uses area draw k: the crossings' mean follows their published score
    assert np.corrcoef(table["score"].astype(float), draws.mean(axis=1))[0, 1] > 0.8


def test_score_draws_are_the_monte_carlo_draws_behind_the_rank_intervals(demo_scores: Scores) -> None:
    draws = demo_scores.score_draws
    assert draws is not None and draws.shape[1] == 50
    assert ((draws >= 0) & (draws <= 100)).all().all()
    ranks = draws.rank(ascending=False)  # each draw ranks the areas; the published interval holds most of them
    areas = demo_scores.area_scores.set_index("area_id").reindex(draws.index)
    inside = ranks.ge(areas["rank_low"], axis=0) & ranks.le(areas["rank_high"], axis=0)
    assert inside.to_numpy().mean() > 0.85
    assert not draws.iloc[:, 0].equals(draws.iloc[:, 1]), "draws differ from one another"


def test_the_file_says_which_weights_made_the_map(demo_scores: Scores, tmp_path: Path) -> None:
    path = write_scores(demo_scores.to_file(), tmp_path / "s.gpkg")
    meta = pyogrio.read_dataframe(path, layer=METADATA_LAYER, read_geometry=False)
    values = dict(zip(meta["key"], meta["value"]))
    assert values["format"] == "vigia-scores" and values["format_version"] == str(FORMAT_VERSION)
    provenance = json.loads(values["provenance"])
    assert provenance["preset"] == "balanced" and provenance["seed"] == 0 and provenance["draws"] == 50
    assert abs(sum(provenance["weights"].values()) - 1.0) < 1e-4 and len(provenance["dataset_hash"]) == 64
    assert provenance["created_at"].endswith("+00:00")


def test_a_foreign_file_is_refused_naming_the_file_and_layer(demo_gpkg: Path, tmp_path: Path) -> None:
    with pytest.raises(DataError) as error:
        read_scores(demo_gpkg)  # a dataset, not a scores file
    assert "demo.gpkg" in _one_problem(error) and METADATA_LAYER in _one_problem(error)
    text = tmp_path / "notes.gpkg"
    text.write_text("not a geopackage", encoding="utf-8")
    with pytest.raises(DataError) as error:
        read_scores(text)
    assert "notes.gpkg" in _one_problem(error)
    with pytest.raises(DataError) as error:
        read_scores(tmp_path / "missing.gpkg")
    assert "does not exist" in _one_problem(error)


def _with_metadata(source: Path, target: Path, **changes: str) -> Path:
    target.write_bytes(source.read_bytes())
    meta = pyogrio.read_dataframe(target, layer=METADATA_LAYER, read_geometry=False)
    for key, value in changes.items():
        meta.loc[meta["key"] == key, "value"] = value
    pyogrio.write_dataframe(meta, target, layer=METADATA_LAYER, driver="GPKG")
    return target


def test_an_older_format_version_is_refused_with_what_to_do(demo_scores_gpkg: Path, tmp_path: Path) -> None:
    old = _with_metadata(demo_scores_gpkg, tmp_path / "old.gpkg", format_version="1")
    with pytest.raises(DataError) as error:
        read_scores(old)
    text = _one_problem(error)
    assert "old.gpkg" in text and "format_version" in text and "version 1" in text and "vigia score" in text


def test_a_missing_column_is_named_with_its_layer(demo_scores: Scores, tmp_path: Path) -> None:
    written = demo_scores.to_file()
    written.areas = written.areas.drop(columns=["rank_high"])
    path = write_scores(written, tmp_path / "cut.gpkg")
    with pytest.raises(DataError) as error:
        read_scores(path)
    problem = error.value.problems[0]
    assert (problem.file, problem.layer, problem.column) == ("cut.gpkg", AREA_LAYER, "rank_high")


def test_scores_not_computed_on_protected_inputs_are_not_written(demo_scores: Scores, tmp_path: Path) -> None:
    written = demo_scores.to_file()
    written.protected_threshold = 0
    with pytest.raises(ValueError, match="protected"):
        write_scores(written, tmp_path / "leaky.gpkg")
    assert not (tmp_path / "leaky.gpkg").exists()


def test_both_planners_read_the_same_file_from_the_cli_and_from_the_app(
        demo_gpkg: Path, demo_scores_gpkg: Path, demo_scores: Scores, tmp_path: Path) -> None:
    from planner.patrols.scores import read_crossing_scores
    from planner.problem import InspectionProblem
    from vigia.ui.risk_map import risk_exports

    downloaded = tmp_path / "vigia_risk_scores.gpkg"
    downloaded.write_bytes(risk_exports.gpkg_bytes(demo_scores.to_file(created_by="ana")))
    dataset = load_dataset(demo_gpkg)
    priorities = []
    for path in (demo_scores_gpkg, downloaded):
        problem = InspectionProblem.from_dataset(dataset, scores=read_scores(path).areas, days=5)
        priorities.append(np.array([site.priority for site in problem.sites]))
    np.testing.assert_allclose(priorities[0], priorities[1])
    area_scores = set(np.round(read_scores(demo_scores_gpkg).areas["score"].astype(float), 6)) | {0.0}
    assert set(np.round(priorities[0], 6)) <= area_scores, "each site's priority is its area's score"
    assert priorities[0].max() > 2, "not the sector x area fallback (0.5 to 2)"
    cli, app = read_crossing_scores(demo_scores_gpkg), read_crossing_scores(downloaded)
    pd.testing.assert_frame_equal(cli.sort_values("crossing_id").reset_index(drop=True),
                                  app.sort_values("crossing_id").reset_index(drop=True))
    assert read_scores(downloaded).provenance.created_by == "ana"
    assert read_scores(demo_scores_gpkg).provenance.created_by == ""


def test_every_human_export_of_the_scores_carries_the_provenance(demo_gpkg: Path, demo_scores: Scores) -> None:
    from vigia.ui.i18n import t
    from vigia.ui.risk_map import risk_exports, risk_maps, risk_tables

    provenance = demo_scores.provenance(created_by="ana")
    weights = dict(risk_exports.provenance_rows(provenance))[t("provenance.weights", "es")]
    assert "Cercanía a la frontera: 0,100" in weights, "each indicator's weight by its name, decimal comma"
    short_hash = demo_scores.dataset_hash[:16]
    export = risk_tables.export_frame(demo_scores.area_scores)
    csv = risk_exports.csv_bytes(export, provenance).decode("utf-8-sig")
    header = [line for line in csv.splitlines() if line.startswith("#")]
    assert any(short_hash in line for line in header) and any(weights in line for line in header)
    assert len(pd.read_csv(io.StringIO(csv), comment="#")) == len(export)
    sheets = pd.read_excel(io.BytesIO(risk_exports.xlsx_bytes(export, None, provenance)), sheet_name=None)
    sheet = sheets[t(risk_exports.PROVENANCE_SHEET, "es")].astype(str).to_numpy().ravel().tolist()
    assert short_hash in sheet and weights in sheet and "ana" in sheet
    fmap = risk_maps.area_view(load_dataset(demo_gpkg), demo_scores.area_scores, "score", online=False)
    page = risk_exports.map_html(fmap, provenance).decode()
    footer = page.split('class="vigia-provenance"', 1)[1]
    assert short_hash in footer and t("riskmap.preset.balanced", "es") in footer


def test_a_provenance_round_trips_and_names_a_missing_field() -> None:
    p = Provenance("demo", "ab" * 32, "0.1.0", "balanced", {"population": 1.0}, "minmax", "arithmetic", 0, 10, 0,
                   "2026-12-04T20:00:00+00:00")
    assert Provenance.from_dict(p.to_dict()) == p
    data = p.to_dict()
    del data["seed"]
    with pytest.raises(KeyError, match="seed"):
        Provenance.from_dict(data)
    assert dict(p.rows())["dataset_hash"] == "ab" * 8


def test_file_hash_is_of_the_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"x")
    b.write_bytes(b"y")
    assert file_hash(a) != file_hash(b) and len(file_hash(a)) == 64


def test_a_file_from_before_the_contract_is_refused_as_an_older_version(demo_scores_gpkg: Path, tmp_path: Path) -> None:
    """Files of the first scores writer had a metadata table with ``config`` and no format name."""
    old = tmp_path / "scores_2025.gpkg"
    old.write_bytes(demo_scores_gpkg.read_bytes())
    pyogrio.write_dataframe(pd.DataFrame({"key": ["config", "missing"], "value": ["{}", "{}"]}), old,
                            layer=METADATA_LAYER, driver="GPKG")
    with pytest.raises(DataError) as error:
        read_scores(old)
    assert "scores_2025.gpkg" in _one_problem(error) and "version 1" in _one_problem(error)
