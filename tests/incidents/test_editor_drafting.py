"""Initial incident form data from the engine's draft and the accepted mentions."""

import datetime

from annotation.models import Entity, Mention
from annotation.nlp import IncidentDraft
from incidents import drafting
from incidents.models import Incident
from tests.factories import KIRKUK_BODY as BODY
from tests.factories import KIRKUK_PUBLISHED, kirkuk_draft

_COMPARED = (
    "date", "date_end", "date_precision", "date_text", "country", "location_text", "event_type", "sub_event_type",
    "killed", "injured", "actor1_text", "actor2_text", "summary_en", "evidence", "casualties", "location_span",
    "actor1_span", "actor2_span", "background",
)  # fmt: skip


def test_the_shared_draft_is_the_engines():
    """The editor-view tests use kirkuk_draft instead of running the engine; it must say what the engine says."""
    from annotation.nlp.pipeline import Tagger

    [engine_draft] = Tagger(crf=None, use_farasa=False).tag(BODY, published=KIRKUK_PUBLISHED).incidents
    fake = kirkuk_draft()
    assert {f: getattr(fake, f) for f in _COMPARED} == {f: getattr(engine_draft, f) for f in _COMPARED}


def test_draft_maps_engine_fields_and_entities(make_article):
    article = make_article(body=BODY, title="القوات العراقية تقتل عنصرين من تنظيم داعش في كركوك")
    place = Entity.objects.create(
        name_ar="وادي زغيتون", type="LOC", latitude=35.3, longitude=44.1, admin1="Kirkuk", geo_kind="town", country_iso3="IRQ"
    )
    isis = Entity.objects.create(name_ar="داعش", type="ORG")
    start = BODY.index("تنظيم داعش")
    Mention.objects.create(
        article=article, start=start, end=start + 10, text="تنظيم داعش", label="ORG", entity=isis, status=Mention.Status.ACCEPTED
    )
    result = drafting.draft_initial(article=article, drafts=[kirkuk_draft()])
    got = result.incident
    assert (got["event_type"], got["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert (got["date_start"], got["date_end"], got["time_precision"], got["date_text"]) == (
        datetime.date(2024, 11, 22),
        datetime.date(2024, 11, 22),
        Incident.TimePrecision.DAY,
        "يوم الجمعة 22 نوفمبر",
    )
    assert (got["country"], got["place"], got["place_text"], got["latitude"], got["admin1"], got["geo_precision"]) == (
        "IRQ",
        place.pk,
        "وادي زغيتون",
        35.3,
        "Kirkuk",
        Incident.GeoPrecision.EXACT,
    )
    assert (got["fatalities"], got["title_ar"], got["title_en"]) == (
        2,
        article.title,
        "Air/drone strike in Wadi Zghitun involving Military Forces of Iraq",
    )
    assert result.actors == [
        {"entity": None, "name": "الجيش العراقي", "role": "actor1", "certainty": "certain"},
        {"entity": isis.pk, "name": "", "role": "actor2", "certainty": "certain"},
    ]
    assert result.casualties == [
        {"category": "killed", "victim_class": "militants", "min_count": 2, "max_count": 2, "raw_phrase": "قتل عنصرين"}
    ]
    assert result.sources == [{"article": article.pk, "quote_start": 0, "quote_end": len(BODY)}]


def test_month_precision_and_background_draft_not_chosen_first(make_article):
    article = make_article(body=BODY)
    background = IncidentDraft(
        date=datetime.date(2023, 10, 1),
        date_end=datetime.date(2023, 10, 10),
        date_precision="month",
        sub_event_type="Armed clash",
        country="Iraq",
        background=True,
    )
    result = drafting.draft_initial(article=article, drafts=[background, kirkuk_draft()])
    assert (result.index, result.incident["sub_event_type"]) == (1, "Air/drone strike")
    chosen = drafting.draft_initial(article=article, drafts=[background, kirkuk_draft()], index=0)
    assert (chosen.incident["time_precision"], chosen.incident["date_end"], chosen.incident["event_type"]) == (
        Incident.TimePrecision.MONTH,
        datetime.date(2023, 10, 10),
        "Battles",
    )


def test_no_draft_falls_back_to_article_date(make_article):
    article = make_article(body=BODY)
    result = drafting.draft_initial(article=article, drafts=[])
    assert (result.index, result.incident["date_start"], result.actors) == (None, article.published_at, [])


LONG_BODY = (
    "قال مصدر أمني في محافظة كركوك، اليوم السبت، إن طيران الجيش العراقي قصف مخبأ لعناصر تنظيم داعش في وادي زغيتون، "
    "ما أسفر عن مقتل عنصرين. وأضاف المصدر أن القوات البرية فتشت المكان بعد القصف. وتابع أن العمليات ستستمر حتى نهاية الشهر."
)


def test_title_is_the_articles_headline_and_summary_one_or_two_sentences(make_article):
    article = make_article(body=LONG_BODY, title="قصف جوي لمخبأ داعش في كركوك")
    start = LONG_BODY.index("طيران")
    draft = IncidentDraft(sub_event_type="Air/drone strike", country="Iraq", evidence=[(start, start + 20)])
    got = drafting.draft_initial(article=article, drafts=[draft]).incident
    first_sentence = LONG_BODY[: LONG_BODY.index(".") + 1]
    assert (got["title_ar"], got["summary_ar"]) == ("قصف جوي لمخبأ داعش في كركوك", first_sentence)
    two = IncidentDraft(sub_event_type="Air/drone strike", country="Iraq", evidence=[(start, LONG_BODY.index("فتشت") + 4)])
    got = drafting.draft_initial(article=article, drafts=[two]).incident
    assert got["summary_ar"] == LONG_BODY[: LONG_BODY.index("القصف.") + 6]


def test_without_a_headline_the_title_is_the_main_clause_not_the_whole_sentence(make_article):
    article = make_article(body=LONG_BODY, title="")
    start = LONG_BODY.index("طيران")
    draft = IncidentDraft(sub_event_type="Air/drone strike", country="Iraq", evidence=[(start, start + 20)])
    got = drafting.draft_initial(article=article, drafts=[draft]).incident
    assert got["title_ar"] == "طيران الجيش العراقي قصف مخبأ لعناصر تنظيم داعش في وادي زغيتون"
    long_sentence = (
        "أعلنت الشرطة مقتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق شعبي وسط مدينة الموصل صباح اليوم الأحد أثناء ازدحام المتسوقين."
    )
    assert drafting.headline(long_sentence) == "أعلنت الشرطة مقتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق شعبي وسط مدينة الموصل صباح اليوم"
    assert drafting.headline(BODY) == "طيران الجيش العراقي قتل عنصرين من تنظيم داعش بضربة جوية في وادي زغيتون جنوب كركوك"


def test_headline_titles_the_main_incident_beside_background_ones(make_article):
    article = make_article(body=BODY, title="القوات العراقية تقتل عنصرين من داعش")
    background = IncidentDraft(sub_event_type="Armed clash", country="Iraq", background=True, evidence=[(0, 10)])
    main = drafting.draft_initial(article=article, drafts=[background, kirkuk_draft()])
    assert main.incident["title_ar"] == "القوات العراقية تقتل عنصرين من داعش"
    other = drafting.draft_initial(article=article, drafts=[background, kirkuk_draft()], index=0)
    assert other.incident["title_ar"] != article.title


def test_a_facility_as_location_keeps_the_town_it_is_in_as_the_place(make_article):
    """The engine names a facility as the location and the town around it as the place: the form links the town."""
    body = "قتل ثلاثة حراس في هجوم على مستودع الحبوب في بلدة تل الورد شمال البلاد يوم الأحد."
    article = make_article(body=body, title="هجوم على مستودع الحبوب")
    town = Entity.objects.create(name_ar="تل الورد", type="LOC", latitude=36.1, longitude=43.2, country_iso3="IRQ", geo_kind="town")
    t_start = body.index("تل الورد")
    Mention.objects.create(
        article=article, start=t_start, end=t_start + 8, text="تل الورد", label="LOC", entity=town, status=Mention.Status.ACCEPTED
    )
    f_start = body.index("مستودع الحبوب")
    draft = IncidentDraft(
        event_type="Violence against civilians",
        sub_event_type="Attack",
        location_text="مستودع الحبوب",
        location_span=(f_start, f_start + len("مستودع الحبوب")),
        place_span=(t_start, t_start + 8),
        killed=3,
        evidence=[(0, len(body))],
    )
    got = drafting.draft_initial(article=article, drafts=[draft]).incident
    assert (got["place"], got["place_text"], got["latitude"], got["longitude"]) == (town.pk, "مستودع الحبوب", 36.1, 43.2)
