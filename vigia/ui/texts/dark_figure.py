"""Strings of the dark-figure panel (multiple systems estimation), Spanish and English."""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    "dark.header": msg("dark.header", "The dark figure: victims nobody found"),
    "dark.intro": msg("dark.intro",
                      "Multiple systems estimation (SDG indicator 16.2.2) from the `lists` layer: how many "
                      "victims there are in total, including those no agency recorded."),
    "dark.missing": msg("dark.missing",
                        "The dataset has no `lists` layer (victims per combination of agency lists), so the "
                        "dark figure cannot be estimated."),
    "dark.refused": msg("dark.refused", "No estimate is possible: {reason}"),
    "dark.computing": msg("dark.computing", "Fitting log-linear models…"),
    "dark.metric_observed": msg("dark.metric_observed", "Recorded victims (on some list)"),
    "dark.metric_estimate": msg("dark.metric_estimate", "Estimated total"),
    "dark.metric_interval": msg("dark.metric_interval", "95% interval"),
    "dark.metric_ratio": msg("dark.metric_ratio", "Estimated / recorded"),
    "dark.interval_value": msg("dark.interval_value", "{low} – {high}"),
    "dark.ratio_value": msg("dark.ratio_value", "{ratio} ×"),
    "dark.unbounded": msg("dark.unbounded", "unbounded"),
    "dark.model": msg("dark.model", "Chosen model ({criterion}): {model}"),
    "dark.main_effects": msg("dark.main_effects", "main effects"),
    "dark.synthetic_truth": msg("dark.synthetic_truth",
                                "SYNTHETIC demo data: the lists were generated from a known true total of "
                                "{total} victims, so the estimate can be checked."),
    "dark.split_by": msg("dark.split_by", "Breakdown"),
    "dark.split.period": msg("dark.split.period", "by period"),
    "dark.split.admin1": msg("dark.split.admin1", "by department"),
    "dark.strata_header": msg("dark.strata_header", "Recorded and estimated {split}"),
    "dark.strata_caption": msg("dark.strata_caption",
                               "Each row is estimated on its own; when a period or department has too sparse "
                               "lists, the reason is given instead of a number."),
    "dark.sensitivity_header": msg("dark.sensitivity_header", "Sensitivity to the model"),
    "dark.sensitivity_caption": msg("dark.sensitivity_caption",
                                    "The estimate under each of the best models. If it changes a lot from "
                                    "one model to another, the figure depends more on the model than on the "
                                    "data."),
    "dark.excluded_header": msg("dark.excluded_header", "Interactions that could not be estimated"),
    "dark.notes_header": msg("dark.notes_header", "Notes"),
    "dark.col.stratum": msg("dark.col.stratum", "Stratum"),
    "dark.col.observed": msg("dark.col.observed", "Recorded"),
    "dark.col.estimate": msg("dark.col.estimate", "Estimate"),
    "dark.col.low": msg("dark.col.low", "Low (95%)"),
    "dark.col.high": msg("dark.col.high", "High (95%)"),
    "dark.col.model": msg("dark.col.model", "Model"),
    "dark.col.reason": msg("dark.col.reason", "No estimate because"),
    "dark.col.delta": msg("dark.col.delta", "Δ {criterion}"),
    "dark.col.chosen": msg("dark.col.chosen", "Chosen"),
    "dark.col.interaction": msg("dark.col.interaction", "Interaction"),
    "dark.all": msg("dark.all", "all"),
    "dark.sheet": msg("dark.sheet", "Dark figure"),
    "dark.assumptions": msg("dark.assumptions",
                            "**How to read this figure.** Multiple systems estimation compares several agencies' lists of\n"
                            "victims: the less they overlap, the more victims nobody found. It uses only counts aggregated\n"
                            "by combination of lists, never names.\n"
                            "\n"
                            "It assumes that:\n"
                            "- **the population is closed** over the period: the same victims could appear on any list\n"
                            "  (nobody enters or leaves between one list and another);\n"
                            "- **there are no false matches**: the same person is recognised as the same on every list, and\n"
                            "  two different people are never counted as one;\n"
                            "- the dependence between lists is the one the chosen model describes (e.g. prosecutors receive\n"
                            "  cases from the police).\n"
                            "\n"
                            "**What biases it.** If matching the lists misses some of the same people (names spelt\n"
                            "differently), the figure comes out **too high**; if it merges different people, **too low**. If\n"
                            "no list reaches some groups (e.g. forced labour in remote areas), those victims are not counted\n"
                            "and the figure is **a minimum**. If the lists depend on each other in ways the model does not\n"
                            "capture, the figure can move either way: the sensitivity table shows by how much."),
}
