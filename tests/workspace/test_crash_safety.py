"""Killed in the middle of a save, the store keeps its last good state (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd

from vigia.workspace import open_workspace

WRITER = textwrap.dedent("""
    import sys, numpy as np, pandas as pd
    from vigia.workspace import open_workspace
    ws = open_workspace(sys.argv[1])
    big = pd.DataFrame({"site_id": [f"s{i}" for i in range(400_000)],
                        "value": np.random.default_rng(0).random(400_000)})
    print("ready", flush=True)
    i = 0
    while True:  # saves until killed
        ws.save_item("inspection_plan", f"big-{i}", user="w", tables={"visits": big, "copy": big})
        i += 1
""")


def test_killed_writer_leaves_the_previous_state_intact(db_url: str, tmp_path: Path) -> None:
    ws = open_workspace(db_url)
    good = ws.save_item("inspection_plan", "good", user="chief",
                        tables={"visits": pd.DataFrame({"site_id": ["a"], "day": [1]})})
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    root = str(Path(__file__).resolve().parents[2])
    process = subprocess.Popen([sys.executable, str(script), db_url], stdout=subprocess.PIPE, cwd=root,
                               env={**os.environ, "PYTHONPATH": root}, start_new_session=True)
    try:
        assert process.stdout is not None and process.stdout.readline().strip() == b"ready"
        time.sleep(float(np.random.default_rng(1).uniform(1.0, 2.5)))  # somewhere inside a save
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)

    after = open_workspace(db_url)
    if after.backend == "sqlite":
        with after.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    saved = after.items("inspection_plan")
    assert good.id in {r.id for r in saved}
    assert after.table(good.id, "visits")["site_id"].tolist() == ["a"]
    for record in saved:  # every item that exists is complete: no half-written save
        assert set(record.parts) == ({"visits"} if record.name == "good" else {"visits", "copy"})
        if record.name != "good":
            assert len(after.table(record.id, "copy")) == 400_000
    # and the store still takes new saves
    after.save_item("inspection_plan", "after the crash", user="chief",
                    tables={"visits": pd.DataFrame({"site_id": ["b"], "day": [2]})})
