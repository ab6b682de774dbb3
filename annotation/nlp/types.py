"""Value types the engine returns: spans over the original text and draft incidents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

LABELS = ("PER", "ORG", "LOC", "FAC", "NORP", "DATE", "WEAPON")
ORIGINS = ("rules", "lexicon", "model", "farasa")


@dataclass(frozen=True, init=False)
class Span:
    """A labelled stretch of the original text: ``text == original[start:end]``."""

    start: int
    end: int
    text: str
    label: str
    origin: str
    confidence: float
    entity_key: str | None = None

    def __init__(self, start: int, end: int, text: str, label: str, origin: str, confidence: float, entity_key: str | None = None):
        # the frozen dataclass's own __init__ sets each field through object.__setattr__: a few hundred spans are
        # made per article, and filling the instance dict at once costs a fraction of that
        self.__dict__.update(start=start, end=end, text=text, label=label, origin=origin, confidence=confidence, entity_key=entity_key)


@dataclass(frozen=True)
class LexiconEntry:
    """A surface form the lexicon should recognise, e.g. an Entity's name or alias."""

    surface: str
    label: str
    key: str | None = None


@dataclass
class Casualty:
    category: str  # killed | injured | abducted | arrested
    victim_class: str  # civilians | security_forces | militants | unknown
    min: int
    max: int
    raw: str
    start: int
    end: int


@dataclass
class IncidentDraft:
    """A suggested incident, shaped like FORMAT.md plus the offsets of its evidence."""

    date: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None  # day | week | month | year
    date_text: str | None = None
    country: str | None = None
    location_text: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    killed: int | None = None
    injured: int | None = None
    actor1_text: str | None = None
    actor2_text: str | None = None
    summary_en: str = ""
    background: bool = False
    evidence: list[tuple[int, int]] = field(default_factory=list)
    casualties: list[Casualty] = field(default_factory=list)
    date_span: tuple[int, int] | None = None
    location_span: tuple[int, int] | None = None  # of location_text: a place, or a facility in it
    place_span: tuple[int, int] | None = None  # of the place (LOC) the event is in, to put it on the map
    actor1_span: tuple[int, int] | None = None
    actor2_span: tuple[int, int] | None = None

    def to_format_dict(self) -> dict:
        """The incident in the exact shape of ../shared/eval/FORMAT.md."""
        return {
            "date": self.date.isoformat() if self.date else None,
            "date_text": self.date_text,
            "country": self.country,
            "location_text": self.location_text,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "killed": self.killed,
            "injured": self.injured,
            "actor1_text": self.actor1_text,
            "actor2_text": self.actor2_text,
            "summary_en": self.summary_en,
        }


@dataclass
class TagResult:
    text: str
    spans: list[Span] = field(default_factory=list)
    incidents: list[IncidentDraft] = field(default_factory=list)
    # places named inside a facility's name ("ورقلة" in "مقر ولاية ورقلة"): suggestions that overlap ``spans``
    nested: list[Span] = field(default_factory=list)

    def entities_for_format(self) -> list[dict]:
        """Spans (and the places nested in facilities) as FORMAT.md prediction entities."""
        every = sorted(self.spans + self.nested, key=lambda s: (s.start, -s.end))
        return [{"text": s.text, "label": s.label, "start": s.start, "end": s.end} for s in every]
