"""The bundled demo: Bolivia's real geography with SYNTHETIC figures, built offline.

Modules, one job each: ``places`` (GeoNames places), ``areas`` (their
catchments), ``boundaries`` (a real boundary file instead), ``crossings``,
``offices``, ``figures`` (the seeded rules for every synthetic number),
``sampling`` (points inside areas) and ``build`` (assembly).
"""

from geodata.demo.build import DEFAULT_SEED, build_demo, write_demo

__all__ = ["DEFAULT_SEED", "build_demo", "write_demo"]
