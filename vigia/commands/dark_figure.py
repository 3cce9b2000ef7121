"""``vigia dark-figure``: how many victims no agency found, from a table of list overlaps.

Reads a ``lists`` table (CSV, XLSX, or the ``lists`` layer of a GeoPackage),
validates it like any layer, runs :func:`risk.dark_figure.estimate_strata` and
prints the observed total, the estimate, its interval, the chosen model and the
ratio. Exit 1 (with the reason) when the data have errors or no estimate exists.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from geodata.problems import DataError
from vigia.cli_output import (
    EXIT_DATA_ERRORS,
    EXIT_OK,
    cli_reason,
    cli_text,
    cli_word,
    data_errors,
    help_description,
    help_text,
    language,
    print_problems,
    usage_error,
)

if TYPE_CHECKING:  # pandas loads in the handler, not for `vigia --help`
    import pandas as pd

COMMAND = "dark-figure"
OUT_COLUMNS = ["stratum", "observed", "estimate", "low", "high", "model", "reason"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("dark-figure", help=help_text("dark"), description=help_description("dark.description"))
    p.add_argument("table", help=help_text("dark.table"))
    p.add_argument("--layer", default=None, help=help_text("dark.layer"))
    p.add_argument("--criterion", choices=("aic", "bic"), default="bic", help=help_text("dark.criterion"))
    p.add_argument("--by", choices=("period", "admin1"), default=None, help=help_text("dark.by"))
    p.add_argument("--interval", choices=("profile", "bootstrap"), default="profile", help=help_text("dark.interval"))
    p.add_argument("--seed", type=int, default=0, help=help_text("dark.seed"))
    p.add_argument("--draws", type=int, default=499, help=help_text("dark.draws"))
    p.add_argument("--out", default=None, help=help_text("dark.out"))
    p.add_argument("--lang", choices=("es", "en"), default=None, help=help_text("dark.lang"))
    p.set_defaults(func=run)


def _number(value: float, lang: str = "en") -> str:
    from geodata import formats

    if not math.isfinite(value):
        return cli_text("cli.dark.unbounded", lang)
    return formats.integer(value, lang)


def _model(label: str, lang: str) -> str:
    """``main effects + police:ngo`` with the words in ``lang`` (list names are the table's own)."""
    from risk.dark_figure import MAIN_EFFECTS

    return label.replace(MAIN_EFFECTS, cli_word("dark", "main_effects", lang), 1)


def _rounded(value: float) -> float | str:
    return round(value) if math.isfinite(value) else ("" if math.isnan(value) else "inf")


def run(args: argparse.Namespace) -> int:
    from babel.numbers import get_group_symbol

    from geodata import formats
    from geodata.layer_file import load_layer
    from geodata.privacy import protect_strata, suppress_small
    from risk.dark_figure import estimate_strata

    lang = language(args)
    path = Path(args.table)
    if not path.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing", lang, path=path))
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, suffixes=".csv, .xlsx", name=out.name))
    try:
        frame, problems = load_layer(path, "lists", args.layer)
    except DataError as exc:
        return data_errors(cli_text("cli.dark.errors", lang, file=path.name), exc.problems, lang, stream=sys.stdout)
    if args.by and args.by not in frame.columns:
        return usage_error(COMMAND, cli_text("cli.dark.no_column", lang, column=args.by))
    result = estimate_strata(frame, by=args.by, criterion=args.criterion, interval=args.interval,
                             seed=args.seed, draws=args.draws)
    overall = result.overall
    sep = get_group_symbol(formats.locale_for(lang))  # counts as the language groups them

    def say(key: str, **fmt: object) -> None:
        print(cli_text(key, lang, **fmt))

    say("cli.dark.header", file=path.name, criterion=args.criterion.upper(),
        interval=cli_text(f"cli.dark.interval.{args.interval}", lang))
    print_problems(problems, lang=lang)
    say("cli.dark.observed", n=suppress_small(overall.observed, thousands=sep))
    if overall.fit is None:
        say("cli.dark.none", reason=cli_reason(str(overall.reason), lang))
        return EXIT_DATA_ERRORS
    fit = overall.fit
    say("cli.dark.estimate", n=_number(fit.estimate_, lang))
    say("cli.dark.interval", low=_number(fit.low_, lang), high=_number(fit.high_, lang))
    say("cli.dark.ratio", ratio=formats.decimal(fit.ratio_, lang, 2))
    say("cli.dark.model", model=_model(fit.model_.label, lang))
    for label, reason in fit.excluded_terms_.items():
        say("cli.dark.left_out", label=label, reason=cli_reason(reason, lang))
    for note in fit.notes_:
        say("cli.dark.note", note=cli_reason(note, lang))
    if args.by:
        print()
        say(f"cli.dark.by.{args.by}")
        shown = protect_strata([stratum.observed for stratum in result.strata[1:]], thousands=sep)
        for stratum, seen in zip(result.strata[1:], shown, strict=True):
            if stratum.fit is None:
                say("cli.dark.stratum_none", stratum=stratum.stratum, seen=seen,
                    reason=cli_reason(str(stratum.reason), lang))
            else:
                f = stratum.fit
                say("cli.dark.stratum", stratum=stratum.stratum, seen=seen, n=_number(f.estimate_, lang),
                    low=_number(f.low_, lang), high=_number(f.high_, lang), model=_model(f.model_.label, lang))
    if out is not None:
        _write(result.table(), out, lang)
        print()
        say("cli.wrote", path=out)
    return EXIT_OK


def _write(table: pd.DataFrame, out: Path, lang: str) -> None:
    """Counts below the small-count threshold are suppressed, with complements so the total cannot
    reveal them; estimates are model outputs and kept."""
    from geodata.privacy import protect_strata, suppress_small

    shown = table.copy()  # row 0 is the overall total, the rest its strata
    shown["observed"] = ([suppress_small(table["observed"].iloc[0], thousands="")]
                         + protect_strata(table["observed"].iloc[1:].tolist(), thousands=""))
    for column in ("estimate", "low", "high"):
        shown[column] = [_rounded(v) for v in shown[column]]
    shown = shown[OUT_COLUMNS]
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".xlsx":
        _in_words(shown, lang).to_excel(out, index=False, sheet_name=_word("dark.sheet", lang))
    else:
        shown.to_csv(out, index=False)  # the machine file: column codes, "all", the model as MSE papers write it


def _word(key: str, lang: str, **fmt: object) -> str:
    from vigia.ui.texts.dark_figure import TEXTS

    return TEXTS[key][lang].format(**fmt)


def _in_words(shown: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table as people read it: headers and the overall row in ``lang``, the model in words
    (``efectos principales + police × fiscalia``), counts as numbers unless hidden (``<5``)."""
    from risk.dark_figure import MAIN_EFFECTS

    out = shown.copy()
    out.loc[out.index[0], "stratum"] = _word("dark.all", lang)
    out["model"] = [str(m).replace(MAIN_EFFECTS, _word("dark.main_effects", lang), 1).replace(":", " × ")
                    if isinstance(m, str) else m for m in out["model"]]
    out["observed"] = [int(v) if str(v).isdigit() else v for v in out["observed"]]
    for column in ("estimate", "low", "high"):
        out[column] = [_word("dark.unbounded", lang) if v == "inf" else v for v in out[column]]
    return out.rename(columns={c: _word(f"dark.col.{c}", lang) for c in out.columns})
