"""Every file Vigía writes for people, written in Spanish from the demo, is Spanish throughout.

As a user gets them: the CLI writes the plan (XLSX, CSV, ICS, GPX, KML, route sheets as HTML and
PDF), the roster (XLSX, CSV, ICS, PDF), the what-if report, the dark-figure table and the replay
report; the Risk map's downloads come from the functions its buttons call. Each file people read
must hold no English text of Vigía's tables (:func:`english_texts`), except in the «Código …»
columns, which keep the codes machines join on; machine files keep their codes; calendar times
carry the dataset's time zone; numbers read the Spanish way (``10.934``, ``267,8``).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pandas as pd
import pyogrio
import pytest
from english_texts import english_texts
from icalendar import Calendar

from vigia.cli import EXIT_OK, main

#: The header of a column that keeps codes beside the column of words (Spanish files).
CODE_HEADER = "Código"


@pytest.fixture(scope="module")
def english() -> re.Pattern[str]:
    texts = sorted(english_texts(), key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(t) for t in texts) + r")(?!\w)")


def _english_in(texts: Iterator[tuple[str, str]], english: re.Pattern[str]) -> dict[str, str]:
    """English text found -> where (sheet, column or part of the file)."""
    found: dict[str, str] = {}
    for where, text in texts:
        for match in english.finditer(text):
            found.setdefault(match.group(1), where)
    return found


def _workbook_texts(path: Path) -> Iterator[tuple[str, str]]:
    """Sheet names and text cells, leaving out the «Código …» columns (codes, not words)."""
    for sheet in openpyxl.load_workbook(path).worksheets:
        yield "sheet name", sheet.title
        rows = list(sheet.iter_rows(values_only=True))
        if not rows:
            continue
        headers = [str(h or "") for h in rows[0]]
        for row in rows:
            for header, value in zip(headers, row, strict=False):
                if isinstance(value, str) and not header.startswith(CODE_HEADER):
                    yield f"{sheet.title} / {header}", value


def _table_texts(frame: pd.DataFrame, where: str) -> Iterator[tuple[str, str]]:
    for column in frame.columns:
        if not str(column).startswith(CODE_HEADER):
            yield f"{where} header", str(column)
            yield from ((f"{where} / {column}", str(v)) for v in frame[column].dropna())


def _html_texts(path: Path) -> Iterator[tuple[str, str]]:
    page = re.sub(r"<script.*?</script>|<style.*?</style>", " ", path.read_text(encoding="utf-8"), flags=re.S)
    yield path.name, re.sub(r"<[^>]+>", "\n", page)


def _pdf_texts(path: Path) -> Iterator[tuple[str, str]]:
    from pypdf import PdfReader

    for k, page in enumerate(PdfReader(path).pages, start=1):
        yield f"{path.name} page {k}", page.extract_text()


def _ics_events(path: Path) -> list:
    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _ics_texts(path: Path) -> Iterator[tuple[str, str]]:
    for event in _ics_events(path):
        yield "SUMMARY", str(event["SUMMARY"])
        yield "DESCRIPTION", str(event["DESCRIPTION"])


def _every_format(module: object, name: str, kinds: tuple[str, ...], path_arg: int) -> object:
    """A stand-in for a command's file writer that writes the same result in each of ``kinds``
    (one run of the command gives every file, as several runs with the same seed would)."""
    real = getattr(module, name)

    def write(*args: object, **kwargs: object) -> object:
        for kind in kinds:
            moved = list(args)
            moved[path_arg] = Path(str(args[path_arg])).with_suffix(f".{kind}")
            real(*moved, **kwargs)
        return args[path_arg]

    return write


@pytest.fixture(scope="module")
def files(demo_gpkg: Path, demo_scores_gpkg: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every file people read, written in Spanish by the CLI from the demo (short runs)."""
    from planner.coverage import report
    from planner.patrols import exports as roster_files
    from vigia.commands import dark_figure, evaluate

    out = tmp_path_factory.mktemp("spanish")
    teams = out / "teams.csv"  # two teams keep the run short
    teams.write_text("team_id,office_id\nLPZ-1,LAB-LPZ\nSCZ-1,LAB-SCZ\n", encoding="utf-8")
    data, scores = str(demo_gpkg), str(demo_scores_gpkg)
    plan = ["plan-inspections", data, "--scores", scores, "--teams", str(teams), "--start", "2026-12-07",
            "--days", "2", "--time-limit", "2", "--lang", "es", "--sheets", str(out / "sheets")]
    for name in ("plan.xlsx", "plan.csv", "plan.ics", "plan.gpx", "plan.kml", "hojas.html"):
        plan += ["--out", str(out / name)]
    assert main(plan) == EXIT_OK
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(roster_files, "write_roster", _every_format(roster_files, "write_roster",
                                                                  ("xlsx", "csv", "ics", "pdf"), 2))
        patch.setattr(report, "write_report", _every_format(report, "write_report", ("xlsx", "html", "csv"), 1))
        patch.setattr(dark_figure, "_write", _every_format(dark_figure, "_write", ("xlsx", "csv"), 1))
        patch.setattr(evaluate, "_write", _every_format(evaluate, "_write", ("xlsx", "html"), 0))
        assert main(["plan-patrols", data, "--scores", scores, "--week", "2026-W50", "--seed", "1", "--pool", "10",
                     "--lang", "es", "--out", str(out / "rol.xlsx")]) == EXIT_OK
        assert main(["what-if", data, "--scores", scores, "--add-offices", "1", "--draws", "3", "--check-days", "0",
                     "--time-limit", "2", "--lang", "es", "--out", str(out / "que_pasa.xlsx")]) == EXIT_OK
        assert main(["dark-figure", data, "--by", "period", "--lang", "es", "--out", str(out / "cifra.xlsx")]) == 0
        assert main(["evaluate", data, "--year", "2024", "--lang", "es", "--out", str(out / "replay.xlsx")]) == 0
    return out


