"""The Tagger: normalise → tokenise → lexicon → patterns → model → farasa → merge → incidents."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable
from operator import attrgetter

from annotation.nlp import farasa, model
from annotation.nlp.entities import find_entities, recurring_mentions
from annotation.nlp.event_place import is_country, is_route
from annotation.nlp.focus import country_scores, resolve_namesakes, top_country
from annotation.nlp.gazetteer import builtin_entries
from annotation.nlp.incidents import draft_incidents
from annotation.nlp.lexicon import Lexicon
from annotation.nlp.merge import merge
from annotation.nlp.tokenize import tokenize
from annotation.nlp.types import LexiconEntry, TagResult


class Tagger:
    """Tags Arabic text; build once per process (see get_tagger) and reuse."""

    def __init__(self, lexicon: Lexicon | None = None, crf: model.CrfModel | None = None, use_farasa: bool | None = None):
        # None: use Farasa when FARASA_BIN points at a local jar; False: never
        self._assemble(lexicon if lexicon is not None else Lexicon(builtin_entries()), crf, None)
        self.farasa = farasa.FarasaNER.from_env() if use_farasa is not False else None

    def _assemble(self, base: Lexicon, crf: model.CrfModel | None, farasa_ner) -> None:
        self.base_lexicon, self.crf, self.farasa = base, crf, farasa_ner
        self.lexicon = base
        if crf is not None and crf.learned:  # names the model's training data labelled
            self.lexicon = base.copy()
            self.lexicon.add(crf.learned)

    def with_entries(self, entries: Iterable[LexiconEntry]) -> Tagger:
        """A tagger whose lexicon also knows these entries (e.g. the Entity table); this one is unchanged."""
        base = self.base_lexicon.copy()
        base.add(entries)
        new = Tagger.__new__(Tagger)
        new._assemble(base, self.crf, self.farasa)
        return new

    def with_model(self, crf: model.CrfModel | None) -> Tagger:
        """The same tagger (same lexicon) with another trained model and the names it learned, or with none."""
        new = Tagger.__new__(Tagger)
        new._assemble(self.base_lexicon, crf, self.farasa)
        return new

    def tag(self, text: str, published: dt.date | None = None) -> TagResult:
        if isinstance(published, dt.datetime):
            published = published.date()
        normalized, tokens = tokenize(text)
        candidates = find_entities(text, normalized, tokens, self.lexicon)
        # merging the rules' and lexicon's spans first, then the model's and Farasa's, keeps what one merge of all
        # would (merge takes them in that order); the model's spans those overlap are not built at all
        spans = merge(candidates)
        if self.crf is not None:
            # the model's spans overlap neither these nor one another: merging them is sorting them in
            extra = [s for s in self.crf.predict_spans(text, tokens, candidates, taken=spans) if s.end > s.start]
            if extra:
                spans = sorted(spans + extra, key=_start)
        if self.farasa is not None:
            spans = merge(spans + self.farasa.spans(text))
        spans = merge(spans + recurring_mentions(text, normalized, tokens, spans))
        # a place name several countries share is read in the country the article is about
        scores = country_scores(text, spans, normalized.text)
        spans = resolve_namesakes(spans, scores)
        # a place named inside a facility ("مقر بلدية تمنراست") still locates the event
        facilities = [f for f in spans if f.label == "FAC"]
        kept = {id(x) for x in spans}
        # … and is a place of its own that editors tag too ("ورقلة" in "مقر ولاية ورقلة"): a nested suggestion
        nested = (
            merge(
                [
                    c
                    for c in candidates
                    if c.label == "LOC" and id(c) not in kept and any(f.start <= c.start and c.end <= f.end for f in facilities)
                ]
            )
            if facilities
            else []
        )
        inner = [c for c in nested if c.origin == "lexicon"]
        # a road named after a town ("طريق الدانا") is not in it, nor an embassy or university in the country it is
        # named after ("سفارة فرنسا"): those are no places of their own here
        nested = [
            c
            for c in resolve_namesakes(nested, scores)
            if not is_country(c) and not any(f.start <= c.start and c.end <= f.end and is_route(f.text) for f in facilities)
        ]
        incidents = draft_incidents(text, tokens, sorted(spans + inner, key=lambda s: s.start), published, focus=top_country(scores))
        return TagResult(text=text, spans=spans, incidents=incidents, nested=nested)


_start = attrgetter("start")
_lock = threading.Lock()
_tagger: Tagger | None = None


def get_tagger() -> Tagger:
    """The process-wide tagger: lexicons and the current CRF model are loaded once."""
    global _tagger
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = Tagger(crf=model.load_current())
    return _tagger
