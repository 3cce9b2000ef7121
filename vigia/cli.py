"""The ``vigia`` command line: validate, build and demo datasets.

It only orchestrates: every command calls the same ``geodata`` functions the
app uses, then prints what they found. Exit codes and the printing of problems are
shared by every command (:mod:`vigia.cli_output`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from geodata.messages import LANGUAGES, frame_text, localise
from geodata.problems import DataError
from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    EXIT_USAGE,
    Parser,
    cli_text,
    data_errors,
    help_description,
    help_text,
    language,
    print_problems,
    summary,
    usage_error,
)

#: The exit codes are re-exported: scripts and tests read them from the command-line module.
__all__ = ["EXIT_DATA_ERRORS", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]


def _cmd_validate(args: argparse.Namespace) -> int:
    from geodata.load import check_dataset

    path = Path(args.path)
    lang = language(args)
    if not path.exists():
        return usage_error("validate", cli_text("cli.error.missing_dataset", lang, path=path))
    report = check_dataset(path)
    if args.json:
        problems = [localise(p, lang).as_dict() for p in report.problems]
        print(json.dumps({"ok": report.ok, "problems": problems}, indent=2, ensure_ascii=False))
        return EXIT_OK if report.ok else EXIT_DATA_ERRORS
    verdict = frame_text("verdict.valid" if report.ok else "verdict.invalid", lang)
    print(f"{path}: {verdict} — {summary(report.problems, lang)}")
    if report.dataset is not None:
        for name, frame in report.dataset.layers.items():
            print(f"  {frame_text('layer_rows', lang, layer=name, rows=len(frame))}")
    print_problems(report.problems, lang=lang)
    return EXIT_OK if report.ok else EXIT_DATA_ERRORS


def _cmd_build(args: argparse.Namespace) -> int:
    from geodata.dataset import write_dataset
    from geodata.load import check_dataset

    source, out = Path(args.path), Path(args.out)
    lang = language(args)
    if not source.exists():
        return usage_error("build", cli_text("cli.error.missing", lang, path=source))
    if out.suffix.lower() != ".gpkg":
        return usage_error("build", cli_text("cli.error.gpkg_out", lang, name=out.name))
    report = check_dataset(source)
    if not report.ok or report.dataset is None:
        print(f"{source}: {frame_text('verdict.invalid', lang)} — {summary(report.problems, lang)}; "
              f"{frame_text('nothing_written', lang)}.")
        print_problems(report.problems, lang=lang)
        return EXIT_DATA_ERRORS
    write_dataset(report.dataset, out)
    from geodata import formats

    layers = ", ".join(f"{n}: {formats.integer(len(f), lang)}" for n, f in report.dataset.layers.items())
    print(f"{frame_text('wrote', lang, path=out)} ({layers}) — {summary(report.problems, lang)}")
    print_problems(report.problems, lang=lang)
    return EXIT_OK


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from geodata.demo import write_demo

    out, lang = Path(args.out), language(args)
    if out.suffix.lower() != ".gpkg":
        return usage_error("demo-data", cli_text("cli.error.gpkg_out", lang, name=out.name))
    if args.areas is not None and not Path(args.areas).exists():
        return usage_error("demo-data", cli_text("cli.error.missing_option", lang, option="--areas", path=args.areas))
    try:
        write_demo(out, seed=args.seed, areas_file=args.areas)
    except DataError as exc:
        return data_errors(cli_text("cli.demo.cannot_use", lang, path=args.areas), exc.problems, lang)
    print(cli_text("cli.demo.wrote", lang, path=out, seed=args.seed))
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Every command's parser, its help in the environment's language (:func:`vigia.cli_output.help_language`)."""
    from geodata.demo import DEFAULT_SEED

    parser = Parser(prog="vigia", description=help_description("vigia"))
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help=help_text("validate"), description=help_description("validate"))
    p.add_argument("path", help=help_text("validate.path"))
    p.add_argument("--json", action="store_true", help=help_text("validate.json"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text("lang_report"))
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("build", help=help_text("build"), description=help_description("build"))
    p.add_argument("path", help=help_text("build.path"))
    p.add_argument("out", help=help_text("gpkg_out"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text("lang_report"))
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("demo-data", help=help_text("demo"), description=help_description("demo"))
    p.add_argument("out", help=help_text("gpkg_out"))
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=help_text("demo.seed", seed=DEFAULT_SEED))
    p.add_argument("--areas", default=None, help=help_text("demo.areas"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text("lang_report"))
    p.set_defaults(func=_cmd_demo_data)

    from vigia.commands import register_all

    register_all(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``vigia`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        # Output piped into `head` and closed early: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
