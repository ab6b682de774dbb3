"""Where an incident happened: the place its sentences put it (town or village before city, city before
governorate), the facility that is more precise still, and the incident's country.

    place = event_place(group, article)       # a LOC span of the group, or None
    site = event_site(group, place)           # a FAC span of the event's own sentences, or None
    country = incident_country(place, group, article)
    k = placing_detail(drafts, n, spans)      # the later draft that places drafts[n] in a town, or None
"""

from __future__ import annotations

import re
from functools import lru_cache

from annotation.nlp.focus import nationality_of
from annotation.nlp.gazetteer import actor_index, country_names, place_index
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.sentences import Article, Sentence
from annotation.nlp.tokenize import readings
from annotation.nlp.types import IncidentDraft, Span

PLACE_RANK = {"country": 0, "governorate": 1, "region": 1.5, "city": 2, "town": 3}


UNKNOWN_PLACE_RANK = 3.1  # a village or district found by a rule ("قرية X"): smaller than the gazetteer's towns


DIRECTIONS = E.words("direction")


def place_rank(span: Span) -> float:
    p = place_index().get(span.entity_key or "")
    return PLACE_RANK.get(p.kind, 1) if p else UNKNOWN_PLACE_RANK


def _best_place(spans: list[Span], text: str = "") -> Span | None:
    best, best_rank = None, -1.0
    for s in spans:
        if s.label != "LOC":
            continue
        rank = _told_rank(text, s) if text else place_rank(s)
        if rank > best_rank:
            best, best_rank = s, rank
    return best


_PROVINCE_WORDS = frozenset({"محافظه", "ولايه", "اقليم"})


def _told_rank(text: str, span: Span) -> float:
    """The place's rank, a province's when the text calls it one ("بولاية الجزيرة", "في محافظة X") whatever the
    gazetteer knows of the name (a name it does not know ranks as a village)."""
    before = norm(text[max(0, span.start - 12) : span.start]).split()
    if before and not text[span.start - 1 : span.start].isalpha():
        word = before[-1].removeprefix("و")
        if word in _PROVINCE_WORDS or (word[:1] == "ب" and word[1:] in _PROVINCE_WORDS):
            return PLACE_RANK["governorate"]
    return place_rank(span)


NOT_THE_PLACE = E.words("not_the_place")  # destinations and origins ("عودتهم إلى القاهرة")


OFFICE_OF = E.words("office_of")  # "حاكم منطقة X": whose office, not where it happened


# "بعد سقوط X", "منذ سيطرة القوات على X" up to the place, within its clause: a town changing hands, named to date
# the event by another one.
_CHANGE_OF_HANDS = re.compile(r"(?:بعد|منذ|عقب|اثر|قبل|اثناء)\s+(?:سقوط|سيطره|استعاده|انسحاب|تحرير|دخول|حصار)\b[^،,.؛:]*$")


def is_reference_place(text: str, span: Span) -> bool:
    """Whether the place is a reference point ("شمال بغداد"), a destination or origin ("إلى القاهرة", "شاب من بلدة
    X"), an office holder's area ("حاكم منطقة X"), the dateline, the hospital's town ("نقلوا إلى مستشفى في X") or
    where the source spoke ("قالت وزارة الصحة في X إن …"), or a town whose fall dates the event ("بعد سقوط X")."""
    return _is_reference_place(text, span.start, span.end)


# asked again and again of an article's places by the incident drafting: the text's hash is kept by the string, and
# the same text object compares by identity
@lru_cache(maxsize=2048)
def _is_reference_place(text: str, start: int, end: int) -> bool:
    if not text[:start].strip() and text[end : end + 3].strip()[:1] in ("-", "–", "—", ":", "/", "("):
        return True  # the dateline: "الخرطوم - قالت مصادر …" says where it was written
    if _not_event_place(text[max(0, start - 24) : start]) or _second_of_between(text[max(0, start - 40) : start]):
        return True
    if _CHANGE_OF_HANDS.search(norm(text[max(0, start - 60) : start])):
        return True  # "بعد سقوط نيالا والجنينة": towns that date the event by their fall, not where it happened
    return _speaker_or_hospital_place(text[max(0, start - 80) : start], text[end : end + 30])


