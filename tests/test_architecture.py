"""The layering promise: geodata at the bottom; risk and planner on top of it and
never on each other; only the app and the CLI (``vigia``) orchestrate; nothing
imports ``app.py``. Checked on the source, so a stray import fails the suite."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from geodata.contracts import contract_markdown

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "geodata": {"risk", "planner", "vigia", "app", "streamlit", "folium"},
    "risk": {"planner", "vigia", "app", "streamlit", "folium"},
    "planner": {"risk", "vigia", "app", "streamlit", "folium"},
    "vigia": {"app"},
}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_respect_layers(package: str) -> None:
    files = sorted((ROOT / package).rglob("*.py"))
    assert files, f"package {package} has no modules"
    offenders = {
        str(f.relative_to(ROOT)): sorted(imported_top_levels(f) & FORBIDDEN[package]) for f in files
    }
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"{package} must not import {sorted(FORBIDDEN[package])}: {offenders}"


def test_readme_documents_the_contract_exactly() -> None:
    """The contract lives in code; README's copy must not drift from it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start, end = "<!-- contract:start -->", "<!-- contract:end -->"
    assert start in readme and end in readme, "README lost its contract section markers"
    section = readme.split(start, 1)[1].split(end, 1)[0].strip()
    assert section == contract_markdown().strip(), (
        "README's contract section differs from geodata/contracts.py; regenerate it with "
        "python -c 'from geodata.contracts import contract_markdown; print(contract_markdown())'"
    )


def test_readme_gives_the_two_commands_and_ci_runs_the_test_one() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


#: What ``vigia`` must not reach past the planner's result API for (re-planning lives in ``planner``).
PLANNING_INTERNALS = {"planner.engines.inspection", "planner.trips", "planner.shifts"}


def test_vigia_plans_inspections_only_through_the_result_api() -> None:
    """No greedy plans, engine calls, shift logic or hand-made locks in ``vigia``: it calls
    ``planner.result`` (plan, replan, to/from tables) and stores what comes back."""
    offenders: dict[str, list[str]] = {}
    for path in sorted((ROOT / "vigia").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found = []
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in PLANNING_INTERNALS:
                found.append(f"imports {node.module}")
            elif isinstance(node, ast.ImportFrom) and node.module == "planner.plan":
                found += [f"imports planner.plan.{a.name}" for a in node.names if a.name == "greedy"]
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "LockedVisit":
                found.append(f"builds LockedVisit on line {node.lineno}")
        if found:
            offenders[str(path.relative_to(ROOT))] = found
    assert not offenders, offenders
