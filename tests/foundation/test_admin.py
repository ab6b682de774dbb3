import re

import pytest
from django.urls import reverse

ADMIN_MODELS = [
    "annotation_source",
    "annotation_article",
    "annotation_entity",
    "annotation_mention",
    "incidents_incident",
    "incidents_casualtyfigure",
    "incidents_incidentactor",
    "incidents_incidentsource",
]


@pytest.mark.parametrize("lang,title", [("ar", "إدارة موقع جانغو"), ("en", "Django administration")])
def test_admin_index_renders_in_both_languages(client, admin_user, lang, title):
    client.force_login(admin_user)
    response = client.get(f"/{lang}/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{lang}"' in html
    assert title in html


@pytest.mark.parametrize("model", ADMIN_MODELS)
def test_admin_changelists_and_add_forms_render(client, admin_user, model, editor, reviewer, make_incident):
    make_incident(editor, publish_by=reviewer)
    client.force_login(admin_user)
    assert client.get(reverse(f"admin:{model}_changelist")).status_code == 200
    # Incidents are created on the desk, which gives them a code and an author.
    assert client.get(reverse(f"admin:{model}_add")).status_code == (403 if model == "incidents_incident" else 200)


def test_incident_history_page_in_admin(client, admin_user, editor, reviewer, make_incident):
    incident = make_incident(editor, publish_by=reviewer)
    client.force_login(admin_user)
    response = client.get(reverse("admin:incidents_incident_history", args=[incident.pk]))
    assert response.status_code == 200
    assert re.search(r">\s*approved\s*<", response.content.decode())  # the action code
