"""Leaflet served from the installed ``xstatic-leaflet`` package as ``data:`` URIs.

Vigía runs in offices without reliable internet, and a map that fetches its
library from a CDN is a blank rectangle there. Embedding Leaflet (and the images
its stylesheet references) as ``data:`` URIs keeps every map self-contained
without committing third-party JavaScript to the repository.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import xstatic.pkg.leaflet as xleaflet

_IMAGE_URL = re.compile(r"url\((['\"]?)images/([A-Za-z0-9_.-]+)\1\)")


def leaflet_dir() -> Path:
    """Folder holding ``leaflet.js``, ``leaflet.css`` and ``images/``."""
    return Path(xleaflet.BASE_DIR)


def _data_uri(mime: str, payload: bytes) -> str:
    return f"data:{mime};base64,{base64.b64encode(payload).decode('ascii')}"


@lru_cache(maxsize=1)
def leaflet_js_uri() -> str:
    """``leaflet.js`` as a ``data:`` URI (built once per process)."""
    return _data_uri("text/javascript", (leaflet_dir() / "leaflet.js").read_bytes())


@lru_cache(maxsize=1)
def leaflet_css_uri() -> str:
    """``leaflet.css`` as a ``data:`` URI, its ``url(images/...)`` inlined too.

    A ``data:`` stylesheet has no base URL, so relative image links would break;
    inlining them keeps the layer-switcher and marker images working offline.
    """
    css = (leaflet_dir() / "leaflet.css").read_text(encoding="utf-8")
    images = leaflet_dir() / "images"

    def inline(match: re.Match[str]) -> str:
        image = images / match.group(2)
        if not image.is_file():
            return match.group(0)
        return f'url("{_data_uri("image/png", image.read_bytes())}")'

    return _data_uri("text/css", _IMAGE_URL.sub(inline, css).encode("utf-8"))



#: Streamlit serves a declared component's folder under ``component/<module>.<name>/``; Vigía
#: declares one (never drawn) on the installed Leaflet folder, so the app's maps load Leaflet
#: from the app's own server: no internet, and no 200 KB copy re-sent with every rerun.
_LEAFLET_COMPONENT = "leaflet"


def _served_base() -> str:
    """The Leaflet folder's URL relative to a streamlit-folium frame.

    Declaring registers the folder with the running server (a dictionary write, so it is
    done on every call: a call outside a script run registers nothing and must not stick).
    """
    import streamlit.components.v1 as components

    component = components.declare_component(_LEAFLET_COMPONENT, path=str(leaflet_dir()))
    # The frame is ``<app>/component/streamlit_folium.st_folium/index.html``: a sibling folder.
    return f"../{component.name}/"


def served_js() -> str:
    """``leaflet.js`` as served by the app, for maps drawn in a streamlit-folium frame only
    (a downloaded page has no server: it keeps :func:`leaflet_js_uri`)."""
    return _served_base() + "leaflet.js"


def served_css() -> str:
    """``leaflet.css`` as served by the app (its ``images/`` come from the same folder)."""
    return _served_base() + "leaflet.css"