SOURCE_WORDS = E.words("reporting_verb") | E.words("source_word")  # "قال", "أعلن", "بحسب", "وفق"
_THAT = frozenset({"ان", "انه", "انها", "انهم", "انهما", "انهن"})  # opens what the source said ("إنها", "بأن")
_SENTENCE_END = frozenset({".", "؟", "!", "\n"})


@lru_cache(maxsize=16384)
def _speaker_or_hospital_place(preceding: str, following: str) -> bool:
    """ "في X" in the source's own clause ("أفاد مصدر أمني في X بأن …", "… بحسب مسؤول في X."), or after a hospital
    the wounded were taken to ("نقلوا إلى مستشفى الشفاء في X"): not where the event happened."""
    for mark in _SENTENCE_END:
        preceding = preceding.rsplit(mark, 1)[-1]
    before = norm(preceding).split()
    if not before or before[-1].removeprefix("و") != "في":
        return False
    clause = before[:-1]
    # the hospital: "إلى (ال)مستشفى/مستشفيات … في X"
    for k in range(len(clause) - 1, max(-1, len(clause) - 5), -1):
        if clause[k].removeprefix("ال").startswith("مستشفي"):
            if k and clause[k - 1] in ("الي", "لي"):
                return True
            break
    # the source: a word of saying before "في X", no "أن" since, and "أن" or the sentence's end after X
    if not any(w.removeprefix("و").removeprefix("ف") in SOURCE_WORDS for w in clause[-6:]):
        return False
    if any(w.removeprefix("ب") in _THAT for w in clause):
        return False
    if following.lstrip()[:1] in (".", "؟", "!"):
        return True
    for mark in _SENTENCE_END:
        following = following.split(mark, 1)[0]
    after = norm(following).replace("،", " ").replace(",", " ").split()
    return not after or any(w.removeprefix("ب") in _THAT for w in after[:4])


NEAR = E.words("near")  # "بالقرب من X" is where it happened
NEARBY = E.words("nearby")  # "القريبة من Y": an adjective on a place named before; Y is a reference point
SEAT_OF = E.words("seat_of")  # "ومقره X", "الصادرة في X": an organisation's or outlet's seat
HOME_OF = E.words("home_of")  # "من أبناء بلدة X", "ينحدر من X": a victim's home town


@lru_cache(maxsize=16384)
def _second_of_between(preceding: str) -> bool:
    """ "بين مدينتي X وY", "بين X و Y": the event is at one place between the two; the first names it."""
    before = norm(preceding).split()
    if not before or before[-1] != "و":
        return False
    return "بين" in before[-5:-1]


def _home_town(before: list[str]) -> bool:
    """Whether the words before a place name someone's home town: "من أبناء/سكان (بلدة) X", "ينحدر من (مدينة) X"."""
    if before[-1].removeprefix("و") in _PLACE_KIND:
        before = before[:-1]
    if len(before) < 2:
        return False
    return (before[-1] in HOME_OF and before[-2] == "من") or (before[-1] == "من" and before[-2] in HOME_OF)


@lru_cache(maxsize=16384)
def _not_event_place(preceding: str) -> bool:
    before = norm(preceding).split()
    if not before:
        return False
    if _home_town(before):
        return True
    if before[-1] == "من" and len(before) > 1 and before[-2].removeprefix("و") in NEARBY:
        return True  # "بلدة X القريبة من مدينة Y": Y only says where X is
    if before[-1] in _PLACE_KIND and len(before) > 2 and before[-2] == "من" and before[-3].removeprefix("و") in NEARBY:
        return True
    seat = before[-2] if before[-1] == "في" and len(before) > 1 else before[-1]
    if seat in SEAT_OF:
        return True  # "ومقره لندن", "الصادرة في لندن": where the source is based
    word = before[-1].removeprefix("و")
    if word.removeprefix("ال") in DIRECTIONS or word in OFFICE_OF:
        return True
    if word in NOT_THE_PLACE:
        return not (len(before) > 1 and before[-2] in NEAR)
    return len(before) > 1 and before[-2] in OFFICE_OF


