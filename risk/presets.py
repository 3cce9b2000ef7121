"""Weight presets and method names of the composite index: plain data, cheap to import.

The CLI lists these as choices and the app as options without importing the
numerical stack. Each preset gives every indicator group a share of the index
(groups a dataset lacks pass their share to the others in proportion) and tilts
indicators inside a group; users override any group or indicator.
"""

from __future__ import annotations

from collections.abc import Iterable

NORMALISATIONS: tuple[str, ...] = ("minmax", "zscore", "rank")
AGGREGATIONS: tuple[str, ...] = ("arithmetic", "geometric")

#: Group weights of each preset (shares of the index; groups without data give their
#: weight to the others in proportion). Within a group the weight is spread over its
#: indicators in proportion to :data:`TILTS` (default 1).
PRESET_GROUPS: dict[str, dict[str, float]] = {
    # Even-handed: the drivers (sectors, migration) weigh as much as recorded cases, so
    # the score does not just repeat where police already look.
    "balanced": {"cases": 0.20, "victims": 0.10, "migration": 0.20, "sectors": 0.30,
                 "population": 0.10, "geography": 0.10},
    # Labour exploitation: debt bondage in harvests and mining (ILO 2005; US DOL).
    "forced_labour": {"cases": 0.20, "victims": 0.10, "migration": 0.10, "sectors": 0.45,
                      "population": 0.05, "geography": 0.10},
    # Sexual exploitation: cities, border towns and migrant flows (US TIP reports).
    "sexual_exploitation": {"cases": 0.25, "victims": 0.10, "migration": 0.25, "sectors": 0.10,
                            "population": 0.20, "geography": 0.10},
    # Border and migration focus: where migrants arrive and move (IOM DTM).
    "migration": {"cases": 0.10, "victims": 0.05, "migration": 0.45, "sectors": 0.10,
                  "population": 0.10, "geography": 0.20},
}

#: Within-group tilts per preset (indicator -> relative weight inside its group).
TILTS: dict[str, dict[str, float]] = {
    "balanced": {"migration_irregular": 1.5, "expected_rate": 3.0},
    "forced_labour": {
        "case_rate_labour": 4.0, "expected_rate": 4.0, "case_rate_sexual": 0.5, "case_rate_other": 0.5,
        "victim_rate_labour": 4.0, "victim_rate_sexual": 0.5, "victim_rate_other": 0.5, "migration_irregular": 1.5,
        "sector_mining": 2.0, "sector_brazil_nut": 2.0, "sector_sugar_cane": 1.5, "sector_ranching": 1.5,
        "sector_domestic_work": 0.5, "sector_agriculture": 0.25,
    },
    "sexual_exploitation": {
        "case_rate_sexual": 4.0, "expected_rate": 2.0, "case_rate_labour": 0.5, "case_rate_other": 0.5,
        "victim_rate_sexual": 4.0, "victim_rate_labour": 0.5, "victim_rate_other": 0.5, "migration_irregular": 1.5,
        "sector_mining": 2.0, "sector_domestic_work": 1.5, "sector_agriculture": 0.25,
    },
    "migration": {"migration_irregular": 2.0, "expected_rate": 2.0},
}

#: Preset names, in the order the app lists them.
PRESETS: tuple[str, ...] = tuple(PRESET_GROUPS)


def group_order(groups: Iterable[str]) -> list[str]:
    """``groups`` (deduplicated) in the presets' order, then any others alphabetically.

    Sliders and tables list the six themes a planner weighs in one stable order.
    """
    present = set(groups)
    order = list(PRESET_GROUPS["balanced"])
    return [g for g in order if g in present] + sorted(present - set(order))


def group_shares(preset: str, groups: Iterable[str]) -> dict[str, float]:
    """The share of the index ``preset`` gives each of ``groups`` (those a dataset has).

    Groups a dataset lacks pass their share to the others in proportion, so the
    shares of ``groups`` sum to 1 (all zero when the preset gives none of them any).
    The composite index and the app's sliders both start from these numbers.
    """
    if preset not in PRESET_GROUPS:
        raise ValueError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    shares = {g: float(PRESET_GROUPS[preset].get(g, 0.0)) for g in group_order(groups)}
    total = sum(shares.values()) or 1.0
    return {g: w / total for g, w in shares.items()}


#: One line on what each preset is for (English; the app translates through its own texts).
PRESET_NOTES: dict[str, str] = {
    "balanced": "Drivers (sectors, migration) weigh as much as recorded cases and victims.",
    "forced_labour": "Labour exploitation: mining, Brazil nut, sugar cane, ranching; labour cases and victims.",
    "sexual_exploitation": "Sexual exploitation: cities, border towns and migration; sexual-exploitation cases.",
    "migration": "Border focus: irregular and total migration flows and distance to the border.",
}
