"""Crafted requests answer 400 or 404, never 500."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(editor, reviewer, make_incident):
    return make_incident(editor, publish_by=reviewer)


@pytest.mark.parametrize("url", ["/en/incidents/IRQ-2025-00001%00/", "/api/v1/incidents/IRQ%00", "/en/incidents/%00/"])
def test_nul_byte_in_an_incident_code(client, published, url):
    assert client.get(url).status_code in (400, 404)


@pytest.mark.parametrize("page", [str(2**64), str(2**63), "99999999999999999999999999", "-1", "0", "abc"])
def test_api_page_numbers_out_of_range(client, published, page):
    assert client.get(f"/api/v1/incidents?page={page}").status_code in (200, 400, 404, 422)


@pytest.mark.parametrize("value", [str(2**64), str(2**63), "9" * 40, "-" + "9" * 40])
@pytest.mark.parametrize("url", ["/en/", "/en/stats/", "/api/v1/incidents", "/export/incidents.csv", "/feeds/incidents.atom"])
def test_huge_min_killed(client, published, url, value):
    response = client.get(f"{url}?min_killed={value}")
    if response.streaming:
        b"".join(response.streaming_content)
    assert response.status_code in (200, 400, 422)


def test_docx_with_malformed_xml_inside(client, editor):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", "<Types><broken")
        package.writestr("word/document.xml", "<w:document><w:body><w:p>نص</w:p")
    client.force_login(editor)
    upload = SimpleUploadedFile("article.docx", buffer.getvalue())
    response = client.post("/en/desk/intake/", {"file": upload})
    assert response.status_code == 200
    assert "This Word document cannot be read" in response.content.decode()
