"""Shared test data, built through the real models and services: one place for every suite.

Plain functions (usable from setup code and data sets such as tests/incidents/public_data.py); the
pytest fixtures in tests/conftest.py (make_article, make_incident, make_suggestion) wrap them.
"""

import datetime

from annotation.models import Article, Entity, Mention, Source
from annotation.nlp import Casualty, IncidentDraft
from incidents import services
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource

ARTICLE_BODY = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس."


def article(body=ARTICLE_BODY, *, source_name="وكالة الاختبار", **fields):
    """An article from a named outlet, published on 14 March 2025 unless told otherwise."""
    source, _ = Source.objects.get_or_create(name=source_name)
    fields.setdefault("published_at", datetime.date(2025, 3, 14))
    return Article.objects.create(source=source, body=body, **fields)


def entity(name_ar, name_en="", label="ORG", **extra):
    """A knowledge-base entity, created once per (label, Arabic name)."""
    return Entity.objects.get_or_create(type=label, name_ar=name_ar, defaults={"name_en": name_en, **extra})[0]


def suggestion(article, text, label, *, confidence=0.9, origin=Mention.Origin.LEXICON, occurrence=0):
    """An engine suggestion over the ``occurrence``-th ``text`` of the article, stored as the engine stores them
    (bulk insert, so no history row)."""
    start = -1
    for _ in range(occurrence + 1):
        start = article.body.index(text, start + 1)
    (m,) = Mention.objects.bulk_create(
        [
            Mention(
                article=article,
                start=start,
                end=start + len(text),
                article_length=len(article.body),
                text=text,
                label=label,
                origin=origin,
                confidence=confidence,
            )
        ]
    )
    return Mention.objects.get(pk=m.pk)


INCIDENT_DEFAULTS = {
    "title_ar": "هجوم مسلح في بعقوبة",
    "title_en": "Armed attack in Baquba",
    "event_type": "Violence against civilians",
    "sub_event_type": "Attack",
    "date_start": datetime.date(2025, 3, 13),
    "country": "IRQ",
    "admin1": "Diyala",
    "place_text": "بعقوبة",
    "fatalities": 3,
}


def incident(created_by, *, publish_by=None, **fields):
    """A draft incident (defaults: an attack in Baquba); submitted and approved when ``publish_by`` is given."""
    made = services.incident_create(created_by=created_by, **(INCIDENT_DEFAULTS | fields))
    if publish_by:
        made = services.incident_submit(incident=made, user=created_by)
        made = services.incident_approve(incident=made, user=publish_by)
    return made


def publish(editor, reviewer, *, actors=(), figures=(), source=None, quote="", **fields):
    """Create and fill one incident with actors, figures and a source; submitted and approved by ``reviewer``
    (left a draft when None). Returns it fresh from the database."""
    made = services.incident_create(created_by=editor, **fields)
    for ent, role in actors:
        IncidentActor.objects.create(incident=made, entity=ent, role=role)
    for category, victim_class, low, high, claimant in figures:
        CasualtyFigure.objects.create(
            incident=made, category=category, victim_class=victim_class, min_count=low, max_count=high, claimant=claimant
        )
    if source is not None:
        start = source.body.find(quote) if quote else -1
        IncidentSource.objects.create(
            incident=made,
            article=source,
            quote=quote if start >= 0 else "",
            quote_start=start if start >= 0 else None,
            quote_end=start + len(quote) if start >= 0 else None,
        )
    if reviewer is not None:
        made = services.incident_submit(incident=made, user=editor)
        made = services.incident_approve(incident=made, user=reviewer)
    else:
        services.incident_refresh_search(incident=made)
    return Incident.objects.get(pk=made.pk)


# An engine draft for the incident desk's tests, which do not run the engine. It must say what the engine
# says about KIRKUK_BODY: tests/incidents/test_editor_drafting.py::test_the_shared_draft_is_the_engines.
KIRKUK_BODY = (
    "أعلنت خلية الإعلام الأمني أن طيران الجيش العراقي قتل عنصرين من تنظيم داعش بضربة جوية في وادي زغيتون جنوب كركوك يوم الجمعة 22 نوفمبر."
)
KIRKUK_PUBLISHED = datetime.date(2024, 11, 23)


def kirkuk_draft(body=KIRKUK_BODY):
    """The army that struck is actor1; the media cell that announced it is no party."""
    span = lambda text: (body.index(text), body.index(text) + len(text))  # noqa: E731
    return IncidentDraft(
        date=datetime.date(2024, 11, 22),
        date_end=datetime.date(2024, 11, 22),
        date_precision="day",
        date_text="يوم الجمعة 22 نوفمبر",
        country="Iraq",
        location_text="وادي زغيتون",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        killed=2,
        actor1_text="الجيش العراقي",
        actor2_text="تنظيم داعش",
        summary_en="Air/drone strike in Wadi Zghitun involving Military Forces of Iraq: 2 killed.",
        evidence=[(0, len(body))],
        casualties=[Casualty("killed", "militants", 2, 2, "قتل عنصرين", *span("قتل عنصرين"))],
        location_span=span("وادي زغيتون"),
        actor1_span=span("الجيش العراقي"),
        actor2_span=span("تنظيم داعش"),
    )
