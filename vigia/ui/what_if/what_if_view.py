"""What-if page parts: the question, the run, today's and the proposed coverage side by side,
the ranked table, downloads, and scenarios saved in the workspace (versioned, audited)."""

from __future__ import annotations

import math
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st

from geodata.dataset import Dataset
from geodata.problems import DataError
from planner.coverage.candidates import Candidate, read_candidates
from planner.coverage.model import Question
from planner.coverage.report import FORMATS, export_bytes
from planner.export_texts import word
from planner.what_if import REPORT_COLUMNS, WhatIf, from_frame
from vigia import what_if_runs
from vigia.ui import chrome, map_views, maps, saved_work
from vigia.ui.i18n import current_language, fmt_dec, fmt_pct, t
from vigia.workspace import ItemRecord

KIND = "what_if"
#: Session keys: the result on screen, and the saved scenario it is (for new versions).
RESULT_KEY = "whatif_result"
SAVED_ID_KEY = "whatif_saved_id"
QUESTIONS = ("offices", "teams", "move", "checkpoints")
#: Where candidates come from, per target: the default list first, then the user's file.
_SOURCES = {"areas": ("geonames", "file"), "sites": ("geonames", "file"), "crossings": ("crossings", "file")}

#: Coverage classes on the map: (upper bound of the share covered, text key, colour).
_CLASSES = ((0.0, "whatif.deg.none", "#f2f0f7"), (0.5, "whatif.deg.one", "#a1d99b"),
            (0.75, "whatif.deg.two", "#41ab5d"), (1.0, "whatif.deg.more", "#005a32"))
_MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "csv": "text/csv",
          "geojson": "application/geo+json", "html": "text/html"}


@dataclass(frozen=True)
class Ask:
    """What the planner chose on the page."""

    question: Question
    target: str
    candidates: tuple[Candidate, ...] | None
    reach_minutes: float
    time_limit: float
    draws: int
    check: bool


def _candidates(dataset: Dataset, target: str) -> tuple[Candidate, ...] | bool | None:
    """The chosen candidates: None = the default list; False = a file with errors (shown)."""
    from planner.coverage.build import dataset_bbox

    sources = _SOURCES[target]
    source = st.radio(t("whatif.candidates"), sources, format_func=lambda c: t(f"whatif.cand.{c}"),
                      horizontal=True, key="whatif_candidates")
    if source == sources[0]:
        return None
    upload = st.file_uploader(t("whatif.upload"), type=["csv", "xlsx"], key="whatif_upload")
    if upload is None:
        st.info(t("whatif.need_file"))
        return False
    folder = Path(tempfile.mkdtemp(prefix="vigia-whatif-"))
    path = folder / Path(upload.name.replace("\\", "/")).name
    path.write_bytes(upload.getvalue())
    try:
        return tuple(read_candidates(path, dataset_bbox(dataset)))
    except DataError as error:
        st.error(t("whatif.bad_file"))
        st.dataframe(chrome.problems_frame(error.problems), hide_index=True)
        return False


def setup(dataset: Dataset) -> tuple[Ask | None, bool]:
    """The question form; returns what was asked (None when the input is not usable) and the button."""
    kind = st.radio(t("whatif.question"), QUESTIONS, format_func=lambda q: t(f"whatif.q.{q}"), horizontal=True,
                    key="whatif_question")
    target = "crossings" if kind == "checkpoints" else what_if_runs.office_target(dataset)
    c1, c2, c3, c4 = st.columns(4)
    count = int(c1.number_input(t("whatif.how_many"), min_value=1, max_value=50, value=1, key="whatif_count"))
    per_office = int(c2.number_input(t("whatif.teams_per_office"), min_value=1, max_value=10, value=2,
                                     key="whatif_per_office", disabled=kind != "offices"))
    reach = float(c3.number_input(t("whatif.reach_hours"), min_value=0.5, max_value=12.0, step=0.5,
                                  value=2.0 if target == "crossings" else 3.0, key=f"whatif_reach_{target}"))
    limit = float(c4.number_input(t("whatif.time_limit"), min_value=5, max_value=600, value=30, key="whatif_limit"))
    d1, d2 = st.columns(2)
    draws = int(d1.number_input(t("whatif.draws"), min_value=0, max_value=200, value=30, key="whatif_draws"))
    check = d2.checkbox(t("whatif.check"), value=True, key="whatif_check")
    candidates = _candidates(dataset, target) if kind in ("offices", "checkpoints") else None
    question = {"offices": Question(new_sites=count, teams_per_new_site=per_office),
                "teams": Question(add_teams=count), "move": Question(move_teams=count),
                "checkpoints": Question(new_sites=count, teams_per_new_site=1)}[kind]
    pressed = st.button(t("whatif.run"), type="primary", key="whatif_run")
    if candidates is False:
        return None, pressed
    ask = Ask(question, target, candidates if isinstance(candidates, tuple) else None, reach * 60, limit, draws,
              check)
    return ask, pressed


