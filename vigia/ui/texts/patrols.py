"""Strings of the patrols part of the Border page (roster, coverage map, comparison, pins)."""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    "patrols.header": msg("patrols.header", "Patrol roster"),
    "patrols.intro": msg("patrols.intro",
                         "A weekly patrol roster that respects duty rules (8-hour shifts, rest, maximum "
                         "shifts, minimum presence at official crossings, reach from the base) and covers "
                         "risk. The drawn roster changes at random every week, with the frequencies that "
                         "protect most: someone watching the patrols can learn how often each place is "
                         "guarded, never where the patrols will be next week."),
    "patrols.profile_note": msg("patrols.profile_note",
                                "Migration data carry no hour or weekday, so every day weighs the same and "
                                "the night shift weighs more in proportion to each crossing's irregular "
                                "share (unofficial crossings and border stretches count as irregular)."),
    "patrols.needs_scores": msg("patrols.needs_scores",
                                "The roster needs the crossings' risk scores. Upload the scores GeoPackage "
                                "(layer crossing_scores with crossing_id and score)."),
    "patrols.scores_upload": msg("patrols.scores_upload", "Scores GeoPackage"),
    "patrols.units_header": msg("patrols.units_header", "Patrol units"),
    "patrols.units_help": msg("patrols.units_help",
                              "By default, one unit per 6 officers of each police border unit (a crew of 3 "
                              "on patrol and one for rest days). Edit the table: shifts "
                              "(morning;afternoon;night), maximum shifts a week, crew."),
    "patrols.units_error": msg("patrols.units_error", "The units table has problems:"),
    "patrols.week": msg("patrols.week", "Week (YYYY-Www)"),
    "patrols.seed": msg("patrols.seed", "Seed"),
    "patrols.mode": msg("patrols.mode", "Roster type"),
    "patrols.mode.randomised": msg("patrols.mode.randomised", "Drawn (recommended)"),
    "patrols.mode.fixed": msg("patrols.mode.fixed", "Fixed (best deterministic roster)"),
    "patrols.pool": msg("patrols.pool", "Reference weeks"),
    "patrols.pool_help": msg("patrols.pool_help",
                             "How many weeks are computed so that frequencies follow the plan (200 on the "
                             "command line); each draw picks one of them."),
    "patrols.plan_button": msg("patrols.plan_button", "Plan the week"),
    "patrols.computing": msg("patrols.computing", "Computing the roster…"),
    "patrols.bad_week": msg("patrols.bad_week", "Invalid week: {error}"),
    "patrols.infeasible": msg("patrols.infeasible",
                              "No roster is possible under these rules. Rules in conflict:"),
    "patrols.grid_header": msg("patrols.grid_header", "The week's roster by unit"),
    "patrols.grid_caption": msg("patrols.grid_caption",
                                "Drawn roster for week {week}, {first} to {last}: {shifts} shifts by {units} "
                                "units over {targets} places (crossings and border stretches)."),
    "patrols.grid_caption_fixed": msg("patrols.grid_caption_fixed",
                                      "Fixed roster for week {week}, {first} to {last}: {shifts} shifts by "
                                      "{units} units over {targets} places."),
    "patrols.draw_another": msg("patrols.draw_another", "Draw another week"),
    "patrols.map_header": msg("patrols.map_header", "Planned coverage"),
    "patrols.map_caption": msg("patrols.map_caption",
                               "Colour of each place: share of the week's shifts the plan guards it. Lines: "
                               "from each unit's base to the places it covers in the roster shown (one "
                               "colour per unit)."),
    "patrols.legend_title": msg("patrols.legend_title", "Shifts guarded"),
    "patrols.compare_header": msg("patrols.compare_header", "Randomised versus fixed"),
    "patrols.metric_fixed": msg("patrols.metric_fixed", "Crosses unwatched, fixed roster"),
    "patrols.metric_random": msg("patrols.metric_random", "Crosses unwatched, drawn rosters"),
    "patrols.metric_reduction": msg("patrols.metric_reduction", "Trafficker's gain"),
    "patrols.compare_words": msg("patrols.compare_words",
                                 "If a trafficker watches your patrols for a month and then crosses at the "
                                 "most valuable place and shift where they never saw anyone, with the fixed "
                                 "roster they find no patrol {fixed} times out of 10; with drawn rosters, "
                                 "{random}. What they can expect to gain (in risk units) falls from "
                                 "{gain_fixed} with the fixed roster to {gain_random} with drawn rosters, "
                                 "{pct} less."),
    "patrols.predictability_words": msg("patrols.predictability_words",
                                        "With drawn rosters, {unknown} of place-shift pairs cannot be "
                                        "foreseen (sometimes guarded, sometimes not). The rest are always "
                                        "guarded, or carry so little risk that they are not worth a shift."),
    "patrols.gap_words": msg("patrols.gap_words",
                             "The drawn weeks follow the plan: no frequency is more than {gap} points from "
                             "what was planned; weeks breaking a rule: {broken}."),
    "patrols.pin_header": msg("patrols.pin_header", "Pin a unit (manual override)"),
    "patrols.pin_unit": msg("patrols.pin_unit", "Unit"),
    "patrols.pin_target": msg("patrols.pin_target", "Target"),
    "patrols.pin_slot": msg("patrols.pin_slot", "Shift"),
    "patrols.pin_button": msg("patrols.pin_button", "Work out what the pin costs"),
    "patrols.pin_cost": msg("patrols.pin_cost",
                            "Pinning {unit} at {target} ({slot}) every week weakens protection by {pct}: "
                            "what the trafficker can expect to gain rises from {free} to {pinned}, and after "
                            "a month of watching they find no patrol {after} times out of 10 (today "
                            "{before})."),
    "patrols.pin_impossible": msg("patrols.pin_impossible", "That pin is impossible: {error}"),
    "patrols.downloads": msg("patrols.downloads", "Downloads"),
    "patrols.download_csv": msg("patrols.download_csv", "Roster (CSV)"),
    "patrols.download_xlsx": msg("patrols.download_xlsx", "Roster (Excel)"),
    "patrols.download_ics": msg("patrols.download_ics", "Calendar (ICS)"),
    "patrols.download_units": msg("patrols.download_units", "Units (CSV)"),
    "patrols.kind.stretch": msg("patrols.kind.stretch", "Border stretch"),
    "patrols.col.unit": msg("patrols.col.unit", "Unit"),
    # headers of the editable units table (the cells keep the units-file codes)
    "patrols.unitcol.unit_id": msg("patrols.unitcol.unit_id", "Unit code"),
    "patrols.unitcol.base_id": msg("patrols.unitcol.base_id", "Base code"),
    "patrols.unitcol.lon": msg("patrols.unitcol.lon", "Longitude"),
    "patrols.unitcol.lat": msg("patrols.unitcol.lat", "Latitude"),
    "patrols.unitcol.name": msg("patrols.unitcol.name", "Name"),
    "patrols.unitcol.crew": msg("patrols.unitcol.crew", "Crew"),
    "patrols.unitcol.shifts": msg("patrols.unitcol.shifts", "Shifts"),
    "patrols.unitcol.max_shifts": msg("patrols.unitcol.max_shifts", "Most shifts a week"),
    "patrols.shift.morning": msg("patrols.shift.morning", "morning"),
    "patrols.shift.afternoon": msg("patrols.shift.afternoon", "afternoon"),
    "patrols.shift.night": msg("patrols.shift.night", "night"),
    "patrols.day.mon": msg("patrols.day.mon", "Mon"),
    "patrols.day.tue": msg("patrols.day.tue", "Tue"),
    "patrols.day.wed": msg("patrols.day.wed", "Wed"),
    "patrols.day.thu": msg("patrols.day.thu", "Thu"),
    "patrols.day.fri": msg("patrols.day.fri", "Fri"),
    "patrols.day.sat": msg("patrols.day.sat", "Sat"),
    "patrols.day.sun": msg("patrols.day.sun", "Sun"),
    "patrols.save": msg("patrols.save", "Save this weekly roster"),
    "patrols.saved": msg("patrols.saved", "Roster saved (no. {id})."),
    "patrols.no_download_right": msg("patrols.no_download_right", "Your role cannot download patrol rosters."),
    "patrols.week_help": msg("patrols.week_help",
                             "By default, the next week that has not started ({week}: {first} to {last})."),
    "patrols.draw_words": msg("patrols.draw_words",
                              "Draw no. {draw} (seed {seed}, kept with the roster). Each draw is equally "
                              "valid: every one obeys the duty rules and, together, they guard each place as "
                              "often as its risk asks. Drawing matters because nobody, including someone "
                              "watching the patrols, can know which week will come out: a roster that "
                              "repeats teaches where nobody is."),
    "patrols.reproduce": msg("patrols.reproduce",
                             "The same week from the command line: vigia plan-patrols DATA --week {week} "
                             "--seed {seed} --pool {pool}"),
    "patrols.grid_legend": msg("patrols.grid_legend", "Full names of the places"),
    "patrols.grid_off": msg("patrols.grid_off", "—: off duty."),
    "patrols.map_units": msg("patrols.map_units", "Units on the map"),
    "patrols.map_day": msg("patrols.map_day", "Day"),
    "patrols.map_all_days": msg("patrols.map_all_days", "The whole week"),
    "patrols.map_legend": msg("patrols.map_legend", "Unit colours"),
    "patrols.map_nothing": msg("patrols.map_nothing",
                               "None of the chosen units has shifts that day: the map shows only the planned coverage."),
    "patrols.out_of_ten": msg("patrols.out_of_ten", "{n} out of 10"),
    "patrols.gain_delta": msg("patrols.gain_delta", "{pct} less than the fixed roster"),
    "patrols.pin_free": msg("patrols.pin_free",
                            "Pinning {unit} at {target} ({slot}) every week costs no protection: what the "
                            "trafficker can expect to gain stays at {free}, because other shifts make up for "
                            "it."),
    "patrols.download_pdf": msg("patrols.download_pdf", "Printable roster (PDF, a page per unit)"),
    "patrols.saved_shown": msg("patrols.saved_shown",
                               "Saved roster no. {id}, as it was made (not computed again)."),
}
