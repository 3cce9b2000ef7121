"""``vigia score``: risk scores for every area and crossing of a dataset, written as a GeoPackage.

Orchestration only: load the dataset, call :func:`risk.pipeline.score`, write
the file, print the top areas with their rank intervals and what is missing.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from vigia.cli_output import EXIT_OK, data_errors, language, usage_error

if TYPE_CHECKING:
    from risk.pipeline import Scores

COMMAND = "score"


def register(subparsers: argparse._SubParsersAction) -> None:
    from risk.presets import AGGREGATIONS, NORMALISATIONS, PRESETS

    p = subparsers.add_parser(
        "score", help="score the risk of every area and crossing of a dataset; write area_scores/crossing_scores")
    p.add_argument("dataset", help="dataset .gpkg (or a folder of layer files)")
    p.add_argument("--out", required=True, help="scores .gpkg to write (layers area_scores, crossing_scores)")
    p.add_argument("--preset", default="balanced", choices=PRESETS, help="weight preset (default balanced)")
    p.add_argument("--weights", default=None,
                   help="CSV (indicator,weight rows) or JSON {indicator: weight} overriding the preset")
    p.add_argument("--normalisation", default="minmax", choices=NORMALISATIONS)
    p.add_argument("--aggregation", default="arithmetic", choices=AGGREGATIONS)
    p.add_argument("--draws", type=int, default=1000, help="Monte Carlo draws for rank intervals (default 1000)")
    p.add_argument("--permutations", type=int, default=999, help="hotspot permutations (default 999)")
    p.add_argument("--seed", type=int, default=0, help="random seed (same seed, same output)")
    p.add_argument("--top", type=int, default=10, help="areas to list in the summary (default 10)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from geodata.load import load_dataset
    from geodata.problems import DataError
    from risk.composite import read_weights
    from risk.pipeline import ScoreConfig, score

    source, out = Path(args.dataset), Path(args.out)
    if not source.exists():
        return usage_error(COMMAND, f"{source} does not exist (give a dataset .gpkg or a folder of layer files)")
    if out.suffix.lower() != ".gpkg":
        return usage_error(COMMAND, f"--out must be a .gpkg file, not '{out.name}'")
    if args.draws < 0 or args.permutations < 0:
        return usage_error(COMMAND, "--draws and --permutations must be >= 0")
    weights = None
    if args.weights is not None:
        if not Path(args.weights).exists():
            return usage_error(COMMAND, f"--weights file {args.weights} does not exist")
        try:
            weights = read_weights(args.weights)
        except ValueError as exc:
            return usage_error(COMMAND, str(exc))
    try:
        dataset = load_dataset(source)
    except DataError as exc:
        return data_errors(f"vigia score: {source} is NOT VALID; nothing scored. Run `vigia validate {source}` "
                           "for details:", exc.problems, language())
    config = ScoreConfig(preset=args.preset, weights=weights, normalisation=args.normalisation,
                         aggregation=args.aggregation, draws=args.draws, permutations=args.permutations,
                         seed=args.seed)
    try:
        scores = score(dataset, config)
    except ValueError as exc:  # bad weights for this dataset (unknown indicator, all zero)
        return usage_error(COMMAND, str(exc))
    scores.to_gpkg(out)
    _print_summary(scores, out, args.top, dataset.synthetic)
    return EXIT_OK


def _print_summary(scores: Scores, out: Path, top: int, synthetic: bool) -> None:
    areas = scores.area_scores
    crossings = scores.crossing_scores
    n_cross = 0 if crossings is None else len(crossings)
    print(f"Wrote {out}: {len(areas)} area(s), {n_cross} crossing(s) — preset {scores.config.preset}, "
          f"{scores.config.draws} draws, seed {scores.config.seed}"
          + (" (SYNTHETIC data)" if synthetic else ""))
    print(f"Top {min(top, len(areas))} areas (rank, 90% interval over weights/methods, P(top 10%)):")
    for row in scores.summary(top).itertuples():
        drivers = ", ".join(str(d) for d in (row.top_1, row.top_2) if d)
        print(f"  {row.rank:>3}. {row.name} ({row.admin1}) score {row.score:5.1f}  "
              f"rank {row.rank_low}-{row.rank_high}  P(top10%) {row.p_top10:.0%}  [{drivers}]")
    if crossings is not None and n_cross:
        print("Top crossings:")
        for row in crossings.head(min(5, n_cross)).itertuples():
            print(f"  {row.rank:>3}. {row.name} score {row.score:5.1f}  rank {row.rank_low}-{row.rank_high}  "
                  f"[{row.drivers}]")
    model = scores.model
    if model.get("expected_cases_model"):
        dev = ", ".join(f"{k} {v:.3f}" for k, v in model.get("poisson_deviance", {}).items())
        flagged = int(areas["under_detection"].fillna(False).astype(bool).sum())
        print(f"Expected cases: {model['expected_cases_model']} model ({model['folds']}; held-out Poisson deviance "
              f"{dev}); {flagged} area(s) flagged as likely under-detected")
    if scores.missing:
        print("Not computed / left out:")
        for part, reason in scores.missing.items():
            print(f"  - {part}: {reason}")
