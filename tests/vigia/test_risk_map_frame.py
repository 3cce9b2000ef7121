"""The Risk map's frame survives a weight or preset change; only colours and tooltip texts travel.

What streamlit-folium hands the browser is captured (its component function replaced):
the component key is a hash of the base script, so an equal key means the browser keeps
the frame (Leaflet, basemap, shapes, the reader's zoom) and only swaps the feature group.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import streamlit_folium

from geodata.load import load_dataset
from risk import pipeline
from vigia.ui.risk_map import risk_exports, risk_maps

CONFIG = {"draws": 50, "permutations": 0}


@pytest.fixture(scope="module")
def two_choices(demo_gpkg: Path) -> tuple[Any, pipeline.Scores, pipeline.Scores]:
    dataset = load_dataset(demo_gpkg)
    prepared = pipeline.prepare(dataset, pipeline.ScoreConfig(**CONFIG))
    balanced = pipeline.recompose(prepared, pipeline.ScoreConfig(**CONFIG))
    migration = pipeline.recompose(prepared, pipeline.ScoreConfig(preset="migration", **CONFIG))
    return dataset, balanced, migration


def _sent(monkeypatch: pytest.MonkeyPatch, risk_map: risk_maps.AreaMap) -> dict[str, Any]:
    captured: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: captured.update(kwargs))
    risk_maps.show_clickable(risk_map, key="risk_map")
    return captured


def _fills(group_script: str) -> dict[str, str]:
    values = json.loads(re.search(r"var values = (\{.*?\});\n", group_script, re.S).group(1))  # type: ignore[union-attr]
    return {area: props["fill"] for area, props in values.items()}


def test_a_preset_change_keeps_the_frame_and_sends_only_colours(
        two_choices: tuple[Any, pipeline.Scores, pipeline.Scores], monkeypatch: pytest.MonkeyPatch) -> None:
    dataset, balanced, migration = two_choices
    first = _sent(monkeypatch, risk_maps.area_map(dataset, balanced.area_scores, "score", online=False))
    second = _sent(monkeypatch, risk_maps.area_map(dataset, migration.area_scores, "score", online=False))
    assert first["key"] == second["key"], "the base script changed: the browser would reload the whole map"
    assert first["feature_group"] != second["feature_group"]
    fills = _fills(second["feature_group"])
    assert set(fills) == set(dataset.areas["area_id"].astype(str)), "every area gets its colour"
    expected = risk_maps.classify(migration.area_scores, "score").colours
    assert fills == dict(zip(migration.area_scores["area_id"].astype(str), expected))
    assert '"coordinates"' not in second["feature_group"], "shapes stay in the frame, never resent"
    assert '"coordinates"' in second["script"]
    a_rank = risk_maps.rank_text(*migration.area_scores[["rank", "rank_low", "rank_high"]].iloc[0])
    assert a_rank not in second["script"], "no score in the base, or every change would rebuild the frame"


def test_a_view_change_rebuilds_the_frame_with_its_tooltip(
        two_choices: tuple[Any, pipeline.Scores, pipeline.Scores], monkeypatch: pytest.MonkeyPatch) -> None:
    dataset, balanced, _ = two_choices
    score = _sent(monkeypatch, risk_maps.area_map(dataset, balanced.area_scores, "score", online=False))
    hotspot = _sent(monkeypatch, risk_maps.area_map(dataset, balanced.area_scores, "hotspot", online=False))
    assert score["key"] != hotspot["key"] and "class_text" in hotspot["script"]


def test_the_downloaded_map_draws_each_layer_and_legend_once(
        two_choices: tuple[Any, pipeline.Scores, pipeline.Scores]) -> None:
    dataset, balanced, _ = two_choices
    page = risk_exports.map_html(risk_maps.area_view(dataset, balanced.area_scores, "score", online=False),
                                 balanced.provenance()).decode()
    # countries, areas, department lines, crossings
    assert page.count("L.geoJson(") == 4 and page.count('L.control({position: "topright"})') == 1
    assert risk_maps.classify(balanced.area_scores, "score").colours[0] in page
