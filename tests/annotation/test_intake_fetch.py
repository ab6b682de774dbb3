import pytest
from django.core.exceptions import ValidationError

from annotation.intake.fetch import FetchError, fetch_url
from annotation.models import Article
from annotation.services.intake import article_ingest
from tests.annotation._intake_server import closed_port_url

PAGE = """<html><head><title>اشتباكات في الموصل</title><meta property="article:published_time" content="2025-02-01"></head>
<body><nav>الرئيسية | سياسة | أمن</nav><article><h1>اشتباكات في الموصل</h1>
<p>اندلعت اشتباكات عنيفة بين قوات الأمن ومسلحين مجهولين في الجانب الأيمن من مدينة الموصل مساء أمس واستمرت حتى الفجر.</p>
<p>وقالت مصادر طبية إن المستشفى الجمهوري استقبل عدداً من الجرحى بينهم مدنيون أصيبوا بشظايا القذائف.</p>
</article><footer>جميع الحقوق محفوظة 2025</footer></body></html>"""


def test_fetches_a_page(server):
    url = server.add("/news/1", PAGE)
    fetched = fetch_url(url, timeout=5)
    assert fetched.url == url
    assert fetched.content_type == "text/html"
    assert "اشتباكات عنيفة" in fetched.text()


def test_windows_1256_page_without_charset(server):
    url = server.add("/legacy", PAGE.encode("cp1256"), content_type="text/html")
    assert "اشتباكات عنيفة" in fetch_url(url, timeout=5).text()


def test_http_error(server):
    with pytest.raises(FetchError, match="HTTP error 404"):
        fetch_url(server.url("/missing"), timeout=5)


def test_offline_is_a_clear_error():
    with pytest.raises(FetchError, match=r"could not be reached .* paste the text instead"):
        fetch_url(closed_port_url(), timeout=2)


def test_timeout(server):
    url = server.add("/slow", PAGE, delay=1.5)
    with pytest.raises(FetchError, match=r"did not answer within 0\.3 seconds"):
        fetch_url(url, timeout=0.3)


def test_size_cap(server):
    url = server.add("/big", "x" * 5000)
    with pytest.raises(FetchError, match="larger than"):
        fetch_url(url, timeout=5, max_bytes=1000)


@pytest.mark.parametrize("url", ["ftp://example.org/a", "file:///etc/passwd", "javascript:alert(1)", "example.org"])
def test_only_http_urls(url):
    with pytest.raises(FetchError, match="Only http:// and https://"):
        fetch_url(url)


def test_ingest_by_url_saves_the_main_text_and_metadata(server, editor):
    url = server.add("/news/1", PAGE)
    article = article_ingest(url=url, imported_by=editor).articles[0]
    assert article.url == url
    assert article.title == "اشتباكات في الموصل"
    assert str(article.published_at) == "2025-02-01"
    assert article.body.startswith("اندلعت اشتباكات عنيفة")
    assert "الرئيسية" not in article.body
    assert "<article>" in article.raw_html


def test_ingest_by_url_offline_is_a_validation_error(editor, settings):
    settings.MARSAD_FETCH_TIMEOUT = 2
    with pytest.raises(ValidationError) as err:
        article_ingest(url=closed_port_url(), imported_by=editor)
    assert err.value.code == "fetch_failed"
    assert Article.objects.count() == 0
