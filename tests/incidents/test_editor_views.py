"""The incident desk through the test client: draft, edit, submit, review, correct, retract, merge, attach."""

import datetime

import pytest
from django.urls import reverse

from annotation.models import Entity
from incidents import drafting, services
from incidents.models import Incident
from tests.factories import KIRKUK_BODY as BODY
from tests.factories import kirkuk_draft


@pytest.fixture
def article(make_article, monkeypatch):
    monkeypatch.setattr(drafting, "engine_drafts", lambda article: [kirkuk_draft(article.body)])
    return make_article(body=BODY, title="القوات العراقية تقتل عنصرين من تنظيم داعش في كركوك")


def incident_post(article, **overrides):
    data = {
        "article": article.pk,
        "incident-title_ar": "ضربة جوية في وادي زغيتون",
        "incident-title_en": "Air strike in Wadi Zghitun",
        "incident-event_type": "Explosions/Remote violence",
        "incident-sub_event_type": "Air/drone strike",
        "incident-date_start": "2024-11-22",
        "incident-date_end": "",
        "incident-time_precision": "1",
        "incident-date_text": "الجمعة 22 نوفمبر",
        "incident-place_text": "وادي زغيتون",
        "incident-geo_precision": "1",
        "incident-country": "IRQ",
        "incident-admin1": "Kirkuk",
        "incident-fatalities": "2",
        "incident-injured": "0",
        "incident-confidence": "confirmed",
        "actors-TOTAL_FORMS": "2",
        "actors-INITIAL_FORMS": "0",
        "actors-0-name": "الجيش العراقي",
        "actors-0-role": "actor1",
        "actors-0-certainty": "certain",
        "actors-1-name": "تنظيم داعش",
        "actors-1-role": "actor2",
        "actors-1-certainty": "certain",
        "casualties-TOTAL_FORMS": "1",
        "casualties-INITIAL_FORMS": "0",
        "casualties-0-category": "killed",
        "casualties-0-victim_class": "militants",
        "casualties-0-min_count": "2",
        "casualties-0-raw_phrase": "قتل عنصرين",
        "sources-TOTAL_FORMS": "1",
        "sources-INITIAL_FORMS": "1",
        "sources-0-article": article.pk,
        "sources-0-quote_start": "0",
        "sources-0-quote_end": "30",
    }
    return data | overrides


def create_url(article):
    return reverse("workflow:create") + f"?article={article.pk}"


def test_create_form_is_prefilled_from_the_engine(client, editor, article):
    client.force_login(editor)
    response = client.get(create_url(article))
    assert response.status_code == 200
    form = response.context["form"]
    assert (form.initial["sub_event_type"], form.initial["fatalities"], form.initial["country"]) == ("Air/drone strike", 2, "IRQ")
    assert response.context["actor_formset"].initial[1]["name"] == "تنظيم داعش"
    html = response.content.decode()
    assert "js/incident_form.js" in html
    assert 'id="source-text"' in html


def test_create_saves_draft_with_details_and_search_text(client, editor, article):
    client.force_login(editor)
    response = client.post(create_url(article), incident_post(article))
    incident = Incident.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("workflow:edit", kwargs={"pk": incident.pk})
    assert (incident.status, incident.created_by, incident.date_end, incident.code) == (
        "draft",
        editor,
        datetime.date(2024, 11, 22),
        "IRQ-2024-00001",
    )
    assert sorted((a.role, a.entity.name_ar, a.entity.type) for a in incident.actors.select_related("entity")) == [
        ("actor1", "الجيش العراقي", "ORG"),
        ("actor2", "تنظيم داعش", "ORG"),
    ]
    (figure,) = incident.casualties.all()
    assert (figure.category, figure.victim_class, figure.min_count, figure.max_count, figure.article_id) == (
        "killed",
        "militants",
        2,
        2,
        article.pk,
    )
    (source,) = incident.sources.all()
    assert (source.article_id, source.quote) == (article.pk, BODY[0:30])
    assert "داعش" in incident.search_text  # actor names reach the search text


def test_create_and_submit_in_one_step(client, editor, article):
    client.force_login(editor)
    response = client.post(create_url(article), incident_post(article, submit="1"))
    assert response["Location"] == reverse("annotation:review", kwargs={"pk": article.pk})
    assert Incident.objects.get().status == Incident.Status.IN_REVIEW


