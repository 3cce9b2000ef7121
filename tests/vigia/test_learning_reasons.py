"""When the site yield cannot be learned, the user reads why in their language: the Inspections page and
``vigia plan-inspections --learn`` in Spanish carry no English sentence (risk gives a code and its figures,
vigia words them from the text tables)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from risk.site_yield import FEW_RESULTS, MIN_RESULTS
from vigia.cli import EXIT_OK, main
from vigia.ui import state
from vigia.ui.inspections import inspection_panels
from vigia.ui.texts.learning import TEXTS
from vigia.yield_refusals import not_used_text

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from english_texts import english_texts

ROOT = Path(__file__).resolve().parents[2]
KEPT = 12  # inspection results kept: well below MIN_RESULTS


@pytest.fixture(scope="module")
def short_history(demo_gpkg: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with only its first KEPT inspections (all at known sites): too little to learn a yield."""
    from geodata.dataset import write_dataset
    from geodata.load import load_dataset

    dataset = load_dataset(demo_gpkg)
    visits = dataset["inspections"]
    visits = visits[visits["site_id"].notna()].sort_values("date", kind="stable").head(KEPT)
    dataset.layers["inspections"] = visits
    return write_dataset(dataset, tmp_path_factory.mktemp("short") / "short.gpkg")


def _english_reasons() -> set[str]:
    """The English forms of the refusal texts, both risk's sentences and the table's English."""
    from risk.site_yield import _ENGLISH

    sentences = [entry["en"] for key, entry in TEXTS.items() if key.startswith("learning.why.")]
    sentences += list(_ENGLISH.values())
    return {max(re.split(r"\{[^}]*\}", s), key=len).strip(" :;,") for s in sentences} | {"today's priority"}


def _refusal(path: Path) -> object:
    from geodata.load import load_dataset
    from vigia.inspection_runs import with_site_yield

    _, refusal = with_site_yield(load_dataset(path))
    assert refusal is not None and refusal.code == FEW_RESULTS
    assert refusal.values["results"] == KEPT and refusal.values["needed"] == MIN_RESULTS
    return refusal


def test_plan_inspections_learn_says_why_in_spanish(short_history: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    refusal = _refusal(short_history)
    teams = tmp_path / "teams.csv"
    teams.write_text("team_id,office_id,skills\nLPZ-1,LAB-LPZ,\n", encoding="utf-8")
    assert main(["plan-inspections", str(short_history), "--start", "2026-12-07", "--days", "1", "--time-limit",
                 "1", "--teams", str(teams), "--out", str(tmp_path / "p.csv"), "--learn", "--explore", "0"]) == EXIT_OK
    text = capsys.readouterr().out
    line = not_used_text(refusal, "es")  # type: ignore[arg-type]
    assert line in text.splitlines()
    assert f"solo hay {KEPT} resultado(s)" in line and f"al menos {MIN_RESULTS}" in line
    assert "se mantiene la prioridad habitual" in line and "peso del sector" in text  # the rule is kept
    for english in _english_reasons():
        assert english not in line and english not in text, english
    assert not [piece for piece in english_texts() if piece in line]
    # The same run in English says it in English, from the same code.
    assert main(["plan-inspections", str(short_history), "--start", "2026-12-07", "--days", "1", "--time-limit",
                 "1", "--teams", str(teams), "--out", str(tmp_path / "p.csv"), "--learn", "--explore", "0",
                 "--lang", "en"]) == EXIT_OK
    assert not_used_text(refusal, "en") in capsys.readouterr().out  # type: ignore[arg-type]


def test_inspections_page_says_why_in_spanish(short_history: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    refusal = _refusal(short_history)
    monkeypatch.setenv(state.ENV_DATASET, str(short_history))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    page = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    page.switch_page("vigia/ui/inspections/page.py").run()
    page.toggle(key="insp_learn").set_value(True)
    page.slider(key="insp_explore").set_value(0.0)
    page.number_input(key="insp_days").set_value(1)
    page.slider(key="insp_time_limit").set_value(2)
    page.button(key="insp_run").click().run()
    assert not page.exception, [e.message for e in page.exception]
    run = page.session_state[inspection_panels.RUN_KEY]
    assert run.request.priority_column is None and run.learn_note == refusal
    captions = [c.value for c in page.caption]
    assert not_used_text(refusal, "es") in captions  # type: ignore[arg-type]
    shown = "\n".join(captions)
    for english in _english_reasons():
        assert english not in shown, english
