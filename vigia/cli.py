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
    data_errors,
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
    if not path.exists():
        return usage_error("validate", f"{path} does not exist (give a .gpkg dataset or a folder of layer files)")
    report = check_dataset(path)
    lang = language(args)
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
    if not source.exists():
        return usage_error("build", f"{source} does not exist")
    if out.suffix.lower() != ".gpkg":
        return usage_error("build", f"the output must be a .gpkg file, not '{out.name}'")
    report = check_dataset(source)
    lang = language(args)
    if not report.ok or report.dataset is None:
        print(f"{source}: {frame_text('verdict.invalid', lang)} — {summary(report.problems, lang)}; "
              f"{frame_text('nothing_written', lang)}.")
        print_problems(report.problems, lang=lang)
        return EXIT_DATA_ERRORS
    write_dataset(report.dataset, out)
    layers = ", ".join(f"{n}: {len(f)}" for n, f in report.dataset.layers.items())
    print(f"{frame_text('wrote', lang, path=out)} ({layers}) — {summary(report.problems, lang)}")
    print_problems(report.problems, lang=lang)
    return EXIT_OK


def _cmd_demo_data(args: argparse.Namespace) -> int:
    from geodata.demo import write_demo

    out = Path(args.out)
    if out.suffix.lower() != ".gpkg":
        return usage_error("demo-data", f"the output must be a .gpkg file, not '{out.name}'")
    if args.areas is not None and not Path(args.areas).exists():
        return usage_error("demo-data", f"--areas file {args.areas} does not exist")
    try:
        write_demo(out, seed=args.seed, areas_file=args.areas)
    except DataError as exc:
        return data_errors(f"vigia demo-data: cannot use {args.areas}:", exc.problems, language(args))
    print(f"Wrote demo dataset {out} (seed {args.seed}; real geography, SYNTHETIC figures)")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    from geodata.demo import DEFAULT_SEED

    parser = argparse.ArgumentParser(prog="vigia", description="Vigía: data tools for the anti-trafficking maps and plans.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("validate", help="check a dataset (.gpkg) or a folder of layer files; exit 0 when valid")
    p.add_argument("path", help="dataset .gpkg, or a folder with areas.geojson, cases.csv, ...")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--lang", choices=LANGUAGES, default=None,
                   help="language of the report: es or en (default: from LANG, es_* -> Spanish)")
    p.set_defaults(func=_cmd_validate)

    p = sub.add_parser("build", help="validate a folder of layer files and assemble it into one dataset .gpkg")
    p.add_argument("path", help="folder (or .gpkg) to read")
    p.add_argument("out", help="dataset .gpkg to write")
    p.add_argument("--lang", choices=LANGUAGES, default=None,
                   help="language of the report: es or en (default: from LANG, es_* -> Spanish)")
    p.set_defaults(func=_cmd_build)

    p = sub.add_parser("demo-data", help="write the demo dataset: real geography, synthetic figures")
    p.add_argument("out", help="dataset .gpkg to write")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed for the synthetic figures (default {DEFAULT_SEED})")
    p.add_argument("--areas", default=None, help="attach the figures to this boundary file instead of the bundled 343 municipalities")
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
