"""Maps render with no internet: Leaflet inlined, no CDN links, light GeoJSON, HTML legends."""

from __future__ import annotations

import base64
import re
import time
from pathlib import Path

import folium
import geopandas as gpd
import pytest
import streamlit_folium
from shapely.geometry import Point, Polygon

from vigia.ui import maps
from vigia.ui.maps import LegendItem, OfflineMap, PointStyle
from vigia.ui.offline import leaflet_css_uri, leaflet_dir, leaflet_js_uri

_HTTP_ASSET = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)=[\"']?(?:https?:)?//", re.IGNORECASE)


def _decode(uri: str) -> str:
    header, payload = uri.split(",", 1)
    assert header.endswith(";base64")
    return base64.b64decode(payload).decode("utf-8")


def _wiggly_polygon(n: int = 400) -> Polygon:
    """A 400-vertex ring with coordinates at full float precision."""
    import math

    ring = [(-65 + 0.5 * math.cos(2 * math.pi * i / n) + 1e-7 * i, -17 + 0.5 * math.sin(2 * math.pi * i / n))
            for i in range(n)]
    return Polygon(ring)


def _sample_map() -> OfflineMap:
    fmap = OfflineMap()
    areas = gpd.GeoDataFrame({"name": ["A"]}, geometry=[_wiggly_polygon()], crs="EPSG:4326")
    maps.add_polygons(fmap, areas, name="areas", class_name=maps.AREA_CLASS, tooltip={"name": "Nombre"})
    points = gpd.GeoDataFrame({"name": ["X"], "kind": ["official"]}, geometry=[Point(-69.04, -16.56)], crs="EPSG:4326")
    maps.add_points(fmap, points, name="x", class_name=maps.CROSSING_CLASS, style=PointStyle("#000", "#fff"),
                    tooltip={"name": "Paso"})
    maps.add_labels(fmap, [(-16.5, -68.1, "La Paz <b>")])
    maps.add_legend(fmap, "Cobertura · áreas de demostración", [LegendItem("Paso oficial", "#000", "circle")])
    return fmap


def test_leaflet_is_inlined_from_the_installed_package() -> None:
    js = _decode(leaflet_js_uri())
    assert "Leaflet 1.9" in js[:500] and len(js) > 100_000
    css = _decode(leaflet_css_uri())
    assert ".leaflet-container" in css
    assert "url(images/" not in css and "data:image/png;base64," in css
    assert (leaflet_dir() / "leaflet.js").is_file()


def test_offline_map_html_has_no_web_script_or_stylesheet() -> None:
    fmap = _sample_map()
    html = fmap.get_root().render()
    assert not _HTTP_ASSET.search(html), _HTTP_ASSET.search(html)
    assert "data:text/javascript;base64," in html
    assert "jquery" not in html.lower() and "bootstrap" not in html.lower()
    assert maps.external_links(fmap) == []
    assert "tile.openstreetmap.org" not in html, "web tiles must be off by default"


def test_streamlit_folium_loads_leaflet_from_the_apps_own_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """What st_folium hands the browser component: Leaflet as files of the app's own server (a
    sibling of the component's folder, found in the installed package), never a web address."""
    captured: dict = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: captured.update(kwargs))
    maps.show(_sample_map(), key="t")
    links = captured["js_links"] + captured["css_links"]
    assert [link.rsplit("/", 1)[-1] for link in links] == ["leaflet.js", "leaflet.css"], links
    for link in links:
        folder, name = link.removeprefix("../").split("/")
        assert link.startswith("../") and folder.endswith(".leaflet"), link  # component/<folder>/<name>
        assert (leaflet_dir() / name).is_file()
    assert not _HTTP_ASSET.search(captured["header"])
    assert "base64" not in captured["script"], "no inline copy of Leaflet re-sent with every rerun"
    assert captured["returned_objects"] == []


def test_a_branca_colormap_would_be_reported_as_external() -> None:
    """streamlit-folium fetches d3 from a CDN for colormaps; the check must notice one."""
    import branca.colormap

    fmap = OfflineMap()
    branca.colormap.LinearColormap(["#ffffff", "#000000"]).add_to(fmap)
    assert maps.external_links(fmap)


