"""Strings of learning from inspection results: the replay report (``vigia evaluate``), the exploration
share of a plan and the "likely risk, little inspected" view."""

from __future__ import annotations

from geodata.catalog import Text, msg, msg_plural

TEXTS: dict[str, Text] = {
    "evaluate.title": msg("evaluate.title", "Replay of {year}"),
    "evaluate.intro": msg("evaluate.intro",
                          "Vigía was fitted only on the inspections before {year}, ranked the sites and was "
                          "compared with what {year}'s inspections really found."),
    "evaluate.year": msg("evaluate.year", "Year"),
    "evaluate.figure": msg("evaluate.figure", "Figure"),
    "evaluate.inspections": msg("evaluate.inspections", "Inspections that year"),
    "evaluate.victims": msg("evaluate.victims", "Victims found"),
    "evaluate.auc": msg("evaluate.auc", "AUC of the site ranking (0.5 = chance, 1 = perfect)"),
    "evaluate.hit_rate_top_decile": msg("evaluate.hit_rate_top_decile",
                                        "Victims per inspection at Vigía's top 10% of sites"),
    "evaluate.hit_rate_rest": msg("evaluate.hit_rate_rest", "Victims per inspection at the other sites"),
    "evaluate.share_found_first_half_vigia": msg("evaluate.share_found_first_half_vigia",
                                                 "Share of victims found in the first half of the visits, in "
                                                 "Vigía's order"),
    "evaluate.share_found_first_half_actual": msg("evaluate.share_found_first_half_actual",
                                                  "Share of victims found in the first half of the visits, "
                                                  "in the order really done"),
    "evaluate.yield_header": msg("evaluate.yield_header", "Site yield model, tested on that year:"),
    "evaluate.yield_scores": msg_plural("evaluate.yield_scores",
                                        "AUC {auc}, Brier {brier} over {visits} visit",
                                        "AUC {auc}, Brier {brier} over {visits} visits",
                                        "visits"),
    "evaluate.yield_weighted": msg("evaluate.yield_weighted",
                                   "Only the {n} random visits, weighted by 1/probability: AUC {auc}, Brier {brier}"),
    "evaluate.calibration": msg("evaluate.calibration",
                                "Calibration (visits, predicted probability, share with victims):"),
    "evaluate.not_available": msg("evaluate.not_available", "cannot be computed"),
    "evaluate.suppressed": msg("evaluate.suppressed",
                               "Counts of 1 to {limit} victims are hidden ({marker}) in this report."),
    "evaluate.refused": msg("evaluate.refused", "Cannot evaluate {year}: {reason}"),
    "evaluate.no_year": msg("evaluate.no_year",
                            "no inspections recorded in {year}: there is nothing to compare the ranking with"),
    "evaluate.no_history": msg("evaluate.no_history",
                               "no inspections recorded before {year}: there is no earlier history to learn from"),
    "evaluate.no_layer": msg("evaluate.no_layer", "the dataset has no inspections layer"),
    "evaluate.written": msg("evaluate.written", "Report written to {path}"),
    "learning.explore": msg("learning.explore", "Share of visits to learn from"),
    "learning.explore_help": msg("learning.explore_help",
                                 "That share of the visits is drawn among all reachable sites, each with the "
                                 "same known probability; 0 turns it off."),
    "learning.explore_line": msg("learning.explore_line",
                                 "Also visiting a few sites at random shows what the risk ranking misses and "
                                 "lets the results estimate how many victims there are across all sites."),
    "learning.explore_count": msg("learning.explore_count",
                                  "{n} of {total} visits are exploration: drawn at random (probability {p} "
                                  "per site) to learn from their results."),
    "learning.explore_off": msg("learning.explore_off", "No exploration: every visit follows the priority."),
    "learning.learn": msg("learning.learn", "Rank by what inspections found"),
    "learning.learn_help": msg("learning.learn_help",
                               "Ranks sites by the victims a visit is expected to find, learned from the "
                               "dataset's inspection history (the same as `vigia plan-inspections --learn`). "
                               "A scores file, when loaded, takes precedence."),
    "learning.learn_line": msg("learning.learn_line",
                               "A site where earlier visits found victims moves up; one checked many times "
                               "with nothing found moves down, only with enough evidence."),
    "learning.learn_used": msg("learning.learn_used",
                               "Priority: site yield learned from the inspection history."),
    "learning.learn_not_used": msg("learning.learn_not_used",
                                   "What inspections found was not used ({reason}); the usual priority is kept."),
    # Why the learned site yield was not used: risk.site_yield's refusal codes (vigia.yield_refusals).
    "learning.why.few_results": msg("learning.why.few_results",
                                    "only {results} inspection result(s) at known sites before {before}: at "
                                    "least {needed} are needed to learn which sites yield more"),
    "learning.why.no_victims": msg("learning.why.no_victims",
                                   "no inspection in the history found a victim: there is nothing to learn from"),
    "learning.why.no_layer": msg("learning.why.no_layer",
                                 "the dataset has no inspection results (inspections layer)"),
    "learning.why.scores_given": msg("learning.why.scores_given",
                                     "a scores file was loaded and its priorities take precedence"),
    "evaluate.area_fallback": msg("evaluate.area_fallback",
                                  "({reason}; sites were ranked by their area's yield per inspection)"),
    "learning.results_header": msg("learning.results_header", "Results: would Vigía have found more?"),
    "learning.results_intro": msg("learning.results_intro",
                                  "For each year, Vigía is fitted only on the earlier inspections and "
                                  "compared with what that year's inspections found (the same as `vigia "
                                  "evaluate`)."),
    "learning.results_none": msg("learning.results_none",
                                 "More than one year of inspections is needed to compare."),
    "learning.chart_vigia": msg("learning.chart_vigia", "In Vigía's order"),
    "learning.chart_actual": msg("learning.chart_actual", "In the real order"),
    "learning.chart_y": msg("learning.chart_y", "% of victims in the first half of the visits"),
    # Plan table columns the Inspections page labels by code (``inspections.col.<column>``).
    "inspections.col.selection": msg("inspections.col.selection", "Selection"),
    "inspections.col.selection_probability": msg("inspections.col.selection_probability",
                                                 "Selection probability"),
    # The Risk map's "where people looked" view (risk.effort).
    "riskview.effort": msg("riskview.effort", "Where inspectors went"),
    "riskview.effort.explain": msg("riskview.effort.explain",
                                   "With an inspection history, cases are adjusted for effort: an area with "
                                   "no cases where nobody inspected no longer reads as safe. Orange = likely "
                                   "risk, little inspected: a good place to go and look."),
    "riskview.effort.legend": msg("riskview.effort.legend", "Risk and inspections · {kind}"),
    "riskclass.effort.little_inspected": msg("riskclass.effort.little_inspected",
                                             "Likely risk, little inspected"),
    "riskclass.effort.inspected": msg("riskclass.effort.inspected", "Inspected"),
    "riskclass.effort.not_inspected": msg("riskclass.effort.not_inspected", "Not inspected (risk not high)"),
    "riskclass.effort.none": msg("riskclass.effort.none", "No inspection history"),
}
