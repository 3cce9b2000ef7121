"""Recolour the Risk map's areas in place, so a weight change never resends their shapes.

The map frame (streamlit-folium) is rebuilt only when its base script changes. The
area shapes therefore live in the base, with no score in them; what a rerun changes
(colour and tooltip text per area) travels as a small table in a feature group that
the frame swaps, and :class:`AreaStyles` writes it into the shapes already drawn.
Both halves meet through one name in the frame's window, :data:`LAYER_VAR`.
"""

from __future__ import annotations

from collections.abc import Mapping

from branca.element import MacroElement
from jinja2 import Template

#: The frame's global holding the areas' Leaflet layer (one Risk map per frame).
LAYER_VAR = "vigiaRiskAreas"


class AreaLayer(MacroElement):
    """Child of the areas' ``folium.GeoJson``: names the layer and styles each area from its
    ``fill`` property, so Leaflet's reset after a hover restores the current colour."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var layer = {{ this._parent.get_name() }};
            var style = {{ this.style|tojson }};
            layer.options.style = function(feature) {
                return Object.assign({}, style, {fillColor: feature.properties.fill || {{ this.no_data|tojson }}});
            };
            window.{{ this.var }} = layer;
        })();
        {% endmacro %}
        """
    )

    def __init__(self, style: Mapping[str, object], no_data: str) -> None:
        super().__init__()
        self._name = "AreaLayer"
        self.style = dict(style)
        self.no_data = no_data
        self.var = LAYER_VAR


class AreaStyles(MacroElement):
    """Child of a feature group: when the group joins the map, each area (by ``area_id``)
    takes these properties (colour, tooltip texts) and is redrawn."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var group = {{ this._parent.get_name() }};
            var values = {{ this.values|tojson }};
            function paint() {
                var layer = window.{{ this.var }};
                if (!layer) { return; }
                layer.eachLayer(function(area) {
                    var own = values[area.feature.properties.area_id];
                    if (own) { Object.assign(area.feature.properties, own); }
                });
                layer.setStyle(layer.options.style);
            }
            group.on("add", paint);
            if (group._map) { paint(); }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, values: Mapping[str, Mapping[str, str]]) -> None:
        super().__init__()
        self._name = "AreaStyles"
        self.values = {area: dict(props) for area, props in values.items()}
        self.var = LAYER_VAR
