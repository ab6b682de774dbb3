"""Draft incidents: group event sentences, classify (ACLED), and pick date, place, actors and figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from annotation.nlp.casualties import PhraseIndex, find_casualties, may_open_phrase
from annotation.nlp.dates import find_dates, resolve
from annotation.nlp.gazetteer import actor_index, country_names, place_index
from annotation.nlp.normalize import norm
from annotation.nlp.patterns import events as E
from annotation.nlp.tokenize import WORD, Token, readings, tokenize
from annotation.nlp.types import IncidentDraft, Span

PLACE_RANK = {"country": 0, "governorate": 1, "region": 1.5, "city": 2, "town": 3}
UNKNOWN_PLACE_RANK = 3.1  # a village or district found by a rule ("قرية X"): smaller than the gazetteer's towns
DIRECTIONS = {"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"}
PRIORITY = [t[0] for t in E.EVENT_TRIGGERS]
TRIGGER_INDEX = PhraseIndex({sub: phrases for sub, _ev, phrases in E.TRIGGERS})
STATE = {"State forces", "External/Other forces"}
ARMED = {"Rebel group", "Political militia", "Identity militia"}


@dataclass
class Sentence:
    first: int  # token indexes
    last: int
    start: int  # offsets
    end: int
    triggers: list[tuple[int, str]] = field(default_factory=list)  # (token, sub_event_type)
    casualties: list = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    context: bool = False  # attached to an event for its places and dates, without triggers of its own

    @property
    def is_event(self) -> bool:
        return bool(self.triggers or self.casualties)


_ENDS = frozenset((".", "!", "؟", "?", "؛"))


def sentences(text: str, tokens: list[Token]) -> list[Sentence]:
    out, first = [], 0
    last = len(tokens) - 1
    for i, tok in enumerate(tokens):
        if i < last:
            nxt = tokens[i + 1]
            cut = tok.norm in _ENDS or text.find("\n", tok.end, nxt.start) >= 0 or (nxt.norm == "كما" and i + 1 > first)
        else:
            cut = True
        if cut:
            out.append(Sentence(first, i, tokens[first].start, tok.end))
            first = i + 1
    return out


def _cumulative(text: str, s: Sentence, c) -> bool:
    """A toll counted "since" a date ("ومنذ بداية الشهر الجاري … القضاء على 10") sums many events."""
    for x in s.spans:
        if x.label == "DATE" and x.start < c.start and norm(text[max(s.start, x.start - 6):x.start]).split()[-1:] in (["منذ"], ["ومنذ"]):
            return True
    return False


def _event_of(sub: str) -> str:
    return next(ev for s, ev, _ in E.EVENT_TRIGGERS if s == sub)


def draft_incidents(text: str, tokens: list[Token], spans: list[Span], published: dt.date | None) -> list[IncidentDraft]:
    if not tokens:
        return []
    sents = sentences(text, tokens)
    org_class = _org_classes(tokens, spans)
    si = 0
    for s in spans:  # spans are sorted: hand each to its sentence
        while si < len(sents) - 1 and s.start >= sents[si].end:
            si += 1
        sents[si].spans.append(s)
    for s in sents:
        for i in range(s.first, s.last + 1):
            if not may_open_phrase(tokens[i].norm):
                continue
            s.triggers.extend((i, sub) for sub, _n in TRIGGER_INDEX.matches(tokens, i))
        s.casualties = [c for c in find_casualties(text, tokens, s.first, s.last, org_class) if not _cumulative(text, s, c)]
    groups: list[list[Sentence]] = []
    for s in sents:
        opens = _opens_new_frame(tokens, s)
        if not s.is_event:
            # context of an event (places, dates, actors); one opening another time or story waits for its event
            s.context = True
            if opens:
                groups.append([s])
            elif groups:
                groups[-1].append(s)
            continue
        current = groups[-1] if groups else None
        if current is not None and not any(not x.context for x in current) and (current[0].context and not opens):
            current.append(s)  # the event a date-opening sentence announced
        elif current is None or opens or _starts_new_event(text, tokens, s, current):
            groups.append([s])
        else:
            current.append(s)
    groups = [g for g in groups if any(not s.context for s in g)]
    drafts = []
    anchor = published
    article_country = _country(None, [], spans)
    for group in groups:
        d = _draft(text, tokens, group, sents, published, anchor, not drafts, spans, article_country)
        if d is None:
            continue
        first = next(x for x in group if not x.context)
        if drafts and _says_similar(tokens, first) and not any(sub not in E.GENERIC for x in group for _, sub in x.triggers):
            d.summary_en = d.summary_en.replace(d.sub_event_type, drafts[-1].sub_event_type, 1)
            d.event_type, d.sub_event_type = drafts[-1].event_type, drafts[-1].sub_event_type  # "بانفجار مماثل"
        if not drafts and d.date and not published:
            anchor = d.date  # later relative/month dates are read against the main event's date
        drafts.append(d)
    _fill_missing_places(drafts, spans)
    _mark_background(drafts, groups)
    return drafts


def _fill_missing_places(drafts: list[IncidentDraft], spans: list[Span]) -> None:
    """An event without a place of its own: the main event's place ("سيطرت على المدينة"), else its country."""
    places = place_index()
    for n, d in enumerate(drafts):
        if d.location_text:
            continue
        main = drafts[0]
        if n and main.location_text and d.country in (None, main.country):
            d.location_text, d.location_span, d.country = main.location_text, main.location_span, main.country
            continue
        country = next((x for x in spans if x.label == "LOC" and x.entity_key in places
                        and places[x.entity_key].kind == "country" and places[x.entity_key].country_en == d.country), None)
        if country is not None:
            d.location_text, d.location_span = country.text, (country.start, country.end)


