"""Why a part of the analysis is missing or was refused, as ``risk`` says it, in Spanish too.

``risk`` states its reasons in English (the language of the code and its tests);
the app matches each reason against the English forms below (``{name}`` fills any
text) and shows the Spanish. ``part.<key>`` names the parts of ``Scores.missing``.
"""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    # --- parts of the analysis (keys of Scores.missing) ----------------------------------
    "part.cases": msg("part.cases", "cases"),
    "part.crossings": msg("part.crossings", "crossings"),
    "part.migration": msg("part.migration", "migration"),
    "part.sectors": msg("part.sectors", "sectors"),
    "part.hotspots": msg("part.hotspots", "hotspots"),
    "part.emerging hotspots": msg("part.emerging hotspots", "emerging hotspots"),
    "part.expected cases": msg("part.expected cases", "expected cases"),
    "part.inspection effort": msg("part.inspection effort", "inspection effort"),
    "part.crossings: nationality": msg("part.crossings: nationality", "crossings: nationality"),
    "part.crossings: migration": msg("part.crossings: migration", "crossings: migration"),
    # --- reasons (English form = what risk writes) ---------------------------------------
    "why.no_cases": msg("why.no_cases",
                        "no 'cases' layer: case and victim rates, expected cases and the detection gap cannot be computed"),
    "why.no_crossings": msg("why.no_crossings",
                            "no 'crossings' layer: migration pressure and crossing scores cannot be computed"),
    "why.no_migration": msg("why.no_migration",
                            "no 'migration' layer: migration pressure (entries, irregular entries) is not scored"),
    "why.no_sectors": msg("why.no_sectors",
                          "no 'sectors' layer: exposure to high-risk sectors (mining, Brazil nut, ...) is not scored"),
    "why.no_nationality": msg("why.no_nationality",
                              "the 'migration' layer has no nat_<ISO3> columns: nationality mix not scored"),
    "why.crossings_no_migration": msg("why.crossings_no_migration",
                                      "no 'migration' layer: crossings are scored only on the risk and cases around them"),
    "why.few_areas_hotspots": msg("why.few_areas_hotspots",
                                  "only {n} area(s): hotspots need at least 3 neighbouring areas"),
    "why.no_weights": msg("why.no_weights", "spatial weights could not be built: {error}"),
    "why.two_periods": msg("why.two_periods", "needs cases in at least two periods"),
    "why.expected_no_cases": msg("why.expected_no_cases",
                                 "no 'cases' layer: expected cases and the detection gap need recorded cases"),
    "why.expected_few_areas": msg("why.expected_few_areas",
                                  "only {n} area(s) with residents; the expected-cases model needs at least {min}"),
    "why.expected_zero": msg("why.expected_zero",
                             "no cases recorded: there is nothing to model expected cases from"),
    "why.effort_adjusted": msg("why.effort_adjusted",
                               "case rates and expected cases are adjusted to the average inspection effort "
                               "({effort} visits per area and year)"),
    "why.effort_few": msg("why.effort_few",
                          "only {n} inspection(s) recorded: at least {min} are needed before inspection "
                          "effort is taken into account; scores are computed as without the history"),
    "why.constant": msg("why.constant",
                        "indicator '{name}' has the same value in every area: it cannot rank them"),
    # --- the dark-figure estimate (risk.dark_figure) -------------------------------------
    "why.dark_nobody": msg("why.dark_nobody", "nobody is on any list"),
    "why.dark_two_lists": msg("why.dark_two_lists",
                              "at least two lists with people on them are needed; only {k} has anyone ({lists})"),
    "why.dark_no_overlap": msg("why.dark_no_overlap",
                               "the lists never overlap: nobody appears on more than one list. The overlaps "
                               "are what tell how many nobody found (none in common means the lists could be "
                               "tiny samples of a huge population), so no estimate exists"),
    "why.dark_simplest": msg("why.dark_simplest",
                             "not even the simplest model (lists independent) gives an estimate: {why}"),
    "why.dark_not_identifiable": msg("why.dark_not_identifiable",
                                     "the data cannot tell it apart from the number nobody found (not identifiable)"),
    "why.dark_no_mle": msg("why.dark_no_mle",
                           "the estimate does not exist: the overlaps sit at an extreme the model cannot fit "
                           "(e.g. everyone on one list is also on another, or some lists never meet), so a "
                           "parameter runs off to infinity"),
    "why.dark_no_converge": msg("why.dark_no_converge", "the fit did not converge"),
    "why.dark_empty_list": msg("why.dark_empty_list",
                               "nobody is on {lists}: set aside (an empty list tells nothing)"),
    "why.dark_no_pair": msg("why.dark_no_pair",
                            "nobody is on both {a} and {b}, so how the two lists depend on each other cannot "
                            "be estimated; left out"),
    "why.dark_with": msg("why.dark_with", "with {model}: {why}; left out"),
    "why.dark_unbounded": msg("why.dark_unbounded",
                              "the upper end of the interval is unbounded: the overlaps are too thin to rule "
                              "out very large numbers"),
    # planner/teams.py DEFAULT_TEAMS_RULE: how teams are derived from the labour offices' staff
    "why.teams_default": msg("why.teams_default",
                             "One team of {size} inspectors for every {staff} staff of each labour office "
                             "(half the staff in the field, the rest on complaints and desk work), at least "
                             "one team per office with staff; {start}-{end}, at most {drive} h of driving a "
                             "day, no special skills, every working day."),
}
