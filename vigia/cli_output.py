"""What every ``vigia`` command shares: exit codes, the report language, problems printed.

One module so the codes mean the same in every command (0 success, 1 the data has
errors, 2 the command itself was used wrongly) and every problem a command prints
goes through :func:`geodata.messages.problem_text`, translated like ``vigia validate``.
Commands import this module; nothing here imports a command.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from geodata.catalog import lookup
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

    return lookup(cli.TEXTS[key], lang, **fmt)


def help_language() -> str:
    """The language of ``--help`` and of argument errors: the environment's (``LANG=es_BO.UTF-8`` is
    Spanish). argparse builds the help before it reads ``--lang``, so ``--lang`` cannot choose it."""
    return language_from_env()


def help_text(key: str, **fmt: object) -> str:
    """A ``--help`` text (``cli.help.*``) in :func:`help_language`, with ``%`` kept literal for argparse."""
    return cli_text(f"cli.help.{key}", help_language(), **fmt).replace("%", "%%")


def help_description(key: str) -> str:
    """A command's ``--help`` description (``cli.help.*``) in :func:`help_language` (argparse prints it as written)."""
    return cli_text(f"cli.help.{key}", help_language())


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with its "usage:" in the help language."""

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, cli_text("cli.help.usage", help_language()) if prefix is None
                          else prefix)


class Parser(argparse.ArgumentParser):
    """The parser of ``vigia`` and of every subcommand (argparse hands its class to the subparsers):
    argparse's own words (group titles, ``-h``, "error:") in the help language."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = cli_text("cli.help.positionals", help_language())
        self._optionals.title = cli_text("cli.help.options", help_language())
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help=help_text("help"))

    def error(self, message: str) -> NoReturn:
        lang = help_language()
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, cli_text("cli.help.error", lang, prog=self.prog, message=argparse_message(message, lang))
                  + "\n")


@lru_cache(maxsize=1)
def _argparse_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(key, pattern) of argparse's error sentences: each ``cli.argparse.*`` English text, ``{name}`` matching any text."""
    from vigia.ui.texts import cli

    found = []
    for key, entry in cli.TEXTS.items():
        if key.startswith("cli.argparse."):
            parts = re.split(r"\{(\w+)\}", lookup(entry, "en"))
            regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts))
            found.append((key, re.compile(regex + r"\Z", re.S)))
    return tuple(found)


def argparse_message(message: str, lang: str) -> str:
    """One of argparse's English error messages in ``lang`` (names, values and our own texts inside kept)."""
    if lang == "en":
        return message
    for key, pattern in _argparse_patterns():
        found = pattern.match(message)
        if found is not None:
            return cli_text(key, lang, **{name: argparse_message(value, lang) for name, value in found.groupdict().items()})
    return message


def cli_word(prefix: str, code: str, lang: str) -> str:
    """A code's label from the app's tables (``indicator.border_km``, ``part.cases``) in ``lang``; else the code."""
    from vigia.ui.texts import feature_texts

    entry = feature_texts().get(f"{prefix}.{code}")
    return lookup(entry, lang) if entry else code


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
