"""``vigia what-if``: where one more office, team or checkpoint helps most.

Orchestrates :mod:`vigia.what_if_runs` (coverage problem, ranked options, robustness
across score draws, check by planning) and :mod:`planner.coverage.report`; prints the
ranked options. The scores file is read in ONE place, :func:`read_what_if_scores`.
"""

from __future__ import annotations

import argparse
import math
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.messages import frame_text
from geodata.problems import DataError
from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    cli_reason,
    cli_text,
    data_errors,
    help_description,
    help_language,
    help_text,
    language,
    summary,
    usage_error,
)
from vigia.commands.plan_inspections import _positive_float, _positive_int

if TYPE_CHECKING:  # the coverage and numerical stack loads in the handler, not for `vigia --help`
    from vigia.what_if_runs import WhatIfScores

COMMAND = "what-if"

OUT_FORMATS = ("xlsx", "csv", "geojson", "html")


def read_what_if_scores(path: str | Path, seed: int = 0) -> WhatIfScores:
    """The scores as plain arrays: areas, crossings and Monte Carlo draws of the area scores.

    Read through the scores contract (:func:`geodata.scores_file.read_scores`, which names
    the file, layer and column of anything wrong); the draws are the file's own
    ``score_draws`` when it has them, else a seeded sample from its indicators and weights;
    the crossings' draws are the file's ``crossing_score_draws`` (none in older files).
    """
    from geodata.scores_file import read_scores
    from vigia.what_if_runs import arrays_from

    scores = read_scores(path)
    draws = scores.score_draws if scores.score_draws is not None and scores.score_draws.shape[1] else None
    return arrays_from(scores.areas, scores.crossings, scores.indicators, dict(scores.provenance.weights),
                       draws=draws, crossing_draws=scores.crossing_draws, seed=seed)


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(cli_text("cli.error.whole", help_language(), text=text, least=0))
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("what-if", help=help_text("whatif"), description=help_description("whatif.description"))
    p.add_argument("dataset", help=help_text("whatif.dataset"))
    p.add_argument("--scores", required=True, help=help_text("scores_from_score"))
    ask = p.add_mutually_exclusive_group(required=True)
    ask.add_argument("--add-offices", type=_positive_int, metavar="N", help=help_text("whatif.add_offices"))
    ask.add_argument("--add-teams", type=_positive_int, metavar="K", help=help_text("whatif.add_teams"))
    ask.add_argument("--move-teams", type=_positive_int, metavar="M", help=help_text("whatif.move_teams"))
    ask.add_argument("--add-checkpoints", type=_positive_int, metavar="C", help=help_text("whatif.add_checkpoints"))
    p.add_argument("--demand", choices=("sites", "areas"), default=None, help=help_text("whatif.demand"))
    p.add_argument("--teams-per-office", type=_positive_int, default=2, help=help_text("whatif.teams_per_office"))
    p.add_argument("--candidates", default=None, help=help_text("whatif.candidates"))
    p.add_argument("--reach-hours", type=_positive_float, default=None, help=help_text("whatif.reach_hours"))
    p.add_argument("--time-limit", type=_positive_float, default=30.0, help=help_text("whatif.time_limit"))
    p.add_argument("--draws", type=_non_negative_int, default=30, help=help_text("whatif.draws"))
    p.add_argument("--check-days", type=_non_negative_int, default=5, help=help_text("whatif.check_days"))
    p.add_argument("--seed", type=int, default=0, help=help_text("whatif.seed"))
    p.add_argument("--out", default=None, help=help_text("whatif.out"))
    p.add_argument("--lang", choices=("es", "en"), default="es", help=help_text("whatif.lang"))
    p.set_defaults(func=_cmd_what_if)


def _question(args: argparse.Namespace) -> tuple[object, str]:
    from planner.coverage.model import Question

    if args.add_checkpoints:
        return Question(new_sites=args.add_checkpoints, teams_per_new_site=1), "crossings"
    if args.add_offices:
        return Question(new_sites=args.add_offices, teams_per_new_site=args.teams_per_office), "areas"
    if args.add_teams:
        return Question(add_teams=args.add_teams), "areas"
    return Question(move_teams=args.move_teams), "areas"


def _fmt(value: float | None, lang: str, kind: str = "decimal", digits: int = 1) -> str:
    """A report number in ``lang`` (geodata.formats); "–" when there is none."""
    from geodata import formats

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if kind == "percent":
        return formats.percent(value, lang, digits)
    if kind == "signed":
        return ("+" if value >= 0 else "-") + formats.decimal(abs(value), lang, digits)
    return formats.decimal(value, lang, digits)


def _next_monday() -> date:
    today = date.today()
    return today + timedelta(days=(7 - today.weekday()) % 7 or 7)


