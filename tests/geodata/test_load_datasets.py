"""Data that real ministries send: any country, Spanish file names, points far from the areas."""

from __future__ import annotations

import json
import re
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
import validate_fixtures as fx
from shapely.geometry import box

from geodata import basemap
from geodata.countries import country_hint, country_name, dataset_country
from geodata.geometry_checks import FAR_FROM_AREAS_KM
from geodata.load import check_dataset, load_dataset
from geodata.problems import Severity
from geodata.travel import in_lowlands

AMERICAS = ("MEX", "COL", "ECU", "PER", "ARG")  # both hemispheres, the equator crossed by COL and ECU


def _americas(folder: Path) -> Path:
    """A dataset whose areas are whole countries, from the installed Natural Earth outlines."""
    folder.mkdir(parents=True, exist_ok=True)
    world = basemap.world_outlines().set_index("iso3")
    outlines = shapely.simplify(world.loc[list(AMERICAS)].geometry.values, 0.05)
    areas = gpd.GeoDataFrame(
        {"area_id": list(AMERICAS), "name": world.loc[list(AMERICAS), "name"].tolist(),
         "admin1": ["Norteamérica", "Sudamérica", "Sudamérica", "Sudamérica", "Sudamérica"],
         "population": [128_900_000, 51_870_000, 18_000_000, 34_350_000, 46_230_000]},
        geometry=list(outlines), crs="EPSG:4326")
    areas.to_file(folder / "areas.geojson", driver="GeoJSON")
    # Rumichaca (Colombia-Ecuador), Tumbes/Huaquillas (Peru-Ecuador), Leticia (Colombia-Peru-Brazil).
    crossings = pd.DataFrame({"crossing_id": ["RUM", "HUA", "LET"], "name": ["Rumichaca", "Huaquillas", "Leticia"],
                              "neighbour": ["ecu", "PER", "BRA"], "kind": ["official", "official", "unofficial"],
                              "lat": [0.815, -3.476, -4.215], "lon": [-77.665, -80.243, -69.94]})
    fx.write_csv(crossings, folder / "crossings.csv")
    return folder


def test_a_dataset_of_several_american_countries_validates_and_loads(tmp_path: Path) -> None:
    folder = _americas(tmp_path / "americas")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    crossings = report.dataset["crossings"]
    assert crossings["neighbour"].tolist() == ["ECU", "PER", "BRA"]
    assert not fx.only(report.problems, Severity.WARNING), fx.text_of(report.problems)


def test_its_map_follows_the_data_not_bolivia(tmp_path: Path) -> None:
    from vigia.ui import map_views

    dataset = load_dataset(_americas(tmp_path / "americas"))
    fmap = map_views.border(dataset, online=False)
    html = fmap.get_root().render()
    bounds = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", html, re.S).group(1))
    (south, west), (north, east) = bounds
    assert north > 30 and south < -50 and west < -115 and east > -60, "Mexico to Tierra del Fuego is in view"
    countries = next(c for c in fmap._children.values() if getattr(c, "layer_name", "") == "countries")
    shown = {f["properties"].get("fill") for f in countries.data["features"]}
    assert len(shown) == 2  # home and other countries, drawn from the data's own extent
    assert "Brasil" in html or "Brazil" in html


def test_a_peru_dataset_names_its_country_and_draws_peru(tmp_path: Path) -> None:
    from vigia.ui import map_views

    folder = tmp_path / "peru"
    folder.mkdir()
    peru = basemap.world_outlines().set_index("iso3").geometry["PER"]
    north, south = peru.intersection(box(-90, -10, -60, 5)), peru.intersection(box(-90, -20, -60, -10))
    gpd.GeoDataFrame({"area_id": ["PE-N", "PE-S"], "name": ["Norte", "Sur"], "admin1": ["Norte", "Sur"],
                      "population": [17_000_000, 17_000_000]}, geometry=[north, south],
                     crs="EPSG:4326").to_file(folder / "areas.geojson", driver="GeoJSON")
    (folder / "about.csv").write_text("key,value\ncountry,per\ntitle,Perú\n", encoding="utf-8")
    dataset = load_dataset(folder)
    assert dataset.about["country"] == "PER" and dataset_country(dataset.about, dataset.areas) == "PER"
    html = map_views.risk_overview(dataset, online=False).get_root().render()
    assert "Ecuador" in html and "Colombia" in html


