"""Normalisation for matching only; an offset map leads every normalised character back to the original."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

_DROP = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]")
_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ي": "ي",
        "ک": "ك",
        "ڤ": "ف",
        "ڨ": "ق",
        "گ": "ك",
        "پ": "ب",
        "چ": "ج",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
    }
)


def norm(text: str) -> str:
    """Matching form of a string: no diacritics/tatweel, one alef/ya/ha, Western digits, lower-case ASCII.

    The one Arabic normalisation of the project: intake keys and search documents fold text through it."""
    return _norm_short(text) if len(text) < 256 else text.translate(_TABLE)


@lru_cache(maxsize=16384)
def _norm_short(text: str) -> str:
    # the engine folds the same stretches of an article again and again (a sentence, the words before a name):
    # a short string's hash costs less than looking each of its characters up
    return text.translate(_TABLE)


def is_dropped(ch: str) -> bool:
    """True for the characters norm() removes (diacritics, tatweel, zero-width and direction marks)."""
    return ord(ch) in _DROP_CODES


@dataclass(frozen=True)
class Normalized:
    """Normalised text plus ``offsets[i]`` = index in the original of normalised char i (``offsets[-1] == len(original)``)."""

    text: str
    offsets: Sequence[int]  # a range when nothing was dropped

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised [start, end) range to the original text."""
        if end <= start:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


_DROP_CODES = frozenset(c for c in range(0x0600, 0x0700) if _DROP.match(chr(c))) | frozenset(
    c for c in range(0x2000, 0x2100) if _DROP.match(chr(c))
)
# one character in, at most one out, so that offsets stay a simple list (only ASCII is lower-cased here)
_MAPPING = {
    **{ord(k): v for k, v in ((chr(a), b) for a, b in _MAP.items())},
    **{c: None for c in _DROP_CODES},
    **{c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
}
# As a list indexed by code point: str.translate runs twice as fast as with a dict (no failed lookups);
# characters outside the Basic Multilingual Plane raise IndexError there and are kept as they are.
_TABLE: list[str | None] = [chr(c) for c in range(0x10000)]
for _code, _value in _MAPPING.items():
    _TABLE[_code] = _value


# A whole article folds faster when only the characters norm() changes are replaced (two in a hundred or so in
# Arabic news) than through translate, which looks every character up; the result is norm()'s. Each such
# character is looked for and replaced by str's own search (a C-level scan, a dozen of them present in an
# article), not by a regular expression that calls back into Python at every match. No replacement is itself
# replaced: what norm() maps to, it keeps.
_CHANGED = {chr(c): v or "" for c, v in _MAPPING.items() if v != chr(c)}
_CHANGED_PAIRS = tuple(_CHANGED.items())


def _fold(text: str) -> str:
    if len(text) < 400:  # a phrase: looking each of its few characters up costs less than a search per pair
        return text.translate(_TABLE)
    for ch, to in _CHANGED_PAIRS:
        if ch in text:
            text = text.replace(ch, to)
    return text


def normalize(text: str) -> Normalized:
    """Normalised text with its offset map (monotonic: ``offsets[i] < offsets[i + 1]``)."""
    if not _DROP.search(text):  # the usual case: nothing dropped, offsets are the identity
        return Normalized(_fold(text), range(len(text) + 1))
    drop = _DROP_CODES
    offsets = [i for i, ch in enumerate(text) if ord(ch) not in drop]
    offsets.append(len(text))
    return Normalized(_fold(text), tuple(offsets))
