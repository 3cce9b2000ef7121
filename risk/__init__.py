"""Risk scoring (indicators, scores, uncertainty, hotspots). Built on ``geodata``.

Not built yet: the app's Risk map page says so. Never imports ``planner``.
"""
