"""Initial data for the incident form, from the engine's draft incidents and the editor's accepted mentions.

The engine (annotation.engine.suggest) returns IncidentDraft objects with offsets into the article;
here they become form initial data: texts mapped to knowledge-base entities, casualties to figures,
the date precision to Incident.TimePrecision and the evidence to a supporting quote.
"""

import re
from dataclasses import dataclass, field

from annotation import engine
from annotation.models import Article, Entity, Mention
from incidents.models import CasualtyFigure, Incident, IncidentActor
from incidents.taxonomy import COUNTRIES, EVENT_TYPES, ISO3_BY_NAME, SUB_EVENT_TO_EVENT

PRECISION = {
    "day": Incident.TimePrecision.DAY,
    "week": Incident.TimePrecision.WEEK,
    "month": Incident.TimePrecision.MONTH,
    "year": Incident.TimePrecision.MONTH,
}
GEO_PRECISION = {
    Entity.GeoKind.COUNTRY: Incident.GeoPrecision.REGION,
    Entity.GeoKind.GOVERNORATE: Incident.GeoPrecision.REGION,
    Entity.GeoKind.REGION: Incident.GeoPrecision.REGION,
    Entity.GeoKind.CITY: Incident.GeoPrecision.EXACT,
    Entity.GeoKind.TOWN: Incident.GeoPrecision.EXACT,
}
TITLE_CHARS = 200


@dataclass
class DraftInitial:
    incident: dict
    actors: list = field(default_factory=list)
    casualties: list = field(default_factory=list)
    sources: list = field(default_factory=list)
    drafts: list = field(default_factory=list)  # every engine draft, to let the editor pick another
    index: int | None = None


def engine_drafts(article):
    """The engine's draft incidents for the article (background ones included, flagged)."""
    return engine.suggest(article.body, article.reference_date).incidents


def _country(draft_country, article):
    if draft_country in COUNTRIES:
        return draft_country
    if draft_country in ISO3_BY_NAME:
        return ISO3_BY_NAME[draft_country]
    source_country = article.source.country if article.source_id else ""
    return source_country if source_country in COUNTRIES else ""


def _mention_entity(mentions, span, labels):
    """The entity an accepted mention at (or overlapping) this span is linked to."""
    if not span:
        return None
    start, end = span
    for m in mentions:
        if m.label in labels and m.entity_id and m.start < end and start < m.end:
            return m.entity
    return None


def _entity_by_name(name, labels):
    name = (name or "").strip()
    if not name:
        return None
    return Entity.objects.filter(type__in=labels, name_ar=name, merged_into__isnull=True).first()


_SENTENCE_END = re.compile(r"[.!؟?؛]+(?=\s|$|[“”«»\"'\u0600-\u06ff])|\n")
_CLAUSE_BREAK = re.compile(r"\s*[،,؛:]\s*|\s+(?=(?:وقال|وقالت|واضاف|وأضاف|واضافت|وأضافت|مؤكدا|مؤكدة|مشيرا|مشيرة|حيث|فيما|بينما)\s)")
# "قال مصدر أمني، اليوم، إن …", "أعلنت الشرطة أن …": the news is what follows the reporting clause.
_REPORTED = re.compile(
    r"^(?:قال|قالت|أعلن|أعلنت|اعلن|اعلنت|أكد|أكدت|اكد|اكدت|ذكر|ذكرت|أفاد|أفادت|افاد|افادت|أوضح|أوضحت)\s[^.]{0,150}?\s[إأا]ن\s+"
)
SUMMARY_SENTENCES = 2
HEADLINE_WORDS = 16
_DANGLING = frozenset(
    "في من على إلى الى عن مع بين قرب جنوب شمال شرق غرب وسط يوم صباح مساء ليلة منطقة مدينة قضاء ناحية محافظة قرية بلدة حي و".split()
)  # never the last word


