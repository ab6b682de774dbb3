"""No English in the Arabic interface: the public pages and the desk's pages and forms, rendered in Arabic
with demo-like data (English governorates "Nineveh", ISO3 countries, engine drafts, a full history), show
no English word that is not a code, a format name or a brand (tests/english_words.py's allow-list)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from annotation.intake.bulk import parse_jsonl
from incidents import drafting, roles, services
from incidents.forms import IncidentForm
from incidents.models import Incident
from tests import factories
from tests.english_words import english_words, space_before_arabic_punctuation
from tests.incidents.public_data import build_world, place


def _user(username, role):
    user = get_user_model().objects.create_user(username=username, password="pw-arabic-only-1234")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def arabic_world(db):
    editor, reviewer = _user("محرر", roles.EDITOR), _user("مراجع", roles.REVIEWER)
    world = build_world(editor, reviewer)
    mosul = place("الموصل", "Mosul", "Nineveh", 36.34, 43.13)
    nineveh = factories.publish(
        editor,
        reviewer,
        title_ar="قصف مدفعي على أطراف الموصل",
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        date_start=datetime.date(2025, 4, 2),
        country="IRQ",
        admin1="Nineveh",
        place=mosul,
        place_text="الموصل",
        latitude=36.34,
        longitude=43.13,
        fatalities=2,
    )
    sent_back = factories.publish(
        editor, None, title_ar="اشتباك قرب بعقوبة", event_type="Battles", sub_event_type="Armed clash",
        date_start=datetime.date(2025, 4, 3), country="IRQ", admin1="Diyala",
    )  # fmt: skip
    sent_back = services.incident_submit(incident=sent_back, user=editor)
    sent_back = services.incident_send_back(incident=sent_back, user=reviewer, comment="أضف مصدرًا ثانيًا")
    article = factories.article(factories.KIRKUK_BODY, url="https://news.example/kirkuk")
    return {**world, "editor": editor, "reviewer": reviewer, "nineveh": nineveh, "sent_back": sent_back, "article": article, "mosul": mosul}


def _english(client, url):
    """English words and spaces before Arabic punctuation on the page."""
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    html = response.content.decode()
    return [(url, *word) for word in english_words(html)] + [(url, "space before", t) for t in space_before_arabic_punctuation(html)]


def test_public_pages_in_arabic_have_no_english(client, arabic_world):
    w = arabic_world
    urls = [
        "/ar/",
        "/ar/?q=%D8%A8%D8%B9%D9%82%D9%88%D8%A8%D8%A9",
        "/ar/stats/",
        "/ar/map/",
        "/ar/about/",
        "/ar/no-such-page/",
        f"/ar/incidents/{w['nineveh'].code}/",
        f"/ar/incidents/{w['attack'].code}/",
        f"/ar/incidents/{w['retracted'].code}/",
        f"/ar/places/{w['mosul'].pk}/",
        f"/ar/places/{w['places']['idlib'].pk}/",
        f"/ar/actors/{w['actors']['gunmen'].pk}/",
    ]
    found = [hit for url in urls for hit in _english(client, url)]
    assert found == []


def test_desk_pages_and_forms_in_arabic_have_no_english(client, arabic_world, monkeypatch):
    w = arabic_world
    other = factories.kirkuk_draft()
    other.sub_event_type, other.location_text = "Armed clash", "كركوك"
    monkeypatch.setattr(drafting, "engine_drafts", lambda article: [factories.kirkuk_draft(), other])
    client.force_login(w["editor"])
    editor_urls = [
        "/ar/desk/",
        "/ar/desk/intake/",
        f"/ar/desk/articles/{w['article'].pk}/review/",
        f"/ar/desk/incidents/new/?article={w['article'].pk}",
        f"/ar/desk/incidents/{w['sent_back'].pk}/",
    ]
    found = [hit for url in editor_urls for hit in _english(client, url)]
    client.force_login(w["reviewer"])
    reviewer_urls = ["/ar/desk/incidents/", *(f"/ar/desk/incidents/{w[k].pk}/approve/" for k in ("nineveh", "sent_back", "retracted"))]
    found += [hit for url in reviewer_urls for hit in _english(client, url)]
    assert found == []


def test_the_history_says_what_happened_in_arabic(client, arabic_world):
    client.force_login(arabic_world["reviewer"])
    html = client.get(f"/ar/desk/incidents/{arabic_world['sent_back'].pk}/approve/").content.decode()
    history = html[html.index('id="incident-history"') :]
    assert "أُنشئت" in history and "أُرسلت للمراجعة" in history
    assert "أُعيدت إلى كاتبها: <bdi>أضف مصدرًا ثانيًا</bdi>" in history
    stored = list(
        Incident.history.filter(id=arabic_world["sent_back"].pk).order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert stored == ["created", "submitted", "sent_back"]


def test_history_rows_written_before_the_codes_are_translated_too():
    from incidents.models import HistoryAction

    assert HistoryAction.of("approved and published") == (HistoryAction.APPROVED, "")
    assert HistoryAction.of("sent back: أضف مصدرًا") == (HistoryAction.SENT_BACK, "")
    assert HistoryAction.of("merged into IRQ-2025-00001") == (HistoryAction.MERGED, "")
    assert HistoryAction.of("عدد القتلى صُحح") == (HistoryAction.CORRECTED, "عدد القتلى صُحح")


def test_a_json_import_error_is_arabic():
    with translation.override("ar"):
        rows = parse_jsonl('{"text": "نص"}\n{not json}\n')
    assert rows[1].error == "صيغة JSON غير صالحة (العمود 2)"


def test_the_incident_page_writes_the_place_and_coordinates_the_arabic_way(client, arabic_world):
    html = client.get(f"/ar/incidents/{arabic_world['nineveh'].code}/").content.decode()
    assert "<bdi>الموصل</bdi></a>، <a" in html  # no space before the Arabic comma
    assert "<bdi>نينوى</bdi></a>، العراق" in html  # "Nineveh" and "IRQ" in Arabic
    assert '<bdi dir="ltr">36.34, 43.13</bdi>' in html  # a Latin full stop as decimal sign


def test_counts_agree_with_their_noun_in_arabic(client, arabic_world):
    response = client.get("/ar/stats/")
    assert response.context["totals"]["incidents"] == 6
    html = response.content.decode()
    assert '<span class="stat stat-value num">6 حوادث</span>' in html  # 3–10: the plural; not «6 incidents»
    with translation.override("ar"):
        from django.utils.translation import ngettext

        assert [ngettext("%(n)s killed", "%(n)s killed", n) % {"n": n} for n in (1, 2, 3, 11, 100)] == [
            "قتيل واحد",
            "قتيلان",
            "3 قتلى",
            "11 قتيلًا",
            "100 قتيل",
        ]


def test_the_governorate_is_edited_in_arabic_and_stored_as_acled_names_it(client, arabic_world):
    draft = factories.publish(
        arabic_world["editor"], None, title_ar="انفجار قرب الموصل", event_type="Battles", sub_event_type="Armed clash",
        date_start=datetime.date(2025, 4, 5), country="IRQ", admin1="Nineveh",
    )  # fmt: skip
    client.force_login(arabic_world["editor"])
    html = client.get(f"/ar/desk/incidents/{draft.pk}/").content.decode()
    assert 'name="incident-admin1" value="نينوى"' in html
    unchanged = IncidentForm(initial={"admin1": "Nineveh"}, data={"admin1": "نينوى"})
    unchanged.is_valid()
    assert unchanged.cleaned_data["admin1"] == "Nineveh"  # as stored
    typed = IncidentForm(data={"admin1": "الانبار"})  # as a reader types it, without hamza
    typed.is_valid()
    assert typed.cleaned_data["admin1"] == "Anbar"
