"""A small published world for the public-site tests, built through the real workflow services.

Hidden incidents carry the marker word LEAKCHECK (and «طلسم») in their titles so that every surface
can be checked for leaks with one string.
"""

import datetime

from annotation.models import Article, Entity, Source
from incidents import services
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource

LEAK = "LEAKCHECK"


def entity(name_ar, name_en, label="ORG", **extra):
    return Entity.objects.get_or_create(type=label, name_ar=name_ar, defaults={"name_en": name_en, **extra})[0]


def place(name_ar, name_en, admin1, lat, lon, iso3="IRQ"):
    return entity(name_ar, name_en, "LOC", admin1=admin1, latitude=lat, longitude=lon, country_iso3=iso3)


def article(url, body, outlet="وكالة الاختبار", published=datetime.date(2025, 3, 14)):
    source, _ = Source.objects.get_or_create(name=outlet)
    return Article.objects.create(source=source, url=url, body=body, title="خبر: " + body[:30], published_at=published)


def publish(editor, reviewer, *, actors=(), figures=(), source=None, quote="", **fields):
    """Create, fill, submit and publish one incident; returns it fresh from the database."""
    incident = services.incident_create(created_by=editor, **fields)
    for ent, role in actors:
        IncidentActor.objects.create(incident=incident, entity=ent, role=role)
    for category, victim_class, low, high, claimant in figures:
        CasualtyFigure.objects.create(
            incident=incident, category=category, victim_class=victim_class, min_count=low, max_count=high, claimant=claimant
        )
    if source is not None:
        start = source.body.find(quote) if quote else -1
        IncidentSource.objects.create(
            incident=incident,
            article=source,
            quote=quote if start >= 0 else "",
            quote_start=start if start >= 0 else None,
            quote_end=start + len(quote) if start >= 0 else None,
        )
    if reviewer is not None:
        incident = services.incident_submit(incident=incident, user=editor)
        incident = services.incident_approve(incident=incident, user=reviewer)
    else:
        services.incident_refresh_search(incident=incident)
    return Incident.objects.get(pk=incident.pk)


