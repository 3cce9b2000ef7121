"""The patrol problem as data: units, targets, weekly slots, rules, and risk per target-slot.

A week is 21 slots (7 days x 3 eight-hour shifts). Targets are the crossings
(official and unofficial) plus the *border stretches* between adjacent crossings
on the same neighbour's border, because traffickers who see a post staffed walk
around it. Adjacency is the minimum spanning tree of the crossings that share a
neighbour (great-circle distance): for crossings strung along a border line the
tree is the chain from one end to the other, and it needs no border geometry.

Risk per target-slot = target value x time profile. The value of a crossing is
its score (0..100, from the risk engine, passed in as data); a stretch carries
``stretch_weight`` x the mean of its two ends, because a post concentrates
traffic that a stretch spreads thin. The migration layer has yearly or monthly
counts and no hour or weekday, so the data cannot say *when* in the week people
cross. The default profile therefore weighs days equally and raises the night
shift by ``night_boost`` x the crossing's irregular share (irregular / entries
summed over the migration periods; unofficial crossings and stretches count as
fully irregular). A user who knows better passes their own :class:`TimeProfile`.

:func:`build_problem` turns a dataset, crossing scores and units into a
:class:`PatrolProblem`; everything downstream (roster, game, sampling) reads
only that object.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geodata.contracts import CRS
from geodata.dataset import Dataset
from geodata.problems import DataError, Problem
from geodata.scores_file import CROSSING_LAYER
from geodata.travel import RoadNetworkTravel, haversine_km, travel_matrix

SHIFTS: tuple[str, ...] = ("morning", "afternoon", "night")
#: Start hour of each shift (8 hours each): 06-14, 14-22, 22-06.
SHIFT_START_HOUR: dict[str, int] = {"morning": 6, "afternoon": 14, "night": 22}
SHIFT_HOURS = 8
DAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
N_SLOTS = len(DAYS) * len(SHIFTS)

TARGET_KINDS: tuple[str, ...] = ("official", "unofficial", "stretch")


def slot_of(day: int, shift: int) -> int:
    """Slot index (0..20) of ``day`` (0 = Monday) and ``shift`` (0 = morning)."""
    return day * len(SHIFTS) + shift


def slot_day(slot: int) -> int:
    return slot // len(SHIFTS)


def slot_shift(slot: int) -> int:
    return slot % len(SHIFTS)


@dataclass(frozen=True)
class Rules:
    """Duty rules every roster obeys (all editable; defaults are planning assumptions).

    Attributes
    ----------
    max_shifts_per_week:
        Default cap per unit when the units file gives none (5 x 8 h = a 40-hour week).
    min_rest_hours:
        Hours between the end of one shift and the start of the next (16 h: at most one
        shift in any three consecutive slots).
    min_official_shifts:
        Shifts per week each official crossing must be staffed (police presence at posts).
    max_travel_minutes:
        A unit may be sent to a target only if its base is at most this far; the rest of
        the 8-hour shift is spent on site.
    """

    max_shifts_per_week: int = 5
    min_rest_hours: int = 16
    min_official_shifts: int = 3
    max_travel_minutes: float = 120.0

    @property
    def rest_window(self) -> int:
        """Consecutive slots that may hold at most one shift of a unit, so rest is respected."""
        gap_slots = -(-self.min_rest_hours // SHIFT_HOURS)  # ceil
        return gap_slots + 1


@dataclass(frozen=True)
class Unit:
    """A patrol unit: a crew with a vehicle, leaving from its base each shift."""

    unit_id: str
    name: str
    base_id: str
    lon: float
    lat: float
    crew: int = 3
    shifts: tuple[str, ...] = SHIFTS
    max_shifts: int | None = None


@dataclass(frozen=True)
class Target:
    """A place a unit can guard for a shift: a crossing or a stretch between two crossings."""

    target_id: str
    name: str
    kind: str
    neighbour: str
    value: float
    night_factor: float
    #: Crossing ids: one for a crossing, the two ends for a stretch.
    crossing_ids: tuple[str, ...]
    geometry: shapely.Geometry


@dataclass(frozen=True)
class TimeProfile:
    """Relative weight of each shift and day; risk per slot = value x day x shift weight.

    ``night_boost`` raises the night shift by boost x the target's irregular share.
    ``shift_weights`` (kind -> three weights) replaces the default shape per target kind.
    """

    night_boost: float = 1.0
    day_weights: tuple[float, ...] = (1.0,) * len(DAYS)
    shift_weights: Mapping[str, tuple[float, float, float]] = field(default_factory=dict)

    def weights(self, target: Target) -> np.ndarray:
        """The 21 slot weights of ``target``."""
        shape = self.shift_weights.get(target.kind)
        if shape is None:
            shape = (1.0, 1.0, 1.0 + self.night_boost * target.night_factor)
        return np.outer(np.asarray(self.day_weights, float), np.asarray(shape, float)).ravel()


@dataclass(frozen=True)
class Pin:
    """A manual override: ``unit_id`` must be at ``target_id`` in ``slot``."""

    unit_id: str
    target_id: str
    slot: int


@dataclass
class PatrolProblem:
    """Everything the roster, the game and the sampler need, as arrays.

    ``risk[t, s]`` is the attacker's gain at target ``t`` in slot ``s`` when unguarded;
    ``reach[u, t, s]`` is True when unit ``u`` may guard target ``t`` in slot ``s``
    (works that shift and its base is within ``rules.max_travel_minutes``).
    """

    units: list[Unit]
    targets: list[Target]
    rules: Rules
    risk: np.ndarray
    reach: np.ndarray
    travel_minutes: np.ndarray
    pins: tuple[Pin, ...] = ()

    @property
    def n_units(self) -> int:
        return len(self.units)

    @property
    def n_targets(self) -> int:
        return len(self.targets)

    def max_shifts(self, u: int) -> int:
        cap = self.units[u].max_shifts
        return self.rules.max_shifts_per_week if cap is None else cap

    def unit_index(self, unit_id: str) -> int:
        return [x.unit_id for x in self.units].index(unit_id)

    def target_index(self, target_id: str) -> int:
        return [x.target_id for x in self.targets].index(target_id)

    def official_targets(self) -> list[int]:
        return [i for i, t in enumerate(self.targets) if t.kind == "official"]

    def with_pins(self, pins: Sequence[Pin]) -> PatrolProblem:
        """The same problem with manual overrides (checked: unknown ids raise ``ValueError``)."""
        for pin in pins:
            self.unit_index(pin.unit_id)
            self.target_index(pin.target_id)
            if not 0 <= pin.slot < N_SLOTS:
                raise ValueError(f"slot must be 0..{N_SLOTS - 1}, not {pin.slot}")
        return PatrolProblem(self.units, self.targets, self.rules, self.risk, self.reach,
                             self.travel_minutes, tuple(pins))

    def targets_frame(self) -> gpd.GeoDataFrame:
        """One row per target (id, name, kind, neighbour, value), geometry EPSG:4326."""
        return gpd.GeoDataFrame(
            {"target_id": [t.target_id for t in self.targets], "name": [t.name for t in self.targets],
             "kind": [t.kind for t in self.targets], "neighbour": [t.neighbour for t in self.targets],
             "value": [t.value for t in self.targets]},
            geometry=[t.geometry for t in self.targets], crs=CRS,
        )


def irregular_share(dataset: Dataset) -> dict[str, float]:
    """Irregular entries / entries per crossing over all migration periods (0..1)."""
    migration = dataset.get("migration")
    if migration is None or migration.empty:
        return {}
    sums = migration.groupby("crossing_id")[["entries", "irregular"]].sum()
    share = (sums["irregular"] / sums["entries"].where(sums["entries"] > 0)).clip(0, 1).fillna(0.0)
    return {str(k): float(v) for k, v in share.items()}


def _adjacent_pairs(crossings: gpd.GeoDataFrame) -> list[tuple[int, int]]:
    """Minimum-spanning-tree edges among crossings that share a neighbour country (row positions)."""
    pairs: list[tuple[int, int]] = []
    lon, lat = crossings.geometry.x.to_numpy(), crossings.geometry.y.to_numpy()
    for _, group in crossings.reset_index(drop=True).groupby("neighbour", sort=True):
        idx = list(group.index)
        if len(idx) < 2:
            continue
        dist = haversine_km(lon[idx][:, None], lat[idx][:, None], lon[idx][None, :], lat[idx][None, :])
        in_tree, best, parent = {0}, dist[0].copy(), [0] * len(idx)
        while len(in_tree) < len(idx):  # Prim's algorithm; a few dozen points at most
            outside = [j for j in range(len(idx)) if j not in in_tree]
            j = min(outside, key=lambda k: best[k])
            a, b = sorted((int(idx[parent[j]]), int(idx[j])))
            pairs.append((a, b))
            in_tree.add(j)
            for k in outside:
                if dist[j, k] < best[k]:
                    best[k], parent[k] = dist[j, k], j
    return sorted(pairs)


def scores_by_crossing(crossings: pd.DataFrame, scores: pd.DataFrame, source: str = "scores") -> dict[str, float]:
    """``crossing_id -> score`` for every crossing; a crossing without a score is an error."""
    problems = [Problem(source, CROSSING_LAYER, None, c, f"column '{c}' is missing",
                        "the layer needs crossing_id and score (0..100)")
                for c in ("crossing_id", "score") if c not in scores.columns]
    if problems:
        raise DataError(problems)
    values = pd.to_numeric(scores["score"], errors="coerce")
    table = dict(zip(scores["crossing_id"].astype(str), values))
    for i, (cid, value) in enumerate(zip(scores["crossing_id"].astype(str), values), start=1):
        if not np.isfinite(value) or value < 0:
            problems.append(Problem(source, CROSSING_LAYER, i, "score", f"score of {cid} is not a number >= 0",
                                    "scores are 0..100, higher = more risk"))
    missing = [c for c in crossings["crossing_id"].astype(str) if c not in table]
    if missing:
        problems.append(Problem(source, CROSSING_LAYER, None, "crossing_id",
                                f"no score for crossing(s) {', '.join(missing[:8])}"
                                + (f" and {len(missing) - 8} more" if len(missing) > 8 else ""),
                                "score the same dataset the roster is planned for"))
    if problems:
        raise DataError(problems)
    return {k: float(v) for k, v in table.items()}


def build_targets(
    dataset: Dataset, crossing_scores: pd.DataFrame, *, stretch_weight: float = 0.6,
    max_stretch_km: float = 200.0, source: str = "scores",
) -> list[Target]:
    """Crossings, then stretches between adjacent crossings, each with its value and night factor.

    Adjacent crossings farther apart than ``max_stretch_km`` give no stretch: a crew
    leaving from one end could not patrol it within a shift.
    """
    crossings = dataset.get("crossings")
    if crossings is None or crossings.empty:
        raise DataError([Problem(dataset.source or "dataset", "crossings", None, None,
                                 "the dataset has no crossings, so there is nothing to patrol",
                                 "add a crossings layer (official and unofficial border crossings)")])
    crossings = crossings.reset_index(drop=True)
    score = scores_by_crossing(crossings, crossing_scores, source)
    share = irregular_share(dataset)
    targets = []
    for row in crossings.itertuples():
        cid = str(row.crossing_id)
        night = 1.0 if row.kind == "unofficial" else share.get(cid, 0.0)
        targets.append(Target(cid, str(row.name), str(row.kind), str(row.neighbour), score[cid], night,
                              (cid,), row.geometry))
    for a, b in _adjacent_pairs(crossings):
        ca, cb = crossings.iloc[a], crossings.iloc[b]
        length = haversine_km(np.array(ca.geometry.x), np.array(ca.geometry.y),
                              np.array(cb.geometry.x), np.array(cb.geometry.y))
        if float(length) > max_stretch_km:
            continue
        ida, idb = str(ca["crossing_id"]), str(cb["crossing_id"])
        targets.append(Target(
            f"{ida}~{idb}", f"{ca['name']} ↔ {cb['name']}", "stretch", str(ca["neighbour"]),
            stretch_weight * (score[ida] + score[idb]) / 2.0, 1.0, (ida, idb),
            shapely.LineString([ca.geometry, cb.geometry]),
        ))
    return targets


def _travel_to_targets(units: Sequence[Unit], targets: Sequence[Target], crossings: gpd.GeoDataFrame,
                       roads: RoadNetworkTravel | None) -> np.ndarray:
    """Minutes from each unit base to each target (a stretch: its nearer end)."""
    ids = list(crossings["crossing_id"].astype(str))
    bases = np.array([[u.lon, u.lat] for u in units], float)
    points = np.column_stack([crossings.geometry.x, crossings.geometry.y])
    minutes = travel_matrix(bases, points, roads=roads).minutes
    out = np.empty((len(units), len(targets)))
    for j, target in enumerate(targets):
        cols = [ids.index(c) for c in target.crossing_ids]
        out[:, j] = minutes[:, cols].min(axis=1)
    return out


def build_problem(
    dataset: Dataset,
    crossing_scores: pd.DataFrame,
    units: Sequence[Unit],
    *,
    rules: Rules | None = None,
    profile: TimeProfile | None = None,
    stretch_weight: float = 0.6,
    max_stretch_km: float = 200.0,
    roads: RoadNetworkTravel | None = None,
    scores_source: str = "scores",
) -> PatrolProblem:
    """The patrol problem for one week: targets with risk per slot, who can reach what, rules."""
    rules = rules or Rules()
    profile = profile or TimeProfile()
    if not units:
        raise DataError([Problem(dataset.source or "units", "units", None, None, "there are no patrol units",
                                 "add police units to the offices layer or give a units file")])
    targets = build_targets(dataset, crossing_scores, stretch_weight=stretch_weight,
                            max_stretch_km=max_stretch_km, source=scores_source)
    risk = np.vstack([t.value * profile.weights(t) for t in targets])
    minutes = _travel_to_targets(units, targets, dataset["crossings"].reset_index(drop=True), roads)
    works = np.array([[SHIFTS[slot_shift(s)] in u.shifts for s in range(N_SLOTS)] for u in units])
    reach = (minutes <= rules.max_travel_minutes)[:, :, None] & works[:, None, :]
    return PatrolProblem(list(units), targets, rules, risk, reach, minutes)


__all__ = [
    "DAYS", "N_SLOTS", "SHIFTS", "SHIFT_HOURS", "SHIFT_START_HOUR", "TARGET_KINDS",
    "PatrolProblem", "Pin", "Rules", "Target", "TimeProfile", "Unit",
    "build_problem", "build_targets", "irregular_share", "scores_by_crossing",
    "slot_day", "slot_of", "slot_shift",
]
