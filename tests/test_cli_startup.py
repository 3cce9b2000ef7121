"""``vigia --help`` answers fast: building the parser loads none of the heavy stacks.

Checked on what is imported (not on a clock, which would flake on a busy machine): the
command modules import pandas, geopandas, SQLAlchemy, the risk engine and the planners
inside their handlers only.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("pandas", "geopandas", "numpy", "sqlalchemy", "alembic", "risk.pipeline", "planner", "streamlit")


def test_building_the_parser_imports_no_heavy_package() -> None:
    code = ("import json, sys; from vigia.cli import build_parser; build_parser(); "
            "print(json.dumps(sorted(sys.modules)))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                       check=True).stdout)
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY or m in HEAVY)
    assert not heavy, f"`vigia --help` imports {heavy}; import them inside the command's handler"


def test_the_lazy_package_names_still_work() -> None:
    from geodata.demo import DEFAULT_SEED, build_demo
    from vigia.workspace import Workspace, open_workspace

    assert DEFAULT_SEED == 2024 and callable(build_demo) and callable(open_workspace)
    assert Workspace.__name__ == "Workspace"
