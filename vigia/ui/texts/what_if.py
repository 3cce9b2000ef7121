"""Strings of the What-if page (where one more office, team or checkpoint helps most)."""

from __future__ import annotations

from geodata.catalog import Text, msg

TEXTS: dict[str, Text] = {
    "nav.what_if": msg("nav.what_if", "What if"),
    "whatif.title": msg("whatif.title", "What if…? Offices, teams and checkpoints"),
    "whatif.intro": msg("whatif.intro",
                        "Where a new office, team or checkpoint helps most: an exact solver picks the places "
                        "that cover the most risk within a day's trip, compares them with today's resources, "
                        "repeats the count over draws of the scores to see whether the choice is solid, and "
                        "tries the best options with the same planners (inspections or patrols) the chiefs "
                        "use."),
    "whatif.question": msg("whatif.question", "Question"),
    "whatif.q.offices": msg("whatif.q.offices", "Open new offices"),
    "whatif.q.teams": msg("whatif.q.teams", "Add teams to the offices"),
    "whatif.q.move": msg("whatif.q.move", "Move teams between offices"),
    "whatif.q.checkpoints": msg("whatif.q.checkpoints", "Open border checkpoints"),
    "whatif.how_many": msg("whatif.how_many", "How many?"),
    "whatif.teams_per_office": msg("whatif.teams_per_office", "Teams at each new office"),
    "whatif.reach_hours": msg("whatif.reach_hours", "Reach (hours of travel)"),
    "whatif.time_limit": msg("whatif.time_limit", "Solver time (s)"),
    "whatif.draws": msg("whatif.draws", "Score draws"),
    "whatif.check": msg("whatif.check", "Try with the planner (inspections: 5 days; patrols: one week)"),
    "whatif.candidates": msg("whatif.candidates", "Candidate places"),
    "whatif.cand.geonames": msg("whatif.cand.geonames", "Towns and capitals (GeoNames)"),
    "whatif.cand.file": msg("whatif.cand.file", "My file (CSV or Excel: name, lon, lat)"),
    "whatif.cand.crossings": msg("whatif.cand.crossings", "Crossings without a police post"),
    "whatif.upload": msg("whatif.upload", "Candidates file"),
    "whatif.bad_file": msg("whatif.bad_file", "The candidates file has errors; it was not used:"),
    "whatif.need_file": msg("whatif.need_file", "Upload the candidates file."),
    "whatif.run": msg("whatif.run", "Compute"),
    "whatif.running": msg("whatif.running", "Looking for the best options…"),
    "whatif.no_scores": msg("whatif.no_scores", "There are no risk scores for this dataset: {reason}"),
    "whatif.failed": msg("whatif.failed", "Could not compute: {reason}"),
    "whatif.result_header": msg("whatif.result_header", "Options, best first"),
    "whatif.today": msg("whatif.today",
                        "Today {covered} of {total} risk is covered ({share}), with a reach of {hours} h."),
    "whatif.draws_note": msg("whatif.draws_note", "Robustness assessed over {n} score draws."),
    "whatif.no_draws": msg("whatif.no_draws", "No score draws: robustness not assessed."),
    "whatif.no_options": msg("whatif.no_options", "No option found (no candidates, or out of time)."),
    "whatif.map_option": msg("whatif.map_option", "Option on the map"),
    "whatif.map_today": msg("whatif.map_today", "Today"),
    "whatif.map_after": msg("whatif.map_after", "With option {rank}"),
    "whatif.legend": msg("whatif.legend", "Risk coverage"),
    "whatif.deg.none": msg("whatif.deg.none", "no team reaches it"),
    "whatif.deg.one": msg("whatif.deg.one", "1 team (50%)"),
    "whatif.deg.two": msg("whatif.deg.two", "2 teams (75%)"),
    "whatif.deg.more": msg("whatif.deg.more", "3 or more teams"),
    "whatif.site_today": msg("whatif.site_today", "office or base today"),
    "whatif.site_new": msg("whatif.site_new", "place that gains resources"),
    "whatif.col.coverage": msg("whatif.col.coverage", "Coverage"),
    "whatif.col.name": msg("whatif.col.name", "Name"),
    "whatif.downloads": msg("whatif.downloads", "Download the report"),
    "whatif.saved_as": msg("whatif.saved_as", "Saved in the workspace (no. {id}, version {version})."),
    "whatif.reopened": msg("whatif.reopened", "Saved scenario no. {id}, version {version}, by {user}."),
    "whatif.new_version": msg("whatif.new_version", "Save as a new version of the open scenario"),
    "whatif.not_allowed": msg("whatif.not_allowed", "Your role cannot compute resource scenarios."),
}
