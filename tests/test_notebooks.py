"""The methodology notebooks run from top to bottom on the demo data, in the project's venv."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_the_python3_kernel_is_this_interpreter() -> None:
    """jupyter_client swaps the kernelspec's bare ``python`` for ``sys.executable`` (the venv)."""
    from jupyter_client.kernelspec import KernelSpecManager

    argv = KernelSpecManager().get_kernel_spec("python3").argv
    assert argv[0] in {"python", "python3", sys.executable}, argv


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_executes_without_errors(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fewer Monte Carlo draws and permutations (the kernel inherits the environment): same code path."""
    monkeypatch.setenv("VIGIA_RISK_DRAWS", "200")
    monkeypatch.setenv("VIGIA_RISK_PERMUTATIONS", "99")
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, kernel_name="python3", timeout=120,
                            resources={"metadata": {"path": str(ROOT)}})
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 6, "every step shows its plot"


def test_the_methodology_notebook_exists() -> None:
    assert ROOT / "notebooks" / "risk_methodology.ipynb" in NOTEBOOKS
