"""Entity pattern rules: each takes the token context and yields (first, clitic, last, label, confidence)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from operator import is_

from annotation.nlp.dates import MONTHS, WEEKDAYS
from annotation.nlp.gazetteer import actor_index, agency_datelines, load_actors, village_names
from annotation.nlp.lexicon import LexiconMatch
from annotation.nlp.normalize import is_dropped, norm
from annotation.nlp.numbers import TENS, UNITS
from annotation.nlp.patterns import events as E
from annotation.nlp.patterns import words as W
from annotation.nlp.tokenize import NORM, Token, readings

Hit = tuple[int, int, int, str, float]  # first token, clitic chars, last token, label, confidence


@dataclass
class Context:
    tokens: list[Token]
    lexicon: dict[int, LexiconMatch]  # first token → match
    covered: dict[int, int]  # first token → last token of an ORG/LOC found so far (lexicon or rules)
    text: str = ""  # the original text (its spelling tells "على" from the name "علي", a pronoun's "ه" from "ة")

    def raw(self, j: int) -> str:
        """Token j as written in the original text ("" when out of range or without the text)."""
        return self.text[self.tokens[j].start : self.tokens[j].end] if self.text and 0 <= j < len(self.tokens) else ""

    def name_ali(self, j: int) -> bool:
        """Token j is the given name Ali, not the preposition "على" written without its dots: the text spells
        the preposition with alef maqsura elsewhere, this token with ya, and a name goes on after it."""
        if self.word(j) != "علي" or not self.raw(j).endswith("ي") or "على" not in self.text:
            return False
        after = self.word(j + 1)
        return j + 1 not in self.lexicon and (
            after in W.COMMON_FIRST_NAMES
            or after in W.NAME_CONNECTORS
            or (after.startswith("ال") and after.endswith("ي") and len(after) > 4)
        )

    def pronoun_suffix(self, j: int) -> bool:
        """Token j ends in a possessive pronoun as written ("أنصاره", "قواتها", "عناصرهم"), not in a ta marbuta
        ("حمزة"): a noun with its owner, which ends a name ("وقال X Y [أنصاره]" reads no third name)."""
        w = _strip_marks(self.raw(j))
        if len(w) <= 4 or w.endswith(("الله", "اللة")) or w == "عبده":
            return False
        return w.endswith(("ها", "هم", "هما")) or (w.endswith("ه") and not w.endswith("اه"))  # "منساه" is Mensah

    def __post_init__(self) -> None:
        self.norms = list(map(NORM, self.tokens))
        self._words = dict(enumerate(self.norms))  # index → normalised word: word() is called a thousand times

    def with_stem(self, table: frozenset, max_clitic: int = 3) -> Iterator[int]:
        """The tokens some clitic reading of which is in the table (stem_in), read from a per-table cache by a
        C-level map: a family that tests every token so first visits only these."""
        cache = _WITH_STEM.get((table, max_clitic))
        if cache is None or len(cache) > 200_000:
            cache = _WITH_STEM[(table, max_clitic)] = {}
        found = list(map(cache.get, self.norms))  # a reading, False (none), or None (a word not seen yet)
        if None in found:
            for w in _unseen(self.norms, found):
                cache[w] = stem_in(w, table, max_clitic) or False
            found = list(map(cache.__getitem__, self.norms))
        return compress(range(len(found)), found)

    def passing(self, test: Callable[[str], object]) -> Iterator[int]:
        """The tokens whose word passes the test (a function of the normalised word alone), read from a per-test
        cache by a C-level map: a family that would test every token in a Python loop visits only these."""
        cache = _PASSING.get(test)
        if cache is None or len(cache) > 200_000:
            cache = _PASSING[test] = {}
        found = list(map(cache.get, self.norms))  # True, False, or None (a word not seen yet)
        if None in found:
            for w in _unseen(self.norms, found):
                cache[w] = bool(test(w))
            found = list(map(cache.__getitem__, self.norms))
        return compress(range(len(found)), found)

    def among(self, words) -> Iterator[int]:
        """The tokens whose normalised word is in the set (or equals the string), found by a C-level map."""
        test = words.__eq__ if isinstance(words, str) else words.__contains__
        return compress(range(len(self.norms)), map(test, self.norms))

    def word(self, j: int) -> str:
        return self._words.get(j, "")

    def is_word(self, j: int) -> bool:
        return 0 <= j < len(self.tokens) and self.tokens[j].is_word and not self.tokens[j].norm.isascii()

    def inside_match(self, j: int) -> bool:
        """Token j lies inside a lexicon match that starts before it."""
        inner = self.__dict__.get("_inner")
        if inner is None:
            inner = self.__dict__["_inner"] = {k for m in self.lexicon.values() for k in range(m.first + 1, m.last + 1)}
        return j in inner

    def lex_label(self, j: int) -> str | None:
        """Label of a lexicon match starting at j without a glued clitic (a "و" starts a new name)."""
        m = self.lexicon.get(j)
        return m.entry.label if m and m.clitic == 0 and not self.tokens[j].norm.startswith("لل") else None


def _unseen(words: list[str], found: list) -> set[str]:
    """The words a per-word cache had no answer for (None in ``found``), picked out by C-level maps: an article
    brings few new words, and a Python loop over all its tokens to find them costs more than the answers."""
    return set(compress(words, map(is_, found, repeat(None))))


def _strip_marks(w: str) -> str:
    """The word as written without what norm() drops (diacritics, tatweel): its ة and ه stay apart."""
    return "".join(ch for ch in w if not is_dropped(ch))


_WITH_STEM: dict[tuple[frozenset, int], dict[str, tuple[int, str] | bool]] = {}  # (table, max clitic) → word → reading
_PASSING: dict[Callable[[str], object], dict[str, bool]] = {}  # test → word → whether it passes


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
    after = 0  # the first token a new name may start at (the last one read ends before it)
    for i in ctx.with_stem(heads):  # the tokens that read as a head, in order
        if i < after:
            continue
        found = stem_in(toks[i].norm, heads)
        if not found:
            continue
        known_end = ctx.lexicon[i].last if i in ctx.lexicon else i
        if known_end > i and not ctx.word(known_end + 1).startswith("لل"):
            continue  # a known name, read by the lexicon; the rule only reads a longer body it opens: "الوكالة الوطنية [للاستخبارات …]"
        clitic, head = found
        if head == "البحريه" and (not _nisba_stem(ctx.word(i + 1)) or ctx.word(i - 1).startswith(("ال", "وال", "بال", "لل"))):
            continue  # "البحرية الإيرانية" is the navy; "الحدود البحرية اللبنانية" a border
        if head in W.NATIONALITY_ONLY_HEADS and _nisba_stem(ctx.word(i + 1)) not in W.COUNTRY_NISBAS:
            continue  # "قوة إسرائيلية", "القوة الفرنسية"; not "قوة الانفجار"
        if head in W.ORG_OR_PLACE_HEADS and not ctx.word(i + 1).startswith("ال"):
            continue  # "دائرة دوينتزا" is a district (the place rules read it), "دائرة الأمن" an office
        if head == "قوات" and ctx.word(i + 1) in W.ORG_ALONE and not _nisba_stem(ctx.word(i + 2)):
            continue  # "قوات [الجيش] والشرطة": the body the generic head stands before ("قوات الجيش الجزائري" is whole)
        if ctx.lex_label(i + 1) == "ORG" and head in ("جماعه", "حركه", "تنظيم", "مليشيا", "مليشيات", "ميليشيا", "ميليشيات"):
            continue  # "جماعة <a known group>": the known group is the entity
        if head in W.MEDIA_HEADS and _proper(ctx, i + 1) and known_end == i:
            yield i, clitic, i + 1, "ORG", 0.65
            after = i + 2
            continue
        if head == "قناه" and ctx.lex_label(i + 1) == "LOC":
            continue  # "قناة السويس" is a canal: a channel is named after a place by the broadcaster heads below
        if head in W.BROADCASTER_HEADS and ctx.lex_label(i + 1) == "LOC" and known_end == i:
            last = ctx.lexicon[i + 1].last  # "إذاعة الخرطوم", "راديو كلمية", "تلفزيون عدن": an outlet named after a place
            yield i, clitic, last, "ORG", 0.65
            after = last + 1
            continue
        j = i + 1
        while j < n and j - i < 7:
            w = ctx.word(j)
            if (stem_in(w, W.TITLES, 1) or _speaker_word(ctx, j)) and not _agreeing_nisba(ctx, i, j, head):
                break
            if head in W.LI_GENITIVE_HEADS and w.startswith("لل") and len(w) > 4 and j > i + 1:
                known = ctx.lexicon.get(j)
                if known is None:
                    j += 1  # "المفوضية العليا للانتخابات"
                    continue
                if _armed_group(known):
                    break  # "لجنة شؤون الأسرى [للحوثيين]": another body
                j = known.last + 1  # "الإدارة العامة للأمن الوطني"
                if _nisba_stem(ctx.word(known.last)) in W.COUNTRY_NISBAS:
                    break  # "هيئة الأركان للجيش الجزائري [القضاء] على …": its nationality closes the name
                continue
            if (
                head in W.LI_GENITIVE_HEADS
                and j > i + 1
                and w[:1] == "ل"
                and (w[1:] in W.ORG_CONSTRUCT or (w.endswith("ه") and len(w) > 4))
            ):
                if _definite(ctx, j + 1):
                    j += 2  # "المفوضية السامية لحقوق الإنسان", "المديرية العامة لمراقبة التراب …"
                    continue
                if ctx.lex_label(j + 1) == "LOC":
                    j = ctx.lexicon[j + 1].last + 1  # "القيادة العامة لشرطة دبي"
                    continue
            if (
                w == "عن"
                and head in W.LI_GENITIVE_HEADS
                and any(ctx.word(k).startswith("ل") for k in (j - 1, j - 2) if k > i)
                and (_definite(ctx, j + 1) or ctx.word(j + 1) in W.ORG_CONSTRUCT)
            ):
                j += 1  # "الرابطة … للدفاع عن حقوق الإنسان"
                continue
            if (w in W.ORG_CONSTRUCT or ctx.lex_label(j) == "ORG") and not w.startswith("ال") and ctx.word(j - 1).startswith("ال"):
                break  # a construct chain ends at its definite noun: "فصائل المعارضة [قوات] النظام" is two bodies
            if ctx.lex_label(j) in ("LOC", "ORG"):
                j = ctx.lexicon[j].last + 1
                continue
            if w == "الجنوب" and not ctx.word(j + 1).startswith("ال") and _nisba_stem(ctx.word(j + 1)) in W.COUNTRY_NISBAS:
                j += 1  # a compound nisba: "الجيش الجنوب سوداني", "الشرطة الجنوب أفريقية"
                w = ctx.word(j)
            if (w.startswith("ال") or ctx.word(j - 1) == "الجنوب") and len(w) > 4 and _nisba_stem(w) in W.COUNTRY_NISBAS:
                j += 1  # a nationality adjective closes the name: "الحكومة اليمنية [المعترف بها]"
                if ctx.word(j) in W.FORCE_ADJECTIVES:  # … but for a force's kind: "القوات الصومالية الخاصة"
                    j += 1
                elif head in W.LI_GENITIVE_HEADS and ctx.word(j).startswith("لل") and j + 1 not in ctx.lexicon:
                    continue  # … or a body's purpose: "الرابطة التونسية للدفاع عن …"
                break
            if j == i + 1 and head.startswith("ال") and w.startswith("ال") and not _adjective_like(w):
                break  # a definite head takes adjectives, not a construct: "[الحكومة] الحداد"
            if j == i + 1 and head in W.MASCULINE_ORG_HEADS and w.startswith("ال") and w.endswith(("ه", "ات")):
                break  # no feminine adjective after a masculine body: "[الجيش] السيطرة" is what it announced
            if w.startswith("ال") and ctx.word(j - 1).startswith("لل") and j > i + 2 and not _adjective_like(w):
                break  # after a li- genitive only its adjective: "المجلس الأعلى للدولة [القرار]"
            if w.startswith("ال") and ctx.word(j + 1) in _PRONOUN_COMPLEMENTS:
                break  # a participle with its own complement describes the body: "الحكومة [المعترف بها] دوليا"
            if (w.startswith("ال") and (len(w) > 4 or w in W.ORG_ADJECTIVES) and w not in W.ORG_STOP) or w in W.ORG_CONSTRUCT:
                j += 1  # "الحر" is short but an adjective: "الحزب الدستوري الحر"
                continue
            if head in W.COMPOUND_PORTFOLIO_HEADS and j > i + 1 and _second_portfolio(ctx, j):
                j += 1  # "وزارة الصحة والسكان", "وزارة الداخلية والجماعات المحلية"
                continue
            if j > i + 1 and _security_pair(ctx, j):
                j += 1  # "جهاز الأمن والمخابرات", "الوكالة الوطنية للاستخبارات والأمن"
                continue
            if j > i + 1 and head in W.LI_GENITIVE_HEADS and _second_task(ctx, j):
                j += 2  # "هيئة الرقابة ومكافحة الفساد", "وكالة الغوث وتشغيل اللاجئين"
                continue
            if j == i + 1 and head in W.CHAIN_HEADS and _construct_noun(ctx, j):
                named = next((k for k in (j + 1, j + 2) if _definite(ctx, k) or ctx.lex_label(k) in ("LOC", "ORG")), None)
                if named == j + 1 or (named == j + 2 and _construct_noun(ctx, j + 1)):
                    j = named  # a construct chain: "قوات درع السودان", "جبهة تحرير شعب تيغراي"
                    continue
            if head in W.NUMBERED_HEADS and w.isdecimal():
                j += 1
                break
            if j == i + 1 and not head.startswith("ال") and w.endswith("يه") and _nisba_stem(w):
                j += 1  # "قوات إسرائيلية": an indefinite body ends at its adjective, never runs into the object
            break
        last = j - 1
        while last > i and ctx.word(last) in W.ORG_CONSTRUCT and not ctx.word(last).startswith("ال"):
            last -= 1
        if last > known_end:
            if (
                head in W.NUMBERED_HEADS
                and head.startswith("ال")
                and last == i + 1
                and ctx.word(last).isdecimal() is False
                and not ctx.word(last).startswith("ال")
            ):
                continue
            yield i, clitic, last, "ORG", 0.75
            after = last + 1
        elif head in W.ORG_ALONE and known_end == i:
            yield i, clitic, i, "ORG", 0.7


_PRONOUN_COMPLEMENTS = W._words("بها به لها له فيها فيه عليها عليه منها منه عنها عنه")


def _second_portfolio(ctx: Context, j: int) -> bool:
    """ "والسكان" after a ministry's first portfolio: another portfolio, not another body or place ("وزارة الدفاع
    [والجيش]", "وزارة الصحة [والمستشفيات]")."""
    w = ctx.word(j)
    return w[:1] == "و" and w[1:] in W.SECOND_PORTFOLIOS and ctx.word(j - 1).startswith("ال") and j not in ctx.lexicon


