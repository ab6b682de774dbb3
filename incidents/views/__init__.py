"""Incident views: public pages (public.py) and the editors' incident desk (editor.py)."""
