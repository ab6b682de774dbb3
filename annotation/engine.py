"""Django side of the suggestion engine: one tagger per process, fed with the Entity table."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from annotation.nlp import LexiconEntry, Tagger, TagResult
from annotation.nlp import model as crf_model

log = logging.getLogger("marsad.engine")
_lock = threading.Lock()
_cache: dict[str, Tagger] = {}
# Other processes (web workers, the task worker) edit entities and train models too: every few seconds
# the cached tagger compares a cheap fingerprint of the knowledge base and the model pointer.
RECHECK_SECONDS = 5.0
_state = {"fingerprint": None, "checked_at": 0.0}


def model_dir() -> Path:
    """Where trained CRF models live: MARSAD_DATA_DIR/models (BASE_DIR/var/models by default)."""
    base = getattr(settings, "MARSAD_DATA_DIR", None) or Path(settings.BASE_DIR) / "var"
    return Path(base) / "models"


def knowledge_base_entries() -> list[LexiconEntry]:
    """Canonical names and aliases of every Entity that is not merged into another."""
    from annotation.models import Entity

    entries = []
    try:
        rows = list(Entity.objects.filter(merged_into__isnull=True).values_list("id", "name_ar", "type", "aliases"))
    except DatabaseError:  # no database yet (a fresh checkout before migrate): the built-in lexicons still work
        log.warning("knowledge base unavailable; tagging with built-in lexicons only")
        return []
    for pk, name, label, aliases in rows:
        for surface in [name, *(aliases or [])]:
            if surface and str(surface).strip():
                entries.append(LexiconEntry(str(surface).strip(), label, f"entity:{pk}"))
    return entries


def _fingerprint():
    from django.db.models import Count, Max

    from annotation.models import Entity

    try:
        kb = Entity.objects.aggregate(n=Count("id"), last=Max("updated_at"))
    except DatabaseError:
        kb = {}
    pointer = model_dir() / "current"
    model_mtime = pointer.stat().st_mtime if pointer.exists() else None
    return (kb.get("n"), kb.get("last"), model_mtime)


def _refresh_if_changed():
    now = time.monotonic()
    if now - _state["checked_at"] < RECHECK_SECONDS:
        return
    _state["checked_at"] = now
    current = _fingerprint()
    previous, _state["fingerprint"] = _state["fingerprint"], current
    if previous is not None and previous != current:
        invalidate(model_changed=previous[2] != current[2])


def get_engine(with_knowledge_base: bool = True) -> Tagger:
    """The process-wide tagger, rebuilt when entities or the trained model changed (checked every few seconds)."""
    _refresh_if_changed()
    key = "kb" if with_knowledge_base else "plain"
    tagger = _cache.get(key)
    if tagger is None:
        with _lock:
            tagger = _cache.get(key)
            if tagger is None:
                base = _cache.get("plain") or Tagger(crf=crf_model.load_current(model_dir()))
                _cache["plain"] = base
                tagger = base.with_entries(knowledge_base_entries()) if with_knowledge_base else base
                _cache[key] = tagger
    return tagger


def invalidate(model_changed: bool = False) -> None:
    """Forget the cached tagger so the next suggestion sees new entities (and a new model if said so)."""
    with _lock:
        _cache.pop("kb", None)
        if model_changed:
            _cache.pop("plain", None)


def suggest(text: str, published: dt.date | dt.datetime | None = None) -> TagResult:
    """Entity and incident suggestions for an article body."""
    return get_engine().tag(text, published)
