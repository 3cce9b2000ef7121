"""A saved inspection plan reopened whole, against planning it again; and re-plans that keep locks.

Run by hand: ``python benchmarks/plan_result.py``. On the demo: a 10-working-day plan
(20 s search, the page's default) is saved in a SQLite workspace the way the Inspections
page saves it (the planner's whole result as tables), then reopened as a reload does:
tables read, :meth:`planner.result.PlanResult.from_tables`, context from the dataset; the
figure is the median of 5 reopenings. Then every field-trip day of a 3-day plan (up to 12)
is re-planned with all its visits locked (2 s each) and counted as kept when every locked
visit is on its team, day and start. Last line:
``RESULT plan_s=... reopen_s=... stored_mb=... trip_days=... locks_kept=... replan_failed=...``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.dataset import Dataset  # noqa: E402
from geodata.demo import build_demo  # noqa: E402
from planner.problem import InspectionProblem  # noqa: E402
from planner.result import PlanResult, plan_inspections  # noqa: E402
from vigia import inspection_runs, saved_plans  # noqa: E402
from vigia.workspace import open_workspace  # noqa: E402

REPEAT = 5
START = date(2026, 12, 7)


def reopen_figures(dataset: Dataset, folder: Path) -> tuple[float, float, float]:
    """(plan seconds, median reopen seconds, stored MB) for a 10-day plan of the demo."""
    run = inspection_runs.run(dataset, inspection_runs.PlanRequest(start=START, days=10, time_limit=20))
    print(f"10-day plan: {len(run.plan.visits)} visits, {len(run.plan.unplaced)} unplaced, {run.seconds:.1f} s")
    ws = open_workspace(f"sqlite:///{folder / 'ws.sqlite'}")
    record = ws.save_item(saved_plans.KIND, saved_plans.plan_name(run), user="bench",
                          tables=saved_plans.plan_tables(run), params=saved_plans.plan_params(run))
    stored = sum(len(ws.file(record.id, name)) for name in record.parts) / 1e6
    times = []
    for _ in range(REPEAT):
        fresh = open_workspace(f"sqlite:///{folder / 'ws.sqlite'}")
        began = time.perf_counter()
        item = fresh.item(record.id)
        again = saved_plans.reopen({name: fresh.table(item.id, name) for name in item.parts}, item.params,
                                   dataset)
        times.append(time.perf_counter() - began)
        assert again.plan.visits == run.plan.visits
    print(f"saved as {len(record.parts)} tables, {stored:.2f} MB; reopened in {statistics.median(times):.2f} s "
          f"(median of {REPEAT}), no solver")
    return run.seconds, statistics.median(times), stored


def trip_locks(dataset: Dataset) -> tuple[int, int, int]:
    """(field-trip days tried, re-plans that kept every lock, re-plans that failed)."""
    problem = InspectionProblem.from_dataset(dataset, start=START, days=3)
    first: PlanResult = plan_inspections(problem, time_limit=2, seed=0, iterations=300)
    trips = [(r.team_id, r.day) for r in first.plan.routes
             if r.site_ids and (r.overnight or r.start_name != r.end_name)][:12]
    kept = failed = 0
    for team_id, day in trips:
        locked = [v for v in first.plan.visits if (v.team_id, v.day) == (team_id, day)]
        try:
            again = first.replan([v.site_id for v in locked], [])
        except ValueError as error:
            failed += 1
            print(f"  {team_id} {day}: {error}")
            continue
        where = {(v.site_id, v.team_id, v.day, v.start) for v in again.plan.visits}
        kept += all((v.site_id, v.team_id, v.day, v.start) in where for v in locked)
    print(f"field-trip days re-planned with all their visits locked: {kept} of {len(trips)} kept, {failed} failed")
    return len(trips), kept, failed


def main() -> None:
    dataset = build_demo()
    with tempfile.TemporaryDirectory() as tmp:
        plan_s, reopen_s, stored_mb = reopen_figures(dataset, Path(tmp))
    trip_days, kept, failed = trip_locks(dataset)
    print(f"RESULT plan_s={plan_s:.1f} reopen_s={reopen_s:.2f} stored_mb={stored_mb:.2f} trip_days={trip_days} "
          f"locks_kept={kept} replan_failed={failed}")


if __name__ == "__main__":
    main()
