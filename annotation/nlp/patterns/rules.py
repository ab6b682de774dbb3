"""Entity pattern rules: each takes the token context and yields (first, clitic, last, label, confidence)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from annotation.nlp.lexicon import LexiconMatch
from annotation.nlp.patterns import words as W
from annotation.nlp.tokenize import Token, readings

Hit = tuple[int, int, int, str, float]  # first token, clitic chars, last token, label, confidence


@dataclass
class Context:
    tokens: list[Token]
    lexicon: dict[int, LexiconMatch]  # first token → match
    covered: dict[int, int]  # first token → last token of an ORG/LOC found so far (lexicon or rules)

    def word(self, j: int) -> str:
        return self.tokens[j].norm if 0 <= j < len(self.tokens) else ""

    def is_word(self, j: int) -> bool:
        return 0 <= j < len(self.tokens) and self.tokens[j].is_word and not self.tokens[j].norm.isascii()

    def lex_label(self, j: int) -> str | None:
        """Label of a lexicon match starting at j without a glued clitic (a "و" starts a new name)."""
        m = self.lexicon.get(j)
        return m.entry.label if m and m.clitic == 0 and not self.tokens[j].norm.startswith("لل") else None


@lru_cache(maxsize=262144)
def stem_in(word: str, table: frozenset, max_clitic: int = 3) -> tuple[int, str] | None:
    """The first clitic reading of a word found in table (a frozenset, so that answers can be cached)."""
    for clitic, stem in readings(word):
        if clitic <= max_clitic and stem in table:
            return clitic, stem
    return None


def _bare(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _nisba_stem(word: str) -> str | None:
    """'الإسرائيلية' → 'اسرائيلي' when it is a nationality adjective."""
    w = _bare(word)
    for cut in ("ه", "ين", "ون", ""):
        if cut and not w.endswith(cut):
            continue
        s = w[: len(w) - len(cut)] if cut else w
        if s in W.NATIONALITY_STEMS:
            return s
    return None


def org_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    heads = W.ALL_ORG_HEADS
    i = 0
    while i < n:
        found = stem_in(toks[i].norm, heads)
        if not found or (i in ctx.lexicon and ctx.lexicon[i].last > i):
            i += 1
            continue
        clitic, head = found
        if ctx.lex_label(i + 1) == "ORG" and head in ("جماعه", "حركه", "تنظيم", "مليشيا", "مليشيات", "ميليشيا", "ميليشيات"):
            i += 1
            continue  # "جماعة <a known group>": the known group is the entity
        if head in W.MEDIA_HEADS and _proper(ctx, i + 1):
            yield i, clitic, i + 1, "ORG", 0.65
            i += 2
            continue
        j = i + 1
        while j < n and j - i < 7:
            w = ctx.word(j)
            if stem_in(w, W.TITLES, 1) or w.startswith("المت"):
                break
            if head in W.LI_GENITIVE_HEADS and w.startswith("لل") and len(w) > 4 and j > i + 1:
                j += 1
                continue
            if ctx.lex_label(j) in ("LOC", "ORG"):
                j = ctx.lexicon[j].last + 1
                continue
            if (w.startswith("ال") and len(w) > 4 and w not in W.ORG_STOP) or w in W.ORG_CONSTRUCT:
                j += 1
                continue
            if head in W.NUMBERED_HEADS and w.isdecimal():
                j += 1
                break
            if j == i + 1 and not head.startswith("ال") and w.endswith("يه") and _nisba_stem(w):
                j += 1
                continue
            break
        last = j - 1
        while last > i and ctx.word(last) in W.ORG_CONSTRUCT:
            last -= 1
        if last > i:
            if (
                head in W.NUMBERED_HEADS
                and head.startswith("ال")
                and last == i + 1
                and ctx.word(last).isdecimal() is False
                and not ctx.word(last).startswith("ال")
            ):
                i += 1
                continue
            yield i, clitic, last, "ORG", 0.75
            i = last + 1
        elif head in W.ORG_ALONE:
            yield i, clitic, i, "ORG", 0.7
            i += 1
        else:
            i += 1


def _proper(ctx: Context, j: int) -> bool:
    w = ctx.word(j)
    return (
        ctx.is_word(j)
        and not w.startswith("ال")
        and w not in W.NAME_STOP
        and len(w) > 2
        and j not in ctx.lexicon
        and not w.endswith(("يه", "ات"))
        and w not in W.MEDIA_COMMON_NOUNS
    )


def fac_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    for i in range(n):
        found = stem_in(toks[i].norm, W.ALL_FAC_HEADS)
        if not found:
            continue
        clitic, head = found
        if head == "مركز" and ctx.word(i + 1) != "شرطه":
            continue
        j = i + 1
        while j < n and j - i < 6:
            w = ctx.word(j)
            if stem_in(w, W.TITLES, 1):
                break
            if ctx.lex_label(j) in ("LOC", "ORG"):
                j = ctx.lexicon[j].last + 1
                continue
            if (w.startswith("ال") and len(w) > 4 and w not in W.ORG_STOP) or w in ("شرطه", "ولايه", "امن", "قياده"):
                j += 1
                continue
            if j == i + 1 and w in W.PLACE_NAME_PREFIXES and ctx.is_word(j + 1):
                j += 2
                continue
            break
        if j - 1 > i and not (head in W.FAC_DEFINITE and ctx.lex_label(i + 1)):
            yield i, clitic, j - 1, "FAC", 0.7


def loc_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    heads = W.ALL_LOC_HEADS
    for i in range(n):
        found = stem_in(toks[i].norm, heads)
        if not found:
            continue
        clitic, head = found
        j = i + 1
        if ctx.word(j) in ("(", "«", '"', "“") and ctx.word(j + 2) in (")", "»", '"', "”"):  # "مدينة (الرمان)", "قرية «أم»"
            j += 1
        elif ctx.word(j) in ("«", '"', "“") and ctx.word(j + 3) in ("»", '"', "”"):
            j += 1
        prefixed = ctx.word(j) in W.PLACE_NAME_PREFIXES and _place_word(ctx, j + 1)
        media = ctx.lexicon.get(j)
        if media is not None and media.entry.label == "ORG" and head in W.PLACE_OVER_MEDIA_HEADS and _is_media(media.entry.key):
            yield j, 0, media.last, "LOC", 0.95
            continue
        known = ctx.lexicon.get(j)
        if known is not None and known.entry.label == "LOC" and head in W.LOC_DUAL_HEADS:
            last = known.last  # "بلدات ذيبان وX وY": a known town opens the list
        elif j in ctx.lexicon or not (prefixed or _place_word(ctx, j)):
            continue
        else:
            last = j
            if ctx.word(j) in W.PLACE_NAME_PREFIXES and _place_word(ctx, j + 1):
                last = j + 1
            last = _name_tail(ctx, last)
            if head in W.LOC_HEADS_KEEP:
                yield i, clitic, last, "LOC", 0.7
            else:
                yield j, 0, last, "LOC", 0.65
        k = last + 1
        while head in W.LOC_DUAL_HEADS and ctx.word(k).startswith("و") and k - i < 16:
            listed = ctx.lexicon.get(k)
            if listed is not None and listed.entry.label == "LOC":
                k = listed.last + 1  # a known place in the list: the list goes on after it
            elif k in ctx.lexicon or not _place_word(ctx, k, strip_wa=True):
                break
            else:
                end = k + 1 if ctx.word(k)[1:] in W.PLACE_NAME_PREFIXES and _place_word(ctx, k + 1) else k  # "وأبو X"
                yield k, 1, end, "LOC", 0.6
                k = end + 1
            if ctx.word(k) == "،":
                k += 1


_NOT_TAIL = W.LOC_NAME_STOP | W.TIME_WORDS | W.GROUP_PARTS | W.ALL_ORG_HEADS | W.ALL_FAC_HEADS | W.ALL_LOC_HEADS | W.TITLES | W.WEAPON_HEADS


def _name_tail(ctx: Context, last: int) -> int:
    """The last word of a place name of up to three words after its head ("منطقة بوكل دو موهون، …"): words
    without the article, followed by a comma, the end of the sentence, a preposition or a direction."""
    for extra in (2, 1):
        end = last + extra
        words = [ctx.word(x) for x in range(last + 1, end + 1)]
        if not all(ctx.is_word(x) for x in range(last + 1, end + 1)) or any(
            w.startswith(("ال", "و")) or stem_in(w, _NOT_TAIL, 2) or x in ctx.lexicon or len(w) < 2
            for x, w in zip(range(last + 1, end + 1), words, strict=True)
        ):
            continue
        after = ctx.word(end + 1)
        if not after or not ctx.is_word(end + 1) or after in W.PLACE_BOUNDARY or stem_in(after, W.ALL_LOC_HEADS, 2):
            return end
    return last


def _is_media(key: str | None) -> bool:
    from annotation.nlp.gazetteer import actor_index

    actor = actor_index().get(key or "")
    return actor is not None and not actor.actor_type


def _place_word(ctx: Context, j: int, strip_wa: bool = False) -> bool:
    if not ctx.is_word(j):
        return False
    w = ctx.word(j)[1:] if strip_wa else ctx.word(j)
    if len(w) < 3 or w in W.LOC_NAME_STOP or _bare(w) in W.LOC_NAME_STOP or (len(w) > 4 and w.endswith(("ها", "هم"))):
        return False
    # "منطقة نائية", "قرية زراعية": an indefinite feminine adjective, not a name
    return w.startswith("ال") or not w.endswith("يه")


def per_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    for i in range(n):
        if not stem_in(toks[i].norm, W.TITLES, max_clitic=2):
            continue
        j = i + 1
        while j < n and j - i < 9:
            w = ctx.word(j)
            if j in ctx.covered:
                j = ctx.covered[j] + 1
            elif w in W.TITLE_LINKS or stem_in(w, W.TITLES, 1):
                j += 1
            elif w == "في" and ctx.lex_label(j + 1) == "LOC":
                j = ctx.lexicon[j + 1].last + 1
            elif w.startswith("ال") and w not in W.NAME_STOP and not _surname(w):
                j += 1
            else:
                break
        hit = _name_at(ctx, j)
        if hit:
            yield hit


APPOSITIVE_TITLES = frozenset({"المتحدث", "الناطق", "رييس", "وزير", "مدير", "قايد", "محافظ", "عضو", "مساعد", "نايب"})


def appositive_hits(ctx: Context) -> Iterator[Hit]:
    """A two-word name set off by a comma before its title: "وأفاد ماهر الزيدي، الناطق باسم …"."""
    for i, tok in enumerate(ctx.tokens):
        if i < 3 or ctx.word(i - 1) != "،" or not stem_in(tok.norm, APPOSITIVE_TITLES, 2):
            continue
        hit = _name_at(ctx, i - 3, min_tokens=2)
        if hit and hit[2] == i - 2:
            yield hit


NAME_OPENERS = frozenset({"ابو", "عبد"})  # "أبو عبيدة", "عبد الرحيم …": a name begins here


def first_name_hits(ctx: Context) -> Iterator[Hit]:
    names = W.COMMON_FIRST_NAMES
    for i, tok in enumerate(ctx.tokens):
        w = tok.norm  # the name itself, no clitic: "ومحمد" is left to the rules after a title
        if (w in names or w in NAME_OPENERS or (w.startswith("عبد") and len(w) > 5)) and i not in ctx.covered:
            hit = _name_at(ctx, i, min_tokens=2)
            if hit:
                yield hit[0], hit[1], hit[2], "PER", 0.55


def _surname(w: str) -> bool:
    return w.startswith("ال") and w.endswith("ي") and len(w) > 4


def _name_at(ctx: Context, j: int, min_tokens: int = 1) -> Hit | None:
    w = ctx.word(j)
    if (
        not ctx.is_word(j)
        or w.startswith("ال")
        or (w.startswith("و") and len(w) > 3 and w not in W.COMMON_FIRST_NAMES)  # "ونائبه": a conjunction
        or w in W.NAME_STOP
        or len(w) < 2
        or j in ctx.lexicon
        or stem_in(w, W.TITLES, 1)
        or stem_in(w, W.NOT_NAME_HEADS, 0)
    ):
        return None
    if w.endswith(("ات", "ون")) or (w.endswith("ا") and len(w) > 3):
        return None
    last = j
    k = j + 1
    if w in W.NAME_CONNECTORS:  # "عبد" or "أبو" alone is no name: the next word belongs to it
        if not ctx.is_word(k) or k in ctx.lexicon or ctx.word(k) in W.NAME_STOP:
            return None
        last, k = k, k + 1
    while k < len(ctx.tokens) and k - j < 5:
        w = ctx.word(k)
        # "علي" is also "على" without its dots: inside a name only when a name goes on after it
        after = ctx.word(k + 1)
        ali = (
            w == "علي"
            and ctx.is_word(k + 1)
            and (after.startswith("ال") or after in W.COMMON_FIRST_NAMES)
            and after not in W.NAME_STOP
            and k + 1 not in ctx.lexicon
        )
        if not ctx.is_word(k) or (w in W.NAME_STOP and not ali) or k in ctx.lexicon or stem_in(w, W.TITLES, 1):
            break
        if w in W.NAME_CONNECTORS and ctx.is_word(k + 1):
            last = k + 1
            k += 2
            while ctx.word(last) in W.NAME_CONNECTORS and ctx.is_word(k):  # "بن عبد الرحمن"
                last, k = k, k + 1
            if _surname(ctx.word(last)):
                break
            continue
        if w.startswith("ال"):
            nxt = ctx.word(k + 1)
            if _surname(w) or not ctx.is_word(k + 1) or nxt in W.NAME_STOP or stem_in(nxt, W.NAME_STOP, 1):
                last = k
            break
        if (w.startswith("و") and len(w) > 3) or (w.endswith("ا") and len(w) > 3):
            break  # "… ومرافقه", "… فورًا": a conjunction or an accusative ends the name
        last = k
        k += 1
    if last - j + 1 < min_tokens:
        return None
    return j, 0, last, "PER", 0.7


def weapon_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    aircraft = W.AIRCRAFT
    for i in range(n):
        found = _weapon_head(toks[i].norm)
        if not found:
            continue
        clitic, head = found
        if ctx.word(i - 1) in ("خبير", "خبراء", "خبيرا", "مختبر"):
            continue
        j = i + 1
        while j < n and j - i < 6:
            w = ctx.word(j)
            b = _bare(w)
            if b in W.WEAPON_MODIFIERS or b in ("غاز",) or (head in aircraft and _nisba_stem(w) and w.endswith("ه")):
                j += 1
            elif w in ("بدون", "بلا") and ctx.word(j + 1) == "طيار":
                j += 2
            elif w == "(" and j + 2 < n and ctx.word(j + 2) == ")" and ctx.word(j + 1).isascii():
                j += 3
            else:
                break
        if j - 1 > i or head in W.WEAPON_ALONE or (head in W.DRONES and _drone_context(ctx, i, clitic)):
            yield i, clitic, j - 1, "WEAPON", 0.7


def _drone_context(ctx: Context, i: int, clitic: int) -> bool:
    """ "مسيرة" alone is a drone, not a march, after "بـ" ("بمسيرة"), after a verb of shooting down or striking
    ("أسقطت مسيرة"), or in the dual."""
    if ctx.word(i).endswith("تين") or (clitic and ctx.word(i)[:1] == "ب"):
        return True
    return any(stem_in(ctx.word(k), W.DRONE_VERBS, 1) is not None for k in range(max(0, i - 3), i))


@lru_cache(maxsize=65536)
def _weapon_head(word: str) -> tuple[int, str] | None:
    for clitic, stem in readings(word):
        for b in (stem, _bare(stem)):  # "الغام" (ألغام) is a head as it stands, "الصواريخ" without its article
            if clitic <= 3 and b in W.WEAPON_HEADS:
                return clitic, b
    return None


@lru_cache(maxsize=65536)
def _nationality_noun(word: str) -> tuple[int, bool] | None:
    """(clitic, needs a number before it) when the word is a nationality used as a noun: "تونسيين", "ليبيا" after a number."""
    for clitic, stem in readings(word):
        if clitic > 1:
            continue
        b = _bare(stem)
        if b.endswith(("ين", "ون")) and b[:-2] in W.NATIONALITY_STEMS:
            return clitic, False
        if b.endswith("يا") and b[:-1] in W.NATIONALITY_STEMS:
            return clitic, True
    return None


def norp_hits(ctx: Context) -> Iterator[Hit]:
    for i, tok in enumerate(ctx.tokens):
        found = _nationality_noun(tok.norm)
        if found is None or i in ctx.lexicon:
            continue
        clitic, counted = found
        prev = ctx.word(i - 1)
        if tok.norm.endswith("ون") and prev.endswith("ون") and len(prev) > 4:
            continue  # an adjective agreeing with its noun ("موظفون أردنيون"), not the group itself
        if not counted:
            yield i, clitic, i, "NORP", 0.65
        elif _is_count(ctx.word(i - 1)):
            yield i, clitic, i, "NORP", 0.6
    toks = ctx.tokens
    for i in range(1, len(toks)):
        # "استشهاد فلسطيني", "مقتل فلسطينية", "أنهى حياة فلسطينيا": a nationality alone after the victim's noun
        if toks[i - 1].norm in W.VICTIM_NOUNS and i not in ctx.lexicon and _nationality_person(toks[i].norm):
            yield i, 0, i, "NORP", 0.55


@lru_cache(maxsize=65536)
def _nationality_person(word: str) -> bool:
    for cut in ("يه", "يا", "ي"):
        if word.endswith(cut) and not word.startswith("ال") and word[: len(word) - len(cut)] + "ي" in W.NATIONALITY_STEMS:
            return True
    return False


def _is_count(w: str) -> bool:
    from annotation.nlp.numbers import TENS, UNITS

    return w.isdecimal() or w in UNITS or w in TENS or w in ("عشر", "عشره")
