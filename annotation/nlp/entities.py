"""Entity candidates: lexicon matches, pattern rules and date expressions, as Spans over the original text."""

from __future__ import annotations

import bisect
import re

from annotation.nlp.dates import _stem as date_stem
from annotation.nlp.dates import find_dates
from annotation.nlp.lexicon import Lexicon, key_of
from annotation.nlp.normalize import Normalized
from annotation.nlp.patterns import rules
from annotation.nlp.patterns import words as W
from annotation.nlp.tokenize import NORM, NSTART, Token, readings
from annotation.nlp.types import LexiconEntry, Span

# Labels whose every recurrence in an article is the same entity (a date or a weapon named twice is not).
RECURRING_LABELS = frozenset({"PER", "ORG", "LOC", "FAC", "NORP"})


def find_entities(text: str, normalized: Normalized, tokens: list[Token], lexicon: Lexicon) -> list[Span]:
    def span(first: int, clitic: int, last: int, label: str, origin: str, conf: float, key=None) -> Span:
        tok = tokens[first]
        start = normalized.to_original(tok.nstart + clitic, tok.nend)[0] if clitic else tok.start
        end = tokens[last].end
        return Span(start, end, text[start:end], label, origin, conf, key)

    out: list[Span] = []
    matches = [m for m in lexicon.find(tokens) if not _common_noun_reading(m, tokens)]
    lex = {m.first: m for m in matches}
    for m in matches:
        out.append(span(m.first, m.clitic, m.last, m.entry.label, "lexicon", 0.9, m.entry.key))
    covered = {m.first: m.last for m in matches if m.entry.label in ("ORG", "LOC")}
    ctx = rules.Context(tokens, lex, covered, text)
    for first, clitic, last, label, conf in rules.org_hits(ctx):
        out.append(span(first, clitic, last, label, "rules", conf))
        covered[first] = max(last, covered.get(first, last))
    for family in (
        rules.known_org_nationality_hits,
        rules.quoted_org_hits,
        rules.dateline_agency_hits,
        rules.told_outlet_hits,
        rules.known_as_hits,
        rules.fighters_group_hits,
        rules.fac_hits,
        rules.loc_hits,
        rules.between_hits,
        rules.direction_hits,
        rules.anchored_place_hits,
        rules.listed_village_hits,
        rules.place_adjective_hits,
        rules.place_prefix_hits,
        rules.weapon_hits,
        rules.norp_hits,
        rules.per_hits,
        rules.appositive_hits,
        rules.age_hits,
        rules.speaker_hits,
        rules.victim_name_hits,
        rules.first_name_hits,
    ):
        for first, clitic, last, label, conf in family(ctx):
            if label == "PER" and _after_place_head(tokens, first):
                continue  # "بقرية أبو حرارة": a place's name, not a man's
            out.append(span(first, clitic, last, label, "rules", conf))
    for e in find_dates(tokens):
        out.append(span(e.first, date_stem(tokens[e.first])[0], e.last, "DATE", "rules", 0.8))
    out += _surname_mentions(text, normalized, tokens, out, span)
    out += _acronyms(text, out)
    return out


# "(قنا)", "(أفريكوم)" right after an organisation's name: its acronym, not a place of the same spelling
_ACRONYM = re.compile(r"\s*\(([\u0621-\u064a]{2,12}(?: [\u0621-\u064a]{2,12})?)\)")


