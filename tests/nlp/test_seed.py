"""The seed page (../shared/seeds/seed-article.txt): key entities and both Kirkuk incidents."""

import datetime as dt
import os
from pathlib import Path

import pytest

from annotation.nlp import get_tagger

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / "seed-article.txt"


@pytest.fixture(scope="module")
def seed_text():
    if not SEED.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SEED} is required in CI")
        pytest.skip("seed article not present")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def second_article(seed_text):
    start = seed_text.index("أعلنت خلية الإعلام الأمني")
    return seed_text[start : seed_text.index("مقالات مشابهة")]


def test_first_article_entities(seed_text):
    got = {(s.label, s.text) for s in get_tagger().tag(seed_text[: seed_text.index("المصدر:")]).spans}
    assert {
        ("PER", "تحسين الخفاجي"),
        ("ORG", "قيادة العمليات المشتركة"),
        ("ORG", "البيشمركة"),
        ("LOC", "بغداد"),
        ("LOC", "أربيل"),
        ("ORG", "وزارة الدفاع العراقية"),
    } <= got


def test_second_article_entities(second_article):
    got = {(s.label, s.text) for s in get_tagger().tag(second_article).spans}
    assert {
        ("ORG", "خلية الإعلام الأمني"),
        ("LOC", "وادي زغيتون"),
        ("LOC", "كركوك"),
        ("WEAPON", "طائرات (F-16)"),
        ("DATE", "الجمعة 22 نوفمبر"),
        ("DATE", "مطلع أكتوبر"),
        ("ORG", "وزارة الداخلية العراقية"),
        ("NORP", "الأكراد"),
    } <= got


@pytest.mark.parametrize("published", [dt.date(2024, 11, 23), None])
def test_kirkuk_air_strike_and_background_ambush(second_article, published):
    incs = get_tagger().tag(second_article, published).incidents
    strike, ambush = incs[0], incs[1]
    assert (strike.sub_event_type, strike.event_type) == ("Air/drone strike", "Explosions/Remote violence")
    assert strike.killed == 2
    # without a publication date there is no reference year: the text stays, the date is left to the editor
    assert strike.date == (dt.date(2024, 11, 22) if published else None)
    assert strike.date_text == "الجمعة 22 نوفمبر"
    assert strike.country == "Iraq"
    assert strike.background is False
    assert (ambush.sub_event_type, ambush.event_type) == ("Armed clash", "Battles")
    assert (ambush.killed, ambush.injured) == (4, 3)
    assert ambush.date_text == "مطلع أكتوبر"
    assert ambush.date_precision == "month"
    assert ambush.date == (dt.date(2024, 10, 1) if published else None)
    assert ambush.background is True


def test_pasted_today_both_incidents_are_read_against_the_articles_own_year(second_article):
    # pasted two years later: the weekday dates the strike to 2024, and the ambush's month follows it
    strike, ambush = get_tagger().tag(second_article, dt.date(2026, 12, 3)).incidents[:2]
    assert (strike.date, strike.date_precision) == (dt.date(2024, 11, 22), "day")
    assert (ambush.date, ambush.date_end, ambush.date_precision) == (dt.date(2024, 10, 1), dt.date(2024, 10, 10), "month")


def test_fighters_range_is_not_a_casualty_figure(second_article):
    for inc in get_tagger().tag(second_article).incidents:
        assert all(c.min not in (1500, 3000) and c.max not in (1500, 3000) for c in inc.casualties)
        assert inc.killed not in (1500, 3000) and inc.injured not in (1500, 3000)


def test_kirkuk_air_strike_actors_are_the_air_force_and_isis(second_article):
    strike = get_tagger().tag(second_article).incidents[0]
    # the security media cell announced the strike; it is no party to it
    assert "القوات" in strike.actor1_text
    assert "داعش" in strike.actor2_text
    assert "الإعلام" not in strike.actor1_text and "الإعلام" not in (strike.actor2_text or "")
