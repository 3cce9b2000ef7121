"""Units files: good ones load, bad ones name file, row, column and what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from geodata.load import load_dataset
from geodata.problems import DataError
from planner.patrols.units import default_units, parse_shifts, read_units, units_frame


@pytest.fixture(scope="module")
def demo(demo_gpkg: Path):
    return load_dataset(demo_gpkg)


def _write(tmp_path: Path, text: str, name: str = "units.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_units_come_from_police_staff(demo) -> None:
    units = default_units(demo)
    police = demo["offices"][demo["offices"]["kind"] == "police"]
    assert len(units) == sum(max(1, s // 6) for s in police["staff"])
    assert {u.base_id for u in units} == set(police["office_id"])


def test_units_file_round_trips_and_reads_spanish_shifts(demo, tmp_path: Path) -> None:
    units = default_units(demo)[:3]
    path = tmp_path / "units.xlsx"
    units_frame(units).to_excel(path, index=False, sheet_name="units")
    again = read_units(path, demo)
    assert [u.unit_id for u in again] == [u.unit_id for u in units]
    assert parse_shifts("Mañana; NOCHE") == ("morning", "night")
    text = "unit_id,base_id,shifts,max_shifts\nA,POL-PISIGA,noche,4\n"
    [unit] = read_units(_write(tmp_path, text), demo)
    assert unit.shifts == ("night",) and unit.max_shifts == 4 and unit.base_id == "POL-PISIGA"


def test_bad_cells_are_reported_with_row_and_column(demo, tmp_path: Path) -> None:
    text = (
        "unit_id,base_id,crew,shifts,max_shifts\n"
        "A,POL-PISIGA,3,morning,5\n"
        "A,POL-PISIGA,3,morning,5\n"      # row 3: duplicate id
        "B,NOWHERE,3,morning,5\n"         # row 4: unknown base
        "C,POL-PISIGA,zero,morning,5\n"   # row 5: crew not a number
        "D,POL-PISIGA,3,siesta,5\n"       # row 6: unknown shift
        "E,POL-PISIGA,3,night,40\n"       # row 7: too many shifts
    )
    with pytest.raises(DataError) as info:
        read_units(_write(tmp_path, text), demo)
    where = {(p.file, p.row, p.column) for p in info.value.problems}
    assert where == {("units.csv", 3, "unit_id"), ("units.csv", 4, "base_id"), ("units.csv", 5, "crew"),
                     ("units.csv", 6, "shifts"), ("units.csv", 7, "max_shifts")}
    assert all(p.hint for p in info.value.problems)
    assert "NOWHERE" in str(info.value)


def test_missing_columns_and_wrong_file_types(demo, tmp_path: Path) -> None:
    with pytest.raises(DataError) as info:
        read_units(_write(tmp_path, "name,crew\nX,3\n"), demo)
    assert {p.column for p in info.value.problems} == {"unit_id", "base_id"}
    with pytest.raises(DataError, match="not a units file type"):
        read_units(_write(tmp_path, "x", "units.txt"), demo)
    with pytest.raises(DataError, match="does not exist"):
        read_units(tmp_path / "absent.csv", demo)
    with pytest.raises(DataError, match="is not a longitude"):
        read_units(_write(tmp_path, "unit_id,lon,lat\nA,abc,-17\n"), demo)
