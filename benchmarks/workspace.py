"""Save and reopen a national dataset with a score run and a 10-day plan, on SQLite and PostgreSQL.

Run by hand: ``python benchmarks/workspace.py``. The dataset is the demo figures on the
343 real municipalities from ../shared when present (else the demo), written as a
GeoPackage; the score run is ``risk.pipeline.score`` on it and the plan is a 10-working-day
inspection plan from ``planner`` when those packages are installed (else tables of the
same shape, said so in the output). "Save" stores the dataset, the score run's tables and
the plan's tables; "open" reads them all back as a reloaded page would. Each figure is the
median of 5 repetitions. Last line: ``RESULT sqlite_save_s=... sqlite_open_s=... pg_save_s=... pg_open_s=...``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.demo import write_demo  # noqa: E402
from geodata.load import load_dataset  # noqa: E402
from geodata.scores_file import AREA_LAYER, CROSSING_LAYER  # noqa: E402
from vigia.workspace import open_workspace  # noqa: E402
from vigia.workspace.local_pg import PostgresUnavailable, temporary_postgres  # noqa: E402

MUNICIPIOS = ROOT.parent / "shared" / "data" / "bolivia" / "municipios" / "municipios_bolivia_2024.gpkg"
REPEAT = 5


def national_dataset(folder: Path) -> Path:
    path = folder / "national.gpkg"
    write_demo(path, areas_file=MUNICIPIOS if MUNICIPIOS.exists() else None)
    print(f"dataset: {path.stat().st_size / 1e6:.1f} MB ({'343 municipalities' if MUNICIPIOS.exists() else 'demo areas'})")
    return path


def score_tables(path: Path) -> tuple[dict[str, pd.DataFrame], str]:
    dataset = load_dataset(path)
    try:
        from risk.pipeline import score
    except ImportError:
        areas = dataset.areas[["area_id", "geometry"]].copy()
        rng = np.random.default_rng(0)
        for column in ("score", "rank", "rank_low", "rank_high", "p_top10", "expected_cases"):
            areas[column] = rng.random(len(areas))
        return {AREA_LAYER: areas}, "score-shaped tables (risk.pipeline not installed)"
    scores = score(dataset)
    tables: dict[str, pd.DataFrame] = {AREA_LAYER: scores.area_scores}
    if scores.crossing_scores is not None:
        tables[CROSSING_LAYER] = scores.crossing_scores
    return tables, "risk.pipeline.score"


def plan_tables(path: Path) -> tuple[dict[str, pd.DataFrame], str]:
    """A real 10-working-day inspection plan on the dataset (10 s search), as the app saves it."""
    try:
        from datetime import date

        from vigia import inspection_runs, saved_plans
    except ImportError:
        return {"visits": plan_table()}, "plan-shaped table (planner not installed)"
    run = inspection_runs.run(load_dataset(path), inspection_runs.PlanRequest(start=date(2026, 12, 7), days=10,
                                                                             time_limit=10))
    return saved_plans.plan_tables(run), f"10-day plan, {len(run.plan.visits)} visits"


def plan_table(n_visits: int = 700) -> pd.DataFrame:
    """A 10-day plan's visit table (11 teams x 10 days x ~6 visits): storage cost only."""
    rng = np.random.default_rng(1)
    return pd.DataFrame({"team_id": [f"T{i % 11}" for i in range(n_visits)],
                         "day": pd.to_datetime("2026-12-07") + pd.to_timedelta(rng.integers(0, 14, n_visits), "D"),
                         "order": rng.integers(1, 8, n_visits), "site_id": [f"S{i:04d}" for i in range(n_visits)],
                         "lon": rng.uniform(-69, -58, n_visits), "lat": rng.uniform(-22, -10, n_visits),
                         "priority": rng.random(n_visits)})


def measure(url: str, content: bytes, scores: dict[str, pd.DataFrame], plan: dict[str, pd.DataFrame],
            cache: Path) -> tuple[float, float]:
    saves, opens = [], []
    for i in range(REPEAT):
        ws = open_workspace(url)
        start = time.perf_counter()
        record = ws.save_dataset(content, name=f"national-{i}", filename="national.gpkg", report={"ok": True},
                                 user="bench")
        ws.use_dataset(record.id, "bench")
        run = ws.save_item("score_run", "balanced", user="bench", tables=scores, dataset_id=record.id)
        planned = ws.save_item("inspection_plan", "10 days", user="bench", tables=plan, dataset_id=record.id)
        saves.append(time.perf_counter() - start)

        fresh = open_workspace(url)
        start = time.perf_counter()
        dataset_id = fresh.current_dataset_id("bench")
        assert dataset_id is not None
        fresh.dataset_file(dataset_id, cache / f"{url.split(':')[0]}-{i}")
        for name in scores:
            fresh.table(run.id, name)
        for name in plan:
            fresh.table(planned.id, name)
        opens.append(time.perf_counter() - start)
    return statistics.median(saves), statistics.median(opens)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = national_dataset(folder)
        scores, how = score_tables(path)
        plan, plan_how = plan_tables(path)
        print(f"score run: {how}; plan: {plan_how}")
        content = path.read_bytes()
        sqlite_save, sqlite_open = measure(f"sqlite:///{folder / 'ws.sqlite'}", content, scores, plan, folder)
        print(f"sqlite:     save {sqlite_save:.3f} s   open {sqlite_open:.3f} s")
        try:
            with temporary_postgres("vigia_bench") as url:
                pg_save, pg_open = measure(url, content, scores, plan, folder)
            print(f"postgresql: save {pg_save:.3f} s   open {pg_open:.3f} s")
        except PostgresUnavailable as error:
            print(f"postgresql: not measured ({error})")
            pg_save = pg_open = float("nan")
    print(f"RESULT sqlite_save_s={sqlite_save:.3f} sqlite_open_s={sqlite_open:.3f} "
          f"pg_save_s={pg_save:.3f} pg_open_s={pg_open:.3f}")


if __name__ == "__main__":
    main()
