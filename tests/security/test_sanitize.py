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
