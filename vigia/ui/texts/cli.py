"""What the ``vigia`` commands print (``--lang``), in Spanish and English.

Read through :func:`vigia.cli_output.cli_text`, which needs no Streamlit, so the CLI
stays quick to start. ``why.*`` entries are reasons the planners state in English
(matched by :func:`vigia.ui.texts.translate_reason`).
"""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    # --- vigia what-if -------------------------------------------------------------------
    "cli.whatif.solving": msg("cli.whatif.solving",
                              "Solving on {dataset} with {scores} (time limit {limit} s)..."),
    "cli.whatif.today": msg("cli.whatif.today", "Risk covered today: {covered} of {total} ({share})"),
    "cli.whatif.no_risk": msg("cli.whatif.no_risk", "No risk to cover."),
    "cli.whatif.measured.sites": msg("cli.whatif.measured.sites",
                                     "inspection sites (each with its area's risk)"),
    "cli.whatif.measured.areas": msg("cli.whatif.measured.areas", "areas (their risk score)"),
    "cli.whatif.measured.crossings": msg("cli.whatif.measured.crossings",
                                         "border crossings (their risk score)"),
    "cli.whatif.coverage": msg("cli.whatif.coverage",
                               "Coverage of {measured}; reach: {hours} h of travel; robustness over {draws} draw(s)"),
    "cli.whatif.note": msg("cli.whatif.note", "Note: {note}"),
    "cli.whatif.none": msg("cli.whatif.none",
                           "No option found (no candidate, or the time limit ran out before the first solution)."),
    "cli.whatif.col.option": msg("cli.whatif.col.option", "option"),
    "cli.whatif.col.covered": msg("cli.whatif.col.covered", "covered"),
    "cli.whatif.col.gain": msg("cli.whatif.col.gain", "gain"),
    "cli.whatif.col.gain_pct": msg("cli.whatif.col.gain_pct", "gain%"),
    "cli.whatif.col.in_best": msg("cli.whatif.col.in_best", "in best"),
    "cli.whatif.col.label": msg("cli.whatif.col.label", "label"),
    "cli.whatif.col.gap": msg("cli.whatif.col.gap", "gap%"),
    "cli.whatif.col.planner": msg("cli.whatif.col.planner", "planner%"),
    "cli.whatif.at": msg("cli.whatif.at", "   at lon {lon}, lat {lat}"),
    "cli.whatif.check.crossings": msg("cli.whatif.check.crossings",
                                      "Check by planning: the patrol planner's week guards {today} with "
                                      "today's units, {after}."),
    "cli.whatif.check.areas": msg("cli.whatif.check.areas",
                                  "Check by planning: the inspection planner covers {today} with today's teams, {after}."),
    "cli.whatif.check_option": msg("cli.whatif.check_option", "{value} with option {rank}"),
    "cli.whatif.wrote": msg("cli.whatif.wrote", "Wrote {path} ({n} option(s))"),
    "cli.cannot_compute": msg("cli.cannot_compute", "vigia {command}: cannot compute — {summary}:"),
    "cli.nothing_computed": msg("cli.nothing_computed", "{source}: {verdict} — {summary}; nothing computed."),
    "why.no_draws_target": msg("why.no_draws_target",
                               "no score draws for the {target}: robustness not assessed"),
    "why.own_draws": msg("why.own_draws", "robustness over the scores' own {n} draws"),
    "why.own_crossing_draws": msg("why.own_crossing_draws",
                                  "robustness over the scores' own {n} crossing draws"),
    "why.seeded_draws": msg("why.seeded_draws",
                            "robustness over {n} seeded draws of the scores' weights and methods (seed {seed})"),
    "why.no_draws_error": msg("why.no_draws_error", "no score draws ({error}): robustness not assessed"),
    "why.word.areas": msg("why.word.areas", "areas"),
    "why.word.sites": msg("why.word.sites", "sites"),
    "why.word.crossings": msg("why.word.crossings", "crossings"),
    "why.no_patrol_check": msg("why.no_patrol_check", "check by the patrol planner not made: {error}"),
    # --- vigia score --------------------------------------------------------------------
    "cli.score.invalid": msg("cli.score.invalid",
                             "vigia score: {source} is NOT VALID; nothing scored. Run `vigia validate {source}` for details:"),
    "cli.score.wrote": msg("cli.score.wrote",
                           "Wrote {path}: {areas} area(s), {crossings} crossing(s) — preset {preset}, "
                           "{draws} draws, seed {seed}"),
    "cli.score.synthetic": msg("cli.score.synthetic", " (SYNTHETIC data)"),
    "cli.score.top": msg("cli.score.top",
                         "Top {n} areas (rank, 90% interval over weights/methods, P(top 10%)):"),
    "cli.score.area": msg("cli.score.area",
                          "{rank:>5}. {name} ({admin1}) score {score:>5}  rank {low}-{high}  P(top10%) {p}  [{drivers}]"),
    "cli.score.top_crossings": msg("cli.score.top_crossings", "Top crossings:"),
    "cli.score.crossing": msg("cli.score.crossing",
                              "{rank:>5}. {name} score {score:>5}  rank {low}-{high}  [{drivers}]"),
    "cli.score.expected": msg("cli.score.expected",
                              "Expected cases: {model} model ({folds}; held-out Poisson deviance "
                              "{deviance}); {flagged} area(s) flagged as likely under-detected"),
    "why.folds": msg("why.folds", "{n} folds grouped by {column}"),
    "cli.score.missing": msg("cli.score.missing", "Not computed / left out:"),
    "cli.score.missing_item": msg("cli.score.missing_item", "  - {part}: {reason}"),
    "cli.score.provenance": msg("cli.score.provenance", "Provenance: {rows}"),
    # --- vigia dark-figure --------------------------------------------------------------
    "cli.dark.errors": msg("cli.dark.errors", "{file}: the lists table has errors; nothing estimated."),
    "cli.dark.header": msg("cli.dark.header",
                           "{file}: multiple systems estimation ({criterion} stepwise, {interval} interval)"),
    "cli.dark.interval.profile": msg("cli.dark.interval.profile", "profile"),
    "cli.dark.interval.bootstrap": msg("cli.dark.interval.bootstrap", "bootstrap"),
    "cli.dark.observed": msg("cli.dark.observed", "  observed (on at least one list): {n}"),
    "cli.dark.none": msg("cli.dark.none", "  NO ESTIMATE: {reason}"),
    "cli.dark.estimate": msg("cli.dark.estimate", "  estimated total:                 {n}"),
    "cli.dark.interval": msg("cli.dark.interval", "  95% interval:                    {low} – {high}"),
    "cli.dark.ratio": msg("cli.dark.ratio", "  estimated / observed:            {ratio}"),
    "cli.dark.model": msg("cli.dark.model", "  model:                           {model}"),
    "cli.dark.left_out": msg("cli.dark.left_out", "  left out {label}: {reason}"),
    "cli.dark.note": msg("cli.dark.note", "  note: {note}"),
    "cli.dark.by.period": msg("cli.dark.by.period", "By period:"),
    "cli.dark.by.admin1": msg("cli.dark.by.admin1", "By admin1:"),
    "cli.dark.stratum_none": msg("cli.dark.stratum_none",
                                 "  {stratum}: observed {seen}; no estimate: {reason}"),
    "cli.dark.stratum": msg("cli.dark.stratum",
                            "  {stratum}: observed {seen}; estimate {n} ({low} – {high}); {model}"),
    "cli.dark.unbounded": msg("cli.dark.unbounded", "unbounded"),
    "cli.wrote": msg("cli.wrote", "Wrote {path}"),
    # --- vigia plan-patrols --------------------------------------------------------------
    "cli.patrols.problems": msg("cli.patrols.problems", "vigia plan-patrols: {n} problem(s):"),
    "cli.patrols.mode.randomised": msg("cli.patrols.mode.randomised", "randomised"),
    "cli.patrols.mode.fixed": msg("cli.patrols.mode.fixed", "fixed"),
    "cli.patrols.wrote": msg("cli.patrols.wrote",
                             "Wrote {path}: {mode} roster for {week}, {shifts} shift(s) for {units} unit(s) "
                             "over {targets} target(s) (seed {seed})."),
    "cli.patrols.gain": msg("cli.patrols.gain",
                            "  attacker's best expected gain: fixed roster {fixed}, randomised {random} ({pct} lower)"),
    "cli.patrols.watcher": msg("cli.patrols.watcher",
                               "  a trafficker who watches the patrols for a month finds the place they pick "
                               "unwatched {fixed} times out of 10 with the fixed roster, {random} with drawn "
                               "rosters"),
    "cli.patrols.sample": msg("cli.patrols.sample",
                              "  {weeks} sampled weeks; largest gap between a target-slot's frequency and "
                              "its planned probability: {gap} points"),
}