def _opens_new_frame(tokens: list[Token], s: Sentence) -> bool:
    """A sentence opening on a marker of another story or on a date of its own ("وقبل أيام، …")."""
    words = [tokens[i].norm for i in range(s.first, min(s.last + 1, s.first + 4))]
    if any(words[: len(m)] == m for m in E.NEW_EVENT_MARKERS):
        return True
    dates = [x for x in s.spans if x.label == "DATE"]
    return bool(dates) and dates[0].start <= tokens[min(s.first + 1, s.last)].end


def _starts_new_event(text: str, tokens: list[Token], s: Sentence, current: list[Sentence]) -> bool:
    if _opens_new_frame(tokens, s):
        return True
    words = [tokens[i].norm for i in range(s.first, min(s.last + 1, s.first + 4))]
    if _other_past_date(s, current):
        return True
    if _says_similar(tokens, s) and not _says_similar(tokens, next(x for x in current if not x.context)):
        return True  # "كما أصيب خبير بانفجار مماثل": another event of the same kind
    families = {_family(sub) for x in current for _, sub in x.triggers if sub not in E.GENERIC}
    if any(c.category in ("killed", "injured") for x in current for c in x.casualties):
        families.add("violence")
    mine = {_family(sub) for _, sub in s.triggers if sub not in E.GENERIC}
    if families and mine and not families & mine and (s.casualties or "arrest" in mine):
        return True  # arrests after a strike, a strike after a protest …
    here, before = _local_places(text, s.spans), _local_places(text, [x for c in current for x in c.spans])
    elsewhere = bool(here and before and not here & before)
    had = {c.category: c.victim_class for x in current for c in x.casualties if c.victim_class != "unknown"}
    other_victims = any(c.category in had and c.victim_class not in ("unknown", had[c.category]) for c in s.casualties)
    for marker in E.WEAK_EVENT_MARKERS:
        if words[: len(marker)] == marker and (elsewhere or other_victims):
            return True
    if elsewhere and any(tokens[i].norm in OTHERS for i in range(s.first, s.last + 1)):
        return True  # "وهاجم مستوطنون آخرون بلدة زعترة"
    have = {(c.category, c.victim_class) for x in current for c in x.casualties}
    if s.casualties and any((c.category, c.victim_class) in have for c in s.casualties):
        return elsewhere
    return False


OTHERS = {"الاخرين", "الاخرون", "اخرون", "اخرين", "اخري", "الاخري"}
SIMILAR = {"مماثل", "مماثله", "منفصل", "منفصله", "اخر", "اخري", "ثان", "ثاني", "ثانيه"}
EVENT_NOUNS = {"انفجار", "هجوم", "حادث", "حادثه", "اعتداء", "قصف", "غاره", "تفجير", "كمين", "اشتباك"}