def test_online_tiles_only_when_asked() -> None:
    html = OfflineMap(online_tiles=True, tiles_attribution="&copy; OSM").get_root().render()
    assert "tile.openstreetmap.org" in html


def test_display_frame_simplifies_and_rounds() -> None:
    frame = gpd.GeoDataFrame({"name": ["A"], "secret": ["x"]}, geometry=[_wiggly_polygon()], crs="EPSG:4326")
    shown = maps.display_frame(frame, ["name"])
    assert list(shown.columns) == ["name", "geometry"], "only the requested columns leave for the browser"
    coords = list(shown.geometry.iloc[0].exterior.coords)
    assert len(coords) < 200, f"not simplified: {len(coords)} vertices"
    assert all(round(x, 3) == x and round(y, 3) == y for x, y in coords)


def test_neighbours_keep_one_shared_border_when_simplified() -> None:
    """Municipalities tile the map: simplified one by one, their wiggly common border would
    become two lines with slivers of overlap and gaps between them."""
    import numpy as np
    import shapely

    ys = np.linspace(-17.0, -16.0, 400)
    border = [(-65.0 + 0.03 * np.sin(40 * y) + 0.004 * np.sin(900 * y), y) for y in ys]
    west = shapely.Polygon([(-66.0, -17.0), *border, (-66.0, -16.0)])
    east = shapely.Polygon([(-64.0, -17.0), *border, (-64.0, -16.0)])
    frame = gpd.GeoDataFrame({"name": ["W", "E"]}, geometry=[west, east], crs="EPSG:4326")
    shown = maps.display_frame(frame, ["name"]).geometry
    assert shapely.get_num_coordinates(shown.values).sum() < 0.5 * 2 * len(border), "not simplified"
    assert shown.iloc[0].intersection(shown.iloc[1]).area < 1e-9, "the two areas overlap"
    union = shapely.union_all(shown.values)
    assert union.geom_type == "Polygon" and not union.interiors, "a gap opened between the two areas"


def test_features_carry_css_classes_and_escaped_labels() -> None:
    html = _sample_map().get_root().render()
    assert f'"className": "{maps.AREA_CLASS}"' in html
    assert f'"className": "{maps.CROSSING_CLASS}"' in html
    # label text is HTML-escaped, then JSON-escaped into the script
    assert "La Paz \\u0026lt;b\\u0026gt;" in html and "La Paz <b>" not in html


def test_legend_is_html_with_its_title_and_items() -> None:
    text = maps.legend_html("Cobertura · áreas de demostración",
                            [LegendItem("Paso oficial", "#3f007d", "circle", "#6a51a3"),
                             LegendItem("Límite", "#333", "line")])
    assert text.startswith("<b>Cobertura · áreas de demostración</b>")
    assert "Paso oficial" in text and "border-radius" not in text  # shape via CSS class
    assert 'class="sw circle"' in text and 'class="sw line"' in text


def test_demo_risk_map_stays_small(demo_gpkg: Path) -> None:
    """The whole risk map (areas, departments, basemap, crossings) as sent to the browser."""
    from geodata.load import load_dataset
    from vigia.ui import map_views

    dataset = load_dataset(demo_gpkg)
    fmap = map_views.risk_overview(dataset, online=False)
    fmap.get_root().render()  # as st_folium does before taking the script
    script = streamlit_folium._get_map_string(fmap)
    assert script.count(maps.AREA_CLASS) >= 1
    assert len(script) < 1_500_000, f"map script is {len(script) / 1e6:.1f} MB"
    assert isinstance(fmap, folium.Map) and maps.external_links(fmap) == []


def test_a_tabs_first_map_run_pauses_once_so_the_map_is_drawn_first(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run of a map page in a browser session waits (spinner showing) after the map;
    later runs of the same session (a weight change, a click) never do."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setattr(maps, "MAP_FIRST_PAUSE_S", 1.0)

    def page() -> None:
        import streamlit as st

        from vigia.ui import maps

        maps.let_map_paint("m", "busy")
        st.write("below the map")

    app = AppTest.from_function(page, default_timeout=30)
    started = time.perf_counter()
    app.run()
    first = time.perf_counter() - started
    started = time.perf_counter()
    app.run()
    second = time.perf_counter() - started
    assert [m.value for m in app.markdown] == ["below the map"]
    assert first >= 1.0 > second, (first, second)
