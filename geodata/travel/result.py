"""The travel-time matrix both planners consume, whichever model produced it."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Names of the models, as stored in :attr:`TravelMatrix.method`.
METHODS: tuple[str, ...] = ("great_circle", "road_network")


@dataclass(frozen=True)
class TravelMatrix:
    """Travel estimates from every origin (rows) to every destination (columns).

    Attributes
    ----------
    minutes:
        Driving time in minutes, shape ``(n_origins, n_destinations)``; always finite.
    km:
        Distance travelled in km (road km, or great-circle km times the detour factor).
    method:
        ``"great_circle"`` or ``"road_network"``.
    fallback:
        True where the road graph could not connect the pair (different components)
        and the great-circle estimate was used instead. All False for ``great_circle``.

    The arrays are read-only so one matrix can be shared by several plans; copy to edit.
    """

    minutes: np.ndarray
    km: np.ndarray
    method: str
    fallback: np.ndarray

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {METHODS}, not {self.method!r}")
        shapes = {a.shape for a in (self.minutes, self.km, self.fallback)}
        if len(shapes) != 1 or self.minutes.ndim != 2:
            raise ValueError(f"minutes, km and fallback must be 2-D of one shape; got {shapes}")
        for array in (self.minutes, self.km, self.fallback):
            array.flags.writeable = False

    @property
    def shape(self) -> tuple[int, int]:
        """``(n_origins, n_destinations)``."""
        return self.minutes.shape
