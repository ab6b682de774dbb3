"""Draft incidents: split an article into sentences, group the sentences of each event, and draft each one
(the fields themselves are picked in event_fields, the place in event_place)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace
from itertools import compress

from annotation.nlp.date_resolution import article_reference
from annotation.nlp.event_fields import ARMED, STATE, classify, dates_in, draft_fields, names_force, summary, taking_told
from annotation.nlp.event_place import NEAR, NOT_THE_PLACE, PLACE_RANK, country_of, is_reference_place, places_by_offsets, placing_detail
from annotation.nlp.gazetteer import actor_index, country_names, place_index
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.patterns import words as W
from annotation.nlp.sentences import Article, Sentence, recalls_earlier_event, split_sentences
from annotation.nlp.tokenize import NORM, Token, readings
from annotation.nlp.types import IncidentDraft, Span

PAST_WORDS = E.words("past_word")
OTHERS = E.words("others")
SIMILAR = E.words("similar")
EVENT_NOUNS = E.words("event_noun")
REPORTING = E.words("reporting_verb")
PARTICIPANTS = E.words("participant")


_MARKERS_BY_FIRST: dict[str, list[list[str]]] = {}
for _m in E.NEW_EVENT_MARKERS:
    _MARKERS_BY_FIRST.setdefault(_m[0], []).append(_m)


def draft_incidents(
    text: str, tokens: list[Token], spans: list[Span], published: dt.date | None, focus: str | None = None
) -> list[IncidentDraft]:
    """Draft incidents, main one first: group the sentences of each event, then draft each group.

    ``focus`` is the ISO3 code of the article's focus country (focus.py), when the caller has it.
    """
    if not tokens:
        return []
    article = Article(
        text=text,
        tokens=tokens,
        sentences=split_sentences(text, tokens, spans, _org_classes(tokens, spans)),
        spans=spans,
        country=country_names().get(focus) if focus else country_of(None, [], spans),
        reference=article_reference((e for x in spans if x.label == "DATE" for e in dates_in(x.text)[:1]), published),
    )
    drafts: list[IncidentDraft] = []
    recalled: list[IncidentDraft] = []  # told as what came before ("بعد أيام من هجوم …")
    told: list[list[Sentence]] = []  # the sentences of each draft
    groups = _event_groups(tokens, article.sentences, text)
    for group in groups:
        first = next(x for x in group if not x.context)
        same_kind = bool(drafts) and _says_similar(tokens, first) and not any(sub not in E.GENERIC for x in group for _, sub in x.triggers)
        kind = (drafts[-1].event_type, drafts[-1].sub_event_type) if same_kind else None  # "بانفجار مماثل"
        d = draft_fields(group, article=article, main=not drafts, kind=kind)
        if d is not None:
            if drafts and recalls_earlier_event(tokens, group[0].first, group[0].last):
                recalled.append(d)
            drafts.append(d)
            told.append(group)
    drafts = [
        x
        for d, group in zip(drafts, told, strict=True)
        for x in [
            d,
            *_bombardment_before_taking(d, group, article),
            *_other_places_struck(d, group, article, drafts),
            *_cue_again_elsewhere(d, group, article, drafts),
            *_other_means(d, group, article),
            *_taking_after_fight(d, group, article),
        ]
    ]
    _fill_missing_places(drafts, spans)
    _merge_placing_details(drafts, spans)
    _mark_background(drafts)
    for d in recalled:
        d.background = True
    return drafts


# Strikes, bombardments and bombs told together ("غارات على بلدات X وY") are one event per place (ACLED codes each
# location); so are protests told in places listed together ("تظاهرات في مدن X وY").
PER_PLACE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"})
PER_LISTED_PLACE = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})


def _other_places_struck(d: IncidentDraft, group: list[Sentence], article: Article, drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """The same strike or bombardment in each other town or village its sentences name (no figures: they are the
    first place's or shared), unless another draft of that type is already there."""
    if d.sub_event_type not in PER_PLACE | PER_LISTED_PLACE:
        return []
    places = place_index()
    same = [x for x in (*drafts, d) if x.sub_event_type == d.sub_event_type]
    seen = {norm(x.location_text or "").removeprefix("ال") for x in same}
    # the town of a draft placed at a site in it ("سوق X" in "مدينة Y") is already struck
    seen |= {norm(article.text[x.place_span[0] : x.place_span[1]]).removeprefix("ال") for x in same if x.place_span}
    out = []
    named = [x for s in group if not s.context for x in s.spans]
    sites = [f for f in named if f.label == "FAC"]
    for x in named:
        p = places.get(x.entity_key or "")
        if x.label != "LOC" or (p is not None and PLACE_RANK.get(p.kind, 0) < 2) or is_reference_place(article.text, x):
            continue
        if any(f.start <= x.start and x.end <= f.end for f in sites):
            continue  # "طريق سراقب": a road's name, not a place struck
        if d.sub_event_type in LISTED_ONLY | PER_LISTED_PLACE and not _listed(article.text, named, x):
            continue
        key = norm(x.text).removeprefix("ال")
        if key not in seen:
            seen.add(key)
            where = (x.start, x.end)
            other = replace(d, location_text=x.text, location_span=where, place_span=where, killed=None, injured=None, casualties=[])
            other.country = p.country_en if p is not None else d.country
            other.summary_en = summary(other, x)
            out.append(other)
    return out


TAKINGS = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# A bomb is in one place: another place is another bomb only when the places are listed together ("في بلدتي X وY").
LISTED_ONLY = frozenset({"Remote explosive/landmine/IED"})


def _listed(text: str, named: list[Span], x: Span) -> bool:
    """Whether the place is joined to another place by "و" or a comma ("X وY", "X، Y")."""
    for y in named:
        if y is x or y.label != "LOC":
            continue
        a, b = (y, x) if y.end <= x.start else (x, y)
        if b.start - a.end <= 4 and text[a.end : b.start].strip() in ("و", "،", ",", "، و", ", و", ""):
            return True
    return False


# Remote means ACLED codes apart from the fight they are told with.
_REMOTE_MEANS = frozenset({"Air/drone strike", "Remote explosive/landmine/IED"})


def _other_means(d: IncidentDraft, group: list[Sentence], article: Article) -> list[IncidentDraft]:
    """A fight told with an air or drone strike or a bomb ("اشتبك الجيش مع مسلحين … وقصفت مسيرة مواقعهم"): the
    strike or the bomb is an incident of its own when its sentence gives its own place, date or figures (the first
    one told)."""
    if d.sub_event_type not in ("Armed clash", "Attack"):
        return []
    for s in group:
        if s.context:
            continue
        for sub in sorted({sub for _, sub in s.triggers} & _REMOTE_MEANS):
            other = draft_fields([s], article=article, main=False)
            if other is None:
                continue  # no place, date or figure of its own: too little to tell it apart
            other = replace(other, event_type=E.EVENT_OF[sub], sub_event_type=sub)
            place = next((x for x in article.spans if (x.start, x.end) == other.location_span), None)
            other.summary_en = summary(other, place)
            return [other]
    return []


_CUE_REACH = 15  # tokens from a cue to the place it happened


def _cue_again_elsewhere(d: IncidentDraft, group: list[Sentence], article: Article, drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """The draft's cue told again with a place of its own ("أوقفت الوحدة إرهابيا في X، … عن اعتقال عنصرين في Y"):
    an incident of the same type at each cue's place (_cue_place) that neither the draft nor an earlier draft of its
    type has, when its cues name two places or more."""
    if d.sub_event_type in PER_PLACE:
        return []  # _other_places_struck
    text = article.text
    cues = sorted(
        i
        for s in group
        if not s.context
        for i, sub in s.triggers
        if sub == d.sub_event_type and article.tokens[i].norm.removeprefix("و") not in PARTICIPANTS
    )
    if len(cues) < 2:
        return []
    taken = [
        _Area(frozenset({norm(x.location_text or "").removeprefix("ال")}), "", True)
        for x in (*drafts, d)
        if x.sub_event_type == d.sub_event_type and x.location_text
    ]
    found: list[tuple[Span, _Area]] = []
    for n, i in enumerate(cues):
        s = next(s for s in group if s.first <= i <= s.last)
        place = _cue_place(article, s, i, cues[n + 1] if n + 1 < len(cues) else None)
        if place is not None:
            area = next(iter(_areas(text, [place]).values()))
            if not any(_same_area(area, a) for _, a in found):
                found.append((place, area))
    if len(found) < 2:
        return []  # one place told with its cues: the draft's
    out = []
    for place, area in found:
        if any(_same_area(area, a) for a in taken):
            continue
        taken.append(area)
        where = (place.start, place.end)
        other = replace(d, location_text=place.text, location_span=where, place_span=where, killed=None, injured=None, casualties=[])
        known = place_index().get(place.entity_key or "")
        other.country = known.country_en if known is not None else d.country
        other.summary_en = summary(other, place)
        out.append(other)
    return out


def _taking_after_fight(d: IncidentDraft, group: list[Sentence], article: Article) -> list[IncidentDraft]:
    """A fight told with the place it ends in the hands of one side ("انتهت بسيطرة الحركة على البلدة"): the change
    of territory is an incident of its own at the fight's place and date (its figures are the fight's)."""
    if d.sub_event_type != "Armed clash":
        return []
    state = taking_told(group, article.tokens)
    sub = _taking_cued(group, article) if state is None else None
    if state is None and sub is None:
        return []
    sub = sub or ("Government regains territory" if state else "Non-state actor overtakes territory")
    other = replace(d, event_type=E.EVENT_OF[sub], sub_event_type=sub, killed=None, injured=None, casualties=[])
    place = next((x for x in article.spans if (x.start, x.end) == other.place_span), None)
    other.summary_en = summary(other, place)
    return [other]


_TAKING_CUES = TAKINGS | {E.GENERIC_TERRITORY}


def _taking_cued(group: list[Sentence], article: Article) -> str | None:
    """The change of territory a later sentence of a fight cues with a verb of its own ("واستعاد الجيش البلدة"),
    typed as that sentence alone would be."""
    for s in group:
        if s.context or not any(sub in _TAKING_CUES for _, sub in s.triggers):
            continue
        sub = classify([s], article.text, article.tokens)
        if sub in TAKINGS:
            return sub
    return None


def _cue_place(article: Article, s: Sentence, i: int, next_cue: int | None) -> Span | None:
    """The first place named after the cue at token i, before the next cue and within a few words, unless it
    names a road or a site ("طريق X") or where people came from or went."""
    tokens, text = article.tokens, article.text
    end = min(s.last, i + _CUE_REACH, next_cue if next_cue is not None else s.last)
    sites = [x for x in s.spans if x.label == "FAC"]
    for x in s.spans:
        if not (tokens[i].start < x.start and x.end <= tokens[end].end):
            continue
        if any(f.start <= x.start and x.end <= f.end for f in sites) or _names_road(text, x) or _origin(text, x):
            continue
        if _areas(text, [x]):
            return x
    return None


_HEADS = W.LOC_HEADS_DROP | W.LOC_DUAL_HEADS


def _origin(text: str, x: Span) -> bool:
    """Whether the place is where people came from or went ("ملاحقتهم من بلدة X", "في طريقهم إلى مدينة Y"), the
    place-type word between the preposition and the name skipped; "بالقرب من X" is where it happened."""
    before = norm(text[max(0, x.start - 30) : x.start]).split()
    while before and before[-1] in _HEADS:
        before.pop()
    if not before or before[-1] not in NOT_THE_PLACE:
        return False
    return not (len(before) > 1 and (before[-2] in NEAR or before[-2].removeprefix("ب") in NEAR | {"كل"}))  # "بكل من X وY": both


# "طريق X" or "طريق X - Y" (normalised text before the place): a road's name
_ROAD = re.compile(r"(?:^|\s)[وب]?(?:ال)?طريقي?\s*[\"”“«]?\s*(?:[^\s\-–]+\s*[\-–]\s*)?$")


def _names_road(text: str, x: Span) -> bool:
    """Whether the place names a road ("طريق X" or "طريق X - Y"), not where something happened."""
    return bool(_ROAD.search(norm(text[max(0, x.start - 40) : x.start])))


def _bombardment_before_taking(d: IncidentDraft, group: list[Sentence], article: Article) -> list[IncidentDraft]:
    """A strike or bombardment of another place told with the taking of a town is an incident of its own."""
    if d.sub_event_type not in TAKINGS:
        return []
    tokens = article.tokens
    for s in group:
        for i, sub in s.triggers:
            if sub not in PER_PLACE:
                continue
            after = [x for x in s.spans if x.label == "LOC" and x.start > tokens[i].start and not is_reference_place(article.text, x)]
            place = next((x for x in after if norm(x.text) != norm(d.location_text or "")), None)
            if place is None:
                continue
            where = (place.start, place.end)
            other = replace(
                d,
                event_type="Explosions/Remote violence",
                sub_event_type=sub,
                location_text=place.text,
                location_span=where,
                place_span=where,
                killed=None,
                injured=None,
                casualties=[],
            )
            other.summary_en = summary(other, place)
            return [other]
    return []


def _event_groups(tokens: list[Token], sents: list[Sentence], text: str) -> list[list[Sentence]]:
    """Sentences grouped by the event they tell of; context sentences join the event they frame."""
    groups: list[list[Sentence]] = []
    local: dict[int, set[str]] = {}  # id of a sentence -> its local places, read once

    def places(x: Sentence) -> set[str]:
        found = local.get(id(x))
        if found is None:
            found = local[id(x)] = _local_places(text, x.spans)
        return found

    wide: dict[int, dict[str, _Area]] = {}

    def areas(x: Sentence) -> dict[str, _Area]:
        found = wide.get(id(x))
        if found is None:
            found = wide[id(x)] = _areas(text, x.spans)
        return found

    for s in sents:
        opens = _opens_new_frame(tokens, s)
        if s.context:
            # context of an event (places, dates, actors); one opening another time or story waits for its event
            # the lead's own context (a sentence naming the place before the event is told) frames the first event
            if opens or not groups:
                groups.append([s])
            else:
                groups[-1].append(s)
            continue
        current = groups[-1] if groups else None
        earlier = _told_before(s, groups[:-1], current) if current is not None and not opens else None
        if earlier is not None:
            earlier.append(s)  # details of an event the lead already counted ("إصابة اثنين" again)
        elif current is not None and not any(not x.context for x in current) and (current[0].context and not opens):
            current.append(s)  # the event a date-opening sentence announced
        elif current is None or opens or _starts_new_event(tokens, s, current, places, areas):
            groups.append([s])
        else:
            current.append(s)
    return [g for g in groups if any(not s.context for s in g)]


def _fill_missing_places(drafts: list[IncidentDraft], spans: list[Span]) -> None:
    """An event without a place of its own: the main event's place ("سيطرت على المدينة"), else its country."""
    places = place_index()
    for n, d in enumerate(drafts):
        if d.location_text:
            continue
        main = drafts[0]
        if n and main.location_text and d.country in (None, main.country):
            d.location_text, d.location_span, d.country = main.location_text, main.location_span, main.country
            d.place_span = main.place_span
            continue
        country = next(
            (
                x
                for x in spans
                if x.label == "LOC"
                and x.entity_key in places
                and places[x.entity_key].kind == "country"
                and places[x.entity_key].country_en == d.country
            ),
            None,
        )
        if country is not None:
            d.location_text, d.location_span = country.text, (country.start, country.end)
            d.place_span = d.location_span


def _merge_placing_details(drafts: list[IncidentDraft], spans: list[Span]) -> None:
    """An event told first in a country or province and placed in a town by a later sentence
    (event_place.placing_detail): one event, at that town."""
    n = 0
    by_offsets = places_by_offsets(spans)  # read once for every draft
    while n < len(drafts):
        k = placing_detail(drafts, n, spans, by_offsets)
        if k is None:
            n += 1
            continue
        d, detail = drafts[n], drafts.pop(k)
        d.location_text, d.location_span, d.place_span = detail.location_text, detail.location_span, detail.place_span
        d.country = d.country or detail.country
        d.killed = d.killed if d.killed is not None else detail.killed
        d.injured = d.injured if d.injured is not None else detail.injured
        d.evidence = d.evidence + detail.evidence
        d.summary_en = summary(d, next((x for x in spans if (x.start, x.end) == d.place_span), None))
        n += 1


def _told_before(s: Sentence, earlier: list[list[Sentence]], current: list[Sentence]) -> list[Sentence] | None:
    """The earlier event whose figures this sentence repeats exactly (and the current one does not)."""
    mine = {(c.category, c.min) for c in s.casualties}
    if not mine:
        return None
    if mine & {(c.category, c.min) for x in current for c in x.casualties}:
        return None
    for group in reversed(earlier):
        if mine <= {(c.category, c.min) for x in group for c in x.casualties}:
            return group
    return None


def _opens_new_frame(tokens: list[Token], s: Sentence) -> bool:
    """A sentence opening on a marker of another story or on a date of its own ("وقبل أيام، …")."""
    markers = _MARKERS_BY_FIRST.get(tokens[s.first].norm)
    if markers:
        words = [tokens[i].norm for i in range(s.first, min(s.last + 1, s.first + 4))]
        if any(words[: len(m)] == m for m in markers):
            return True
    if recalls_earlier_event(tokens, s.first, s.last):
        return True
    dates = [x for x in s.spans if x.label == "DATE"]
    return bool(dates) and dates[0].start <= tokens[min(s.first + 1, s.last)].end


def _starts_new_event(tokens: list[Token], s: Sentence, current: list[Sentence], places, areas) -> bool:
    """Whether an event sentence that opens no new frame (the caller tested it) tells of another event than the
    current group's; ``places(sentence)`` gives a sentence's local places (_local_places), ``areas(sentence)``
    every place it names where something may happen (_areas)."""
    words = [tokens[i].norm for i in range(s.first, min(s.last + 1, s.first + 4))]
    if _other_past_date(s, current):
        return True
    if _says_similar(tokens, s) and not _says_similar(tokens, next(x for x in current if not x.context)):
        return True  # "كما أصيب خبير بانفجار مماثل": another event of the same kind
    families = {_family(sub) for x in current for _, sub in x.triggers if sub not in E.GENERIC}
    if any(c.category in ("killed", "injured") for x in current for c in x.casualties):
        families.add("violence")
    mine = {_family(sub) for _, sub in s.triggers if sub not in E.GENERIC}
    here, before = places(s), set().union(*map(places, current))
    elsewhere = bool(here and before and not here & before)
    arrests_at_protest = families == {"protest"} and mine == {"arrest"} and not elsewhere  # its intervention
    if families and mine and not families & mine and (s.casualties or "arrest" in mine or elsewhere) and not arrests_at_protest:
        return True  # arrests after a strike, a strike after a protest, a protest in another town …
    had = {c.category: c.victim_class for x in current for c in x.casualties if c.victim_class != "unknown"}
    other_victims = any(c.category in had and c.victim_class not in ("unknown", had[c.category]) for c in s.casualties)
    for marker in E.WEAK_EVENT_MARKERS:
        if words[: len(marker)] == marker and (elsewhere or other_victims or (s.casualties and _other_area(s, current, areas))):
            return True  # "…، بينما أصيب مدني في مدينة Y": a town in another province than the event's
    if words[0] == "وفي" and (s.casualties or mine) and _opens_on_other_area(tokens, s, current, areas):
        return True  # "وفي محافظة Y، قتل ثلاثة …": the sentence is set in a province or town the event so far did not name
    if elsewhere and any(tokens[i].norm in OTHERS for i in range(s.first, s.last + 1)):
        return True  # "وهاجم مستوطنون آخرون بلدة زعترة"
    specific = {sub for x in current for _, sub in x.triggers} - E.GENERIC
    own = {sub for _, sub in s.triggers} - E.GENERIC
    if elsewhere and own and specific and not own & specific:
        return True  # another means in another place: a drone strike on X after a clash in Y
    if own and words[0].removeprefix("و") not in REPORTING and _elsewhere_wide(s, current, areas):
        # "وفي بلدة Y قتل …": a cue of its own in a town the event so far did not name is another incident;
        # reported speech ("وأشار المصدر أن …") tells more of the same one
        return True
    have = {(c.category, c.victim_class) for x in current for c in x.casualties}
    if s.casualties and any((c.category, c.victim_class) in have for c in s.casualties):
        return elsewhere
    return False


def _other_area(s: Sentence, current: list[Sentence], areas) -> bool:
    """The sentence names places (provinces too) and the event so far names places, none of them the same place
    or the province of another."""
    here = list(areas(s).values())
    before = [a for x in current for a in areas(x).values()]
    return bool(here and before) and not any(_same_area(a, b) for a in here for b in before)


def _opens_on_other_area(tokens: list[Token], s: Sentence, current: list[Sentence], areas) -> bool:
    """Whether the sentence opens on a place ("وفي محافظة Y،", "وفي Y") that is neither a place the event so far
    named nor the province of one (a province counts here: the opening sets the scene of what follows)."""
    opening = tokens[min(s.first + 2, s.last)].end
    here = areas(s)
    first = next((x for x in s.spans if x.label == "LOC" and x.start <= opening), None)
    area = here.get(norm(first.text).removeprefix("ال")) if first is not None else None
    before = [a for x in current for a in areas(x).values()]
    return area is not None and bool(before) and not any(_same_area(area, b) for b in before)


def _other_past_date(s: Sentence, current: list[Sentence]) -> bool:
    """The sentence dates its event to another, earlier day ("السبت 20 حزيران الفائت") than the current event's."""
    mine = [x for x in s.spans if x.label == "DATE"]
    theirs = [x for c in current if not c.context for x in c.spans if x.label == "DATE"]
    if not mine or not theirs:
        return False
    e = (dates_in(mine[0].text) or [None])[0]
    if e is None or not ((e.day and e.month) or e.anchor == -1):
        return False
    a, b = norm(mine[0].text), norm(theirs[0].text)
    return a not in b and b not in a


def _says_similar(tokens: list[Token], s: Sentence) -> bool:
    """ "بانفجار مماثل", "في هجوم آخر", "حادث منفصل"."""
    # the words that "مماثل", "آخر" … follow, found by a C-level map
    for i in compress(range(s.first, s.last), map(SIMILAR.__contains__, map(NORM, tokens[s.first + 1 : s.last + 1]))):
        if any(stem in EVENT_NOUNS for c, stem in readings(tokens[i].norm) if c <= 2):
            return True
    return False


_FAMILIES = {
    "Arrests": "arrest",
    "Abduction/forced disappearance": "abduction",
    "Agreement": "agreement",
    "Peaceful protest": "protest",
    "Violent demonstration": "protest",
    "Looting/property destruction": "looting",
    "Non-violent transfer of territory": "territory",
    "Change to group/activity": "group",
    "Headquarters or base established": "group",
}


def _family(sub: str) -> str:
    return _FAMILIES.get(sub, "violence")


def _local_places(text: str, spans: list[Span]) -> set[str]:
    """Normalised names of the towns, villages and cities among spans (countries, provinces and reference
    points such as "شمال شرق بغداد" say little about where the event was)."""
    places = place_index()
    out = set()
    for x in spans:
        if x.label == "LOC" and not is_reference_place(text, x):
            p = places.get(x.entity_key or "")
            if p is None or PLACE_RANK.get(p.kind, 0) >= 2:
                out.add(norm(x.text).removeprefix("ال"))
    return out


def _areas(text: str, spans) -> dict[str, _Area]:
    """The places a sentence names where something may happen (not countries, not reference points such as
    "شمال بغداد"), by normalised name."""
    places = place_index()
    out: dict[str, _Area] = {}
    for x in spans:
        if x.label != "LOC" or is_reference_place(text, x):
            continue
        p = places.get(x.entity_key or "")
        if p is not None and p.kind == "country":
            continue
        key = norm(x.text).removeprefix("ال")
        if p is None:
            out[key] = _Area(frozenset({key}), "", True)
        else:
            out[key] = _Area(frozenset({key, p.name_en.lower()}), p.admin1_en.lower(), PLACE_RANK.get(p.kind, 0) >= 2)
    return out


@dataclass(frozen=True)
class _Area:
    names: frozenset[str]  # its name, and a gazetteer place's English name
    province: str  # a gazetteer place's province (English, lower case), else ""
    local: bool  # a town, a city or a place the gazetteer does not know (a village, a district)


def _elsewhere_wide(s: Sentence, current: list[Sentence], areas) -> bool:
    """The sentence names a town or village and the event so far names places, none of them the same place or
    the province of another (the gazetteer's provinces; a village it does not know is compared by name)."""
    here = areas(s)
    before = [a for x in current for a in areas(x).values()]
    if not any(a.local for a in here.values()) or not before:
        return False
    return not any(_same_area(a, b) for a in here.values() for b in before)


def _same_area(a: _Area, b: _Area) -> bool:
    """One place, or a place and its province."""
    return bool(a.names & b.names) or a.province in b.names or b.province in a.names


def _org_classes(tokens: list[Token], spans: list[Span]) -> dict[int, str]:
    """Token index → victim class of the armed group or force named there."""
    actors = actor_index()
    out = {}
    ti = 0
    ends = None
    for s in spans:
        if s.label != "ORG":
            continue
        a = actors.get(s.entity_key or "")
        cls = (
            "militants"
            if a and a.actor_type in ARMED
            else "security_forces"
            if (a and a.actor_type in STATE) or (not a and names_force(s.text))
            else None
        )
        if cls is None:
            continue
        if ends is None:
            ends = [t.end for t in tokens]
        ti = max(ti, bisect.bisect_right(ends, s.start))  # the first token, from ti on, that ends after s starts
        if ti < len(tokens):
            out[ti] = cls
    return out


def _mark_background(drafts: list[IncidentDraft]) -> None:
    if not drafts:
        return
    main = drafts[0]
    for d in drafts[1:]:
        past = bool(set(norm(d.date_text or "").split()) & PAST_WORDS)
        earlier = main.date and d.date and (main.date - d.date).days > 7
        d.background = bool(past or earlier or d.date_precision in ("month", "year"))
