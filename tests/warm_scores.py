"""Score settings of the page tests that share one warm score cache (smaller than the app's defaults).

The Risk map's scores are cached per (dataset, choice, draws, permutations): tests that render
pages with these settings reuse one scoring of the demo instead of each paying for their own.
"""

DRAWS, PERMUTATIONS = "200", "99"
