"""The coverage problem as plain data, and the coverage rule every answer is measured by.

**Coverage rule.** A demand point ``i`` (an area, or a border crossing) carries risk
``w_i``. It is *reached* by a site (office, checkpoint) when the travel time from the
site is at most the reach (by default half a day's driving, so a team can go, inspect
and come back within a day's trip). With ``k`` teams at sites that reach it, the point
counts as covered to the degree ``1 - RETURN_PER_TEAM ** min(k, MAX_LEVELS)``: the first
team covers half of its risk, each further team half of what is still uncovered
(diminishing returns: a second team in the same place is worth less than a first team
somewhere nobody goes). Coverage of a plan = ``sum_i w_i * degree_i``.

With ``RETURN_PER_TEAM = 0.5`` the gains of team 1, 2, 3, ... are 0.5, 0.25, 0.125, ...;
after :data:`MAX_LEVELS` teams a point counts as covered to 1 - 0.5**8 = 99.6% and
more teams add nothing. The rule is linear in "levels" (the MIP in
:mod:`planner.coverage.solve` fills level ``l`` only when ``l - 1`` is filled, because
the gains decrease), so the model is exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

#: Each added team covers this share of the risk still uncovered at a point it reaches.
RETURN_PER_TEAM = 0.5

#: Beyond this many teams reaching a point, more add nothing.
MAX_LEVELS = 8

#: A site in the best set in fewer than this share of the score draws is called fragile.
FRAGILE_SHARE = 0.5


def level_gains(levels: int = MAX_LEVELS, ratio: float = RETURN_PER_TEAM) -> np.ndarray:
    """Coverage gained by the 1st, 2nd, ... team reaching a point: ``(1 - r) * r**(l-1)``."""
    return (1.0 - ratio) * ratio ** np.arange(levels, dtype=float)


def coverage_degree(teams_reaching: np.ndarray) -> np.ndarray:
    """Share of a point's risk covered by ``k`` teams reaching it (the rule above)."""
    k = np.minimum(np.asarray(teams_reaching, dtype=float), MAX_LEVELS)
    return 1.0 - RETURN_PER_TEAM ** k


def coverage(reach: np.ndarray, teams: np.ndarray, risk: np.ndarray) -> float:
    """Risk covered when site ``s`` holds ``teams[s]`` teams; ``reach`` is sites x points (bool)."""
    reaching = np.asarray(teams, dtype=float) @ np.asarray(reach, dtype=float)
    return float(np.asarray(risk, dtype=float) @ coverage_degree(reaching))


@dataclass(frozen=True)
class Question:
    """What the planner asks.

    ``new_sites`` new offices (or checkpoints) among the candidates, each with
    ``teams_per_new_site`` teams; ``add_teams`` extra teams placed at existing sites
    (and at the new ones); ``move_teams`` teams that may move from one site to another.
    """

    new_sites: int = 0
    teams_per_new_site: int = 2
    add_teams: int = 0
    move_teams: int = 0

    def __post_init__(self) -> None:
        for name in ("new_sites", "teams_per_new_site", "add_teams", "move_teams"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0")
        if self.new_sites and self.teams_per_new_site < 1:
            raise ValueError("a new site needs at least one team")
        if not (self.new_sites or self.add_teams or self.move_teams):
            raise ValueError("ask for new sites, added teams or moved teams")


@dataclass(frozen=True)
class CoverageProblem:
    """Demand points, sites and who reaches whom.

    Attributes
    ----------
    point_ids:
        One id per demand point (area or crossing).
    risk:
        Risk of each point (the score), shape ``(n,)``, >= 0.
    draws:
        Optional ``(n, d)`` Monte Carlo draws of the risk (one column per draw).
    site_ids, site_names:
        Existing sites first, then candidates.
    lonlat:
        ``(m, 2)`` site coordinates in degrees.
    teams:
        Teams at each site today, ``(m,)``; 0 for every candidate.
    existing:
        True for sites that exist today (they are never "opened").
    reach:
        ``(m, n)`` bool: site ``s`` reaches point ``i``.
    parent:
        Optional ``(n,)`` int: an earlier point whose reach is inside this one's (``-1``: none).
        Only a shortcut for the solver (nested rows are written compactly); answers do not change.
    """

    point_ids: tuple[str, ...]
    risk: np.ndarray
    site_ids: tuple[str, ...]
    site_names: tuple[str, ...]
    lonlat: np.ndarray
    teams: np.ndarray
    existing: np.ndarray
    reach: np.ndarray
    draws: np.ndarray | None = None
    reach_minutes: float = 0.0
    notes: tuple[str, ...] = field(default=())
    parent: np.ndarray | None = None

    def __post_init__(self) -> None:
        n, m = len(self.point_ids), len(self.site_ids)
        if np.shape(self.risk) != (n,):
            raise ValueError(f"risk must have one value per point ({n}), got shape {np.shape(self.risk)}")
        if np.shape(self.reach) != (m, n):
            raise ValueError(f"reach must be sites x points ({m}x{n}), got {np.shape(self.reach)}")
        for name in ("teams", "existing", "site_names"):
            if len(getattr(self, name)) != m:
                raise ValueError(f"{name} must have one entry per site ({m})")
        if np.shape(self.lonlat) != (m, 2):
            raise ValueError(f"lonlat must be ({m}, 2)")
        if self.draws is not None and (np.ndim(self.draws) != 2 or np.shape(self.draws)[0] != n):
            raise ValueError(f"draws must be points x draws ({n} rows), got {np.shape(self.draws)}")
        if self.parent is not None and (np.shape(self.parent) != (n,) or np.any(np.asarray(self.parent) >= np.arange(n))):
            raise ValueError("parent must give, for each point, an earlier point (or -1)")
        if np.any(np.asarray(self.risk) < 0) or not np.all(np.isfinite(self.risk)):
            raise ValueError("risk must be finite and >= 0")

    @classmethod
    def from_minutes(cls, point_ids: list[str], risk: np.ndarray, site_ids: list[str], site_names: list[str],
                     lonlat: np.ndarray, teams: np.ndarray, existing: np.ndarray, minutes: np.ndarray,
                     reach_minutes: float, draws: np.ndarray | None = None) -> CoverageProblem:
        """Reach from a sites x points travel-time matrix: a site reaches what is within ``reach_minutes``."""
        if reach_minutes <= 0:
            raise ValueError("reach_minutes must be > 0")
        return cls(point_ids=tuple(map(str, point_ids)), risk=np.asarray(risk, dtype=float),
                   site_ids=tuple(map(str, site_ids)), site_names=tuple(map(str, site_names)),
                   lonlat=np.asarray(lonlat, dtype=float), teams=np.asarray(teams, dtype=int),
                   existing=np.asarray(existing, dtype=bool), reach=np.asarray(minutes) <= reach_minutes,
                   draws=None if draws is None else np.asarray(draws, dtype=float), reach_minutes=reach_minutes)

    @property
    def candidates(self) -> np.ndarray:
        """Indices of the sites that could be opened."""
        return np.flatnonzero(~self.existing)

    def covered(self, teams: np.ndarray, risk: np.ndarray | None = None) -> float:
        """Risk covered with ``teams`` per site (default risk: :attr:`risk`)."""
        return coverage(self.reach, teams, self.risk if risk is None else risk)

    def today(self, risk: np.ndarray | None = None) -> float:
        """Risk covered by today's sites and teams."""
        return self.covered(self.teams, risk)

    @property
    def total_risk(self) -> float:
        return float(np.sum(self.risk))
