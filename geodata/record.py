"""Add new inspection results to a dataset: validated like any layer, all or nothing.

Results come back from the field (a filled sheet, see :mod:`planner.field_results`)
as a raw ``inspections`` layer. They are checked exactly like an uploaded layer
(every cell, by row and column), their area and site codes against the dataset's
own layers, and their ``inspection_id`` against the visits already recorded: a
visit brought twice is refused by name. With any error nothing is added; without,
the result is a new dataset holding every earlier row unchanged plus the new ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import geopandas as gpd
import pandas as pd

from geodata.contracts import LAYERS
from geodata.dataset import Dataset
from geodata.privacy import suppress_small
from geodata.problem_rows import Findings
from geodata.problems import Problem, Severity
from geodata.readers import RawLayer
from geodata.validate import LayerResult, check_references, validate_layer

LAYER = "inspections"


@dataclass
class Recorded:
    """What recording results did: the new dataset (None when refused) and every problem found."""

    dataset: Dataset | None
    problems: list[Problem] = field(default_factory=list)
    #: ``inspection_id`` of each visit added, in sheet order.
    added: list[str] = field(default_factory=list)
    #: Visits the dataset held before (all kept).
    before: int = 0

    @property
    def ok(self) -> bool:
        return self.dataset is not None

    def victims_text(self) -> str:
        """Victims found in the visits just added, for a message: a small count (1..4) is never shown
        as such (:func:`geodata.privacy.suppress_small`), since one visit's finding can point at people."""
        if self.dataset is None:
            return ""
        table = self.dataset.layers[LAYER]
        return suppress_small(int(table.loc[table["inspection_id"].isin(self.added), "victims"].sum()))


def record_inspections(dataset: Dataset, raw: RawLayer, problems: list[Problem] | None = None) -> Recorded:
    """``dataset`` plus the visits in ``raw``, or nothing when any row has an error.

    ``problems`` are earlier ones about the same file (reading it), reported along.
    """
    found = list(problems or [])
    existing = dataset.get(LAYER)
    before = 0 if existing is None else len(existing)
    if len(raw.frame) == 0:
        found.append(Problem(raw.file, LAYER, None, None, "no visit in the file is marked done; nothing was recorded",
                             "mark each visit that took place as done (sí) and fill in its results"))
        return Recorded(None, found, before=before)
    result = validate_layer(raw)
    check_references({name: _known(dataset, name) for name in ("areas", "sites") if dataset.get(name) is not None}
                     | {LAYER: result})
    if result.frame is not None and existing is not None:
        _refuse_recorded(result, existing, dataset.source or "the dataset")
    found += result.findings.items
    if any(p.severity is Severity.ERROR for p in found) or result.frame is None:
        return Recorded(None, found, before=before)
    new = _contract_columns(result.frame)
    layers = dict(dataset.layers)
    layers[LAYER] = new if existing is None else _append(existing, new)
    return Recorded(replace(dataset, layers=layers), found, list(new["inspection_id"]), before)


def _known(dataset: Dataset, name: str) -> LayerResult:
    """A layer already in the dataset, as the reference checks want it (already valid: no findings)."""
    frame = dataset.layers[name]
    file = dataset.source or "the dataset"
    return LayerResult(name, file, Findings(file, name, pd.RangeIndex(len(frame)).to_numpy() + 1), frame=frame)


def _refuse_recorded(result: LayerResult, existing: pd.DataFrame, source: str) -> None:
    """Each row whose visit the dataset already holds is an error naming it: results are never counted twice."""
    assert result.frame is not None
    recorded = pd.Index(existing["inspection_id"].astype("str"))
    ids = result.frame["inspection_id"]
    again = (ids.notna() & ids.astype("str").isin(recorded)).to_numpy(dtype=bool)
    for position in again.nonzero()[0]:
        visit = ids.iloc[position]
        result.findings.add(f"inspection_id '{visit}' is already recorded in {source}", column="inspection_id",
                            row=int(result.findings.rows[position]),
                            hint="these results were brought before; delete the row (or correct its code)")


def _contract_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Only the contract's columns: the sheet's helper columns (team, site name, order) are not data."""
    names = [c.name for c in LAYERS[LAYER].columns if c.name in frame]
    out = pd.DataFrame(frame[names]).reset_index(drop=True)
    return out


def _append(existing: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """Earlier rows exactly as they were, then the new ones (no point: results come from a sheet)."""
    if isinstance(existing, gpd.GeoDataFrame):
        added = gpd.GeoDataFrame(new, geometry=gpd.GeoSeries([None] * len(new), crs=existing.crs), crs=existing.crs)
        return gpd.GeoDataFrame(pd.concat([existing, added], ignore_index=True), crs=existing.crs)
    return pd.concat([existing, new], ignore_index=True)
