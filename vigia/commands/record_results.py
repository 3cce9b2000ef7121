"""``vigia record-results``: a filled results sheet from the field into a new dataset file.

Orchestration only: load the dataset, read the sheet (:mod:`planner.field_results`),
record its visits (:mod:`geodata.record`, validated like any layer, duplicates refused),
write the new GeoPackage and say what was added. The input dataset is never
overwritten: the new file is a new version holding every earlier row.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vigia.cli_output import (
    EXIT_OK,
    cli_text,
    data_errors,
    help_description,
    help_text,
    language,
    print_problems,
    recorded_summary,
    usage_error,
)

COMMAND = "record-results"


def register(subparsers: argparse._SubParsersAction) -> None:
    from geodata.messages import LANGUAGES

    p = subparsers.add_parser(COMMAND, help=help_text("record"), description=help_description("record.description"))
    p.add_argument("dataset", help=help_text("dataset_or_folder"))
    p.add_argument("results", help=help_text("record.results"))
    p.add_argument("--out", required=True, help=help_text("record.out"))
    p.add_argument("--lang", choices=LANGUAGES, default=None, help=help_text("lang_report"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from geodata.dataset import write_dataset
    from geodata.load import load_dataset
    from geodata.messages import frame_text
    from geodata.problems import DataError
    from geodata.record import record_inspections
    from planner.field_results import read_results

    source, results, out = Path(args.dataset), Path(args.results), Path(args.out)
    lang = language(args)
    if not source.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing_dataset", lang, path=source))
    if not results.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing", lang, path=results))
    if out.suffix.lower() != ".gpkg":
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, suffixes=".gpkg", name=out.name))
    if out.resolve() == source.resolve():
        return usage_error(COMMAND, cli_text("cli.record.new_file", lang))
    try:
        dataset = load_dataset(source)
    except DataError as exc:
        return data_errors(f"vigia {COMMAND}: {source}: {frame_text('verdict.invalid', lang)}; "
                           f"{frame_text('nothing_written', lang)}.", exc.problems, lang)
    raw, problems = read_results(results)
    outcome = record_inspections(dataset, raw, problems) if raw is not None else None
    if outcome is None or outcome.dataset is None:
        found = problems if outcome is None else outcome.problems
        return data_errors(f"vigia {COMMAND}: {results.name}: {frame_text('verdict.invalid', lang)}; "
                           f"{frame_text('nothing_written', lang)}.", found, lang)
    write_dataset(outcome.dataset, out)
    print(recorded_summary(outcome, results.name, out, lang))
    print_problems(outcome.problems, lang=lang)
    return EXIT_OK