def _print_result(result: object, lang: str) -> None:
    from planner.export_texts import word
    from planner.what_if import WhatIf

    assert isinstance(result, WhatIf)

    def say(key: str, **fmt: object) -> None:
        print(cli_text(key, lang, **fmt))

    total = result.total_risk
    if total:
        say("cli.whatif.today", covered=_fmt(result.covered_today, lang), total=_fmt(total, lang),
            share=_fmt(result.covered_today / total, lang, "percent", 1))
    else:
        say("cli.whatif.no_risk")
    hours = result.reach_minutes / 60
    say("cli.whatif.coverage", measured=cli_text(f"cli.whatif.measured.{result.target}", lang),
        hours=_fmt(hours, lang, digits=0 if hours == round(hours) else 1), draws=result.draws_solved)
    for note in result.notes:
        say("cli.whatif.note", note=cli_reason(note, lang))
    if not result.options:
        say("cli.whatif.none")
        return
    col = {c: cli_text(f"cli.whatif.col.{c}", lang)
           for c in ("option", "covered", "gain", "gain_pct", "in_best", "label", "gap", "planner")}
    print(f"\n{'#':>2} {col['option']:<58}{col['covered']:>9}{col['gain']:>9}{col['gain_pct']:>8}"
          f"{col['in_best']:>9} {col['label']:<12}{col['gap']:>8}{col['planner']:>9}")
    for o in result.options:
        name = o.label if len(o.label) <= 56 else o.label[:55] + "…"
        print(f"{o.rank:>2} {name:<58}{_fmt(o.covered, lang):>9}{_fmt(o.gain, lang):>9}"
              f"{_fmt(o.gain_pct, lang, digits=2):>8}{_fmt(o.in_best_share, lang, 'percent'):>9} "
              f"{word(f'wi.robustness.{o.robustness}', lang):<12}{_fmt(100 * o.gap, lang, digits=2):>8}"
              f"{_fmt(o.planner_gain_pct, lang, 'signed'):>9}")
        new = o.first_new
        if new is not None and new.new:
            say("cli.whatif.at", lon=_fmt(new.lon, lang, digits=4), lat=_fmt(new.lat, lang, digits=4))
    first = result.options[0]
    if not math.isnan(first.planner_today):
        after = ", ".join(cli_text("cli.whatif.check_option", lang, value=_fmt(o.planner_after, lang), rank=o.rank)
                          for o in result.options if not math.isnan(o.planner_after))
        print()
        say("cli.whatif.check.crossings" if result.target == "crossings" else "cli.whatif.check.areas",
            today=_fmt(first.planner_today, lang), after=after)


def _cmd_what_if(args: argparse.Namespace) -> int:
    source = Path(args.dataset)
    lang = language(args)
    for label, value in (("dataset", args.dataset), ("--scores", args.scores), ("--candidates", args.candidates)):
        if value is not None and not Path(value).exists():
            return usage_error(COMMAND, cli_text("cli.error.missing", lang, path=value) if label == "dataset"
                               else cli_text("cli.error.missing_option", lang, option=label, path=value))
    if args.out is not None and Path(args.out).suffix.lower().lstrip(".") not in OUT_FORMATS:
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, name=Path(args.out).name,
                                             suffixes=", ".join("." + f for f in OUT_FORMATS)))

    from geodata.load import check_dataset
    from planner.coverage.build import dataset_bbox
    from planner.coverage.candidates import read_candidates
    from vigia import what_if_runs

    report = check_dataset(source)
    if not report.ok or report.dataset is None:
        return data_errors(cli_text("cli.nothing_computed", lang, source=source,
                                    verdict=frame_text("verdict.invalid", lang), summary=summary(report.problems, lang)),
                           report.problems, lang, stream=sys.stdout)
    dataset = report.dataset
    question, target = _question(args)
    if target == "areas":
        target = args.demand or what_if_runs.office_target(dataset)
    try:
        candidates = read_candidates(args.candidates, dataset_bbox(dataset)) if args.candidates else None
        scores = read_what_if_scores(args.scores, seed=args.seed)
        print(cli_text("cli.whatif.solving", lang, dataset=source.name, scores=Path(args.scores).name,
                       limit=_fmt(args.time_limit, lang, digits=0 if args.time_limit == int(args.time_limit) else 1)),
              flush=True)
        result = what_if_runs.run(
            dataset, scores, question, target=target, candidates=candidates,  # type: ignore[arg-type]
            reach_minutes=args.reach_hours * 60 if args.reach_hours else None, time_limit=args.time_limit,
            draws=args.draws, seed=args.seed, check_start=_next_monday() if args.check_days else None,
            check_days=args.check_days or what_if_runs.CHECK_DAYS)
    except DataError as error:
        return data_errors(cli_text("cli.cannot_compute", lang, command=COMMAND, summary=summary(error.problems, lang)),
                           error.problems, lang, stream=sys.stdout)
    except ValueError as error:
        print(f"vigia what-if: {error}", file=sys.stderr)
        return EXIT_DATA_ERRORS
    _print_result(result, lang)
    if args.out:
        from planner.coverage.report import write_report

        write_report(result, args.out, lang=args.lang)
        print()
        print(cli_text("cli.whatif.wrote", lang, path=args.out, n=len(result.options)))
    return EXIT_OK
