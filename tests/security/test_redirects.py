"""No open redirect: `next` addresses pointing to another site are ignored."""

import pytest

EVIL = ["https://evil.example/phish", "//evil.example/phish", "/\\evil.example", "javascript:alert(1)"]


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_login_ignores_foreign_next(client, editor, target):
    response = client.post("/ar/accounts/login/", {"username": "editor1", "password": "pw-editor1-1234", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/ar/desk/"


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_language_switch_ignores_foreign_next(client, target):
    response = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert response.status_code == 302
    assert not response["Location"].startswith(("http", "//", "/\\", "javascript"))


@pytest.mark.django_db
@pytest.mark.parametrize("target", EVIL)
def test_train_button_ignores_foreign_next(client, editor, target, monkeypatch):
    from annotation.services import review

    monkeypatch.setattr(review, "model_train", lambda **kwargs: None)
    client.force_login(editor)
    response = client.post("/ar/desk/train/", {"next": target})
    assert response.status_code == 302
    assert response["Location"] == "/ar/desk/"


@pytest.mark.django_db
def test_login_keeps_a_local_next(client, editor):
    response = client.post("/ar/accounts/login/", {"username": "editor1", "password": "pw-editor1-1234", "next": "/ar/desk/intake/"})
    assert response["Location"] == "/ar/desk/intake/"
