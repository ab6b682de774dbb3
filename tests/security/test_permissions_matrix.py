"""Every URL of the project, every role, the expected status.

The URL list comes from the resolver (nested includes, the /ar/ pages and the unprefixed data
addresses). Each URL name must be classified below as public, editor, reviewer or admin-site; a
new view that is not classified fails `test_every_url_is_classified` — decide who may see it,
protect it, and add it to EXPECTED.
"""

from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.backends import ModelBackend
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation

from tests.security.test_settings import inline_script_offences

PUBLIC, EDITOR, REVIEWER, ADMIN_SITE = "public", "editor", "reviewer", "admin-site"
ROLES = ["anonymous", "outsider", "editor", "reviewer", "admin"]
OK = "ok"  # GET: 200; POST: the view ran (not refused, not a login redirect, no server error)
LOGIN = "login"  # 302 to the editors' login page
ADMIN_LOGIN = "admin-login"  # 302 to the admin login page
ACCESS = {
    PUBLIC: dict.fromkeys(ROLES, OK),
    EDITOR: {"anonymous": LOGIN, "outsider": 403, "editor": OK, "reviewer": OK, "admin": OK},
    REVIEWER: {"anonymous": LOGIN, "outsider": 403, "editor": 403, "reviewer": OK, "admin": OK},
    ADMIN_SITE: {"anonymous": ADMIN_LOGIN, "outsider": ADMIN_LOGIN, "editor": ADMIN_LOGIN, "reviewer": ADMIN_LOGIN, "admin": OK},
}


@dataclass(frozen=True)
class Rule:
    kind: str
    method: str = "GET"
    special: tuple = ()  # ((role, status), …) where a view differs from its kind's rule, with the reason in a comment


EXPECTED = {
    # Unprefixed addresses.
    "healthz": Rule(PUBLIC),
    # set_language is a POST form target; GET changes nothing and redirects back.
    "set_language": Rule(PUBLIC, special=tuple((r, 302) for r in ROLES)),
    "data:export_csv": Rule(PUBLIC),
    "data:export_json": Rule(PUBLIC),
    "data:export_geojson": Rule(PUBLIC),
    "data:feed": Rule(PUBLIC),
    "data:api:openapi-json": Rule(PUBLIC),
    "data:api:api-root": Rule(PUBLIC, special=tuple((r, 404) for r in ROLES)),  # no interactive docs in production
    "data:api:list_incidents": Rule(PUBLIC),
    "data:api:incident_detail": Rule(PUBLIC),
    "data:api:list_places": Rule(PUBLIC),
    "data:api:list_actors": Rule(PUBLIC),
    # Accounts: the login page sends logged-in users on; logout only accepts POST.
    "login": Rule(PUBLIC, special=(("outsider", 302), ("editor", 302), ("reviewer", 302), ("admin", 302))),
    "logout": Rule(PUBLIC, method="POST", special=tuple((r, 302) for r in ROLES)),
    # Public site.
    "incidents:list": Rule(PUBLIC),
    "incidents:detail": Rule(PUBLIC),
    "incidents:place": Rule(PUBLIC),
    "incidents:actor": Rule(PUBLIC),
    "incidents:stats": Rule(PUBLIC),
    "incidents:map": Rule(PUBLIC),
    "incidents:about": Rule(PUBLIC),
    # Editors' desk: intake and review.
    "workflow:dashboard": Rule(EDITOR),
    "annotation:intake": Rule(EDITOR),
    "annotation:intake_confirm": Rule(EDITOR, method="POST"),
    "annotation:intake_done": Rule(EDITOR),
    "annotation:batch_detail": Rule(EDITOR),
    "annotation:feed_poll": Rule(EDITOR, method="POST"),
    "annotation:batch_tag_now": Rule(EDITOR, method="POST"),
    "annotation:review": Rule(EDITOR),
    "annotation:review_formset": Rule(EDITOR),
    "annotation:mention_add": Rule(EDITOR, method="POST"),
    "annotation:mentions_accept_bulk": Rule(EDITOR, method="POST"),
    "annotation:mention_action": Rule(EDITOR, method="POST"),
    "annotation:article_finish": Rule(EDITOR, method="POST"),
    "annotation:model_train": Rule(EDITOR, method="POST"),
    # Incident workflow: editors draft and submit, and propose corrections of published incidents; reviewers
    # see the queue, approve, and decide corrections and new sources proposed by someone else.
    "workflow:queue": Rule(REVIEWER),
    "workflow:create": Rule(EDITOR),
    "workflow:mine": Rule(EDITOR),
    "workflow:attach": Rule(EDITOR),
    "workflow:edit": Rule(EDITOR),
    "workflow:submit": Rule(EDITOR, method="POST"),
    "workflow:approve": Rule(REVIEWER),
    "workflow:correct": Rule(EDITOR),
    "workflow:retract": Rule(REVIEWER),
    "workflow:merge": Rule(REVIEWER),
    "workflow:decide_source": Rule(REVIEWER, method="POST"),
    "workflow:decide_correction": Rule(REVIEWER, method="POST"),
}

