import json

import pytest
from django.contrib.auth import get_user_model

from annotation.models import Article, Entity, Mention
from incidents.demo import DEMO_ARTICLES, LEFT_FOR_REVIEW, demo_load
from incidents.models import Incident


@pytest.mark.django_db
def test_demo_load_populates_site_and_is_idempotent(settings, tmp_path):
    settings.MARSAD_DATA_DIR = tmp_path
    specs = json.loads(DEMO_ARTICLES.read_text(encoding="utf-8"))
    published_specs = specs[: len(specs) - LEFT_FOR_REVIEW]
    first = demo_load()
    assert first["articles_added"] == len(specs) == 12
    assert Incident.objects.published().count() == sum(len(s["incidents"]) for s in published_specs)
    assert Article.objects.filter(status=Article.Status.NEW).count() == LEFT_FOR_REVIEW
    assert Mention.objects.filter(article__status=Article.Status.NEW).exists()
    assert Entity.objects.filter(type="LOC", name_ar="كركوك", latitude__isnull=False).exists()
    users = get_user_model().objects.filter(username__in=["editor", "reviewer", "admin"])
    assert sorted(u.username for u in users) == ["admin", "editor", "reviewer"]
    creds = dict(line.split(" ") for line in (tmp_path / "demo_credentials").read_text().splitlines())
    assert get_user_model().objects.get(username="editor").check_password(creds["editor"])

    counts = (Article.objects.count(), Incident.objects.count(), Entity.objects.count(), Mention.objects.count())
    second = demo_load()
    assert second["articles_added"] == 0
    assert second["entities_added"] == 0
    assert (Article.objects.count(), Incident.objects.count(), Entity.objects.count(), Mention.objects.count()) == counts
    assert second["users"] == first["users"]
