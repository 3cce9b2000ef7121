"""How long validating a national dataset takes (run by hand: python benchmarks/bench_validate.py).

Builds a national-size dataset — the 343 real municipalities from ../shared when
present (else a synthetic grid of 343 squares over Bolivia), ~12 000 case rows,
~300 sites, crossings, offices, migration and sector tables — writes it as one
GeoPackage and as a folder of CSV/GeoJSON files, and times ``check_dataset`` on
both. The last line is ``RESULT validate_seconds=<median for the GeoPackage> ...``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from shapely.geometry import box

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.contracts import EXPLOITATION_TYPES, HIGH_RISK_SECTORS, NEIGHBOURS  # noqa: E402
from geodata.dataset import Dataset, write_dataset  # noqa: E402
from geodata.load import check_dataset  # noqa: E402

MUNICIPIOS = ROOT.parent / "shared" / "data" / "bolivia" / "municipios" / "municipios_bolivia_2024.gpkg"


def national_areas() -> tuple[gpd.GeoDataFrame, str]:
    """The 343 real municipalities when available, else 343 synthetic squares."""
    if MUNICIPIOS.exists():
        m = pyogrio.read_dataframe(MUNICIPIOS, layer="municipios")
        areas = gpd.GeoDataFrame(
            {"area_id": m["codigo_ine"], "name": m["nombre_mun"], "admin1": m["nombre_dep"]},
            geometry=m.geometry, crs=m.crs,
        )
        kind = "real municipios (../shared)"
    else:
        cells = [box(-69.5 + 0.5 * (i % 19), -22.5 + 0.7 * (i // 19), -69.0 + 0.5 * (i % 19), -21.8 + 0.7 * (i // 19))
                 for i in range(343)]
        areas = gpd.GeoDataFrame(
            {"area_id": [f"{i // 40 + 1:02d}{i % 40 + 1:04d}" for i in range(343)],
             "name": [f"Área {i}" for i in range(343)], "admin1": [f"Dep {i // 40 + 1}" for i in range(343)]},
            geometry=cells, crs="EPSG:4326",
        )
        kind = "synthetic grid"
    areas["population"] = np.random.default_rng(1).integers(1000, 900000, len(areas))
    return areas, kind


def national_dataset() -> tuple[Dataset, str]:
    rng = np.random.default_rng(7)
    areas, kind = national_areas()
    ids = areas["area_id"].to_numpy()
    years = [str(y) for y in range(2016, 2025)]
    grid = pd.MultiIndex.from_product([ids, years, EXPLOITATION_TYPES], names=["area_id", "period", "exploitation"])
    cases = grid.to_frame(index=False)
    cases["cases"] = rng.poisson(2, len(cases))
    cases["victims"] = cases["cases"] + rng.poisson(1, len(cases))
    inner = areas.geometry.representative_point()

    def points(n: int) -> gpd.GeoSeries:
        return gpd.GeoSeries(inner.iloc[rng.integers(0, len(areas), n)].to_numpy(), crs="EPSG:4326")

    sites = gpd.GeoDataFrame(
        {"site_id": [f"S{i:04d}" for i in range(300)], "name": [f"Sitio {i}" for i in range(300)],
         "sector": rng.choice(HIGH_RISK_SECTORS, 300), "open_from": "08:00", "open_to": "17:00",
         "service_minutes": rng.integers(30, 180, 300), "must_visit": rng.random(300) < 0.1},
        geometry=points(300).to_numpy(), crs="EPSG:4326")
    crossings = gpd.GeoDataFrame(
        {"crossing_id": [f"BX{i:02d}" for i in range(19)], "name": [f"Paso {i}" for i in range(19)],
         "neighbour": rng.choice(list(NEIGHBOURS), 19), "kind": "official"},
        geometry=points(19).to_numpy(), crs="EPSG:4326")
    offices = gpd.GeoDataFrame(
        {"office_id": [f"OF{i:02d}" for i in range(20)], "name": [f"Oficina {i}" for i in range(20)],
         "kind": "labour", "staff": rng.integers(2, 30, 20)},
        geometry=points(20).to_numpy(), crs="EPSG:4326")
    months = [f"{y}-{m:02d}" for y in range(2016, 2025) for m in range(1, 13)]
    migration = pd.MultiIndex.from_product([crossings["crossing_id"], months], names=["crossing_id", "period"]).to_frame(index=False)
    for col in ("entries", "exits", "irregular", "nat_VEN", "nat_PER"):
        migration[col] = rng.poisson(200, len(migration))
    sectors = pd.MultiIndex.from_product([ids, HIGH_RISK_SECTORS], names=["area_id", "sector"]).to_frame(index=False)
    sectors["workers"] = rng.poisson(300, len(sectors))
    layers = {"areas": areas, "crossings": crossings, "offices": offices, "sites": sites, "cases": cases,
              "migration": migration, "sectors": sectors}
    return Dataset(layers, about={"title": "benchmark", "synthetic": "true"}), kind


def write_folder(dataset: Dataset, folder: Path) -> Path:
    folder.mkdir()
    for name, frame in dataset.layers.items():
        if isinstance(frame, gpd.GeoDataFrame) and name != "areas":
            table = pd.DataFrame(frame.drop(columns="geometry"))
            table["lat"], table["lon"] = frame.geometry.y, frame.geometry.x
            table.to_csv(folder / f"{name}.csv", index=False)
        elif isinstance(frame, gpd.GeoDataFrame):
            frame.to_file(folder / f"{name}.geojson", driver="GeoJSON")
        else:
            frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def time_check(path: Path, runs: int) -> list[float]:
    report = check_dataset(path)  # warm-up, and the data must be valid
    if not report.ok:
        raise SystemExit(f"benchmark dataset is not valid: {[str(p) for p in report.errors[:5]]}")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        check_dataset(path)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    dataset, kind = national_dataset()
    n_areas, n_cases = len(dataset["areas"]), len(dataset["cases"])
    print(f"areas: {n_areas} ({kind}); cases rows: {n_cases}; sites: {len(dataset['sites'])}; "
          f"migration rows: {len(dataset['migration'])}; sectors rows: {len(dataset['sectors'])}")
    with tempfile.TemporaryDirectory() as tmp:
        gpkg = write_dataset(dataset, Path(tmp) / "national.gpkg")
        folder = write_folder(dataset, Path(tmp) / "national")
        t_gpkg = time_check(gpkg, args.runs)
        t_folder = time_check(folder, args.runs)
    for label, times in (("GeoPackage", t_gpkg), ("folder CSV+GeoJSON", t_folder)):
        print(f"check_dataset {label}: median {statistics.median(times):.3f} s, "
              f"min {min(times):.3f} s, max {max(times):.3f} s over {len(times)} runs")
    print(f"RESULT validate_seconds={statistics.median(t_gpkg):.3f} areas={n_areas} case_rows={n_cases}")


if __name__ == "__main__":
    main()
