"""The Data page's upload step: validate what the user gave, switch only if valid.

Kept free of Streamlit widgets so the rule "a broken upload never replaces the
dataset in use" is tested directly: :func:`process_upload` gets file names and
bytes plus the session mapping and changes the session only on success.
"""

from __future__ import annotations

import re
import tempfile
from collections import Counter
from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from geodata import load as geodata_load
from geodata.dataset import Dataset, write_dataset
from geodata.problems import Problem, Severity
from vigia.ui import state


@dataclass(frozen=True)
class UploadOutcome:
    """What happened to one upload.

    ``saved_to`` is the new dataset file when it validated (and is now the
    session's dataset); ``kept`` is the dataset still in use when it did not.
    """

    accepted: bool
    files: tuple[str, ...]
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    saved_to: Path | None = None
    kept: Path | None = None

    def counts(self) -> dict[str, int]:
        """Problems per severity, every severity present (zeros included)."""
        found = Counter(p.severity.value for p in self.problems)
        return {s.value: found.get(s.value, 0) for s in Severity}


def _safe_name(name: str) -> str:
    """The base name of an uploaded file, stripped of any folder a browser sent ('' when there is none)."""
    base = Path(name.replace("\\", "/")).name.strip()
    return "" if base in {"", ".", ".."} else base


def _name_problems(originals: Sequence[str], names: Sequence[str]) -> list[Problem]:
    """Names that cannot be written side by side: no file name at all, or two files with one name."""
    problems = [Problem(original or "(no name)", None, None, None,
                        f"'{original}' is not a file name, so the file cannot be read",
                        "rename the file after its layer (e.g. cases.csv) and upload it again")
                for original, name in zip(originals, names) if not name]
    counts = Counter(n.lower() for n in names if n)
    for lowered, count in counts.items():
        if count > 1:
            same = [o for o, n in zip(originals, names) if n.lower() == lowered]
            problems.append(Problem(", ".join(same), None, None, None,
                                    f"{count} uploaded files have the same name '{lowered}'; one would overwrite "
                                    "the other", "upload one file per name (rename or leave out the others)"))
    return problems


def _as_uploaded(problems: Sequence[Problem], folder: Path, names: Sequence[str]) -> tuple[Problem, ...]:
    """Problems naming the files the user uploaded, never the server's temporary folder they were checked in."""
    shown = ", ".join(names)

    def clean(text: str) -> str:
        return text.replace(str(folder) + "/", "").replace(str(folder), shown).replace(folder.name, shown)

    return tuple(replace(p, file=clean(p.file), message=clean(p.message), hint=clean(p.hint)) for p in problems)


def _dataset_name(files: Sequence[str]) -> str:
    """A readable file stem for the saved dataset: the GeoPackage's stem or ``upload``."""
    packages = [Path(f).stem for f in files if f.lower().endswith(".gpkg")]
    stem = packages[0] if len(packages) == 1 else "upload"
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-") or "upload"
    return f"{stem}-{datetime.now():%Y%m%d-%H%M%S}"


def _input_path(folder: Path, names: Sequence[str]) -> Path:
    """One GeoPackage is checked as a dataset file; anything else as a folder of layers."""
    if len(names) == 1 and names[0].lower().endswith(".gpkg"):
        return folder / names[0]
    return folder


def process_upload(
    files: Sequence[tuple[str, bytes]],
    session: MutableMapping[Any, Any],
    target_dir: Path | None = None,
) -> UploadOutcome:
    """Check the uploaded files; if valid, save them as one dataset and switch to it.

    ``files`` are ``(original name, content)`` pairs. They are written under
    their original names into a temporary folder (loaders recognise layers by
    file name), checked with :func:`geodata.load.check_dataset`, and on success
    written with :func:`write_dataset` into ``target_dir`` (default: the
    uploads folder of the data dir). On failure the session is untouched.
    """
    names = [_safe_name(name) for name, _ in files]
    current = state.current_dataset_path(session)
    if not files:
        return UploadOutcome(accepted=False, files=(), kept=current)
    refused = _name_problems([name for name, _ in files], names)
    if refused:
        return UploadOutcome(accepted=False, files=tuple(n or o for n, (o, _) in zip(names, files)),
                             problems=tuple(refused), kept=current)
    with tempfile.TemporaryDirectory(prefix="vigia-upload-") as tmp:
        folder = Path(tmp)
        for name, (_, content) in zip(names, files):
            (folder / name).write_bytes(content)
        report = geodata_load.check_dataset(_input_path(folder, names))
    problems = _as_uploaded(report.problems, folder, names)
    if not report.ok or report.dataset is None:
        return UploadOutcome(accepted=False, files=tuple(names), problems=problems, kept=current)
    about = dict(report.dataset.about)
    about.setdefault("title", _dataset_name(names).rsplit("-", 2)[0])
    about["uploaded_files"] = ", ".join(names)
    about["uploaded_at"] = datetime.now().isoformat(timespec="seconds")
    dataset = Dataset(layers=report.dataset.layers, about=about, source=", ".join(names))
    saved = write_dataset(dataset, (target_dir or state.uploads_dir()) / f"{_dataset_name(names)}.gpkg")
    state.use_dataset(session, saved)
    return UploadOutcome(accepted=True, files=tuple(names), problems=problems, saved_to=saved)
