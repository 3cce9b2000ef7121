"""The Border page's roster views without a browser: the week grid's HTML and the coverage map's units."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from geodata.load import load_dataset
from planner.patrols import exports
from planner.patrols.model import N_SLOTS, build_problem, slot_day
from planner.patrols.roster import Roster
from planner.patrols.units import default_units
from vigia.ui.border.patrol_grid import grid_html
from vigia.ui.border.patrol_map import coverage_map, unit_colours, unit_legend_html


@pytest.fixture(scope="module")
def demo_roster(demo_gpkg: Path) -> tuple[object, Roster]:
    """Every demo unit on its nearest place in one shift of the week (made by hand: no solving)."""
    dataset = load_dataset(demo_gpkg)
    crossings = dataset["crossings"]
    scores = pd.DataFrame({"crossing_id": crossings["crossing_id"], "score": np.linspace(20, 90, len(crossings))})
    problem = build_problem(dataset, scores, default_units(dataset))
    assign = np.zeros(problem.reach.shape, dtype=bool)
    for u in range(problem.n_units):
        slot = (3 * u) % N_SLOTS
        targets = np.flatnonzero(problem.reach[u, :, slot])
        if targets.size:
            assign[u, targets[np.argmin(problem.travel_minutes[u, targets])], slot] = True
    return dataset, Roster(problem, assign)


def test_each_unit_has_its_own_colour_and_the_filters_choose_what_is_drawn(demo_roster) -> None:
    dataset, roster = demo_roster
    units = [u.unit_id for u in roster.problem.units]
    colours = unit_colours(roster)
    assert len(units) >= 20 and len(set(colours.values())) == len(units), "no two units share a colour"
    probability = np.zeros((roster.problem.n_targets, N_SLOTS))
    everything = coverage_map(dataset, roster, probability, units, None)[1]
    assert everything == len({(u, t) for u, t, _ in roster.assignments()})
    monday = coverage_map(dataset, roster, probability, units, 0)[1]
    assert monday == len({(u, t) for u, t, s in roster.assignments() if slot_day(s) == 0}) < everything
    one = units[0]
    fmap, drawn = coverage_map(dataset, roster, probability, [one], None)
    assert drawn == 1
    page = fmap.get_root().render()
    assert colours[one] in page and colours[units[1]] not in page
    legend = unit_legend_html(roster, units[:3])
    assert all(u.name.split(" · ")[0] in legend for u in roster.problem.units[:3])
    assert not any(u in legend for u in units[:3]), "the legend names units, it does not show their codes"


def test_the_week_grid_html_shows_every_name_and_date_and_wraps(demo_roster) -> None:
    dataset, roster = demo_roster
    context = exports.context_for(dataset, "2026-W50", "es")
    html = grid_html(exports.week_grid(roster, context), "—")
    assert "table-layout: fixed" in html and "overflow-wrap: anywhere" in html
    assert html.count('rowspan="3"') == roster.problem.n_units
    for day in ("lunes 07/12", "miércoles 09/12", "domingo 13/12"):
        assert f"<th>{day}</th>" in html
    used = {roster.problem.targets[t] for _, t, _ in roster.assignments()}
    assert all(exports.short_place(target) in html for target in used)
    assert not any(f">{target.target_id}<" in html for target in used), "places in words, not codes"
