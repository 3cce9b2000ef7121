"""The server's share of the Risk map's latency: script runs with no browser (Streamlit AppTest).

Run by hand: ``python benchmarks/app_server_latency.py``. Writes the demo to a throw-away
folder, runs the app once so the per-dataset work is cached (as on a warm server), then
times, median of 5 each:

- ``new_session_s``: a new session's first run of the Risk map (a new tab, less the browser);
- ``weight_rerun_s``: the rerun after one weight slider moves (a new weighting each time);
- ``preset_rerun_s``: the rerun after another preset is chosen;
- ``map_s``: building the Risk map and handing it to streamlit-folium (part of each rerun).

``app_latency.py`` measures the same changes as a user sees them in Chromium; the
difference is the browser's share. The machine's load average is printed with the
figures. Last line: ``RESULT new_session_s=... weight_rerun_s=... preset_rerun_s=... map_s=...``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geodata.demo import write_demo  # noqa: E402

REPEAT = 5
PRESETS = ("forced_labour", "sexual_exploitation", "migration", "balanced", "forced_labour")
TIMEOUT_S = 600


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def show(name: str, times: list[float]) -> float:
    median = statistics.median(times)
    print(f"{name}: median {median:.2f} s  ({', '.join(f'{x:.2f}' for x in times)})  load {load()}")
    return median


def timed_run(app: object) -> float:
    started = time.perf_counter()
    app.run()  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - started
    if app.exception:  # type: ignore[attr-defined]
        sys.exit(f"the page failed: {[e.message for e in app.exception]}")  # type: ignore[attr-defined]
    return elapsed


def map_times(dataset_path: Path) -> list[float]:
    """``area_map`` plus what ``st_folium`` does before the browser gets the map (no component call)."""
    import streamlit_folium

    from geodata.load import load_dataset
    from risk import pipeline
    from vigia.ui.risk_map import risk_maps

    dataset = load_dataset(dataset_path)
    config = pipeline.ScoreConfig()
    scores = pipeline.recompose(pipeline.prepare(dataset, config), config)
    streamlit_folium._component_func = lambda **kwargs: None  # what the browser would get: dropped
    times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        risk_maps.show_clickable(risk_maps.area_map(dataset, scores.area_scores, "score", False, key="bench"), key="m")
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    from streamlit.testing.v1 import AppTest

    warnings.filterwarnings("ignore")
    print(f"load average at start: {load()}")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["VIGIA_DATASET"] = str(write_demo(Path(folder) / "demo.gpkg"))
        os.environ["VIGIA_DATA_DIR"] = str(Path(folder) / "data")
        app_file = str(ROOT / "app.py")
        warm = time.perf_counter()
        AppTest.from_file(app_file, default_timeout=TIMEOUT_S).run()
        print(f"first run on a cold process: {time.perf_counter() - warm:.2f} s")
        session_s = show("new session, first run", [timed_run(AppTest.from_file(app_file, default_timeout=TIMEOUT_S))
                                                     for _ in range(REPEAT)])
        app = AppTest.from_file(app_file, default_timeout=TIMEOUT_S)
        app.run()
        weights = []
        for i in range(REPEAT):
            app.sidebar.slider[i % len(app.sidebar.slider)].set_value(0)
            weights.append(timed_run(app))
        weight_s = show("weight change, rerun", weights)
        presets = []
        for preset in PRESETS:
            app.selectbox(key="risk_preset").set_value(preset)
            presets.append(timed_run(app))
        preset_s = show("preset change, rerun", presets)
        map_s = show("Risk map built and handed to streamlit-folium", map_times(Path(os.environ["VIGIA_DATASET"])))
    print(f"RESULT new_session_s={session_s:.2f} weight_rerun_s={weight_s:.2f} preset_rerun_s={preset_s:.2f} "
          f"map_s={map_s:.2f}")


if __name__ == "__main__":
    main()