def event_place(group: list[Sentence], article: Article) -> Span | None:
    """The first town or village named in the event's sentences (outside "شمال X" references), else in the sentences
    that frame it, else the first city, else the most precise place."""
    text = article.text
    spans = [x for s in group for x in s.spans]
    candidates = [x for x in spans if x.label == "LOC" and not is_reference_place(text, x)]
    event_spans = {id(x) for s in group if not s.context for x in s.spans}
    candidates = [x for x in candidates if id(x) in event_spans or country_of(x, [], []) in (None, article.country)]
    # a place inside a facility's name ("طريق الدانا") only when nothing else is named
    facilities = [x for x in spans if x.label == "FAC"]
    outside = [x for x in candidates if not any(f.start <= x.start and x.end <= f.end for f in facilities)]
    candidates = outside or candidates
    rank = {id(x): _told_rank(text, x) for x in candidates}
    told = [x for x in candidates if id(x) in event_spans and rank[id(x)] >= 2]
    # a known town named in the event's own sentences is more precise than a city named before it
    town = next((x for x in told if rank[id(x)] >= PLACE_RANK["town"]), None)
    # else a village named in a sentence that only tells more of the event ("كمنوا للدورية عند مدخل قرية X")
    town = town or next((x for x in candidates if rank[id(x)] >= PLACE_RANK["town"]), None)
    # else the city the event's own clause puts it in ("في/ب/قرب X", "قصفت X"), else the first city
    city = next((x for x in told if _tied_to_event(text, x)), None)
    first_city = next((x for x in candidates if rank[id(x)] >= 2), None)
    return town or city or first_city or _best_place(candidates, text) or _best_place(spans, text)


_IN = frozenset({"في", "قرب", "بالقرب", "عند", "داخل", "علي"})  # the place where it happened follows these
_STRUCK = ("استهدف", "هاجم", "قصف", "داهم", "اقتحم")  # the place struck is the verb's object
_PLACE_KIND = frozenset({"مدينه", "بلده", "قريه", "حي", "منطقه", "مخيم", "محافظه", "ولايه", "اقليم", "مديريه", "ناحيه"})


def _tied_to_event(text: str, span: Span) -> bool:
    """Whether the place is where the clause puts its event: after "في/ب/قرب/عند" ("بمدينة X", "ببلدة X", "قرب X"),
    or struck by the verb ("قصفت الطائرات X")."""
    before = norm(text[max(0, span.start - 30) : span.start])
    if before[-1:].isalpha():  # a clitic on the name itself ("ببغداد")
        return before.split()[-1].removeprefix("و") == "ب"
    words = before.split()
    if words and words[-1].removeprefix("و").removeprefix("ب") in _PLACE_KIND:
        if words[-1].removeprefix("و").startswith("ب"):
            return True  # "بمدينة X"
        words = words[:-1]
    if not words:
        return False
    word = words[-1]
    forms = (word, word.removeprefix("و"), word.removeprefix("ف"))  # "وفي", "فقصفت": not the "ف" of "في"
    return any(w in _IN or w.startswith(_STRUCK) for w in forms)


_ROUTES = frozenset({"طريق", "شارع"})


def event_site(group: list[Sentence], place: Span | None, text: str = "") -> Span | None:
    """The first facility named in the event's own sentences, more precise than its town: "مطعم X" or "الطريق
    الدولي" near "مدينة Y". A road named after the towns it joins ("طريق X - Y") is not: those towns say more; nor
    is the hospital the wounded were taken to, or where the source spoke ("قال مسؤول في مستشفى X إن …")."""
    spans = [x for s in group if not s.context for x in s.spans]
    for x in spans:
        if x.label != "FAC" or (text and _not_the_site(text, x)):
            continue
        if not (place is not None and x.start <= place.start and place.end <= x.end):
            if not is_route(x.text) or not (_names_a_place(x, spans) or _joins_towns(text, x)):
                return x
    return None


def _not_the_site(text: str, site: Span) -> bool:
    """A hospital after "إلى" ("نقلوا إلى مستشفى X"), or a facility in the source's own clause."""
    words = norm(site.text).split()
    if words and words[0].removeprefix("ال").startswith("مستشفي") and is_reference_place(text, site):
        return True
    return _speaker_or_hospital_place(text[max(0, site.start - 80) : site.start], text[site.end : site.end + 30])


