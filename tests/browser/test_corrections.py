"""A correction of a published incident in a real browser: an editor proposes it, a second reviewer publishes it."""

import os

import pytest
from playwright.sync_api import expect

from incidents import roles
from incidents.models import Incident
from tests import factories
from tests.browser.test_editor_workflow import _login, _user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NEW_TITLE = "قصف مدفعي على أطراف قرية الريحانة"


def _shot(page, name):
    folder = os.environ.get("SCREENSHOTS")  # set to look at the pages; the test never needs them
    if folder:
        page.screenshot(path=f"{folder}/{name}.png", full_page=True)


def test_an_editor_proposes_and_a_second_reviewer_publishes(page):
    author = _user("corr-author", roles.EDITOR)
    proposer = _user("corr-editor", roles.EDITOR)
    reviewer = _user("corr-reviewer", roles.REVIEWER)
    second = _user("corr-reviewer2", roles.REVIEWER)
    published = factories.incident(author, publish_by=reviewer)

    _login(page, proposer)
    page.goto(f"/ar/desk/incidents/{published.pk}/correct/")
    page.fill("[name=incident-title_ar]", NEW_TITLE)
    page.fill("[name=incident-correction_note]", "صححنا العنوان")
    page.click("#propose-correction")
    page.wait_for_load_state()
    expect(page.locator(".alert-success")).to_contain_text("ينتظر مراجِعًا ثانيًا")
    assert Incident.objects.get(pk=published.pk).title_ar == published.title_ar
    page.goto(f"/ar/incidents/{published.code}/")
    expect(page.locator("body")).not_to_contain_text(NEW_TITLE)

    page.context.clear_cookies()
    _login(page, second)
    page.goto(f"/ar/desk/incidents/{published.pk}/approve/")
    expect(page.locator("#pending-correction")).to_be_visible()
    expect(page.locator("table")).to_contain_text(NEW_TITLE)
    _shot(page, "desk-correction-approve")
    page.click("#approve-correction")
    page.wait_for_load_state()
    expect(page.locator(".alert-success")).to_contain_text("نُشر التصحيح")
    page.goto(f"/ar/incidents/{published.code}/")
    expect(page.locator("h1")).to_contain_text(NEW_TITLE)
    expect(page.locator("body")).to_contain_text("صححنا العنوان")
    _shot(page, "public-corrected")