def test_invalid_sub_event_keeps_input(client, editor, article):
    client.force_login(editor)
    response = client.post(create_url(article), incident_post(article, **{"incident-sub_event_type": "Armed clash"}))
    assert response.status_code == 200
    assert response.context["form"].errors["sub_event_type"]
    assert response.context["form"]["title_ar"].value() == "ضربة جوية في وادي زغيتون"
    assert Incident.objects.count() == 0


def test_forged_quote_range_is_refused(client, editor, article):
    client.force_login(editor)
    response = client.post(create_url(article), incident_post(article, **{"sources-0-quote_end": "9999"}))
    assert response.status_code == 200
    assert Incident.objects.count() == 0


def test_second_editor_save_is_refused_and_input_kept(client, editor, editor2, article, make_incident):
    incident = make_incident(editor)
    url = reverse("workflow:edit", kwargs={"pk": incident.pk})
    opened = incident.version
    client.force_login(editor)
    data = incident_post(article, **{"incident-version": opened, "incident-title_ar": "عنوان المحرر الأول"})
    assert client.post(url, data).status_code == 302
    client.force_login(editor2)
    data = incident_post(article, **{"incident-version": opened, "incident-title_ar": "عنوان المحرر الثاني"})
    response = client.post(url, data)
    assert response.status_code == 200
    (message,) = [str(m) for m in response.context["messages"] if m.level_tag == "error"]
    assert str(opened) in message and str(opened + 1) in message
    assert response.context["form"]["title_ar"].value() == "عنوان المحرر الثاني"
    incident.refresh_from_db()
    assert incident.title_ar == "عنوان المحرر الأول"


def test_queue_is_for_reviewers_only(client, editor, reviewer, make_incident):
    url = reverse("workflow:queue")
    assert client.get(url)["Location"].startswith(reverse("login"))
    client.force_login(editor)
    assert client.get(url).status_code == 403
    waiting = services.incident_submit(incident=make_incident(editor, title_ar="ينتظر المراجعة"), user=editor)
    make_incident(editor, title_ar="مسودة")
    client.force_login(reviewer)
    response = client.get(url)
    assert [i.pk for i in response.context["incidents"]] == [waiting.pk]


def test_reviewer_approves_and_the_public_page_shows_it(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    client.force_login(reviewer)
    response = client.post(reverse("workflow:approve", kwargs={"pk": incident.pk}), {"action": "approve", "version": incident.version})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.status, incident.approved_by) == ("published", reviewer)
    history = client.get(reverse("workflow:approve", kwargs={"pk": incident.pk})).context["history"]
    assert [(h.history_change_reason, h.history_user) for h in history][:2] == [
        ("approved", reviewer),
        ("submitted", editor),
    ]
    client.logout()
    assert client.get(incident.get_absolute_url()).status_code == 200


def test_author_cannot_approve_own_incident_and_sees_a_message(client, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(reviewer), user=reviewer)
    client.force_login(reviewer)
    response = client.post(reverse("workflow:approve", kwargs={"pk": incident.pk}), {"action": "approve", "version": incident.version})
    assert response.status_code == 200
    assert len(list(response.context["messages"])) == 1
    incident.refresh_from_db()
    assert incident.status == Incident.Status.IN_REVIEW


