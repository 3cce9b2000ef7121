"""The scores file: the one hand-off from ``risk`` to the planners, the app's downloads and GIS users.

A scores file is a GeoPackage. This module is the only place that knows its
layers, columns, types, meanings and metadata; the risk engine fills a
:class:`ScoresFile`, :func:`write_scores` writes it (applying the small-count
rule of :mod:`geodata.privacy` on the way out) and :func:`read_scores` reads it
back, validating once: a file that is not a Vigía scores file, lacks a layer or
a column, or comes from an incompatible format version is refused with a
:class:`~geodata.problems.DataError` naming the file, the layer and the column.

Layers (``LAYERS``):

* ``area_scores`` — one row per area with its geometry (:data:`AREA_COLUMNS`).
* ``crossing_scores`` — one row per border crossing (:data:`CROSSING_COLUMNS`),
  absent when the dataset has no crossings.
* ``indicators`` / ``contributions`` — ``area_id`` plus one column per indicator:
  the raw value, and the score points it adds (rows sum to ``score``).
* ``score_draws`` — ``area_id`` plus one column per Monte Carlo draw of the score
  (a seeded sample of at most :data:`MAX_DRAWS`), what a what-if planner resamples.
* ``crossing_score_draws`` — ``crossing_id`` plus one column per draw of the crossing
  score (same cap; draw ``k`` uses area draw ``k`` for the surrounding areas' risk),
  absent when the dataset has no crossings. Optional, so format version 2 still
  describes files with and without it: an older reader simply ignores the layer.
* ``score_metadata`` — ``key``/``value`` rows: format name and version, the
  :class:`Provenance`, what could not be computed, the model summary and the
  small-count threshold.

Privacy: recorded counts hidden by :func:`geodata.privacy.hidden_areas` leave
empty (``recorded_suppressed`` says ``"<5"`` or ``"*"``), and so does the
recorded/expected ratio that would give them back. Everything computed from
counts (rates, smoothed rates, contributions, the score) is computed by the
risk engine on :func:`geodata.privacy.protect_case_inputs`, which the file
records (``protected_threshold``); :func:`write_scores` refuses scores that were
not, so no writer can leak by forgetting.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely

from geodata.contracts import CRS
from geodata.dataset import Dataset
from geodata.privacy import SECONDARY, hidden_areas, small_count_threshold, suppressed_marker
from geodata.problems import DataError, Problem

#: What a scores file says it is (metadata ``format``) and the version this code reads and writes.
FORMAT_NAME = "vigia-scores"
FORMAT_VERSION = 2

AREA_LAYER = "area_scores"
CROSSING_LAYER = "crossing_scores"
INDICATOR_LAYER = "indicators"
CONTRIBUTION_LAYER = "contributions"
DRAWS_LAYER = "score_draws"
CROSSING_DRAWS_LAYER = "crossing_score_draws"
METADATA_LAYER = "score_metadata"
LAYERS: tuple[str, ...] = (AREA_LAYER, CROSSING_LAYER, INDICATOR_LAYER, CONTRIBUTION_LAYER, DRAWS_LAYER,
                           CROSSING_DRAWS_LAYER, METADATA_LAYER)

#: At most this many Monte Carlo draws of the score are kept in ``score_draws`` (and ``crossing_score_draws``).
MAX_DRAWS = 100

#: The hint every refusal ends with.
HINT = "give the .gpkg written by 'vigia score' (or the Risk map's download)"


@dataclass(frozen=True)
class ColumnSpec:
    """One column of a scores layer: its name, kind (text, number, integer, flag) and meaning."""

    name: str
    kind: str
    meaning: str


AREA_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("area_id", "text", "code of the area (the dataset's areas layer)"),
    ColumnSpec("name", "text", "name of the area"),
    ColumnSpec("admin1", "text", "department (first-level division)"),
    ColumnSpec("score", "number", "composite risk score, 0..100, higher = more risk"),
    ColumnSpec("rank", "integer", "rank of the score, 1 = highest"),
    ColumnSpec("rank_median", "number", "median rank over the Monte Carlo draws"),
    ColumnSpec("rank_low", "integer", "best rank of the 90% interval over weights and methods"),
    ColumnSpec("rank_high", "integer", "worst rank of the 90% interval"),
    ColumnSpec("p_top10", "number", "share of draws that put the area in the top 10%"),
    ColumnSpec("hotspot", "text", "Gi* class of the score (hot_99 .. cold_99, not_significant)"),
    ColumnSpec("lisa", "text", "Local Moran class of the score (HH, LL, HL, LH, ns)"),
    ColumnSpec("hotspot_cases", "text", "Gi* class of the smoothed case rate"),
    ColumnSpec("emerging", "text", "emerging-hotspot category over the periods"),
    ColumnSpec("expected_cases", "number", "cases the model expects from the non-case indicators"),
    ColumnSpec("recorded_cases", "integer", "recorded cases; empty where the small-count rule hides them"),
    ColumnSpec("recorded_suppressed", "text", "why recorded_cases is empty: '<5' small, '*' complementary"),
    ColumnSpec("detection_ratio", "number", "recorded / expected; empty where recorded is hidden"),
    ColumnSpec("under_detection", "flag", "far fewer recorded than expected cases"),
    ColumnSpec("coverage", "number", "share of the score's indicators the area has"),
    ColumnSpec("low_coverage", "flag", "coverage below 65%: the score stands on few indicators"),
    ColumnSpec("top_1", "text", "indicator that adds most to the score"),
    ColumnSpec("top_2", "text", "second indicator"),
    ColumnSpec("top_3", "text", "third indicator"),
)

#: Optional area columns, present only when the dataset has a usable ``inspections`` layer.
EFFORT_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("inspection_visits", "integer", "inspection visits recorded in the area"),
    ColumnSpec("effort", "number", "inspection visits per year in the area"),
    ColumnSpec("victims_found", "integer", "victims found by inspections; empty where the small-count rule hides them"),
    ColumnSpec("yield_per_inspection", "number", "victims per inspection, shrunk to the country's; empty where hidden"),
    ColumnSpec("likely_risk_little_inspected", "flag", "top tenth of expected risk, bottom quarter of visits"),
)

CROSSING_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("crossing_id", "text", "code of the crossing (the dataset's crossings layer)"),
    ColumnSpec("name", "text", "name of the crossing"),
    ColumnSpec("neighbour", "text", "neighbouring country (ISO3)"),
    ColumnSpec("kind", "text", "official or unofficial"),
    ColumnSpec("score", "number", "crossing risk score, 0..100"),
    ColumnSpec("rank", "integer", "rank of the score, 1 = highest"),
    ColumnSpec("rank_median", "number", "median rank over the Monte Carlo draws"),
    ColumnSpec("rank_low", "integer", "best rank of the 90% interval"),
    ColumnSpec("rank_high", "integer", "worst rank of the 90% interval"),
    ColumnSpec("p_top10", "number", "share of draws that put the crossing in the top 10%"),
    ColumnSpec("drivers", "text", "indicators that add most to the score"),
)


#: Columns of the tables people read (CSV, Excel, saved runs), in this order, when present.
SUMMARY_AREA_COLUMNS: tuple[str, ...] = (
    "area_id", "name", "admin1", "score", "rank", "rank_low", "rank_high", "p_top10", "hotspot",
    "emerging", "expected_cases", "recorded_cases", "detection_ratio", "top_1", "top_2", "top_3",
)
SUMMARY_CROSSING_COLUMNS: tuple[str, ...] = ("crossing_id", "name", "neighbour", "kind", "score", "rank",
                                            "rank_low", "rank_high", "drivers")


def column_names(specs: Iterable[ColumnSpec]) -> list[str]:
    """The names of ``specs``, in order."""
    return [spec.name for spec in specs]


# --------------------------------------------------------------------------- provenance


def vigia_version() -> str:
    """The installed Vigía version ('unknown' when run from a source tree that was never installed)."""
    try:
        return metadata.version("vigia")
    except metadata.PackageNotFoundError:
        return "unknown"


def dataset_name(dataset: Dataset) -> str:
    """A dataset's name as people know it: its title, else its file name."""
    return str(dataset.about.get("title") or Path(dataset.source).name or "dataset")