def compute(dataset: Dataset, scores: what_if_runs.WhatIfScores, ask: Ask) -> WhatIf | None:
    """Run the question (spinner while it runs); errors are shown, not raised."""
    from datetime import date, timedelta

    today = date.today()
    start = today + timedelta(days=(7 - today.weekday()) % 7 or 7)
    try:
        with st.spinner(t("whatif.running")):
            return what_if_runs.run(dataset, scores, ask.question, target=ask.target,
                                    candidates=list(ask.candidates) if ask.candidates is not None else None,
                                    reach_minutes=ask.reach_minutes, time_limit=ask.time_limit, draws=ask.draws,
                                    check_start=start if ask.check else None)
    except (DataError, ValueError) as error:
        st.error(t("whatif.failed", reason=str(error)))
        return None


def save(result: WhatIf, replaces: int | None = None) -> ItemRecord:
    """Keep the scenario in the workspace (a re-run of an opened scenario is its next version)."""
    name = f"{result.options[0].kind if result.options else result.target} · " + (
        result.options[0].label[:60] if result.options else "–")
    record = saved_work.save(KIND, name, {"options": result.to_frame()}, result.about(), replaces=replaces)
    st.session_state[SAVED_ID_KEY] = record.id
    return record


def keep(result: WhatIf) -> None:
    """The result on screen, for the dataset in use (another dataset shows none)."""
    from vigia.ui.risk_map import risk_state

    st.session_state[RESULT_KEY] = (str(risk_state.current_path()), result)


def kept() -> WhatIf | None:
    from vigia.ui.risk_map import risk_state

    value = st.session_state.get(RESULT_KEY)
    return value[1] if isinstance(value, tuple) and value[0] == str(risk_state.current_path()) else None


def _open(record: ItemRecord) -> None:
    tables = saved_work.tables(record)
    keep(from_frame(tables["options"].reindex(columns=list(REPORT_COLUMNS)), dict(record.params)))
    st.session_state[SAVED_ID_KEY] = record.id
    st.session_state["whatif_notice"] = t("whatif.reopened", id=record.id, version=record.version,
                                          user=record.created_by)
    st.rerun()


def panel() -> None:
    saved_work.panel(KIND, _open)


def _ranked_table(result: WhatIf, lang: str) -> pd.DataFrame:
    frame = result.to_frame()
    shown = frame[["rank", "option", "kind", "covered_today_pct", "covered_pct", "gain", "gain_pct",
                   "in_best_share", "robustness", "gap_pct", "planner_gain_pct", "lon", "lat"]].copy()
    shown["kind"] = [word(f"wi.kind.{k}", lang) for k in shown["kind"]]
    shown["robustness"] = [word(f"wi.robustness.{r}", lang) for r in shown["robustness"]]
    return shown.rename(columns={c: word(f"wi.{c}", lang) for c in shown.columns})


def _colour(share: float) -> str:
    for upper, _, colour in _CLASSES:
        if share <= upper + 1e-9:
            return colour
    return _CLASSES[-1][2]


