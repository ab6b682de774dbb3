"""The article's focus country: which country a whole article is about.

Evidence, each weighted: the dateline ("الخرطوم - " at the top), the places and countries tagged, the
actors of known country, and nationality adjectives (``الجيش السوداني`` counts double). Places that share a
name with a place in another country count for nothing here: the focus is what decides between them.

    scores = country_scores(text, spans)      # {"SDN": 7.5, "TCD": 1.0}
    focus_country(text, spans)                # "SDN" (ISO 3166 alpha-3), or None without evidence
    resolve_namesakes(spans, scores)          # each LOC span keyed to the namesake in the focus country

``gazetteer.country_names()[iso3]`` gives the English name used for an incident's country.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import compress

from annotation.nlp.gazetteer import Nationality, actor_index, match_form, namesakes, nationality_index, place_index
from annotation.nlp.normalize import norm
from annotation.nlp.tokenize import readings
from annotation.nlp.types import Span

DATELINE_CHARS = 40  # a dateline place starts within the first characters of the text …
_DATELINE_END = re.compile(r"^\s*(?:\([^)]{0,25}\)\s*)?[-–—:]")  # … and is followed by a dash, maybe "(وكالات) -"
DATELINE_WEIGHT = 4.0
COUNTRY_WEIGHT = 1.0  # a country named in the text
PLACE_WEIGHT = 1.5  # a city, town or governorate inside it says more
ACTOR_WEIGHT = 1.0
# Heads after which a nationality adjective names a state's own forces or authorities ("القوات التشادية").
FORCE_HEADS = frozenset("جيش الجيش قوات القوات الشرطه شرطه الامن السلطات سلطات الحكومه حكومه الحرس الجيشين البحريه الطيران".split())
_ENDINGS = ("يين", "يون", "يات", "يه", "ي")  # after the nisba ي: plural, feminine, or none


@lru_cache(maxsize=65536)
def nationality_of(word: str) -> Nationality | None:
    """The nationality a normalised word names: ``والسودانية``, ``السودانيين``, ``سوداني`` → Sudan."""
    index = nationality_index()
    for _, stem in readings(word):
        bare = stem[2:] if stem.startswith("ال") and len(stem) > 4 else stem
        nat = index.get(bare)
        if nat is not None and bare in nat.group_nouns:
            return nat
        for ending in _ENDINGS:
            if bare.endswith(ending) and len(bare) > len(ending) + 1:
                nat = index.get(bare[: len(bare) - len(ending)] + "ي")
                if nat is not None:
                    return nat
    return None


_LETTER = "\u0621-\u064a"


_WORDS = re.compile(f"[{_LETTER}]+")


def _nationality_mentions(folded: str):
    """(Nationality, after a force head) for each nationality word of a normalised text."""
    words = _WORDS.findall(folded)
    nats = list(map(nationality_of, words))  # a C-level pass; a Nationality is always true, None false
    for k in compress(range(len(words)), nats):
        previous = words[k - 1] if k else ""
        yield nats[k], any(stem in FORCE_HEADS for _, stem in readings(previous))


@lru_cache(maxsize=8192)
def _place_form(text: str) -> str:
    form = match_form(text)
    return "ال" + form[2:] if form.startswith("لل") else form  # "للموصل" was matched as "الموصل"


def _is_namesake(span: Span) -> bool:
    """A place name shared by places in more than one country."""
    keys = namesakes().get(_place_form(span.text), ())
    return len({k.rsplit("|", 1)[-1] for k in keys}) > 1


def _weights() -> dict[str, float]:
    return {n.iso3: n.weight for n in nationality_index().values()}


def country_scores(text: str, spans: Sequence[Span], folded: str | None = None) -> dict[str, float]:
    """Evidence per country (ISO3) that the article is about it; empty when there is none.
    ``folded``: ``norm(text)`` when the caller has it already."""
    places, actors, weight = place_index(), actor_index(), _weights()
    scores: dict[str, float] = {}

    def add(iso3: str, w: float) -> None:
        if iso3:
            scores[iso3] = scores.get(iso3, 0.0) + w * weight.get(iso3, 1.0)

    dateline_seen = False
    for s in sorted(spans, key=lambda x: x.start):
        if s.label == "LOC" and s.entity_key in places and not _is_namesake(s):
            p = places[s.entity_key]
            w = COUNTRY_WEIGHT if p.kind == "country" else PLACE_WEIGHT
            if not dateline_seen and s.start < DATELINE_CHARS and _DATELINE_END.match(text[s.end : s.end + 30]):
                dateline_seen = True
                w += DATELINE_WEIGHT
            add(p.country_iso3, w)
        elif s.label in ("ORG", "NORP") and s.entity_key in actors:
            add(actors[s.entity_key].country_iso3, ACTOR_WEIGHT)
    for nat, force in _nationality_mentions(norm(text) if folded is None else folded):
        if force or not nat.ambiguous:
            add(nat.iso3, 2.0 if force else 1.0)
    return scores


def focus_country(text: str, spans: Sequence[Span]) -> str | None:
    """ISO3 of the country the article is mostly about, or None when nothing points to one."""
    return top_country(country_scores(text, spans))


def top_country(scores: dict[str, float]) -> str | None:
    """The best-scored country (ISO3) of country_scores, or None when there is no evidence."""
    return max(sorted(scores), key=lambda iso3: scores[iso3]) if scores else None


def resolve_namesakes(spans: Sequence[Span], scores: dict[str, float]) -> list[Span]:
    """Re-key each LOC span whose name several places share to the one in the best-scored country
    (the lexicon's first entry when no namesake's country has evidence)."""
    if not scores:
        return list(spans)
    out = []
    for s in spans:
        keys = namesakes().get(_place_form(s.text), ()) if s.label == "LOC" else ()
        if keys:
            best = max(keys, key=lambda k: (scores.get(k.rsplit("|", 1)[-1], 0.0), k == s.entity_key))
            if best != s.entity_key and scores.get(best.rsplit("|", 1)[-1], 0.0) > 0:
                s = dataclasses.replace(s, entity_key=best)
        out.append(s)
    return out