def test_a_dataset_of_the_americas_runs_on_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from geodata.dataset import write_dataset
    from vigia.ui import state

    dataset = load_dataset(_americas(tmp_path / "americas"))
    path = write_dataset(dataset, tmp_path / "americas.gpkg")
    monkeypatch.setenv(state.ENV_DATASET, str(path))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    app = str(Path(__file__).resolve().parents[2] / "app.py")
    at = AppTest.from_file(app, default_timeout=60).run()
    assert not at.exception, [e.message for e in at.exception]
    for page in ("border", "inspections", "data"):
        at.switch_page(f"vigia/ui/{page}/page.py").run()
        assert not at.exception, (page, [e.message for e in at.exception])
    at.switch_page("vigia/ui/border/page.py").run()
    shown = " ".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "Ecuador" in shown and "Brasil" in shown, "any neighbour is named, not only Bolivia's five"


def test_the_demo_names_its_country() -> None:
    from geodata.demo.build import build_demo

    assert build_demo(seed=1).about["country"] == "BOL"


@pytest.mark.parametrize(("written", "meant"), [("PE", "PER"), ("Perú", "PER"), ("Brasil", "BRA"), ("BRZ", "BRA"),
                                                ("Colombia", "COL"), ("Paragauy", "PRY")])
def test_unknown_country_codes_get_the_code_they_mean(written: str, meant: str) -> None:
    assert country_hint(written).startswith(meant)


def test_a_wrong_neighbour_code_is_an_error_with_a_hint(tmp_path: Path) -> None:
    folder = fx.areas_folder(tmp_path)
    crossings = pd.DataFrame({"crossing_id": ["BX12"], "name": ["Desaguadero"], "neighbour": ["Perú"],
                              "kind": ["official"], "lat": [-16.56], "lon": [-69.04]})
    fx.write_csv(crossings, folder / "crossings.csv")
    [error] = check_dataset(folder).errors
    assert (error.row, error.column) == (2, "neighbour") and "PER (Peru)" in error.message


def test_country_names_for_any_code() -> None:
    assert country_name("COL", "es") == "Colombia" and country_name("PER", "es") == "Perú"
    assert country_name("DEU", "en") == "Germany"


def test_bolivias_lowland_speed_applies_only_inside_bolivia() -> None:
    santa_cruz, trinidad = (-63.18, -17.78), (-64.90, -14.83)
    rio_branco, puerto_maldonado, porto_velho = (-67.81, -9.97), (-69.19, -12.59), (-63.90, -8.76)
    inside = in_lowlands(np.array([santa_cruz, trinidad, rio_branco, puerto_maldonado, porto_velho]))
    assert inside.tolist() == [True, True, False, False, False]


# ---------------------------------------------------------------- points far from every area


def test_a_crossing_2000_km_away_is_an_error_naming_row_and_id(tmp_path: Path) -> None:
    folder = fx.areas_folder(tmp_path)
    crossings = pd.DataFrame({"crossing_id": ["BX12", "FAR1", "NEAR"], "name": ["Desaguadero", "Bogotá", "Cerca"],
                              "neighbour": ["PER", "COL", "PER"], "kind": ["official"] * 3,
                              "lat": [-16.56, 4.71, -16.56], "lon": [-69.04, -74.07, -69.6]})
    fx.write_csv(crossings, folder / "crossings.csv")
    report = check_dataset(folder)
    [error] = report.errors
    assert error.row == 3 and "'FAR1'" in error.message and "km" in error.message
    assert f"{FAR_FROM_AREAS_KM:.0f} km" in error.hint
    [warning] = fx.only(report.problems, Severity.WARNING)
    assert warning.row == 4 and "'NEAR'" in warning.message


# ---------------------------------------------------------------- Spanish file names