_SECURITY_FUNCTIONS = W._words("امن مخابرات استخبارات دفاع")


def _security_pair(ctx: Context, j: int) -> bool:
    """ "والمخابرات" right after "الأمن" (or "للاستخبارات"): the second function of one security agency, not a
    second body ("قوات الجيش [والشرطة]" is two)."""
    w, before = ctx.word(j), ctx.word(j - 1)
    prev = before[2:] if before.startswith("لل") else _bare(before)
    return w.startswith("وال") and w[3:] in _SECURITY_FUNCTIONS and prev in _SECURITY_FUNCTIONS


def _second_task(ctx: Context, j: int) -> bool:
    """ "ومكافحة الفساد" after an institution's first task: a second verbal noun and its object, joined by "و"
    ("هيئة النزاهة ومكافحة الفساد"); not a second body or a noun of people ("الجيش [وسكان] المنطقة"), and never
    after a force ("قوات الاحتلال [وتدمير] المنازل" is what the force did)."""
    w, obj = ctx.word(j), ctx.word(j + 1)
    task = w[1:]
    shaped = _verbal_noun(task) or (len(task) == 6 and task[0] == "م" and task[2] == "ا" and task.endswith("ه"))
    return (
        w[:1] == "و"
        and shaped
        and ctx.word(j - 1).startswith(("ال", "لل"))
        and obj.startswith("ال")
        and j not in ctx.lexicon
        and j + 1 not in ctx.lexicon
    )


def _speaker_word(ctx: Context, j: int) -> bool:
    """ "المتحدث", "المتهمين": a participle in المت that names a person after a body, not the body's feminine
    adjective ("المحكمة الجزائية [المتخصصة]") unless a title's link follows ("المتحدثة باسم …")."""
    w = ctx.word(j)
    return w.startswith("المت") and (not w.endswith("ه") or ctx.word(j + 1) in W.TITLE_LINKS)


def _agreeing_nisba(ctx: Context, i: int, j: int, head: str) -> bool:
    """A title that is a nisba right after a definite masculine head agrees with it as its adjective: "المكتب
    [الإعلامي]", not "الإعلامي" the journalist."""
    w = ctx.word(j)
    return j == i + 1 and head in W.MASCULINE_ORG_HEADS and w.startswith("ال") and w.endswith("ي") and len(w) > 5


_QUOTES = {"«": "»", '"': '"', "“": "”"}


def quoted_org_hits(ctx: Context) -> Iterator[Hit]:
    """The quoted name after an organisation's head: "حركة «X»", "قناة "X"", "جماعة "X Y"" (the name without its
    head and quotes, as the gold writes "قناة «الجزيرة»"); the quoted words may be a place's name elsewhere."""
    toks, n = ctx.tokens, len(ctx.tokens)
    for q in ctx.among(_QUOTES.keys()):
        if not 1 <= q < n - 1:
            continue
        close = _QUOTES[toks[q].norm]
        i = q - 1
        found = stem_in(toks[i].norm, W.QUOTED_ORG_HEADS)
        if not found:
            continue
        end = next((k for k in range(i + 2, min(n, i + 7)) if ctx.word(k) == close), None)
        if end is None or end == i + 2 or not all(ctx.is_word(k) or ctx.word(k).isascii() for k in range(i + 2, end)):
            continue
        yield i + 2, 0, end - 1, "ORG", 0.95  # over a place of the same spelling ("حركة «ماسينا»")


def dateline_agency_hits(ctx: Context) -> Iterator[Hit]:
    """An agency's short name in parentheses or slashes, as a dateline signs a wire: "الدوحة (قنا) -", "برلين (د ب
    أ)", "الكويت /كونا/" (over a place of the same spelling: قنا, بترا)."""
    agencies = agency_datelines()
    toks, n = ctx.tokens, len(ctx.tokens)
    for q in compress(range(n - 2), map(_BRACKETS.__contains__, ctx.norms)):
        close = _BRACKETS[toks[q].norm]  # "(قنا)", and "/قنا/" as Gulf agencies write it
        end = next((k for k in range(q + 2, min(n, q + 5)) if toks[k].norm == close), None)
        if end is not None and " ".join(ctx.word(k) for k in range(q + 1, end)) in agencies:
            yield q + 1, 0, end - 1, "ORG", 0.95
    yield from _dateline_outlet(ctx)


_DASHES = frozenset({"-", "–", "—"})
_BRACKETS = {"(": ")", "/": "/"}


def _dateline_outlet(ctx: Context) -> Iterator[Hit]:
    """The outlet that signs the article's dateline, known or not: "الموصل / صدى – …", "الدوحة (قنا) - …" (the
    place, then one to three words between a slash or a bracket and a dash; a date there is no outlet)."""
    place = ctx.lexicon.get(0)
    if place is None or place.entry.label != "LOC" or place.clitic:
        return
    q = place.last + 1
    if ctx.word(q) in _DASHES:  # "وهران - الغد الجزائري" and the body's first paragraph after it
        end = next((k for k in range(q + 2, q + 5) if "\n" in ctx.text[ctx.tokens[k - 1].end : ctx.tokens[k].start]), None)
        if end is not None and all(ctx.is_word(k) for k in range(q + 1, end)):
            yield q + 1, 0, end - 1, "ORG", 0.9
        return
    close = {"(": ")", "/": "/"}.get(ctx.word(q))
    end = next((k for k in range(q + 2, q + 5) if ctx.word(k) == close or ctx.word(k) in _DASHES), None)
    if close is None or end is None or not (ctx.word(end) in _DASHES or ctx.word(end + 1) in _DASHES):
        return
    words = [_bare(ctx.word(k)) for k in range(q + 1, end)]
    if all(ctx.is_word(k) for k in range(q + 1, end)) and not any(w in MONTHS or "ال" + w in WEEKDAYS for w in words):
        yield q + 1, 0, end - 1, "ORG", 0.9


_OPENING_QUOTES = frozenset({"«", '"', "“", "”"})
_CLOSING_QUOTES = frozenset({"»", '"', "”", "“"})
_INTERVIEW_NOUNS = frozenset({"تصريح", "تصريحات", "حديث", "مقابله", "تصريحه", "حديثه", "بيان"})


def told_outlet_hits(ctx: Context) -> Iterator[Hit]:
    """The quoted outlet someone spoke to: "وقال أحد السكان لـ«صدى الجنوب» إن", "في تصريح لـ"X"" (ل, then the
    name in quotes, after a verb of saying or a noun of an interview)."""
    toks, n = ctx.tokens, len(ctx.tokens)
    for i in compress(range(n - 3), map("ل".__eq__, ctx.norms)):
        if i == 0 or toks[i + 1].norm not in _OPENING_QUOTES:
            continue
        end = next((k for k in range(i + 3, min(n, i + 6)) if toks[k].norm in _CLOSING_QUOTES), None)
        if end is None or not all(ctx.is_word(k) for k in range(i + 2, end)):
            continue
        before = (ctx.word(k) for k in range(max(0, i - 6), i))
        if any(w in _SPEECH_FORMS or w in _INTERVIEW_NOUNS for w in before):  # not "دعا لـ"…"": called for
            yield i + 2, 0, end - 1, "ORG", 0.9


