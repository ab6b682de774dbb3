"""The editors' loop in Chromium: paste the seed page, review by keyboard, draft the Kirkuk air strike,
submit it, approve it as another user, read it on the public page."""

import time

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from incidents import roles
from tests.conftest import shared_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _user(username, role):
    """A user in a role group; the groups are rebuilt when an earlier transactional test flushed them."""
    group, created = Group.objects.get_or_create(name=role)
    if created or not group.permissions.exists():
        for app_label, codename in roles.ROLE_PERMISSIONS[role]:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    user = get_user_model().objects.create_user(username=username, password=f"pw-{username}-1234")
    user.groups.add(group)
    return user


def _login(page, user):
    page.goto("/ar/accounts/login/")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", f"pw-{user.username}-1234")
    page.click("button[type=submit]")
    page.wait_for_load_state()


def _current(page):
    return int(page.get_attribute("#review-workspace", "data-current"))


def _press(page, key):
    """Press a review key and wait until the server's fresh workspace has replaced the old one."""
    page.evaluate("document.getElementById('review-workspace').dataset.stale = '1'")
    page.keyboard.press(key)
    page.wait_for_function("() => !document.getElementById('review-workspace').dataset.stale", timeout=10_000)


def _select_word(page, word):
    """Select the first occurrence of ``word`` in the article text, as a mouse drag would."""
    found = page.evaluate(
        """word => {
            const root = document.getElementById('article-text');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const i = node.nodeValue.indexOf(word);
                if (i >= 0) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + word.length);
                    const sel = window.getSelection();
                    sel.removeAllRanges();
                    sel.addRange(range);
                    return true;
                }
            }
            return false;
        }""",
        word,
    )
    assert found, word


def test_seed_page_to_published_incident(page, browser, live_server):
    mention_model = apps.get_model("annotation", "Mention")
    article_model = apps.get_model("annotation", "Article")
    incident_model = apps.get_model("incidents", "Incident")
    seed = shared_path("seeds", "seed-article.txt").read_text(encoding="utf-8")
    editor = _user("flow-editor", roles.EDITOR)
    reviewer = _user("flow-reviewer", roles.REVIEWER)

    # Paste the seed page: chrome stripped, split into two articles.
    _login(page, editor)
    page.goto("/ar/desk/intake/")
    page.fill("textarea[name=text]", seed)
    page.click("#intake-form button[type=submit]")
    page.wait_for_load_state()
    links = page.locator(".intake-created a")
    expect(links).to_have_count(2)
    assert article_model.objects.count() == 2
    kirkuk = next(a for a in article_model.objects.all() if "وادي زغيتون" in a.body)
    assert "آخر تحديث" not in kirkuk.body and "مقالات مشابهة" not in kirkuk.body

    # Review the Kirkuk article by keyboard.
    page.goto(f"/ar/desk/articles/{kirkuk.pk}/review/")
    started = time.perf_counter()
    assert mention_model.objects.filter(article=kirkuk, status="suggested").count() >= 4

    first = _current(page)
    _press(page, "a")
    assert mention_model.objects.get(pk=first).status == "accepted"

    second = _current(page)
    assert second != first
    _press(page, "r")
    assert mention_model.objects.get(pk=second).status == "rejected"

    _press(page, "u")  # undo the rejection
    assert mention_model.objects.get(pk=second).status == "suggested"

    third = _current(page)
    old_label = mention_model.objects.get(pk=third).label
    new_key, new_label = ("1", "PER") if old_label != "PER" else ("2", "ORG")
    _press(page, new_key)
    relabelled = mention_model.objects.get(pk=third)
    assert (relabelled.label, relabelled.status, relabelled.original["label"]) == (new_label, "corrected", old_label)

    _press(page, "j")
    fourth = _current(page)
    before = mention_model.objects.get(pk=fourth)
    _press(page, "}")
    after = mention_model.objects.get(pk=fourth)
    assert after.end > before.end and after.start == before.start
    assert kirkuk.body[after.start : after.end] == after.text
    _press(page, "]")
    assert mention_model.objects.get(pk=fourth).end == before.end

    _select_word(page, "الإرهابيين")
    page.keyboard.press("5")  # with a selection, a digit picks the new span's label
    _press(page, "n")
    added = mention_model.objects.get(article=kirkuk, origin="editor")
    assert (added.text, added.label, added.status, added.decided_by_id) == ("الإرهابيين", "NORP", "added", editor.pk)
    review_seconds = time.perf_counter() - started
    print(f"keyboard review of the Kirkuk article: {review_seconds:.1f} s for 7 actions")

    # Draft the Kirkuk air strike from the article and submit it.
    page.keyboard.press("i")
    page.wait_for_url("**/desk/incidents/new/?article=*")
    # Clicking an accepted span in the article pane fills the field that had the focus.
    page.click("#id_incident-date_text")
    mark = page.locator("#source-text mark").first
    mark.click()
    assert page.input_value("#id_incident-date_text") == mark.inner_text()
    page.fill("#id_incident-date_text", "الجمعة 22 نوفمبر")
    page.fill("#id_incident-title_ar", "ضربة جوية تقتل عنصرين من داعش في وادي زغيتون بكركوك")
    page.select_option("#id_incident-event_type", "Explosions/Remote violence")
    page.select_option("#id_incident-sub_event_type", "Air/drone strike")
    if not page.input_value("#id_incident-date_start"):
        page.fill("#id_incident-date_start", "2024-11-22")
    page.select_option("#id_incident-country", "IRQ")
    page.fill("#id_incident-fatalities", "2")
    page.click("#submit-for-review")
    page.wait_for_load_state()
    errors = page.locator(".invalid-feedback, .alert-danger, .text-danger").all_inner_texts()
    assert "/desk/incidents/new/" not in page.url, errors
    page.wait_for_url(f"**/desk/articles/{kirkuk.pk}/review/")
    incident = incident_model.objects.get()
    assert (incident.status, incident.created_by_id, incident.sub_event_type, incident.fatalities) == (
        "in_review",
        editor.pk,
        "Air/drone strike",
        2,
    )
    assert list(incident.sources.values_list("article_id", flat=True)) == [kirkuk.pk]

    # A reviewer, in another browser context, approves it from the queue.
    context = browser.new_context(locale="ar", viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    try:
        second_page = context.new_page()
        second_page.set_default_timeout(10_000)
        _login(second_page, reviewer)
        second_page.goto("/ar/desk/incidents/")
        second_page.locator("#review-queue a", has_text="").first.click()
        second_page.click("#approve")
        second_page.wait_for_url("**/desk/incidents/")
        incident.refresh_from_db()
        assert (incident.status, incident.approved_by_id) == ("published", reviewer.pk)

        # Anyone can read it on the public page.
        second_page.goto(f"/ar/incidents/{incident.code}/")
        expect(second_page.locator("h1")).to_contain_text("ضربة جوية تقتل عنصرين")
    finally:
        context.close()