def _coverage_map(dataset: Dataset, result: WhatIf, shares: pd.Series, sites: list[tuple[str, float, float, bool]],
                  online: bool) -> maps.OfflineMap:
    fmap = map_views.base_map(dataset, online)
    colours = [_colour(float(s)) for s in shares]
    coverage_label = t("whatif.col.coverage")
    if result.target == "areas":
        areas = gpd.GeoDataFrame(dataset.areas).to_crs(4326)
        frame = areas.assign(area_id=areas["area_id"].astype(str)).set_index("area_id").reindex(shares.index)
        frame = gpd.GeoDataFrame({"name": frame["name"].astype(str), "fill": colours,
                                  "coverage": [fmt_pct(s) for s in shares]},
                                 geometry=frame.geometry.values, crs=4326)
        maps.add_polygons(fmap, frame, name="coverage", fill_column="fill",
                          tooltip={"name": t("whatif.col.name"), "coverage": coverage_label})
    else:
        layer, key = ("crossings", "crossing_id") if result.target == "crossings" else ("sites", "site_id")
        where = gpd.GeoDataFrame(dataset[layer]).to_crs(4326)
        where = where.set_index(where[key].astype(str)).reindex(shares.index)
        frame = gpd.GeoDataFrame({"name": where["name"].astype(str), "fill": colours,
                                  "coverage": [fmt_pct(s) for s in shares]},
                                 geometry=where.geometry.values, crs=4326)
        for colour in dict.fromkeys(colours):
            maps.add_points(fmap, frame[frame["fill"] == colour], name="coverage", class_name="whatif-point",
                            style=maps.PointStyle(color="#333333", fill=colour, radius=5 if layer == "sites" else 7),
                            tooltip={"name": t("whatif.col.name"), "coverage": coverage_label})
    points = gpd.GeoDataFrame({"name": [s[0] for s in sites], "new": ["1" if s[3] else "0" for s in sites]},
                              geometry=gpd.points_from_xy([s[1] for s in sites], [s[2] for s in sites]), crs=4326)
    maps.add_points(fmap, points, name="sites", class_name="whatif-site", style=maps.PointStyle("#1f3b73", "#ffffff"),
                    style_column="new", styles={"1": maps.PointStyle("#b30000", "#ffcc00", radius=9, weight=2.5)},
                    tooltip={"name": t("whatif.col.name")})
    items = [maps.LegendItem(t(key), colour) for _, key, colour in _CLASSES]
    items += [maps.LegendItem(t("whatif.site_today"), "#1f3b73", "circle", "#ffffff"),
              maps.LegendItem(t("whatif.site_new"), "#b30000", "circle", "#ffcc00")]
    maps.add_legend(fmap, t("whatif.legend"), items)
    return fmap


def show(dataset: Dataset, scores: what_if_runs.WhatIfScores, result: WhatIf, online: bool) -> None:
    """Today's coverage, the ranked options, both maps side by side, and the downloads."""
    lang = current_language()
    total = result.total_risk or math.nan
    st.subheader(t("whatif.result_header"))
    st.caption(t("whatif.today", covered=fmt_dec(result.covered_today), total=fmt_dec(result.total_risk),
                 share=fmt_pct(result.covered_today / total, digits=1),
                 hours=fmt_dec(result.reach_minutes / 60, digits=0 if result.reach_minutes % 60 == 0 else 1)))
    st.caption(t("whatif.draws_note", n=result.draws_solved) if result.draws_solved else t("whatif.no_draws"))
    if not result.options:
        st.warning(t("whatif.no_options"))
        return
    chrome.table(_ranked_table(result, lang))
    from planner.coverage.report import rule_text

    st.caption(rule_text(result, lang))
    ranks = [o.rank for o in result.options]
    rank = st.selectbox(t("whatif.map_option"), ranks, key="whatif_map_rank",
                        format_func=lambda r: f"{r}. {result.options[ranks.index(r)].label}")
    shares = what_if_runs.coverage_by_point(dataset, scores, result, int(rank))
    option = result.options[ranks.index(rank)]
    existing = _existing_sites(dataset, result.target)
    gaining = [(c.name, c.lon, c.lat, True) for c in option.changes if c.teams > 0]
    left, right = st.columns(2)
    with left:
        st.markdown(f"**{t('whatif.map_today')}**")
        maps.show(_coverage_map(dataset, result, shares["today"], existing, online), key="whatif_map_today",
                  height=460)
    with right:
        st.markdown(f"**{t('whatif.map_after', rank=rank)}**")
        maps.show(_coverage_map(dataset, result, shares["after"], existing + gaining, online),
                  key="whatif_map_after", height=460)
    st.markdown(f"**{t('whatif.downloads')}**")
    columns = st.columns(len(FORMATS))
    for column, fmt in zip(columns, FORMATS, strict=True):
        name = f"que-pasa-si.{fmt}" if lang == "es" else f"what-if.{fmt}"
        column.download_button(fmt.upper(), export_bytes(result, fmt, lang), file_name=name, mime=_MEDIA[fmt],
                               key=f"whatif_download_{fmt}", on_click=saved_work.record_export(KIND, name))


def _existing_sites(dataset: Dataset, target: str) -> list[tuple[str, float, float, bool]]:
    offices = dataset.get("offices")
    if offices is None:
        return []
    kind = "police" if target == "crossings" else "labour"
    chosen = gpd.GeoDataFrame(offices[offices["kind"].astype(str) == kind]).to_crs(4326)
    return [(str(n), float(p.x), float(p.y), False) for n, p in zip(chosen["name"], chosen.geometry)]
