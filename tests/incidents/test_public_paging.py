"""The list's pages past its capped count: keyset (seek) links after the last numbered page, by
position, in the list's order, with its filters; every public incident stays reachable."""

import re

import pytest

from incidents import keyset, selectors

pytestmark = pytest.mark.django_db


def codes(response):
    assert response.status_code == 200
    return [row.code for row in response.context["page"].object_list]


def seek_link(response, kind):
    """The query string of the page's seek link ("next" or "previous"), or None."""
    found = re.search(rf'class="page-link seek-{kind}" href="\?([^"]*)"', response.content.decode())
    return found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def cap3(monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 3)


def test_the_last_numbered_page_of_a_capped_count_links_on_by_position(client, world, cap3):
    # Newest first: attack, clash, strike, retracted, bomb; three are counted, two a page.
    last = client.get("/en/?page_size=2&page=2")
    assert codes(last) == [world["strike"].code, world["retracted"].code]
    assert last.context["page"].paginator.num_pages == 2
    assert seek_link(last, "previous") is None  # the numbered link to page 1 instead
    assert 'href="?page_size=2&amp;page=1">Previous</a>' in last.content.decode()
    assert "Page 2 of 2" in last.content.decode()
    beyond = client.get(f"/en/?{seek_link(last, 'next')}")
    assert codes(beyond) == [world["bomb"].code]
    html = beyond.content.decode()
    assert "Page " not in html  # a page read by position has no number
    assert "More than 3 incidents" in html  # the capped count is still shown, as a bound
    assert seek_link(beyond, "next") is None  # nothing after the oldest
    back = client.get(f"/en/?{seek_link(beyond, 'previous')}")
    assert codes(back) == [world["strike"].code, world["retracted"].code]
    assert codes(client.get(f"/en/?{seek_link(back, 'next')}")) == [world["bomb"].code]
    # Fewer than a page before it: the first page, numbered.
    first = client.get(f"/en/?{seek_link(back, 'previous')}")
    assert codes(first) == [world["attack"].code, world["clash"].code]
    assert first.context["page"].number == 1
    assert "Page 1 of 2" in first.content.decode()


def test_seek_links_keep_the_filters_and_the_order(client, world, cap3):
    # Most killed first: strike 8, attack 3, retracted 2, bomb 1, clash 0.
    last = client.get("/en/?sort=-fatalities&page_size=2&page=2")
    assert codes(last) == [world["retracted"].code, world["bomb"].code]
    link = seek_link(last, "next")
    assert link.startswith("sort=-fatalities&page_size=2&after=")
    assert codes(client.get(f"/en/?{link}")) == [world["clash"].code]
    # Iraq only, one a page, one counted: attack is page 1 of 1, then clash, retracted, bomb by position.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(selectors, "COUNT_CAP", 1)
        seen = []
        response = client.get("/ar/?country=IRQ&page_size=1")
        while True:
            seen += codes(response)
            link = seek_link(response, "next")
            if link is None:
                break
            assert link.startswith("country=IRQ&page_size=1&after=")
            response = client.get(f"/ar/?{link}")
    assert seen == [world[k].code for k in ("attack", "clash", "retracted", "bomb")]


def test_no_seek_link_while_the_count_is_exact(client, world):
    response = client.get("/en/?page_size=2&page=3")
    assert codes(response) == [world["bomb"].code]
    assert seek_link(response, "next") is None and seek_link(response, "previous") is None
    assert "capped-notice" not in response.content.decode()


def test_a_position_for_another_order_or_made_up_reads_the_first_page(client, world):
    dated = keyset.encode(["-date_start", "-id"], [world["strike"].date_start, world["strike"].pk])
    assert codes(client.get(f"/en/?after={dated}")) == [world[k].code for k in ("retracted", "bomb")]
    everything = [world[k].code for k in ("attack", "clash", "strike", "retracted", "bomb")]
    assert codes(client.get(f"/en/?sort=date&after={dated}")) == everything[::-1]
    assert codes(client.get("/en/?after=bm90IGEgY3Vyc29y")) == everything  # base64 of "not a cursor"
    assert codes(client.get("/en/?before=%00%FF")) == everything


def test_the_capped_notice_says_the_pages_go_on(client, world, cap3):
    html = client.get("/en/?page_size=2").content.decode()
    assert "Only the first results are counted and numbered; “Next” goes on past them." in html
    arabic = client.get("/ar/?page_size=2").content.decode()
    assert "تُعدّ النتائج الأولى وتُرقَّم صفحاتها فقط، ويتابع «التالي» بعدها." in arabic


def test_a_page_by_position_costs_the_queries_of_a_numbered_one(client, world, cap3, django_assert_num_queries):
    cursor = keyset.encode(["-date_start", "-id"], [world["attack"].date_start, world["attack"].pk])
    # count, governorates, the page, its actors
    with django_assert_num_queries(4):
        client.get(f"/ar/?page_size=2&after={cursor}")
    with django_assert_num_queries(4):
        client.get(f"/ar/?page_size=2&before={keyset.encode(['-date_start', '-id'], [world['bomb'].date_start, world['bomb'].pk])}")


def test_exports_and_the_filter_form_drop_the_position(client, world, cap3):
    cursor = keyset.encode(["-date_start", "-id"], [world["clash"].date_start, world["clash"].pk])
    html = client.get(f"/en/?country=IRQ&after={cursor}").content.decode()
    assert 'href="/export/incidents.csv?country=IRQ"' in html
    assert 'name="after"' not in html and "incidents.csv?country=IRQ&amp;after" not in html
    # The language switch is the same page in the other language: it keeps the position.
    assert f'href="/ar/?country=IRQ&amp;after={cursor}"' in html


def test_actor_pages_go_on_by_position_too(client, world, monkeypatch):
    monkeypatch.setattr(selectors, "COUNT_CAP", 0)  # one row counted: the numbered page shows it
    actor = world["actors"]["isis"].pk
    response = client.get(f"/en/actors/{actor}/?page_size=5")
    assert codes(response) == [world["clash"].code]
    link = seek_link(response, "next")
    assert link.startswith("page_size=5&after=")
    assert codes(client.get(f"/en/actors/{actor}/?{link}")) == [world["bomb"].code]
