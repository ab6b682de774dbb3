"""The desk home: articles waiting, my drafts, sent back to me, the reviewer's queue count."""

from django.urls import reverse

from annotation.models import Mention
from incidents import services


def test_desk_lists_waiting_articles_with_open_counts(client, editor, make_article):
    waiting = make_article(title="مقال ينتظر")
    make_article(title="مقال منجز", status="done", body="نص آخر")
    Mention.objects.bulk_create(
        [Mention(article=waiting, start=0, end=3, article_length=len(waiting.body), text=waiting.body[0:3], label="PER")]
    )
    client.force_login(editor)
    response = client.get(reverse("workflow:dashboard"))
    assert [(a.title, a.open_count) for a in response.context["articles"]] == [("مقال ينتظر", 1)]
    assert response.context["queue_count"] is None
    assert reverse("annotation:review", kwargs={"pk": waiting.pk}) in response.content.decode()


def test_desk_shows_my_drafts_and_reviewer_queue_count(client, editor, reviewer, make_incident):
    draft = make_incident(editor, title_ar="مسودتي")
    services.incident_submit(incident=make_incident(editor, title_ar="مرسلة"), user=editor)
    client.force_login(editor)
    response = client.get(reverse("workflow:dashboard"))
    assert [i.pk for i in response.context["drafts"]] == [draft.pk]
    assert [i.title_ar for i in response.context["waiting"]] == ["مرسلة"]
    client.force_login(reviewer)
    response = client.get(reverse("workflow:dashboard"))
    assert response.context["queue_count"] == 1
    assert 'id="queue-link"' in response.content.decode()


def test_desk_query_count_does_not_grow_with_articles(client, editor, make_article, django_assert_max_num_queries):
    client.force_login(editor)
    make_article(body="نص 1")
    client.get(reverse("workflow:dashboard"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("workflow:dashboard"))
    for i in range(2, 30):
        make_article(body=f"نص {i}")
    with django_assert_max_num_queries(12) as many:
        client.get(reverse("workflow:dashboard"))
    assert len(many.captured_queries) == len(few.captured_queries)


def test_reviewer_queue_query_count_is_constant(client, editor, reviewer, make_incident, django_assert_max_num_queries):
    client.force_login(reviewer)
    services.incident_submit(incident=make_incident(editor), user=editor)
    client.get(reverse("workflow:queue"))
    with django_assert_max_num_queries(10) as one:
        client.get(reverse("workflow:queue"))
    for _ in range(10):
        services.incident_submit(incident=make_incident(editor), user=editor)
    with django_assert_max_num_queries(10) as eleven:
        response = client.get(reverse("workflow:queue"))
    assert len(response.context["incidents"]) == 11
    assert len(eleven.captured_queries) == len(one.captured_queries)


def test_my_incidents_in_four_states_with_counts(client, editor, editor2, reviewer, make_incident):
    draft = make_incident(editor, title_ar="مسودتي")
    sent = services.incident_submit(incident=make_incident(editor, title_ar="أعيدت إلي"), user=editor)
    services.incident_send_back(incident=sent, user=reviewer, comment="أضف المصدر")
    waiting = services.incident_submit(incident=make_incident(editor, title_ar="تنتظر المراجع"), user=editor)
    published = make_incident(editor, title_ar="منشورة", publish_by=reviewer)
    make_incident(editor2, title_ar="ليست لي")
    client.force_login(editor)
    url = reverse("workflow:mine")
    response = client.get(url)
    assert response.context["counts"] == {"drafts": 1, "sent_back": 1, "in_review": 1, "published": 1}
    assert [i.pk for i in response.context["incidents"]] == [draft.pk]
    for state, expected in (("sent_back", sent), ("in_review", waiting), ("published", published)):
        assert [i.pk for i in client.get(url, {"state": state}).context["incidents"]] == [expected.pk]
    assert "أضف المصدر" in client.get(url, {"state": "sent_back"}).content.decode()
    assert client.get(url, {"state": "nonsense"}).context["state"] == "drafts"
    desk = client.get(reverse("workflow:dashboard"))
    assert desk.context["mine_counts"] == {"drafts": 1, "sent_back": 1, "in_review": 1, "published": 1}


def test_counts_agree_in_arabic(client, editor, reviewer, make_incident):
    for i in range(3):
        services.incident_submit(incident=make_incident(editor, title_ar=f"حادثة {i}"), user=editor)
    client.force_login(reviewer)
    assert "3 حوادث تنتظر المراجعة" in client.get("/ar/desk/incidents/").content.decode()
    services.incident_submit(incident=make_incident(editor, title_ar="حادثة أخرى"), user=editor)
    for _ in range(7):
        services.incident_submit(incident=make_incident(editor), user=editor)
    assert "11 حادثة تنتظر المراجعة" in client.get("/ar/desk/incidents/").content.decode()