# Django admin views: all behind admin_view (staff only). The few that answer differently for staff:
ADMIN_SPECIAL = {
    "admin:login": {"anonymous": 200, "outsider": 200, "editor": 200, "reviewer": 200, "admin": 302},
    # Logout is POST only: staff get 405 on GET, everyone else the admin_view redirect.
    "admin:logout": {"anonymous": 302, "outsider": 302, "editor": 302, "reviewer": 302, "admin": 405},
    "admin:autocomplete": {"admin": 403},  # refuses a request without its parameters
    "admin:view_on_site": {"admin": 302},  # redirects to the public page
}
# Models the world fixture does not create (task results need the database task backend, tests run tasks
# inline): their object pages are opened with a missing id, and the admin redirects staff to its index.
ADMIN_NO_OBJECT = {"django_tasks_database.dbtaskresult"}


def walk(patterns=None, prefix="", namespace=None):
    """(route, name or None, pattern) for every URL pattern, following includes."""
    for p in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            name = f"{namespace}:{p.name}" if namespace and p.name else p.name
            yield prefix + str(p.pattern), name, p


def all_names():
    names = {}
    with translation.override("ar"):
        for route, name, pattern in walk():
            if name is None:
                # Unnamed admin patterns: object-id redirects and the catch-all, all inside admin_view.
                assert route.startswith("ar/admin/"), f"unnamed URL pattern {route!r}: name it and classify it"
                continue
            names.setdefault(name, (route, pattern))
    return names


def rule_for(name):
    if name.startswith("admin:"):
        return Rule(ADMIN_SITE)
    return EXPECTED.get(name)


def test_every_url_is_classified():
    unclassified = sorted(name for name in all_names() if rule_for(name) is None)
    assert unclassified == [], f"new view without a classified permission: {unclassified}"


def test_matrix_has_no_stale_entries():
    names = all_names()
    stale = sorted(set(EXPECTED) - set(names))
    assert stale == [], f"EXPECTED names URLs that no longer exist: {stale}"


