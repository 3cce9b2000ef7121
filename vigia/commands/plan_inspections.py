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

from geodata.messages import frame_text
from geodata.problems import DataError
from vigia.cli_output import EXIT_OK, data_errors, language, summary, usage_error

if TYPE_CHECKING:
    from vigia.inspection_runs import PlanRun

COMMAND = "plan-inspections"
#: Plan tables (planner.exports) and field files (planner.field_files: navigation files, route sheets).
OUT_FORMATS = ("xlsx", "csv", "geojson", "ics", "gpx", "kml", "pdf", "html")

#: (kpi code, label, format) in print order.
_KPI_LINES = (
    ("risk_covered", "Risk covered (sum of priorities)", "{:.1f}"),
    ("risk_share", "Share of all risk covered", "{:.1%}"),
    ("top_decile_share", "Top-decile sites visited", "{:.1%}"),
    ("sites_visited", "Sites visited", "{:.0f}"),
    ("must_visit_planned", "Must-visit sites planned", "{:.0f}"),
    ("km", "Kilometres driven", "{:,.0f}"),
    ("drive_hours", "Driving hours", "{:,.1f}"),
    ("work_hours", "Field working hours", "{:,.1f}"),
    ("team_days_used", "Team-days with visits", "{:.0f}"),
)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date; write YYYY-MM-DD") from None


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number >= 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not value > 0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds > 0")
    return value


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plan-inspections",
        help="plan multi-day labour-inspection routes and write them as xlsx, csv, geojson or ics",
        description="Plan which sites each inspection team visits, on which day and in which order, "
                    "covering the most risk; compare with the greedy plan and list unplaced must-visits.",
    )
    p.add_argument("dataset", help="dataset .gpkg (or folder of layer files) with sites and offices")
    p.add_argument("--scores", default=None, help="scores .gpkg written by 'vigia score'; "
                                                  "without it a documented fallback priority is used")
    p.add_argument("--teams", default=None, help="teams file (.csv or .xlsx); default: derived from labour offices")
    p.add_argument("--start", type=_date, required=True, help="first day, YYYY-MM-DD")
    p.add_argument("--days", type=_positive_int, required=True, help="number of working days (Monday-Friday)")
    p.add_argument("--time-limit", type=_positive_float, required=True, help="seconds the engine may search")
    p.add_argument("--out", required=True, action="append",
                   help="file to write, by extension: plan .xlsx, .csv, .geojson, .ics; .gpx or .kml for navigation "
                        "apps (a route per team-day, a waypoint per visit); .pdf or .html route sheets. "
                        "Repeat --out to write several")
    p.add_argument("--engine", default=None, help="routing engine (default: the core's choice, pyvrp)")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same plan)")
    p.add_argument("--sheets", default=None, help="folder for printable route sheets (one HTML per team, plus PDF)")
    p.add_argument("--lang", choices=("es", "en"), default="es",
                   help="language of the files and of the note saying why --learn was not used (default es)")
    p.add_argument("--explore", type=_share, default=0.1, metavar="SHARE",
                   help="share of the plan's expected visits drawn at random among all reachable sites, so that "
                        "results show what the ranking misses (default 0.1; 0 turns it off). Each visit records "
                        "selection (planned/random) and, for random ones, the probability it was drawn with")
    p.add_argument("--learn", action="store_true",
                   help="rank sites by what past inspections found (the site yield model, from the dataset's "
                        "inspections layer) instead of the fallback rule; ignored when --scores is given. When "
                        "there is too little history, says why (in the --lang language) and keeps the rule")
    p.set_defaults(func=_cmd_plan_inspections)


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0.0 <= value < 1.0:
        raise argparse.ArgumentTypeError(f"'{text}' is not a share from 0 up to (not including) 1, e.g. 0.1")
    return value


def _fmt(value: float, pattern: str) -> str:
    return "–" if value is None or (isinstance(value, float) and math.isnan(value)) else pattern.format(value)


def _print_kpis(run: PlanRun) -> None:
    from planner.exports import kpi_frame

    table = {row["kpi"]: row for row in kpi_frame(run.plan, run.context).to_dict("records")}
    print(f"\n{'KPI':<34}{'plan':>12}{'greedy':>12}")
    for code, label, pattern in _KPI_LINES:
        mine, other = float(table[code]["plan"]), float(table[code]["greedy"])
        print(f"{label:<34}{_fmt(mine, pattern):>12}{_fmt(other, pattern):>12}")
    greedy_risk = float(table["risk_covered"]["greedy"])
    if greedy_risk > 0:
        print(f"Risk covered vs greedy: x{float(table['risk_covered']['plan']) / greedy_risk:.3f}")


def _print_exploration(run: PlanRun) -> None:
    drawn = [s for s in run.problem.sites if s.selection == "random"]
    if not drawn:
        print("Exploration: off (every visit is chosen by priority)")
        return
    visited = sum(v.selection == "random" for v in run.plan.visits)
    print(f"Exploration: {visited} of {len(run.plan.visits)} visits drawn at random "
          f"({len(drawn)} drawn, each reachable site with probability {drawn[0].selection_probability:.3f}) "
          "so that results show what the ranking misses")