def dataset_hash(dataset: Dataset) -> str:
    """SHA-256 of the loaded dataset's content (layers, columns, values as text, geometry), not of a file.

    Two runs on the same loaded data get the same hash, whatever the file was called
    or when it was saved, so a score can be traced to the figures it stood on.
    """
    digest = hashlib.sha256()
    for name in sorted(dataset.layers):
        frame = dataset.layers[name]
        digest.update(f"{name}\n{','.join(map(str, frame.columns))}\n".encode())
        plain = pd.DataFrame(frame.drop(columns=["geometry"], errors="ignore")).astype(str)
        digest.update(pd.util.hash_pandas_object(plain, index=False).to_numpy().tobytes())
        if isinstance(frame, gpd.GeoDataFrame) and "geometry" in frame:
            digest.update(b"".join(shapely.to_wkb(frame.geometry.to_numpy(), hex=False)))
    return digest.hexdigest()


def file_hash(path: str | Path) -> str:
    """SHA-256 of a file's bytes (what plans and rosters record of the scores file they used)."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_label(path: str | Path, name: str = "") -> str:
    """``name · first 16 hex of the file's SHA-256``: how plans and rosters name the scores file they used."""
    return f"{name or Path(path).name} · {file_hash(path)[:16]}"


@dataclass(frozen=True)
class Provenance:
    """What a score was made from and how: enough to answer "which weights made this map"."""

    dataset_name: str
    dataset_hash: str
    vigia_version: str
    preset: str
    weights: dict[str, float]
    normalisation: str
    aggregation: str
    seed: int
    draws: int
    permutations: int
    created_at: str
    created_by: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Provenance:
        """The provenance in ``data``; ``KeyError`` names a missing field."""
        names = [f.name for f in fields(cls)]
        values = {name: data[name] for name in names if name != "created_by"}
        return cls(**values, created_by=str(data.get("created_by", "")))

    def rows(self) -> list[tuple[str, str]]:
        """``(field, text)`` rows for people: weights as ``name=0.25`` pairs, the hash shortened to 16 hex.

        Exports translate the field names (``provenance.<field>`` in the text tables).
        """
        out: list[tuple[str, str]] = []
        for name, value in self.to_dict().items():
            if name == "weights":
                text = ", ".join(f"{k}={float(v):.3f}" for k, v in sorted(value.items()))
            elif name == "dataset_hash":
                text = str(value)[:16]
            else:
                text = str(value)
            out.append((name, text))
        return out