@pytest.fixture
def world(db, editor, editor2, reviewer, admin_user, outsider, make_article, make_incident):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from annotation.models import Entity, ImportBatch, Mention
    from incidents import services
    from incidents.models import CasualtyFigure, IncidentActor, IncidentSource

    place = Entity.objects.create(
        name_ar="بعقوبة", name_en="Baqubah", type="LOC", latitude=33.75, longitude=44.64, country_iso3="IRQ", admin1="Diyala"
    )
    actor = Entity.objects.create(name_ar="داعش", name_en="Islamic State", type="ORG", actor_type="Rebel group")
    batch = ImportBatch.objects.create(created_by=editor, filename="rows.csv", total=1)
    article = make_article(import_batch=batch, imported_by=editor)
    start = article.body.index("بعقوبة")
    mention = Mention.objects.create(article=article, start=start, end=start + 6, text="بعقوبة", label="LOC", entity=place)
    published = make_incident(editor, publish_by=reviewer, place=place)
    IncidentActor.objects.create(incident=published, entity=actor, role="actor1")
    CasualtyFigure.objects.create(incident=published, category="killed", victim_class="civilians", min_count=3, max_count=3)
    IncidentSource.objects.create(incident=published, article=article, quote="قتل مسلحون")
    draft = make_incident(editor, title_ar="مسودة")
    in_review = services.incident_submit(incident=make_incident(editor2, title_ar="للمراجعة"), user=editor2)
    pending = services.incident_attach_source(
        incident=published, article=make_article(body="خبر آخر عن الهجوم نفسه في بعقوبة."), user=editor2
    )
    correction = services.pending_correction_propose(
        incident=published, user=editor2, expected_version=published.version, payload={}, note="تصحيح مقترح"
    )
    AccessAttempt.objects.create(
        username="x",
        ip_address="10.0.0.1",
        user_agent="t",
        failures_since_start=1,
        get_data="",
        post_data="",
        http_accept="",
        path_info="/",
    )
    AccessLog.objects.create(username="x", ip_address="10.0.0.1", user_agent="t", http_accept="", path_info="/")
    AccessFailureLog.objects.create(username="x", ip_address="10.0.0.1", user_agent="t", http_accept="", path_info="/", locked_out=False)
    users = {"outsider": outsider, "editor": editor, "reviewer": reviewer, "admin": admin_user}
    return {
        "users": users,
        "article": article,
        "mention": mention,
        "batch": batch,
        "place": place,
        "actor": actor,
        "published": published,
        "draft": draft,
        "in_review": in_review,
        "pending": pending,
        "correction": correction,
    }


def _query(name, world):
    """Query strings some pages need (the article an incident is drafted from or attached to)."""
    return {"workflow:attach": {"article": world["article"].pk}, "workflow:create": {"article": world["article"].pk}}.get(name, {})


def _kwargs(name, pattern, world):
    """Concrete arguments for a URL name, from real objects."""
    w = world
    table = {
        "data:api:incident_detail": {"code": w["published"].code},
        "incidents:detail": {"code": w["published"].code},
        "incidents:place": {"pk": w["place"].pk},
        "incidents:actor": {"pk": w["actor"].pk},
        "annotation:batch_detail": {"pk": w["batch"].pk},
        "annotation:batch_tag_now": {"pk": w["batch"].pk},
        "annotation:mention_action": {"pk": w["article"].pk, "mention_pk": w["mention"].pk, "action": "accept"},
        "workflow:edit": {"pk": w["draft"].pk},
        "workflow:submit": {"pk": w["draft"].pk},
        "workflow:approve": {"pk": w["in_review"].pk},
        "workflow:correct": {"pk": w["published"].pk},
        "workflow:retract": {"pk": w["published"].pk},
        "workflow:merge": {"pk": w["in_review"].pk},
        "workflow:decide_source": {"pk": w["published"].pk, "source_pk": w["pending"].pk},
        "workflow:decide_correction": {"pk": w["published"].pk, "correction_pk": w["correction"].pk},
    }
    if name in table:
        return [], table[name]
    converters = pattern.pattern.converters if hasattr(pattern.pattern, "converters") else {}
    if name.startswith("annotation:") and set(converters) == {"pk"}:
        return [], {"pk": w["article"].pk}
    if name.startswith("admin:"):
        return _admin_args(name, pattern, w)
    if converters or pattern.pattern.regex.groups:
        pytest.fail(f"no concrete arguments known for {name} ({pattern.pattern}): add them to _kwargs")
    return [], {}


def _admin_target(name):
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}_"
        if name.startswith(prefix):
            return model, model_admin, name[len(prefix) :]
    return None, None, None


def _admin_args(name, pattern, w):
    from django.contrib.contenttypes.models import ContentType

    if name == "admin:app_list":
        return [], {"app_label": "incidents"}
    if name == "admin:view_on_site":
        return [], {"content_type_id": ContentType.objects.get_for_model(w["published"]).pk, "object_id": w["published"].pk}
    if name == "admin:auth_user_password_change":
        return [], {"id": w["users"]["editor"].pk}
    model, _model_admin, action = _admin_target(name)
    if model is None:
        return [], {}  # index, password change, jsi18n …
    if action in ("changelist", "add"):
        return [], {}
    if model._meta.label_lower in ADMIN_NO_OBJECT:
        return [], {"object_id": "00000000-0000-0000-0000-000000000000"}
    obj = model._default_manager.order_by("pk").first()
    assert obj is not None, f"no {model.__name__} to open {name} with: create one in the world fixture"
    if action == "simple_history":
        return [obj.pk, obj.history.order_by("history_id").first().history_id], {}
    return [], {"object_id": obj.pk}


