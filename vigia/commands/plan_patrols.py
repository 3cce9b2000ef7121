"""``vigia plan-patrols``: a weekly border-patrol roster (fixed or randomised) as CSV, XLSX, ICS or PDF.

Orchestration only: load the dataset, read or compute the crossing scores, read or
derive the units, then call :func:`planner.patrols.plan.plan_week` and write the file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.problems import DataError
from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    cli_reason,
    cli_text,
    data_errors,
    help_description,
    help_text,
    language,
    usage_error,
)

if TYPE_CHECKING:  # pandas and the dataset load in the handler, not for `vigia --help`
    import pandas as pd

    from geodata.dataset import Dataset

COMMAND = "plan-patrols"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("plan-patrols", help=help_text("patrols"),
                                   description=help_description("patrols.description"))
    parser.add_argument("dataset", help=help_text("patrols.dataset"))
    parser.add_argument("--scores", help=help_text("patrols.scores"))
    parser.add_argument("--units", help=help_text("patrols.units"))
    parser.add_argument("--profile", help=help_text("patrols.profile"))
    parser.add_argument("--week", help=help_text("patrols.week"))
    parser.add_argument("--seed", type=int, default=0, help=help_text("patrols.seed"))
    parser.add_argument("--out", required=True, help=help_text("patrols.out"))
    parser.add_argument("--lang", choices=("es", "en"), default="es", help=help_text("patrols.lang"))
    parser.add_argument("--mode", choices=("fixed", "randomised"), default="randomised",
                        help=help_text("patrols.mode"))
    parser.add_argument("--pool", type=int, default=200, help=help_text("patrols.pool"))
    parser.set_defaults(func=run)


def _crossing_scores(dataset: Dataset, scores_path: str | None) -> pd.DataFrame:
    """The scores file's layer, or the risk engine's crossing scores for ``dataset``."""
    import pandas as pd

    from planner.patrols.scores import read_crossing_scores

    if scores_path:
        return read_crossing_scores(scores_path)
    from risk.pipeline import score  # the numerical stack loads only when no scores file is given

    crossing_scores = score(dataset).crossing_scores
    if crossing_scores is None:
        raise ValueError("the risk engine returned no crossing scores (the dataset has no crossings)")
    return pd.DataFrame(crossing_scores[["crossing_id", "score"]])


def _about(args: argparse.Namespace, dataset: Dataset, units: int) -> tuple[tuple[str, str], ...]:
    """What the roster records of how it was made: the scores it used (with their hash) and its parameters."""
    from geodata.scores_file import dataset_hash, dataset_name, file_label

    scores = (file_label(args.scores) if args.scores
              else f"risk engine on {dataset_name(dataset)} · {dataset_hash(dataset)[:16]}")
    return (("about.dataset", dataset_name(dataset)), ("about.scores", scores), ("about.week", args.week),
            ("about.seed", str(args.seed)), ("about.mode", args.mode), ("about.pool", str(args.pool)),
            ("about.units", str(units)))


def run(args: argparse.Namespace) -> int:
    from geodata import formats
    from geodata.load import load_dataset
    from planner.patrols.exports import FORMATS, context_for, next_week, week_monday, write_roster
    from planner.patrols.metrics import out_of_ten
    from planner.patrols.model import build_problem
    from planner.patrols.plan import plan_week
    from planner.patrols.profile import read_profile
    from planner.patrols.roster import RosterInfeasible
    from planner.patrols.units import default_units, read_units

    lang = language(args)
    out = Path(args.out)
    if out.suffix.lower().lstrip(".") not in FORMATS:
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, suffixes=".xlsx, .csv, .ics, .pdf",
                                             name=out.name))
    args.week = args.week or next_week(dt.date.today())
    try:
        week_monday(args.week)
    except ValueError as exc:
        return usage_error(COMMAND, str(exc))
    if args.pool < 1:
        return usage_error(COMMAND, cli_text("cli.patrols.pool", lang))
    if not Path(args.dataset).exists():
        return usage_error(COMMAND, cli_text("cli.error.missing", lang, path=args.dataset))
    try:
        dataset = load_dataset(args.dataset)
        scores = _crossing_scores(dataset, args.scores)
        units = read_units(args.units, dataset) if args.units else default_units(dataset)
        profile = read_profile(args.profile) if args.profile else None
        problem = build_problem(dataset, scores, units, profile=profile,
                                scores_source=Path(args.scores).name if args.scores else "scores")
        plan = plan_week(problem, week=args.week, seed=args.seed, mode=args.mode, pool=args.pool)
    except DataError as exc:
        return data_errors(cli_text("cli.patrols.problems", lang, n=len(exc.problems)), exc.problems, lang)
    except RosterInfeasible as exc:
        print(f"vigia {COMMAND}: {cli_reason(str(exc), lang)}", file=sys.stderr)
        return EXIT_DATA_ERRORS
    context = replace(context_for(dataset, args.week, args.lang), about=_about(args, dataset, problem.n_units))
    write_roster(plan.roster, context, out)
    c = plan.comparison
    print(cli_text("cli.patrols.wrote", lang, path=out, mode=cli_text(f"cli.patrols.mode.{args.mode}", lang),
                   week=args.week, shifts=formats.integer(len(plan.roster.assignments()), lang),
                   units=problem.n_units, targets=problem.n_targets, seed=args.seed))
    print(cli_text("cli.patrols.gain", lang, fixed=formats.decimal(c.attacker_utility_fixed, lang),
                   random=formats.decimal(c.attacker_utility_random, lang),
                   pct=formats.percent(c.reduction_pct / 100, lang)))
    print(cli_text("cli.patrols.watcher", lang, fixed=out_of_ten(c.watcher_success_fixed),
                   random=out_of_ten(c.watcher_success_random)))
    if plan.sample is not None:
        print(cli_text("cli.patrols.sample", lang, weeks=len(plan.sample.assignments),
                       gap=formats.decimal(100 * plan.sample.max_gap, lang)))
    return EXIT_OK
