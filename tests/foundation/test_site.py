import pytest
from django.contrib.auth.models import Group


@pytest.mark.django_db
def test_roles_exist_with_expected_permissions():
    reviewer = Group.objects.get(name="reviewer")
    editor = Group.objects.get(name="editor")
    assert reviewer.permissions.filter(codename="approve_incident").exists()
    assert not editor.permissions.filter(codename="approve_incident").exists()
    assert not editor.permissions.filter(codename__startswith="delete_").exists()
    assert Group.objects.get(name="admin").permissions.filter(codename="delete_incident").exists()


@pytest.mark.django_db
def test_home_is_arabic_rtl_by_default(client):
    response = client.get("/ar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "bootstrap.rtl.min.css" in html


@pytest.mark.django_db
def test_english_is_ltr(client):
    html = client.get("/en/").content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "bootstrap.min.css" in html


@pytest.mark.django_db
def test_unprefixed_page_redirects_to_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


@pytest.mark.django_db
def test_404_page_in_both_languages(client):
    arabic = client.get("/ar/no-such-page/")
    assert arabic.status_code == 404
    assert "الصفحة غير موجودة" in arabic.content.decode()
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_healthz_checks_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_no_page_loads_from_another_host():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for path in [*root.glob("templates/**/*.html"), *root.glob("*/templates/**/*.html")]:
        for match in re.finditer(r"""(?:src|href)=["'](?:https?:)?//""", path.read_text(encoding="utf-8")):
            offenders.append(f"{path}:{match.start()}")
    assert offenders == []