def now_iso() -> str:
    """The current time as an ISO string with its UTC offset."""
    return datetime.now(UTC).isoformat(timespec="seconds")


# --------------------------------------------------------------------------- the file


@dataclass
class ScoresFile:
    """Everything a scores file holds (see the module docstring for the layers)."""

    areas: gpd.GeoDataFrame
    crossings: gpd.GeoDataFrame | None
    indicators: pd.DataFrame
    contributions: pd.DataFrame
    score_draws: pd.DataFrame | None
    missing: dict[str, str]
    model: dict[str, Any]
    provenance: Provenance
    #: Small-count threshold the risk engine protected its inputs with (0: not protected).
    protected_threshold: int = 0
    extra: dict[str, str] = field(default_factory=dict, repr=False)
    #: Monte Carlo draws of the crossing scores (index crossing_id, one column per draw), when there are crossings.
    crossing_draws: pd.DataFrame | None = None


def published_areas(areas: pd.DataFrame) -> pd.DataFrame:
    """``areas`` as they may leave: hidden recorded counts and their ratio emptied, the reason marked.

    The hidden cells are :func:`geodata.privacy.hidden_areas` (small counts and,
    per department, their complements); a frame already published keeps what
    it had hidden.
    """
    out = areas.copy()
    threshold = small_count_threshold()
    recorded = pd.to_numeric(out["recorded_cases"], errors="coerce")
    mask = hidden_areas(recorded.fillna(0), out["admin1"], threshold)
    already = out.get("recorded_suppressed", pd.Series("", index=out.index)).fillna("").astype(str)
    primary = mask["primary"].to_numpy() | (already == suppressed_marker(threshold)).to_numpy()
    secondary = (mask["secondary"].to_numpy() | (already == SECONDARY).to_numpy()) & ~primary
    hidden = primary | secondary
    out["recorded_cases"] = recorded.where(~hidden).round().astype("Int64")
    out["recorded_suppressed"] = np.where(primary, suppressed_marker(threshold), np.where(secondary, SECONDARY, ""))
    out["detection_ratio"] = pd.to_numeric(out["detection_ratio"], errors="coerce").where(~hidden)
    if "victims_found" in out:  # victims found by inspections: the same area rule, its own complements
        found = pd.to_numeric(out["victims_found"], errors="coerce")
        vmask = hidden_areas(found.fillna(0), out["admin1"], threshold)
        vhidden = (vmask["primary"] | vmask["secondary"]).to_numpy()
        out["victims_found"] = found.where(~vhidden).round().astype("Int64")
        if "yield_per_inspection" in out:  # yield x visits would give the count back
            out["yield_per_inspection"] = pd.to_numeric(out["yield_per_inspection"], errors="coerce").where(~vhidden)
    return out


