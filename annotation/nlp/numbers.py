"""Numbers in digits and words, duals, vague quantities (ACLED conventions) and ranges."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from annotation.nlp.tokenize import Token, readings

UNITS = {
    "واحد": 1,
    "واحده": 1,
    "احد": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتين": 2,
    "اثنتان": 2,
    "اثنا": 2,
    "اثني": 2,
    "ثلاثه": 3,
    "ثلاث": 3,
    "اربعه": 4,
    "اربع": 4,
    "خمسه": 5,
    "خمس": 5,
    "سته": 6,
    "ست": 6,
    "سبعه": 7,
    "سبع": 7,
    "ثمانيه": 8,
    "ثماني": 8,
    "ثمان": 8,
    "تسعه": 9,
    "تسع": 9,
    "عشره": 10,
    "عشر": 10,
}
TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "اربعون": 40,
    "اربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
BIG = {"ميه": 100, "مايه": 100, "ميتين": 200, "مايتين": 200, "ميتان": 200, "مايتان": 200, "الف": 1000, "الفين": 2000}
# ACLED's conventions for vague figures: several → 3, dozens → 12, hundreds → 100.
VAGUE = {"عشرات": 12, "العشرات": 12, "ميات": 100, "الميات": 100, "عده": 3, "بضعه": 3, "بضع": 3}
# Nouns whose dual form alone carries the figure 2 (plural look-alikes such as مدنيين are left out).
_DUAL_OBLIQUE = {
    "عنصرين",
    "جنديين",
    "شخصين",
    "طفلين",
    "شابين",
    "رجلين",
    "امراتين",
    "ضابطين",
    "شقيقين",
    "قتيلين",
    "جريحين",
    "شرطيين",
    "طالبين",
    "اخوين",
    "فردين",
    # nouns whose plural is broken (حراس، قادة، رعاة), so that their -ين form is a dual only
    "حارسين",
    "قايدين",
    "راعيين",
    "طفلتين",
    "فتاتين",
    "شيخين",
    "اسيرين",
}
# Nominative duals of nouns whose oblique dual looks like their plural ("مدنيان", not "مدنيين").
_DUAL_NOMINATIVE = {
    "قياديان",
    "دركيان",
    "مدنيان",
    "عسكريان",
    "صحفيان",
    "مسلحان",
    "مواطنان",
    "مزارعان",
    "ناشطان",
    "حارسان",
    "مقاتلان",
    "سايقان",
    "عاملان",
    "اخران",  # "وأصيب آخران": two others (the oblique آخرين is also the plural)
    "اخريان",
}
# the nominative dual too: "أصيب جنديان"
DUALS = _DUAL_OBLIQUE | {w[:-2] + "ان" for w in _DUAL_OBLIQUE} | _DUAL_NOMINATIVE


@dataclass(frozen=True, init=False)
class Number:
    min: int
    max: int
    first: int  # token indexes, inclusive
    last: int
    vague: bool = False

    def __init__(self, min: int, max: int, first: int, last: int, vague: bool = False):
        self.__dict__.update(min=min, max=max, first=first, last=last, vague=vague)  # cheaper than frozen's setattrs


@lru_cache(maxsize=65536)
def word_value(word: str) -> int | None:
    for clitic, stem in readings(word):
        if clitic > 1:
            continue
        for table in (UNITS, TENS, BIG):
            if stem in table:
                return table[stem]
    return None


def _digits(word: str) -> int | None:
    w = word.replace(",", "").split(".")[0]
    return int(w) if w.isdecimal() and len(w) <= 7 else None


@lru_cache(maxsize=65536)
def _vague_value(word: str) -> int | None:
    """The figure a vague quantity word stands for ("عشرات": 12), through a و/ب/ل clitic."""
    for clitic, stem in readings(word):
        if clitic <= 1 and stem in VAGUE:
            return VAGUE[stem]
    return None


def parse_number(tokens: list[Token], i: int) -> Number | None:
    """The number starting at token i (digits, words, compounds, ``عدد من``, ``العشرات``) or None."""
    if i >= len(tokens):
        return None
    w = tokens[i].norm
    d = _digits(w)
    if d is not None:
        return Number(d, d, i, i)
    if w in ("عدد", "العدد") and i + 1 < len(tokens) and tokens[i + 1].norm == "من":
        return Number(3, 3, i, i + 1, vague=True)
    vague = _vague_value(w)
    if vague is not None:
        return Number(vague, vague, i, i, vague=True)
    v = word_value(w)
    if v is None:
        return None
    last = i
    # N عشر (11–19), N و عشرين (21–99), N مئة / الف
    if v < 10 and i + 1 < len(tokens) and tokens[i + 1].norm in ("عشر", "عشره"):
        v, last = v + 10, i + 1
    elif v < 10 and i + 1 < len(tokens) and tokens[i + 1].norm.startswith("و") and tokens[i + 1].norm[1:] in TENS:
        v, last = v + TENS[tokens[i + 1].norm[1:]], i + 1
    if last + 1 < len(tokens) and tokens[last + 1].norm in ("الاف", "الف", "ميه", "مايه"):
        v, last = v * (1000 if "ل" in tokens[last + 1].norm else 100), last + 1
    return Number(v, v, i, last)


def parse_range(tokens: list[Token], i: int) -> Number | None:
    """``بين N و M`` / ``N إلى M`` / ``N-M``, or a single number."""
    if i < len(tokens) and tokens[i].norm in ("بين", "ما"):
        j = i + 1 if tokens[i].norm == "بين" else i + 2
        a = parse_number(tokens, j)
        if a and a.last + 1 < len(tokens):
            nxt = tokens[a.last + 1].norm
            if nxt == "و":
                b = parse_number(tokens, a.last + 2)
            elif nxt.startswith("و"):
                b = _second(tokens, a.last + 1, nxt[1:])
            else:
                b = None
            if b:
                return Number(a.min, b.max, i, b.last)
    a = parse_number(tokens, i)
    if a and a.last + 2 < len(tokens) and tokens[a.last + 1].norm in ("الي", "-", "او"):
        b = parse_number(tokens, a.last + 2)
        if b and b.max > a.min:
            return Number(a.min, b.max, i, b.last)
    return a


def _second(tokens, j, stripped):
    d = _digits(stripped)
    if d is not None:
        return Number(d, d, j, j)
    v = word_value(stripped)
    return Number(v, v, j, j) if v is not None else None


def is_dual(word: str) -> bool:
    return any(stem in DUALS for c, stem in readings(word) if c <= 1)
