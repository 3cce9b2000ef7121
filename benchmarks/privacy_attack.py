"""Play the adversary on the demo's scores file: how many hidden counts come back, what the protection costs.

    PYTHONPATH=. .venv/bin/python benchmarks/privacy_attack.py                  # score the demo, attack the file
    PYTHONPATH=. .venv/bin/python benchmarks/privacy_attack.py --scores S.gpkg  # attack a file written elsewhere
                                                                               # (e.g. by an older Vigía)

Prints the share of hidden recorded counts that least-squares inversion of the
smoothed case rates (with the published populations) recovers exactly, the best
blind guess (always answering the most common hidden value), the narrowest
interval left by subtracting visible counts from the department totals, and the
Spearman rank correlation between the score computed on protected inputs (what
Vigía publishes) and on the unprotected counts (``VIGIA_SMALL_COUNT=1``: nothing
hidden). Ends with ``RESULT exact=... blind=... narrowest=... band=... rank_corr=...``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "privacy"))

from privacy_attacks import (
    blind_guess_share,
    department_intervals,
    exact_share,
    invert_smoothing,
    read_published,
)

from geodata.demo import build_demo
from geodata.privacy import THRESHOLD_ENV, small_count_threshold
from risk.pipeline import ScoreConfig, Scores, score


def _scores() -> Scores:
    return score(build_demo(), ScoreConfig(permutations=0, draws=100))


def rank_cost() -> tuple[float, int, int]:
    """Spearman correlation of the demo's score on protected vs unprotected inputs, and the top-10% overlap."""
    protected = _scores().area_scores.set_index("area_id")["score"]
    before = os.environ.get(THRESHOLD_ENV)
    os.environ[THRESHOLD_ENV] = "1"  # threshold 1: no count is small, nothing protected
    try:
        raw = _scores().area_scores.set_index("area_id")["score"]
    finally:
        if before is None:
            os.environ.pop(THRESHOLD_ENV, None)
        else:
            os.environ[THRESHOLD_ENV] = before
    top = max(1, -(-len(protected) // 10))
    same = len(set(protected.nlargest(top).index) & set(raw.nlargest(top).index))
    return float(protected.corr(raw.reindex(protected.index), method="spearman")), same, top


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scores", help="scores .gpkg of the demo (default: score the demo with this Vigía)")
    parser.add_argument("--no-cost", action="store_true", help="skip the rank-correlation cost")
    args = parser.parse_args()
    dataset = build_demo()
    threshold = small_count_threshold()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(args.scores) if args.scores else _scores().to_gpkg(Path(folder) / "scores.gpkg")
        published = read_published(path)
    cases = dataset["cases"]
    truth = cases.assign(area_id=cases["area_id"].astype(str)).groupby("area_id")["cases"].sum()
    truth = truth.reindex(published.areas.index).fillna(0)
    population = dataset.areas.set_index(dataset.areas["area_id"].astype(str))["population"]
    hidden = published.hidden
    small = hidden & truth.between(1, threshold - 1)
    estimates = invert_smoothing(published, population)
    exact = exact_share(estimates, truth, small)
    blind = blind_guess_share(truth, small)
    admin1 = dataset.areas.set_index(dataset.areas["area_id"].astype(str))["admin1"]
    totals = truth.groupby(admin1.reindex(truth.index)).sum()
    intervals = department_intervals(published, totals, threshold)
    narrowest = min((high - low + 1 for low, high in intervals.values()), default=threshold - 1)
    exact_by_difference = sum(1 for low, high in intervals.values() if low == high)
    print(f"file: {path.name}; {int(hidden.sum())} hidden areas, {int(small.sum())} with 1..{threshold - 1} cases")
    print(f"least-squares inversion of smoothed rates: {exact:.1%} of small hidden counts exact "
          f"(blind guess {blind:.1%})")
    print(f"department totals minus visible counts: {exact_by_difference} small counts exact, "
          f"narrowest interval {narrowest} value(s) (band {threshold - 1})")
    corr, same, top = (float("nan"), 0, 0) if args.no_cost else rank_cost()
    if not args.no_cost:
        print(f"score on protected vs unprotected inputs: Spearman {corr:.4f}; top {top}: {same} the same")
    print(f"RESULT exact={exact:.3f} blind={blind:.3f} narrowest={narrowest} band={threshold - 1} "
          f"by_difference={exact_by_difference} rank_corr={corr:.4f} top10_same={same}/{top}")


if __name__ == "__main__":
    pd.set_option("display.width", 120)
    main()
