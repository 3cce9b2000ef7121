"""``vigia evaluate``: replay a past year — would Vigía's ranking have found more than what was done?

Orchestration only: load the dataset, call :func:`risk.replay.replay`, print the
figures (one JSON object with ``--json``, else a short report in the user's
language with small victim counts hidden) and optionally write an HTML or XLSX
report. Exit 1 with a plain reason when the year cannot be replayed.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    cli_text,
    data_errors,
    help_description,
    help_text,
    language,
    usage_error,
)

COMMAND = "evaluate"
OUT_FORMATS = (".html", ".xlsx")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("evaluate", help=help_text("evaluate"), description=help_description("evaluate.description"))
    p.add_argument("dataset", help=help_text("evaluate.dataset"))
    p.add_argument("--year", type=int, required=True, help=help_text("evaluate.year"))
    p.add_argument("--json", action="store_true", help=help_text("evaluate.json"))
    p.add_argument("--out", default=None, help=help_text("evaluate.out"))
    p.add_argument("--lang", choices=("es", "en"), default=None, help=help_text("lang_report"))
    p.set_defaults(func=run)


def _text(key: str, lang: str, **fmt: object) -> str:
    from geodata.catalog import lookup
    from vigia.ui.texts.learning import TEXTS

    return lookup(TEXTS[key], lang, **fmt)


def _shown(key: str, value: float | int | None, lang: str) -> str:
    """A figure as the human report shows it: victims 1..4 hidden, shares as percentages, numbers in the
    language's format (:mod:`geodata.formats`)."""
    from geodata import formats
    from geodata.privacy import is_small, suppress_small

    if value is None:
        return _text("evaluate.not_available", lang)
    if key == "victims":
        return suppress_small(value) if is_small(value) else formats.integer(value, lang)
    if key.startswith("share_"):
        return formats.percent(float(value), lang)
    if key == "year":
        return str(int(value))
    if key == "inspections":
        return formats.integer(value, lang)
    return formats.decimal(float(value), lang, 3)


def _cell(key: str, value: float | int | None, lang: str) -> object:
    """A figure as the workbook holds it: a number stays a number (victims 1..4 still hidden)."""
    from geodata.privacy import is_small

    if value is None or (key == "victims" and is_small(value)):
        return _shown(key, value, lang)
    return int(value) if key in ("year", "inspections", "victims") else float(value)


def report_lines(figures: dict[str, float | int | None], lang: str) -> list[tuple[str, str]]:
    """(label, shown value) per figure, in the report's order."""
    return [(_text(f"evaluate.{key}", lang), _shown(key, value, lang)) for key, value in figures.items()]


def yield_lines(check: dict[str, object], lang: str) -> list[str]:
    """The site yield model's check on the year: AUC, Brier (and weighted), the calibration table
    (a bin's observed share is hidden when 1..4 of its visits found victims: a small count)."""
    from geodata.privacy import is_small, suppressed_marker

    if "auc" not in check:
        return []
    lines = [_text("evaluate.yield_header", lang),
             "  " + _text("evaluate.yield_scores", lang, auc=check["auc"], brier=check["brier"], visits=check["visits"])]
    if check.get("auc_weighted") is not None:
        lines.append("  " + _text("evaluate.yield_weighted", lang, n=check["random_visits"],
                                  auc=check["auc_weighted"], brier=check["brier_weighted"]))
    lines.append("  " + _text("evaluate.calibration", lang))
    for row in check.get("calibration", []):  # type: ignore[attr-defined]
        found = round(row["observed"] * row["visits"])
        observed = f"{suppressed_marker():>5} " if is_small(found) else f"{100 * row['observed']:5.1f}%"
        lines.append(f"    {row['visits']:>5}  {100 * row['predicted']:5.1f}%  {observed}")
    return lines


def _write(path: Path, figures: dict[str, float | int | None], note: str | None, lang: str,
           check: dict[str, object]) -> None:
    import pandas as pd

    from geodata.privacy import small_count_threshold, suppressed_marker

    lines = report_lines(figures, lang)
    year = figures["year"]
    footer = _text("evaluate.suppressed", lang, limit=small_count_threshold() - 1, marker=suppressed_marker())
    if path.suffix.lower() == ".xlsx":
        cells = [_cell(key, value, lang) for key, value in figures.items()]
        sheet = _text("evaluate.year", lang) + f" {year}"
        pd.DataFrame({_text("evaluate.figure", lang): [label for label, _ in lines], str(year): cells}).to_excel(
            path, index=False, sheet_name=sheet)
        return
    rows = "".join(f"<tr><th>{html.escape(a)}</th><td>{html.escape(b)}</td></tr>" for a, b in lines)
    extra = f"<p>{html.escape(note)}</p>" if note else ""
    extra += "<pre>" + html.escape("\n".join(yield_lines(check, lang))) + "</pre>"
    path.write_text(f"<!doctype html><html lang='{lang}'><meta charset='utf-8'>"
                    f"<title>{html.escape(_text('evaluate.title', lang, year=year))}</title>"
                    f"<h1>{html.escape(_text('evaluate.title', lang, year=year))}</h1>"
                    f"<p>{html.escape(_text('evaluate.intro', lang, year=year))}</p><table>{rows}</table>"
                    f"{extra}<p>{html.escape(footer)}</p></html>", encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from geodata.load import load_dataset
    from geodata.problems import DataError
    from risk.replay import ReplayError, replay
    from vigia.yield_refusals import area_fallback_text

    lang = language(args)
    source = Path(args.dataset)
    if not source.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing_dataset", lang, path=source))
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in OUT_FORMATS:
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, suffixes=".html, .xlsx", name=out.name))
    try:
        dataset = load_dataset(source)
    except DataError as exc:
        return data_errors(cli_text("cli.evaluate.invalid", lang, source=source), exc.problems, lang)
    inspections, sites = dataset.get("inspections"), dataset.get("sites")
    if inspections is None or not len(inspections):
        reason = _text("evaluate.no_layer", lang)
        print(_text("evaluate.refused", lang, year=args.year, reason=reason), file=sys.stderr)
        return EXIT_DATA_ERRORS
    import pandas as pd

    if sites is None:
        sites = pd.DataFrame({"site_id": pd.Series(dtype=str), "sector": pd.Series(dtype=str)})
    try:
        result = replay(sites, inspections, args.year)
    except ReplayError as exc:
        reason = _text(f"evaluate.{exc.kind}", lang, year=args.year)
        print(_text("evaluate.refused", lang, year=args.year, reason=reason), file=sys.stderr)
        return EXIT_DATA_ERRORS
    if args.json:
        print(json.dumps(result.figures))
    else:
        print(_text("evaluate.title", lang, year=args.year))
        print(_text("evaluate.intro", lang, year=args.year))
        for label, value in report_lines(result.figures, lang):
            print(f"  {label}: {value}")
        if result.fallback is not None:
            print("  " + area_fallback_text(result.fallback, lang))
        for line in yield_lines(result.yield_check, lang):
            print(line)
    if out is not None:
        note = area_fallback_text(result.fallback, lang) if result.fallback is not None else None
        _write(out, result.figures, note, lang, result.yield_check)
        print(_text("evaluate.written", lang, path=out), file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK
