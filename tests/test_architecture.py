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


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_only_the_scores_contract_names_the_scores_layers() -> None:
    """The scores file is described once (geodata/scores_file.py): nobody else spells its layer names."""
    from geodata import scores_file

    names = {scores_file.AREA_LAYER, scores_file.CROSSING_LAYER, scores_file.DRAWS_LAYER,
             scores_file.METADATA_LAYER}
    owner = ROOT / "geodata" / "scores_file.py"
    files = [f for package in ("geodata", "risk", "planner", "vigia", "benchmarks")
             for f in sorted((ROOT / package).rglob("*.py")) if f != owner]
    offenders = {str(f.relative_to(ROOT)): sorted(_string_constants(f) & names) for f in files}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"import the layer names from geodata.scores_file instead: {offenders}"
