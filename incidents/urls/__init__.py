"""Incident routes, one module per mount point: public.py (namespace ``incidents``, /<lang>/), editor.py
(``workflow``, /<lang>/desk/incidents/) and data.py (``data``: exports, feeds, API; never under a language prefix)."""
