"""A plan workbook on the demo and a team's filled results sheet, for the results-upload tests."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl

from geodata.load import load_dataset
from planner import exports
from planner.export_texts import word
from planner.plan import greedy
from planner.problem import InspectionProblem
from planner.trips import plan_shifts

START = date(2025, 6, 2)  # a Monday in the past: results cannot come from the future
SHEET = word("sheet.results", "es")


def plan_workbook(dataset_path: Path, days: int = 2, lang: str = "es") -> bytes:
    """The plan's XLSX as the chief downloads it (greedy plan: fast, real visits)."""
    dataset = load_dataset(dataset_path)
    problem = InspectionProblem.from_dataset(dataset, start=START, days=days)
    plan = greedy(problem, plan_shifts(problem))
    return exports.to_xlsx(plan, exports.context_for(problem, dataset), lang=lang)


def fill(workbook: bytes, path: Path, rows: dict[int, tuple[object, ...]], sheet_name: str = SHEET) -> Path:
    """Write (done, victims, violations, workers) into sheet rows, as a team would in Excel."""
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    sheet = book[sheet_name]
    headers = [cell.value for cell in sheet[1]]
    first = next(k for k, h in enumerate(headers, start=1) if h in (word("done", "es"), word("done", "en")))
    for row, values in rows.items():
        for offset, value in enumerate(values):
            sheet.cell(row, first + offset).value = value
    book.save(path)
    return path


def visit_codes(workbook: bytes, rows: list[int]) -> list[str]:
    """The inspection codes the sheet gives those rows."""
    sheet = openpyxl.load_workbook(io.BytesIO(workbook))[SHEET]
    return [str(sheet.cell(r, 1).value) for r in rows]
