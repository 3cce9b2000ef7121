"""The Inspections page's learning parts on the demo (which carries a synthetic inspection history):
the Results panel replays every year, and the exploration slider's share reaches the plan."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geodata import formats
from vigia.ui import state
from vigia.ui.i18n import t
from vigia.ui.inspections import inspection_panels

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PAGE = "vigia/ui/inspections/page.py"


@pytest.fixture
def page(demo_gpkg: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def test_results_panel_and_exploration_share(page: AppTest) -> None:
    assert t("learning.results_header", "es") in [h.value for h in page.subheader]
    table = page.dataframe[0].value if page.dataframe else None
    assert table is not None and t("evaluate.auc", "es") in table.columns
    assert len(table) >= 1  # the demo's history has at least one year with an earlier one
    page.slider(key="insp_explore").set_value(0.3)
    page.number_input(key="insp_days").set_value(2)
    page.slider(key="insp_time_limit").set_value(2)
    page.button(key="insp_run").click().run()
    assert not page.exception, [e.message for e in page.exception]
    run = page.session_state[inspection_panels.RUN_KEY]
    assert run.request.explore == 0.3
    drawn = [v for v in run.plan.visits if v.selection == "random"]
    assert drawn, "a share of 0.3 puts drawn visits in the plan"
    assert any(t("learning.explore_count", "es", n=len(drawn), total=len(run.plan.visits),
                 p=formats.decimal(drawn[0].selection_probability, "es", 3)) == c.value for c in page.caption)


def _priorities(page: AppTest, learn: bool) -> dict[str, float]:
    page.toggle(key="insp_learn").set_value(learn)
    page.slider(key="insp_explore").set_value(0.0)
    page.number_input(key="insp_days").set_value(1)
    page.slider(key="insp_time_limit").set_value(2)
    page.button(key="insp_run").click().run()
    assert not page.exception, [e.message for e in page.exception]
    run = page.session_state[inspection_panels.RUN_KEY]
    assert run.request.learn is learn
    return {s.site_id: s.priority for s in run.problem.sites}


def test_learn_switch_ranks_like_the_cli_learn_option(page: AppTest, demo_gpkg: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from vigia.cli import EXIT_OK, main

    assert page.toggle(key="insp_learn").label == t("learning.learn", "es")
    assert t("learning.learn_line", "es") in [c.value for c in page.caption]
    usual = _priorities(page, learn=False)
    learned = _priorities(page, learn=True)
    assert t("learning.learn_used", "es") in [c.value for c in page.caption]
    assert set(usual) == set(learned) and usual != learned, "the switch changes the ranking"
    out = tmp_path / "plan.csv"
    assert main(["plan-inspections", str(demo_gpkg), "--start", "2026-12-07", "--days", "1", "--time-limit", "1",
                 "--explore", "0", "--learn", "--lang", "en", "--out", str(out)]) == EXIT_OK
    assert "site yield learned from past inspections" in capsys.readouterr().out
    cli = pd.read_csv(out, dtype={"site_id": str}).set_index("site_id")["priority"]
    assert len(cli) > 0
    assert [learned[k] for k in cli.index] == pytest.approx(cli.tolist()), "same priorities as `--learn`"
    assert [usual[k] for k in cli.index] != pytest.approx(cli.tolist())