def test_spanish_file_names_are_read_as_their_layers(tmp_path: Path) -> None:
    folder = tmp_path / "ministerio"
    folder.mkdir()
    fx.areas().to_file(folder / "municipios.shp")
    fx.write_csv(fx.cases(), folder / "casos.csv")
    fx.write_xlsx(fx.frame_rows(fx.migration()), folder / "migración.xlsx")
    fx.write_csv(fx.sectors(), folder / "sectores.csv")
    fx.crossings().to_file(folder / "pasos.geojson", driver="GeoJSON")
    offices = pd.DataFrame(fx.offices().drop(columns="geometry"))
    offices["lat"], offices["lon"] = fx.offices().geometry.y, fx.offices().geometry.x
    fx.write_csv(offices, folder / "oficinas.csv")
    fx.write_csv(fx.sites_table(), folder / "lugares.csv")
    report = check_dataset(folder)
    assert report.ok, fx.text_of(report.errors)
    assert set(report.dataset.layers) == {"areas", "cases", "migration", "sectors", "crossings", "offices", "sites"}
    assert report.dataset["cases"]["cases"].tolist() == [12, 3, 5, 0]
    notes = {p.file for p in fx.only(report.problems, Severity.FIXED) if "Spanish name" in p.message}
    assert notes == {"municipios.shp", "casos.csv", "migración.xlsx", "sectores.csv", "pasos.geojson",
                     "oficinas.csv", "lugares.csv"}


def test_a_misspelt_spanish_name_still_gets_a_hint(tmp_path: Path) -> None:
    folder = fx.areas_folder(tmp_path)
    fx.write_csv(fx.cases(), folder / "cassos.csv")
    [warning] = fx.only(check_dataset(folder).problems, Severity.WARNING)
    assert "did you mean 'cases'" in warning.hint


# ---------------------------------------------------------------- a zip of the whole dataset folder


def _zip_folder(folder: Path, out: Path, prefix: str = "datos/") -> Path:
    import zipfile

    with zipfile.ZipFile(out, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, prefix + path.name)
    return out


def test_a_zip_of_a_dataset_folder_is_read_as_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "datos"
    folder.mkdir()
    fx.areas().to_file(folder / "municipios.shp")
    fx.write_csv(fx.cases(), folder / "casos.csv")
    fx.crossings().to_file(folder / "pasos.geojson", driver="GeoJSON")
    archive = _zip_folder(folder, tmp_path / "envio.zip")
    report = check_dataset(archive)
    assert report.ok, fx.text_of(report.errors)
    assert set(report.dataset.layers) == {"areas", "cases", "crossings"}
    assert report.dataset["cases"]["victims"].tolist() == [15, 4, 9, 0]
    assert report.dataset.source == "envio.zip"


def test_an_uploaded_dataset_zip_is_accepted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from vigia.ui import state
    from vigia.ui.data.upload import process_upload

    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv(state.ENV_DATASET, str(tmp_path / "current.gpkg"))
    folder = fx.good_folder(tmp_path / "good")
    archive = _zip_folder(folder, tmp_path / "dataset.zip", prefix="")
    session: dict = {}
    outcome = process_upload([("dataset.zip", archive.read_bytes())], session)
    assert outcome.accepted, fx.text_of(list(outcome.problems))
    assert set(load_dataset(outcome.saved_to).layers) == {"areas", "cases", "crossings", "migration", "offices",
                                                          "sites", "sectors"}


def test_a_zipped_shapefile_is_still_one_layer(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    fx.zip_shapefile(fx.areas(), folder / "areas.zip")
    report = check_dataset(folder)
    assert report.ok and set(report.dataset.layers) == {"areas"}


def test_a_zip_with_a_path_outside_its_folder_is_refused(tmp_path: Path) -> None:
    import zipfile

    archive = tmp_path / "malo.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("cases.csv", "area_id,period,exploitation,cases,victims\n")
        zf.writestr("../../escape.csv", "x")
    report = check_dataset(archive)
    [error] = report.errors
    assert "outside" in error.message and not (tmp_path.parent / "escape.csv").exists()
