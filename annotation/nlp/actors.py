"""Who did what to whom: the roles of the organisations named in an event.

An organisation is read from the words just before it (inside its sentence):

* announcer: the subject of a reporting verb ("أعلنت خلية الإعلام الأمني", "قال المتحدث باسم الجيش"),
  a statement's author ("بيان لوزارة الدفاع") or a media outlet. It reports the event; it is no party to it.
* agent: the subject of an action verb ("نفذتها القوات الجوية", "شنت طائرات التحالف"), or named after
  "بواسطة", "من قبل", "على يد", or owning the attack ("هجوم لمسلحي X").
* target: the group whose members were hit ("قتل عنصرين من عناصر تنظيم داعش", "اعتقال مسلحي X"),
  or the object of an attack ("استهداف X", "هجوم على X", "ضد X").
* neutral: anything else ("اشتباكات بين الجيش ومسلحي X").

actor1 is the first agent (else the first neutral organisation), actor2 the first target (else the next
neutral one). Announcers are kept out unless nothing else is named and their own statement says that they
acted ("أعلن الجيش أنه قتل …").
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from itertools import compress

from annotation.nlp.gazetteer import actor_index
from annotation.nlp.normalize import norm
from annotation.nlp.numbers import is_dual, word_value
from annotation.nlp.patterns.words import MEDIA_HEADS
from annotation.nlp.tokenize import NORM, START, Token, readings
from annotation.nlp.types import Span


def _set(words: str) -> frozenset[str]:
    return frozenset(norm(w) for w in words.split())


# reporting verbs and the nouns of statements (read through و/ف and the article)
REPORT = _set("""
أعلن أعلنت أعلنوا يعلن تعلن قال قالت قالوا يقول تقول ذكر ذكرت يذكر تذكر أفاد أفادت يفيد تفيد أكد أكدت يؤكد تؤكد
أوضح أوضحت أشار أشارت نقل نقلت نشر نشرت أورد أوردت بث بثت صرح صرحت كشف كشفت أضاف أضافت تابع تابعت أعلنته
بيان بيانا البيان مصدر مصادر المصدر المصادر الناطق المتحدث ناطق متحدث باسم الرسمي حسب بحسب وفق وفقا عن تصريح
تصريحات تقرير التقرير مراسل
""")
# after the organisation: "X في بيان", "X بيانا", "X أن …"
REPORT_AFTER = _set("بيان بيانا تصريح تصريحات أن إن")
# reporting verbs after their subject: "وكان الجيش أعلن …"
REPORT_VERBS = _set("""
أعلن أعلنت قال قالت ذكر ذكرت أفاد أفادت أكد أكدت أوضح أوضحت أشار أشارت نشر نشرت صرح صرحت كشف كشفت أضاف أضافت
""")
# "مصدر في X", "مسؤول من X": someone inside X told of it
SOURCES = _set("مصدر مصادر مسؤول مسؤولون مسؤولين متحدث ناطق")
QUOTES = frozenset("\"«»“”„'")
# verbs whose subject carries out the action (with object pronouns: "نفذتها", "شنه")
ACTION_STEMS = tuple(
    norm(w)
    for w in """
