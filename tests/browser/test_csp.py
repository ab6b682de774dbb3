"""In a real browser, no page trips the Content-Security-Policy (no inline script, style or foreign host)."""

import datetime

import pytest
from django.contrib.auth import get_user_model

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


@pytest.fixture
def site():
    from annotation.models import Article, Entity, Mention
    from annotation.models import Source as Outlet
    from incidents import services
    from incidents.models import IncidentActor, IncidentSource

    User = get_user_model()
    editor = User.objects.create_user(username="csp-editor", password="pw-csp-editor-1234")
    # A superuser: allowed everywhere whatever the role groups look like after a flush.
    boss = User.objects.create_superuser(username="csp-boss", password="pw-csp-boss-1234")
    place = Entity.objects.create(
        name_ar="بعقوبة", name_en="Baqubah", type="LOC", latitude=33.75, longitude=44.64, country_iso3="IRQ", admin1="Diyala"
    )
    actor = Entity.objects.create(name_ar="مسلحون مجهولون", type="ORG", actor_type="Political militia")
    outlet = Outlet.objects.create(name="وكالة")
    body = "قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة يوم الخميس."
    article = Article.objects.create(source=outlet, body=body, title="هجوم في بعقوبة", published_at=datetime.date(2025, 3, 14))
    start = body.index("بعقوبة")
    Mention.objects.create(
        article=article, start=start, end=start + 6, text="بعقوبة", label="LOC", entity=place, confidence=0.9, origin="lexicon"
    )
    incident = services.incident_create(
        created_by=editor,
        title_ar="هجوم مسلح في بعقوبة",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date_start=datetime.date(2025, 3, 13),
        country="IRQ",
        admin1="Diyala",
        place=place,
        latitude=33.75,
        longitude=44.64,
        fatalities=3,
    )
    IncidentActor.objects.create(incident=incident, entity=actor, role="actor1")
    IncidentSource.objects.create(incident=incident, article=article, quote=body[:20])
    incident = services.incident_submit(incident=incident, user=editor)
    incident = services.incident_approve(incident=incident, user=boss)
    return {"incident": incident, "place": place, "actor": actor, "article": article, "boss": boss}


def _visit(tab, path):
    response = tab.goto(path)
    tab.wait_for_load_state("networkidle")
    return response.status, tab.evaluate("window.__csp")


def test_no_page_violates_the_content_security_policy(page, site):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.add_init_script(WATCH)
    public = [
        "/ar/",
        "/en/",
        f"/ar/incidents/{site['incident'].code}/",
        f"/ar/places/{site['place'].pk}/",
        f"/ar/actors/{site['actor'].pk}/",
        "/ar/map/",
        "/ar/stats/",
        "/ar/about/",
        "/ar/accounts/login/",
    ]
    # The watcher sees what CSP blocks: an injected inline script is reported.
    _visit(page, "/ar/about/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.pwned = 1'; document.body.appendChild(s); }")
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("window.__csp")[0].startswith("script-src")
    errors.clear()

    violations = {}
    for path in public:
        status, seen = _visit(page, path)
        assert status == 200, path
        if seen:
            violations[path] = seen
    page.goto("/ar/accounts/login/")
    page.fill("input[name=username]", "csp-boss")
    page.fill("input[name=password]", "pw-csp-boss-1234")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    desk = [
        "/ar/desk/",
        "/ar/desk/intake/",
        f"/ar/desk/articles/{site['article'].pk}/review/",
        f"/ar/desk/articles/{site['article'].pk}/review/form/",
        f"/ar/desk/incidents/new/?article={site['article'].pk}",
        "/ar/desk/incidents/",
        f"/ar/desk/incidents/{site['incident'].pk}/approve/",
    ]
    for path in desk:
        status, seen = _visit(page, path)
        assert status == 200, path
        if seen:
            violations[path] = seen
    # Use the review screen's keyboard and fetch path once: accept the suggestion.
    page.goto(f"/ar/desk/articles/{site['article'].pk}/review/")
    page.keyboard.press("a")
    page.wait_for_load_state("networkidle")
    if page.evaluate("window.__csp"):
        violations["review: accept"] = page.evaluate("window.__csp")
    assert violations == {}
    assert errors == []
