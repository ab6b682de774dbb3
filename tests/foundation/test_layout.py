"""The header and footer (config.templatetags.layout): rendered once per language for anonymous
readers, with the language switch of each page; an editor's header is their own."""

import pytest

from config.templatetags import layout

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_layout():
    layout._rendered.clear()
    yield
    layout._rendered.clear()


def header_of(html):
    return html[html.index("<header") : html.index("</header>")]


def test_each_page_links_to_itself_in_the_other_language(client):
    client.get("/ar/about/")
    assert 'href="/en/stats/?country=IRQ&amp;q=%D9%82" hreflang="en"' in client.get("/ar/stats/?country=IRQ&q=%D9%82").content.decode()
    assert 'href="/ar/about/" hreflang="ar"' in client.get("/en/about/").content.decode()
    assert 'href="/en/map/" hreflang="en"' in client.get("/ar/map/").content.decode()


def test_the_header_and_footer_are_rendered_once_per_language(client):
    about = client.get("/ar/about/").content.decode()
    stats = client.get("/ar/stats/").content.decode()
    client.get("/en/about/")
    assert sorted(key[:2] for key in layout._rendered) == [
        ("includes/footer.html", "ar"),
        ("includes/footer.html", "en"),
        ("includes/header.html", "ar"),
        ("includes/header.html", "en"),
    ]
    assert header_of(stats) == header_of(about).replace('href="/en/about/"', 'href="/en/stats/"')


def test_an_editor_gets_the_desk_links_and_a_log_out_form_after_anonymous_readers(client, editor):
    anonymous = client.get("/ar/about/").content.decode()
    assert "csrfmiddlewaretoken" not in anonymous
    client.force_login(editor)
    html = client.get("/ar/about/").content.decode()
    assert "csrfmiddlewaretoken" in header_of(html)
    assert 'class="navbar-nav nav-desk"' in html
    client.logout()
    assert header_of(client.get("/ar/about/").content.decode()) == header_of(anonymous)