def _sentences(body, start, end, limit=SUMMARY_SENTENCES):
    """The evidence range widened to whole sentences, at most ``limit`` of them from its start."""
    left = max((m.end() for m in _SENTENCE_END.finditer(body, 0, start)), default=0)
    pieces, pos = [], left
    for m in _SENTENCE_END.finditer(body, left):
        pieces.append(body[pos : m.end()])
        pos = m.end()
        if m.end() >= end or len(pieces) >= limit:
            break
    else:
        pieces.append(body[pos:])
    return " ".join(" ".join("".join(pieces).split()).split())


def headline(sentence):
    """A title from a sentence: what is reported, its main clause (up to the first comma), at most 16 words."""
    reported = _REPORTED.match(sentence)
    if reported and len(sentence[reported.end() :].split()) >= 4:
        sentence = sentence[reported.end() :]
    words = sentence.split()
    for m in _CLAUSE_BREAK.finditer(sentence):
        if len(sentence[: m.start()].split()) >= 5:
            words = sentence[: m.start()].split()
            break
    words = words[:HEADLINE_WORDS]
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    return " ".join(words).rstrip(" .،,؛:!؟?")[:TITLE_CHARS]


def draft_initial(*, article: Article, index: int | None = None, drafts=None) -> DraftInitial:
    """Initial data for a new incident from the article: the chosen draft (default: the first not in the background)."""
    drafts = engine_drafts(article) if drafts is None else drafts
    mentions = _reviewed_mentions(article)
    index = _chosen_index(drafts, index)
    initial = _article_defaults(article)
    source = {"article": article.pk, "quote_start": None, "quote_end": None}
    result = DraftInitial(incident=initial, drafts=drafts, index=index, sources=[source])
    if index is None:
        place = next((m.entity for m in mentions if m.label == "LOC" and m.entity_id), None)
        if place is not None:
            initial |= _place_fields(place, place.name_ar)
        return result
    draft = drafts[index]
    initial |= _type_fields(draft) | _date_fields(draft) | _figure_fields(draft, article)
    # The article's headline names its main incident; background events and one of several get their own title.
    several = draft.background or sum(not d.background for d in drafts) > 1
    initial |= _evidence_fields(draft, article, initial["title_ar"], several=several)
    if draft.evidence:
        source["quote_start"], source["quote_end"] = draft.evidence[0]
    place = _mention_entity(mentions, draft.place_span or draft.location_span, ["LOC"]) or _entity_by_name(draft.location_text, ["LOC"])
    # The location may be a facility in a town (place_span is then the town): the map pin is the town's.
    initial |= _place_fields(place, draft.location_text or "")
    result.actors = _actor_rows(draft, mentions)
    result.casualties = _casualty_rows(draft)
    return result


def _reviewed_mentions(article):
    """The article's accepted, corrected and added mentions, in text order, with their entities."""
    return list(
        Mention.objects.filter(article=article)
        .exclude(status__in=[Mention.Status.REJECTED, Mention.Status.SUGGESTED])
        .select_related("entity")
        .order_by("start")
    )


def _chosen_index(drafts, index):
    if index is not None and 0 <= index < len(drafts):
        return index
    return next((i for i, d in enumerate(drafts) if not d.background), 0 if drafts else None)


def _article_defaults(article):
    published = article.published_at
    return {
        "title_ar": (article.title or "")[:TITLE_CHARS],
        "date_start": published,
        "date_end": published,
        "time_precision": Incident.TimePrecision.DAY,
        "country": _country(None, article),
        "confidence": Incident.Confidence.LIKELY,
        "geo_precision": Incident.GeoPrecision.EXACT,
    }


def _type_fields(draft):
    if draft.sub_event_type in SUB_EVENT_TO_EVENT:
        return {"sub_event_type": draft.sub_event_type, "event_type": SUB_EVENT_TO_EVENT[draft.sub_event_type]}
    if draft.event_type in EVENT_TYPES:
        return {"event_type": draft.event_type}
    return {}