def _other_past_date(s: Sentence, current: list[Sentence]) -> bool:
    """The sentence dates its event to another, earlier day ("السبت 20 حزيران الفائت") than the current event's."""
    mine = [x for x in s.spans if x.label == "DATE"]
    theirs = [x for c in current if not c.context for x in c.spans if x.label == "DATE"]
    if not mine or not theirs:
        return False
    e = (_dates_in(mine[0].text) or [None])[0]
    if e is None or not ((e.day and e.month) or e.anchor == -1):
        return False
    a, b = norm(mine[0].text), norm(theirs[0].text)
    return a not in b and b not in a


def _says_similar(tokens: list[Token], s: Sentence) -> bool:
    """"بانفجار مماثل", "في هجوم آخر", "حادث منفصل"."""
    for i in range(s.first, s.last):
        if tokens[i + 1].norm in SIMILAR and any(stem in EVENT_NOUNS for c, stem in readings(tokens[i].norm) if c <= 2):
            return True
    return False


def _state_actor_first(s: Sentence) -> bool:
    actors = actor_index()
    for x in s.spans:
        if x.label == "ORG":
            a = actors.get(x.entity_key or "")
            if a is not None and a.actor_type:
                return a.actor_type in STATE
            if a is None and any(w in x.text for w in ("جيش", "قوات", "شرطة", "الأمن")):
                return True
    return False


def _family(sub: str) -> str:
    return {"Arrests": "arrest", "Abduction/forced disappearance": "abduction", "Agreement": "agreement",
            "Peaceful protest": "protest"}.get(sub, "violence")


def _local_places(text: str, spans: list[Span]) -> set[str]:
    """Normalised names of the towns, villages and cities among spans (countries, provinces and reference
    points such as "شمال شرق بغداد" say little about where the event was)."""
    places = place_index()
    out = set()
    for x in spans:
        if x.label == "LOC" and not _after_direction(text, x):
            p = places.get(x.entity_key or "")
            if p is None or PLACE_RANK.get(p.kind, 0) >= 2:
                out.add(norm(x.text).removeprefix("ال"))
    return out


def _org_classes(tokens: list[Token], spans: list[Span]) -> dict[int, str]:
    """Token index → victim class of the armed group or force named there."""
    actors = actor_index()
    out = {}
    ti = 0
    for s in spans:
        if s.label != "ORG":
            continue
        a = actors.get(s.entity_key or "")
        cls = "militants" if a and a.actor_type in ARMED else "security_forces" if (a and a.actor_type in STATE) or (
            not a and any(w in s.text for w in ("جيش", "قوات", "شرطة", "الأمن", "حرس"))) else None
        if cls is None:
            continue
        while ti < len(tokens) and tokens[ti].end <= s.start:
            ti += 1
        if ti < len(tokens):
            out[ti] = cls
    return out