def build_world(editor, reviewer):
    """Four published incidents, one retracted, one corrected, and hidden draft/in-review/merged ones."""
    for name_ar, name_en in (("ديالى", "Diyala"), ("الأنبار", "Anbar")):
        entity(name_ar, name_en, "LOC", geo_kind="governorate", admin1=name_en, country_iso3="IRQ")
    baquba = place("بعقوبة", "Baquba", "Diyala", 33.75, 44.64)
    ramadi = place("الرمادي", "Ramadi", "Anbar", 33.42, 43.30)
    baghdad = place("بغداد", "Baghdad", "Baghdad", 33.31, 44.36)
    idlib = place("إدلب", "Idlib", "Idlib", 35.93, 36.63, iso3="SYR")
    gunmen = entity("مسلحون مجهولون", "Unidentified gunmen", actor_type="Political militia")
    civilians = entity("مدنيون", "Civilians", "NORP", actor_type="Civilians")
    isis = entity("داعش", "Islamic State", actor_type="Rebel group")
    army = entity("الجيش العراقي", "Military Forces of Iraq", actor_type="State forces")
    airforce = entity("القوات الجوية الروسية", "Russian Air Force", actor_type="External/Other forces")
    src = article("https://news.example/baquba", "قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة يوم الخميس بحسب الشرطة المحلية.")

    attack = publish(
        editor,
        reviewer,
        title_ar="هجوم مسلح على مدنيين في بعقوبة",
        title_en="Gunmen kill three civilians in Baquba",
        summary_ar="قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة.",
        summary_en="Unidentified gunmen killed three civilians in Baquba.",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date_start=datetime.date(2025, 3, 13),
        country="IRQ",
        admin1="Diyala",
        place=baquba,
        place_text="بعقوبة",
        latitude=33.75,
        longitude=44.64,
        fatalities=3,
        confidence="confirmed",
        actors=[(gunmen, "actor1"), (civilians, "actor2")],
        figures=[("killed", "civilians", 3, 4, "الشرطة المحلية")],
        source=src,
        quote="قتل مسلحون مجهولون ثلاثة مدنيين في بعقوبة",
    )
    bomb = publish(
        editor,
        reviewer,
        title_ar="انفجار عبوة ناسفة في الأنبار",
        title_en="Roadside bomb in Anbar",
        summary_ar="انفجرت عبوة ناسفة على طريق في الرمادي.",
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        date_start=datetime.date(2024, 6, 1),
        country="IRQ",
        admin1="Anbar",
        place=ramadi,
        place_text="الرمادي",
        latitude=33.42,
        longitude=43.30,
        fatalities=1,
        confidence="likely",
        actors=[(isis, "actor1"), (army, "actor2")],
        figures=[("killed", "security_forces", 1, 1, "")],
    )
    clash = publish(
        editor,
        reviewer,
        title_ar="اشتباك مسلح في بغداد",
        title_en="Armed clash in Baghdad",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2025, 2, 1),
        time_precision=Incident.TimePrecision.MONTH,
        country="IRQ",
        admin1="Baghdad",
        place=baghdad,
        place_text="بغداد",
        fatalities=0,
        confidence="contested",
        actors=[(army, "actor1"), (isis, "actor2")],
    )
    strike = publish(
        editor,
        reviewer,
        title_ar="غارة جوية على إدلب",
        title_en="Air strike on Idlib",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        date_start=datetime.date(2025, 1, 5),
        country="SYR",
        admin1="Idlib",
        place=idlib,
        place_text="إدلب",
        latitude=35.93,
        longitude=36.63,
        fatalities=7,
        actors=[(airforce, "actor1")],
    )
    strike = services.incident_update(incident=strike, user=reviewer, fatalities=8, correction_note="عدد القتلى ثمانية لا سبعة")
    retracted = publish(
        editor,
        reviewer,
        title_ar="خبر مسحوب عن كركوك",
        title_en="Withdrawn report on Kirkuk",
        event_type="Battles",
        sub_event_type="Armed clash",
        date_start=datetime.date(2024, 12, 1),
        country="IRQ",
        admin1="Kirkuk",
        fatalities=2,
    )
    retracted = services.incident_retract(incident=retracted, user=reviewer, note="تبين أن الخبر مفبرك")

    hidden_fields = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "date_start": datetime.date(2025, 3, 1),
        "country": "IRQ",
        "admin1": "Anbar",
        "place": ramadi,
        "place_text": "الرمادي",
        "latitude": 33.4,
        "longitude": 43.3,
        "fatalities": 50,
    }
    draft = publish(editor, None, title_ar="مسودة طلسم في الأنبار", title_en=f"{LEAK} draft", actors=[(gunmen, "actor1")], **hidden_fields)
    in_review = services.incident_create(created_by=editor, title_ar="قيد المراجعة طلسم", title_en=f"{LEAK} in review", **hidden_fields)
    in_review = services.incident_submit(incident=in_review, user=editor)
    merged = publish(editor, reviewer, title_ar="مكرر طلسم", title_en=f"{LEAK} merged", **hidden_fields)
    services.incident_merge(duplicate=merged, into=attack, user=reviewer)
    return {
        "attack": Incident.objects.get(pk=attack.pk),
        "bomb": bomb,
        "clash": clash,
        "strike": Incident.objects.get(pk=strike.pk),
        "retracted": Incident.objects.get(pk=retracted.pk),
        "draft": draft,
        "in_review": Incident.objects.get(pk=in_review.pk),
        "merged": Incident.objects.get(pk=merged.pk),
        "places": {"baquba": baquba, "ramadi": ramadi, "baghdad": baghdad, "idlib": idlib},
        "actors": {"gunmen": gunmen, "civilians": civilians, "isis": isis, "army": army, "airforce": airforce},
    }


HIDDEN = ("draft", "in_review", "merged")
PUBLIC = ("attack", "bomb", "clash", "strike", "retracted")
