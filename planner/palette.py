"""One categorical palette for every map that colours teams, units or days.

A plan may have 30 or 40 teams; a 10- or 12-colour palette repeats and two teams look
like one. Glasbey palettes (colorcet's ``glasbey_dark``) are built so each new colour is
as far as possible, in a perceptual colour space, from all the ones before it. Maps here
draw on a pale background, so colours lighter than :data:`MAX_LIGHTNESS` (CIELAB L*) are
skipped: a pale line on a pale map cannot be told apart. The result keeps the glasbey order,
so the first teams get the most distinct colours and a team keeps its colour when more are
added after it.
"""

from __future__ import annotations

from functools import lru_cache

#: Lightest colour kept (CIELAB L*, 0 black .. 100 white): readable lines and labels on pale maps.
MAX_LIGHTNESS = 72.0


def _lightness(hex_colour: str) -> float:
    """CIELAB L* of an sRGB ``#rrggbb`` colour (D65)."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    y = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


@lru_cache(maxsize=1)
def palette() -> tuple[str, ...]:
    """The distinct colours, most distinct first (about 200 of glasbey's 256 pass the lightness cut)."""
    import colorcet

    return tuple(c for c in colorcet.palette["glasbey_dark"] if _lightness(c) <= MAX_LIGHTNESS)


def colour(index: int) -> str:
    """A stable colour for the ``index``-th team, unit or day (repeats only after :func:`palette`)."""
    colours = palette()
    return colours[index % len(colours)]


def colours_for(keys: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``key -> colour`` in the order keys are first given (duplicates keep their first colour)."""
    return {key: colour(i) for i, key in enumerate(dict.fromkeys(keys))}