def _ordered(frame: gpd.GeoDataFrame, specs: tuple[ColumnSpec, ...]) -> gpd.GeoDataFrame:
    names = column_names(specs)
    rest = [c for c in frame.columns if c not in names and c != "geometry"]
    return gpd.GeoDataFrame(frame[[c for c in names if c in frame.columns] + rest + ["geometry"]],
                            geometry="geometry", crs=frame.crs or CRS)


def _table_layer(frame: pd.DataFrame, key: str = "area_id") -> pd.DataFrame:
    out = pd.DataFrame(frame).copy()
    out.index = out.index.astype(str)
    out.index.name = key
    out.columns = [str(c) for c in out.columns]
    return out.reset_index()


def metadata_rows(scores: ScoresFile) -> dict[str, str]:
    """The ``score_metadata`` layer as ``key: value``."""
    return {
        "format": FORMAT_NAME,
        "format_version": str(FORMAT_VERSION),
        "provenance": json.dumps(scores.provenance.to_dict(), ensure_ascii=False),
        "missing": json.dumps(scores.missing, ensure_ascii=False),
        "model": json.dumps(scores.model, ensure_ascii=False, default=str),
        "small_count_threshold": str(small_count_threshold()),
        "protected_threshold": str(scores.protected_threshold),
        **scores.extra,
    }


