"""One module per ``vigia`` subcommand beyond the data tools in :mod:`vigia.cli`.

Each module defines ``register(subparsers) -> None`` that adds its subparser and sets
``func`` to a handler ``(argparse.Namespace) -> int`` (exit code). Handlers only
orchestrate: they call ``risk``, ``planner`` or the workspace and print what comes back.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil


def register_all(subparsers: argparse._SubParsersAction) -> None:
    """Add every command module's subparser, in module-name order."""
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(subparsers)
