"""Resource what-if: the ranked options for one question, with coverage, gain and robustness.

``what_if(problem, question)`` solves the covering model (best option and the next
ones, each at a different set of sites), measures each option by the coverage rule
against today's resources, and solves again under the scores' draws to label each
option robust or fragile. The result is a plain table (:meth:`WhatIf.to_frame`),
which is also what the report files and the workspace store and read back.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass, field, replace

import numpy as np
import pandas as pd

from planner.coverage.model import CoverageProblem, Question
from planner.coverage.solve import Change, best_changes
from planner.coverage.uncertainty import DEFAULT_DRAWS, DrawStudy, across_draws

#: Columns of the report table, in order (stable codes; files translate the headers).
REPORT_COLUMNS: tuple[str, ...] = (
    "rank", "option", "kind", "site_ids", "lon", "lat", "sites_lonlat", "teams_added", "site_new", "covered_today",
    "covered", "gain", "gain_pct", "covered_today_pct", "covered_pct", "in_best_share", "robustness",
    "gap_pct", "planner_today", "planner_after", "planner_gain_pct",
)


@dataclass(frozen=True)
class SiteChange:
    """Teams added (or moved away, negative) at one site; ``new`` for an office or checkpoint opened."""

    site_id: str
    name: str
    lon: float
    lat: float
    teams: int
    new: bool


@dataclass(frozen=True)
class Option:
    """One ranked answer to the question."""

    rank: int
    kind: str
    changes: tuple[SiteChange, ...]
    covered_today: float
    covered: float
    total_risk: float
    in_best_share: float
    robustness: str
    gap: float
    planner_today: float = math.nan
    planner_after: float = math.nan

    @property
    def gain(self) -> float:
        return self.covered - self.covered_today

    @property
    def gain_pct(self) -> float:
        """Gain in coverage, in % of today's coverage."""
        return 100.0 * self.gain / self.covered_today if self.covered_today > 0 else math.nan

    @property
    def planner_gain_pct(self) -> float:
        """How much more risk the real planner covers with this change than today, in % (inspection planner
        for offices and teams, patrol planner's guarded risk for checkpoints)."""
        if not (self.planner_today > 0) or math.isnan(self.planner_after):
            return math.nan
        return 100.0 * (self.planner_after - self.planner_today) / self.planner_today

    @property
    def label(self) -> str:
        """Names of the sites that gain, with the teams they get: ``Riberalta (+2)``."""
        return "; ".join(f"{c.name} ({c.teams:+d})" for c in self.changes)

    @property
    def first_new(self) -> SiteChange | None:
        return next((c for c in self.changes if c.new), self.changes[0] if self.changes else None)


