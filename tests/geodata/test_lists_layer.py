"""The optional ``lists`` layer: user-named 0/1 list columns, validated like every layer."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.contracts import LAYERS
from geodata.demo.lists import LISTS
from geodata.layer_file import load_layer
from geodata.load import load_dataset
from geodata.problems import DataError
from risk.dark_figure import estimate_strata


def _write(tmp_path: Path, text: str, name: str = "lists.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    with pytest.raises(DataError) as raised:
        load_layer(path, "lists")
    return [str(p) for p in raised.value.problems]


def test_a_good_table_loads_with_integer_flags(tmp_path: Path) -> None:
    path = _write(tmp_path, "Periodo,police,ngo,fiscalia,conteo\n2023,1,0,0,30\n2023,0,1,0,20\n2023,1,1,1,4\n")
    frame, problems = load_layer(path, "lists")
    assert list(frame.columns) == ["count", "period", "police", "ngo", "fiscalia"]
    assert frame["police"].dtype.kind == "i" and frame["count"].tolist() == [30, 20, 4]
    assert frame["period"].tolist() == ["2023"] * 3
    assert any("read as 'count'" in p.message for p in problems)


def test_fewer_than_two_lists_is_an_error_naming_the_file(tmp_path: Path) -> None:
    errors = _errors(_write(tmp_path, "police,count\n1,4\n"))
    assert len(errors) == 1 and "lists.csv" in errors[0] and "at least 2 list columns" in errors[0]


def test_bad_cells_are_reported_by_row_and_column(tmp_path: Path) -> None:
    text = "police,ngo,count\n1,0,30\n0,0,3\n1,2,5\n1,yes,5\n0,1,-2\n0,1,2.5\n"
    errors = _errors(_write(tmp_path, text))
    assert any("row 3" in e and "every list column is 0" in e for e in errors)
    assert any("row 4" in e and "'ngo'" in e and "not 0 or 1" in e for e in errors)
    assert any("row 5" in e and "'ngo'" in e and "not 0 or 1" in e for e in errors)
    assert any("row 6" in e and "'count'" in e and "negative" in e for e in errors)
    assert any("row 7" in e and "'count'" in e and "decimals" in e for e in errors)
    assert len(errors) == 5


def test_contract_marks_the_layer_as_flag_columns_and_other_layers_do_not() -> None:
    assert LAYERS["lists"].flag_columns and not LAYERS["lists"].required
    assert not any(layer.flag_columns for name, layer in LAYERS.items() if name != "lists")


def test_demo_lists_are_synthetic_from_a_known_total_that_the_estimate_covers(demo_gpkg: Path) -> None:
    dataset = load_dataset(demo_gpkg)
    lists = dataset["lists"]
    assert set(LISTS) <= set(lists.columns) and {"period", "admin1", "count"} <= set(lists.columns)
    assert set(lists["admin1"]) <= set(dataset.areas["admin1"])
    assert "agency list overlaps" in dataset.about["synthetic_parts"]
    truth = int(dataset.about["lists_true_total"])
    observed = int(lists["count"].sum())
    assert observed < truth, "the lists must miss some victims, or there is no dark figure"
    fit = estimate_strata(lists).overall.fit
    assert fit is not None and "police:fiscalia" in fit.model_.label, "the planted referral dependence"
    assert abs(fit.estimate_ - truth) / truth < 0.05


def test_in_a_dataset_folder_departments_must_exist_in_areas(tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    areas = gpd.GeoDataFrame({"area_id": ["020101", "050101"], "name": ["La Paz", "Potosí"],
                              "admin1": ["La Paz", "Potosí"], "population": [755732, 264402]},
                             geometry=[box(-69.2, -17.0, -67.9, -16.2), box(-65.9, -19.7, -65.6, -19.4)],
                             crs="EPSG:4326")
    areas.to_file(tmp_path / "areas.geojson", driver="GeoJSON")
    _write(tmp_path, "admin1,police,ngo,count\nLa Paz,1,0,30\nLa Paz,1,1,4\nPotosi,0,1,20\n")
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path)
    messages = [str(p) for p in raised.value.problems]
    assert any("row 4" in m and "'admin1'" in m and "areas" in m for m in messages), messages
    _write(tmp_path, "admin1,police,ngo,count\nLa Paz,1,0,30\nLa Paz,1,1,4\nPotosí,0,1,20\n")
    assert load_dataset(tmp_path)["lists"]["count"].sum() == 54