@pytest.fixture(scope="module")
def risk_downloads(demo_gpkg: Path) -> dict[str, bytes]:
    """The Risk map's downloads (Spanish: the app's default language)."""
    from geodata.load import load_dataset
    from risk import pipeline
    from vigia.ui.risk_map import risk_exports, risk_maps, risk_tables

    dataset = load_dataset(demo_gpkg)
    scores = pipeline.score(dataset, pipeline.ScoreConfig(draws=30, permutations=49))
    areas = risk_tables.export_frame(scores.area_scores)
    crossings = risk_tables.crossing_export_frame(scores.crossing_scores)
    provenance = scores.provenance()
    return {"xlsx": risk_exports.xlsx_bytes(areas, crossings, provenance),
            "csv": risk_exports.csv_bytes(areas, provenance),
            "gpkg": risk_exports.gpkg_bytes(scores.to_file()),
            **{f"map_{view}.html": risk_exports.map_html(risk_maps.area_view(dataset, scores.area_scores, view,
                                                                             online=False), provenance)
               for view in ("hotspot", "emerging")}}


@pytest.mark.parametrize("name", ["plan.xlsx", "rol.xlsx", "que_pasa.xlsx", "cifra.xlsx", "replay.xlsx"])
def test_workbooks_people_read_have_no_english(files: Path, english: re.Pattern[str], name: str) -> None:
    assert _english_in(_workbook_texts(files / name), english) == {}


def test_documents_and_calendars_have_no_english(files: Path, english: re.Pattern[str]) -> None:
    html = [files / "hojas.html", files / "que_pasa.html", files / "replay.html", *sorted((files / "sheets").glob("*.html"))[:2]]
    for path in html:
        assert _english_in(_html_texts(path), english) == {}, path.name
    for path in (files / "sheets" / "route-sheets.pdf", files / "rol.pdf"):
        assert _english_in(_pdf_texts(path), english) == {}, path.name
    for path in (files / "plan.ics", files / "rol.ics"):
        assert _ics_events(path), path.name
        assert _english_in(_ics_texts(path), english) == {}, path.name
    for path in (files / "plan.gpx", files / "plan.kml"):  # names and descriptions a phone shows
        shown = re.sub(r"<(extensions|ExtendedData)>.*?</\1>", "", path.read_text(encoding="utf-8"), flags=re.S)
        assert _english_in(iter([(path.name, re.sub(r"<[^>]+>", "\n", shown))]), english) == {}, path.name


def test_spreadsheet_csvs_have_no_english_outside_code_columns(files: Path, risk_downloads: dict[str, bytes],
                                                               english: re.Pattern[str]) -> None:
    roster = pd.read_csv(files / "rol.csv", dtype=str)
    assert _english_in(_table_texts(roster, "rol.csv"), english) == {}
    text = risk_downloads["csv"].decode("utf-8-sig")
    comments = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    scores = pd.read_csv(io.StringIO(text), comment="#", dtype=str)
    labels = [c for c in scores.columns if c.endswith("_label")]
    assert {"hotspot_label", "emerging_label", "top_1_label"} <= set(labels), "words beside the code columns"
    assert _english_in(iter([("provenance", comments)]), english) == {}
    assert _english_in(_table_texts(scores[labels], "scores.csv"), english) == {}
    assert set(scores["hotspot"]) <= {"hot_99", "hot_95", "hot_90", "cold_90", "cold_95", "cold_99",
                                      "not_significant", "not_computed"}, "the codes stay codes"