def _expected(name, rule, role, admin_user):
    if name.startswith("admin:"):
        if name in ADMIN_SPECIAL and role in ADMIN_SPECIAL[name]:
            return ADMIN_SPECIAL[name][role]
        expected = ACCESS[ADMIN_SITE][role]
        if expected == OK:
            model, model_admin, action = _admin_target(name)
            if model_admin is not None:
                request = RequestFactory().get("/")
                request.user = admin_user
                if action == "add" and not model_admin.has_add_permission(request):
                    return 403
                if action == "delete" and not model_admin.has_delete_permission(request):
                    return 403
                if model._meta.label_lower in ADMIN_NO_OBJECT and action in ("change", "delete", "history"):
                    return 302
        return expected
    return dict(rule.special).get(role, ACCESS[rule.kind][role])


def _check(response, expected, method):
    status = response.status_code
    location = response.get("Location", "")
    if expected == LOGIN:
        return status == 302 and location.startswith("/ar/accounts/login/?next=")
    if expected == ADMIN_LOGIN:
        return status == 302 and location.startswith("/ar/admin/login/?next=")
    if expected == OK:
        if method == "GET":
            return status == 200
        # An empty POST may be refused as invalid (400) or name no object (404), but never as forbidden.
        return status < 500 and status not in (401, 403, 405) and "/accounts/login/" not in location
    return status == expected


@pytest.mark.parametrize("role", ROLES)
def test_permissions_matrix(role, world, client):
    if role != "anonymous":
        client.force_login(world["users"][role], backend=f"{ModelBackend.__module__}.{ModelBackend.__name__}")
    failures, checked = [], 0
    names = all_names()
    with translation.override("ar"):
        # Logout last: it ends the session the other requests use.
        for name, (_route, pattern) in sorted(names.items(), key=lambda item: (item[0] == "logout", item[0])):
            rule = rule_for(name)
            if rule is None:
                continue  # reported by test_every_url_is_classified
            args, kwargs = _kwargs(name, pattern, world)
            url = reverse(name, args=args, kwargs=kwargs)
            expected = _expected(name, rule, role, world["users"]["admin"])
            response = client.post(url) if rule.method == "POST" else client.get(url, _query(name, world))
            checked += 1
            if not _check(response, expected, rule.method):
                failures.append(
                    f"{rule.method} {url} ({name}) as {role}: expected {expected}, got {response.status_code} {response.get('Location', '')}"
                )
            elif response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
                # Third-party admin templates (simple_history) use style attributes: cosmetic under CSP, so
                # only scripts are checked there.
                offences = inline_script_offences(response.content.decode(), f"{url} as {role}")
                failures += [o for o in offences if not (name.startswith("admin:") and o.endswith("style attribute"))]
    assert checked >= len(EXPECTED)
    assert failures == [], "\n".join(failures)


@pytest.mark.django_db
def test_anonymous_never_sees_unpublished_incidents(client, editor, editor2, make_incident):
    from incidents import services

    draft = make_incident(editor, title_ar="مسودة سرية")
    in_review = services.incident_submit(incident=make_incident(editor2, title_ar="قيد المراجعة السرية"), user=editor2)
    for incident in (draft, in_review):
        assert client.get(f"/ar/incidents/{incident.code}/").status_code == 404
        assert client.get(f"/api/v1/incidents/{incident.code}").status_code == 404
    listing = client.get("/ar/").content.decode()
    assert "سرية" not in listing
    for url in [
        "/export/incidents.csv",
        "/export/incidents.json",
        "/export/incidents.geojson",
        "/feeds/incidents.atom",
        "/api/v1/incidents",
    ]:
        body = client.get(url)
        content = b"".join(body.streaming_content) if body.streaming else body.content
        assert "سرية".encode() not in content, url
