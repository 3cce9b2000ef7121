"""``vigia score``: risk scores for every area and crossing of a dataset, written as a GeoPackage.

Orchestration only: load the dataset, call :func:`risk.pipeline.score`, write
the file, print the top areas with their rank intervals and what is missing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vigia.cli_output import (
    EXIT_OK,
    cli_reason,
    cli_text,
    cli_word,
    data_errors,
    help_description,
    help_text,
    language,
    usage_error,
)

if TYPE_CHECKING:
    from risk.pipeline import Scores

COMMAND = "score"


def register(subparsers: argparse._SubParsersAction) -> None:
    from risk.presets import AGGREGATIONS, NORMALISATIONS, PRESETS

    p = subparsers.add_parser("score", help=help_text("score"), description=help_description("score"))
    p.add_argument("dataset", help=help_text("dataset_or_folder"))
    p.add_argument("--out", required=True, help=help_text("score.out"))
    p.add_argument("--preset", default="balanced", choices=PRESETS, help=help_text("score.preset"))
    p.add_argument("--weights", default=None, help=help_text("score.weights"))
    p.add_argument("--normalisation", default="minmax", choices=NORMALISATIONS, help=help_text("score.normalisation"))
    p.add_argument("--aggregation", default="arithmetic", choices=AGGREGATIONS, help=help_text("score.aggregation"))
    p.add_argument("--draws", type=int, default=1000, help=help_text("score.draws"))
    p.add_argument("--permutations", type=int, default=999, help=help_text("score.permutations"))
    p.add_argument("--seed", type=int, default=0, help=help_text("seed_same"))
    p.add_argument("--top", type=int, default=10, help=help_text("score.top"))
    p.add_argument("--lang", choices=("es", "en"), default=None, help=help_text("score.lang"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from geodata.load import load_dataset
    from geodata.problems import DataError
    from geodata.scores_file import write_scores
    from risk.composite import read_weights
    from risk.pipeline import ScoreConfig, score

    source, out = Path(args.dataset), Path(args.out)
    lang = language(args)
    if not source.exists():
        return usage_error(COMMAND, cli_text("cli.error.missing_dataset", lang, path=source))
    if out.suffix.lower() != ".gpkg":
        return usage_error(COMMAND, cli_text("cli.error.out_suffix", lang, suffixes=".gpkg", name=out.name))
    if args.draws < 0 or args.permutations < 0:
        return usage_error(COMMAND, cli_text("cli.score.negative", lang))
    weights = None
    if args.weights is not None:
        if not Path(args.weights).exists():
            return usage_error(COMMAND, cli_text("cli.error.missing_option", lang, option="--weights",
                                                 path=args.weights))
        try:
            weights = read_weights(args.weights)
        except ValueError as exc:
            return usage_error(COMMAND, str(exc))
    try:
        dataset = load_dataset(source)
    except DataError as exc:
        return data_errors(cli_text("cli.score.invalid", lang, source=source), exc.problems, lang)
    config = ScoreConfig(preset=args.preset, weights=weights, normalisation=args.normalisation,
                         aggregation=args.aggregation, draws=args.draws, permutations=args.permutations,
                         seed=args.seed)
    try:
        scores = score(dataset, config)
    except ValueError as exc:  # bad weights for this dataset (unknown indicator, all zero)
        return usage_error(COMMAND, str(exc))
    written = scores.to_file()
    write_scores(written, out)
    _print_summary(scores, out, args.top, dataset.synthetic, lang)
    print(cli_text("cli.score.provenance", lang,
                   rows="; ".join(f"{name} {text}" for name, text in written.provenance.rows())))
    return EXIT_OK


def _print_summary(scores: Scores, out: Path, top: int, synthetic: bool, lang: str = "en") -> None:
    from geodata import formats

    def say(key: str, **fmt: object) -> None:
        print(cli_text(key, lang, **fmt))

    areas = scores.area_scores
    crossings = scores.crossing_scores
    n_cross = 0 if crossings is None else len(crossings)
    config = scores.config
    print(cli_text("cli.score.wrote", lang, path=out, areas=formats.integer(len(areas), lang),
                   crossings=formats.integer(n_cross, lang), preset=config.preset,
                   draws=formats.integer(config.draws, lang), seed=config.seed)
          + (cli_text("cli.score.synthetic", lang) if synthetic else ""))
    say("cli.score.top", n=min(top, len(areas)))
    for area in scores.summary(top).to_dict("records"):
        drivers = ", ".join(cli_word("indicator", str(d), lang) for d in (area["top_1"], area["top_2"]) if d)
        say("cli.score.area", rank=area["rank"], name=area["name"], admin1=area["admin1"],
            score=formats.decimal(area["score"], lang), low=area["rank_low"], high=area["rank_high"],
            p=formats.percent(area["p_top10"], lang), drivers=drivers)
    if crossings is not None and n_cross:
        say("cli.score.top_crossings")
        for row in crossings.head(min(5, n_cross)).itertuples():
            drivers = ", ".join(cli_word("crossing_driver", d.strip(), lang) for d in str(row.drivers).split(",")
                                if d.strip())
            say("cli.score.crossing", rank=row.rank, name=row.name, score=formats.decimal(row.score, lang),
                low=row.rank_low, high=row.rank_high, drivers=drivers)
    model = scores.model
    if model.get("expected_cases_model"):
        dev = ", ".join(f"{k} {formats.decimal(v, lang, 3)}" for k, v in model.get("poisson_deviance", {}).items())
        flagged = int(areas["under_detection"].fillna(False).astype(bool).sum())
        say("cli.score.expected", model=model["expected_cases_model"], folds=cli_reason(str(model["folds"]), lang), deviance=dev,
            flagged=flagged)
    if scores.missing:
        say("cli.score.missing")
        for part, reason in scores.missing.items():
            say("cli.score.missing_item", part=cli_word("part", part, lang), reason=cli_reason(reason, lang))