def _acronyms(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for s in spans:
        if s.label == "ORG" and (m := _ACRONYM.match(text, s.end)):
            out.append(Span(m.start(1), m.end(1), m.group(1), "ORG", "rules", 0.95))
    return out


def _after_place_head(tokens: list[Token], first: int) -> bool:
    """Whether the token before ``first`` is a place-type word ("قرية", "بمدينة", "وادي")."""
    return first > 0 and rules.stem_in(tokens[first - 1].norm, W.ALL_LOC_HEADS, 2) is not None


MINISTER_WORDS = frozenset({"وزير", "الوزير", "وزيره", "الوزيره"})
BASE_PREPOSITIONS = frozenset({"علي", "داخل", "قرب", "محيط", "مدخل", "بوابه", "اسوار"})  # normalised
# Group names that are also common nouns: "القاعدة العسكرية" is a base, "الجزيرة العربية" a peninsula.
AMBIGUOUS_GROUP_NAMES = frozenset({"القاعده", "الجزيره", "الشرعيه", "الحشد", "الشباب", "الحوثي"})


def _common_noun_reading(m, tokens: list[Token]) -> bool:
    """A one-word group name followed by an adjective ("القاعدة العسكرية") is the common noun; a place read
    after the particle ك is a word that begins with kaf ("كمينا" is no "ك + مينا")."""
    if m.clitic and m.entry.label == "LOC" and ("ك" in tokens[m.first].norm[: m.clitic] or tokens[m.first].norm in W.COMMON_FIRST_NAMES):
        return True  # "كمينا" is no "ك + مينا", "فاروق" no "ف + اروق"
    if m.entry.label == "NORP" and m.clitic == 0 and m.first and rules.agreeing_adjective(tokens[m.first - 1].norm, tokens[m.first].norm):
        return True  # "المسؤولين العراقيين": the officials' nationality, not the Iraqis
    if m.entry.label == "LOC" and m.first and tokens[m.first - 1].norm == "طراز":
        return True  # "مسيرات من طراز صماد": a model's name, not the town
    if m.entry.label == "WEAPON" and m.first and tokens[m.first - 1].norm in W.EXPERT_WORDS:
        return True  # "خبراء الألغام": an expert's field, not a weapon used
    if m.entry.label == "LOC" and _everyday_reading_of_place(m, tokens):
        return True
    if m.entry.label == "ORG" and m.first and rules.stem_in(tokens[m.first - 1].norm, MINISTER_WORDS, 2):
        return True  # "وزير الأمن العام": the minister's portfolio, not the body
    if m.entry.label != "ORG" or _norm(m.entry.surface) not in AMBIGUOUS_GROUP_NAMES:
        return False
    nxt = tokens[m.last + 1].norm if m.last + 1 < len(tokens) else ""
    prev = tokens[m.first - 1].norm if m.first else ""
    if _norm(m.entry.surface) == "القاعده" and m.clitic == 0 and prev in BASE_PREPOSITIONS:
        return True  # "سقطت صواريخ على القاعدة": the base
    return nxt.startswith("ال") and nxt.endswith(("يه", "ي"))


# Place names that are everyday words after the preposition ب: "بحجة" is "on the pretext", not "in Hajjah".
PLACES_READ_AS_WORDS_AFTER_BI = frozenset({"حجه"})
# a place's name opening an everyday phrase, by the start of the word that follows it: "مسقط رأسه" (a birthplace)
PLACES_READ_AS_WORDS_BEFORE = {"مسقط": "راس"}


def _everyday_reading_of_place(m, tokens: list[Token]) -> bool:
    """A one-word place that the words around it read as an everyday word: "بحجة الإخلال" (on the pretext of),
    "الراية البيضاء" (a colour adjective, فعلاء, right after a definite noun), "مسقط رأسه" (a birthplace)."""
    word = tokens[m.first].norm
    if m.clitic and word[: m.clitic].endswith("ب") and word[m.clitic :] in PLACES_READ_AS_WORDS_AFTER_BI:
        return True
    follows = PLACES_READ_AS_WORDS_BEFORE.get(word[m.clitic :])
    if follows and m.last + 1 < len(tokens) and tokens[m.last + 1].norm.startswith(follows):
        return True
    if m.clitic or m.first != m.last or not m.first or not word.startswith("ال") or not word.endswith("اء"):
        return False
    prev = tokens[m.first - 1].norm
    return prev.startswith("ال") and len(prev) > 3  # a definite noun, then its adjective


def _surname_mentions(text, normalized, tokens, spans, span) -> list[Span]:
    """A person named in full is later called by the last part of the name ("وقال الخفاجي")."""
    surnames = {}
    for s in spans:
        if s.label == "PER" and " " in s.text.strip():
            key = _norm(s.text.split()[-1])
            if len(key) >= 3 and key not in W.NAME_STOP and key not in W.NAME_CONNECTORS and key not in W.ALL_ORG_HEADS | W.TITLES:
                surnames[key] = s  # a title word ("محمد الأمين") recurs as the title ("الأمين العام"), not the name
    if not surnames:
        return []
    out = []
    # a reading with at most one clitic letter is the word, the word less its first letter, or "ال" + the word
    # less "لل"/"ولل"/"فلل": a token with one that is a surname holds the surname (less its "ال") somewhere,
    # found by a C-level search; each candidate is then tested as before
    text_n = normalized.text
    nstarts = list(map(NSTART, tokens))
    candidates = set()
    for key in surnames:
        needle = key[2:] if key.startswith("ال") else key
        pos = text_n.find(needle)
        while pos != -1:
            candidates.add(bisect.bisect_right(nstarts, pos) - 1)
            pos = text_n.find(needle, pos + 1)
    for i in sorted(candidates):
        if i < 0:
            continue
        tok = tokens[i]
        for clitic, stem in readings(tok.norm):
            if clitic <= 1 and stem in surnames and not (i + 1 < len(tokens) and tokens[i + 1].norm == stem):
                if len(stem) == 3 and not _bare_short_surname(tokens, i, clitic):
                    break  # "بعون الله": a short family name is often a word too
                family = tokens[i - 1].norm if i > 0 and clitic == 0 else ""
                if family[-2:] == "ال" and len(family) <= 3 and _norm(surnames[stem].text.split()[-2]) == "ال":
                    out.append(span(i - 1, len(family) - 2, i, "PER", "rules", 0.6))  # "وأشار آل ثاني": the family
                else:
                    out.append(span(i, clitic, i, "PER", "rules", 0.6))
                break
    return out


def _bare_short_surname(tokens: list[Token], i: int, clitic: int) -> bool:
    """A family name of three letters recurs alone only as written or after "و" ("وكان عون قد …", "وقال بري"), and
    not before "الله" ("بعون الله")."""
    after = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    return (clitic == 0 or tokens[i].norm[:1] == "و") and after != "الله"


def _norm(s: str) -> str:
    from annotation.nlp.normalize import norm

    return norm(s)


def recurring_mentions(text: str, normalized: Normalized, tokens: list[Token], spans: list[Span]) -> list[Span]:
    """A string tagged once is tagged wherever it recurs in the article, with or without clitics
    ("الخرطوم" … "وبالخرطوم"); the caller merges these with the spans (the tagged ones win ties)."""
    # the lexicon already finds its own names everywhere: only what the rules and models found needs repeating
    entries = list(
        dict.fromkeys(
            LexiconEntry(s.text, s.label, s.entity_key)
            for s in spans
            if s.label in RECURRING_LABELS and s.origin != "lexicon" and len(s.text) > 2
        )
    )
    if not entries:
        return []
    lexicon = Lexicon(entries)
    # candidate tokens: where the first word of an entry occurs in the normalised text (a C-level search)
    starts = list(map(NSTART, tokens))
    candidates = set()
    for e in entries:
        first = key_of(e.surface)[0]
        needle = first[2:] if first.startswith("ال") and len(first) > 3 else first  # "للقرية", "بالقرية"
        pos = normalized.text.find(needle)
        while pos != -1:
            candidates.add(bisect.bisect_right(starts, pos) - 1)
            pos = normalized.text.find(needle, pos + 1)
    out = []
    norms = list(map(NORM, tokens))
    for i in sorted(candidates):
        m = lexicon.match_at(norms, i)
        if m is None or _common_noun_reading(m, tokens):
            continue  # a group named once is no group where its word is an adjective ("آلاف الماليين … الجنود الماليين")
        first = tokens[m.first]
        start = normalized.to_original(first.nstart + m.clitic, first.nend)[0] if m.clitic else first.start
        end = tokens[m.last].end
        out.append(Span(start, end, text[start:end], m.entry.label, "rules", 0.5, m.entry.key))
    return out
