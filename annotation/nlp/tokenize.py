"""Tokens with offsets into the original text, and the clitic readings of each token."""

from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import accumulate, chain
from operator import itemgetter
from typing import NamedTuple

from annotation.nlp.normalize import Normalized, normalize

WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[a-z0-9]+")
_TOKEN = re.compile(r"[\u0621-\u064a\u0671-\u06d3]+|[0-9]+(?:[.,][0-9]+)?|[a-z]+(?:-?[0-9]+)?|\S", re.UNICODE)

# Proclitics that may precede a word; longest first.  "لل" stands for li- + al-.
PROCLITICS = (
    "وبال",
    "وكال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


class Token(NamedTuple):
    start: int  # offsets in the original text
    end: int
    norm: str  # normalised form
    nstart: int  # offsets in the normalised text
    nend: int

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalpha()


# Token fields read by C-level maps (``list(map(NORM, tokens))``): no Python step per token
START, END, NORM, NSTART = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)


_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")", re.UNICODE)
_SECOND = itemgetter(1)
_new_token = partial(tuple.__new__, Token)  # Token(*fields) without the named tuple's Python-level __new__


def tokenize(text: str, normalized: Normalized | None = None) -> tuple[Normalized, list[Token]]:
    n = normalized or normalize(text)
    # Every non-space character is in a token ("\S" is the last alternative), so a token starts at the first
    # occurrence of its text after the previous one: strings and str.find cost less than match objects.
    find, tokens, pos = n.text.find, [], 0
    if len(n.text) == len(text):  # nothing dropped: offsets are the identity
        # the spaces before each token and the token, as strings: their running lengths are the tokens' offsets
        # (the first occurrence of a token after the one before it), all by C-level maps
        pairs = _SPACED_TOKEN.findall(n.text)
        bounds = list(accumulate(map(len, chain.from_iterable(pairs))))
        starts, ends = bounds[::2], bounds[1::2]
        words = list(map(_SECOND, pairs))
        return n, list(map(_new_token, zip(starts, ends, words, starts, ends, strict=True)))
    offsets = n.offsets
    for w in _TOKEN.findall(n.text):
        a = find(w, pos)
        pos = a + len(w)
        tokens.append(_new_token((offsets[a], offsets[pos - 1] + 1, w, a, pos)))
    return n, tokens


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[tuple[int, str], ...]:
    """Ways to read a normalised word: ``(clitic_length, stem)`` pairs, the whole word first.

    ``وبالقوات`` gives (0, 'وبالقوات'), (2, 'القوات'), (1, 'بالقوات') …; a stem keeps its article,
    so ``المالي`` (financial) never reads as ``مالي`` (Mali).
    """
    out = [(0, word)]
    if len(word) < 3:
        return out
    for p in PROCLITICS:
        if not word.startswith(p) or len(word) - len(p) < 2:
            continue
        if p.endswith("ال"):
            out.append((len(p) - 2, word[len(p) - 2 :]))
        elif p.endswith("لل"):
            out.append((len(p) - 2, "ال" + word[len(p) :]))  # li-l-X is read as al-X (the span keeps "لل")
        else:
            out.append((len(p), word[len(p) :]))
    return tuple(dict.fromkeys(out))