@dataclass
class WhatIf:
    """The answer to one question: options best first, with what they were measured on."""

    question: Question
    target: str                      # offices over "areas" or "sites"; checkpoints over "crossings"
    options: list[Option]
    total_risk: float
    covered_today: float
    reach_minutes: float
    draws_solved: int
    seconds: float
    notes: list[str] = field(default_factory=list)

    def to_frame(self) -> pd.DataFrame:
        """One row per option, best first (the CSV report)."""
        rows = []
        for o in self.options:
            new = o.first_new
            rows.append({
                "rank": o.rank, "option": o.label, "kind": o.kind,
                "site_ids": ";".join(c.site_id for c in o.changes),
                "lon": round(new.lon, 5) if new is not None and new.new else math.nan,
                "lat": round(new.lat, 5) if new is not None and new.new else math.nan,
                "sites_lonlat": ";".join(f"{c.lon:.5f} {c.lat:.5f}" for c in o.changes),
                "teams_added": ";".join(f"{c.teams:+d}" for c in o.changes),
                "site_new": ";".join("1" if c.new else "0" for c in o.changes),
                "covered_today": round(o.covered_today, 4), "covered": round(o.covered, 4),
                "gain": round(o.gain, 4), "gain_pct": round(o.gain_pct, 3),
                "covered_today_pct": round(100 * o.covered_today / o.total_risk, 3) if o.total_risk else math.nan,
                "covered_pct": round(100 * o.covered / o.total_risk, 3) if o.total_risk else math.nan,
                "in_best_share": round(o.in_best_share, 4), "robustness": o.robustness,
                "gap_pct": round(100 * o.gap, 4),
                "planner_today": round(o.planner_today, 3), "planner_after": round(o.planner_after, 3),
                "planner_gain_pct": round(o.planner_gain_pct, 3),
            })
        return pd.DataFrame(rows, columns=list(REPORT_COLUMNS))

    def about(self) -> dict[str, object]:
        """What was asked and how it was measured (the report's About sheet, the workspace's parameters)."""
        return {"question": asdict(self.question), "target": self.target, "total_risk": self.total_risk,
                "covered_today": self.covered_today, "reach_minutes": self.reach_minutes,
                "draws_solved": self.draws_solved, "seconds": round(self.seconds, 2), "notes": list(self.notes)}

    def to_json(self) -> str:
        """The whole result as JSON (what the workspace stores)."""
        return json.dumps({"about": self.about(), "options": json.loads(self.to_frame().to_json(orient="records"))},
                          ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> WhatIf:
        data = json.loads(text)
        return from_frame(pd.DataFrame(data["options"], columns=list(REPORT_COLUMNS)), data["about"])


def _number(value: object) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def from_frame(frame: pd.DataFrame, about: dict[str, object]) -> WhatIf:
    """A :class:`WhatIf` back from its report table and :meth:`WhatIf.about` (reopening a saved scenario)."""
    q = about.get("question")
    q = q if isinstance(q, dict) else {}
    notes = about.get("notes")
    options = []
    for row in frame.to_dict("records"):
        ids = [s for s in str(row["site_ids"]).split(";") if s]
        names = str(row["option"]).split("; ")
        points = [tuple(map(float, p.split())) for p in str(row["sites_lonlat"]).split(";") if p.strip()]
        teams = [int(t) for t in str(row["teams_added"]).split(";") if t]
        new = [flag == "1" for flag in str(row["site_new"]).split(";")]
        changes = tuple(SiteChange(sid, name.rsplit(" (", 1)[0], lon, lat, t, is_new)
                        for sid, name, (lon, lat), t, is_new in zip(ids, names, points, teams, new))
        total = _number(about.get("total_risk"))
        options.append(Option(rank=int(row["rank"]), kind=str(row["kind"]), changes=changes,
                              covered_today=_number(row["covered_today"]), covered=_number(row["covered"]),
                              total_risk=total, in_best_share=_number(row["in_best_share"]),
                              robustness=str(row["robustness"]), gap=_number(row["gap_pct"]) / 100,
                              planner_today=_number(row["planner_today"]), planner_after=_number(row["planner_after"])))
    question = Question(**{str(k): int(v) for k, v in q.items()})
    return WhatIf(question=question, target=str(about.get("target", "areas")), options=options,
                  total_risk=_number(about.get("total_risk")), covered_today=_number(about.get("covered_today")),
                  reach_minutes=_number(about.get("reach_minutes")), draws_solved=int(_number(about.get("draws_solved"))),
                  seconds=_number(about.get("seconds")), notes=[str(n) for n in notes] if isinstance(notes, list) else [])


def _kind(question: Question, target: str) -> str:
    if question.new_sites:
        return "checkpoint" if target == "crossings" else "office"
    return "move" if question.move_teams and not question.add_teams else "teams"


def _option(problem: CoverageProblem, change: Change, rank: int, kind: str, study: DrawStudy,
            covered_today: float) -> Option:
    changes = tuple(
        SiteChange(problem.site_ids[s], problem.site_names[s], float(problem.lonlat[s, 0]),
                   float(problem.lonlat[s, 1]), int(change.delta[s]), not bool(problem.existing[s]))
        for s in sorted(np.flatnonzero(change.delta != 0), key=lambda s: (problem.existing[s], -change.delta[s])))
    gaining = change.gaining
    return Option(rank=rank, kind=kind, changes=changes, covered_today=covered_today, covered=change.covered,
                  total_risk=problem.total_risk, in_best_share=study.share(gaining), robustness=study.label(gaining),
                  gap=change.gap)


def what_if(problem: CoverageProblem, question: Question, *, options: int = 3, time_limit: float = 30.0,
            draws: int = DEFAULT_DRAWS, seed: int = 0, target: str = "areas") -> WhatIf:
    """Ranked options for ``question`` (best first) and their robustness across ``draws`` score draws.

    Half of ``time_limit`` goes to the ranked options, half to the draws.
    """
    began = time.perf_counter()
    share = 0.5 if problem.draws is not None and draws > 0 else 1.0
    found = best_changes(problem, question, options=options, time_limit=time_limit * share)
    study = (across_draws(problem, question, draws=draws, seed=seed, time_limit=time_limit * (1 - share))
             if share < 1 else DrawStudy(np.zeros(len(problem.site_ids)), 0, 0.0))
    today = problem.today()
    kind = _kind(question, target)
    notes = list(problem.notes)
    if study.draws_solved == 0:
        notes.append(f"no score draws for the {target}: robustness not assessed")
    return WhatIf(question=question, target=target,
                  options=[_option(problem, c, k + 1, kind, study, today) for k, c in enumerate(found)],
                  total_risk=problem.total_risk, covered_today=today, reach_minutes=problem.reach_minutes,
                  draws_solved=study.draws_solved, seconds=time.perf_counter() - began, notes=notes)


def with_planner_check(result: WhatIf, planner_today: float, planner_after: list[float]) -> WhatIf:
    """The result with the real planner's risk covered today and after each option (in rank order)."""
    options = [replace(o, planner_today=planner_today, planner_after=after)
               for o, after in zip(result.options, planner_after)] + result.options[len(planner_after):]
    return replace(result, options=options)
