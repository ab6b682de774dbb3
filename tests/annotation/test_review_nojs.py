"""The review screen without JavaScript: the crispy formset fallback, through the test client."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from annotation.models import Article, Mention

BODY = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس."


@pytest.fixture
def article(make_article):
    a = make_article(body=BODY)
    for text, label in (("مسلحون", "ORG"), ("بعقوبة", "LOC"), ("الخميس", "LOC")):
        start = BODY.index(text)
        Mention.objects.bulk_create(
            [Mention(article=a, start=start, end=start + len(text), article_length=len(BODY), text=text, label=label)]
        )
    return a


def formset_data(client, article):
    """The formset as the browser would post it back: every field of the rendered page."""
    response = client.get(reverse("annotation:review_formset", kwargs={"pk": article.pk}))
    assert response.status_code == 200
    formset = response.context["formset"]
    data = {"version": str(article.version)}
    for key, value in formset.management_form.initial.items():
        data[f"form-{key}"] = value
    for i, form in enumerate(formset.forms):
        for name in ("id", "status", "label", "start", "end"):
            value = form[name].value()
            data[f"form-{i}-{name}"] = "" if value is None else value
    return formset, data


def row(formset, text):
    return next(i for i, f in enumerate(formset.forms) if f.instance.pk and f.instance.text == text)


def test_formset_lists_every_mention_plus_an_empty_row(client, editor, article):
    client.force_login(editor)
    formset, _data = formset_data(client, article)
    assert [f.instance.text for f in formset.forms] == ["مسلحون", "بعقوبة", "الخميس", ""]


def test_accept_reject_relabel_and_add_in_one_post(client, editor, article):
    client.force_login(editor)
    formset, data = formset_data(client, article)
    data[f"form-{row(formset, 'مسلحون')}-status"] = "accepted"
    data[f"form-{row(formset, 'بعقوبة')}-status"] = "rejected"
    data[f"form-{row(formset, 'الخميس')}-label"] = "DATE"
    start = BODY.index("مدنيين")
    data |= {"form-3-status": "added", "form-3-label": "NORP", "form-3-start": start, "form-3-end": start + 6}
    response = client.post(reverse("annotation:review_formset", kwargs={"pk": article.pk}), data)
    assert response.status_code == 302, (response.context["formset"].errors, [str(m) for m in response.context["messages"]])
    got = {m.text: (m.status, m.label, m.decided_by_id) for m in Mention.objects.filter(article=article)}
    assert got == {
        "مسلحون": ("accepted", "ORG", editor.pk),
        "بعقوبة": ("rejected", "LOC", editor.pk),
        "الخميس": ("corrected", "DATE", editor.pk),
        "مدنيين": ("added", "NORP", editor.pk),
    }


def test_boundary_change_is_snapped_to_words(client, editor, article):
    client.force_login(editor)
    formset, data = formset_data(client, article)
    i = row(formset, "الخميس")
    data[f"form-{i}-start"] = BODY.index("يوم") + 1
    client.post(reverse("annotation:review_formset", kwargs={"pk": article.pk}), data)
    m = Mention.objects.get(article=article, label="LOC", start=BODY.index("يوم"))
    assert (m.text, m.status) == ("يوم الخميس", "corrected")


def test_stale_version_keeps_the_input_and_changes_nothing(client, editor, editor2, article):
    client.force_login(editor)
    formset, data = formset_data(client, article)
    Article.objects.filter(pk=article.pk).update(version=5)  # editor2 saved meanwhile
    data[f"form-{row(formset, 'مسلحون')}-status"] = "rejected"
    response = client.post(reverse("annotation:review_formset", kwargs={"pk": article.pk}), data)
    assert response.status_code == 200
    html = response.content.decode()
    (message,) = [str(m) for m in response.context["messages"]]
    assert "(" in message and "5" in message and escape(message) in html
    assert response.context["formset"].forms[row(formset, "مسلحون")]["status"].value() == "rejected"
    assert Mention.objects.filter(status="suggested").count() == 3


def test_forged_offsets_in_a_new_row_are_refused_and_nothing_is_saved(client, editor, article):
    client.force_login(editor)
    formset, data = formset_data(client, article)
    data[f"form-{row(formset, 'مسلحون')}-status"] = "accepted"
    data |= {"form-3-status": "added", "form-3-label": "PER", "form-3-start": 40, "form-3-end": 900}
    response = client.post(reverse("annotation:review_formset", kwargs={"pk": article.pk}), data)
    assert response.status_code == 200
    assert Mention.objects.filter(status="suggested").count() == 3
    assert Mention.objects.count() == 3
