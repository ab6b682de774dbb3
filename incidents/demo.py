"""Demo data: users, outlets, a gazetteer, known armed groups and a dozen published demo incidents.

Everything is idempotent: running it twice changes nothing the second time.
"""

import datetime
import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from annotation.models import Article, Entity, Source
from annotation.nlp.gazetteer import load_actors, load_places
from annotation.services.suggestions import article_tag
from incidents import roles, services
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource
from incidents.taxonomy import ISO3_BY_NAME, SUB_EVENT_TO_EVENT

DEMO_ARTICLES = Path(__file__).resolve().parent.parent / "annotation" / "demo" / "articles.json"
DEMO_USERS = [("editor", roles.EDITOR), ("reviewer", roles.REVIEWER), ("admin", roles.ADMIN)]


def demo_users_ensure():
    """Create the demo accounts with random passwords kept in var/demo_credentials (untracked)."""
    creds_file = Path(settings.MARSAD_DATA_DIR) / "demo_credentials"
    known = {}
    if creds_file.exists():
        known = dict(line.split(" ", 1) for line in creds_file.read_text(encoding="utf-8").split("\n") if " " in line)
    User = get_user_model()
    users = {}
    for username, role in DEMO_USERS:
        user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@marsad.local"})
        if created or username not in known:
            known[username] = secrets.token_urlsafe(9)
            user.set_password(known[username])
        user.is_staff = role == roles.ADMIN
        user.is_superuser = role == roles.ADMIN
        user.save()
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    creds_file.parent.mkdir(parents=True, exist_ok=True)
    creds_file.write_text("\n".join(f"{u} {p}" for u, p in known.items()), encoding="utf-8")
    creds_file.chmod(0o600)
    return users, known


def gazetteer_load():
    """Places and armed groups from the engine's offline data files into the knowledge base."""
    existing = set(Entity.objects.values_list("type", "name_ar", "country_iso3"))
    new = []
    for place in load_places():
        if ("LOC", place.name_ar, place.country_iso3) in existing:
            continue
        existing.add(("LOC", place.name_ar, place.country_iso3))
        new.append(
            Entity(
                name_ar=place.name_ar,
                name_en=place.name_en,
                type="LOC",
                aliases=list(place.aliases),
                latitude=place.lat,
                longitude=place.lon,
                geo_kind=place.kind if place.kind in Entity.GeoKind.values else "",
                country=place.country_en,
                country_iso3=place.country_iso3,
                admin1=place.admin1_en,
            )
        )
    for actor in load_actors():
        if (actor.label, actor.name_ar, actor.country_iso3) in existing:
            continue
        existing.add((actor.label, actor.name_ar, actor.country_iso3))
        new.append(
            Entity(
                name_ar=actor.name_ar,
                name_en=actor.name_en,
                type=actor.label,
                aliases=list(actor.aliases),
                actor_type=actor.actor_type if actor.actor_type in Entity.ActorType.values else "",
                country_iso3=actor.country_iso3,
            )
        )
    Entity.objects.bulk_create(new, batch_size=500)
    return len(new)


def _entity(name_ar, name_en, label, **extra):
    entity = Entity.objects.filter(type=label, name_ar=name_ar).order_by("pk").first()
    return entity or Entity.objects.create(name_ar=name_ar, name_en=name_en, type=label, **extra)


def _place(spec):
    """The demo incident's place in the gazetteer, matched by name within its country."""
    iso3 = ISO3_BY_NAME.get(spec["country"], "")
    entity, _created = Entity.objects.get_or_create(
        type="LOC",
        name_ar=spec["place"],
        country_iso3=iso3,
        defaults={
            "name_en": spec.get("place_en", ""),
            "latitude": spec.get("latitude"),
            "longitude": spec.get("longitude"),
            "country": spec["country"],
            "admin1": spec.get("admin1", ""),
        },
    )
    return entity


# The last demo articles are left for editors to review, so the desk has work on a fresh install.
LEFT_FOR_REVIEW = 2


