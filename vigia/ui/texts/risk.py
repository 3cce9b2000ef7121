"""Strings of the Risk map page and the crossing ranking on the Border page.

Prefixes: ``riskmap.`` (Risk map page), ``riskcol.`` (its table columns),
``riskview.`` / ``riskclass.`` (map views and their legend classes),
``hotspot.`` / ``emerging.`` (class labels from ``risk.hotspots`` / ``risk.emerging``),
``indicator.`` (indicator names from ``risk``), ``borderrisk.`` (Border page, top part).
"""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    # --- controls (sidebar) ---------------------------------------------------------------
    "riskmap.controls_header": msg("riskmap.controls_header", "How the index is built"),
    "riskmap.preset": msg("riskmap.preset", "Weight preset"),
    "riskmap.preset_help": msg("riskmap.preset_help",
                               "Each preset gives more weight to the indicators that matter for one kind of "
                               "trafficking. You can adjust every weight below."),
    "riskmap.preset.balanced": msg("riskmap.preset.balanced", "Balanced"),
    "riskmap.preset.forced_labour": msg("riskmap.preset.forced_labour", "Forced labour"),
    "riskmap.preset.sexual_exploitation": msg("riskmap.preset.sexual_exploitation", "Sexual exploitation"),
    "riskmap.preset.migration": msg("riskmap.preset.migration", "Migration"),
    "riskmap.normalisation": msg("riskmap.normalisation", "Common scale of the indicators"),
    "riskmap.normalisation_help": msg("riskmap.normalisation_help",
                                      "Indicators come in different units (rates, shares, people); they are "
                                      "put on one scale before being added up. Extreme values are trimmed "
                                      "first."),
    "riskmap.norm.minmax": msg("riskmap.norm.minmax", "Min–max (0 to 1)"),
    "riskmap.norm.zscore": msg("riskmap.norm.zscore", "Distance from the mean (z-score)"),
    "riskmap.norm.rank": msg("riskmap.norm.rank", "Position (rank)"),
    "riskmap.aggregation": msg("riskmap.aggregation", "How to combine"),
    "riskmap.aggregation_help": msg("riskmap.aggregation_help",
                                    "Weighted sum: one high indicator makes up for low ones. Geometric: an "
                                    "area must score high on several indicators at once to rank high."),
    "riskmap.agg.arithmetic": msg("riskmap.agg.arithmetic", "Weighted sum"),
    "riskmap.agg.geometric": msg("riskmap.agg.geometric", "Geometric mean"),
    "riskmap.weights_caption": msg("riskmap.weights_caption",
                                   "Weight of each theme in the index, in % (0 = ignored). They are rescaled "
                                   "to add up to 100%."),
    "riskmap.no_weights": msg("riskmap.no_weights", "Every weight is 0: the chosen preset is used instead."),
    "riskmap.computing": msg("riskmap.computing",
                             "Computing indicators, expected cases and hotspots (once per dataset)…"),
    "riskmap.failed": msg("riskmap.failed", "The risk score could not be computed from these data: {reason}"),
    "riskmap.intro": msg("riskmap.intro",
                         "A 0–100 score combining each area's indicators (smoothed case rates, migration "
                         "pressure, work in high-risk sectors, population). It shows **where to look "
                         "first**, not where trafficking is: always read it with the rank interval and the "
                         "detection gap."),
    # --- map views ----------------------------------------------------------------------
    "riskmap.view": msg("riskmap.view", "What the map shows"),
    "riskview.score": msg("riskview.score", "Risk score"),
    "riskview.interval": msg("riskview.interval", "How certain the rank is"),
    "riskview.hotspot": msg("riskview.hotspot", "Hotspots"),
    "riskview.emerging": msg("riskview.emerging", "Hotspot trends"),
    "riskview.gap": msg("riskview.gap", "Detection gap"),
    "riskview.score.explain": msg("riskview.score.explain",
                                  "Darker = higher in this dataset's risk ranking (dark red: the 10% of "
                                  "areas with the highest score). The score compares areas with each other; "
                                  "it is not a probability."),
    "riskview.interval.explain": msg("riskview.interval.explain",
                                     "How much each area's rank moves when the weights (±50%), the scale and "
                                     "the way of combining change ({draws} simulations). Light = the rank "
                                     "hardly changes; dark = the rank depends a lot on method choices: do "
                                     "not defend it without its interval."),
    "riskview.hotspot.explain": msg("riskview.hotspot.explain",
                                    "Clusters of neighbouring areas with high (red) or low (blue) scores, "
                                    "beyond what chance would give (Getis-Ord Gi*, {permutations} "
                                    "permutations, multiple-testing correction). A white area is not part of "
                                    "a clear cluster, even if its own score is high."),
    "riskview.emerging.explain": msg("riskview.emerging.explain",
                                     "How case hotspots change over the periods (Gi* per period and a "
                                     "Mann-Kendall trend test), like ArcGIS's emerging hot spot analysis."),
    "riskview.gap.explain": msg("riskview.gap.explain",
                                "Recorded cases against what a model expects from population, migration and "
                                "work sectors. Orange = far fewer recorded than expected: possible "
                                "under-detection (little inspection or reporting), a good place to go and "
                                "look."),
    "riskview.score.legend": msg("riskview.score.legend", "Place in the risk ranking · {kind}"),
    "riskview.interval.legend": msg("riskview.interval.legend", "How much can the rank move?"),
    "riskview.hotspot.legend": msg("riskview.hotspot.legend", "Clusters of high or low risk"),
    "riskview.emerging.legend": msg("riskview.emerging.legend", "Hotspot trend"),
    "riskview.gap.legend": msg("riskview.gap.legend", "Recorded ÷ expected cases"),
    "riskclass.score.top10": msg("riskclass.score.top10", "Highest 10% (score ≥ {low})"),
    "riskclass.score.top20": msg("riskclass.score.top20", "10–20% (score ≥ {low})"),
    "riskclass.score.top40": msg("riskclass.score.top40", "20–40% (score ≥ {low})"),
    "riskclass.score.top70": msg("riskclass.score.top70", "40–70% (score ≥ {low})"),
    "riskclass.score.rest": msg("riskclass.score.rest", "Lowest 30%"),
    "riskclass.interval.firm": msg("riskclass.interval.firm", "Firm: ±{n} places or fewer"),
    "riskclass.interval.moderate": msg("riskclass.interval.moderate", "Moderate: up to ±{n} places"),
    "riskclass.interval.loose": msg("riskclass.interval.loose", "Uncertain: up to ±{n} places"),
    "riskclass.interval.very_loose": msg("riskclass.interval.very_loose",
                                         "Very uncertain: more than ±{n} places"),
    "riskclass.gap.much_lower": msg("riskclass.gap.much_lower",
                                    "Less than half, and not by chance: possible under-detection"),
    "riskclass.gap.lower": msg("riskclass.gap.lower", "Fewer than expected (< 80%)"),
    "riskclass.gap.as_expected": msg("riskclass.gap.as_expected", "As expected (80–125%)"),
    "riskclass.gap.higher": msg("riskclass.gap.higher", "More than expected (> 125%)"),
    "riskclass.gap.none": msg("riskclass.gap.none", "No estimate"),
    "riskclass.missing": msg("riskclass.missing", "No data"),
    "hotspot.hot_99": msg("hotspot.hot_99", "Hotspot (99% confidence)"),
    "hotspot.hot_95": msg("hotspot.hot_95", "Hotspot (95%)"),
    "hotspot.hot_90": msg("hotspot.hot_90", "Hotspot (90%)"),
    "hotspot.cold_90": msg("hotspot.cold_90", "Cold spot (90%)"),
    "hotspot.cold_95": msg("hotspot.cold_95", "Cold spot (95%)"),
    "hotspot.cold_99": msg("hotspot.cold_99", "Cold spot (99% confidence)"),
    "hotspot.not_significant": msg("hotspot.not_significant", "No clear cluster"),
    "emerging.hot": msg("emerging.hot", "{kind} hotspot"),
    "emerging.cold": msg("emerging.cold", "{kind} cold spot"),
    "emerging_kind.new": msg("emerging_kind.new", "New"),
    "emerging_kind.consecutive": msg("emerging_kind.consecutive", "Consecutive"),
    "emerging_kind.intensifying": msg("emerging_kind.intensifying", "Intensifying"),
    "emerging_kind.persistent": msg("emerging_kind.persistent", "Persistent"),
    "emerging_kind.diminishing": msg("emerging_kind.diminishing", "Diminishing"),
    "emerging_kind.sporadic": msg("emerging_kind.sporadic", "Sporadic"),
    "emerging_kind.oscillating": msg("emerging_kind.oscillating", "Oscillating"),
    "emerging_kind.historical": msg("emerging_kind.historical", "Historical"),
    "emerging.no_pattern": msg("emerging.no_pattern", "No pattern over time"),
    "emerging.not_computed": msg("emerging.not_computed", "Not computed (too few periods or areas)"),
    "hotspot.not_computed": msg("hotspot.not_computed", "Not computed (too few areas)"),
    "riskmap.click_hint": msg("riskmap.click_hint",
                              "Click an area on the map, or pick it from the list below, to see its details."),
    "riskmap.meanings_header": msg("riskmap.meanings_header", "What does each class mean?"),
    "riskmap.missing_header": msg("riskmap.missing_header", "What these data could not support"),
    "riskmap.missing_item": msg("riskmap.missing_item", "**{part}**: {reason}"),
    # --- one area -----------------------------------------------------------------------
    "riskmap.detail_header": msg("riskmap.detail_header", "One area in detail"),
    "riskmap.select_area": msg("riskmap.select_area", "Area (in rank order)"),
    "riskmap.area_option": msg("riskmap.area_option", "{rank}. {name} ({admin1})"),
    "riskmap.metric_score": msg("riskmap.metric_score", "Score (0–100)"),
    "riskmap.metric_rank": msg("riskmap.metric_rank", "Rank"),
    "riskmap.metric_interval": msg("riskmap.metric_interval", "Likely rank (90%)"),
    "riskmap.metric_p_top10": msg("riskmap.metric_p_top10", "Chance of being in the top 10%"),
    "riskmap.metric_hotspot": msg("riskmap.metric_hotspot", "Spatial cluster"),
    "riskmap.metric_emerging": msg("riskmap.metric_emerging", "Trend"),
    "riskmap.metric_recorded": msg("riskmap.metric_recorded", "Recorded cases"),
    "riskmap.metric_expected": msg("riskmap.metric_expected", "Expected cases (model)"),
    "riskmap.interval_value": msg("riskmap.interval_value", "{low} to {high} of {n}"),
    "riskmap.uncertainty_text": msg("riskmap.uncertainty_text",
                                    "When the weights (±50%), the scale and the way of combining vary over "
                                    "{draws} simulations, **{name}** ranked between **{low} and {high}** in "
                                    "9 out of 10, and in the top 10% in **{p}%** of them."),
    "riskmap.contrib_header": msg("riskmap.contrib_header", "What drives its score"),
    "riskmap.contrib_caption": msg("riskmap.contrib_caption",
                                   "Each indicator's share of the score (after weighting). With the weighted "
                                   "sum the bars add up to the area's score; with the geometric mean they "
                                   "show each part's relative weight."),
    "riskmap.trend_header": msg("riskmap.trend_header", "Recorded cases per period"),
    "riskmap.trend_caption": msg("riskmap.trend_caption",
                                 "Periods with 1 to {below} cases, and those needed so they cannot be worked "
                                 "out from the totals, are left blank (to protect victims)."),
    "riskmap.trend_hidden": msg("riskmap.trend_hidden",
                                "This area's figures per period are not shown: they are small, or would let "
                                "small figures of other areas be worked out (to protect victims)."),
    "riskmap.trend_few_periods": msg("riskmap.trend_few_periods",
                                     "This dataset's cases cover a single period: at least two are needed to "
                                     "see how they change."),
    "riskmap.trend_none_shown": msg("riskmap.trend_none_shown",
                                    "Nothing to chart: in the periods that can be shown this area has no "
                                    "recorded case, and the other periods are hidden because they hold 1 to "
                                    "4 cases or would let them be worked out (to protect victims)."),
    "riskmap.trend_zero": msg("riskmap.trend_zero", "This area has no recorded case in any period."),
    "riskmap.emerging_none": msg("riskmap.emerging_none",
                                 "Every area comes out as 'no pattern': over the {periods} periods with "
                                 "cases, none was a significant hot or cold spot in a way that marks a trend "
                                 "(Gi* per period with a multiple-testing correction, and a Mann-Kendall "
                                 "trend). This is usual when each area has few cases that vary at random "
                                 "from one period to the next, or when there are few periods (with 5, only a "
                                 "steady rise through all of them counts as a trend). It does not mean risk "
                                 "is not changing: the score and detection-gap maps still hold."),
    "riskmap.hotspot_none": msg("riskmap.hotspot_none",
                                "No area is part of a clear cluster of high or low risk: neighbouring areas' "
                                "scores are no more alike than chance would give (Gi* with a "
                                "multiple-testing correction). The score map still holds area by area."),
    "riskmap.contrib_none": msg("riskmap.contrib_none",
                                "No indicator adds to this area: its values are the lowest, or the "
                                "indicators it has weigh zero with the chosen weights."),
    "riskmap.no_cases": msg("riskmap.no_cases", "This dataset has no cases layer."),
    # --- ranking, downloads -------------------------------------------------------------
    "riskmap.top_header": msg("riskmap.top_header", "The {n} highest-risk areas"),
    "riskmap.top_caption": msg("riskmap.top_caption",
                               '"Likely rank" is the 90% interval: when two areas\' intervals overlap, their '
                               "order is not certain."),
    "riskmap.downloads_header": msg("riskmap.downloads_header", "Downloads"),
    "riskmap.download_gpkg": msg("riskmap.download_gpkg", "GeoPackage (GIS)"),
    "riskmap.download_csv": msg("riskmap.download_csv", "CSV table"),
    "riskmap.download_xlsx": msg("riskmap.download_xlsx", "Excel workbook"),
    "riskmap.download_html": msg("riskmap.download_html", "Map (HTML)"),
    "riskmap.downloads_caption": msg("riskmap.downloads_caption",
                                     "Downloads carry scores, ranks and intervals with the chosen weights. "
                                     'Recorded cases from 1 to {below} are written as "<{limit}", together '
                                     "with any that would let them be worked out from a total; the "
                                     "recorded/expected ratio is left out for those areas."),
    "riskmap.coverage_expander": msg("riskmap.coverage_expander", "Data coverage and departments"),
    "riskcol.rank": msg("riskcol.rank", "Rank"),
    "riskcol.name": msg("riskcol.name", "Name"),
    "riskcol.area": msg("riskcol.area", "Area"),
    "riskcol.admin1": msg("riskcol.admin1", "Department"),
    "riskcol.score": msg("riskcol.score", "Score"),
    "riskcol.interval": msg("riskcol.interval", "Likely rank (90%)"),
    "riskcol.p_top10": msg("riskcol.p_top10", "Chance top 10%"),
    "riskcol.hotspot": msg("riskcol.hotspot", "Spatial cluster"),
    "riskcol.emerging": msg("riskcol.emerging", "Trend"),
    "riskcol.recorded_cases": msg("riskcol.recorded_cases", "Recorded cases"),
    "riskcol.expected_cases": msg("riskcol.expected_cases", "Expected cases"),
    "riskcol.detection_ratio": msg("riskcol.detection_ratio", "Recorded ÷ expected"),
    "riskcol.drivers": msg("riskcol.drivers", "Main drivers"),
    "riskcol.indicator": msg("riskcol.indicator", "Indicator"),
    "riskcol.contribution": msg("riskcol.contribution", "Share of the score"),
    "riskcol.period": msg("riskcol.period", "Period"),
    "riskcol.cases": msg("riskcol.cases", "Cases"),
    "riskcol.neighbour": msg("riskcol.neighbour", "Neighbouring country"),
    "riskcol.kind": msg("riskcol.kind", "Kind"),
    "riskcol.crossing": msg("riskcol.crossing", "Border crossing"),
    # --- score downloads (Excel, CSV, map): headers, and the «Código …» columns beside the words -----
    "riskcol.area_id": msg("riskcol.area_id", "Area code"),
    "riskcol.crossing_id": msg("riskcol.crossing_id", "Crossing code"),
    "riskcol.rank_low": msg("riskcol.rank_low", "Likely rank: from (90%)"),
    "riskcol.rank_high": msg("riskcol.rank_high", "Likely rank: to (90%)"),
    "riskcol.top_1": msg("riskcol.top_1", "Main driver 1"),
    "riskcol.top_2": msg("riskcol.top_2", "Main driver 2"),
    "riskcol.top_3": msg("riskcol.top_3", "Main driver 3"),
    "riskcol.code.hotspot": msg("riskcol.code.hotspot", "Spatial cluster code"),
    "riskcol.code.emerging": msg("riskcol.code.emerging", "Trend code"),
    "riskcol.code.top_1": msg("riskcol.code.top_1", "Driver 1 code"),
    "riskcol.code.top_2": msg("riskcol.code.top_2", "Driver 2 code"),
    "riskcol.code.top_3": msg("riskcol.code.top_3", "Driver 3 code"),
    "riskcol.code.neighbour": msg("riskcol.code.neighbour", "Neighbouring country code"),
    "riskcol.code.kind": msg("riskcol.code.kind", "Kind code"),
    "riskcol.code.drivers": msg("riskcol.code.drivers", "Driver codes"),
    "riskexport.sheet.areas": msg("riskexport.sheet.areas", "Area scores"),
    "riskexport.sheet.crossings": msg("riskexport.sheet.crossings", "Crossing scores"),
    "riskexport.sheet.provenance": msg("riskexport.sheet.provenance", "How they were made"),
    "riskmap.interval_short": msg("riskmap.interval_short", "{low}–{high}"),
    # --- indicators (names from risk.indicators; unknown names are shown as given) ------
    "indicator_group.cases": msg("indicator_group.cases", "Recorded cases"),
    "indicator_group.victims": msg("indicator_group.victims", "Identified victims"),
    "indicator_group.migration": msg("indicator_group.migration", "Migration"),
    "indicator_group.sectors": msg("indicator_group.sectors", "High-risk work sectors"),
    "indicator_group.population": msg("indicator_group.population", "Population"),
    "indicator_group.geography": msg("indicator_group.geography", "Closeness to the border"),
    "indicator.sector_share": msg("indicator.sector_share", "Workers in {sector}"),
    "indicator.case_rate_sexual": msg("indicator.case_rate_sexual", "Sexual exploitation cases (rate)"),
    "indicator.case_rate_labour": msg("indicator.case_rate_labour", "Labour exploitation cases (rate)"),
    "indicator.case_rate_other": msg("indicator.case_rate_other", "Other trafficking cases (rate)"),
    "indicator.victim_rate_sexual": msg("indicator.victim_rate_sexual", "Sexual exploitation victims (rate)"),
    "indicator.victim_rate_labour": msg("indicator.victim_rate_labour", "Labour exploitation victims (rate)"),
    "indicator.victim_rate_other": msg("indicator.victim_rate_other", "Other trafficking victims (rate)"),
    "indicator.victim_rate": msg("indicator.victim_rate", "Victims (rate)"),
    "indicator.expected_rate": msg("indicator.expected_rate", "Cases the model expects (rate)"),
    "indicator.migration_entries": msg("indicator.migration_entries", "Entries at nearby crossings"),
    "indicator.migration_irregular": msg("indicator.migration_irregular", "Irregular entries nearby"),
    "indicator.population": msg("indicator.population", "Population"),
    "indicator.border_km": msg("indicator.border_km", "Closeness to the border"),
    # Crossing drivers arrive as risk.crossings' English labels.
    "crossing_driver.entries per year": msg("crossing_driver.entries per year", "entries per year"),
    "crossing_driver.irregular share": msg("crossing_driver.irregular share", "irregular share"),
    "crossing_driver.flow trend": msg("crossing_driver.flow trend", "flow trend"),
    "crossing_driver.third-country nationals": msg("crossing_driver.third-country nationals",
                                                   "third-country nationals"),
    "crossing_driver.risk of surrounding areas": msg("crossing_driver.risk of surrounding areas",
                                                     "risk of surrounding areas"),
    "crossing_driver.cases nearby": msg("crossing_driver.cases nearby", "cases nearby"),
    # --- border page (top part) ---------------------------------------------------------
    "borderrisk.ranking_header": msg("borderrisk.ranking_header", "Border crossings by risk"),
    "borderrisk.ranking_caption": msg("borderrisk.ranking_caption",
                                      "A 0–100 score from flow volume, share of irregular entries and its "
                                      "trend, nationality mix, the risk of nearby areas and cases recorded "
                                      'around it. "Likely rank" is the 90% interval when weights and method '
                                      "vary."),
    "borderrisk.legend": msg("borderrisk.legend", "Crossings by risk score"),
    "borderrisk.size_note": msg("borderrisk.size_note", "Bigger circle = higher score"),
    "borderrisk.no_scores": msg("borderrisk.no_scores", "Crossing scores could not be computed: {reason}"),
    "riskmap.no_download_right": msg("riskmap.no_download_right", "Your role cannot download the scores."),
    "riskmap.save_run": msg("riskmap.save_run", "Save this score run"),
    "riskmap.saved_run": msg("riskmap.saved_run", "Saved as “{name}” (no. {id})."),
    "riskmap.opened_run": msg("riskmap.opened_run",
                              "**Saved score run no. {id}: {name}** ({at} UTC): the top 20 areas."),
    # --- provenance of a score (downloads: XLSX sheet, CSV header, HTML footer) -------------------
    "provenance.header": msg("provenance.header", "How these scores were made"),
    "provenance.dataset_name": msg("provenance.dataset_name", "Dataset"),
    "provenance.dataset_hash": msg("provenance.dataset_hash", "Dataset fingerprint (SHA-256)"),
    "provenance.vigia_version": msg("provenance.vigia_version", "Vigía version"),
    "provenance.preset": msg("provenance.preset", "Weight preset"),
    "provenance.weights": msg("provenance.weights", "Weight of each indicator"),
    "provenance.normalisation": msg("provenance.normalisation", "Normalisation"),
    "provenance.aggregation": msg("provenance.aggregation", "Aggregation"),
    "provenance.seed": msg("provenance.seed", "Seed"),
    "provenance.draws": msg("provenance.draws", "Monte Carlo draws"),
    "provenance.permutations": msg("provenance.permutations", "Permutations (hotspots)"),
    "provenance.created_at": msg("provenance.created_at", "Computed at"),
    "provenance.created_by": msg("provenance.created_by", "Computed by"),
}
