"""An article cut into sentences, each with its spans, event triggers and casualty figures (built once, never
changed afterwards), and the article-wide facts every incident of it shares."""

from __future__ import annotations

from dataclasses import dataclass

from annotation.nlp.casualties import PhraseIndex, find_casualties, may_open_phrase
from annotation.nlp.date_resolution import Reference
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.tokenize import Token
from annotation.nlp.types import Casualty, Span

TRIGGER_INDEX = PhraseIndex({sub: phrases for sub, _ev, phrases in E.TRIGGERS})
_ENDS = frozenset((".", "!", "؟", "?", "؛"))
_SINCE = (["منذ"], ["ومنذ"])


@dataclass(frozen=True)
class Sentence:
    first: int  # token indexes
    last: int
    start: int  # offsets
    end: int
    triggers: tuple[tuple[int, str], ...] = ()  # (token, sub_event_type)
    casualties: tuple[Casualty, ...] = ()
    spans: tuple[Span, ...] = ()

    @property
    def is_event(self) -> bool:
        return bool(self.triggers or self.casualties)

    @property
    def context(self) -> bool:
        """Attached to an event for its places, dates and actors, without triggers or figures of its own."""
        return not self.is_event


@dataclass(frozen=True)
class Article:
    """What every incident drafted from one article shares."""

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    spans: list[Span]
    country: str | None  # English name of the article's focus country
    reference: Reference  # the one reference its dates are read against


def _bounds(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """(first, last) token of each sentence: cut at end punctuation, a line break, or "كما" opening a clause."""
    out, first = [], 0
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if i < last:
            nxt = tokens[i + 1]
            cut = tok.norm in _ENDS or text.find("\n", tok.end, nxt.start) >= 0 or (nxt.norm == "كما" and i + 1 > first)
        else:
            cut = True
        if cut:
            out.append((first, i))
            first = i + 1
    return out


NEGATORS = E.words("negator")


def _triggers(tokens: list[Token], first: int, last: int) -> tuple[tuple[int, str], ...]:
    """(token, sub-event type) of each cue in the sentence, except cues denied ("انسحبت دون قتال")."""
    return tuple(
        (i, sub)
        for i in range(first, last + 1)
        if may_open_phrase(tokens[i].norm) and not (i > first and tokens[i - 1].norm in NEGATORS)
        for sub, _n in TRIGGER_INDEX.matches(tokens, i)
    )


CUMULATIVE = [" ".join(p) for p in E.phrases("cumulative_marker")]


def _cumulative(text: str, start: int, end: int, spans: tuple[Span, ...], c: Casualty) -> bool:
    """A toll counted "since" a date ("ومنذ بداية الشهر الجاري … القضاء على 10"), a war's toll or a total over
    several attacks sums many events: it is no figure of one incident. The marker may come before the figure in
    its sentence or after it in its clause ("قتل 200 منذ بدء الحرب")."""
    for x in spans:
        if x.label == "DATE" and x.start < c.start and norm(text[max(start, x.start - 6) : x.start]).split()[-1:] in _SINCE:
            return True
    before = " " + " ".join(norm(text[start : c.start]).split()) + " "
    clause_end = min([end] + [i for i in (text.find("،", c.end, end), text.find(",", c.end, end)) if i >= 0])
    after = " " + " ".join(norm(text[c.end : clause_end]).split()) + " "
    return any(f" {m} " in before or f" {m} " in after or f" و{m} " in before for m in CUMULATIVE)


def _spans_by_sentence(bounds: list[tuple[int, int]], tokens: list[Token], spans: list[Span]) -> list[list[Span]]:
    """Hand each span (sorted by offset) to the sentence it starts in; spans past the end go to the last."""
    out: list[list[Span]] = [[] for _ in bounds]
    si = 0
    for x in spans:
        while si < len(bounds) - 1 and x.start >= tokens[bounds[si][1]].end:
            si += 1
        out[si].append(x)
    return out


def split_sentences(text: str, tokens: list[Token], spans: list[Span], org_class: dict[int, str]) -> list[Sentence]:
    """The article's sentences with their spans, triggers and own casualty figures (a toll "since" a date is none)."""
    bounds = _bounds(text, tokens)
    out = []
    for (first, last), mine in zip(bounds, _spans_by_sentence(bounds, tokens, spans), strict=True):
        start, end = tokens[first].start, tokens[last].end
        figures = find_casualties(text, tokens, first, last, org_class)
        out.append(
            Sentence(
                first,
                last,
                start,
                end,
                triggers=_triggers(tokens, first, last),
                casualties=tuple(c for c in figures if not _cumulative(text, start, end, tuple(mine), c)),
                spans=tuple(mine),
            )
        )
    return out


def first_dates(article: Article, n: int = 2) -> list[Span]:
    """DATE spans of the article's first sentences (the lead usually dates the main event)."""
    return [x for s in article.sentences[:n] for x in s.spans if x.label == "DATE"]
