"""The user guide: every chapter in both languages, its pictures present, its words the app's words.

A guide that names a button the app no longer has is worse than none: each chapter must
contain, in its language, the labels of the pages, views, buttons and downloads it explains,
taken from the app's own text table, so renaming one in the app fails here until the guide
follows. The pictures are taken from the running app by ``tests/test_guide_screenshots.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from vigia.ui import state
from vigia.ui.about import guide
from vigia.ui.i18n import LANG_KEY, t

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("es", "en")
PICTURE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")

#: chapter -> text keys whose words the chapter must use (in its language).
WORDS = {
    "index": ["nav.risk_map", "nav.inspections", "nav.border", "nav.what_if", "nav.data", "auth.sign_out",
              "role.planner", "role.inspection_chief", "role.border_police", "role.admin"],
    "planner": ["riskview.score", "riskview.interval", "riskview.hotspot", "riskview.emerging", "riskview.gap",
                "riskmap.metric_interval", "riskmap.download_gpkg", "riskmap.download_csv",
                "riskmap.download_xlsx", "riskmap.download_html", "riskmap.save_run", "riskmap.agg.geometric",
                "riskmap.preset.forced_labour", "whatif.run", "whatif.result_header"],
    "inspection_chief": ["inspections.offices_pick", "inspections.run", "inspections.map_header",
                         "inspections.kpi_header", "inspections.col.lock", "inspections.col.drop",
                         "inspections.replan", "inspections.undo_replan", "inspections.download_pdf",
                         "inspections.download_ics", "inspections.download_xlsx", "inspections.download_csv",
                         "inspections.download_geojson", "learning.learn"],
    "border_police": ["borderrisk.ranking_header", "border.migration_header", "border.police_header",
                      "patrols.units_header", "patrols.plan_button", "patrols.grid_header", "patrols.map_header",
                      "patrols.compare_header", "patrols.draw_another", "patrols.pin_header", "patrols.pin_button",
                      "patrols.download_pdf", "patrols.download_ics", "patrols.download_xlsx",
                      "patrols.download_csv", "patrols.download_units"],
    "admin": ["admin.add_header", "admin.audit_header", "admin.audit_download", "nav.data"],
}


def _text(lang: str, chapter: str) -> str:
    return guide.chapter_path(lang, chapter).read_text(encoding="utf-8")


def _images(node: object) -> int:
    """Pictures (``st.image``) anywhere below ``node`` of an AppTest tree."""
    children = getattr(node, "children", None) or {}
    return sum((type(child).__name__ == "Image") + _images(child) for child in children.values())


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split()).lower()


def test_every_chapter_exists_in_both_languages_with_the_same_pictures() -> None:
    assert set(WORDS) == set(guide.CHAPTERS), "one chapter per role plus the contents"
    for chapter in guide.CHAPTERS:
        pictures = {lang: PICTURE.findall(_text(lang, chapter)) for lang in LANGS}
        assert pictures["es"] == pictures["en"], f"{chapter}: the Spanish and English chapters show other pictures"
        for source in pictures["es"]:
            assert (guide.chapter_path("es", chapter).parent / source).resolve().is_file(), f"{chapter}: {source}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chapter", list(WORDS))
def test_the_guide_uses_the_apps_words(chapter: str, lang: str) -> None:
    text = " ".join(_text(lang, chapter).split()).lower()
    # as the guide shows a label: in bold, as a heading, or alone in a table cell (a word inside a sentence
    # does not count)
    missing = [key for key in WORDS[chapter]
               if not any(form.format(_plain(t(key, lang))) in text for form in ("**{}**", "| {} |", "# {}"))]
    assert not missing, (f"docs/guide/{lang}/{chapter}.md does not name {[t(k, lang) for k in missing]} "
                         "(in bold or as a table cell) as the app now calls them: update the guide")


def test_readme_links_the_guide() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/guide/es/index.md" in readme and "docs/guide/en/index.md" in readme


def test_pictures_and_chapter_links_are_split_for_the_app() -> None:
    base = guide.chapter_path("es", "planner").parent
    parts = guide.blocks("Intro [planner.md](planner.md)\n![Mapa](../../img/risk_map.png)\nFin", base)
    assert parts == ["Intro planner.md", ((base / "../../img/risk_map.png").resolve(), "Mapa"), "Fin"]


@pytest.mark.parametrize("lang", LANGS)
def test_about_page_shows_the_chapter_with_its_picture(lang: str, demo_gpkg: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(state.ENV_DATASET, str(demo_gpkg))
    monkeypatch.setenv(state.ENV_DATA_DIR, str(tmp_path / "data"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("vigia/ui/about/page.py").run()
    if lang != "es":
        at.radio(key=LANG_KEY).set_value(lang).run()
    assert not at.exception, [e.message for e in at.exception]
    picker = at.selectbox(key="about_guide_chapter")
    assert picker.value == "index", "open demo mode starts at the contents"
    picker.select_index(guide.CHAPTERS.index("border_police")).run()  # labels are translated
    shown = " ".join(m.value for m in at.markdown)
    first_line = _text(lang, "border_police").splitlines()[0]
    assert first_line in shown, f"the chapter's title {first_line!r} is not on the About page"
    assert _images(at.main) == 1, "the chapter's picture is shown"