@transaction.atomic
def demo_article_load(spec, *, editor, reviewer, publish=True):
    """One demo article, tagged, with its incidents published by the reviewer. Skipped if already there."""
    if Article.objects.filter(url=spec["url"]).exists():
        return None
    source, _created = Source.objects.get_or_create(
        name=spec["source"]["name"], defaults={"domain": spec["source"].get("domain", ""), "country": spec["source"].get("country", "")}
    )
    article = Article.objects.create(
        source=source,
        url=spec["url"],
        title=spec["title"],
        published_at=datetime.date.fromisoformat(spec["published_at"]),
        body=spec["body"],
        imported_by=editor,
        status=Article.Status.DONE if publish else Article.Status.NEW,
    )
    article_tag(article=article)
    if not publish:
        return article
    for inc in spec["incidents"]:
        place = _place(inc)
        precision = {"day": 1, "week": 2, "month": 3, "year": 3}[inc.get("time_precision", "day")]
        killed = sum(f["min"] for f in inc.get("fatalities", []) if f["category"] == "killed")
        injured = sum(f["min"] for f in inc.get("fatalities", []) if f["category"] == "injured")
        incident = services.incident_create(
            created_by=editor,
            title_ar=inc["title_ar"],
            title_en=inc.get("title_en", ""),
            summary_ar=inc.get("summary_ar", ""),
            summary_en=inc.get("summary_en", ""),
            event_type=inc.get("event_type") or SUB_EVENT_TO_EVENT[inc["sub_event_type"]],
            sub_event_type=inc["sub_event_type"],
            date_start=datetime.date.fromisoformat(inc["date_start"]),
            date_end=datetime.date.fromisoformat(inc.get("date_end") or inc["date_start"]),
            time_precision=precision,
            place=place,
            place_text=inc["place"],
            geo_precision={"town": 1, "city": 1, "district": 2, "governorate": 3}.get(inc.get("geo_precision", "town"), 1),
            country=ISO3_BY_NAME[inc["country"]],
            admin1=inc.get("admin1", ""),
            latitude=inc.get("latitude"),
            longitude=inc.get("longitude"),
            fatalities=killed,
            injured=injured,
            confidence=inc.get("confidence", "likely"),
        )
        for role, key in (("actor1", "actor1"), ("actor2", "actor2")):
            if inc.get(key):
                actor = _entity(inc[key], inc.get(f"{key}_en", ""), "ORG", actor_type=inc.get(f"{key}_type", ""))
                IncidentActor.objects.get_or_create(incident=incident, entity=actor, role=role)
        for fig in inc.get("fatalities", []):
            CasualtyFigure.objects.create(
                incident=incident,
                category=fig["category"],
                victim_class=fig.get("victim_class", "unknown"),
                min_count=fig["min"],
                max_count=fig.get("max", fig["min"]),
                raw_phrase=fig.get("raw", ""),
                claimant=source.name,
                article=article,
            )
        quote = inc.get("quote", "")
        start = article.body.find(quote) if quote else -1
        IncidentSource.objects.create(
            incident=incident,
            article=article,
            quote=quote if start >= 0 else "",
            quote_start=start if start >= 0 else None,
            quote_end=start + len(quote) if start >= 0 else None,
        )
        incident = services.incident_submit(incident=incident, user=editor)
        services.incident_approve(incident=incident, user=reviewer)
    return article


def demo_load(stdout=None):
    users, passwords = demo_users_ensure()
    places = gazetteer_load()
    specs = json.loads(DEMO_ARTICLES.read_text(encoding="utf-8")) if DEMO_ARTICLES.exists() else []
    cut = len(specs) - LEFT_FOR_REVIEW
    loaded = [
        a for i, s in enumerate(specs) if (a := demo_article_load(s, editor=users["editor"], reviewer=users["reviewer"], publish=i < cut))
    ]
    return {
        "users": passwords,
        "entities_added": places,
        "articles_added": len(loaded),
        "published": Incident.objects.published().count(),
    }