def test_send_back_with_comment_shows_on_author_desk(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    client.force_login(reviewer)
    client.post(
        reverse("workflow:approve", kwargs={"pk": incident.pk}),
        {"action": "send_back", "version": incident.version, "comment": "صحح التاريخ"},
    )
    incident.refresh_from_db()
    assert (incident.status, incident.review_comment) == ("draft", "صحح التاريخ")
    client.force_login(editor)
    response = client.get(reverse("workflow:dashboard"))
    assert [i.pk for i in response.context["sent_back"]] == [incident.pk]


def test_correct_published_needs_a_note_and_a_second_reviewer(client, editor, editor2, reviewer, reviewer2, make_incident, article):
    incident = make_incident(editor, publish_by=reviewer)
    url = reverse("workflow:correct", kwargs={"pk": incident.pk})
    client.force_login(editor)
    assert client.get(reverse("workflow:edit", kwargs={"pk": incident.pk}))["Location"] == url
    assert client.get(url).status_code == 200  # any editor may propose a correction
    client.force_login(editor2)
    response = client.post(url, incident_post(article, **{"incident-version": incident.version}))
    assert response.status_code == 200
    assert response.context["form"].errors["correction_note"]
    response = client.post(url, incident_post(article, **{"incident-version": incident.version, "incident-correction_note": "عدد القتلى"}))
    assert response.status_code == 302
    incident.refresh_from_db()
    assert (incident.status, incident.correction_note, incident.corrected_at) == ("published", "", None)  # waits for a reviewer
    pending = incident.pending_corrections.get()
    client.force_login(reviewer2)
    client.post(
        reverse("workflow:decide_correction", kwargs={"pk": incident.pk, "correction_pk": pending.pk}),
        {"action": "approve", "version": incident.version},
    )
    incident.refresh_from_db()
    assert (incident.status, incident.correction_note, incident.corrected_at is not None) == ("published", "عدد القتلى", True)


def test_retract_and_merge(client, editor, reviewer, reviewer2, make_incident, article):
    published = make_incident(editor, publish_by=reviewer)
    client.force_login(reviewer2)
    client.post(reverse("workflow:retract", kwargs={"pk": published.pk}), {"version": published.version, "note": "تقرير غير صحيح"})
    published.refresh_from_db()
    assert (published.status, published.retraction_note) == ("retracted", "تقرير غير صحيح")
    keep = make_incident(editor, publish_by=reviewer)
    duplicate = make_incident(editor)
    services.incident_attach_source(incident=duplicate, article=article, user=editor)
    client.post(reverse("workflow:merge", kwargs={"pk": duplicate.pk}), {"into": keep.code.lower(), "version": duplicate.version})
    duplicate.refresh_from_db()
    assert (duplicate.status, duplicate.merged_into_id) == ("merged", keep.pk)
    assert list(keep.sources.values_list("article_id", flat=True)) == [article.pk]


def test_blank_form_without_article(client, editor):
    client.force_login(editor)
    response = client.get(reverse("workflow:create"))
    assert (response.status_code, response.context["pane"]) == (200, None)


def test_retract_and_merge_pages_show_forms(client, editor, reviewer, make_incident):
    published = make_incident(editor, publish_by=reviewer)
    client.force_login(reviewer)
    assert 'name="note"' in client.get(reverse("workflow:retract", kwargs={"pk": published.pk})).content.decode()
    assert 'name="into"' in client.get(reverse("workflow:merge", kwargs={"pk": published.pk})).content.decode()


def test_editor_cannot_retract(client, editor, reviewer, make_incident):
    published = make_incident(editor, publish_by=reviewer)
    client.force_login(editor)
    assert client.post(reverse("workflow:retract", kwargs={"pk": published.pk}), {"version": 1, "note": "x"}).status_code == 403


def test_attach_article_to_existing_incident(client, editor, make_incident, article):
    incident = make_incident(editor)
    client.force_login(editor)
    response = client.post(
        reverse("workflow:attach") + f"?article={article.pk}",
        {"code": incident.code, "article": article.pk, "quote_start": 0, "quote_end": 5},
    )
    assert response.status_code == 302
    (source,) = incident.sources.all()
    assert (source.article_id, source.quote) == (article.pk, BODY[:5])


def test_place_text_links_known_place(client, editor, article):
    place = Entity.objects.create(name_ar="وادي زغيتون", type="LOC", latitude=35.3, longitude=44.1)
    client.force_login(editor)
    client.post(create_url(article), incident_post(article))
    incident = Incident.objects.get()
    assert (incident.place_id, incident.latitude, incident.longitude) == (place.pk, 35.3, 44.1)


def test_untouched_extra_rows_are_ignored(client, editor, article):
    client.force_login(editor)
    data = incident_post(article)
    data |= {
        "actors-TOTAL_FORMS": "3", "actors-2-entity": "", "actors-2-name": "", "actors-2-role": "", "actors-2-certainty": "certain",
        "casualties-TOTAL_FORMS": "2", "casualties-1-category": "", "casualties-1-victim_class": "unknown", "casualties-1-min_count": "",
    }  # fmt: skip
    assert client.post(create_url(article), data).status_code == 302
    incident = Incident.objects.get()
    assert (incident.actors.count(), incident.casualties.count()) == (2, 1)


def test_garbled_version_is_refused_with_a_message(client, editor, reviewer, make_incident):
    incident = services.incident_submit(incident=make_incident(editor), user=editor)
    client.force_login(reviewer)
    response = client.post(reverse("workflow:approve", kwargs={"pk": incident.pk}), {"action": "approve", "version": "abc"})
    assert response.status_code == 200
    incident.refresh_from_db()
    assert incident.status == Incident.Status.IN_REVIEW