def _date_fields(draft):
    fields = {
        "time_precision": PRECISION.get(draft.date_precision or "day", Incident.TimePrecision.DAY),
        "date_text": draft.date_text or "",
    }
    if draft.date:
        fields |= {"date_start": draft.date, "date_end": draft.date_end or draft.date}
    return fields


def _figure_fields(draft, article):
    fields = {"country": _country(draft.country, article), "fatalities": draft.killed or 0, "injured": draft.injured or 0}
    if draft.summary_en:
        fields |= {"summary_en": draft.summary_en, "title_en": draft.summary_en.split(":")[0][:TITLE_CHARS]}
    return fields


def _evidence_fields(draft, article, title_ar, *, several):
    """The Arabic summary (one or two sentences) and, without the article's headline or for one of several
    incidents, a title made from the evidence sentence's main clause."""
    if not draft.evidence:
        return {}
    start, end = draft.evidence[0]
    summary = _sentences(article.body, start, end)
    fields = {"summary_ar": summary[:1000]}
    if not title_ar or several:
        fields["title_ar"] = headline(_sentences(article.body, start, end, limit=1))
    return fields


def _actor_rows(draft, mentions):
    rows = []
    for role, text, span in (
        (IncidentActor.Role.ACTOR1, draft.actor1_text, draft.actor1_span),
        (IncidentActor.Role.ACTOR2, draft.actor2_text, draft.actor2_span),
    ):
        if not text:
            continue
        entity = _mention_entity(mentions, span, ["ORG", "NORP", "PER"]) or _entity_by_name(text, ["ORG", "NORP", "PER"])
        rows.append(
            {
                "entity": entity.pk if entity else None,
                "name": "" if entity else text,
                "role": role,
                "certainty": IncidentActor.Certainty.CERTAIN,
            }
        )
    return rows


def _casualty_rows(draft):
    return [
        {
            "category": c.category if c.category in CasualtyFigure.Category.values else CasualtyFigure.Category.KILLED,
            "victim_class": c.victim_class if c.victim_class in CasualtyFigure.VictimClass.values else CasualtyFigure.VictimClass.UNKNOWN,
            "min_count": c.min,
            "max_count": c.max,
            "raw_phrase": c.raw,
        }
        for c in draft.casualties
    ]


def _place_fields(place, text):
    fields = {"place_text": text}
    if place is None:
        return fields
    fields["place"] = place.pk
    if place.latitude is not None:
        fields["latitude"], fields["longitude"] = place.latitude, place.longitude
    if place.admin1:
        fields["admin1"] = place.admin1
    if place.admin2:
        fields["admin2"] = place.admin2
    if place.country_iso3 in COUNTRIES:
        fields["country"] = place.country_iso3
    fields["geo_precision"] = GEO_PRECISION.get(place.geo_kind, Incident.GeoPrecision.EXACT)
    return fields


def incident_initial(incident):
    """Form initial data for an existing incident and its details."""
    from incidents.forms import INCIDENT_FIELDS

    data = {name: getattr(incident, name) for name in INCIDENT_FIELDS if name != "place"}
    data["place"] = incident.place_id
    data["version"] = incident.version
    actors = [{"entity": a.entity_id, "name": "", "role": a.role, "certainty": a.certainty} for a in incident.actors.all()]
    casualties = [
        {
            "category": c.category,
            "victim_class": c.victim_class,
            "min_count": c.min_count,
            "max_count": c.max_count,
            "qualifier": c.qualifier,
            "raw_phrase": c.raw_phrase,
            "claimant": c.claimant,
        }
        for c in incident.casualties.all()
    ]
    sources = [{"article": s.article_id, "quote_start": s.quote_start, "quote_end": s.quote_end} for s in incident.sources.all()]
    return DraftInitial(incident=data, actors=actors, casualties=casualties, sources=sources)
