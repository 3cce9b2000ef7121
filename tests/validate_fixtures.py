"""Small realistic datasets for the loading/validation tests, built in code.

Three areas on real ground (squares around La Paz with Desaguadero, Potosí and
Sucre), with crossings, offices and sites inside them, written to a temporary
folder in whichever format a test needs.
"""

from __future__ import annotations

import tempfile
import warnings
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pandas as pd
from shapely.geometry import box

from geodata.problems import Problem, Severity

LA_PAZ = box(-69.2, -17.0, -67.9, -16.2)  # includes Desaguadero (-69.04, -16.56)
POTOSI = box(-65.9, -19.7, -65.6, -19.4)
SUCRE = box(-65.4, -19.2, -65.1, -18.9)


def areas() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "area_id": ["020101", "050101", "010101"],
            "name": ["La Paz", "Potosí", "Sucre"],
            "admin1": ["La Paz", "Potosí", "Chuquisaca"],
            "population": [755732, 264402, 360544],
        },
        geometry=[LA_PAZ, POTOSI, SUCRE],
        crs="EPSG:4326",
    )


def cases() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "area_id": ["020101", "020101", "050101", "010101"],
            "period": ["2023", "2023-07", "2023", "2024"],
            "exploitation": ["sexual", "labour", "labour", "other"],
            "cases": [12, 3, 5, 0],
            "victims": [15, 4, 9, 0],
        }
    )


def crossings() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"crossing_id": ["BX12"], "name": ["Desaguadero"], "neighbour": ["PER"], "kind": ["official"]},
        geometry=gpd.points_from_xy([-69.04], [-16.56]),
        crs="EPSG:4326",
    )


def migration() -> pd.DataFrame:
    return pd.DataFrame(
        {"crossing_id": ["BX12", "BX12"], "period": ["2023-01", "2023-02"], "entries": [5200, 4800],
         "exits": [5100, 4950], "irregular": [40, 35], "nat_VEN": [300, 280]}
    )


def offices() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"office_id": ["OF-LPZ", "OF-PTS"], "name": ["Jefatura La Paz", "Jefatura Potosí"],
         "kind": ["labour", "labour"], "staff": [12, 6]},
        geometry=gpd.points_from_xy([-68.13, -65.75], [-16.50, -19.58]),
        crs="EPSG:4326",
    )


def sites_table() -> pd.DataFrame:
    """Sites as a spreadsheet would hold them: lat/lon columns."""
    return pd.DataFrame(
        {
            "site_id": ["S001", "S002", "S003"],
            "name": ["Cooperativa Cerro Rico", "Ladrillera El Alto", "Taller textil Sucre"],
            "sector": ["mining", "brick-making", "textiles"],
            "lat": [-19.62, -16.52, -19.05],
            "lon": [-65.75, -68.18, -65.26],
            "open_from": ["07:00", "08:00", "09:30"],
            "open_to": ["16:00", "17:30", "18:00"],
        }
    )


def sectors() -> pd.DataFrame:
    return pd.DataFrame(
        {"area_id": ["050101", "020101", "010101"], "sector": ["mining", "brick-making", "textiles"],
         "workers": [18000, 2500, 900]}
    )


def write_csv(frame: pd.DataFrame, path: Path, **kwargs) -> Path:
    frame.to_csv(path, index=False, **kwargs)
    return path


def write_xlsx(rows: list[list[object]], path: Path, sheet: str = "Sheet1") -> Path:
    """Write cells exactly as given (numbers stay numbers, '=...' become formulas)."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def frame_rows(frame: pd.DataFrame) -> list[list[object]]:
    return [list(frame.columns)] + [list(r) for r in frame.itertuples(index=False)]


def zip_shapefile(frame: gpd.GeoDataFrame, path: Path, keep_prj: bool = True) -> Path:
    """A zipped Shapefile as people send them (files at the zip root)."""
    work = Path(tempfile.mkdtemp(prefix="shp_"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # long column names are cut on purpose in some tests
        frame.to_file(work / "layer.shp")
    with zipfile.ZipFile(path, "w") as zf:
        for part in sorted(work.iterdir()):
            if part.suffix == ".prj" and not keep_prj:
                continue
            zf.write(part, part.name)
    return path


def areas_folder(tmp_path: Path) -> Path:
    """A folder holding only valid areas; a test adds the file it is about."""
    path = tmp_path / "data"
    path.mkdir()
    areas().to_file(path / "areas.geojson", driver="GeoJSON")
    return path


def good_folder(folder: Path) -> Path:
    """A complete valid dataset as a folder of mixed formats."""
    folder.mkdir(parents=True, exist_ok=True)
    areas().to_file(folder / "areas.geojson", driver="GeoJSON")
    write_csv(cases(), folder / "cases.csv")
    crossings().to_file(folder / "crossings.gpkg", layer="crossings", driver="GPKG")
    write_csv(migration(), folder / "migration.csv")
    offices().to_file(folder / "offices.geojson", driver="GeoJSON")
    write_csv(sites_table(), folder / "sites.csv")
    write_csv(sectors(), folder / "sectors.csv")
    return folder


def only(problems: list[Problem], severity: Severity | None = None, **where: object) -> list[Problem]:
    """Problems of a severity whose fields equal ``where`` (e.g. column='cases', row=3)."""
    return [
        p for p in problems
        if (severity is None or p.severity is severity) and all(getattr(p, k) == v for k, v in where.items())
    ]


def text_of(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in problems)
