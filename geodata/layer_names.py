"""The names a clerk gives layer files, sheets and GeoPackage layers, in Spanish or English.

A ministry office names its files ``casos.csv``, ``migración.xlsx`` or
``municipios.shp`` and its sheets ``Casos``. They are read as the contract's
layers (and the loader reports each as FIXED, as it does for Spanish column
names); names that match nothing still get the "did you mean" hint.
"""

from __future__ import annotations

from geodata.cell_parsers import normalise_name
from geodata.contracts import LAYERS

#: Spanish (and common English variant) names read as each layer. Compared after
#: :func:`~geodata.cell_parsers.normalise_name` (no case, accents, spaces or punctuation).
LAYER_ALIASES: dict[str, tuple[str, ...]] = {
    "areas": ("áreas", "municipios", "municipalities", "zonas", "límites municipales"),
    "crossings": ("pasos", "pasos fronterizos", "cruces", "puntos de cruce", "border crossings"),
    "offices": ("oficinas", "jefaturas", "unidades"),
    "sites": ("lugares", "sitios", "establecimientos", "centros de trabajo", "workplaces"),
    "cases": ("casos", "casos de trata"),
    "migration": ("migración", "flujos migratorios", "migraciones"),
    "sectors": ("sectores", "empleo sectorial", "employment"),
    "inspections": ("inspecciones", "visitas", "registro de inspecciones", "visits"),
}

_BY_KEY: dict[str, str] = {
    normalise_name(alias): layer for layer, aliases in LAYER_ALIASES.items() for alias in aliases
}


def layer_for(name: str) -> tuple[str, bool] | None:
    """The layer a file stem, sheet or GeoPackage layer name stands for, and whether it took an alias.

    ``"cases"`` -> ``("cases", False)``; ``"Casos"`` -> ``("cases", True)``; ``"notas"`` -> None.
    """
    plain = str(name).strip().lower()
    if plain in LAYERS:
        return plain, False
    key = normalise_name(name)
    if key in LAYERS:
        return key, False
    layer = _BY_KEY.get(key)
    return (layer, True) if layer is not None else None


def names_for(layer: str) -> tuple[str, ...]:
    """Every name read as ``layer``, English first (for messages such as "name the sheet 'cases' or 'casos'")."""
    return (layer, *LAYER_ALIASES.get(layer, ()))
