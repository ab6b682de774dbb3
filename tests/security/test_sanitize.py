"""annotation.sanitize.clean_html: only structural markup survives."""

import pytest

from annotation.sanitize import clean_html


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>قتل <b>ثلاثة</b> مدنيين</p>", "<p>قتل <b>ثلاثة</b> مدنيين</p>"),
        ("<script>alert(1)</script>نص", "نص"),
        ('"><img src=x onerror=alert(1)>', '"&gt;'),
        ('<p onclick="steal()" style="color:red" class="x" id="y">نص</p>', "<p>نص</p>"),
        ('<a href="javascript:alert(1)">رابط</a>', '<a rel="noopener noreferrer nofollow">رابط</a>'),
        ('<a href="JaVaScRiPt:alert(1)">رابط</a>', '<a rel="noopener noreferrer nofollow">رابط</a>'),
        ('<a href="https://example.org/a?b=1">رابط</a>', '<a href="https://example.org/a?b=1" rel="noopener noreferrer nofollow">رابط</a>'),
        ("<style>body{display:none}</style><div>نص</div>", "<div>نص</div>"),
        ("<svg><script>alert(1)</script></svg><iframe src='//evil'></iframe>نص", "نص"),
        ("<form action='/x'><input name='a'><button>زر</button></form>", "زر"),
        ("<!-- تعليق --><p dir='rtl' lang='ar'>نص</p>", '<p dir="rtl" lang="ar">نص</p>'),
        ("<table><tr><td colspan=2 onmouseover=x()>1</td></tr></table>", '<table><tbody><tr><td colspan="2">1</td></tr></tbody></table>'),
        ("<object data='x.swf'></object><embed src='x'>نص", "نص"),
        ("<meta http-equiv='refresh' content='0;url=//evil'><base href='//evil/'>نص", "نص"),
        ("", ""),
        (None, ""),
    ],
)
def test_clean_html(dirty, clean):
    assert clean_html(dirty) == clean


def test_clean_html_is_idempotent():
    once = clean_html('<p>أ<a href="https://x.org">ب</a><script>x</script></p>')
    assert clean_html(once) == once


@pytest.mark.django_db
def test_intake_stores_only_sanitised_html(editor):
    from annotation.services.intake import article_ingest

    html = (
        "<html><head><script>steal()</script><style>p{}</style></head><body><article>"
        "<h1>انفجار في كركوك</h1>"
        '<p onclick="steal()">قتل ثلاثة مدنيين وأصيب خمسة آخرون بانفجار عبوة ناسفة في كركوك صباح اليوم، بحسب مصدر في الشرطة المحلية.</p>'
        '<p>وقال المصدر إن العبوة كانت مزروعة على جانب الطريق <img src="http://tracker.example/p.gif" onerror="steal()">'
        ' <a href="javascript:steal()">هنا</a> وإن قوة أمنية طوقت المكان.</p>'
        "</article></body></html>"
    )
    result = article_ingest(html=html, imported_by=editor, tag=False)
    (article,) = result.articles
    raw = article.raw_html
    assert raw, "the raw HTML is kept for reference"
    for forbidden in ("<script", "steal()", "<style", "onclick", "onerror", "<img", "javascript:", "tracker.example"):
        assert forbidden not in raw
    assert "قتل ثلاثة مدنيين" in raw
    assert "<" not in article.body  # the body is plain text
