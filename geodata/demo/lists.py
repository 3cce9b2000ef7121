"""The demo's SYNTHETIC agency lists: who each agency found, from a known true number of victims.

Multiple systems estimation needs the overlaps between agencies' lists. The
demo makes them up from a population whose size is KNOWN, so the dark-figure
estimate can be checked against the truth (the ``about`` table keeps it).

The generator, per department and year:

1. the true number of victims is ``TRUE_PER_IDENTIFIED`` (4) times the victims
   the demo's ``cases`` layer says were identified there that year. Four is
   the order published MSE studies found: the UK 2013 estimate was about four
   times the known cases (Silverman 2014), the Netherlands' about five
   (UNODC & Dutch National Rapporteur 2017);
2. each victim is found, independently, by the police with probability
   0.22, by the labour ministry 0.08 and by NGOs 0.12; the prosecutors
   (fiscalía) find 0.15 of those the police did not find and 0.45 of those it
   did (police refer cases to them): a real dependence between two lists that
   the estimator must detect;
3. victims found by nobody are dropped (they are the dark figure); the others
   are counted per combination of lists.

Nothing here is an official statistic; the shares are stylised, chosen to give
a realistic sparsity (small departments have thin overlaps), not quoted from
any report.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from geodata.demo.figures import STREAMS

#: The agency lists of the demo, in column order.
LISTS: tuple[str, ...] = ("police", "fiscalia", "labour", "ngo")
#: True victims per victim identified in the demo's cases layer.
TRUE_PER_IDENTIFIED = 4
#: Chance that each agency finds a victim (fiscalía: when the police did not).
CAPTURE = {"police": 0.22, "fiscalia": 0.15, "labour": 0.08, "ngo": 0.12}
#: Chance that the fiscalía finds a victim the police found (referrals).
FISCALIA_AFTER_POLICE = 0.45
#: Random stream of this layer: the next one after those in ``figures.STREAMS``.
STREAM = max(STREAMS.values()) + 1


def true_victims(cases: pd.DataFrame, areas: pd.DataFrame) -> pd.DataFrame:
    """True victims per (period, admin1): ``TRUE_PER_IDENTIFIED`` times the identified ones."""
    merged = cases.merge(areas[["area_id", "admin1"]], on="area_id")
    merged["period"] = merged["period"].astype(str).str[:4]
    identified = merged.groupby(["period", "admin1"], as_index=False)["victims"].sum()
    identified["true_victims"] = identified["victims"] * TRUE_PER_IDENTIFIED
    return pd.DataFrame(identified[["period", "admin1", "true_victims"]])


def agency_lists(cases: pd.DataFrame, areas: pd.DataFrame, seed: int) -> tuple[pd.DataFrame, int]:
    """The ``lists`` layer (one row per period, department and combination seen) and the true total."""
    rng = np.random.default_rng([int(seed), STREAM])
    truth = true_victims(cases, areas)
    frames = []
    for period, admin1, n in truth.itertuples(index=False):
        found = _capture(rng, int(n))
        if not len(found):
            continue
        counts = pd.DataFrame(found, columns=list(LISTS)).value_counts().rename("count").reset_index()
        counts.insert(0, "admin1", admin1)
        counts.insert(0, "period", period)
        frames.append(counts)
    layer = pd.concat(frames, ignore_index=True)
    layer = layer[["period", "admin1", *LISTS, "count"]].astype({name: np.int64 for name in (*LISTS, "count")})
    return layer.sort_values(["period", "admin1", *LISTS], ascending=[True, True, False, False, False, False],
                             ignore_index=True), int(truth["true_victims"].sum())


def _capture(rng: np.random.Generator, n: int) -> np.ndarray:
    """Capture histories of the victims some agency found (rows of 0/1, one column per list)."""
    draws = rng.random((n, len(LISTS)))
    police = draws[:, 0] < CAPTURE["police"]
    fiscalia = draws[:, 1] < np.where(police, FISCALIA_AFTER_POLICE, CAPTURE["fiscalia"])
    labour = draws[:, 2] < CAPTURE["labour"]
    ngo = draws[:, 3] < CAPTURE["ngo"]
    found = np.column_stack([police, fiscalia, labour, ngo]).astype(np.int64)
    return found[found.any(axis=1)]
