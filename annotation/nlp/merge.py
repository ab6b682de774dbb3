"""Resolve overlapping candidate spans: origin priority first (rules and lexicon, then the CRF, then Farasa),
then the longer span, then confidence. The statistical origins so fill gaps the rules leave."""

from __future__ import annotations

import bisect

from annotation.nlp.types import Span

ORIGIN_RANK = {"rules": 3, "lexicon": 3, "model": 1, "farasa": 0}


def merge(candidates: list[Span]) -> list[Span]:
    """Keep a non-overlapping subset of spans, sorted by offset."""
    ordered = sorted(candidates, key=lambda s: (-ORIGIN_RANK.get(s.origin, 0), -(s.end - s.start), -s.confidence, s.start))
    starts: list[int] = []  # taken spans, kept sorted by start (they never overlap)
    taken: list[Span] = []
    for s in ordered:
        if s.end <= s.start:
            continue
        k = bisect.bisect_left(starts, s.start)
        if (k < len(taken) and taken[k].start < s.end) or (k > 0 and taken[k - 1].end > s.start):
            continue
        starts.insert(k, s.start)
        taken.insert(k, s)
    return taken
