"""Resolve overlapping candidate spans: longer first, then origin priority, then confidence."""

from __future__ import annotations

from annotation.nlp.types import Span

ORIGIN_RANK = {"rules": 3, "lexicon": 3, "model": 1, "farasa": 0}


def merge(candidates: list[Span]) -> list[Span]:
    """Keep a non-overlapping subset of spans, sorted by offset."""
    ordered = sorted(candidates, key=lambda s: (-(s.end - s.start), -ORIGIN_RANK.get(s.origin, 0), -s.confidence, s.start))
    taken: list[Span] = []
    for s in ordered:
        if s.end <= s.start:
            continue
        if all(s.end <= t.start or s.start >= t.end for t in taken):
            taken.append(s)
    return sorted(taken, key=lambda s: s.start)
