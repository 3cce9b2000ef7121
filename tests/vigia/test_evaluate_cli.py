"""``vigia evaluate`` on a small history whose figures are computed by hand (see tests/risk/test_replay.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from vigia.cli import EXIT_DATA_ERRORS, EXIT_OK, main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "risk"))
from test_replay import small_history


@pytest.fixture(scope="module")
def history_gpkg(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with its first ten sites renamed M1, M2, R1..R8 and the small history as its inspections."""
    from geodata.dataset import write_dataset
    from geodata.load import load_dataset

    dataset = load_dataset(demo_gpkg)
    sites, visits = small_history()
    demo_sites = dataset["sites"].head(10).copy()
    demo_sites["site_id"] = sites["site_id"].to_numpy()
    demo_sites["sector"] = sites["sector"].to_numpy()
    areas = dataset.areas["area_id"].astype(str).tolist()
    layers = dict(dataset.layers)
    layers["sites"] = demo_sites
    layers["inspections"] = visits.assign(area_id=visits["area_id"].map({"A1": areas[0], "A2": areas[1]}))
    out = tmp_path_factory.mktemp("history") / "history.gpkg"
    write_dataset(type(dataset)(layers=layers, about=dataset.about, source="history"), out)
    return out


def test_json_prints_exactly_the_hand_computed_figures(history_gpkg: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(history_gpkg), "--year", "2024", "--json"]) == EXIT_OK
    figures = json.loads(capsys.readouterr().out)
    assert figures == {"year": 2024, "inspections": 4, "victims": 4, "auc": 1.0, "hit_rate_top_decile": 3.0,
                       "hit_rate_rest": 0.3333, "share_found_first_half_vigia": 1.0,
                       "share_found_first_half_actual": 0.0}


def test_human_report_hides_small_victim_counts_and_writes_html(history_gpkg: Path, tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "replay.html"
    assert main(["evaluate", str(history_gpkg), "--year", "2024", "--lang", "en", "--out", str(out)]) == EXIT_OK
    text = capsys.readouterr().out
    assert "Replay of 2024" in text and "Victims found: <5" in text and "100%" in text
    assert "Site yield model, tested on that year" in text and "Calibration" in text
    page = out.read_text(encoding="utf-8")
    assert "&lt;5" in page and "Victims per inspection at Vigía&#x27;s top 10% of sites" in page


def test_years_that_cannot_be_replayed_exit_1_with_the_reason(history_gpkg: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(history_gpkg), "--year", "2030", "--lang", "en"]) == EXIT_DATA_ERRORS
    assert "no inspections recorded in 2030" in capsys.readouterr().err
    assert main(["evaluate", str(history_gpkg), "--year", "2021", "--lang", "es"]) == EXIT_DATA_ERRORS
    assert "no hay inspecciones registradas antes de 2021" in capsys.readouterr().err


def test_plan_inspections_learn_ranks_sites_by_their_learned_yield(history_gpkg: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from geodata.load import load_dataset
    from vigia.inspection_runs import YIELD_COLUMN, with_site_yield

    out = tmp_path / "plan.csv"
    assert main(["plan-inspections", str(history_gpkg), "--start", "2026-12-07", "--days", "1", "--time-limit", "1",
                 "--out", str(out), "--learn", "--explore", "0"]) == EXIT_OK
    text = capsys.readouterr().out
    assert "rendimiento por sitio aprendido de las inspecciones pasadas" in text  # printed in Spanish by default
    assert "la columna 'yield_victims' de los lugares" in text
    learned, why_not = with_site_yield(load_dataset(history_gpkg))
    assert why_not is None
    priority = learned["sites"].set_index("site_id")[YIELD_COLUMN]
    assert priority["M1"] > priority["M2"] > priority.drop(["M1", "M2"]).max()


def test_plan_inspections_learn_without_history_says_why_and_keeps_the_rule(demo_gpkg: Path, tmp_path: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from geodata.dataset import write_dataset
    from geodata.load import load_dataset

    dataset = load_dataset(demo_gpkg)
    dataset.layers.pop("inspections", None)
    bare = write_dataset(dataset, tmp_path / "bare.gpkg")
    teams = tmp_path / "teams.csv"
    teams.write_text("team_id,office_id,skills\nLPZ-1,LAB-LPZ,\n", encoding="utf-8")
    assert main(["plan-inspections", str(bare), "--start", "2026-12-07", "--days", "1", "--time-limit", "1",
                 "--teams", str(teams), "--out", str(tmp_path / "p.csv"), "--learn"]) == EXIT_OK
    text = capsys.readouterr().out
    from risk.site_yield import NO_LAYER, YieldRefusal
    from vigia.yield_refusals import not_used_text

    # --lang es (the default) says it in Spanish: no inspections layer, the usual rule is kept.
    assert not_used_text(YieldRefusal(NO_LAYER), "es") in text and "peso del sector" in text
    assert "capa de inspecciones" in text and "today's priority" not in text


def test_replay_on_too_little_history_says_how_sites_were_ranked_in_spanish(
        history_gpkg: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from geodata.dataset import write_dataset
    from geodata.load import load_dataset

    dataset = load_dataset(history_gpkg)
    visits = dataset["inspections"]
    dataset.layers["inspections"] = visits[visits["date"].astype(str) >= "2022-01-01"]  # 20 earlier results
    short = write_dataset(dataset, tmp_path / "short.gpkg")
    out = tmp_path / "replay.html"
    assert main(["evaluate", str(short), "--year", "2024", "--lang", "es", "--out", str(out)]) == EXIT_OK
    text = capsys.readouterr().out
    note = ("(solo hay 20 resultado(s) de inspección en lugares conocidos antes del 1 ene de 2024: se necesitan al "
            "menos 30 para aprender qué lugares rinden más; los lugares se ordenaron por el rendimiento por "
            "inspección de su área)")
    assert note in text and note in out.read_text(encoding="utf-8")
    assert "area's yield" not in text and "known sites" not in text
