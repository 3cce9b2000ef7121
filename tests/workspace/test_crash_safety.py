"""Killed in the middle of a save, the store keeps its last good state (SQLite and PostgreSQL).

The writer kills itself (SIGKILL: no clean-up, no rollback in Python) at a chosen
statement of the save, through an SQLAlchemy hook: after the item row, after each
part, after the audit line, and just before the commit. Every point is hit on every
run, so a save split over two transactions is caught every time, not when a timer
happens to land between them.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from vigia.workspace import open_workspace

WRITER = textwrap.dedent("""
    import os, signal, sys
    import pandas as pd
    import sqlalchemy as sa
    from vigia.workspace import open_workspace

    url, point = sys.argv[1], sys.argv[2]
    ws = open_workspace(url)
    seen = []

    def die_at(name):
        seen.append(name)
        if point == f"{name}:{seen.count(name)}":
            sys.stdout.flush()
            os.kill(os.getpid(), signal.SIGKILL)

    @sa.event.listens_for(ws.engine, "after_cursor_execute")
    def after(conn, cursor, statement, parameters, context, executemany):
        words = statement.split()
        if words[:2] == ["INSERT", "INTO"]:
            die_at(words[2].strip('"'))

    @sa.event.listens_for(ws.engine, "commit")
    def before_commit(conn):
        die_at("commit")

    frame = pd.DataFrame({"site_id": [f"s{i}" for i in range(50)], "value": range(50)})
    print("saving", flush=True)
    ws.save_item("inspection_plan", "killed", user="w", tables={"visits": frame, "copy": frame})
    print("saved", flush=True)  # the chosen point was never reached: the test fails on this
""")

#: Where the writer dies: (statement kind, occurrence). A save writes the item row, its two
#: parts, one audit line, then commits once.
KILL_POINTS = ("item_parts:1", "item_parts:2", "audit:1", "commit:1")


@pytest.mark.parametrize("point", KILL_POINTS)
def test_killed_writer_leaves_the_previous_state_intact(db_url: str, tmp_path: Path, point: str) -> None:
    ws = open_workspace(db_url)
    good = ws.save_item("inspection_plan", "good", user="chief",
                        tables={"visits": pd.DataFrame({"site_id": ["a"], "day": [1]})})
    audit_before = len(ws.audit_log())
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    root = str(Path(__file__).resolve().parents[2])
    result = subprocess.run([sys.executable, str(script), db_url, point], capture_output=True, cwd=root,
                            env={**os.environ, "PYTHONPATH": root}, timeout=120)
    assert result.returncode == -signal.SIGKILL, (point, result.returncode, result.stdout, result.stderr[-2000:])
    assert result.stdout.decode().split() == ["saving"], "killed inside the save, before it returned"

    after = open_workspace(db_url)
    if after.backend == "sqlite":
        with after.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
    saved = after.items("inspection_plan")
    assert [r.name for r in saved] == ["good"], f"killed at {point}: a half-made save is visible"
    assert after.table(good.id, "visits")["site_id"].tolist() == ["a"]
    lines = after.audit_log()
    assert len(lines) == audit_before, f"killed at {point}: the audit log names a save that did not happen"
    assert not any(json.loads(p).get("name") == "killed" for p in lines["params"] if isinstance(p, str))
    # and the store still takes new saves
    after.save_item("inspection_plan", "after the crash", user="chief",
                    tables={"visits": pd.DataFrame({"site_id": ["b"], "day": [2]})})
    assert {r.name for r in after.items("inspection_plan")} == {"good", "after the crash"}
