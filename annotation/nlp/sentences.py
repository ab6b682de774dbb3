"""An article cut into sentences, each with its spans, event triggers and casualty figures (built once, never
changed afterwards), and the article-wide facts every incident of it shares."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property
from itertools import compress

from annotation.nlp.casualties import PhraseIndex, find_casualties, may_open_phrase
from annotation.nlp.date_resolution import Reference
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.tokenize import END, NORM, Token
from annotation.nlp.types import Casualty, Span

TRIGGER_INDEX = PhraseIndex({sub: phrases for sub, _ev, phrases in E.TRIGGERS})
_HURT_INDEX = PhraseIndex({cat: E.CASUALTY_WORDS[cat] for cat in ("killed", "injured")})
_ENDS = frozenset((".", "!", "؟", "?", "؛"))
_SINCE = (["منذ"], ["ومنذ"])
# Words that open a clause telling of something else ("…، فيما تظاهر مئات في …"): the clause is cut off so that
# incidents.py can weigh it as an event of its own.
_CLAUSE_OPENERS = frozenset(("كما", "فيما", "بينما"))
# "… بعد مقتل 7 جنود الخميس الماضي في …": a clause recalling an earlier event, with its own figures and place
_AFTER = frozenset(("بعد", "عقب"))
_RECALLED = E.words("event_noun") | frozenset(norm(w) for w in ("مقتل", "مصرع", "استشهاد", "اصابة", "اختطاف", "هجمات", "اشتباكات"))
_PAST = E.words("past_word")
_RECALL_REACH = 10
# Page furniture pasted with a report: a heading of links to other stories ends the report ("مقالات ذات صلة" and
# the headlines under it); a "read also" line is one other story's headline inside it. Their headlines tell of
# other events, so no incident is drafted from them (their names are still tagged).
_RELATED_HEADING = re.compile(
    r"^[ \t]*(?:(?:مقالات|أخبار|اخبار|مواضيع|موضوعات|قصص|تقارير)[ \t]+(?:مشابهة|ذات[ \t]+صلة|متعلقة|مرتبطة|أخرى)"
    r"|الأكثر[ \t]+(?:قراءة|مشاهدة)|المزيد[ \t]+من[ \t]+(?:الأخبار|الاخبار|المقالات)|اقرأ[ \t]+المزيد)[ \t]*:?[ \t]*$",
    re.M,
)
_READ_ALSO = re.compile(r"^[ \t]*(?:اقرأ|إقرأ|اقرا|شاهد)[ \t]+(?:أيضا|أيضاً|ايضا|ايضاً|كذلك)\b[^\n]*", re.M)


def page_furniture(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text that belong to the web page, not to the report (see _RELATED_HEADING)."""
    ranges = [m.span() for m in _READ_ALSO.finditer(text)]
    heading = _RELATED_HEADING.search(text)
    if heading is not None:
        ranges.append((heading.start(), len(text)))
    return ranges


_SPELLS = frozenset(norm(w) for w in ("أيام", "يومين", "ساعات", "أسبوع", "أسبوعين", "أسابيع", "شهر", "شهرين", "أشهر", "أقل"))


