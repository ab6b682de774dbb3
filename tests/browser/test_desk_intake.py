"""The desk in Arabic, in Chromium: the outlet and date found on the seed page, feedback on every action
(relabel by digit key with undo, finish review, retrain) and the offer to add an article to the same event."""

import datetime

import pytest
from django.apps import apps
from playwright.sync_api import expect

from incidents import roles
from tests.browser.test_editor_workflow import _current, _login, _press, _user
from tests.conftest import shared_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _paste_seed(page):
    page.goto("/ar/desk/intake/")
    page.fill("textarea[name=text]", shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8"))
    page.click("#intake-form button[type=submit]")
    page.wait_for_load_state()


def test_seed_page_outlet_and_date_are_detected(page):
    article_model = apps.get_model("annotation", "Article")
    _login(page, _user("where-editor", roles.EDITOR))
    _paste_seed(page)
    created = page.locator(".intake-created li")
    expect(created).to_have_count(2)
    # Both articles of the page are filed under the outlet its "المصدر:" line and dateline name.
    expect(created.locator(".intake-outlet")).to_have_text(["شبكة اخبار العراق", "شبكة اخبار العراق"])
    expect(created.nth(0).locator(".intake-date")).to_have_attribute("datetime", "2024-02-08")
    first = article_model.objects.get(published_at=datetime.date(2024, 2, 8))
    assert first.source.name == "شبكة اخبار العراق"
    assert not first.body.startswith("بغداد/")  # the dateline is read, then removed from the text
    page.goto(f"/ar/desk/articles/{first.pk}/review/")
    expect(page.locator("main")).to_contain_text("شبكة اخبار العراق")
    expect(page.locator("main")).to_contain_text("8 فبراير 2024")


def test_relabel_undo_finish_and_retrain_give_feedback_at_once(page):
    article_model = apps.get_model("annotation", "Article")
    mention_model = apps.get_model("annotation", "Mention")
    _login(page, _user("feedback-editor", roles.EDITOR))
    _paste_seed(page)
    kirkuk = next(a for a in article_model.objects.all() if "وادي زغيتون" in a.body)
    page.goto(f"/ar/desk/articles/{kirkuk.pk}/review/")
    alert = page.locator("#review-alert")

    # A digit key relabels the focused suggestion: said in Arabic, with an Undo button.
    focused = mention_model.objects.get(pk=_current(page))
    new_label = "WEAPON" if focused.label != "WEAPON" else "FAC"
    _press(page, "7" if new_label == "WEAPON" else "4")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text(f"صار وسم «{focused.text}»")
    assert mention_model.objects.get(pk=focused.pk).label == new_label
    page.locator("#review-alert .review-undo").click()
    expect(alert).to_contain_text("تم التراجع")
    assert mention_model.objects.get(pk=focused.pk).label == focused.label

    # Retrain: the message appears in place, no reload.
    url = page.url
    page.click("text=إعادة تدريب النموذج")
    expect(alert).to_contain_text("بدأ التدريب")
    assert page.url == url

    # Finish review: the message appears at once, in place, with a way back to the desk.
    page.click("#finish-review")
    expect(alert).to_contain_text("انتهت المراجعة")
    assert page.url == url
    kirkuk.refresh_from_db()
    assert kirkuk.status == "done"
    page.locator("#review-alert a", has_text="العودة إلى المكتب").click()
    page.wait_for_url("**/desk/")


def test_drafting_offers_the_incident_already_recorded_for_the_event(page):
    article_model = apps.get_model("annotation", "Article")
    entity_model = apps.get_model("annotation", "Entity")
    source_model = apps.get_model("incidents", "IncidentSource")
    from tests.factories import incident as make_incident

    editor = _user("dup-editor", roles.EDITOR)
    reviewer = _user("dup-reviewer", roles.REVIEWER)
    wadi = entity_model.objects.create(
        name_ar="وادي زغيتون", type="LOC", latitude=35.3, longitude=44.1, country_iso3="IRQ", geo_kind="town"
    )
    recorded = make_incident(
        editor,
        publish_by=reviewer,
        title_ar="ضربة جوية على مخبأ في وادي زغيتون",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=datetime.date(2024, 11, 21),  # another outlet dated it a day earlier: within ±1
        date_end=datetime.date(2024, 11, 21),
        place=wadi,
        latitude=35.32,
        longitude=44.12,
        admin1="Kirkuk",
        place_text="وادي زغيتون",
    )
    _login(page, editor)
    _paste_seed(page)
    kirkuk = next(a for a in article_model.objects.all() if "وادي زغيتون" in a.body)
    page.goto(f"/ar/desk/incidents/new/?article={kirkuk.pk}")
    offer = page.locator("#same-event-offer")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("قد تروي هذه المقالة حدثًا مسجَّلًا من قبل")
    offer.get_by_role("button", name=f"أضف هذه المقالة مصدرًا للحادثة {recorded.code}").click()
    page.wait_for_url(f"**/desk/articles/{kirkuk.pk}/review/")
    # the incident is published: the new source waits for a second reviewer before the public sees it
    pending_model = apps.get_model("incidents", "PendingSource")
    assert pending_model.objects.filter(incident=recorded, article=kirkuk, status="pending", proposed_by=editor).count() == 1
    assert not source_model.objects.filter(incident=recorded, article=kirkuk).exists()