def _classify(group: list[Sentence], text: str) -> str | None:
    first_with = next((s for s in group if any(sub not in E.GENERIC for _, sub in s.triggers)), None)
    subs = {sub for _, sub in first_with.triggers} - E.GENERIC if first_with else set()
    territory = next((s for s in group if any(sub == E.GENERIC_TERRITORY for _, sub in s.triggers)), None)
    if territory is not None and (not subs or territory is first_with) and not subs & {"Government regains territory"}:
        # "سيطرت حركة الشباب على …" / "سيطر الجيش على …": who took it decides the type
        return "Government regains territory" if _state_actor_first(territory) else "Non-state actor overtakes territory"
    generic = any(sub == E.GENERIC_ATTACK for s in group for _, sub in s.triggers)
    if not subs and generic:
        # "هجوم" alone: on civilians it is an attack on them, otherwise a fight
        stems = {w for s in group for w in _stems(text[s.start:s.end])}
        killed = {c.victim_class for s in group for c in s.casualties if c.category in ("killed", "injured")}
        if killed <= {"civilians", "unknown"} and any(stem in _CIVILIAN for stem in stems):
            return "Attack"
        return "Armed clash"
    if not subs:
        classes = {c.victim_class for s in group for c in s.casualties}
        cats = {c.category for s in group for c in s.casualties}
        if cats <= {"arrested"}:
            return "Arrests"
        if cats <= {"abducted"}:
            return "Abduction/forced disappearance"
        return "Attack" if classes == {"civilians"} else "Armed clash"
    if "Arrests" in subs and len(subs - {"Arrests", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"}) == 0 \
            and not any(c.category == "killed" for s in group for c in s.casualties):
        return "Arrests"
    sub = min(subs, key=PRIORITY.index)
    if sub == "Peaceful protest":
        stems = {w for s in group if not s.context for w in _stems(text[s.start:s.end])}
        if any(stem.startswith(r) or stem[2:].startswith(r) for stem in stems for r in E.RIOT):
            return "Violent demonstration"
        if any(c.category in ("killed", "injured") for s in group for c in s.casualties):
            return "Excessive force against protesters"
        if stems & E.INTERVENTION:
            return "Protest with intervention"
    if sub in ("Armed clash",):
        classes = {c.victim_class for s in group for c in s.casualties if c.category == "killed"}
        if classes == {"civilians"}:
            return "Attack"
    return sub


_CIVILIAN = {p[0] for p in E.VICTIM_WORDS["civilians"]}


def _stems(text: str) -> set[str]:
    return {stem for m in WORD.finditer(norm(text)) for c, stem in readings(m.group()) if c <= 2}


EVENT_OF_SUB = {"Violent demonstration": "Riots", "Excessive force against protesters": "Protests",
                "Protest with intervention": "Protests", "Attack": "Violence against civilians"}


def _rank(span: Span) -> float:
    p = place_index().get(span.entity_key or "")
    return PLACE_RANK.get(p.kind, 1) if p else UNKNOWN_PLACE_RANK


def _best_place(spans: list[Span], tokens: list[Token]) -> Span | None:
    places = place_index()
    best, best_rank = None, -1
    for s in spans:
        if s.label != "LOC":
            continue
        p = places.get(s.entity_key or "")
        rank = PLACE_RANK.get(p.kind, 1) if p else UNKNOWN_PLACE_RANK
        if rank > best_rank:
            best, best_rank = s, rank
    return best


NOT_THE_PLACE = {"الي", "نحو", "باتجاه", "صوب", "من", "عن"}  # destinations and origins ("عودتهم إلى القاهرة")
OFFICE_OF = {"حاكم", "محافظ", "والي", "بلديه", "مجلس"}  # "حاكم منطقة X": whose office, not where it happened


def _after_direction(text: str, span: Span) -> bool:
    """Whether the place is a reference point ("شمال بغداد"), a destination or origin ("إلى القاهرة") or an
    office holder's area ("حاكم منطقة X")."""
    return _not_event_place(text[max(0, span.start - 24):span.start])


@lru_cache(maxsize=16384)
def _not_event_place(preceding: str) -> bool:
    before = norm(preceding).split()
    if not before:
        return False
    word = before[-1].removeprefix("و")
    if word.replace("ال", "", 1) in DIRECTIONS or word in NOT_THE_PLACE or word in OFFICE_OF:
        return True
    return len(before) > 1 and before[-2] in OFFICE_OF


def _draft(text, tokens, group, sents, published, anchor, main, all_spans, article_country) -> IncidentDraft | None:
    sub = _classify(group, text)
    if sub is None:
        return None
    ev = EVENT_OF_SUB.get(sub) or _event_of(sub)
    d = IncidentDraft(event_type=ev, sub_event_type=sub)
    d.evidence = [(s.start, s.end) for s in group if not s.context]
    spans = [x for s in group for x in s.spans]
    # figures: within one sentence different victim groups add up; across sentences keep the largest
    for cat in ("killed", "injured"):
        by_class: dict[str, int] = {}
        for s in group:
            for c in s.casualties:
                if c.category == cat:
                    by_class[c.victim_class] = max(by_class.get(c.victim_class, 0), c.min)
        if by_class:
            unknown = by_class.pop("unknown", 0)
            setattr(d, cat, max(sum(by_class.values()), unknown))
    d.casualties = [c for s in group for c in s.casualties]
    # date: the most specific expression of the first event sentence that has one
    best = None
    dated = next((s for s in sorted(group, key=lambda s: s.context) if any(x.label == "DATE" for x in s.spans)), None)
    for x in dated.spans if dated else []:
        if x.label != "DATE":
            continue
        exprs = _dates_in(x.text)
        if not exprs:
            continue
        e = exprs[0]
        if best is None or e.specificity > best[1].specificity:
            best = (x, e)
    if best is None and main:
        first_dates = [x for s in sents[:2] for x in s.spans if x.label == "DATE"]
        if first_dates:
            exprs = _dates_in(first_dates[0].text)
            if exprs:
                best = (first_dates[0], exprs[0])
    if best:
        span, e = best
        r = resolve(e, published or anchor, today=anchor)
        d.date, d.date_end, d.date_precision = r.date, r.date_end, r.precision
        d.date_text, d.date_span = span.text, (span.start, span.end)
    elif main and published:
        d.date, d.date_end, d.date_precision = published, published, "day"
    # place
    # place: the first town or village named (outside "شمال X" references), else the most precise place
    ordered = [x for s in group for x in s.spans]
    candidates = [x for x in ordered if x.label == "LOC" and not _after_direction(text, x)]
    event_spans = {id(x) for s in group if not s.context for x in s.spans}
    candidates = [x for x in candidates if id(x) in event_spans or _country(x, [], []) in (None, article_country)]
    # a place inside a facility's name ("طريق الدانا") only when nothing else is named
    facilities = [x for x in spans if x.label == "FAC"]
    outside = [x for x in candidates if not any(f.start <= x.start and x.end <= f.end for f in facilities)]
    candidates = outside or candidates
    place = next((x for x in candidates if _rank(x) >= 2), None) or _best_place(candidates, tokens) or _best_place(spans, tokens)
    if place:
        d.location_text, d.location_span = place.text, (place.start, place.end)
    d.country = _country(place, spans, all_spans)
    # actors: the first two distinct groups/forces named in the event
    orgs = []
    for x in spans:
        if x.label == "ORG" and x.text not in [o.text for o in orgs] and _is_actor(x):
            orgs.append(x)
    if orgs:
        d.actor1_text, d.actor1_span = orgs[0].text, (orgs[0].start, orgs[0].end)
    if len(orgs) > 1:
        d.actor2_text, d.actor2_span = orgs[1].text, (orgs[1].start, orgs[1].end)
    if not main and d.killed is None and d.injured is None and not d.location_text and not d.date_text:
        return None
    d.summary_en = _summary(d, place)
    return d


@lru_cache(maxsize=4096)
def _dates_in(span_text: str) -> list:
    return find_dates(tokenize(span_text)[1])


def _is_actor(span: Span) -> bool:
    a = actor_index().get(span.entity_key or "")
    return a is None or bool(a.actor_type)


def _country(place: Span | None, spans: list[Span], all_spans: list[Span]) -> str | None:
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


def _summary(d: IncidentDraft, place: Span | None) -> str:
    where = ""
    if place is not None and place.entity_key in place_index():
        where = f" in {place_index()[place.entity_key].name_en}"
    elif d.country:
        where = f" in {d.country}"
    figures = []
    if d.killed:
        figures.append(f"{d.killed} killed")
    if d.injured:
        figures.append(f"{d.injured} injured")
    who = ""
    if d.actor1_span:
        a = next((a for a in actor_index().values() if a.name_ar == d.actor1_text or d.actor1_text in a.aliases), None)
        if a:
            who = f" involving {a.name_en}"
    tail = f": {', '.join(figures)}" if figures else ""
    return f"{d.sub_event_type}{where}{who}{tail}."


def _mark_background(drafts: list[IncidentDraft], groups) -> None:
    if not drafts:
        return
    main = drafts[0]
    for d in drafts[1:]:
        words = set((d.date_text or "").split())
        past = bool(words & {"مطلع", "أواخر", "أوائل", "الماضي", "الماضية", "المنصرم", "الفائت"})
        earlier = main.date and d.date and (main.date - d.date).days > 7
        d.background = bool(past or earlier or d.date_precision in ("month", "year"))
