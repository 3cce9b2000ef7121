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
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import pandas as pd
import streamlit as st

from risk import pipeline
from risk import presets as presets_module
from vigia.ui import state
from vigia.ui.risk_map import risk_tables

#: Environment variables that lower the Monte Carlo draws and permutations (tests, slow machines).
ENV_DRAWS = "VIGIA_RISK_DRAWS"
ENV_PERMUTATIONS = "VIGIA_RISK_PERMUTATIONS"

NORMALISATIONS: tuple[str, ...] = presets_module.NORMALISATIONS
AGGREGATIONS: tuple[str, ...] = presets_module.AGGREGATIONS


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
    return tuple(presets_module.PRESETS)


def weight_groups(prepared: pipeline.Prepared) -> list[str]:
    """Indicator groups this dataset has (cases, victims, migration, ...), in the presets' order.

    Sliders work on groups, as the presets do: six themes a planner can weigh,
    rather than one slider per sector or exploitation type.
    """
    return presets_module.group_order(spec.group for spec in prepared.table.specs.values())


def preset_weights(prepared: pipeline.Prepared, preset: str) -> dict[str, float]:
    """The preset's share of each group this dataset has (:func:`risk.presets.group_shares`)."""
    return presets_module.group_shares(preset, weight_groups(prepared))


def _version(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_mtime_ns, stat.st_size


@st.cache_resource(show_spinner=False, max_entries=4)
def _prepared(path: str, mtime_ns: int, size: int, permutations: int) -> pipeline.Prepared:
    """Indicators, expected cases and hotspots of one dataset version (the slow part)."""
    dataset = state.load_dataset_cached(Path(path))
    config = pipeline.ScoreConfig(permutations=permutations, draws=draws())
    return pipeline.prepare(dataset, config)


@st.cache_resource(show_spinner=False, max_entries=64)
def _scores(path: str, mtime_ns: int, size: int, choice: Choice, draws: int,
            permutations: int) -> pipeline.Scores:
    """Scores for one choice; ``draws``/``permutations`` only key the cache (read from the env)."""
    return pipeline.recompose(_prepared(path, mtime_ns, size, permutations), choice.config())


def prepared_for(path: Path) -> pipeline.Prepared:
    """The cached ``prepare`` result of the dataset at ``path``."""
    return _prepared(*_version(path), permutations())


def scores_for(path: Path, choice: Choice) -> pipeline.Scores:
    """``risk.pipeline.Scores`` of the dataset at ``path`` under ``choice`` (cached)."""
    return _scores(*_version(path), choice, draws(), permutations())


@st.cache_resource(show_spinner=False, max_entries=16)
def _protected(key: str, thousands: str, _area_scores: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    return risk_tables.protect_recorded(_area_scores, thousands)


def protected_cases(path: Path, area_scores: pd.DataFrame, thousands: str) -> tuple[pd.Series, pd.Series]:
    """:func:`risk_tables.protect_recorded`, cached per dataset version: recorded counts and the
    area order do not depend on the weights, so every choice shares one suppression pattern."""
    return _protected(dataset_key(path), thousands, area_scores)


def dataset_key(path: Path) -> str:
    """The dataset file and version as one string (keys caches of what depends only on the data)."""
    return ":".join(str(part) for part in _version(path))


def current_path() -> Path:
    return state.current_dataset_path(cast(MutableMapping[str, Any], st.session_state))


def weights_choice(preset: str, weights: Mapping[str, float], defaults: Mapping[str, float],
                   normalisation: str, aggregation: str) -> Choice:
    """A :class:`Choice`; weights equal to the preset's (or all zero) mean "the preset"."""
    cleaned = {name: float(w) for name, w in weights.items()}
    own = None
    if any(w > 0 for w in cleaned.values()) and any(
            abs(cleaned.get(name, 0.0) - float(defaults.get(name, 0.0))) > 1e-9 for name in cleaned):
        own = tuple(sorted(cleaned.items()))
    return Choice(preset=preset, weights=own, normalisation=normalisation, aggregation=aggregation)
