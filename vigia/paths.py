"""Where Vigía keeps its files on this machine (demo, uploads, workspace database).

One place for the data-folder rule so the app, the CLI and the workspace store agree.
"""

from __future__ import annotations

import os
from pathlib import Path

#: Environment variable naming the folder for the demo, uploads and the workspace database.
ENV_DATA_DIR = "VIGIA_DATA_DIR"


def data_dir() -> Path:
    """``$VIGIA_DATA_DIR``, else ``$XDG_DATA_HOME/vigia``, else ``~/.local/share/vigia``."""
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return Path(configured).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "vigia"
