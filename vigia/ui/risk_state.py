"""Risk scores for the pages: the slow part once per dataset, re-weighting on every slider move.

``risk.pipeline.prepare`` (indicators, expected cases, hotspots) runs once per
dataset file and version; ``recompose`` (weights, normalisation, aggregation and
the Monte Carlo ranks) runs when a control changes and is cached per choice, so
going back to an earlier choice is instant. Both caches are process-wide
resources: every session on the same dataset shares them, and nobody mutates
what they return.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from geodata.dataset import Dataset
from risk import pipeline
from vigia.ui import state

#: Environment variables that lower the Monte Carlo draws and permutations (tests, slow machines).
ENV_DRAWS = "VIGIA_RISK_DRAWS"
ENV_PERMUTATIONS = "VIGIA_RISK_PERMUTATIONS"

NORMALISATIONS: tuple[str, ...] = ("minmax", "zscore", "rank")
AGGREGATIONS: tuple[str, ...] = ("arithmetic", "geometric")


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return default
    return value if value >= 1 else default


def draws() -> int:
    """Monte Carlo draws for rank intervals (issue: at least 1,000 unless lowered for tests)."""
    return _env_int(ENV_DRAWS, pipeline.ScoreConfig().draws)


def permutations() -> int:
    return _env_int(ENV_PERMUTATIONS, pipeline.ScoreConfig().permutations)


@dataclass(frozen=True)
class Choice:
    """What the user picked: a preset, optional own weights, normalisation, aggregation."""

    preset: str = "balanced"
    weights: tuple[tuple[str, float], ...] | None = None
    normalisation: str = "minmax"
    aggregation: str = "arithmetic"

    def config(self) -> pipeline.ScoreConfig:
        return pipeline.ScoreConfig(
            preset=self.preset, weights=dict(self.weights) if self.weights else None,
            normalisation=self.normalisation, aggregation=self.aggregation,
            draws=draws(), permutations=permutations(),
        )


def presets() -> tuple[str, ...]:
    """Documented weight presets, in menu order."""
    return tuple(pipeline.PRESETS)


def preset_weights(prepared: Any, preset: str) -> dict[str, float]:
    """The preset's weight per indicator this dataset has (indicators it lacks are dropped)."""
    return dict(pipeline.preset_weights(prepared, preset))


def _version(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@st.cache_resource(show_spinner=False, max_entries=4)
def _prepared(path: str, mtime_ns: int, size: int, permutations: int) -> Any:
    """Indicators, expected cases and hotspots of one dataset version (the slow part)."""
    dataset = state.load_dataset_cached(Path(path))
    config = pipeline.ScoreConfig(permutations=permutations, draws=draws())
    return pipeline.prepare(dataset, config)


@st.cache_resource(show_spinner=False, max_entries=64)
def _scores(path: str, mtime_ns: int, size: int, choice: Choice, draws: int, permutations: int) -> Any:
    """Scores for one choice; ``draws``/``permutations`` only key the cache (read from the env)."""
    return pipeline.recompose(_prepared(path, mtime_ns, size, permutations), choice.config())


def prepared_for(path: Path) -> Any:
    """The cached ``prepare`` result of the dataset at ``path``."""
    return _prepared(*_version(path), permutations())


def scores_for(path: Path, choice: Choice) -> Any:
    """``risk.pipeline.Scores`` of the dataset at ``path`` under ``choice`` (cached)."""
    return _scores(*_version(path), choice, draws(), permutations())


def current_path() -> Path:
    return state.current_dataset_path(st.session_state)


def weights_choice(preset: str, weights: Mapping[str, float], defaults: Mapping[str, float],
                   normalisation: str, aggregation: str) -> Choice:
    """A :class:`Choice`; weights equal to the preset's (or all zero) mean "the preset"."""
    cleaned = {name: float(w) for name, w in weights.items()}
    own = None
    if any(w > 0 for w in cleaned.values()) and any(
            abs(cleaned.get(name, 0.0) - float(defaults.get(name, 0.0))) > 1e-9 for name in cleaned):
        own = tuple(sorted(cleaned.items()))
    return Choice(preset=preset, weights=own, normalisation=normalisation, aggregation=aggregation)


def dataset_label(dataset: Dataset) -> str:
    return str(dataset.source)