def write_scores(scores: ScoresFile, path: str | Path) -> Path:
    """Write ``scores`` as a scores GeoPackage at ``path`` (replacing it only once complete).

    Refuses (``ValueError``) scores whose case-derived values were not computed on
    protected inputs at today's threshold: they could give a hidden count back.
    """
    threshold = small_count_threshold()
    has_counts = pd.to_numeric(scores.areas.get("recorded_cases"), errors="coerce").fillna(0).gt(0).any()
    if has_counts and scores.protected_threshold != threshold:
        raise ValueError(f"these scores were computed on inputs protected at threshold {scores.protected_threshold}, "
                         f"not {threshold}: score the dataset again before writing them")
    for name, draws in ((DRAWS_LAYER, scores.score_draws), (CROSSING_DRAWS_LAYER, scores.crossing_draws)):
        if draws is not None and draws.shape[1] > MAX_DRAWS:
            raise ValueError(f"{name} has {draws.shape[1]} columns; at most {MAX_DRAWS} are kept")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=".scores-", suffix=".gpkg", dir=path.parent)
    os.close(handle)
    temp = Path(temp_name)
    temp.unlink()
    try:
        areas = _ordered(published_areas(scores.areas), AREA_COLUMNS)
        pyogrio.write_dataframe(areas.to_crs(CRS), temp, layer=AREA_LAYER, driver="GPKG")
        if scores.crossings is not None and len(scores.crossings):
            crossings = _ordered(scores.crossings, CROSSING_COLUMNS)
            pyogrio.write_dataframe(crossings.to_crs(CRS), temp, layer=CROSSING_LAYER, driver="GPKG")
        tables = {INDICATOR_LAYER: scores.indicators, CONTRIBUTION_LAYER: scores.contributions}
        if scores.score_draws is not None:
            tables[DRAWS_LAYER] = scores.score_draws
        for name, frame in tables.items():
            pyogrio.write_dataframe(_table_layer(frame), temp, layer=name, driver="GPKG")
        if scores.crossing_draws is not None and len(scores.crossing_draws) and scores.crossing_draws.shape[1]:
            pyogrio.write_dataframe(_table_layer(scores.crossing_draws, "crossing_id"), temp,
                                    layer=CROSSING_DRAWS_LAYER, driver="GPKG")
        meta = metadata_rows(scores)
        pyogrio.write_dataframe(pd.DataFrame({"key": list(meta), "value": list(meta.values())}), temp,
                                layer=METADATA_LAYER, driver="GPKG")
        temp.replace(path)
    finally:
        temp.unlink(missing_ok=True)
    return path


def scores_bytes(scores: ScoresFile) -> bytes:
    """The scores GeoPackage as bytes (an app download), written by :func:`write_scores`."""
    with tempfile.TemporaryDirectory(prefix="vigia-scores-") as folder:
        return write_scores(scores, Path(folder) / "scores.gpkg").read_bytes()


# --------------------------------------------------------------------------- reading


def _refuse(file: str, layer: str | None, column: str | None, message: str, hint: str = HINT) -> DataError:
    return DataError([Problem(file, layer, None, column, message, hint)])


def _metadata(path: Path, layers: list[str]) -> dict[str, str]:
    name = path.name
    if METADATA_LAYER not in layers:
        raise _refuse(name, METADATA_LAYER, None,
                      f"not a Vigía scores file: it has no '{METADATA_LAYER}' layer "
                      f"(it has: {', '.join(layers) or 'none'})")
    frame = pyogrio.read_dataframe(path, layer=METADATA_LAYER, read_geometry=False)
    for column in ("key", "value"):
        if column not in frame.columns:
            raise _refuse(name, METADATA_LAYER, column, f"the '{METADATA_LAYER}' layer has no '{column}' column")
    meta = dict(zip(frame["key"].astype(str), frame["value"].astype(str)))
    if "format" not in meta and "config" in meta:  # written by Vigía before the format had a name and version
        meta = {**meta, "format": FORMAT_NAME, "format_version": "1"}
    if meta.get("format") != FORMAT_NAME:
        raise _refuse(name, METADATA_LAYER, "format", "not a Vigía scores file: its metadata names no scores format")
    version = meta.get("format_version", "")
    if version != str(FORMAT_VERSION):
        raise _refuse(name, METADATA_LAYER, "format_version",
                      f"scores format version {version or 'unknown'} cannot be read by this Vigía "
                      f"(it reads version {FORMAT_VERSION})",
                      "score the dataset again with this Vigía ('vigia score') and use the new file")
    return meta


