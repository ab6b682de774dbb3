"""The public list's rows (incidents/rows.py): exactly what the row template showed, and never stale."""

import datetime

import pytest
from django.utils import translation

from incidents import rows, services
from incidents.models import Incident, IncidentActor
from tests.factories import entity, publish

pytestmark = pytest.mark.django_db

WEEK_ROW_AR = (
    '<li class="incident-row">\n'
    '  <div class="incident-row-head">\n'
    '    <a class="incident-title" href="/ar/incidents/{code}/" dir="auto">اشتباك &lt;قرب&gt; السد &amp; الجسر</a>\n'
    "    \n"
    "  </div>\n"
    '  <div class="incident-meta small text-secondary">\n'
    '    <span class="incident-code" dir="ltr">{code}</span>\n'
    '    · <time datetime="2024-02-03">أسبوع 3 فبراير 2024\n'
    "</time>\n"
    "    · <bdi>قرية &quot;الصفا&quot;</bdi>\n"
    "    · اشتباك مسلح\n"
    '    · <span class="num">لا قتلى</span>\n'
    "  </div>\n"
    "  \n"
    '  <div class="incident-actors small"></div>\n'
    "  \n"
    "</li>\n"
)


def _row(incident, language, admin1_label=None):
    (row,) = rows.read(Incident.objects.filter(pk=incident.pk))
    if admin1_label is not None:
        row.admin1_label = admin1_label
    with translation.override(language):
        return rows.incident_rows([row])


@pytest.fixture
def week_clash(editor, reviewer):
    helpers = entity("أنصار المجموعة", "", label="ORG")
    return publish(
        editor,
        reviewer,
        title_ar="اشتباك <قرب> السد & الجسر",
        title_en="",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2024, 2, 3),
        time_precision=Incident.TimePrecision.WEEK,
        country="IRQ",
        place_text='قرية "الصفا"',
        admin1="",
        fatalities=0,
        actors=[(helpers, "assoc1")],  # an associate only: the actors' line is there but empty, as before
    )


def test_a_row_without_place_escapes_what_editors_typed(week_clash):
    assert _row(week_clash, "ar") == WEEK_ROW_AR.format(code=week_clash.code)


def test_english_row_falls_back_to_the_arabic_title(week_clash):
    html = _row(week_clash, "en")
    assert f'href="/en/incidents/{week_clash.code}/" dir="auto">اشتباك &lt;قرب&gt; السد &amp; الجسر</a>' in html
    assert "week of 3 February 2024\n</time>" in html
    assert "· Armed clash\n" in html
    assert '<span class="num">0 killed</span>' in html


def test_retracted_month_row_with_place_governorate_and_actors(world):
    retracted = world["retracted"]
    Incident.objects.filter(pk=retracted.pk).update(
        time_precision=Incident.TimePrecision.MONTH, date_start=datetime.date(2024, 5, 1), date_end=datetime.date(2024, 5, 1)
    )
    IncidentActor.objects.create(incident=retracted, entity=world["actors"]["army"], role="actor2")
    IncidentActor.objects.create(incident=retracted, entity=world["actors"]["isis"], role="actor1")
    html = _row(retracted, "ar", admin1_label="محافظة مختبرة")
    assert html.startswith('<li class="incident-row is-retracted">')
    assert '<span class="badge text-bg-danger">مسحوبة</span>' in html
    assert '<time datetime="2024-05-01">مايو 2024\n</time>' in html
    assert "(<bdi>محافظة مختبرة</bdi>)" in html
    isis, army = world["actors"]["isis"], world["actors"]["army"]
    chips = (
        f'<a class="actor-chip" href="/ar/actors/{isis.pk}/"><bdi>{isis.name_ar}</bdi></a>'
        f'<a class="actor-chip" href="/ar/actors/{army.pk}/"><bdi>{army.name_ar}</bdi></a>'
    )
    assert f'<div class="incident-actors small">{chips}</div>' in html


def test_a_date_range_and_a_large_toll(world):
    attack = world["attack"]
    Incident.objects.filter(pk=attack.pk).update(date_start=datetime.date(2024, 5, 1), date_end=datetime.date(2024, 5, 9), fatalities=1234)
    assert '<time datetime="2024-05-01">1 مايو 2024 – 9 مايو 2024\n</time>' in _row(attack, "ar")
    assert '<time datetime="2024-05-01">1 May 2024 – 9 May 2024\n</time>' in _row(attack, "en")


def test_an_edited_incident_shows_its_new_row_at_once(client, world, editor):
    attack = world["attack"]
    assert "هجوم على سوق الخضار" not in client.get("/ar/").content.decode()
    services.incident_update(
        incident=attack, user=editor, title_ar="هجوم على سوق الخضار", correction_note="تصحيح العنوان بعد مراجعة المصدر"
    )
    html = client.get("/ar/").content.decode()
    assert f'href="/ar/incidents/{attack.code}/" dir="auto">هجوم على سوق الخضار</a>' in html
    place = attack.place
    place.name_ar = "اسم المكان المصحح"
    place.save()
    assert "<bdi>اسم المكان المصحح</bdi>" in client.get("/ar/").content.decode()


@pytest.mark.parametrize("page", ["place", "actor"])
def test_place_and_actor_pages_keep_their_query_count_whatever_the_rows(client, world, editor, reviewer, page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    baquba, isis = world["places"]["baquba"], world["actors"]["isis"]
    url = f"/ar/places/{baquba.pk}/" if page == "place" else f"/ar/actors/{isis.pk}/"

    def queries(address):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    before = queries(url + "?page_size=1")
    for n in range(6):
        publish(
            editor,
            reviewer,
            title_ar=f"اشتباك قرب المعبر رقم {n}",
            event_type="Battles",
            sub_event_type="Armed clash",
            date_start=datetime.date(2023, 2, n + 1),
            country="IRQ",
            place=baquba,
            actors=[(isis, "actor1"), (world["actors"]["army"], "actor2")],
        )
    assert queries(url + "?page_size=50") == before
    assert "اشتباك قرب المعبر رقم 5" in client.get(url).content.decode()


def test_the_capped_count_reads_incident_ids_alone(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get("/ar/?country=IRQ").status_code == 200
    (count,) = [q["sql"] for q in captured if q["sql"].startswith("SELECT COUNT(*)")]
    # ids only, as an index can answer: not the row's columns, nor the place's names joined in
    assert "annotation_entity" not in count
    assert "title_ar" not in count
