"""Fetching an article URL or a feed never reaches the server's own network (SSRF)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import translation

from annotation.intake import fetch
from annotation.intake.fetch import FetchError, fetch_url
from annotation.models import Article


@pytest.fixture(autouse=True)
def production_fetch(settings):
    settings.MARSAD_FETCH_ALLOW_PRIVATE = False  # the test settings allow it for the intake tests' local server
    with translation.override("en"):  # messages checked in English (Arabic is the default language)
        yield


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:6379/",  # Redis
        "http://localhost:5432/",  # PostgreSQL
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata
        "http://10.1.2.3/admin",
        "http://192.168.1.1/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
        "http://2130706433/",  # 127.0.0.1 as a number
    ],
)
def test_internal_addresses_are_refused(url):
    with pytest.raises(FetchError, match="internal address"):
        fetch_url(url, timeout=2)


def test_only_http_schemes():
    for url in ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://example.org/x"]:
        with pytest.raises(FetchError, match="Only http"):
            fetch_url(url, timeout=2)


class _Redirect(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", "http://169.254.169.254/latest/meta-data/iam/")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def test_redirect_to_an_internal_address_is_refused(monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    original = fetch.refuse_internal

    def public_test_server(url):  # the local test server stands for a public site; its redirect does not
        if url.startswith(f"http://127.0.0.1:{server.server_port}/"):
            return
        original(url)

    monkeypatch.setattr(fetch, "refuse_internal", public_test_server)
    try:
        with pytest.raises(FetchError, match="internal address"):
            fetch_url(f"http://127.0.0.1:{server.server_port}/story", timeout=5)
    finally:
        server.shutdown()


@pytest.mark.django_db
def test_intake_form_refuses_internal_url(client, editor):
    client.force_login(editor)
    with translation.override("en"):
        url = reverse("annotation:intake")
    response = client.post(url, {"url": "http://127.0.0.1:6379/"}, follow=True)
    assert response.status_code in (200, 400)
    assert "internal address" in response.content.decode()
    assert Article.objects.count() == 0
