"""What every ``vigia`` command shares: exit codes, the report language, problems printed.

One module so the codes mean the same in every command (0 success, 1 the data has
errors, 2 the command itself was used wrongly) and every problem a command prints
goes through :func:`geodata.messages.problem_text`, translated like ``vigia validate``.
Commands import this module; nothing here imports a command.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from geodata.catalog import msg
from geodata.messages import frame_text, language_from_env, problem_text
from geodata.problems import Problem, Severity

if TYPE_CHECKING:
    from pathlib import Path

    from geodata.record import Recorded

EXIT_OK = 0
EXIT_DATA_ERRORS = 1
EXIT_USAGE = 2


def language(args: argparse.Namespace | None = None) -> str:
    """The report's ``--lang`` when given, else Spanish for a Spanish locale, else English.

    Commands whose ``--lang`` picks the language of the files they write (not of the
    console) call this without ``args``.
    """
    return getattr(args, "lang", None) or language_from_env()


def cli_text(key: str, lang: str, **fmt: object) -> str:
    """A line a command prints, in ``lang`` (the ``cli.*`` texts of :mod:`vigia.ui.texts.cli`)."""
    from vigia.ui.texts import cli

    text = cli.TEXTS[key][msg("inline.vigia.cli_output.en", "en")[lang]]
    return text.format(**fmt) if fmt else text


def cli_word(prefix: str, code: str, lang: str) -> str:
    """A code's label from the app's tables (``indicator.border_km``, ``part.cases``) in ``lang``; else the code."""
    from vigia.ui.texts import feature_texts

    entry = feature_texts().get(f"{prefix}.{code}")
    return entry[msg("inline.vigia.cli_output.en", "en")[lang]] if entry else code


def cli_reason(reason: str, lang: str) -> str:
    """A planner's or risk's English reason in ``lang`` (see :func:`vigia.ui.texts.translate_reason`)."""
    from vigia.ui.texts import translate_reason

    return translate_reason(reason, lang)


def print_problems(problems: Sequence[Problem], stream: TextIO | None = None, lang: str = "en") -> None:
    """One line per problem, errors first, then fixes, then warnings: a user fixes errors first."""
    stream = stream or sys.stdout
    order = {Severity.ERROR: 0, Severity.FIXED: 1, Severity.WARNING: 2}
    for problem in sorted(problems, key=lambda p: order[p.severity]):
        print(f"  {problem_text(problem, lang)}", file=stream)


def summary(problems: Sequence[Problem], lang: str = "en") -> str:
    """"2 error(s), 1 fixed, 0 warning(s)" in ``lang``."""
    counts = Counter(p.severity.value for p in problems)
    return frame_text("summary", lang, error=counts["error"], fixed=counts["fixed"], warning=counts["warning"])


def usage_error(command: str, message: str) -> int:
    """Say on stderr what was wrong with the command line; return :data:`EXIT_USAGE`."""
    print(f"vigia {command}: {message}", file=sys.stderr)
    return EXIT_USAGE


def data_errors(heading: str, problems: Sequence[Problem], lang: str = "en",
                stream: TextIO | None = None) -> int:
    """Print ``heading`` and every problem (translated); return :data:`EXIT_DATA_ERRORS`."""
    stream = stream or sys.stderr
    print(heading, file=stream)
    print_problems(problems, stream=stream, lang=lang)
    return EXIT_DATA_ERRORS


def recorded_summary(outcome: Recorded, file: str, out: Path, lang: str = "en") -> str:
    """What ``record-results`` added, with the victims found as a suppressed small count."""
    assert outcome.dataset is not None
    after = len(outcome.dataset.layers["inspections"])
    return frame_text("recorded", lang, added=len(outcome.added), file=file, before=outcome.before,
                      after=after, victims=outcome.victims_text(), path=out)
