"""One module per ``vigia`` subcommand beyond the data tools in :mod:`vigia.cli`.

Each module defines ``register(subparsers) -> None`` that adds its subparser and sets
``func`` to a handler ``(argparse.Namespace) -> int`` (exit code, from
:mod:`vigia.cli_output`). Handlers only orchestrate: they call ``risk``, ``planner``
or the workspace and print what comes back. A new command is one module plus one
line in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse

from vigia.commands import (
    dark_figure,
    evaluate,
    plan_inspections,
    plan_patrols,
    record_results,
    score,
    users,
    what_if,
)

#: Command modules in the order ``vigia --help`` lists them.
COMMANDS = (dark_figure, evaluate, plan_inspections, plan_patrols, record_results, score, users, what_if)


def register_all(subparsers: argparse._SubParsersAction) -> None:
    """Add every command module's subparser."""
    for module in COMMANDS:
        module.register(subparsers)