@dataclass(frozen=True, init=False)
class Sentence:
    first: int  # token indexes
    last: int
    start: int  # offsets
    end: int
    triggers: tuple[tuple[int, str], ...] = ()  # (token, sub_event_type)
    casualties: tuple[Casualty, ...] = ()
    spans: tuple[Span, ...] = ()

    def __init__(
        self,
        first: int,
        last: int,
        start: int,
        end: int,
        triggers: tuple[tuple[int, str], ...] = (),
        casualties: tuple[Casualty, ...] = (),
        spans: tuple[Span, ...] = (),
    ):
        # filled at once: cheaper than the frozen dataclass's field-by-field object.__setattr__
        self.__dict__.update(first=first, last=last, start=start, end=end, triggers=triggers, casualties=casualties, spans=spans)

    @property
    def is_event(self) -> bool:
        return bool(self.triggers or self.casualties)

    @cached_property  # read a few hundred times per article; the fields it reads are frozen
    def context(self) -> bool:
        """Attached to an event for its places, dates and actors, without triggers or figures of its own."""
        return not (self.triggers or self.casualties)


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
    """(first, last) token of each sentence: cut at end punctuation, a line break, or "كما", "فيما", "بينما"
    opening a clause ("فيما" and "بينما" after a comma only: "فيما بعد" is no clause)."""
    last = len(tokens) - 1
    if last < 0:
        return []
    ends = list(map(END, tokens))
    cuts = {last}  # a cut after these tokens; whether a token ends a sentence does not depend on the cuts before it
    pos = text.find("\n")  # tokens followed by a line break: from the few breaks, not a search after every token
    while pos >= 0:
        cuts.add(bisect.bisect_right(ends, pos) - 1)
        pos = text.find("\n", pos + 1)
    norms = list(map(NORM, tokens))
    cuts.update(compress(range(last + 1), map(_ENDS.__contains__, norms)))
    cuts.update(
        i
        for i in compress(range(last), map(_CUT_WORDS.__contains__, norms[1:]))  # the next word may cut
        if _opens_clause(tokens[i], tokens[i + 1]) or recalls_earlier_event(tokens, i + 1, last)
    )
    # "…، واعتقلت القوات …": a comma, then "و" and a cue of its own, tells the next event (grouping joins it back
    # when it tells more of the same one)
    cuts.update(
        i
        for i in compress(range(last), map(_COMMAS.__contains__, norms))  # the commas, by a C-level map
        if norms[i + 1].startswith("و") and (TRIGGER_INDEX.matches(tokens, i + 1) or _elsewhere_cue(tokens, norms, i + 1, last))
    )
    out, first = [], 0
    for i in sorted(c for c in cuts if 0 <= c <= last):
        out.append((first, i))
        first = i + 1
    return out


_COMMAS = frozenset(("،", ","))


def _elsewhere_cue(tokens: list[Token], norms: list[str], i: int, last: int) -> bool:
    """ "…، وفي ولاية X قتل مسلحون …": "وفي", a place of two words at most, then a cue or a word of killing or
    wounding opens another event."""
    if norms[i] != "وفي":
        return False
    return any(TRIGGER_INDEX.matches(tokens, k) or _HURT_INDEX.matches(tokens, k) for k in range(i + 2, min(last, i + 4) + 1))


_CUT_WORDS = _CLAUSE_OPENERS | _AFTER  # words that may cut before them (_opens_clause, recalls_earlier_event)


def _opens_clause(tok: Token, nxt: Token) -> bool:
    return nxt.norm == "كما" or (nxt.norm in _CLAUSE_OPENERS and tok.norm in ("،", ","))


def recalls_earlier_event(tokens: list[Token], i: int, last: int) -> bool:
    """ "بعد مقتل 7 جنود الخميس الماضي": "after" an event noun, with a past date within reach; "بعد أيام من
    هجوم …": "days after" an event."""
    if tokens[i].norm not in _AFTER or i + 1 > last:
        return False
    if i + 3 <= last and tokens[i + 1].norm in _SPELLS and tokens[i + 2].norm == "من":
        return tokens[i + 3].norm.removeprefix("ال") in _RECALLED
    if tokens[i + 1].norm.removeprefix("ال") not in _RECALLED:
        return False
    return any(tokens[k].norm in _PAST for k in range(i + 2, min(last, i + _RECALL_REACH) + 1))


NEGATORS = E.words("negator")


def _triggers(tokens: list[Token], first: int, last: int, spans: list[Span], openers: list[int]) -> tuple[tuple[int, str], ...]:
    """(token, sub-event type) of each cue in the sentence, except cues denied ("انسحبت دون قتال") and words of a
    group's name ("هيئة تحرير الشام", "حركة تحرير السودان"). ``openers``: the sentence's tokens that may open a
    phrase (may_open_phrase)."""
    names = [(x.start, x.end) for x in spans if x.label == "ORG"]
    out: list[tuple[int, str]] = []
    for i in openers:
        found = TRIGGER_INDEX.matches(tokens, i)  # a cue first (most openers are none): the tests after cost more
        if found and not (i > first and tokens[i - 1].norm in NEGATORS) and not any(a <= tokens[i].start < b for a, b in names):
            out.extend([(i, sub) for sub, _n in found])
    return tuple(out)


