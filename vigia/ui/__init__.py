"""The Streamlit UI behind ``app.py``, grouped by page.

Each page keeps its files together in one sub-package: ``risk_map/``, ``inspections/``,
``border/``, ``what_if/``, ``data/``, ``admin/``, ``about/``, each with its ``page.py``
(the script ``app.py`` registers) and the panels, maps and downloads only that page uses.
What several pages share stays here at the top: sign-in and roles (``access``,
``sign_in``, ``cookies``), the page frame (``chrome``), the dataset in use (``state``,
``stored_datasets``), offline maps (``maps``, ``map_views``, ``offline``), display
tables (``summaries``, ``privacy``), saved work (``saved_work``), choices kept in the
address (``url_choices``) and every text (``i18n``, ``texts/``). Pages only orchestrate:
they read state, call a model or a stored result, and draw.
"""
