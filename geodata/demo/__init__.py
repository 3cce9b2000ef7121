"""The bundled demo: Bolivia's 343 real municipalities with SYNTHETIC figures, built offline.

Modules, one job each: ``municipios`` (the shipped boundaries, INE codes),
``population`` (synthetic municipal populations on the real department totals),
``places`` (GeoNames places), ``boundaries`` (a user's boundary file instead),
``crossings``, ``offices``, ``figures`` (the seeded rules for every synthetic
number), ``history`` (the inspection history), ``lists`` (agency lists),
``sampling`` (points inside areas) and ``build`` (assembly).

The names below load ``build`` (and geopandas) on first use, not on import of the
package, so ``vigia --help`` stays fast (PEP 562 module ``__getattr__``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geodata.demo.seed import DEFAULT_SEED

if TYPE_CHECKING:
    from geodata.demo.build import build_demo, write_demo

__all__ = ["DEFAULT_SEED", "build_demo", "write_demo"]


def __getattr__(name: str) -> Any:
    if name in {"build_demo", "write_demo"}:
        from geodata.demo import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
