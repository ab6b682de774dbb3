"""Where a span may begin or end: word edges and the edges of Arabic proclitics (و ف ب ل ك ال).

Plain Python over the article body; the review service snaps editors' selections and boundary
steps to these positions so that a span never cuts a word in the middle.
"""

import re

# Proclitics an editor may want to leave outside a span ("وبغداد" → "بغداد"): the engine's list, longest first.
from annotation.nlp.tokenize import PROCLITICS

# Letters, digits and the marks that sit on Arabic letters (diacritics, tatweel) make up a word.
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+", re.UNICODE)

_MIN_STEM = 2


def words(body):
    """(start, end) of every word in the body."""
    return [(m.start(), m.end()) for m in _WORD.finditer(body)]


def _clitic_starts(body, start, end):
    """Positions inside a word where its stem (or its article ال) begins after a proclitic."""
    word = body[start:end]
    out = set()
    for prefix in PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= _MIN_STEM:
            out.add(start + len(prefix))
            if prefix.endswith("ال"):
                out.add(start + len(prefix) - 2)  # keep the article: "وبالموصل" → "الموصل"
    if word.startswith("ال") and len(word) - 2 >= _MIN_STEM:
        out.add(start + 2)
    out.discard(start)
    return out


def start_positions(body):
    """Sorted positions where a span may start: word starts and stems after proclitics."""
    out = set()
    for s, e in words(body):
        out.add(s)
        out |= _clitic_starts(body, s, e)
    return sorted(out)


def end_positions(body):
    """Sorted positions where a span may end: word ends."""
    return [e for _s, e in words(body)]


def snap(body, start, end):
    """The nearest word/clitic-aligned span covering the selection [start, end).

    A start inside a word moves back to the closest allowed start; an end inside a word moves
    forward to the word's end; surrounding spaces and punctuation are dropped. Returns None when
    the selection holds no word.
    """
    start, end = max(0, start), min(len(body), end)
    inside = [(s, e) for s, e in words(body) if s < end and start < e]
    if not inside:
        return None
    first_s, first_e = inside[0]
    allowed = sorted({first_s, *_clitic_starts(body, first_s, first_e)})
    new_start = max((p for p in allowed if p <= start), default=first_s)
    new_end = max(inside[-1][1], new_start + 1)
    return new_start, new_end


def step(body, start, end, *, edge, direction):
    """Move one edge of [start, end) to the next allowed boundary.

    edge is "start" or "end"; direction is "extend" (grow the span) or "shrink". Returns the new
    (start, end), or the same span when the edge cannot move (article edge, or the span would vanish).
    """
    if edge == "start":
        positions = start_positions(body)
        if direction == "extend":
            candidates = [p for p in positions if p < start]
            return (candidates[-1], end) if candidates else (start, end)
        candidates = [p for p in positions if start < p < end]
        return (candidates[0], end) if candidates else (start, end)
    positions = end_positions(body)
    if direction == "extend":
        candidates = [p for p in positions if p > end]
        return (start, candidates[0]) if candidates else (start, end)
    candidates = [p for p in positions if start < p < end]
    return (start, candidates[-1]) if candidates else (start, end)