def is_country(span: Span) -> bool:
    """Whether a LOC span is keyed to a country."""
    p = place_index().get(span.entity_key or "")
    return p is not None and p.kind == "country"


def is_route(text: str) -> bool:
    """Whether a facility's name is a road's or a street's ("طريق الدانا", "شارع الرشيد")."""
    words = norm(text).split()
    return bool(words) and words[0].removeprefix("ال") in _ROUTES


def _joins_towns(text: str, road: Span) -> bool:
    """ "الطريق الرابط بين مدينتي X وY": a road told by the towns it joins, right after its name."""
    return bool(text) and norm(text[road.end : road.end + 8]).split()[:1] == ["بين"]


def _names_a_place(site: Span, spans: list[Span]) -> bool:
    """Whether a place (LOC) is named inside the facility's name ("طريق بغداد")."""
    return any(y.label == "LOC" and site.start <= y.start and y.end <= site.end for y in spans)


def incident_country(place: Span | None, group: list[Sentence], article: Article) -> str | None:
    """The country of the event's place when the gazetteer knows it, else the article's focus country."""
    if place is not None and place.entity_key in place_index():
        return place_index()[place.entity_key].country_en
    return _territory_named(group, article) or article.country or country_of(None, [x for s in group for x in s.spans], article.spans)


TERRITORY_WORDS = E.words("territory_word")


def _territory_named(group: list[Sentence], article: Article) -> str | None:
    """ "داخل الأراضي السورية": the event's sentences say in whose territory it happened."""
    tokens = article.tokens
    for s in group:
        if s.context:
            continue
        for i in range(s.first, s.last):
            if any(stem in TERRITORY_WORDS for c, stem in readings(tokens[i].norm) if c <= 1):
                nat = nationality_of(tokens[i + 1].norm)
                if nat is not None and not nat.ambiguous:
                    return country_names().get(nat.iso3)
    return None


def places_by_offsets(spans: list[Span]) -> dict[tuple[int, int], Span]:
    """The LOC spans by (start, end)."""
    return {(x.start, x.end): x for x in spans if x.label == "LOC"}


def country_of(place: Span | None, spans: list[Span], all_spans: list[Span]) -> str | None:
    places, actors, names = place_index(), actor_index(), country_names()
    if place is not None and place.entity_key in places:
        return places[place.entity_key].country_en
    counts: dict[str, float] = {}
    for weight, pool in ((2.0, spans), (1.0, all_spans)):
        for x in pool:
            iso = None
            if x.entity_key in places:
                iso = places[x.entity_key].country_iso3
            elif x.entity_key in actors:
                iso = actors[x.entity_key].country_iso3
            if iso:
                counts[iso] = counts.get(iso, 0) + weight
    if not counts:
        return None
    return names.get(max(counts, key=counts.get))


def placing_detail(drafts: list[IncidentDraft], n: int, spans: list[Span], by_offsets: dict | None = None) -> int | None:
    """The index of a later draft that tells where draft ``n`` happened: it names only the country or province
    ("قتل خمسة جنود في هجوم بولاية X"), a later sentence of the same kind names the town ("ووقع الهجوم في بلدة
    Y"), in the same country, on no other day and with no other figures. None when there is none.

    ``by_offsets``: places_by_offsets(spans), when the caller asks for several drafts of one article."""
    event = drafts[n]
    if by_offsets is None:
        by_offsets = places_by_offsets(spans)

    def rank(d: IncidentDraft) -> float:
        x = by_offsets.get(d.place_span) if d.place_span else None
        return place_rank(x) if x is not None else -1

    if rank(event) >= PLACE_RANK["city"]:
        return None
    for k in range(n + 1, len(drafts)):
        d = drafts[k]
        if d.sub_event_type != event.sub_event_type or rank(d) < PLACE_RANK["city"] or d.country not in (None, event.country):
            continue
        if d.date and event.date and d.date != event.date:
            continue  # another day: another event
        if (d.killed or d.injured) and (event.killed or event.injured) and (d.killed, d.injured) != (event.killed, event.injured):
            continue  # other figures: another event
        return k
    return None
