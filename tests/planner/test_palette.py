"""Forty teams on one map get forty colours a person can tell apart on a pale background."""

from __future__ import annotations

import itertools

from planner.palette import MAX_LIGHTNESS, _lightness, colour, colours_for


def _lab(hex_colour: str) -> tuple[float, float, float]:
    rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb)
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, \
        (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def test_forty_team_colours_are_distinct_and_dark_enough_for_a_pale_map() -> None:
    colours = [colour(i) for i in range(40)]
    assert len(set(colours)) == 40
    assert all(_lightness(c) <= MAX_LIGHTNESS for c in colours)
    closest = min(sum((a - b) ** 2 for a, b in zip(_lab(x), _lab(y))) ** 0.5
                  for x, y in itertools.combinations(colours, 2))
    assert closest > 12  # CIE76 ΔE: about 2.3 is just noticeable; 12+ reads as another colour


def test_a_team_keeps_its_colour_when_teams_are_added_after_it() -> None:
    few = colours_for(["T01", "T02", "T03"])
    many = colours_for(["T01", "T02", "T03", *(f"X{i}" for i in range(30)), "T01"])
    assert all(many[k] == v for k, v in few.items())
    assert len(set(many.values())) == len(many) == 33
