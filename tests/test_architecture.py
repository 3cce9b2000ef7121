"""The layering promise: geodata at the bottom; risk and planner on top of it and
never on each other; only the app and the CLI (``vigia``) orchestrate; nothing
imports ``app.py``. Checked on the source, so a stray import fails the suite.

Beyond who imports whom: no module imports itself back through others (a cycle
means two modules are one job split badly), the project's own modules are loaded
by plain imports (no ``importlib`` "until merged" fallbacks that hide a missing
part), and ``vigia`` defines nothing that belongs below it where a static check can
see it (preset weight tables, class thresholds of the risk model)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from geodata.contracts import contract_markdown
from risk.presets import PRESET_GROUPS

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


# --------------------------------------------------------------------------- beyond layers

PACKAGES = ("geodata", "risk", "planner", "vigia")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES: dict[str, Path] = {_module_name(p): p for pkg in PACKAGES for p in sorted((ROOT / pkg).rglob("*.py"))}


def _type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _runtime_import_nodes(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import that runs (module level or inside functions), skipping ``if TYPE_CHECKING:``."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _type_checking(child.test):
            for other in child.orelse:
                yield from _runtime_import_nodes(ast.Module(body=[other], type_ignores=[]))
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child
        yield from _runtime_import_nodes(child)


def project_imports(module: str) -> set[str]:
    """The project modules ``module`` imports at run time (``from pkg import sub`` counts as ``pkg.sub``)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in _runtime_import_nodes(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in MODULES)
            continue
        base = node.module or ""
        if node.level:
            parts = package.split(".")
            base = ".".join(parts[:len(parts) - node.level + 1] + ([base] if base else []))
        for alias in node.names:
            full = f"{base}.{alias.name}"
            if full in MODULES:
                found.add(full)
            elif base in MODULES:
                found.add(base)
    found.discard(module)
    return found


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_the_cycle_finder_finds_a_two_module_circle() -> None:
    graph = {"a.problem": {"a.teams"}, "a.teams": {"a.problem"}, "a.plan": {"a.problem"}}
    assert import_cycles(graph) == [["a.problem", "a.teams"]]
    assert import_cycles({"a.x": {"a.y"}, "a.y": set()}) == []


def test_no_module_imports_itself_back() -> None:
    """``planner.problem`` <-> ``planner.teams`` and ``vigia.cli`` <-> a command were such circles."""
    cycles = import_cycles({module: project_imports(module) for module in MODULES})
    assert not cycles, f"import cycles (move what both need into one of them or below both): {cycles}"


def _calls_import_module(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
            if name in {"import_module", "__import__"}:
                lines.append(node.lineno)
    return lines


def test_project_modules_are_loaded_by_plain_imports() -> None:
    """No ``importlib.import_module``: a part that is always installed is imported, so a missing
    one fails loudly at import instead of silently switching a feature off."""
    offenders = {str(path.relative_to(ROOT)): lines for path in MODULES.values()
                 if (lines := _calls_import_module(ast.parse(path.read_text(encoding="utf-8"))))}
    assert not offenders, f"dynamic imports of project modules: {offenders}"


@pytest.mark.parametrize("package, registry", [("vigia.commands", "COMMANDS"), ("vigia.ui.texts", "TABLES")])
def test_every_plug_in_module_is_registered(package: str, registry: str) -> None:
    """Commands and text tables are listed by plain imports; a module left out of the list fails here."""
    import importlib

    listed = {module.__name__ for module in getattr(importlib.import_module(package), registry)}
    present = {name for name in MODULES if name.startswith(package + ".")}
    assert present == listed, f"{package}.{registry} must list exactly its modules; missing {present - listed}"


GROUPS = {group for shares in PRESET_GROUPS.values() for group in shares}


def _numeric(node: ast.expr | None) -> bool:
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    return isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool)


def _preset_like_tables(tree: ast.AST) -> list[int]:
    """Line of every dict literal mapping two or more indicator groups to numbers (a weight table)."""
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            if len(set(keys) & GROUPS) >= 2 and all(_numeric(v) for v in node.values):
                lines.append(node.lineno)
    return lines


def _names_used(tree: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {
        n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}


#: What ``risk`` decides and ``vigia`` must only call: preset tables and the risk classes' lines.
RISK_INTERNALS = {"PRESET_GROUPS", "TILTS", "SCORE_CLASSES", "INTERVAL_CLASSES", "GAP_CLASSES", "UNDER_DETECTION_P"}


def test_the_static_checks_see_a_weight_table() -> None:
    assert _preset_like_tables(ast.parse('W = {"cases": 0.2, "migration": 0.8}')) == [1]
    assert _preset_like_tables(ast.parse('T = {"cases": "Casos", "migration": "Migración"}')) == []


def test_vigia_defines_no_preset_weights_or_class_thresholds() -> None:
    """Presets live in ``risk.presets``, class lines in ``risk.classes``: ``vigia`` calls them."""
    tables, internals = {}, {}
    for module, path in MODULES.items():
        if module.split(".")[0] != "vigia":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if lines := _preset_like_tables(tree):
            tables[str(path.relative_to(ROOT))] = lines
        if used := sorted(_names_used(tree) & RISK_INTERNALS):
            internals[str(path.relative_to(ROOT))] = used
    assert not tables, f"preset weight tables in vigia/ (use risk.presets.group_shares): {tables}"
    assert not internals, f"vigia/ reaches into the risk model's tables (call risk.presets/risk.classes): {internals}"


def test_commands_share_one_module_for_exit_codes_and_problems() -> None:
    """Exit codes are defined once (``vigia.cli_output``); no command imports ``vigia.cli`` back."""
    for module, path in MODULES.items():
        if not module.startswith("vigia.commands."):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign | ast.AnnAssign)
                   for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                   for target in ast.walk(target) if isinstance(target, ast.Name)}
        assert not {n for n in defined if n.startswith("EXIT_")}, f"{module} defines its own exit codes"
        assert "vigia.cli" not in project_imports(module), f"{module} imports vigia.cli, which imports it"
        assert "vigia.cli_output" in project_imports(module), f"{module} must use vigia.cli_output"
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


def _string_constants(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def test_only_the_scores_contract_names_the_scores_layers() -> None:
    """The scores file is described once (geodata/scores_file.py): nobody else spells its layer names."""
    from geodata import scores_file

    names = {scores_file.AREA_LAYER, scores_file.CROSSING_LAYER, scores_file.DRAWS_LAYER,
             scores_file.CROSSING_DRAWS_LAYER, scores_file.METADATA_LAYER}
    owner = ROOT / "geodata" / "scores_file.py"
    files = [f for package in ("geodata", "risk", "planner", "vigia", "benchmarks")
             for f in sorted((ROOT / package).rglob("*.py")) if f != owner]
    offenders = {str(f.relative_to(ROOT)): sorted(_string_constants(f) & names) for f in files}
    offenders = {k: v for k, v in offenders.items() if v}
    assert not offenders, f"import the layer names from geodata.scores_file instead: {offenders}"
