"""The user guide (``docs/guide/<lang>/<chapter>.md``) rendered inside the app, so it reads offline.

The guide is plain Markdown that also reads on a file share or a repository page; here it is
split into text and pictures, because Streamlit's Markdown cannot show a picture from a
relative path: a line ``![caption](../../img/x.png)`` becomes ``st.image``. Links to other
chapters (``[planner.md](planner.md)``) keep their words only: the chapter picker replaces them.
"""

from __future__ import annotations

import re
from pathlib import Path

import streamlit as st

from vigia.ui.i18n import t
from vigia.workspace.roles import Role

#: The guide's folder in the repository (one sub-folder per language).
GUIDE_DIR = Path(__file__).resolve().parents[3] / "docs" / "guide"
#: Chapters in menu order: the contents, then one per role (file names are the role codes).
CHAPTERS: tuple[str, ...] = ("index", *(role.value for role in Role))

_IMAGE = re.compile(r"^!\[(?P<caption>[^\]]*)\]\((?P<src>[^)\s]+)\)\s*$")
_CHAPTER_LINK = re.compile(r"\[(?P<words>[^\]]+)\]\((?P<target>[\w.-]+\.md)\)")


def chapter_path(lang: str, chapter: str) -> Path:
    """The Markdown file of ``chapter`` in ``lang``."""
    return GUIDE_DIR / lang / f"{chapter}.md"


def blocks(text: str, base: Path) -> list[str | tuple[Path, str]]:
    """``text`` as Markdown pieces and ``(picture file, caption)`` pairs, in reading order."""
    out: list[str | tuple[Path, str]] = []
    lines: list[str] = []
    for line in text.splitlines():
        match = _IMAGE.match(line.strip())
        if match is None:
            lines.append(_CHAPTER_LINK.sub(r"\g<words>", line))
            continue
        if "".join(lines).strip():
            out.append("\n".join(lines))
        lines = []
        out.append(((base / match["src"]).resolve(), match["caption"]))
    if "".join(lines).strip():
        out.append("\n".join(lines))
    return out


def chapter_label(chapter: str) -> str:
    return t("about.guide_contents") if chapter == "index" else t(f"role.{chapter}")


def render(lang: str, chapter: str) -> None:
    """Show one chapter; a missing picture is named instead of breaking the page."""
    path = chapter_path(lang, chapter)
    if not path.exists():
        st.warning(t("about.guide_missing", path=str(path)))
        return
    for block in blocks(path.read_text(encoding="utf-8"), path.parent):
        if isinstance(block, str):
            st.markdown(block)
        elif block[0].exists():
            st.image(str(block[0]), caption=block[1])
        else:
            st.caption(f"[{block[1]}]")