نفذ شن استهدف قصف هاجم اشتبك قتل اعتقل اختطف خطف أطلق فجر اغتال داهم نصب اقتحم أغار ضرب حرر استعاد سيطر استولى
أعدم تمكن قام دمر أسقط أحبط طارد لاحق قضى صفى أسر تبنى أحرق فتح رمى دهس ألقى
""".split()
)
# verbal nouns and prepositions whose complement is the victim or the target
TARGET = _set("""
استهداف مقتل قتل اصابة إصابة اعتقال اختطاف خطف اغتيال تصفية القضاء ملاحقة مطاردة تحييد ضد على معاقل مواقع مقرات
مقر قاعدة قواعد ثكنة نقطة حاجز مركز تجمعات تجمع أوكار وكر خلايا خلية فلول مخابئ آليات آلية عربة عربات دورية دوريات رتل أسر أسرى إعدام لقي مصرع
استشهاد اعتقل أصيب أصيبت جرح
""")
# nouns owning an attack: "هجوم لمسلحي X" / "كمين نصبه" (the owner, in the genitive or after لـ, did it)
ATTACK_NOUNS = _set("هجوم هجمات الهجوم كمين غارة غارات قصف ضربة ضربات عملية تفجير قذائف صواريخ نيران")
# verbs whose (often passive) object, a group's members, are the victims: "قتل عنصرين من عناصر داعش"
HARM_VERBS = _set("قتل قتلت اعتقل اعتقلت اختطف اختطفت خطف خطفت اغتيل اغتال أعدم أسر أصيب أصيبت أصاب جرح استشهد")
HARM_ROOTS = tuple(norm(w) for w in "قتل اعتقل اختطف خطف اغتيل أعدم أسر أصيب أصيب جرح استشهد".split())
# "بواسطة X", "من قبل X", "على يد X", "بيد X"
AGENT_MARKERS = _set("بواسطة قبل يد أيدي")
# members of a group between the verb and the group's name: "عنصرين من عناصر تنظيم داعش"
MEMBERS = _set("""
عناصر عنصر عنصرا عنصرين عنصران مسلحي مسلحو مقاتلي مقاتلو أفراد فرد جنود جنديين منتسبي أعضاء عضو عضوين قيادي
قياديين قياديا قادة أمير مسلحين ارهابيي إرهابيي من التابعين التابع تابعين تابعة التابعة ينتمون ينتمي المنتمين
الموالين موالين الى إلى
""")
# the means of an agent: "طائرات التحالف", "مدفعية الجيش"
MEANS = _set("طائرات طائرة طيران مقاتلات مدفعية المدفعية زوارق بوارج دبابات قوات وحدات وحدة مفرزة مفارز")
_THAT = _set("أنه أنها أنهم إنه إنها إنهم")  # "أعلن الجيش أنه قتل": the pronoun is the announcer
_MEDIA = frozenset({*(norm(w) for w in MEDIA_HEADS), "اعلام", "الاعلام", "الاعلامي", "الاعلاميه"})

WINDOW = 6
# verbs spelt like their verbal noun: after an announcer "أعلنت الشرطة قتل …" is "the killing of"
_MASDAR_LIKE = _set("قتل خطف قصف أسر ضرب فتح")
# "خلية الإعلام في قيادة العمليات", "المكتب الإعلامي التابع لـ…": part of the announcer
_PART_OF = _set("في التابع التابعة التابعين لدى ل")
_ASIDE = _set("عنه عنها ذلك اليوم أمس الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد مساء صباح")


@lru_cache(maxsize=16384)
def _stems(word: str) -> tuple[str, ...]:
    return tuple(stem for c, stem in readings(word) if c <= 2)


@lru_cache(maxsize=65536)
def _in(word: str, table: frozenset[str]) -> bool:
    return any(s in table or s.removeprefix("ال") in table for s in _stems(word))


@lru_cache(maxsize=16384)
def _is_action(word: str, roots: tuple[str, ...] | None = None) -> bool:
    for s in _stems(word):
        for v in roots or ACTION_STEMS:
            # the verb, its feminine/plural and object pronouns: نفذ نفذت نفذوا نفذه نفذتها نفذوها …
            if s.startswith(v) and len(s) - len(v) <= 3 and s[len(v) :] in _ACTION_ENDINGS:
                return True
    return False


_ACTION_ENDINGS = frozenset(("", "ت", "وا", "ه", "ها", "هم", "ته", "تها", "تهم", "وه", "وها", "ا", "ي", "ن"))


def _is_media(span: Span) -> bool:
    return _media_name(span.text)


@lru_cache(maxsize=16384)
def _media_name(text: str) -> bool:
    words = norm(text).split()
    return bool(words) and (_in(words[0], _MEDIA) or any(w in _MEDIA for w in words[1:3]))


def role(tokens: list[Token], i: int, j: int, first: int, last: int, span: Span) -> str:
    """The role of the organisation spanning tokens[i:j+1] inside the sentence tokens[first:last+1]."""
    if _is_media(span):
        return "announcer"
    while j + 1 <= last and tokens[j + 1].norm in QUOTES:
        j += 1  # "حركة “الشباب” هاجمت"
    nxt = tokens[j + 1].norm if j + 1 <= last else ""
    after = tokens[j + 2].norm if j + 2 <= last else ""
    k = i - 1
    member = means = False
    while k >= first and i - k <= WINDOW:
        w = tokens[k].norm
        if w in QUOTES:
            pass
        elif _in(w, MEMBERS) or w.isdecimal() or word_value(w) is not None or is_dual(w):
            member = True
        elif _in(w, MEANS):
            means = True
        else:
            break
        k -= 1
    prev = tokens[k].norm if k >= first and i - k <= WINDOW else ""
    if prev and not member and not means and (not prev[:1].isalpha() or prev in _ASIDE):
        # "كما ذكرت، مساء أمس، هيئة الطيران": a reporting verb across an aside
        m = k
        while m >= first and k - m < 4 and (not tokens[m].norm[:1].isalpha() or tokens[m].norm in _ASIDE):
            m -= 1
        if m >= first and _in(tokens[m].norm, REPORT):
            return "announcer"
    before = tokens[k - 1].norm if k - 1 >= first else ""
    if prev in ("في", "من", "داخل", "ب") and not member and _in(before, SOURCES):
        return "announcer"
    if prev and _in(prev, AGENT_MARKERS):
        if prev.endswith("قبل") and before not in ("من", "ومن"):
            return "neutral"
        return "agent"
    if prev and _is_action(prev):
        # "قتل عنصرين من داعش": members after a verb of harm are its victims; "نفذه عناصر من X": its agents
        return "target" if member and not means and _in(prev, HARM_VERBS) else "agent"
    if nxt and _is_action(nxt) and not _in(nxt, _MASDAR_LIKE) and not (prev and _in(prev, TARGET)):
        # the subject before its verb: "مسلحين من حركة X هاجموا"; but "5 من أفراد X قتلوا" were killed
        return "target" if member and _is_action(nxt, HARM_ROOTS) else "agent"
    if prev and _in(prev, TARGET):
        return "agent" if means else "target"
    if prev and (_in(prev, ATTACK_NOUNS) or means):
        return "agent"
    if prev and _in(prev, REPORT) and not member:
        return "announcer"
    if nxt and not member and not means and _in(nxt, REPORT_VERBS) and not (prev and _in(prev, ATTACK_NOUNS)):
        return "announcer"
    if nxt and (_in(nxt, REPORT_AFTER) or (nxt in ("في", "عبر") and _in(after, REPORT_AFTER))) and not member:
        return "announcer" if prev == "" or not _in(prev, ATTACK_NOUNS) else "agent"
    if member:
        return "target_weak"
    return "neutral"


def _same(a: Span, b: Span) -> bool:
    if a.entity_key and a.entity_key == b.entity_key:
        return True
    x, y = norm(a.text), norm(b.text)
    x, y = x[2:] if x.startswith("لل") else x, y[2:] if y.startswith("لل") else y
    return x.removeprefix("ال") == y.removeprefix("ال")


def _is_actor(span: Span) -> bool:
    a = actor_index().get(span.entity_key or "")
    return a is None or bool(a.actor_type)


def _said_it_did(tokens: list[Token], j: int, last: int) -> bool:
    """ "أعلن الجيش أنه قتل …": the announcer reports its own action."""
    for k in range(j + 1, min(last, j + 6) + 1):
        if tokens[k].norm in _THAT:
            return any(_is_action(tokens[m].norm) for m in range(k + 1, min(last, k + 3) + 1))
    return False


def pick_actors(tokens: list[Token], group, text: str | None = None) -> tuple[Span | None, Span | None]:
    """actor1 (the one acting) and actor2 (the one acted upon) among the event's organisations; without an
    acting organisation, an unnamed group that acts ("مسلحون مجهولون", "المتظاهرين", "مستوطنون") when
    ``text`` is given."""
    roles: list[tuple[str, Span]] = []
    last_j = -10
    for s in group:
        for x in s.spans:
            if x.label != "ORG" or not _is_actor(x):
                continue
            i = min(bisect_left(tokens, x.start, key=START), len(tokens) - 1)  # START: Token.start, read in C
            if tokens[i].start > x.start and i > 0:
                i -= 1
            j = i
            while j + 1 < len(tokens) and tokens[j + 1].start < x.end:
                j += 1
            r = role(tokens, i, j, s.first, s.last, x)
            if (
                roles
                and roles[-1][0] == "announcer"
                and 0 < i - last_j <= 2
                and all(_in(tokens[m].norm, _PART_OF) for m in range(last_j + 1, i))
            ):
                r = "announcer"
            last_j = j
            if r == "announcer" and not _is_media(x) and _said_it_did(tokens, j, s.last):
                r = "agent"
            roles.append((r, x))

    def first(kinds, unlike=None):
        return next((x for r, x in roles if r in kinds and (unlike is None or not _same(x, unlike))), None)

    hit = [x for r, x in roles if r == "target"]
    a1 = first(("agent",)) or next((x for r, x in roles if r == "neutral" and not any(_same(x, t) for t in hit)), None)
    a2 = first(("target",), a1) or first(("neutral", "agent"), a1) or first(("target_weak",), a1)
    if a1 is None and text is not None:
        a1 = _unnamed_group(text, tokens, group)
    return a1, a2


# unnamed groups that act: gunmen, protesters, settlers (plain, with the article, or after و)
GROUPS = _set("""
مسلحون مسلحين مسلح مجهولون مجهولين ملثمون ملثمين متظاهرون متظاهرين محتجون محتجين مستوطنون مستوطنين
""")
# the adjectives that stay with them: "مسلحون مجهولون", "مستوطنون إسرائيليون", "مسلحين محليين"
GROUP_ADJECTIVES = _set("مجهولون مجهولين ملثمون ملثمين محليون محليين غاضبون غاضبين")


UNNAMED = "group:unnamed"  # entity_key of an unnamed group found here (not an entity span of the article)
PROTESTERS = _set("متظاهرون متظاهرين محتجون محتجين معتصمون معتصمين")


def protesters(text: str, tokens: list[Token], group) -> Span | None:
    """The crowd of a demonstration ("المتظاهرين"): ACLED's actor1 of protests and riots, even when hit."""
    return _unnamed_group(text, tokens, sorted(group, key=lambda s: s.context), PROTESTERS, victims_too=True)


