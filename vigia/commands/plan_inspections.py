"""``vigia plan-inspections``: multi-day inspection routes from a dataset, written as a file.

Orchestrates :mod:`vigia.inspection_runs` (problem, greedy reference, engine) and
:mod:`planner.exports`; prints the KPIs against the greedy plan and every must-visit
site the plan could not place, with its reason.
"""

from __future__ import annotations

import argparse
import math
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from geodata import formats
from geodata.messages import frame_text
from geodata.problems import DataError
from vigia.cli_output import (
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

if TYPE_CHECKING:
    from vigia.inspection_runs import PlanRun

COMMAND = "plan-inspections"
#: Plan tables (planner.exports) and field files (planner.field_files: navigation files, route sheets).
OUT_FORMATS = ("xlsx", "csv", "geojson", "ics", "gpx", "kml", "pdf", "html")

#: (kpi code, kind of number, digits) in print order; labels are the plan workbook's (planner.export_texts).
_KPI_LINES = (
    ("risk_covered", "decimal", 1),
    ("risk_share", "percent", 1),
    ("top_decile_share", "percent", 1),
    ("sites_visited", "integer", 0),
    ("must_visit_planned", "integer", 0),
    ("km", "integer", 0),
    ("drive_hours", "decimal", 1),
    ("work_hours", "decimal", 1),
    ("team_days_used", "integer", 0),
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text("cli.error.date", help_language(), text=text)) from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(cli_text("cli.error.whole", help_language(), text=text, least=1))
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0:
        raise argparse.ArgumentTypeError(cli_text("cli.error.seconds", help_language(), text=text))
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("plan-inspections", help=help_text("plan"), description=help_description("plan.description"))
    p.add_argument("dataset", help=help_text("plan.dataset"))
    p.add_argument("--scores", default=None, help=help_text("plan.scores"))
    p.add_argument("--teams", default=None, help=help_text("plan.teams"))
    p.add_argument("--start", type=_date, required=True, help=help_text("plan.start"))
    p.add_argument("--days", type=_positive_int, required=True, help=help_text("plan.days"))
    p.add_argument("--time-limit", type=_positive_float, required=True, help=help_text("plan.time_limit"))
    p.add_argument("--out", required=True, action="append", help=help_text("plan.out"))
    p.add_argument("--engine", default=None, help=help_text("plan.engine"))
    p.add_argument("--seed", type=int, default=0, help=help_text("plan.seed"))
    p.add_argument("--sheets", default=None, help=help_text("plan.sheets"))
    p.add_argument("--lang", choices=("es", "en"), default="es", help=help_text("plan.lang"))
    p.add_argument("--explore", type=_share, default=0.1, metavar="SHARE", help=help_text("plan.explore"))
    p.add_argument("--learn", action="store_true", help=help_text("plan.learn"))
    p.set_defaults(func=_cmd_plan_inspections)


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(cli_text("cli.error.share", help_language(), text=text))
    return value


def _fmt(value: float | None, lang: str, kind: str = "decimal", digits: int = 1) -> str:
    """A KPI in ``lang`` (:mod:`geodata.formats`); "–" when there is none."""
    from geodata import formats

    if value is None or math.isnan(value):
        return "–"
    if kind == "percent":
        return formats.percent(value, lang, digits)
    if kind == "integer":
        return formats.integer(value, lang)
    return formats.decimal(value, lang, digits)


def _print_kpis(run: PlanRun, lang: str) -> None:
    from planner.export_texts import word
    from planner.exports import kpi_frame

    table = {row["kpi"]: row for row in kpi_frame(run.plan, run.context).to_dict("records")}
    labels = {code: word(f"kpi.{code}", lang) for code, _, _ in _KPI_LINES}
    width = max(map(len, labels.values())) + 2
    print(f"\n{word('kpi', lang):<{width}}{word('plan', lang):>12}{word('greedy', lang):>14}")
    for code, kind, digits in _KPI_LINES:
        mine, other = float(table[code]["plan"]), float(table[code]["greedy"])
        print(f"{labels[code]:<{width}}{_fmt(mine, lang, kind, digits):>12}{_fmt(other, lang, kind, digits):>14}")
    greedy_risk = float(table["risk_covered"]["greedy"])
    if greedy_risk > 0:
        print(cli_text("cli.plan.vs_greedy", lang,
                       ratio=_fmt(float(table["risk_covered"]["plan"]) / greedy_risk, lang, digits=3)))


def _print_exploration(run: PlanRun, lang: str) -> None:
    drawn = [s for s in run.problem.sites if s.selection == "random"]
    if not drawn:
        print(cli_text("cli.plan.explore_off", lang))
        return
    visited = sum(v.selection == "random" for v in run.plan.visits)
    print(cli_text("cli.plan.explore", lang, visited=_fmt(visited, lang, "integer"),
                   visits=_fmt(len(run.plan.visits), lang, "integer"), drawn=_fmt(len(drawn), lang, "integer"),
                   p=_fmt(drawn[0].selection_probability, lang, digits=3)))


def _print_unplaced_must(run: PlanRun, lang: str) -> None:
    from planner.export_texts import reason_text

    must = [u for u in run.plan.unplaced if u.must_visit]
    print()
    if not must:
        print(cli_text("cli.plan.all_must", lang))
        return
    print(cli_text("cli.plan.must_missing", lang, n=_fmt(len(must), lang, "integer")))
    for u in must:
        print(f"  {u.site_id} {u.name}: {reason_text(u.reason_code, u.reason, lang)} [{u.reason_code}]")


def _cmd_plan_inspections(args: argparse.Namespace) -> int:
    source, outs = Path(args.dataset), [Path(out) for out in args.out]
    lang = language(args)
    if not source.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing_dataset", lang, path=source))
    for out in outs:
        if out.suffix.lower().lstrip(".") not in OUT_FORMATS:
            return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, name=out.name,
                                                 suffixes=", ".join("." + f for f in OUT_FORMATS)))
    for option, value in (("--teams", args.teams), ("--scores", args.scores)):
        if value is not None and not Path(value).exists():
            return usage_error(COMMAND, cli_text("cli.error.missing_option", lang, option=option, path=value))

    from geodata.load import check_dataset
    from geodata.scores_file import file_label, read_scores
    from planner.export_texts import code_text, sentence_text
    from planner.teams import DEFAULT_TEAMS_RULE, read_teams
    from vigia import inspection_runs

    if args.engine is not None and args.engine not in inspection_runs.engine_names():
        return usage_error(COMMAND, cli_text("cli.plan.unknown_engine", lang, engine=args.engine,
                                             choices=", ".join(inspection_runs.engine_names())))
    report = check_dataset(source)
    if not report.ok or report.dataset is None:
        return data_errors(cli_text("cli.plan.nothing_planned", lang, source=source,
                                    verdict=frame_text("verdict.invalid", lang), summary=summary(report.problems, lang)),
                           report.problems, lang, stream=sys.stdout)
    dataset = report.dataset
    try:
        teams = tuple(read_teams(args.teams, dataset)) if args.teams else None
        scores = read_scores(args.scores).areas if args.scores else None
        request = inspection_runs.PlanRequest(
            start=args.start, days=args.days, time_limit=args.time_limit, engine=args.engine or "",
            seed=args.seed, teams=teams, scores=scores, scores_name=file_label(args.scores) if args.scores else "",
            explore=args.explore, learn=bool(args.learn and scores is None))
        print(cli_text("cli.plan.planning", lang, days=_fmt(args.days, lang, "integer"),
                       start=formats.date(args.start, lang), dataset=source.name, limit=_seconds(args.time_limit, lang)),
              flush=True)
        run = inspection_runs.run(dataset, request)
        if run.learn_note:
            from vigia.yield_refusals import not_used_text

            print(not_used_text(run.learn_note, lang))
        priority_column = run.request.priority_column
    except DataError as error:
        return data_errors(cli_text("cli.plan.cannot_plan", lang, summary=summary(error.problems, lang)),
                           error.problems, lang, stream=sys.stdout)

    problem = run.problem
    n_teams = _fmt(len(problem.teams), lang, "integer")
    print(cli_text("cli.plan.teams_file", lang, n=n_teams, file=Path(args.teams).name) if args.teams
          else cli_text("cli.plan.teams_default", lang, n=n_teams, rule=cli_reason(DEFAULT_TEAMS_RULE, lang)))
    print(cli_text("cli.plan.sites", lang, n=_fmt(len(problem.sites), lang, "integer"),
                   first=formats.date(problem.days[0], lang), last=formats.date(problem.days[-1], lang),
                   travel=code_text("travel", problem.travel_method, lang)))
    priority_source = (cli_text("cli.plan.priority.scores", lang, file=Path(args.scores).name) if args.scores
                       else cli_text("cli.plan.priority.learned" if priority_column else "cli.plan.priority.fallback",
                                     lang))
    print(cli_text("cli.plan.priority", lang, source=priority_source,
                   rule=sentence_text(problem.priority_rule, "rule", lang)))
    engine = {"engine": run.plan.engine, "seconds": _fmt(run.plan.seconds, lang),
              "limit": _seconds(args.time_limit, lang)}
    print(cli_text("cli.plan.engine_greedy", lang, greedy=_fmt(run.baseline.seconds, lang), **engine) if run.baseline
          else cli_text("cli.plan.engine_alone", lang, **engine))
    _print_exploration(run, lang)
    _print_kpis(run, lang)
    _print_unplaced_must(run, lang)

    from planner.exports import write_plan
    from planner.field_files import FIELD_FORMATS, write_field_file

    print()
    for out in outs:
        if out.suffix.lower().lstrip(".") in FIELD_FORMATS:
            write_field_file(run.plan, run.context, out, lang=args.lang)
        else:
            write_plan(run.plan, run.context, out, lang=args.lang)
        print(cli_text("cli.plan.wrote", lang, path=out, visits=_fmt(len(run.plan.visits), lang, "integer"),
                       unplaced=_fmt(len(run.plan.unplaced), lang, "integer")))
    if args.sheets:
        from planner.route_sheets import route_sheets_pdf, write_route_sheets

        folder = Path(args.sheets)
        written = write_route_sheets(run.plan, run.context, folder, lang=args.lang)
        (folder / "route-sheets.pdf").write_bytes(route_sheets_pdf(run.plan, run.context, lang=args.lang))
        print(cli_text("cli.plan.wrote_sheets", lang, n=_fmt(len(written), lang, "integer"), folder=folder))
    return EXIT_OK


def _seconds(value: float, lang: str) -> str:
    """A time limit as given (``30``, ``2,5``), in ``lang``."""
    return _fmt(value, lang, "integer") if value == int(value) else _fmt(value, lang, digits=1)