_KNOWN_AS = frozenset({"المعروفه", "المعروف", "المعروفين", "المسماه", "المسمي", "المعروفون"})


def known_as_hits(ctx: Context) -> Iterator[Hit]:
    """The quoted name a force or group is known by: "الوحدة الخاصة المعروفة بـ«النسور»", "… المعروفة
    باسم «الصاعقة»" (a body's head among the few words before)."""
    toks, n = ctx.tokens, len(ctx.tokens)
    for i in compress(range(n - 4), map(_KNOWN_AS.__contains__, ctx.norms)):
        q = i + 2 if toks[i + 1].norm in ("ب", "باسم") else i + 1
        if toks[q].norm not in _OPENING_QUOTES or (q == i + 1 and not toks[i + 1].norm.startswith("ب")):
            continue
        end = next((k for k in range(q + 2, min(n, q + 5)) if toks[k].norm in _CLOSING_QUOTES), None)
        if end is None or not all(ctx.is_word(k) for k in range(q + 1, end)):
            continue
        if any(stem_in(ctx.word(k), W.ALL_ORG_HEADS, 3) for k in range(max(0, i - 5), i)):
            yield q + 1, 0, end - 1, "ORG", 0.9


def _armed_group(m: LexiconMatch) -> bool:
    """A known armed group or people (not a state body, an office or a sector)."""
    actor = actor_index().get(m.entry.key or "")
    return m.entry.label == "NORP" or (actor is not None and actor.actor_type in W.NON_STATE_ACTOR_TYPES)


def known_org_nationality_hits(ctx: Context) -> Iterator[Hit]:
    """A known state or civil body followed by the adjective of its country: "خفر السواحل الليبي", "مجلس النواب
    الليبي", "الدفاع المدني السوري" (an armed group's adjective only describes it: "حزب الله [اللبناني]")."""
    actors = actor_index()
    for m in ctx.lexicon.values():
        actor = actors.get(m.entry.key or "")
        if m.entry.label == "ORG" and actor is not None and actor.actor_type in W.NATIONAL_BODY_TYPES:
            w = ctx.word(m.last + 1)
            if w.startswith("ال") and _nisba_stem(w) in W.COUNTRY_NISBAS:
                yield m.first, m.clitic, m.last + 1, "ORG", 0.8


@lru_cache(maxsize=1)
def _headless_group_names() -> dict[str, tuple[str, ...]]:
    """The armed groups' names written with a generic head, by the first word after it: "حركة الشباب" → الشباب."""
    out: dict[str, tuple[str, ...]] = {}
    for actor in load_actors():
        if actor.label != "ORG" or actor.actor_type not in W.NON_STATE_ACTOR_TYPES:
            continue
        for name in (actor.name_ar, *actor.aliases):
            head, *rest = norm(name).split()
            if head in W.GROUP_GENERIC_HEADS and rest:
                out.setdefault(rest[0], tuple(rest))
    return out


def fighters_group_hits(ctx: Context) -> Iterator[Hit]:
    """A group named without its generic head after its fighters: "قتل عشرة من مسلحي [الشباب]" (alone, "الشباب"
    may be the young)."""
    names = _headless_group_names()
    for i in ctx.with_stem(W.FIGHTER_NOUNS, 1):
        rest = names.get(ctx.word(i + 1))
        if rest and i + 1 not in ctx.covered and all(ctx.word(i + 1 + k) == w for k, w in enumerate(rest)):
            yield i + 1, 0, i + len(rest), "ORG", 0.7


def _adjective_like(w: str) -> bool:
    """A definite word that can be an adjective: a nisba, a feminine or plural ending, a participle."""
    # not a plural in -in/-un: a body's adjective agrees with it ("[الشرطة] المحتجين" is the object)
    return w.endswith(("ي", "يه", "ه")) or (w.startswith(("الم", "الا")) and not w.endswith(("ين", "ون"))) or w in W.ORG_ADJECTIVES


def _definite(ctx: Context, j: int) -> bool:
    w = ctx.word(j)
    return w.startswith("ال") and len(w) > 4 and w not in W.ORG_STOP


def _construct_noun(ctx: Context, j: int) -> bool:
    """An indefinite noun that can be the first term of a name's construct chain ("درع", "تحرير", "حفظ")."""
    w = ctx.word(j)
    return (
        ctx.is_word(j)
        and len(w) > 2
        and not w.startswith(("ال", "و"))
        and not w.endswith(("يه", "ا", "ات", "ين", "ون"))
        and w not in W.NAME_STOP
        and w not in W.TIME_WORDS
        and j not in ctx.lexicon
        and not stem_in(w, W.TITLES, 1)
    )


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
    for i in ctx.with_stem(W.ALL_FAC_HEADS):
        found = stem_in(toks[i].norm, W.ALL_FAC_HEADS)
        if not found:
            continue
        clitic, head = found
        if head == "مركز" and ctx.word(i + 1) != "شرطه":
            continue
        if head == "طريق" and not clitic and ctx.word(i - 1) == "عن":
            continue  # "عن طريق البحر": by way of, no road
        if head == "سيطره" and (
            any(ctx.word(k) == "علي" for k in range(i + 1, i + 6))
            or ctx.lex_label(i + 1) == "ORG"
            or stem_in(ctx.word(i + 1), W.CHAIN_HEADS, 1)
        ):
            continue  # "سيطرة المسلحين على …", "سيطرة قوات X": control, not a checkpoint
        j = _fac_name_end(ctx, i + 1, definite=head.startswith("ال")) + 1
        while j < n and j - i < 6:
            w = ctx.word(j)
            if stem_in(w, W.TITLES, 1):
                break
            if w == "العام" and j > i + 1 and head in ("مستشفي", "المستشفي"):
                j += 1  # "مستشفى الثورة العام": the general hospital, not the year
                continue
            if ctx.lex_label(j) in ("LOC", "ORG"):
                j = ctx.lexicon[j].last + 1
                continue
            # a short definite name right after a named facility's head counts too ("مستشفى النو")
            shortest = 4 if j == i + 1 and head in W.FAC_NAMED_HEADS else 5
            long_enough = len(w) > 4 or (len(w) >= shortest and w not in W.LOC_NAME_STOP)
            if (w.startswith("ال") and long_enough and w not in W.ORG_STOP) or w in (
                "شرطه",
                "ولايه",
                "امن",
                "قياده",
            ):
                j += 1
                continue
            if j == i + 1 and w in W.PLACE_NAME_PREFIXES and ctx.is_word(j + 1):
                j += 2
                continue
            break
        if j - 1 == i + 1 and ctx.word(j - 1) in W.GENERIC_FORCES:
            continue  # "معسكر الجيش", "مقر الشرطة": the army's camp, not a camp's name
        if j - 1 > i and not (head in W.FAC_DEFINITE and ctx.lex_label(i + 1)):
            yield i, clitic, j - 1, "FAC", 0.7


def _fac_name_end(ctx: Context, j: int, definite: bool = False) -> int:
    """The last token of a facility's proper name right after its head, or j - 1 when there is none: a person's
    name ("مسجد عمر بن الخطاب"), a name opened by a prefix ("مستشفى ابن سينا", "معبر كرم أبو سالم"), or one
    unknown word the facility's adjective follows ("حقل هجليج النفطي"). A definite head takes no such name
    ("للشؤون القنصلية نزار …": an adjective, then the official)."""
    w = ctx.word(j)
    if not definite and w in W.FAC_PERSON_TITLES and ctx.is_word(j + 1):
        hit = _name_at(ctx, j + 1)  # "مستشفى الملك عبدالله", "مطار الشهيد …"
        if hit:
            return hit[2]
    if (
        not definite
        and w.startswith("ال")
        and w[2:] in W.COMMON_FIRST_NAMES
        and j not in ctx.lexicon
        and j + 1 not in ctx.lexicon
        and ctx.word(j + 1) not in W.LOC_NAME_STOP
    ):
        hit = _name_rest(ctx, j, j, j + 1, 2)  # "شارع الحبيب بورقيبة": a name opened by a definite given name
        if hit:
            return hit[2]
    if definite or not ctx.is_word(j) or w.startswith("ال") or j in ctx.lexicon or w in W.NAME_STOP:
        return j - 1
    if w in W.COMMON_FIRST_NAMES or w in NAME_OPENERS:
        hit = _name_at(ctx, j, min_tokens=2)
        if hit:
            return hit[2]
        if w in W.COMMON_FIRST_NAMES and (not ctx.is_word(j + 1) or ctx.word(j + 1) in W.NAME_STOP):
            return j  # one given name: "مستشفى ناصر"
    if w in W.FAC_NAME_PREFIXES and ctx.is_word(j + 1) and ctx.word(j + 1) not in W.NAME_STOP:
        last = j + 1
        while ctx.word(last) in W.NAME_CONNECTORS and ctx.is_word(last + 1):  # "كرم أبو سالم"
            last += 1
        return last
    after = ctx.word(j + 1)
    # the facility's adjective, masculine or feminine ("حقل هجليج النفطي", "قاعدة بلدوغلي الجوية")
    adjective_after = after.startswith("ال") and after.endswith(("ي", "يه")) and after not in W.ORG_STOP
    if (
        stem_in(ctx.word(j - 1), W.FAC_NAMED_HEADS, 3)
        and len(w) > 2
        and not w.endswith(("يه", "ات", "ين", "ون"))
        and (adjective_after or not w.endswith("ي"))
        and w not in W.FAC_NAME_ADJECTIVES
        and not stem_in(w, _NOT_TAIL, 2)
        and (
            not ctx.is_word(j + 1)
            or after in W.PLACE_BOUNDARY
            or adjective_after
            or (j + 1 in ctx.lexicon and ctx.lexicon[j + 1].entry.label == "LOC")
            or stem_in(after, W.ALL_LOC_HEADS, 2)
        )
    ):
        return j  # "سجن كوبر في …", "معبر أدري الحدودي", "مستشفى X بمدينة …"
    if (
        len(w) > 2
        and not w.endswith(("يه", "ي", "ات", "ا"))
        and not stem_in(w, _NOT_TAIL, 2)
        and after.startswith("ال")
        and after.endswith(("ي", "يه"))
        and after not in W.ORG_STOP
        and not _nisba_stem(after)
    ):
        return j
    return j - 1