def _layer(path: Path, layer: str, specs: tuple[ColumnSpec, ...], key: str, geometry: bool) -> pd.DataFrame:
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=geometry)
    missing = [c for c in column_names(specs) if c not in frame.columns]
    if missing:
        raise DataError([Problem(path.name, layer, None, c, f"the '{layer}' layer has no '{c}' column", HINT)
                         for c in missing])
    frame[key] = frame[key].astype(str)
    return frame


def _indexed(path: Path, layer: str, layers: list[str], required: bool, key: str = "area_id") -> pd.DataFrame | None:
    if layer not in layers:
        if required:
            raise _refuse(path.name, layer, None, f"the file has no '{layer}' layer")
        return None
    frame = pyogrio.read_dataframe(path, layer=layer, read_geometry=False)
    if key not in frame.columns:
        raise _refuse(path.name, layer, key, f"the '{layer}' layer has no '{key}' column")
    frame[key] = frame[key].astype(str)
    return pd.DataFrame(frame.set_index(key))


def read_scores(path: str | Path) -> ScoresFile:
    """Read and validate a scores file; :class:`DataError` names the file, layer and column when not usable."""
    path = Path(path)
    if not path.exists():
        raise _refuse(path.name, None, None, "the scores file does not exist", f"check the path {path}; {HINT}")
    try:
        layers = [str(row[0]) for row in pyogrio.list_layers(path)]
    except Exception as error:  # GDAL raises several kinds for a file that is not a GeoPackage
        raise _refuse(path.name, None, None, f"the file cannot be read as a GeoPackage: {error}") from None
    meta = _metadata(path, layers)
    if AREA_LAYER not in layers:
        raise _refuse(path.name, AREA_LAYER, None, f"the file has no '{AREA_LAYER}' layer")
    areas = gpd.GeoDataFrame(_layer(path, AREA_LAYER, AREA_COLUMNS, "area_id", True))
    crossings = None
    if CROSSING_LAYER in layers:
        crossings = gpd.GeoDataFrame(_layer(path, CROSSING_LAYER, CROSSING_COLUMNS, "crossing_id", True))
    try:
        provenance = Provenance.from_dict(json.loads(meta["provenance"]))
        missing = json.loads(meta.get("missing", "{}"))
        model = json.loads(meta.get("model", "{}"))
    except (KeyError, TypeError, ValueError) as error:
        raise _refuse(path.name, METADATA_LAYER, "provenance", f"the provenance cannot be read: {error}") from None
    known = {"format", "format_version", "provenance", "missing", "model", "small_count_threshold",
             "protected_threshold"}
    indicators = _indexed(path, INDICATOR_LAYER, layers, True)
    contributions = _indexed(path, CONTRIBUTION_LAYER, layers, True)
    assert indicators is not None and contributions is not None
    return ScoresFile(areas=areas, crossings=crossings, indicators=indicators, contributions=contributions,
                      score_draws=_indexed(path, DRAWS_LAYER, layers, False), missing=missing, model=model,
                      provenance=provenance, protected_threshold=int(meta.get("protected_threshold", "0") or 0),
                      extra={k: v for k, v in meta.items() if k not in known},
                      crossing_draws=_indexed(path, CROSSING_DRAWS_LAYER, layers, False, "crossing_id"))


__all__ = [
    "AREA_COLUMNS",
    "AREA_LAYER",
    "CONTRIBUTION_LAYER",
    "CROSSING_COLUMNS",
    "CROSSING_DRAWS_LAYER",
    "CROSSING_LAYER",
    "DRAWS_LAYER",
    "EFFORT_COLUMNS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "INDICATOR_LAYER",
    "LAYERS",
    "MAX_DRAWS",
    "METADATA_LAYER",
    "SUMMARY_AREA_COLUMNS",
    "SUMMARY_CROSSING_COLUMNS",
    "ColumnSpec",
    "Provenance",
    "ScoresFile",
    "dataset_hash",
    "dataset_name",
    "file_hash",
    "file_label",
    "now_iso",
    "published_areas",
    "read_scores",
    "scores_bytes",
    "vigia_version",
    "write_scores",
]
