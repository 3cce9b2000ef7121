"""Whatever a user uploads, the loaders answer with a report or DataError — never a crash.

Hypothesis throws random bytes, random CSV text and random (but well-formed)
tables at the loaders. A problem saying "unexpected error" means a bug in
Vigía was caught by the safety net, so it fails these tests too.
"""

from __future__ import annotations

import string
import tempfile
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import validate_fixtures as fx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geodata.load import check_dataset, load_dataset
from geodata.problems import DataError, Severity

SETTINGS = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: For examples that write workbooks or several GIS files (tens of ms each).
SLOW_SETTINGS = settings(SETTINGS, max_examples=25)

_AREAS_GEOJSON = fx.areas().to_json()


def _folder(root: Path) -> Path:
    folder = root / "data"
    folder.mkdir()
    (folder / "areas.geojson").write_text(_AREAS_GEOJSON, encoding="utf-8")
    return folder


def _assert_reported_not_crashed(path: Path) -> None:
    """load_dataset (which runs check_dataset) returns a dataset or raises DataError, and no bug was caught."""
    try:
        dataset = load_dataset(path)
    except DataError as exc:
        problems = exc.problems
        assert any(p.severity is Severity.ERROR for p in problems)
    else:
        problems = dataset.problems
        assert "areas" in dataset and all(p.severity is not Severity.ERROR for p in problems)
    assert not any("unexpected error" in p.message for p in problems), [str(p) for p in problems]


@SETTINGS
@given(data=st.binary(max_size=2000), name=st.sampled_from(
    ["cases.csv", "cases.xlsx", "sites.csv", "areas.gpkg", "areas.geojson", "areas.zip", "offices.json", "sites.shp"]))
def test_random_bytes_in_any_layer_file(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "data"
        folder.mkdir()
        if not name.startswith("areas"):
            (folder / "areas.geojson").write_text(_AREAS_GEOJSON, encoding="utf-8")
        (folder / name).write_bytes(data)
        _assert_reported_not_crashed(folder)


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"SQLite format 3\x00", b"PK\x03\x04", b"{\"type\":", b""]))
def test_random_dataset_file_with_a_plausible_header(data: bytes, prefix: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dataset.gpkg"
        path.write_bytes(prefix + data)
        _assert_reported_not_crashed(path)


_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", "010101", "020101", "-1", "2.5", "1e400", "nan", "inf", "=SUM(A1)", "@x", "+A",
                     "2023", "2023-07", "2023-13", "sí", "labour", "LABOUR", "07:30", "25:00", '"', '""', ";", ",",
                     "\n", "\r", "\x00", "POINT (-65.7 -19.6)", "POLYGON ((0 0, 1 0, 0 0))", "-16,5", "9" * 30]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
_HEADERS = st.lists(
    st.one_of(st.sampled_from(["area_id", "period", "exploitation", "cases", "victims", "site_id", "name", "sector",
                               "lat", "lon", "wkt", "must_visit", "open_from", "service_minutes", "Nombre", "nat_VEN",
                               "AREA_ID ", "area_idd", ""]),
              st.text(alphabet=string.ascii_letters + " _-;,\"", max_size=10)),
    min_size=1, max_size=8,
)


@SETTINGS
@given(header=_HEADERS, rows=st.lists(st.lists(_CELLS, max_size=9), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]), layer=st.sampled_from(["cases", "sites", "sectors", "offices"]),
       encoding=st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_random_csv_text(header: list[str], rows: list[list[str]], delimiter: str, layer: str, encoding: str) -> None:
    text = "\n".join(delimiter.join(r) for r in [header] + rows)
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        (folder / f"{layer}.csv").write_bytes(text.encode(encoding, errors="replace"))
        _assert_reported_not_crashed(folder)


@SLOW_SETTINGS
@given(header=_HEADERS, rows=st.lists(st.lists(st.one_of(_CELLS, st.integers(), st.floats(), st.booleans(),
                                                          st.none(), st.datetimes()), max_size=9), max_size=8))
def test_random_spreadsheet_cells(header: list[str], rows: list[list[object]]) -> None:
    clean = [[c.replace("\x00", "") if isinstance(c, str) else c for c in r] for r in [header] + rows]
    clean = [[c if not isinstance(c, str) or c.isprintable() else "x" for c in r] for r in clean]
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        fx.write_xlsx(clean, folder / "cases.xlsx")
        _assert_reported_not_crashed(folder)


_CODES = st.text(alphabet="0123456789", min_size=6, max_size=6)


@SETTINGS
@given(
    frame=st.lists(
        st.tuples(st.sampled_from(["020101", "050101", "010101"]),
                  st.tuples(st.integers(2000, 2025), st.integers(1, 12)),
                  st.sampled_from(["sexual", "labour", "other", "unknown"]),
                  st.integers(0, 10**6), st.integers(0, 10**6)),
        min_size=1, max_size=30),
    monthly=st.booleans(),
    fmt=st.sampled_from(["csv", "csv", "xlsx"]),
)
def test_well_formed_cases_always_load_unchanged(frame: list[tuple], monthly: bool, fmt: str) -> None:
    # Well formed: past periods, and one granularity (annual and monthly rows for one year are refused).
    rows = [(a, f"{y}-{m:02d}" if monthly else str(y), e, c, v) for a, (y, m), e, c, v in frame]
    cases = pd.DataFrame(rows, columns=["area_id", "period", "exploitation", "cases", "victims"])
    with tempfile.TemporaryDirectory() as tmp:
        folder = _folder(Path(tmp))
        if fmt == "csv":
            fx.write_csv(cases, folder / "cases.csv")
        else:
            fx.write_xlsx(fx.frame_rows(cases), folder / "cases.xlsx")
        dataset = load_dataset(folder)
    loaded = dataset["cases"]
    assert loaded["area_id"].tolist() == cases["area_id"].tolist()  # leading zeros kept
    assert loaded["period"].tolist() == cases["period"].tolist()
    assert loaded["cases"].tolist() == cases["cases"].tolist()
    assert not [p for p in dataset.problems if p.severity is not Severity.FIXED]


@SLOW_SETTINGS
@given(ids=st.lists(_CODES, min_size=1, max_size=20, unique=True))
def test_area_codes_survive_every_format(ids: list[str]) -> None:
    base = fx.areas().iloc[[0] * len(ids)].reset_index(drop=True)
    base["area_id"] = ids
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        paths = []
        for ext in ("geojson", "gpkg"):
            folder = root / ext
            folder.mkdir()
            base.to_file(folder / f"areas.{ext}")
            paths.append(folder)
        folder = root / "zip"
        folder.mkdir()
        fx.zip_shapefile(base, folder / "areas.zip")
        paths.append(folder)
        for path in paths:
            assert load_dataset(path)["areas"]["area_id"].tolist() == ids


def test_zip_with_a_csv_inside_is_reported(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    with zipfile.ZipFile(folder / "sites.zip", "w") as zf:
        zf.writestr("sites.csv", "site_id,name\nS1,Mina\n")
    report = check_dataset(folder)
    assert not report.ok
    assert all(p.file == "sites.zip" for p in report.errors)


@pytest.mark.parametrize("name", ["cases.csv", "areas.geojson"])
def test_directory_named_like_a_layer_file_is_not_read(tmp_path: Path, name: str) -> None:
    folder = _folder(tmp_path)
    (folder / name.replace("areas", "sites")).mkdir()
    report = check_dataset(folder)
    assert report.ok and fx.only(report.problems, Severity.WARNING)