def loc_hits(ctx: Context) -> Iterator[Hit]:
    toks = ctx.tokens
    heads = W.ALL_LOC_HEADS
    for i in ctx.with_stem(heads):
        found = stem_in(toks[i].norm, heads)
        if not found or ctx.covered.get(i, i) > i:
            continue  # "مديرية المخابرات": the organisation rules read the head already
        clitic, head = found
        if head in W.LOC_HEADS_AFTER_PREPOSITION and not clitic and ctx.word(i - 1) not in W.PLACE_PREPOSITIONS:
            continue
        j = i + 1
        if ctx.word(j) in ("(", "«", '"', "“") and ctx.word(j + 2) in (")", "»", '"', "”"):  # "مدينة (الرمان)", "قرية «أم»"
            j += 1
        elif ctx.word(j) in ("«", '"', "“") and ctx.word(j + 3) in ("»", '"', "”"):
            j += 1
        prefixed = ctx.word(j) in W.PLACE_NAME_PREFIXES and _after_name_prefix(ctx, j + 1)
        media = ctx.lexicon.get(j)
        if media is not None and media.entry.label == "ORG" and head in W.PLACE_OVER_MEDIA_HEADS and _is_media(media.entry.key):
            yield j, 0, media.last, "LOC", 0.95
            continue
        known = ctx.lexicon.get(j)
        if known is not None and known.entry.label == "LOC" and head in W.LOC_DUAL_HEADS:
            last = known.last  # "بلدات ذيبان وX وY": a known town opens the list
        elif known is not None and known.entry.label == "LOC":
            # a known name that is only the first word of this place's name ("بلدة بولو حاوو،"): the head's whole
            # name is another place, the namesake elsewhere says nothing of it
            if head in W.LOC_HEADS_DROP and _second_name_word(ctx, known.last + 1):
                yield j, 0, known.last + 1, "LOC", 0.65
            continue
        elif j in ctx.lexicon or not (prefixed or _place_word(ctx, j)):
            continue
        else:
            last = j
            if ctx.word(j) in W.PLACE_NAME_PREFIXES and _after_name_prefix(ctx, j + 1):
                last = j + 1
            if not ctx.word(last).startswith("ال"):  # "منطقة بوكل دو موهون"; a definite name is whole …
                last = _name_tail(ctx, last)
            elif ctx.word(last + 1) in W.PLACE_ADJECTIVES:  # … but for its size or age: "الوادي الكبير"
                last += 1
            if head in W.LOC_HEADS_KEEP:
                yield i, clitic, last, "LOC", 0.7
            else:
                yield j, 0, last, "LOC", 0.65
        k = last + 1
        while head in W.LOC_DUAL_HEADS and ctx.word(k).startswith("و") and k - i < 16:
            listed = ctx.lexicon.get(k)
            if listed is not None and listed.entry.label == "LOC":
                k = listed.last + 1  # a known place in the list: the list goes on after it
            elif ctx.word(k)[1:] in W.LOC_HEADS_DROP and _place_word(ctx, k + 1) and k + 1 not in ctx.lexicon:
                yield k + 1, 0, k + 1, "LOC", 0.6  # "… وحي X": a place of another kind in the list
                k += 2
            elif k in ctx.lexicon or not _place_word(ctx, k, strip_wa=True, in_list=True):
                break
            else:
                end = k + 1 if ctx.word(k)[1:] in W.PLACE_NAME_PREFIXES and _place_word(ctx, k + 1) else k  # "وأبو X"
                if end == k and _list_ends_with_two_words(ctx, k):
                    end = k + 1  # the last of the list in two words: "… وطير حرفا في …"
                yield k, 1, end, "LOC", 0.6
                k = end + 1
            if ctx.word(k) == "،":
                k += 1
                listed = ctx.lexicon.get(k)
                if listed is None or listed.entry.label != "LOC" or listed.clitic != 1:
                    break  # after a comma the list goes on only with a known place: "، وقال …" is a new clause


def between_hits(ctx: Context) -> Iterator[Hit]:
    """A place named beside a known one after «بين»: "الطريق بين غاو وتيسيت", "بين أنسونغو والعاصمة"."""
    for i in ctx.among("بين"):
        a = ctx.lexicon.get(i + 1)
        if a is not None and a.entry.label == "LOC" and a.clitic == 0:
            b = a.last + 1
            if ctx.word(b)[:1] == "و" and b not in ctx.lexicon and _place_word(ctx, b, strip_wa=True) and _ends_there(ctx, b):
                yield b, 1, b, "LOC", 0.6
        elif (
            i + 1 not in ctx.lexicon
            and _place_word(ctx, i + 1)
            and not ctx.word(i + 1).startswith("ال")
            and not stem_in(ctx.word(i + 1), _NOT_TAIL, 2)
        ):
            b = ctx.lexicon.get(i + 2)
            if b is not None and b.entry.label == "LOC" and b.clitic == 1 and ctx.word(i + 2)[:1] == "و":
                yield i + 1, 0, i + 1, "LOC", 0.6


def place_adjective_hits(ctx: Context) -> Iterator[Hit]:
    """A known place after a preposition with the adjective of its part or age: "في القدس الشرقية", "بالموصل
    القديمة" (after a noun the adjective is that noun's: "ريف حلب الشمالي")."""
    for m in ctx.lexicon.values():
        if (
            m.entry.label == "LOC"
            and ctx.word(m.last + 1) in W.PLACE_PART_ADJECTIVES
            and m.last + 1 not in ctx.lexicon
            and (m.clitic > 0 or not ctx.is_word(m.first - 1) or ctx.word(m.first - 1) in W.PLACE_PREPOSITIONS)
        ):
            yield m.first, m.clitic, m.last + 1, "LOC", 0.8


def place_prefix_hits(ctx: Context) -> Iterator[Hit]:
    """A known place's name read as the second word of a compound one after a place-name prefix: "عين الحلوة",
    "تل الهوى", "بئر العبد" (the lexicon alone would find only the second word)."""
    for m in list(ctx.lexicon.values()):
        k = m.first - 1
        if m.entry.label != "LOC" or m.clitic or k < 0 or not ctx.word(m.first).startswith("ال") or k in ctx.covered:
            continue
        if ctx.inside_match(k) or ctx.lexicon.get(k) is not None:
            continue
        found = stem_in(ctx.word(k), W.PLACE_NAME_PREFIXES - W.NAME_CONNECTORS, 1)
        if found is not None and found[0] in (0, 1) and (found[0] == 0 or ctx.word(k)[0] in "وبلف"):
            yield k, found[0], m.last, "LOC", 0.8


def _with_clitics(table: frozenset, clitics: tuple[str, ...]) -> frozenset:
    """Every word of table with each of the clitics before it (a set lookup instead of a clitic reading per token)."""
    return frozenset(c + w for w in table for c in ("", *clitics))


