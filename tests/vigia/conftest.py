"""Fixtures shared by the app-page tests of this folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from warm_scores import DRAWS, PERMUTATIONS

from vigia.ui.risk_map import risk_state


@pytest.fixture(scope="module")
def warm_demo(demo_gpkg: Path) -> Path:
    """The demo scored once (default choice) so every page run only recomposes."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(risk_state.ENV_DRAWS, DRAWS)
        patch.setenv(risk_state.ENV_PERMUTATIONS, PERMUTATIONS)
        risk_state.scores_for(demo_gpkg, risk_state.Choice())
    return demo_gpkg