_GROUP_WORD: dict[frozenset, dict[str, bool]] = {}  # words → normalised word → whether it may be one of them


def _group_words(words: frozenset, tokens: list[Token], first: int, last: int):
    """The tokens of first..last that may be one of the words, with the article or after "و" (what
    _unnamed_group tests next), read from a per-word cache by a C-level map."""
    cache = _GROUP_WORD.get(words)
    if cache is None or len(cache) > 100_000:
        cache = _GROUP_WORD[words] = {}
    norms = list(map(NORM, tokens[first : last + 1]))
    for w in set(norms) - cache.keys():
        bare = w[1:] if w.startswith("و") else w
        cache[w] = w in words or (w.startswith("ال") and w[2:] in words) or bare in words or (bare.startswith("ال") and bare[2:] in words)
    return compress(range(first, last + 1), map(cache.__getitem__, norms))


def _unnamed_group(text: str, tokens: list[Token], group, words=GROUPS, victims_too=False) -> Span | None:
    for s in group:
        if s.context and not victims_too:
            continue
        victims = [] if victims_too else [(c.start, c.end) for c in s.casualties]
        for k in _group_words(words, tokens, s.first, s.last):
            t = tokens[k]
            w = t.norm
            if w in words or (w.removeprefix("ال") in words and w.startswith("ال")):
                start = t.start
            elif w.startswith("و") and (w[1:] in words or (w[1:].startswith("ال") and w[3:] in words)) and text[t.start] == "و":
                start = t.start + 1
            else:
                continue
            if any(a <= t.start < b for a, b in victims):
                continue  # "مقتل 5 مسلحين": the victims
            prev = tokens[k - 1].norm if k > s.first else ""
            if not victims_too and prev and (_in(prev, TARGET) or _in(prev, HARM_VERBS) or prev.isdecimal() or word_value(prev)):
                continue  # "استهداف المسلحين", "قتل مسلحين", "5 مسلحين"
            end = t.end
            while start < end and ("\u064b" <= text[start] <= "\u065f" or text[start] == "\u0640"):
                start += 1  # "وَمسلحون": the span starts on the word's first letter
            nxt = tokens[k + 1] if k + 1 <= s.last else None
            if nxt is not None and (nxt.norm in GROUP_ADJECTIVES or (nxt.norm.endswith(("يون", "يين")) and len(nxt.norm) > 5)):
                end = nxt.end
            return Span(start, end, text[start:end], "ORG", "rules", 0.5, UNNAMED)
    return None
