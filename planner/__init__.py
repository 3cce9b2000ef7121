"""Inspection routing and border-patrol scheduling (OR-Tools). Built on ``geodata``.

Not built yet: the app's Inspections and Border pages say so. Never imports ``risk``;
scores arrive as data columns.
"""