def _print_unplaced_must(run: PlanRun) -> None:
    must = [u for u in run.plan.unplaced if u.must_visit]
    if not must:
        print("\nEvery must-visit site is in the plan.")
        return
    print(f"\nMust-visit sites NOT placed ({len(must)}):")
    for u in must:
        print(f"  {u.site_id} {u.name}: {u.reason} [{u.reason_code}]")


def _cmd_plan_inspections(args: argparse.Namespace) -> int:
    source, outs = Path(args.dataset), [Path(out) for out in args.out]
    if not source.exists():
        return usage_error(COMMAND, f"{source} does not exist (give a dataset .gpkg)")
    for out in outs:
        if out.suffix.lower().lstrip(".") not in OUT_FORMATS:
            return usage_error(COMMAND, f"--out must end in {', '.join('.' + f for f in OUT_FORMATS)}, "
                                        f"not '{out.name}'")
    for option, value in (("--teams", args.teams), ("--scores", args.scores)):
        if value is not None and not Path(value).exists():
            return usage_error(COMMAND, f"{option} file {value} does not exist")

    from geodata.load import check_dataset
    from geodata.scores_file import file_label, read_scores
    from planner.teams import DEFAULT_TEAMS_RULE, read_teams
    from vigia import inspection_runs

    if args.engine is not None and args.engine not in inspection_runs.engine_names():
        return usage_error(COMMAND, f"unknown engine '{args.engine}'; choose one of "
                                    f"{', '.join(inspection_runs.engine_names())}")
    report = check_dataset(source)
    if not report.ok or report.dataset is None:
        lang = language()
        return data_errors(f"{source}: {frame_text('verdict.invalid', lang)} — {summary(report.problems, lang)}; "
                           "nothing planned.", report.problems, lang, stream=sys.stdout)
    dataset = report.dataset
    try:
        teams = tuple(read_teams(args.teams, dataset)) if args.teams else None
        scores = read_scores(args.scores).areas if args.scores else None
        request = inspection_runs.PlanRequest(
            start=args.start, days=args.days, time_limit=args.time_limit, engine=args.engine or "",
            seed=args.seed, teams=teams, scores=scores, scores_name=file_label(args.scores) if args.scores else "",
            explore=args.explore, learn=bool(args.learn and scores is None))
        print(f"Planning {args.days} working day(s) from {args.start} on {source.name} "
              f"(time limit {args.time_limit:g} s)...", flush=True)
        run = inspection_runs.run(dataset, request)
        if run.learn_note:
            from vigia.yield_refusals import not_used_text

            print(not_used_text(run.learn_note, language(args)))
        priority_column = run.request.priority_column
    except DataError as error:
        lang = language()
        return data_errors(f"vigia plan-inspections: cannot plan — {summary(error.problems, lang)}:",
                           error.problems, lang, stream=sys.stdout)

    problem = run.problem
    print(f"Teams: {len(problem.teams)} "
          + (f"from {Path(args.teams).name}" if args.teams else f"(default) — {DEFAULT_TEAMS_RULE}"))
    print(f"Sites: {len(problem.sites)}; days: {problem.days[0]} to {problem.days[-1]}; travel: {problem.travel_method}")
    scores_note = (f"scores file {Path(args.scores).name}" if args.scores
                   else "site yield learned from past inspections" if priority_column
                   else "no scores file, fallback priority")
    print(f"Priority ({scores_note}): {problem.priority_rule}")
    print(f"Engine: {run.plan.engine} — {run.plan.seconds:.1f} s (limit {args.time_limit:g} s); "
          + (f"greedy plan {run.baseline.seconds:.1f} s" if run.baseline else "no greedy reference"))
    _print_exploration(run)
    _print_kpis(run)
    _print_unplaced_must(run)

    from planner.exports import write_plan
    from planner.field_files import FIELD_FORMATS, write_field_file

    print()
    for out in outs:
        if out.suffix.lower().lstrip(".") in FIELD_FORMATS:
            write_field_file(run.plan, run.context, out, lang=args.lang)
        else:
            write_plan(run.plan, run.context, out, lang=args.lang)
        print(f"Wrote {out} ({len(run.plan.visits)} visits, {len(run.plan.unplaced)} sites not placed)")
    if args.sheets:
        from planner.route_sheets import route_sheets_pdf, write_route_sheets

        folder = Path(args.sheets)
        written = write_route_sheets(run.plan, run.context, folder, lang=args.lang)
        (folder / "route-sheets.pdf").write_bytes(route_sheets_pdf(run.plan, run.context, lang=args.lang))
        print(f"Wrote {len(written)} route sheet(s) and route-sheets.pdf to {folder}")
    return EXIT_OK
