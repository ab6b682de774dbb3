import datetime

import pytest
from django.core.exceptions import ValidationError

from annotation.intake.feeds import FeedError, parse_feed
from annotation.models import Article, Source
from annotation.services.intake import feed_poll
from tests.annotation._intake_server import closed_port_url

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>وكالة الاختبار</title><link>https://n.test/</link>
<item><title>انفجار في بعقوبة</title><link>https://n.test/1</link><pubDate>Fri, 14 Mar 2025 08:00:00 GMT</pubDate>
<description>&lt;p&gt;انفجرت عبوة ناسفة في سوق شعبي وسط مدينة بعقوبة صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين.&lt;/p&gt;</description></item>
<item><title>اشتباكات في الموصل</title><link>https://n.test/2</link><pubDate>Sat, 15 Mar 2025 08:00:00 GMT</pubDate>
<description>اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين مجهولين في الجانب الأيمن من مدينة الموصل مساء أمس.</description></item>
<item><title>بلا رابط</title><description>نص</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:x</id><updated>2025-03-14T00:00:00Z</updated>
<entry><title>هجوم في كركوك</title><link href="https://n.test/3"/><id>urn:3</id><updated>2025-03-16T10:00:00Z</updated>
<content type="html">&lt;p&gt;هاجم مسلحون نقطة تفتيش للجيش في قضاء الحويجة جنوب غرب كركوك فجر اليوم.&lt;/p&gt;</content></entry></feed>"""


def test_parse_rss():
    entries = parse_feed(RSS.encode())
    assert [(e.url, e.title, e.published) for e in entries] == [
        ("https://n.test/1", "انفجار في بعقوبة", datetime.date(2025, 3, 14)),
        ("https://n.test/2", "اشتباكات في الموصل", datetime.date(2025, 3, 15)),
    ]


def test_parse_atom():
    [entry] = parse_feed(ATOM.encode())
    assert (entry.url, entry.published) == ("https://n.test/3", datetime.date(2025, 3, 16))
    assert "الحويجة" in entry.html


def test_not_a_feed():
    with pytest.raises(FeedError):
        parse_feed(b"\x00\x01 not xml <<<")


def test_poll_creates_articles_once(server, editor):
    source = Source.objects.create(name="وكالة الاختبار", feed_url=server.add("/rss", RSS, "application/rss+xml"))
    batch = feed_poll(source=source, user=editor)
    assert batch.kind == "feed"
    assert [e["status"] for e in batch.report] == ["imported", "imported"]
    articles = Article.objects.order_by("url")
    assert [(a.url, a.title, a.source_id) for a in articles] == [
        ("https://n.test/1", "انفجار في بعقوبة", source.pk),
        ("https://n.test/2", "اشتباكات في الموصل", source.pk),
    ]
    assert articles[0].body == "انفجرت عبوة ناسفة في سوق شعبي وسط مدينة بعقوبة صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين وإصابة خمسة آخرين."
    again = feed_poll(source=source, user=editor)
    assert (again.total, again.report) == (0, [])
    assert Article.objects.count() == 2


def test_poll_offline_is_a_clear_error(editor, settings):
    settings.MARSAD_FETCH_TIMEOUT = 2
    source = Source.objects.create(name="بعيد", feed_url=closed_port_url())
    with pytest.raises(ValidationError, match="could not be reached"):
        feed_poll(source=source, user=editor)


def test_source_without_feed(editor):
    with pytest.raises(ValidationError, match="no feed"):
        feed_poll(source=Source.objects.create(name="بلا تغذية"), user=editor)
