"""The suggestion engine: Arabic text in, labelled spans and draft incidents out.

Plain Python; nothing here imports Django.
"""

from annotation.nlp.pipeline import Tagger, get_tagger
from annotation.nlp.types import LABELS, Casualty, IncidentDraft, LexiconEntry, Span, TagResult

__all__ = ["LABELS", "Casualty", "IncidentDraft", "LexiconEntry", "Span", "TagResult", "Tagger", "get_tagger"]
