"""Can a log-linear model estimate the unobserved cell from this table at all?

Sparse agency lists break the usual Poisson fit in two ways (Chan, Silverman &
Vincent 2021, "Multiple systems estimation for sparse capture data",
J. Amer. Statist. Assoc. 116:1297-1306; SparseMSE's ``checkident``):

* the maximum likelihood estimate does not EXIST: some parameter runs off to
  minus or plus infinity (two lists nobody is on together, or lists that never
  overlap at all, which sends the unobserved cell to infinity). The linear
  programme of Fienberg & Rinaldo (2012, Ann. Statist. 40:996-1023) decides
  it: the estimate exists iff some strictly positive table has the same
  sufficient statistics as the data;
* the parameters are not IDENTIFIABLE: the design restricted to the observed
  cells has deficient column rank (e.g. the interaction of two lists when there
  are only two lists), so the data cannot tell the term from the unobserved cell.

A model failing either test gives no estimate, and the stepwise search never
uses it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.optimize import linprog

#: A pairwise interaction: the positions of two lists.
Term = tuple[int, int]

#: Smallest margin (as a share of the people observed) that counts as strictly positive.
_POSITIVE = 1e-9


def design_matrix(histories: np.ndarray, terms: Sequence[Term]) -> np.ndarray:
    """Columns: intercept, one main effect per list, one product per interaction."""
    h = histories.astype(float)
    columns = [np.ones(len(h)), *(h[:, i] for i in range(h.shape[1]))]
    columns += [h[:, i] * h[:, j] for i, j in terms]
    return np.column_stack(columns)


def full_rank(design: np.ndarray) -> bool:
    """True when every parameter is identifiable from the observed cells."""
    return bool(np.linalg.matrix_rank(design) == design.shape[1])


def mle_exists(design: np.ndarray, counts: np.ndarray) -> bool:
    """Fienberg-Rinaldo test: is there a strictly positive ``x`` with ``design' x = design' counts``?

    Solves ``max s`` subject to ``design' x = design' n``, ``x_c >= s``,
    ``x >= 0``; the maximum likelihood estimate is finite iff ``s > 0``.
    Counts are scaled to shares so the tolerance does not depend on the table's size.
    """
    total = float(counts.sum())
    if total <= 0:
        return False
    n = counts / total
    cells, params = design.shape
    objective = np.zeros(cells + 1)
    objective[-1] = -1.0  # maximise s
    equality = np.hstack([design.T, np.zeros((params, 1))])
    bound = np.hstack([-np.eye(cells), np.ones((cells, 1))])  # s - x_c <= 0
    result = linprog(objective, A_ub=bound, b_ub=np.zeros(cells), A_eq=equality, b_eq=design.T @ n,
                     bounds=[(0, None)] * (cells + 1), method="highs")
    return bool(result.status == 0 and -result.fun > _POSITIVE)
