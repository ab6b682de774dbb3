"""Operations: /healthz, structured workflow logs."""

import json
import logging

import pytest
from django.db import OperationalError

from config import health
from config.logging import JsonFormatter
from incidents import services


@pytest.fixture
def fresh_health(monkeypatch):
    monkeypatch.setattr(health, "_schema_ok", False)


@pytest.mark.django_db
def test_healthz_ok_checks_migrations(client, fresh_health):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert health._schema_ok is True


@pytest.mark.django_db
def test_healthz_reports_pending_migrations(client, fresh_health, monkeypatch):
    monkeypatch.setattr(health, "_pending_migrations", lambda connection: ["m1", "m2"])
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "migrations": "2 pending"}


@pytest.mark.django_db
def test_healthz_reports_database_down(client, monkeypatch):
    from django.db import connections

    def broken(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "OperationalError"}


@pytest.mark.django_db
def test_healthz_is_exempt_from_https_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/ar/").status_code == 301
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_approve_logs_a_structured_workflow_line(caplog, make_incident, editor, reviewer):
    incident = make_incident(editor)
    incident = services.incident_submit(incident=incident, user=editor)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="marsad.workflow"):
        services.incident_approve(incident=incident, user=reviewer)
    records = [r for r in caplog.records if r.name == "marsad.workflow"]
    assert len(records) == 1
    message = records[0].getMessage()
    assert "action=approve" in message
    assert f"incident={incident.code}" in message
    assert "user=reviewer1" in message
    entry = json.loads(JsonFormatter().format(records[0]))
    assert entry["logger"] == "marsad.workflow"
    assert entry["level"] == "INFO"
    assert entry["action"] == "approve"
    assert entry["incident"] == incident.code
    assert entry["status"] == "published"
    assert entry["user"] == "reviewer1"


@pytest.mark.django_db
def test_refused_transition_logs_nothing(caplog, make_incident, editor):
    incident = make_incident(editor)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="marsad.workflow"), pytest.raises(Exception):
        services.incident_approve(incident=incident, user=editor)
    assert [r for r in caplog.records if r.name == "marsad.workflow"] == []


def test_json_formatter_keeps_arabic_extra_fields_and_exceptions():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "خطأ %s", ("x",), sys.exc_info())
    record.path = "/ar/"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "خطأ x"
    assert entry["path"] == "/ar/"
    assert "ValueError: boom" in entry["exception"]
    assert "action" not in entry  # key=value parsing is only for marsad.* loggers