def test_risk_map_workbook_and_map_are_spanish(risk_downloads: dict[str, bytes], english: re.Pattern[str],
                                               tmp_path: Path) -> None:
    path = tmp_path / "puntajes.xlsx"
    path.write_bytes(risk_downloads["xlsx"])
    assert _english_in(_workbook_texts(path), english) == {}
    areas = pd.read_excel(path, sheet_name=0)
    # the code for the machine and the words for people, side by side
    assert {"Código del grupo espacial", "Grupo espacial", "Código de tendencia", "Tendencia"} <= set(areas.columns)
    assert "no_pattern" in set(areas["Código de tendencia"]) and "Sin patrón en el tiempo" in set(areas["Tendencia"])
    assert pd.api.types.is_float_dtype(areas["Puntaje"]), "numbers stay numbers in a workbook"
    for view in ("hotspot", "emerging"):
        page = tmp_path / f"{view}.html"
        page.write_bytes(risk_downloads[f"map_{view}.html"])
        assert _english_in(_html_texts(page), english) == {}, view


def test_machine_files_keep_codes_and_plain_numbers(files: Path, risk_downloads: dict[str, bytes],
                                                    tmp_path: Path) -> None:
    from geodata.contracts import HIGH_RISK_SECTORS

    gpkg = tmp_path / "scores.gpkg"
    gpkg.write_bytes(risk_downloads["gpkg"])
    areas = pyogrio.read_dataframe(gpkg, layer="area_scores")
    assert set(areas["hotspot"]) <= {"hot_99", "hot_95", "hot_90", "cold_90", "cold_95", "cold_99",
                                     "not_significant", "not_computed"}
    assert not any(c.endswith("_label") for c in areas.columns), "no words in the machine file"
    plan = pd.read_csv(files / "plan.csv", encoding="utf-8-sig")
    assert "sector" in plan.columns and set(plan["sector"]) <= set(HIGH_RISK_SECTORS)
    assert plan["arrive"].str.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d").all(), "ISO times"
    dark = pd.read_csv(files / "cifra.csv")
    assert list(dark.columns[:3]) == ["stratum", "observed", "estimate"] and dark["stratum"].iloc[0] == "all"


def test_calendar_events_carry_the_dataset_time_zone(files: Path) -> None:
    for path in (files / "plan.ics", files / "rol.ics"):
        calendar = Calendar.from_ical(path.read_bytes())
        assert [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")] == ["America/La_Paz"], path.name
        events = calendar.walk("VEVENT")
        assert all(e["DTSTART"].params["TZID"] == "America/La_Paz" for e in events), path.name
        assert all(str(e.decoded("DTSTART").tzinfo) == "America/La_Paz" for e in events), path.name
    # a visit at 08:12 on the sheet is at 08:12 in the calendar, not 04:12 or 12:12
    sheet = pd.read_excel(files / "plan.xlsx", sheet_name="Cronograma")
    starts = {pd.Timestamp(t).to_pydatetime() for t in sheet["Inicio"]}
    events = _ics_events(files / "plan.ics")
    assert {e.decoded("DTSTART").replace(tzinfo=None) for e in events} == starts


def test_numbers_read_the_spanish_way(files: Path) -> None:
    sheet = "\n".join(text for _, text in _html_texts(files / "hojas.html"))
    km = re.findall(r"(\d[\d.]*,\d) km", sheet)
    assert km, "distances with a decimal comma: 267,8 km"
    assert not re.search(r"\d\.\d km", sheet), "no decimal point in a Spanish distance"
    assert re.search(r"\d{1,2} [a-z]{3} de 2026", sheet), "dates as 7 dic de 2026"
    about = pd.read_excel(files / "que_pasa.xlsx", sheet_name="Acerca del análisis")
    total = about.set_index("Clave").loc["Riesgo total", "Valor"]
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+,\d", str(total)), f"thousands with a point, decimals with a comma: {total}"
    roster = "\n".join(text for _, text in _ics_texts(files / "rol.ics"))
    assert re.search(r"Minutos desde la base: \d+", roster) and "Turno: mañana 06:00–14:00" in roster


def test_workbook_dates_and_numbers_stay_dates_and_numbers(files: Path) -> None:
    for name, sheet in (("plan.xlsx", "Cronograma"), ("rol.xlsx", "Turnos")):
        table = pd.read_excel(files / name, sheet_name=sheet)
        assert pd.api.types.is_datetime64_any_dtype(table["Fecha"]), f"{name}: dates are date cells, not text"
    timeline = pd.read_excel(files / "plan.xlsx", sheet_name="Cronograma")
    assert pd.api.types.is_float_dtype(timeline["Prioridad"]) and pd.api.types.is_datetime64_any_dtype(timeline["Inicio"])


def test_the_planners_own_sentences_are_translated(english: re.Pattern[str]) -> None:
    """The plan's About sheet shows the priority rule the planner wrote in English: each known
    sentence must come out in Spanish (a reworded planner sentence makes this fail)."""
    from planner.export_texts import sentence_text
    from planner.priority import SECTOR_AREA_RULE

    for sentence in (SECTOR_AREA_RULE, "Priority = risk score (0-100) of the area that contains the site, from the "
                     "scores file.", "Priority = the sites column 'prioridad'."):
        spanish = sentence_text(sentence, "rule", "es")
        assert spanish.startswith("Prioridad = ") and _english_in(iter([("rule", spanish)]), english) == {}, spanish
