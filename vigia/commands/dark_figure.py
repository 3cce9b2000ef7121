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
    data_errors,
    language,
    print_problems,
    usage_error,
)

if TYPE_CHECKING:  # pandas loads in the handler, not for `vigia --help`
    import pandas as pd

COMMAND = "dark-figure"
OUT_COLUMNS = ["stratum", "observed", "estimate", "low", "high", "model", "reason"]


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "dark-figure",
        help="estimate how many victims no agency found (multiple systems estimation) from a lists table",
        description="Multiple systems estimation from aggregated list overlaps: one 0/1 column per agency "
                    "list and a count per combination (the 'lists' layer).")
    p.add_argument("table", help="lists table: .csv, .xlsx, or a .gpkg with a 'lists' layer")
    p.add_argument("--layer", default=None, help="layer name inside a GeoPackage (default: lists)")
    p.add_argument("--criterion", choices=("aic", "bic"), default="bic",
                   help="what an interaction between two lists must lower to enter the model (default bic)")
    p.add_argument("--by", choices=("period", "admin1"), default=None, help="also estimate per period or department")
    p.add_argument("--interval", choices=("profile", "bootstrap"), default="profile",
                   help="95%% interval by profile likelihood (default) or parametric bootstrap")
    p.add_argument("--seed", type=int, default=0, help="bootstrap seed (same seed, same interval)")
    p.add_argument("--draws", type=int, default=499, help="bootstrap draws (default 499)")
    p.add_argument("--out", default=None, help="write one row per stratum to this .csv or .xlsx")
    p.add_argument("--lang", choices=("es", "en"), default=None,
                   help="language of the .xlsx (default from LANG; the .csv keeps codes)")
    p.set_defaults(func=run)


def _number(value: float) -> str:
    if not math.isfinite(value):
        return "unbounded"
    return f"{round(value):,}"


def _rounded(value: float) -> float | str:
    return round(value) if math.isfinite(value) else ("" if math.isnan(value) else "inf")


def run(args: argparse.Namespace) -> int:
    from geodata.layer_file import load_layer
    from geodata.privacy import protect_strata, suppress_small
    from risk.dark_figure import estimate_strata

    path = Path(args.table)
    if not path.exists():
        return usage_error(COMMAND, f"{path} does not exist")
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in (".csv", ".xlsx"):
        return usage_error(COMMAND, f"--out must end in .csv or .xlsx, not '{out.name}'")
    try:
        frame, problems = load_layer(path, "lists", args.layer)
    except DataError as exc:
        return data_errors(f"{path.name}: the lists table has errors; nothing estimated.", exc.problems,
                           language(), stream=sys.stdout)
    if args.by and args.by not in frame.columns:
        return usage_error(COMMAND, f"the table has no '{args.by}' column to split by")
    result = estimate_strata(frame, by=args.by, criterion=args.criterion, interval=args.interval,
                             seed=args.seed, draws=args.draws)
    overall = result.overall
    print(f"{path.name}: multiple systems estimation ({args.criterion.upper()} stepwise, {args.interval} interval)")
    print_problems(problems, lang=language())
    print(f"  observed (on at least one list): {suppress_small(overall.observed)}")
    if overall.fit is None:
        print(f"  NO ESTIMATE: {overall.reason}")
        return EXIT_DATA_ERRORS
    fit = overall.fit
    print(f"  estimated total:                 {_number(fit.estimate_)}")
    print(f"  95% interval:                    {_number(fit.low_)} – {_number(fit.high_)}")
    print(f"  estimated / observed:            {fit.ratio_:.2f}")
    print(f"  model:                           {fit.model_.label}")
    for label, reason in fit.excluded_terms_.items():
        print(f"  left out {label}: {reason}")
    for note in fit.notes_:
        print(f"  note: {note}")
    if args.by:
        print(f"\nBy {args.by}:")
        shown = protect_strata([stratum.observed for stratum in result.strata[1:]])
        for stratum, seen in zip(result.strata[1:], shown, strict=True):
            if stratum.fit is None:
                print(f"  {stratum.stratum}: observed {seen}; no estimate: {stratum.reason}")
            else:
                f = stratum.fit
                print(f"  {stratum.stratum}: observed {seen}; estimate {_number(f.estimate_)} "
                      f"({_number(f.low_)} – {_number(f.high_)}); {f.model_.label}")
    if out is not None:
        _write(result.table(), out, language(args))
        print(f"\nWrote {out}")
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
