"""The Streamlit UI helpers behind ``app.py``.

Pages (``vigia.ui.pages``) only orchestrate: they ask ``state`` for the current
dataset, ``summaries`` for display tables, ``maps`` for offline Leaflet maps, and
say everything through ``i18n.t``.
"""
