"""Shared fixtures: named users per role and small factories built through the real services."""

import datetime
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from incidents import roles

SHARED_DIR = Path(__file__).resolve().parent.parent.parent / "shared"


def shared_path(*parts):
    """A file under ../shared; skips the test when absent, except in CI where it must exist."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is required in CI")
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(autouse=True)
def _private_data_dir(settings, tmp_path, monkeypatch):
    """Trained models and credentials written by a test go to a temporary directory, never var/."""
    settings.MARSAD_DATA_DIR = tmp_path / "data"
    monkeypatch.setenv("MARSAD_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture(autouse=True)
def _english_outside_requests():
    """Tests assert messages in English, the source language; pages under /ar/ still render Arabic."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _user(username, role=None, **extra):
    user = get_user_model().objects.create_user(username=username, password="pw-" + username + "-1234", **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return _user("editor1", roles.EDITOR)


@pytest.fixture
def editor2(db):
    return _user("editor2", roles.EDITOR)


@pytest.fixture
def reviewer(db):
    return _user("reviewer1", roles.REVIEWER)


@pytest.fixture
def reviewer2(db):
    return _user("reviewer2", roles.REVIEWER)


@pytest.fixture
def admin_user(db):
    return _user("admin1", roles.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def outsider(db):
    return _user("outsider")


@pytest.fixture
def make_article(db):
    from annotation.models import Article, Source

    def make(body="قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس.", **fields):
        source, _ = Source.objects.get_or_create(name=fields.pop("source_name", "وكالة الاختبار"))
        fields.setdefault("published_at", datetime.date(2025, 3, 14))
        return Article.objects.create(source=source, body=body, **fields)

    return make


@pytest.fixture
def make_incident(db):
    from incidents import services

    def make(created_by, *, publish_by=None, **fields):
        defaults = {
            "title_ar": "هجوم مسلح في بعقوبة",
            "title_en": "Armed attack in Baquba",
            "event_type": "Violence against civilians",
            "sub_event_type": "Attack",
            "date_start": datetime.date(2025, 3, 13),
            "country": "IRQ",
            "admin1": "Diyala",
            "place_text": "بعقوبة",
            "fatalities": 3,
        }
        incident = services.incident_create(created_by=created_by, **(defaults | fields))
        if publish_by:
            incident = services.incident_submit(incident=incident, user=created_by)
            incident = services.incident_approve(incident=incident, user=publish_by)
        return incident

    return make
