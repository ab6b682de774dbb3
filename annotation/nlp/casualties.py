"""Casualty phrases: a killed/injured/abducted/arrested word with its figure and the victims' class."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from annotation.nlp.normalize import norm
from annotation.nlp.numbers import DUALS, Number, is_dual, parse_number, parse_range, word_value
from annotation.nlp.patterns.events import CASUALTY_WORDS, FIRST_WORDS, STRENGTH, VICTIM_WORDS
from annotation.nlp.patterns.words import NATIONALITY_STEMS
from annotation.nlp.tokenize import Token, readings
from annotation.nlp.types import Casualty

SINGULAR_VICTIMS = {
    "جندي",
    "شخص",
    "مدني",
    "طفل",
    "شرطي",
    "ضابط",
    "عنصر",
    "مسلح",
    "مواطن",
    "شاب",
    "رجل",
    "امراه",
    "طفله",
    "فتي",
    "فتاه",
    "جنديا",
    "شخصا",
    "مدنيا",
    "طفلا",
    "شرطيا",
    "ضابطا",
    "عنصرا",
    "مسلحا",
    "مواطنا",
    "شابا",
    "رجلا",
    "صحفي",
    "صحفيا",
    "اخر",
    "راعي",
    "متظاهر",
    "محتج",
    "ناشط",
    "متظاهرا",
    "ناشطا",
    "مستوطن",
    "مستوطنا",
    "ارهابي",
    "ارهابيا",
    "مقاتل",
    "مقاتلا",
    "عسكري",
    "عسكريا",
    "منتسب",
    "حارس",
    "موظف",
    "عامل",
    "مزارع",
    "سايق",
    "خبير",
    "فرد",
    # roles and trades of one victim ("مقتل قيادي"، "قتل صياد"، "مقتل دركي"), as ACLED's reports name them
    "قيادي",
    "قياديا",
    "قائد",
    "قايد",
    "قايدا",
    "زعيم",
    "امير",
    "مسوول",
    "مسوولا",
    "طالب",
    "طالبا",
    "طالبه",
    "تلميذ",
    "مهاجر",
    "مهاجرا",
    "لاجي",
    "نازح",
    "صياد",
    "صيادا",
    "تاجر",
    "تاجرا",
    "معلم",
    "طبيب",
    "طبيبا",
    "ممرض",
    "مسعف",
    "امام",
    "شيخ",
    "مختار",
    "دركي",
    "دركيا",
    "جمركي",
    "مجند",
    "مجندا",
    "رقيب",
    "عريف",
    "نقيب",
    "عقيد",
    "عميد",
    "ملازم",
    "قاض",
    "قاضي",
    "محام",
    "محامي",
    "مراسل",
    "مصور",
    "سايح",
    "اسير",
    "معتقل",
    "سجين",
    "رهينه",
    "مراهق",
    "مسن",
    "مسنه",
    "رضيع",
    "رضيعه",
    "صبي",
    "فلاح",
    "شرطيه",
    "صحفيه",
    "ناشطه",
    "مستوطنه",
    "جنديه",
    "مدنيه",
    # "قتل ثلاثة جنود وجرح رابع": an ordinal after the victims told is one more
    "ثالث",
    "رابع",
    "خامس",
    "سادس",
}
PLURAL_AFTER_NUMBER = {
    "قتلي",
    "قتيلا",
    "جرحي",
    "جريحا",
    "شهداء",
    "شهيدا",
    "مصابين",
    "مصابا",
    "اصابات",
    "قتيل",
    "جريح",
    "القتلي",
    "الجرحي",
    "الشهداء",
    "المصابين",
    "ضحايا",
    "ضحيه",  # "15 ضحية"
    "وفيات",
    "حالات",  # "4 حالات وفاة"
}
# Casualty nouns that are their own figure when no number comes before them: "سقوط قتيل وجريحين" (1 killed, 2
# injured), "قتيلان" (2). After a number ("100 قتيل") the number is the figure.
SELF_COUNTING = {
    "قتيل": 1,
    "جريح": 1,
    "شهيد": 1,
    "قتيلين": 2,
    "قتيلان": 2,
    "جريحين": 2,
    "جريحان": 2,
    "شهيدين": 2,
    "شهيدان": 2,
}
QUALIFIERS = {
    # "ما يزيد عن 40", "ما يقارب 30", "أزيد من 15", "ما يربو على 50": about, more than
    "يزيد",
    "يقارب",
    "يناهز",
    "ازيد",
    "يفوق",
    "يربو",
    "يتجاوز",
    "تقريبا",
    "مجموعه",  # "ما مجموعه 30"
    "علي",  # "ما يربو على", "على الأقل"
    "الاقل",
    "(",  # "قتل (6) أشخاص"
    "نحو",
    "حوالي",
    "قرابه",
    "زهاء",
    "اكثر",
    "اقل",
    "من",
    "ما",
    "لا",
    "يقل",
    "عن",
    "حياه",
    "بحياه",
    "الي",
    "المدنيين",
    "العسكريين",
    "الجنود",
    "ايضا",
    "كذلك",
}
CIRCUMSTANCE = {"في", "خلال", "جراء", "اثر", "اثناء", "بسبب"}
BACK_CIRCUMSTANCE = {"خلالها", "خلاله", "فيها", "فيه", "جراءها", "جراءه", "اثرها", "اثره", "بسببها", "بسببه"}
# Verbs that follow their subject's figure: "ثلاثة حراس من الدورية قتلوا".
VERBS_AFTER_FIGURE = {"قتلوا", "قتل", "اصيبوا", "اصيب", "استشهدوا", "لقوا", "جرحوا", "نحبهم", "نحبه", "نحبهما", "فارقوا"}
NOT_COUNT_UNITS = {
    "عاما",
    "عام",
    "سنه",
    "سنوات",
    "كم",
    "كيلومتر",
    "كيلومترا",
    "متر",
    "مترا",
    "ساعه",
    "ساعات",
    "دقيقه",
    "دقايق",
    "يوما",
    "ايام",
    "بالميه",
    "%",
    "دولار",
    "الف",
}
_CLITIC_OK = 2
TWO_AFTER_NOUN = frozenset(("اثنين", "اثنان", "اثنتين", "اثنتان"))


@lru_cache(maxsize=65536)
def may_open_phrase(word: str) -> bool:
    """Whether some trigger or casualty phrase can start with this word (a quick filter)."""
    return any(stem in FIRST_WORDS for _c, stem in readings(word))


class PhraseIndex:
    """Several phrase tables in one dict keyed by first word: ``matches`` says which tables match at a token."""

    def __init__(self, tables: dict):
        self.by_first: dict[str, list[tuple[object, tuple[str, ...]]]] = {}
        for tag, phrases in tables.items():
            for p in sorted(phrases, key=len, reverse=True):
                self.by_first.setdefault(p[0], []).append((tag, p))
        # word -> (the (tag, phrase) its readings may start, in reading order; what matches returns for it when
        # all those phrases are one word long, else None)
        self._by_word: dict[str, tuple[tuple, tuple | None]] = {}
        self._by_next: dict[str, dict[str | None, tuple]] = {}  # word -> next word -> the phrases that may match

    def _starting(self, word: str) -> tuple[tuple, tuple | None]:
        found = self._by_word.get(word)
        if found is None:
            if len(self._by_word) > 100_000:
                self._by_word = {}
                self._by_next = {}
            entries = tuple(entry for clitic, stem in readings(word) if clitic <= _CLITIC_OK for entry in self.by_first.get(stem, ()))
            fixed = None
            if all(len(p) == 1 for _tag, p in entries):
                fixed = tuple((tag, 1) for tag in dict.fromkeys(tag for tag, _p in entries))  # each tag once, in order
            found = self._by_word[word] = (entries, fixed)
        return found

    def matches(self, tokens: list[Token], i: int) -> tuple[tuple[object, int], ...]:
        """(tag, length) of every table with a phrase starting at token i (first token read through clitics)."""
        word = tokens[i].norm
        starting, fixed = self._by_word.get(word) or self._starting(word)
        if fixed is not None:
            return fixed
        n = len(tokens)
        # only the one-word phrases and those whose second word is the next token's can match: remembered per
        # (word, next word), in the phrases' order; when none is longer than two words, so is the answer
        nxt = tokens[i + 1].norm if i + 1 < n else None
        by_next = self._by_next.get(word)
        if by_next is None or len(by_next) > 1000:
            by_next = self._by_next[word] = {}
        known = by_next.get(nxt)
        if known is None:
            candidates = tuple(e for e in starting if len(e[1]) == 1 or e[1][1] == nxt)
            answer = None
            if all(len(p) <= 2 for _tag, p in candidates):  # each matches: its second word is nxt (never None)
                first: dict = {}
                for tag, p in candidates:
                    first.setdefault(tag, (tag, len(p)))
                answer = tuple(first.values())
            known = by_next[nxt] = (candidates, answer)
        candidates, answer = known
        if answer is not None:
            return answer
        out: list[tuple[object, int]] = []
        seen: set = set()
        for tag, p in candidates:
            k = len(p)  # a one-word phrase matches at once; a longer one needs its next words, all in the text
            if tag not in seen and (
                k == 1 or (i + k <= n and tokens[i + 1].norm == p[1] and all(tokens[i + m].norm == p[m] for m in range(2, k)))
            ):
                seen.add(tag)
                out.append((tag, k))
        return tuple(out)


CASUALTY_INDEX = PhraseIndex(CASUALTY_WORDS)
VICTIM_INDEX = PhraseIndex(VICTIM_WORDS)
STRENGTH_INDEX = PhraseIndex({"strength": STRENGTH})


def _phrase_at(tokens: list[Token], i: int, index: PhraseIndex) -> int:
    """Length of the first phrase of the index starting at token i, else 0."""
    found = index.matches(tokens, i)
    return found[0][1] if found else 0


def _valid(tokens, num: Number) -> bool:
    nxt = tokens[num.last + 1].norm if num.last + 1 < len(tokens) else ""
    if nxt in NOT_COUNT_UNITS or (num.max >= 1900 and num.max <= 2100):
        return False
    prev = tokens[num.first - 1].norm if num.first > 0 else ""
    return prev not in ("(", "/") or nxt == ")"  # "(2019)" is a year's, "قتل (6) أشخاص" a figure


def _victim_class(tokens: list[Token], i: int, org_class: dict[int, str]) -> str:
    for j in range(i, min(i + 6, len(tokens))):
        if j > i and tokens[j].norm in CIRCUMSTANCE and not (j + 1 < len(tokens) and tokens[j + 1].norm == "صفوف"):
            break  # "قتل 5 أشخاص في هجوم مسلح": the attack's words say nothing of the victims
        if j in org_class:
            return org_class[j]
        found = VICTIM_INDEX.matches(tokens, j)
        if found:
            return found[0][0]
    return "unknown"


def find_casualties(
    text: str, tokens: list[Token], first: int, last: int, org_class: dict[int, str], openers: Iterable[int] | None = None
) -> list[Casualty]:
    """Casualty figures in tokens[first:last+1]; ``org_class`` maps a token to the class of the group named there.
    ``openers``: the tokens of that range that may open a phrase (may_open_phrase), when the caller has them."""
    out: list[Casualty] = []
    used: set[int] = set()
    if openers is None:
        openers = [i for i in range(first, last + 1) if may_open_phrase(tokens[i].norm)]
    for i in openers:
        for cat, n in CASUALTY_INDEX.matches(tokens, i):
            # "مقتل وجرح عشرات": one figure for two categories; ACLED cannot split it, neither do we. But in
            # "12 جنديا قتلوا وأصيب 8 آخرون" the first verb had its own figure before it.
            if (
                tokens[i].norm.startswith("و")
                and i > first
                and _phrase_at(tokens, i - 1, CASUALTY_INDEX)
                and not _figure_before(tokens, i - 1, first)
                and not _self_count(tokens, i - 1, first)
            ):
                break
            found = (
                (_self_count(tokens, i, first) if n == 1 else None)
                or (_figure_before(tokens, i, first) if tokens[i].norm in PLURAL_AFTER_NUMBER else None)  # "4 شهداء في"
                or _figure_after(tokens, i + n, last)
                or _figure_before(tokens, i, first)
                or (_figure_after_subject(tokens, i, n, last) if n == 1 else None)
                or _updated_toll(tokens, i, n, first, last)
                or _one_assassinated(tokens, i, first, last)
            )
            if not found:
                continue
            num, end_tok = found
            if num.first in used or _is_strength(tokens, num.first, first):
                continue
            used.add(num.first)
            lo, hi = min(i, num.first), max(i + n - 1, end_tok)
            # "مقتل شاب": the counted noun itself tells who; "مقتل 5 جنود": the words after the number
            cls = _victim_class(
                tokens, num.last if num.min == num.max and not tokens[num.last].norm[:1].isdecimal() else num.last + 1, org_class
            )
            out.append(Casualty(cat, cls, num.min, num.max, text[tokens[lo].start : tokens[hi].end], tokens[lo].start, tokens[hi].end))
            break
    return out


ASSASSINATION = frozenset(("اغتيال", "اغتيل", "اغتيلت", "اغتال", "اغتالت", "اغتالوا"))
ATTEMPT = frozenset(("محاوله", "لمحاوله", "بمحاوله", "ومحاوله", "محاولات", "مخطط", "مخططا", "يحاول", "حاول", "حاولوا"))


def _one_assassinated(tokens, i, first, last) -> tuple[Number, int] | None:
    """ "اغتيال أحمد سالم": an assassination without a figure kills one (not "محاولة اغتيال": an attempt)."""
    if not any(stem in ASSASSINATION for c, stem in readings(tokens[i].norm) if c <= 1):
        return None
    if i > first and tokens[i - 1].norm in ATTEMPT:
        return None
    if i + 1 > last or not tokens[i + 1].norm[:1].isalpha():
        return None  # "وقع الاغتيال.": the word alone names no victim
    return Number(1, 1, i, i), i


def _self_count(tokens, i, first) -> tuple[Number, int] | None:
    """ "سقوط قتيل وجريحين": a casualty noun with no number before it counts itself."""
    w = tokens[i].norm
    value = SELF_COUNTING.get(w) or (SELF_COUNTING.get(w[1:]) if w.startswith("و") else None)
    if value is None or _figure_before(tokens, i, first):
        return None
    return Number(value, value, i, i), i


_UPDATE_REACH = 9
TOLL_WORDS = frozenset(("عدد", "حصيله", "وعدد", "وحصيله"))
REACHED = frozenset(("بلغ", "بلغت", "وصل", "وصلت", "يبلغ", "تبلغ", "هي"))
_SPAN_OF_TIME = frozenset(("منذ", "ومنذ", "خلال", "طيله", "طوال"))


def _updated_toll(tokens, i, n, first, last) -> tuple[Number, int] | None:
    """ "وارتفعت حصيلة القتلى لاحقا إلى 8": the figure after "إلى" a few words on, when the toll is said to rise;
    "عدد القتلى في الهجوم بلغ 8": the figure the toll reached."""
    before = {tokens[k].norm for k in range(max(first, i - 3), i)}
    rising = bool(before & UPDATE_WORDS)
    if not rising and not before & TOLL_WORDS:
        return None
    for k in range(i + n, min(last, i + n + _UPDATE_REACH)):
        w = tokens[k].norm
        if not w[:1].isalnum() or w in _SPAN_OF_TIME:
            return None  # "ليرتفع عدد القتلى منذ مطلع الشهر إلى 45": a toll over a span of time
        if w == "الي" if rising else w in REACHED:
            j = k + 2 if k + 2 <= last and tokens[k + 1].norm in ("الي", "نحو", "حوالي") else k + 1
            num = _count_at(tokens, j, last)
            return (num, num.last) if num is not None else None
    return None


def _figure_after(tokens, j, last) -> tuple[Number, int] | None:
    k = j
    if k + 1 <= last and tokens[k].norm in CIRCUMSTANCE:
        k += 2  # "وقتل في الاشتباكات ثلاثة مسلحين"
    elif k + 1 <= last and tokens[k].norm in BACK_CIRCUMSTANCE:
        k += 1  # "أصيب خلالها 3 شبان"
    elif k + 1 <= last and tokens[k].norm.startswith("ال") and _count_at(tokens, k + 1, last):
        k += 1  # the subject between verb and figure: "قتل الجيش 7 مسلحين"
    while k <= last and k - j < 6 and tokens[k].norm in QUALIFIERS:
        k += 1
    if k > last:
        return None
    # "مقتل وإصابة 10": one figure for two categories; ACLED cannot split it, neither do we
    if tokens[k].norm.startswith("و") and _phrase_at(tokens, k, CASUALTY_INDEX):
        return None
    first = _count_at(tokens, k, last)
    if first is None:
        return None
    # "امرأة وطفلين", "3 جنود و2 مدنيين": one conjunct more
    end = first.last + (2 if parse_number(tokens, first.last) else 1)  # after a numeral comes its noun
    if end < last and tokens[end].norm == "و":  # "و2" is two tokens
        end += 1
        rest = tokens[end].norm
    else:
        rest = tokens[end].norm[1:] if end <= last and tokens[end].norm.startswith("و") else ""
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    if nxt is not None and (nxt.norm in PLURAL_AFTER_NUMBER or _phrase_at(tokens, end + 1, CASUALTY_INDEX)):
        rest = ""  # "5 قتلى و10 جرحى": the next figure has its own category
    if rest:
        value = int(rest) if rest.isdecimal() and len(rest) < 5 else word_value(rest)
        more = Number(value, value, end, end) if value else _count_word(rest, end)
        if more is not None:
            return Number(first.min + more.min, first.max + more.max, first.first, end), end
    elif first.last + 1 <= last and tokens[first.last + 1].norm == "من":
        more = _far_conjunct(tokens, first.last + 2, last)  # "قتل 5 من عناصر الحركة و3 جنود"
        if more is not None:
            return Number(first.min + more.min, first.max + more.max, first.first, more.last), more.last
    return first, first.last


_CONJUNCT_REACH = 5
# "قتل 5 من الجنود برصاص مسلحين": who killed them, not more victims
_KILLERS = frozenset(("برصاص", "برصاصه", "بنيران", "بيد", "يد", "علي", "بايدي", "ايدي"))


def _far_conjunct(tokens, j, last) -> Number | None:
    """After "N من <group>", a second figure of other victims: "و3 جنود", "واثنين من الشرطة"."""
    for k in range(j, min(last, j + _CONJUNCT_REACH) + 1):
        w = tokens[k].norm
        if not w[:1].isalnum() or w in CIRCUMSTANCE or w in _KILLERS or _phrase_at(tokens, k, CASUALTY_INDEX):
            return None
        if not w.startswith("و"):
            continue
        if w == "و":
            num = parse_number(tokens, k + 1) if k + 1 <= last else None
        else:
            rest = w[1:]
            value = int(rest) if rest.isdecimal() and len(rest) < 5 else word_value(rest)
            num = Number(value, value, k, k) if value else None
        if num is None:
            return None  # "وحلفائها": the group's name goes on
        after = num.last + 1
        if after <= last and (tokens[after].norm == "من" or VICTIM_INDEX.matches(tokens, after) or _count_word(tokens[after].norm, after)):
            return Number(num.min, num.max, k, after)
        return None
    return None


# Active verbs whose subject may stand between them and the victims' figure: "قتلت غارة جوية ثلاثة مسلحين".
ACTIVE_VERBS = {
    "قتل",
    "قتلت",
    "اصابت",
    "اصاب",
    "جرح",
    "جرحت",
    "اعتقل",
    "اعتقلت",
    "اختطف",
    "اختطفت",
    "خطف",
    "خطفت",
    "اعدم",
    "اعدمت",
    "اغتال",
    "اغتالت",
    "اردي",
    "اردت",
}
# words that end the subject: prepositions, conjunctions and words that introduce a circumstance
SUBJECT_STOP = CIRCUMSTANCE | {
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "منذ",
    "بعد",
    "قبل",
    "و",
    "او",
    "ثم",
    "ان",
    "انه",
    "التي",
    "الذي",
    "الذين",
    "حيث",
    "بينما",
    "عندما",
}
SUBJECT_WORDS = 4


def _figure_after_subject(tokens, i, n, last) -> tuple[Number, int] | None:
    """VSO: "قتلت غارة جوية ثلاثة مسلحين", "قتل مسلحون مجهولون خمسة مدنيين", "أصابت قذيفة ستة أطفال"."""
    if not any(stem in ACTIVE_VERBS for c, stem in readings(tokens[i].norm) if c <= 1):
        return None
    for k in range(i + n, min(last, i + n + SUBJECT_WORDS) + 1):
        w = tokens[k].norm
        if not w[:1].isalnum() or w in SUBJECT_STOP or w in QUALIFIERS:
            if w in QUALIFIERS and w not in SUBJECT_STOP and k > i + n:
                return _figure_after(tokens, k, last)  # "قتلت الغارة نحو 20"
            return None
        if k == i + n or _phrase_at(tokens, k, CASUALTY_INDEX):
            continue  # the subject's first word is never the figure: "قتل جندي" was handled as the object
        num = parse_range(tokens, k)
        if num is not None:
            return _figure_after(tokens, k, last) if _valid(tokens, num) else None
        if is_dual(w) or ((w.endswith("ا") or w.startswith("ال")) and _count_word(w, k) is not None):
            return _figure_after(tokens, k, last)  # "قتل قناص شابا", "قتل مسلحون جنديين", "اغتال مسلحون الناشط"
    return None


def _count_at(tokens, k, last) -> Number | None:
    """A figure at token k: a number (not a year, age or distance), a dual or a singular victim noun."""
    if k > last:
        return None
    num = parse_range(tokens, k)
    if num and _valid(tokens, num):
        return num
    if k + 1 <= last and tokens[k + 1].norm in TWO_AFTER_NOUN and tokens[k].norm[:1].isalpha():
        return Number(2, 2, k, k + 1)  # "مواطنين اثنين": the number word after its noun
    return _count_word(tokens[k].norm, k)


def _count_word(w: str, k: int) -> Number | None:
    if is_dual(w):
        return Number(2, 2, k, k)
    if any(stem in SINGULAR_VICTIMS or (stem[-1:] == "ا" and stem[:-1] in SINGULAR_VICTIMS) for c, stem in readings(w) if c <= 1) and (
        w not in DUALS
    ):
        return Number(1, 1, k, k)  # "حارس", "حارسا"
    if _singular_nationality(w):  # "استشهاد فلسطينية", "أنهى حياة فلسطينيا"
        return Number(1, 1, k, k)
    return None


def _singular_nationality(word: str) -> bool:
    for suffix in ("يه", "يا", "ي"):
        if word.endswith(suffix) and word[: len(word) - len(suffix)] + "ي" in NATIONALITY_STEMS:
            return True
    return False


# "فقد 8 جنود حياتهم": lives lost, after the verb "lost"
LIVES = frozenset(("حياتهم", "حياته", "حياتها", "حياتهما"))
LOST = frozenset(("فقد", "فقدت", "فقدوا", "يفقد", "تفقد", "وفقد", "وفقدت"))


def _figure_before(tokens, i, first) -> tuple[Number, int] | None:
    if tokens[i].norm in LIVES:
        for start in range(i - 1, max(first, i - 5) - 1, -1):
            if tokens[start].norm in LOST:
                num = _count_at(tokens, start + 1, i - 1)
                return (num, i) if num is not None else None
        return None
    if tokens[i].norm in VERBS_AFTER_FIGURE:
        for start in range(i - 1, max(first, i - 7) - 1, -1):
            num = parse_range(tokens, start)
            if num and num.last < i and _valid(tokens, num):
                return num, i
        return None
    if i - 1 < first or tokens[i].norm not in PLURAL_AFTER_NUMBER:
        return None
    for start in range(max(first, i - 3), i):
        num = parse_range(tokens, start)
        if num and num.last == i - 1 and _valid(tokens, num) is not False:
            return num, i
        if num and num.last == i - 2 and _valid(tokens, num) and VICTIM_INDEX.matches(tokens, i - 1):
            return num, i  # "سقط 8 جنود قتلى"
    return None


def _is_strength(tokens, j, first) -> bool:
    """A figure following 'يراوح'/'بين' … counts a force's strength, not losses."""
    for k in range(max(first, j - 4), j + 1):
        if _phrase_at(tokens, k, STRENGTH_INDEX):
            return True
    return False