_DIRECTION_FORMS = _with_clitics(W.CARDINAL_DIRECTIONS, ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"))


def direction_hits(ctx: Context) -> Iterator[Hit]:
    """One unknown indefinite word after a cardinal direction, ending there: "جنوب كيسمايو", "شمالي دوري،"."""
    for i in ctx.among(_DIRECTION_FORMS):
        j = i + 1
        w = ctx.word(j)
        if (
            j in ctx.lexicon
            or ctx.inside_match(j)
            or not _place_word(ctx, j)
            or w.startswith(("ال", "و", "لل"))
            or w.endswith(("ات", "ين", "ون", "يه", "ا"))
            or len(w) < 3
            or stem_in(w, _NOT_TAIL, 2)
            or w in W.COMMON_FIRST_NAMES
            or not _ends_there(ctx, j)
        ):
            continue
        yield j, 0, j, "LOC", 0.6


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every single word of the event cues and of the drafter's word lists: common words, never a place's name."""
    cues = {w for _, _, phrases in E.TRIGGERS for phrase in phrases for w in phrase}
    lists = {w for name in E.WORDS for phrase in E.phrases(name) for w in phrase}
    return frozenset(cues | lists)


def anchored_place_hits(ctx: Context) -> Iterator[Hit]:
    """One unknown indefinite word after "في/قرب/عند/على" that the words after it place in a known one:
    "الواقعة/التابعة" ("في كولوفاتا الواقعة في ولاية بورنو") or a province head with ب and a known place ("في دوغو
    بولاية زمفرا")."""
    prepositions = W.LOCATIVE_PREPOSITIONS
    for i in list(ctx.among(prepositions)):
        if _anchored(ctx, i + 2) and _unknown_name_word(ctx, i + 1):
            yield i + 1, 0, i + 1, "LOC", 0.6


def listed_village_hits(ctx: Context) -> Iterator[Hit]:
    """A one-word village of the open lists (wof_villages.tsv) where the words before it say a place is named: a
    locative preposition or a direction ("في بابنوسة", "شمال X"), or the "و" of a list right after a place ("بنت
    جبيل ومركبا"). Nowhere else: many of those names are everyday words or family names too."""
    villages = village_names()
    places_end = {m.last for m in ctx.lexicon.values() if m.entry.label == "LOC"}
    for k in ctx.with_stem(villages, 1):
        clitic, _ = stem_in(ctx.word(k), villages, 1)
        if clitic == 0 and _unknown_name_word(ctx, k) and ctx.word(k - 1) in _PLACE_SLOT_OPENERS:
            places_end.add(k)
            yield k, 0, k, "LOC", 0.6
        elif clitic == 1 and ctx.word(k)[0] == "و" and k - 1 in places_end and _listed_after_place(ctx, k):
            places_end.add(k)
            yield k, 1, k, "LOC", 0.6


_PLACE_SLOT_OPENERS = W.LOCATIVE_PREPOSITIONS | _DIRECTION_FORMS


def _listed_after_place(ctx: Context, k: int) -> bool:
    """ "وX" right after a place's name, X unknown otherwise and ending there: the next of a list of places."""
    return k not in ctx.lexicon and not ctx.inside_match(k) and k not in ctx.covered and _ends_there(ctx, k)


def _unknown_name_word(ctx: Context, k: int) -> bool:
    w = ctx.word(k)
    return (
        _place_word(ctx, k)
        and k not in ctx.lexicon
        and k not in ctx.covered
        and not ctx.inside_match(k)
        and not w.startswith(("ال", "و", "لل"))
        and not w.endswith(("ات", "ين", "ون", "يه"))  # after a preposition no adverb's "ا": "كاتشيا" is a name
        and not stem_in(w, _NOT_TAIL, 2)
        and w not in W.PLACE_SLOT_NOUNS
        and w not in W.COMMON_FIRST_NAMES
        and w not in _cue_words()
    )


def _anchored(ctx: Context, k: int) -> bool:
    """Whether the words from k on place the word before k in a known place."""
    w = ctx.word(k)
    if w in W.LOCATED_IN:
        return True
    # not a direction and a known place: "في [common noun] شمال X" is as frequent as "في [town] شمال X"
    head = stem_in(w, W.LOC_HEADS_DROP, 1)
    return head is not None and head[0] == 1 and w.startswith("ب") and (ctx.lex_label(k + 1) == "LOC" or _place_word(ctx, k + 1))


def _ends_there(ctx: Context, k: int) -> bool:
    """Token k is a name by itself: no head or common noun ("والحكومة"), and a boundary follows it."""
    after = ctx.word(k + 1)
    return not stem_in(ctx.word(k), _NOT_TAIL, 2) and (not ctx.is_word(k + 1) or after in W.PLACE_BOUNDARY)


def _list_ends_with_two_words(ctx: Context, k: int) -> bool:
    w, after = ctx.word(k + 1), ctx.word(k + 2)
    return (
        ctx.is_word(k + 1)
        and not w.startswith(("و", "ال"))
        and k + 1 not in ctx.lexicon
        and not stem_in(w, _NOT_TAIL, 2)
        and (after in ("،", ".", "") or after in W.PLACE_BOUNDARY)
    )


_NOT_TAIL = W.LOC_NAME_STOP | W.TIME_WORDS | W.GROUP_PARTS | W.ALL_ORG_HEADS | W.ALL_FAC_HEADS | W.ALL_LOC_HEADS | W.TITLES | W.WEAPON_HEADS


def _name_tail(ctx: Context, last: int) -> int:
    """The last word of a place name of up to three words after its head ("منطقة بوكل دو موهون، …"): words
    without the article, followed by a comma, the end of the sentence, a preposition or a direction."""
    for extra in (2, 1):
        end = last + extra
        words = [ctx.word(x) for x in range(last + 1, end + 1)]
        if not all(ctx.is_word(x) for x in range(last + 1, end + 1)) or any(
            w.startswith(("ال", "و", "لل")) or stem_in(w, _NOT_TAIL, 2) or x in ctx.lexicon or len(w) < 2 or _fa_verb(w)
            for x, w in zip(range(last + 1, end + 1), words, strict=True)
        ):
            continue
        after = ctx.word(end + 1)
        if not after or not ctx.is_word(end + 1) or after in W.PLACE_BOUNDARY or stem_in(after, W.ALL_LOC_HEADS, 2):
            return end
    return last


def _fa_verb(w: str) -> bool:
    """ "فقتلوا", "فأصابوا": a past verb in the plural after ف (and then …) goes on the sentence, never a name."""
    return w[:1] == "ف" and w.endswith("وا") and len(w) >= 5


def _after_name_prefix(ctx: Context, k: int) -> bool:
    """Token k goes on a place's name opened by a prefix after its head ("بلدة بيت أمر", "قرية عين قانا"): any
    word but a preposition, a direction, a time word or the start of a new clause, even an everyday one ("أمر")."""
    w = ctx.word(k)
    return _place_word(ctx, k) or (
        ctx.is_word(k)
        and len(w) >= 2
        and not w.startswith("و")
        and w not in W.PLACE_BOUNDARY
        and w not in W.PLACE_PREPOSITIONS
        and w not in W.ORG_STOP
        and not stem_in(w, W.ALL_LOC_HEADS, 2)
    )


def _second_name_word(ctx: Context, k: int) -> bool:
    """Token k ends a known place's name as its second word ("بلدة بولو [حاوو]،"): an unknown word that is no
    adverb ("تنديدا"), no preposition's phrase ("بالحصار") and no word a name stops at, then a boundary."""
    w, after = ctx.word(k), ctx.word(k + 1)
    return (
        ctx.is_word(k)
        and k not in ctx.lexicon
        and len(w) > 2
        and not w.startswith(("ال", "و", "لل", "بال", "فال", "كال"))
        and not w.endswith(("ا", "يه", "ات", "ين", "ون"))
        and not stem_in(w, _NOT_TAIL, 2)
        and (not ctx.is_word(k + 1) or after in W.PLACE_BOUNDARY)
    )


def _is_media(key: str | None) -> bool:

    actor = actor_index().get(key or "")
    return actor is not None and not actor.actor_type


def _place_word(ctx: Context, j: int, strip_wa: bool = False, in_list: bool = False) -> bool:
    if not ctx.is_word(j):
        return False
    w = ctx.word(j)[1:] if strip_wa else ctx.word(j)
    if len(w) < 3 or w in W.LOC_NAME_STOP or _bare(w) in W.LOC_NAME_STOP or (len(w) > 4 and w.endswith(("ها", "هم"))):
        return False
    if stem_in(w, W.LOC_HEADS_DROP, 2):
        return False  # another place-type word ("قرية [بإقليم] كيدال"): the name comes after it
    # "منطقة نائية", "قرية زراعية": an indefinite feminine adjective, not a name (in a list of villages, a name)
    return in_list or w.startswith("ال") or not w.endswith("يه")


def per_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    for i in ctx.with_stem(W.TITLES, 2):
        if not stem_in(toks[i].norm, W.TITLES, max_clitic=2):
            continue
        j = i + 1
        if toks[i].norm in _LED_BY and (j in ctx.covered or i in ctx.covered):
            continue  # "التحالف بقيادة السعودية", "قوة بقيادة الجيش": the leader is the body or country named
        named = None  # a title word read as the bearer's given name ("رئيس حزب الكتائب [أمين الجميل]")
        while j < n and j - i < 9:
            w = ctx.word(j)
            if j in ctx.covered:
                j = ctx.covered[j] + 1
            elif w in W.ALL_LOC_HEADS and j + 1 in ctx.covered:  # "حاكم ولاية بورنو [name]"
                j = ctx.covered[j + 1] + 1
            elif j > i + 1 and w in TITLES_AS_NAMES and (named := _title_word_as_name(ctx, j)):
                break
            elif w in W.TITLE_LINKS or stem_in(w, W.TITLES, 1):
                j += 1
            elif w.startswith("ال") and _nisba_stem(w) in W.COUNTRY_NISBAS:
                j += 1  # "الجنرال الإثيوبي [name]": the title's nationality, not a family name
            elif w == "في" and ctx.lex_label(j + 1) == "LOC":
                j = ctx.lexicon[j + 1].last + 1
            elif w.startswith("ال") and w not in W.NAME_STOP and not _surname(w):
                j += 1
            elif w in W.ORG_CONSTRUCT or w in W.ORG_HEADS:
                j += 1  # "قائد شرطة ولاية …", "رئيس هيئة أركان …"
            elif w.startswith(("لل", "بال")) and j > i + 1:
                j += 1  # "وكيل الوزارة للشؤون الأمنية …", "الوزير المكلف بالأمن …": a genitive inside the title
            elif w[:1] == "ل" and j > i + 1 and stem_in(w, W.ORG_HEADS, 1):
                j += 1  # "عضو المكتب السياسي لحركة …": the body the title belongs to
            else:
                break
        hit = named or _name_at(ctx, j, after_title=True)
        if hit is None and _surname(ctx.word(j)) and not _nisba_stem(ctx.word(j)) and j + 1 not in ctx.lexicon:
            # the title's adjective in -i, then the name: "القائد الميداني أبو …", "الناطق الرسمي باسم …"
            k = j + 1
            while ctx.word(k) in W.TITLE_LINKS or (k > j + 1 and ctx.word(k).startswith("ال") and not _surname(ctx.word(k))):
                k += 1
            if ctx.word(k) in TITLES_AS_NAMES:
                hit = _title_word_as_name(ctx, k)  # "محافظ البنك المركزي أمين صالح"
            else:
                hit = _name_at(ctx, k, min_tokens=2, after_title=True) if _opens_name(ctx, k) else None
        if hit is None and ctx.word(j) == "،" and j > i + 1:
            # the name set off by commas after its title: "المتحدث باسم الجيش، إدوارد بوبا، إن …",
            # a rank may open it: "قائد اللواء، العقيد …،"
            k = j + 1
            while stem_in(ctx.word(k), W.TITLES, 0) and k - j < 3:
                k += 1
            hit = _name_at(ctx, k, min_tokens=2, after_title=True)
            if hit and ctx.word(hit[2] + 1) not in ("،", ".", ")", ""):
                hit = None
        if hit and not (hit[0] == hit[2] and _lone_adjective(ctx.word(hit[0]))):
            yield hit


# Titles that name a leader after them ("بقيادة X"); a known body or place there is the leader.
_LED_BY = W._words("بقياده برئاسه يقوده يقودها يتزعمه يتزعمها")

# Title words that are also given names: after a title and its body they may open the bearer's name.
TITLES_AS_NAMES = W._words("امين امير حاكم")


def _title_word_as_name(ctx: Context, j: int) -> Hit | None:
    """Token j, a title word that is also a given name, read as the first word of a name of two or more words that
    ends there ("… أمين الجميل إن", "… حاكم الزاملي،"); a title goes on with its body ("أمير قطر", "حاكم ولاية …")."""
    hit = _name_rest(ctx, j, j, j + 1, 2)
    if hit is None or ctx.word(j + 1) in W.TITLE_LINKS:
        return None
    after = ctx.word(hit[2] + 1)
    ends = not ctx.is_word(hit[2] + 1) or after in W.NAME_STOP or after in W.SPEECH_FOLLOWERS or after in W.APPOSITIVE_TITLES
    return hit if ends else None


def _opens_name(ctx: Context, k: int) -> bool:
    """Token k can open a name after a title's adjective: a given name or a name opener (عبد، أبو), or an unknown
    word without a preposition glued to it ("الأولى [لمسؤول] خليجي" is no name)."""
    w = ctx.word(k)
    return w in W.COMMON_FIRST_NAMES or w in NAME_OPENERS or w.startswith("عبد") or w[:1] not in ("ل", "ب", "ك", "ف")


def _lone_adjective(w: str) -> bool:
    """One word after a title that reads as a nisba adjective ("قائد ميداني"), not a known given name."""
    return w.endswith(("ي", "يه")) and w not in W.COMMON_FIRST_NAMES


APPOSITIVE_TITLES = W.APPOSITIVE_TITLES


def appositive_hits(ctx: Context) -> Iterator[Hit]:
    """A name of two to four words set off by a comma before its title: "وأفاد ماهر الزيدي، الناطق باسم …",
    "وقال سيدي ولد أحمد، حاكم المقاطعة، …"."""
    norms = ctx.norms
    for i in ctx.with_stem(APPOSITIVE_TITLES, 2):
        if i < 3 or norms[i - 1] != "،":
            continue
        hit = _name_ending_at(ctx, i - 2)  # the longest name that ends at the comma
        if hit:
            yield hit


AGE_WORDS = frozenset({"عاما", "عام", "سنه", "سنوات", "عمره"})


def age_hits(ctx: Context) -> Iterator[Hit]:
    """A name of two to four words before its bearer's age: "زهير قنديل (34 عاما)", "زهير قنديل، 34 عاما،"."""
    for i in ctx.among(AGE_WORDS):
        if i < 4 or not ctx.word(i - 1).isdigit() or ctx.word(i - 2) not in ("(", "،"):
            continue
        hit = _name_ending_at(ctx, i - 3)  # the longest name that ends before the bracket or the comma
        if hit:
            yield hit


def _name_ending_at(ctx: Context, last: int) -> Hit | None:
    """The longest name of two to four words whose last word is token ``last``."""
    for size in (4, 3, 2):
        start = last + 1 - size
        if start >= 0 and (hit := _name_at(ctx, start, min_tokens=2)) and hit[2] == last:
            return hit
    return None


_VICTIM_FORMS = _with_clitics(W.VICTIM_NOUNS, ("و", "ب", "ل", "ف"))
_AFTER_VICTIM = W._words("في بعد علي خلال اثناء عند قرب امام داخل اثر جراء منذ برصاص بنيران")


def victim_name_hits(ctx: Context) -> Iterator[Hit]:
    """A name of two to four words right after what befell its bearer: "اغتيال X Y في …", "اعتقال X Y،"."""
    for i in ctx.among(_VICTIM_FORMS):
        w = ctx.word(i + 1)
        if w in W.SOURCE_NOUNS or w.endswith(("يه", "ون", "ين", "ات")) or i + 1 in ctx.covered:
            continue
        hit = _name_at(ctx, i + 1, min_tokens=2)
        if hit is None or any(ctx.word(k) in W.SOURCE_NOUNS or stem_in(ctx.word(k), W.TITLES, 0) for k in range(hit[0], hit[2] + 1)):
            continue
        if all(_strip_marks(ctx.raw(k)).endswith("ة") for k in (hit[0], hit[0] + 1)):
            continue  # "اختطاف طفلة صغيرة": a noun and its adjective agreeing in the feminine
        if any(_not_a_name_word(ctx.word(k)) for k in range(hit[0], hit[2] + 1)):
            continue  # "مقتل خمسة إرهابيين", "مقتل أربعة آخرين"
        after = ctx.word(hit[2] + 1)
        if after in (".", "،", "") or after in _AFTER_VICTIM:
            yield hit[0], hit[1], hit[2], "PER", 0.55


def _not_a_name_word(w: str) -> bool:
    """A count, a plural or dual, or a short particle: no word of a name after a victim's noun."""
    if w in W.COMMON_FIRST_NAMES:
        return False
    return len(w) < 3 or _is_count(w) or w.endswith(("ين", "ون", "ان", "ات")) or w in ("اخر", "اخري", "اخرين")


_SAID_FORMS = _with_clitics(W.SPEECH_VERBS | W.STATEMENT_VERBS, ("و", "ف", "ب", "ل", "ك"))
_SPEECH_FORMS = _with_clitics(W.SPEECH_VERBS, ("و", "ف"))


def speaker_hits(ctx: Context) -> Iterator[Hit]:
    """A name right after a verb of saying and before what was said: "وقال كوامي أسانتي إن …", "وأكد
    أمادو ديالو لوكالة …" (the sources that are no names are listed: "قال مصدر أمني إن")."""
    for i in ctx.among(_SAID_FORMS):
        speech = stem_in(ctx.norms[i], W.SPEECH_VERBS, 1) is not None
        w = ctx.word(i + 1)
        if w in W.SOURCE_NOUNS or w.endswith(("يه", "ون", "ين", "ات")) or i + 1 in ctx.covered:
            continue
        hit = _name_at(ctx, i + 1, min_tokens=2)
        if hit is None or any(ctx.word(k) in W.SOURCE_NOUNS for k in range(hit[0], hit[2] + 1)):
            continue
        after = ctx.word(hit[2] + 1)
        said = stem_in(after, W.SPEECH_FOLLOWERS, 2) if speech else after in ("ان", "انه", "انها")
        # or the bearer's office right after the name: "وأعلن مسعد بولس مستشار الرئيس …"
        if said or after == "،" or (after in W.APPOSITIVE_TITLES and ctx.is_word(hit[2] + 2)):
            yield hit[0], hit[1], hit[2], "PER", 0.55


NAME_OPENERS = frozenset({"ابو", "عبد"})  # "أبو عبيدة", "عبد الرحيم …": a name begins here


def _may_open_name(w: str) -> bool:
    """A given name, "أبو"/"عبد" or a name in عبد, alone or after "و", or عبد after بـ/لـ: the words first_name_hits
    reads."""
    names = W.COMMON_FIRST_NAMES
    return (
        w in names
        or w in NAME_OPENERS
        or (w.startswith("عبد") and len(w) > 5)
        or (w[:1] == "و" and w[1:] in names)
        or (w[:1] in ("ب", "ل") and w[1:4] == "عبد")
        or w == "ام"
    )


def first_name_hits(ctx: Context) -> Iterator[Hit]:
    names = W.COMMON_FIRST_NAMES
    for i in ctx.passing(_may_open_name):
        w = ctx.norms[i]  # the name itself, no clitic: "ومحمد" is left to the rules after a title
        if w in W.TITLE_LINKS and stem_in(ctx.word(i - 1), W.TITLES, 2):
            continue  # "الناطق باسم …": the link, not the given name Basim
        if (w in names or w in NAME_OPENERS or (w.startswith("عبد") and len(w) > 5)) and i not in ctx.covered:
            hit = _name_at(ctx, i, min_tokens=2)
            if hit:
                yield hit[0], hit[1], hit[2], "PER", 0.55
        elif w[:1] == "و" and w[1:] in names and w[1:] not in W.NAME_STOP and i not in ctx.lexicon and not ctx.inside_match(i):
            # the second of two people: "… محمد سالم وأحمد ولد علي"
            hit = _name_rest(ctx, i, i, i + 1, 2)
            if hit:
                yield i, 1, hit[2], "PER", 0.55
        elif w == "ام" and ctx.word(i + 1) in names and i not in ctx.covered and i + 1 not in ctx.lexicon:
            hit = _name_at(ctx, i, min_tokens=2)  # a mother's kunya: "أم محمد" (not "أم قصر", "أم درمان")
            if hit:
                yield hit[0], hit[1], hit[2], "PER", 0.55
        elif _opener_after_particle(ctx, i) and i not in ctx.covered:
            hit = _name_at(ctx, i, min_tokens=2)  # "منسوب لعبد الله …", "اتصل بعبدالرحمن …"
            if hit:
                yield hit[0], hit[1], hit[2], "PER", 0.55


def _opener_after_particle(ctx: Context, j: int) -> bool:
    """Token j is بـ/لـ glued to a name opener: "بأبي", "لعبد", "بعبدالرحمن" (not a given name of its own)."""
    w = ctx.word(j)
    return (
        w[:1] in ("ب", "ل")
        and (w[1:] == "ابي" or w[1:].startswith("عبد"))
        and w not in W.COMMON_FIRST_NAMES
        and ctx.is_word(j + 1)
        and j not in ctx.lexicon
        and not ctx.inside_match(j)
    )


def _surname(w: str) -> bool:
    return w.startswith("ال") and w.endswith("ي") and len(w) > 4


_NOT_IN_NAME = W.NOT_NAME_HEADS | W.WEAPON_HEADS
_VICTIM_NOUNS = W.VICTIM_NOUNS - W.COMMON_FIRST_NAMES  # "حياة" is also a given name


def _last_name_in_a(ctx: Context, k: int) -> bool:
    """A last name in -a before a comma, a full stop or what the person said ("إدوارد بوبا،", "… جولا إن"), not
    an adverb ("فورا،")."""
    after = ctx.word(k + 1)
    return (after in ("،", ".", "ان", "انه", "انها", "انهم") or after in W.APPOSITIVE_TITLES) and ctx.word(k) not in W.ADVERBS_IN_A


def _foreign_name(ctx: Context, j: int, shortest: int = 5) -> bool:
    """A word in -a (or -un) right after a title that another name word follows ("باباغانا زولوم", "جون
    كامارا", "ماريا مالمر"), not an accusative adverb ("رسميا", "مجددا")."""
    w, after = ctx.word(j), ctx.word(j + 1)
    return (
        len(w) >= shortest
        and not w.endswith(("دا", "را"))
        and w not in W.ADVERBS_IN_A
        and not (w.endswith("يا") and after.endswith("ا"))  # "دوليا وإقليميا", "حاليا ورسميا"
        and ctx.is_word(j + 1)
        and not after.startswith(("ال", "و"))
        and after not in W.NAME_STOP
        and j + 1 not in ctx.lexicon
    )


def _name_at(ctx: Context, j: int, min_tokens: int = 1, after_title: bool = False) -> Hit | None:
    w = ctx.word(j)
    known = ctx.lexicon.get(j)
    if known is not None and known.entry.label == "PER" and known.clitic == 0:
        last, k = known.last, known.last + 1  # a known person named in full: "تميم بن حمد [آل ثاني]"
        extends = ctx.word(k) in W.NAME_CONNECTORS and not ctx.word(last).startswith("ال")  # "… الحلبوسي" is complete
        return _name_rest(ctx, j, last, k, min_tokens) if extends else None
    if _opener_after_particle(ctx, j):
        # "المعروف بأبي قتيبة", "منسوب لعبد الله …", "اتصل بعبدالرحمن …": the name without its particle
        if w[1:] in ("ابي", "عبد"):  # the opener alone: the next word belongs to it
            if j + 1 in ctx.lexicon or ctx.word(j + 1) in W.NAME_STOP:
                return None
            hit = _name_rest(ctx, j, j + 1, j + 2, min_tokens)
        else:
            hit = _name_rest(ctx, j, j, j + 1, min_tokens)
        return (j, 1, hit[2], "PER", hit[4]) if hit else None
    if (
        not ctx.is_word(j)
        or ctx.inside_match(j)
        or w.startswith(("ال", "لل", "بال", "وال", "فال", "كال"))
        or (w.startswith("و") and len(w) > 3 and w not in W.COMMON_FIRST_NAMES and not _name_after_rank(ctx, j))
        or (w in W.NAME_STOP and not ctx.name_ali(j) and not (after_title and _ali_as_written(ctx, j)))
        or len(w) < 2
        or j in ctx.lexicon
        or stem_in(w, W.TITLES, 1)
        or stem_in(w, W.NOT_NAME_HEADS, 0)
        or (w[:1] in ("ل", "ب") and stem_in(w, W.ORG_HEADS, 1))  # "لحركة", "بوزارة"
    ):
        return None
    if _verbal_noun(w) and w not in W.COMMON_FIRST_NAMES:
        return None  # a verbal noun ("تفجير", "استئناف", "انسحاب"), not a name's first word: "أعلن الرئيس [استئناف] …"
    if w.endswith("ات") or (w.endswith("ا") and len(w) > 3 and not (after_title and _foreign_name(ctx, j))):
        return None
    if w.endswith("ون") and w not in W.COMMON_FIRST_NAMES and not (after_title and _foreign_name(ctx, j, shortest=3)):
        return None  # "مسلحون"; but "جون كامارا" after a title
    last = j
    k = j + 1
    if w in W.NAME_CONNECTORS:  # "عبد" or "أبو" alone is no name: the next word belongs to it
        if not ctx.is_word(k) or k in ctx.lexicon or ctx.word(k) in W.NAME_STOP:
            return None
        last, k = k, k + 1
    return _name_rest(ctx, j, last, k, min_tokens)


def _verbal_noun(w: str) -> bool:
    """The verbal noun of a derived verb by its shape: تفعيل ("تفجير"), افتعال ("اعتراض", "انتشار"), انفعال
    ("انسحاب"), استفعال ("استهداف", "استئناف")."""
    if len(w) == 5:
        return w[0] == "ت" and w[3] == "ي"
    if len(w) == 6:
        return w[0] == "ا" and w[4] == "ا" and (w[2] == "ت" or w[1] == "ن")
    return len(w) == 7 and w.startswith("است") and w[5] == "ا"


def _family_nisba(ctx: Context, j: int) -> bool:
    """Token j is a family name in -i ("المهدي") that no rule reads otherwise: not a country's adjective, not a
    known name of another kind, and the name ends after it."""
    w = ctx.word(j)
    m = ctx.lexicon.get(j)
    return (
        _surname(w)
        and not _nisba_stem(w)
        and (m is None or m.entry.label == "PER")
        and w not in W.ORG_STOP
        and not stem_in(w, W.TITLES, 0)
        and (not ctx.is_word(j + 1) or ctx.word(j + 1) in W.NAME_STOP or ctx.word(j + 1) in W.APPOSITIVE_TITLES)
    )


def _accusative_object(ctx: Context, j: int) -> bool:
    """Token j is an indefinite accusative noun, the object of the verb whose subject the name is ("أصدر محمد الأمين
    بيانا", "نشر عبد الله الأحمد صورا"): the definite word before it closes the name. Adverbs in -a ("رسميا") and
    foreign names in -a are no objects."""
    w = ctx.word(j)
    return (
        len(w) > 3
        and w.endswith("ا")
        and not w.startswith(("ال", "و"))
        and not w.endswith(("يا", "ها"))
        and w not in W.ADVERBS_IN_A
        and w not in W.COMMON_FIRST_NAMES
        and j not in ctx.lexicon
        and _strip_marks(ctx.raw(j)).endswith("ا")
    )


def _known_after_particle(ctx: Context, j: int) -> bool:
    """Token j is a known name with a preposition glued to it ("لرويترز", "بالخرطوم"): a word of a new phrase,
    so the definite word before it ends a person's name ("قال عمر الشريف لرويترز")."""
    m = ctx.lexicon.get(j)
    return m is not None and m.clitic > 0 and ctx.word(j)[:1] in ("ل", "ب")


def _ali_as_written(ctx: Context, j: int) -> bool:
    """After a title, token j is the given name "علي" ("الرئيس علي …"), not the preposition ("أكد الرئيس على …"):
    spelt with ya where the text spells the preposition with alef maqsura, or, where it does not, before a given
    name, a connector, a family name in -i, or one more word that ends the name ("الرئيس علي كوناتي إن …")."""
    if ctx.word(j) != "علي" or not ctx.raw(j).endswith("ي") or not ctx.is_word(j + 1):
        return False
    if "على" in ctx.text:
        return True
    # a text that writes both with ya: the preposition before a noun ("الوزير علي ضرورة", "… علي أن"), the name before
    # a name
    after, then = ctx.word(j + 1), ctx.word(j + 2)
    if after in W.NAME_STOP or j + 1 in ctx.lexicon or stem_in(after, _NOT_IN_NAME | W.ALL_ORG_HEADS, 0):
        return False
    return (
        after in W.COMMON_FIRST_NAMES
        or after in W.NAME_CONNECTORS
        or (_surname(after) and not _nisba_stem(after))
        or (not after.endswith(("ه", "ات")) and (not ctx.is_word(j + 2) or then in W.NAME_STOP))
    )


def _name_after_rank(ctx: Context, j: int) -> bool:
    """A name in و right after a definite rank ("العقيد ونيس …"), not a conjunction ("العقيد وزملاؤه", "العميد
    والعقيد", "رئيس وأعضاء المجلس")."""
    w = ctx.word(j)
    before = ctx.word(j - 1)
    if before.startswith("ال") and _nisba_stem(before) in W.COUNTRY_NISBAS:
        # the rank's nationality between: "الرئيس الكيني وليام …", "رئيس الوزراء الإثيوبي …"
        rank = any(stem_in(ctx.word(k), W.TITLES, 0) for k in (j - 2, j - 3))
    else:
        rank = before.startswith("ال") and stem_in(before, W.TITLES, 0) is not None
    return (
        rank and not w.startswith("وال") and not w.endswith(("ه", "ها", "هم")) and ctx.is_word(j + 1) and ctx.word(j + 1) not in W.NAME_STOP
    )


def _name_rest(ctx: Context, j: int, last: int, k: int, min_tokens: int) -> Hit | None:
    """The rest of a name whose words j..last are read: more names, connectors with their name, a surname."""
    while k < len(ctx.tokens) and k - j < 5:
        w = ctx.word(k)
        # "علي" is also "على" without its dots: inside a name only when a name goes on after it
        after = ctx.word(k + 1)
        ali = (
            w == "علي"
            and not ctx.raw(k).endswith("ى")  # "صادق على القانون": the preposition as written
            and (
                after in ("،", ".")  # no preposition before a comma: "… محمد علي، …"
                or (
                    ctx.is_word(k + 1)
                    and (
                        after.startswith("ال") or after in W.COMMON_FIRST_NAMES or (after[1:] in W.COMMON_FIRST_NAMES and after[:1] == "و")
                    )
                    and after not in W.NAME_STOP
                    and k + 1 not in ctx.lexicon
                )
            )
        )
        known = ctx.lexicon.get(k)
        if known is not None and known.entry.label == "PER" and known.first == known.last and w.startswith("ال") and known.clitic == 0:
            last = k  # a family name the lexicon knows from someone else: "محمود صالح الفياض"
            break
        if known is not None and known.entry.label == "PER" and known.clitic == 0 and (w in ("بن", "ابن", "ولد", "ال") or known.last == k):
            last = known.last  # … or opened by بن, ولد, آل, or one known word: "توفيق بن بريك", "وليام روتو"
            break
        if w.startswith("ال") and w in W.TITLES and ctx.word(k + 1) in ("،", ".", "ان", "انه", "انها") and k not in ctx.lexicon:
            last = k  # a rank's word as the family name, closed by a comma or what was said: "كمال العميد، …", "محمد الأمين إن"
            break
        if w == "الامين" and k not in ctx.lexicon and ctx.word(k + 1) not in ("العام", "العامه"):
            last, k = k, k + 1  # "محمد الأمين", "علي الأمين زين": a name, not the title of "الأمين العام"
            continue
        if not ctx.is_word(k) or (w in W.NAME_STOP and not ali) or k in ctx.lexicon or stem_in(w, W.TITLES, 1):
            break
        if stem_in(w, _NOT_IN_NAME, 2) or (w[:1] in ("ب", "ل") and stem_in(w, _VICTIM_NOUNS, 1)):
            break  # "… برصاص قناص", "… بقذيفة", "… بمقتل": a weapon, a place's head or an event ends the name
        if not w.startswith("ال") and w not in W.COMMON_FIRST_NAMES and ctx.pronoun_suffix(k):
            break  # "ودعا عثمان سونكو [أنصاره]": a noun with its owner's pronoun
        if w.startswith(("بال", "وال", "فال", "كال", "لل")) and len(w) > 5 and w not in W.COMMON_FIRST_NAMES:
            break  # "التقى … [بالوفد]": a preposition or conjunction with the article, never inside a name
        if w in W.NAME_CONNECTORS and ctx.is_word(k + 1):
            last = k + 1
            k += 2
            while ctx.word(last) in W.NAME_CONNECTORS and ctx.is_word(k):  # "بن عبد الرحمن"
                last, k = k, k + 1
            if _surname(ctx.word(last)) or w == "ال":  # "آل ثاني" is the family: the name ends
                break
            continue
        if w == "الدين" and k == last + 1:
            last, k = k, k + 1  # "حسام الدين", "نور الدين": one given name
            continue
        if w.startswith("ال") and ctx.word(k + 1) in ("ولد", "بن", "ابن", "بنت") and ctx.is_word(k + 2) and k + 2 not in ctx.lexicon:
            last, k = k, k + 1  # "محمد الحسن ولد …": a definite given name inside a longer name
            continue
        if w.startswith("ال"):
            nxt = ctx.word(k + 1)
            ends = (
                not ctx.is_word(k + 1)
                or nxt in W.NAME_STOP
                or nxt in W.SPEECH_FOLLOWERS
                or stem_in(nxt, W.NAME_STOP, 1)
                or stem_in(nxt, _NOT_IN_NAME, 2)
                or _known_after_particle(ctx, k + 1)
                or _accusative_object(ctx, k + 1)
            )
            plural = w.endswith(("ات", "ين", "ون")) and _bare(w) not in W.COMMON_FIRST_NAMES  # "… الحسين إن" is a name
            if _surname(w) or (ends and not plural and _bare(w) not in _NOT_IN_NAME):
                last = k  # "… الخطيب إن"; but "… [القرية]." is the object
            elif not plural and _family_nisba(ctx, k + 1) and _bare(w) not in _NOT_IN_NAME and w not in W.ORG_STOP:
                last = k + 1  # two family names, the second a nisba: "مريم الصادق المهدي"
            break
        if (w.startswith("و") and len(w) > 3) or (w.endswith("ا") and len(w) > 3 and not _last_name_in_a(ctx, k)):
            break  # "… ومرافقه", "… فورًا": a conjunction or an accusative ends the name
        if _verbal_noun(w) and w not in W.COMMON_FIRST_NAMES:
            break  # what the person did: "أعلن … عمر تيمبو [توقيف] المشتبه بهم"
        last = k
        k += 1
    if last - j >= 3 and not any(ctx.word(k) in W.NAME_CONNECTORS or ctx.word(k).startswith("عبد") for k in range(j, last + 1)):
        last = j + 2  # four words or more with no بن، ولد، عبد، أبو: the name has run into the sentence
    if last - j + 1 < min_tokens:
        return None
    return j, 0, last, "PER", 0.7


def weapon_hits(ctx: Context) -> Iterator[Hit]:
    toks, n = ctx.tokens, len(ctx.tokens)
    aircraft = W.AIRCRAFT
    for i in ctx.passing(_weapon_head):
        clitic, head = _weapon_head(toks[i].norm)
        if ctx.word(i - 1) in W.EXPERT_WORDS:
            continue
        j = i + 1
        while j < n and j - i < 6:
            w = ctx.word(j)
            b = _bare(w)
            if _weapon_modifier(b) or b in ("غاز",) or (head in aircraft and j == i + 1 and _nisba_stem(w) and w.endswith("ه")):
                j += 1
            elif j > i + 1 and _joined_modifier(w) and _weapon_modifier(_bare(ctx.word(j - 1))):
                j += 1  # two modifiers joined: "أسلحة خفيفة ومتوسطة", "الأسلحة المتوسطة والثقيلة"
            elif w == "ارض" and (ctx.word(j + 1) in ("ارض", "جو") or (ctx.word(j + 1) == "-" and ctx.word(j + 2) in ("ارض", "جو"))):
                j += 2 if ctx.word(j + 1) != "-" else 3  # "صواريخ أرض-أرض", "صاروخ أرض جو"
            elif j == i + 1 and ctx.word(i)[clitic:] == head and w.startswith("ال") and _bare(w) in W.WEAPON_HEADS:
                j += 1  # a construct of two weapons: "قذائف الدبابات", "صواريخ الطائرات المسيرة"
            elif ctx.lex_label(j) == "WEAPON":
                j = ctx.lexicon[j].last + 1  # "قاذفة آر بي جي"
            elif w.startswith("لل") and _bare(ctx.word(j - 1)).startswith("مضاد") and len(w) > 4:
                j += 1  # "الألغام المضادة للأفراد", "لغمين مضادين للدروع"
            elif w in ("بدون", "بلا", "دون") and ctx.word(j + 1) == "طيار":
                j += 2
            elif w == "من" and ctx.word(j + 1) == "دون" and ctx.word(j + 2) == "طيار":
                j += 3  # "طائرة من دون طيار"
            elif (w in W.WEAPON_MODELS or b in W.WEAPON_MODELS) and j == i + 1:
                j += 1  # "صواريخ كروز", "بنادق كلاشنيكوف"
                if ctx.word(j) == "-" and ctx.word(j + 1).isdecimal():
                    j += 2  # "إف-16"
                elif ctx.word(j).isdecimal():
                    j += 1
            elif w == "(" and j + 2 < n and ctx.word(j + 2) == ")" and ctx.word(j + 1).isascii():
                j += 3
            elif j == i + 1 and w.isascii() and w[:1].isalpha() and len(w) > 1 and toks[j].is_word:
                j += 1  # a model in Latin letters: "قذائف RPG", "طائرات F-16"
            else:
                break
        if head in W.ARMS and ctx.word(j)[:1] == "و" and _bare(ctx.word(j)[1:]) in W.MUNITIONS:
            j += 1  # weapons and their ammunition are named as one: "أسلحة وذخائر", "الأسلحة والذخيرة"
            while j < n and j - i < 6 and _weapon_modifier(_bare(ctx.word(j))):
                j += 1
        if head in W.VEHICLE_BOMB_HEADS:
            # a vehicle or vest rigged as a bomb: "شاحنة مفخخة", "دراجة نارية مفخخة" (not "دراجات نارية" alone, nor
            # "السيارة المفخخة", the one named before)
            if ctx.word(i)[clitic:] == head and any(_bomb_modifier(_bare(ctx.word(k))) for k in range(i + 1, j)):
                yield i, clitic, j - 1, "WEAPON", 0.7
        elif head in W.DRONES and j - 1 == i and _march_context(ctx, i):
            continue  # "الاعتصامات والمسيرات": marches, not drones
        elif (
            j - 1 > i
            or head in W.WEAPON_ALONE
            or (head in W.DRONES and _drone_context(ctx, i, clitic))
            or _device_alone(ctx, i, clitic, head)
        ):
            yield i, clitic, j - 1, "WEAPON", 0.7


def _march_context(ctx: Context, i: int) -> bool:
    """ "مسيرات" alone are marches among protests: "الاعتصامات والمسيرات", "نظموا مسيرات سلمية"."""
    near = (ctx.word(k) for k in range(max(0, i - 3), i + 3) if k != i)
    return any(stem_in(w, W.PROTEST_WORDS, 2) is not None for w in near)


def _device_alone(ctx: Context, i: int, clitic: int, head: str) -> bool:
    """ "عبوة" without "ناسفة" is a bomb when indefinite ("بانفجار عبوات زرعها مجهولون"), not a container of
    something ("عبوات زيت") nor the bomb named before ("العبوة", a back-reference)."""
    return head in W.DEVICES and ctx.word(i)[clitic:] == head and _bare(ctx.word(i + 1)) not in W.CONTAINER_CONTENTS


def _joined_modifier(w: str) -> bool:
    """ "ومتوسطة", "والثقيلة": a weapon's modifier after "و", not a second weapon ("العبوات الناسفة [والمتفجرات]")."""
    b = _bare(w[1:])
    return w[:1] == "و" and b not in W.WEAPON_HEADS and _weapon_modifier(b)


@lru_cache(maxsize=65536)
def _weapon_modifier(b: str) -> bool:
    """A weapon's modifier in any number and case: "باليستيين", "انتحاريتين", "ناسفا", "رشاشتين" (the table
    holds the singular forms)."""
    if b in W.WEAPON_MODIFIERS or (len(b) > 3 and b + "ه" in W.WEAPON_MODIFIERS):
        return True  # the table's feminine forms stand for the masculine ones too: "ناري", "موجه", "مفخخ"
    for ending in ("تين", "تان", "ين", "ان", "ات", "ا", "ه"):
        if b.endswith(ending) and len(b) - len(ending) >= 3:
            stem = b[: -len(ending)]
            return stem in W.WEAPON_MODIFIERS or stem + "ه" in W.WEAPON_MODIFIERS
    return False


@lru_cache(maxsize=4096)
def _bomb_modifier(b: str) -> bool:
    """ "مفخخة", "ملغومتين", "ناسفا": a bomb's modifier in any number and case."""
    for ending in ("", "تين", "تان", "ين", "ان", "ات", "ا", "ه"):
        if b.endswith(ending) and (b[: len(b) - len(ending)] if ending else b) in W.VEHICLE_BOMB_MODIFIERS:
            return True
    return False


def _drone_context(ctx: Context, i: int, clitic: int) -> bool:
    """ "مسيرة" alone is a drone, not a march, after "بـ" ("بمسيرة"), after a verb of shooting down or striking
    ("أسقطت مسيرة", "هاجمت مسيرة"), before a verb of striking ("مسيرة استهدفت …"), or in the dual."""
    if ctx.word(i).endswith(("تين", "تان")) or (clitic and ctx.word(i)[:1] == "ب"):
        return True
    if any(stem_in(ctx.word(k), W.DRONE_VERBS, 1) is not None for k in range(max(0, i - 3), i)):
        return True
    return any(ctx.word(k) in W.DRONE_STRIKES for k in range(i + 1, i + 3))


@lru_cache(maxsize=65536)
def _weapon_head(word: str) -> tuple[int, str] | None:
    for clitic, stem in readings(word):
        for b in (stem, _bare(stem)):  # "الغام" (ألغام) is a head as it stands, "الصواريخ" without its article
            if clitic <= 3 and (b in W.WEAPON_HEADS or b in W.VEHICLE_BOMB_HEADS):
                return clitic, b
    return None


@lru_cache(maxsize=65536)
def _nationality_noun(word: str) -> tuple[int, bool] | None:
    """(clitic, needs a number before it) when the word is a nationality used as a noun: "تونسيين", "ليبيا" after a number."""
    for clitic, stem in readings(word):
        if clitic > 1:
            continue
        b = _bare(stem)
        if b.endswith(("ين", "ون", "ان", "ات")) and b[:-2] in W.NATIONALITY_STEMS:
            return clitic, False  # plural or dual: "فلسطينيون", "لبنانيان", "فلسطينيات"
        if b.endswith("يا") and b[:-1] in W.NATIONALITY_STEMS:
            return clitic, True
    return None


_ARTICLE_CLITICS = ("وال", "فال", "بال", "كال")


def agreeing_adjective(prev: str, word: str) -> bool:
    """A plural or dual nationality word (``word``, no clitic) right after a plural noun of people (``prev``) that it
    agrees with in definiteness and case is that noun's adjective ("جنود ماليين", "المسؤولين العراقيين", "جنديان
    تركيان"), not the group itself ("مقتل فلسطينيين", "آلاف السودانيين", "قتل مستوطنون فلسطينيين")."""
    if prev.startswith(_ARTICLE_CLITICS):
        prev = prev[1:]
    elif prev.startswith("لل"):
        prev = "ا" + prev[1:]
    definite = word.startswith("ال")
    if definite != prev.startswith("ال") or _nisba_stem(prev):
        return False
    stem, bare = _bare(prev), _bare(word)
    for ending in ("ون", "ين", "ان"):
        if bare.endswith(ending) and stem.endswith(ending) and len(stem) > 4:
            return True  # the same case ending on both: "موظفون أردنيون", "جنديين تركيين"
    return stem in W.PEOPLE_PLURALS and bare.endswith(("ون", "ين"))


def norp_hits(ctx: Context) -> Iterator[Hit]:
    norms = list(map(NORM, ctx.tokens))
    for i in compress(range(len(norms)), map(_nationality_noun, norms)):  # the words the two tests below need
        tok = ctx.tokens[i]
        found = _nationality_noun(tok.norm)
        if found is None or i in ctx.lexicon:
            continue
        clitic, counted = found
        if clitic == 0 and agreeing_adjective(ctx.word(i - 1), tok.norm):
            continue  # an adjective agreeing with its noun ("موظفون أردنيون"), not the group itself
        if not counted:
            yield i, clitic, i, "NORP", 0.65
        elif _is_count(ctx.word(i - 1)):
            yield i, clitic, i, "NORP", 0.6
    toks = ctx.tokens
    for i in compress(range(1, len(toks)), map(_nationality_person, norms[1:])):
        # "استشهاد فلسطيني", "مقتل فلسطينية", "أنهى حياة فلسطينيا": a nationality alone after the victim's noun
        tok = toks[i]
        if i not in ctx.lexicon and _nationality_person(tok.norm):
            # right after the noun or verb, or an accusative a few words after the verb ("قتل مستوطنون فلسطينيا")
            reach = 3 if tok.norm.endswith("يا") else 1
            if any(stem_in(ctx.word(k), W.VICTIM_NOUNS, 2) for k in range(max(0, i - reach), i)) or ctx.word(i - 1) in _AMONG_THEM:
                yield i, 0, i, "NORP", 0.55  # … or one of a group: "قتل خمسة أشخاص بينهم سوري"


_AMONG_THEM = W._words("بينهم بينهما وبينهم منهم ومنهم احدهم")


@lru_cache(maxsize=65536)
def _nationality_person(word: str) -> bool:
    for cut in ("يه", "يا", "ي"):
        if word.endswith(cut) and not word.startswith("ال") and word[: len(word) - len(cut)] + "ي" in W.NATIONALITY_STEMS:
            return True
    return False


def _is_count(w: str) -> bool:

    return w.isdecimal() or w in UNITS or w in TENS or w in ("عشر", "عشره")
