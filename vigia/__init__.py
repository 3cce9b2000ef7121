"""Orchestration layer: the ``vigia`` command line and the Streamlit UI helpers.

Only this package (and ``app.py``) may import ``geodata``, ``risk`` and ``planner``
together. No modelling logic lives here.
"""
