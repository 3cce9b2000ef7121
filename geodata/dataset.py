"""The in-memory dataset and its one on-disk form (a GeoPackage).

:class:`Dataset` is what every capability reads: validated layers keyed by the
names in :mod:`geodata.contracts`, plus an ``about`` table saying where the
data came from (and whether its figures are synthetic).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio

from geodata.contracts import CRS, LAYER_ORDER, LAYERS
from geodata.problems import Problem

#: Name of the key/value table that describes the dataset (provenance, synthetic flag).
ABOUT_LAYER = "about"


@dataclass
class Dataset:
    """Validated layers of one dataset.

    Attributes
    ----------
    layers:
        Layer name -> GeoDataFrame (geometry layers, EPSG:4326) or DataFrame (tables).
        Only layers present in the input are here; ``areas`` always is.
    about:
        Free key/value description. Keys used by the product: ``title``,
        ``country`` (ISO 3166-1 alpha-3 of the dataset's country, e.g. "BOL";
        maps follow it, and without it the country is taken from where the areas lie),
        ``synthetic`` ("true"/"false"), ``areas_kind`` (e.g. "demo areas"),
        ``source``, ``seed``, ``generator``, ``timezone`` (IANA name of the clock times
        people read in plans, rosters and calendars; ``America/La_Paz`` when absent,
        see :func:`geodata.formats.timezone_of`).
    source:
        Where it was loaded from (file or folder name), for display.
    problems:
        Fixes and warnings found while loading (never errors: those raise).
    """

    layers: dict[str, pd.DataFrame]
    about: dict[str, str] = field(default_factory=dict)
    source: str = ""
    problems: list[Problem] = field(default_factory=list)

    def __contains__(self, name: str) -> bool:
        return name in self.layers

    def __getitem__(self, name: str) -> pd.DataFrame:
        try:
            return self.layers[name]
        except KeyError:
            raise KeyError(f"the dataset has no '{name}' layer; it has {sorted(self.layers)}") from None

    def get(self, name: str) -> pd.DataFrame | None:
        return self.layers.get(name)

    @property
    def areas(self) -> gpd.GeoDataFrame:
        return self.layers["areas"]

    @property
    def synthetic(self) -> bool:
        """True when the figures are generated, not real (the app must say so)."""
        return str(self.about.get("synthetic", "false")).lower() == "true"


def write_dataset(dataset: Dataset, path: str | Path) -> Path:
    """Write ``dataset`` as one GeoPackage (layers in contract order, then ``about``).

    An existing file at ``path`` is replaced, so a rebuilt dataset never keeps
    stale layers from an older one.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    names = [n for n in LAYER_ORDER if n in dataset.layers]
    names += [n for n in dataset.layers if n not in LAYERS]  # extra user layers kept
    for name in names:
        frame = dataset.layers[name]
        if isinstance(frame, gpd.GeoDataFrame) and frame.geometry.name in frame:
            frame = frame.to_crs(CRS) if frame.crs is not None else frame.set_crs(CRS)
            pyogrio.write_dataframe(frame, path, layer=name, driver="GPKG")
        else:
            pyogrio.write_dataframe(pd.DataFrame(frame), path, layer=name, driver="GPKG")
    about = pd.DataFrame({"key": list(dataset.about), "value": [str(v) for v in dataset.about.values()]})
    pyogrio.write_dataframe(about, path, layer=ABOUT_LAYER, driver="GPKG")
    return path