# "ارتفعت حصيلة القتلى إلى 8", "ليرتفع عدد الشهداء إلى 5": an updated toll replaces the figures told before it
UPDATE_WORDS = frozenset(p + w for p in ("", "و", "ل", "ف", "ب") for w in ("ارتفع", "ارتفعت", "يرتفع", "ترتفع", "ارتفاع", "رفع", "يرفع"))
_LOOK_BACK = 48  # characters before a figure read for an update word


def _words_before(text: str, c: Casualty) -> list[str]:
    return norm(text[max(0, c.start - _LOOK_BACK) : c.start]).split()[-6:]


def is_update(text: str, c: Casualty) -> bool:
    words = _words_before(text, c) + norm(c.raw).split()
    return any(w in UPDATE_WORDS for w in words)


def tally(figures: list[tuple[Casualty, ...]], category: str, text: str) -> int | None:
    """One incident's figure of a category from the figures of its sentences, in order. Within one sentence
    different victim groups add up ("قتل 3 مسلحين وجنديان": 5) and a figure of victims of no known group is a
    total of them ("قتل 11 شخصا بينهم 3 أطفال": 11). Across sentences the largest sentence's figure stands: a
    later sentence retells the toll, tells a part of it, or adds victims, and when the words do not say which
    ACLED's rule is to keep the most conservative figure rather than add. An updated toll ("ارتفعت الحصيلة إلى
    8") replaces what came before."""
    total: int | None = None
    for sentence in figures:
        groups: dict[str, int] = {}
        updated = None
        for c in sentence:
            if c.category != category:
                continue
            if is_update(text, c):
                updated = c.min
                continue
            groups[c.victim_class] = max(groups.get(c.victim_class, 0), c.min)
        if groups:
            unknown = groups.pop("unknown", 0)
            here = max(sum(groups.values()), unknown)
            total = here if total is None else max(total, here)
        if updated is not None:
            total = updated
    return total
