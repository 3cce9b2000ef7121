"""The Risk map's "where inspectors went" view: the flag stands out, with a plain legend in both languages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from vigia.ui.i18n import t
from vigia.ui.risk_map import risk_maps


def test_effort_view_classes_and_legend() -> None:
    areas = pd.DataFrame({"inspection_visits": [0, 4, 0], "likely_risk_little_inspected": [np.True_, False, False]})
    classed = risk_maps.classify(areas, "effort")
    assert classed.codes == ["little_inspected", "inspected", "not_inspected"]
    assert classed.colours[0] == risk_maps.EFFORT_COLOURS["little_inspected"]
    assert [code for code, _ in classed.legend] == ["little_inspected", "not_inspected", "inspected"]
    without = risk_maps.classify(pd.DataFrame({"score": [1.0, 2.0]}), "effort")
    assert without.codes == ["none", "none"]
    for lang in ("es", "en"):
        assert t("riskclass.effort.little_inspected", lang) and t("riskview.effort.explain", lang)
    assert risk_maps.class_label("effort", "little_inspected") == t("riskclass.effort.little_inspected")
