import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_renders_right_to_left(page):
    page.goto("/ar/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert page.get_attribute("html", "lang") == "ar"
    # The vendored Arabic webfont is what renders the text, not a system font.
    family = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert family.startswith('"IBM Plex Sans Arabic"')
    assert page.evaluate("document.fonts.check('16px \"IBM Plex Sans Arabic\"', 'مرصد')") is True