CUMULATIVE = [" ".join(p) for p in E.phrases("cumulative_marker")]
PERIODS = [" ".join(p) for p in E.phrases("period_marker")]
# as whole words (and a cumulative marker after "و"), padded once rather than for every figure
_CUMULATIVE_PADDED = [(f" {m} ", f" و{m} ") for m in CUMULATIVE]
_PERIODS_PADDED = [f" {m} " for m in PERIODS]
_BEFORE_MARKERS = [m for pair in _CUMULATIVE_PADDED for m in pair]  # before the figure: " m " or " وm "
_AFTER_MARKERS = [m for m, _wa_m in _CUMULATIVE_PADDED]


_PUNCTUATION = re.compile(r"[^\w\s]")


def _words(text: str) -> list[str]:
    """Normalised words, punctuation dropped: a marker closing the sentence ("هذا الشهر.") is still a whole word."""
    return _PUNCTUATION.sub(" ", norm(text)).split()


def _cumulative(text: str, start: int, end: int, spans: tuple[Span, ...], c: Casualty) -> bool:
    """A toll counted "since" a date ("ومنذ بداية الشهر الجاري … القضاء على 10"), a war's toll or a total over
    several attacks sums many events: it is no figure of one incident. The marker may come before the figure in
    its sentence or after it in its clause ("قتل 200 منذ بدء الحرب")."""
    for x in spans:
        if x.label == "DATE" and x.start < c.end and norm(text[max(start, x.start - 6) : x.start]).split()[-1:] in _SINCE:
            return True
    # the figure's own words too: "ليرتفع عدد ضحايا الحرب إلى 31"
    before = " " + " ".join(_words(text[start : c.end])) + " "
    clause_end = min([end] + [i for i in (text.find("،", c.end, end), text.find(",", c.end, end)) if i >= 0])
    after = " " + " ".join(_words(text[c.end : clause_end])) + " "
    if any(map(before.__contains__, _BEFORE_MARKERS)) or any(map(after.__contains__, _AFTER_MARKERS)):
        return True
    # a period ("هذا الأسبوع") counts only in the figure's own clause: "في ثالث هجوم هذا الأسبوع، قتل 5" is one event's
    clause_start = max(start, text.rfind("،", start, c.start) + 1, text.rfind(",", start, c.start) + 1)
    clause = " " + " ".join(_words(text[clause_start : c.end])) + after
    return any(map(clause.__contains__, _PERIODS_PADDED))


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
    furniture = page_furniture(text)
    if furniture:
        bounds = [b for b in bounds if not any(a <= tokens[b[0]].start < z for a, z in furniture)]
        spans = [x for x in spans if not any(a <= x.start < z for a, z in furniture)]
        if not bounds:
            return []
    out = []
    openers = list(compress(range(len(tokens)), map(may_open_phrase, map(NORM, tokens))))  # ascending
    k = 0
    for (first, last), mine in zip(bounds, _spans_by_sentence(bounds, tokens, spans), strict=True):
        start, end = tokens[first].start, tokens[last].end
        while k < len(openers) and openers[k] < first:  # a dropped sentence's openers
            k += 1
        j = k
        while k < len(openers) and openers[k] <= last:
            k += 1
        own = openers[j:k]  # the sentences cover the tokens in order: this one's openers follow the last one's
        figures = find_casualties(text, tokens, first, last, org_class, own)
        held = tuple(mine)
        out.append(
            Sentence(
                first,
                last,
                start,
                end,
                triggers=_triggers(tokens, first, last, mine, own),
                casualties=tuple(c for c in figures if not _cumulative(text, start, end, held, c)),
                spans=held,
            )
        )
    return out


def first_dates(article: Article, n: int = 2) -> list[Span]:
    """DATE spans of the article's first sentences (the lead usually dates the main event; a clause recalling an
    earlier event does not)."""
    lead = [s for s in article.sentences[:n] if not recalls_earlier_event(article.tokens, s.first, s.last)]
    return [x for s in lead for x in s.spans if x.label == "DATE"]
