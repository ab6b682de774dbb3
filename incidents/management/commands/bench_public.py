"""Benchmark the public site on synthetic data: list, search, detail, CSV export, queries per page.

    python manage.py bench_public --incidents 100000 [--reset] [--repeat 40]

Creates synthetic published incidents (codes marked "-B") in the configured database with
bulk_create, then times requests through Django's test client (the whole request: middleware,
queries, templates) and prints `name value unit` lines. Run it against a throwaway database.
"""

import datetime
import os
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone

from annotation.models import Article, Entity, Source
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource
from incidents.search import _document_words, normalize_arabic
from incidents.taxonomy import SUB_EVENT_TO_EVENT

BENCH_MARK = "-B"  # in every synthetic code: IRQ-2024-B000042
PLACES = [
    ("بغداد", "Baghdad", "Baghdad", "IRQ", 33.31, 44.36),
    ("الموصل", "Mosul", "Nineveh", "IRQ", 36.34, 43.13),
    ("البصرة", "Basra", "Basra", "IRQ", 30.51, 47.78),
    ("كركوك", "Kirkuk", "Kirkuk", "IRQ", 35.47, 44.39),
    ("الرمادي", "Ramadi", "Anbar", "IRQ", 33.42, 43.30),
    ("الفلوجة", "Fallujah", "Anbar", "IRQ", 33.35, 43.78),
    ("بعقوبة", "Baquba", "Diyala", "IRQ", 33.75, 44.64),
    ("تكريت", "Tikrit", "Salah al-Din", "IRQ", 34.61, 43.68),
    ("سامراء", "Samarra", "Salah al-Din", "IRQ", 34.20, 43.87),
    ("أربيل", "Erbil", "Erbil", "IRQ", 36.19, 44.01),
    ("حلب", "Aleppo", "Aleppo", "SYR", 36.20, 37.16),
    ("إدلب", "Idlib", "Idlib", "SYR", 35.93, 36.63),
    ("دير الزور", "Deir ez-Zor", "Deir ez-Zor", "SYR", 35.33, 40.14),
    ("درعا", "Daraa", "Daraa", "SYR", 32.62, 36.10),
    ("تعز", "Taiz", "Taiz", "YEM", 13.58, 44.02),
    ("الحديدة", "Hodeidah", "Hodeidah", "YEM", 14.80, 42.95),
    ("مأرب", "Marib", "Marib", "YEM", 15.46, 45.32),
    ("عدن", "Aden", "Aden", "YEM", 12.79, 45.03),
]
ACTORS = [
    ("داعش (بنش)", "Islamic State (bench)", "Rebel group"),
    ("الجيش العراقي (بنش)", "Military Forces of Iraq (bench)", "State forces"),
    ("الحشد الشعبي (بنش)", "Popular Mobilization Forces (bench)", "Political militia"),
    ("قوات سوريا الديمقراطية (بنش)", "SDF (bench)", "Rebel group"),
    ("جماعة الحوثي (بنش)", "Houthi movement (bench)", "Rebel group"),
    ("مسلحون مجهولون (بنش)", "Unidentified armed group (bench)", "Political militia"),
    ("مدنيون (بنش)", "Civilians (bench)", "Civilians"),
    ("متظاهرون (بنش)", "Protesters (bench)", "Protesters"),
]
SUB_EVENTS = [
    ("Air/drone strike", "ضربة جوية على مواقع في"),
    ("Armed clash", "اشتباك مسلح قرب"),
    ("Remote explosive/landmine/IED", "انفجار عبوة ناسفة في"),
    ("Attack", "هجوم مسلح على مدنيين في"),
    ("Shelling/artillery/missile attack", "قصف مدفعي على أحياء"),
    ("Peaceful protest", "وقفة احتجاجية سلمية في"),
    ("Arrests", "اعتقال مشتبه بهم في"),
    ("Abduction/forced disappearance", "اختطاف مواطنين قرب"),
]
ENGLISH = {
    "Air/drone strike": "Air strike on positions in",
    "Armed clash": "Armed clash near",
    "Remote explosive/landmine/IED": "Roadside bomb explodes in",
    "Attack": "Gunmen attack civilians in",
    "Shelling/artillery/missile attack": "Shelling of neighbourhoods of",
    "Peaceful protest": "Peaceful protest in",
    "Arrests": "Suspects arrested in",
    "Abduction/forced disappearance": "Civilians abducted near",
}
LIST_URLS = [
    "/ar/",
    "/ar/?page=2",
    "/ar/?country=IRQ",
    "/ar/?event_type=Battles",
    "/ar/?admin1=Nineveh&min_killed=1",
    "/ar/?sort=-fatalities",
    "/en/?country=SYR&date_from=2023-01-01",
    "/ar/?page_size=100",
]
SEARCH_QUERIES = ["الموصل", "وبغداد", "الأنبار", "عبوة ناسفة", "هجوم مسلح", "strike", "الحشد الشعبي", "كركوك ضربة"]


def _percentile(values, pct):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


class Command(BaseCommand):
    help = "Create synthetic public incidents and print list/search/detail/export timings."

    def add_arguments(self, parser):
        parser.add_argument("--incidents", type=int, default=10_000)
        parser.add_argument("--reset", action="store_true", help="delete earlier synthetic data first")
        parser.add_argument("--repeat", type=int, default=40, help="requests per measured page")
        parser.add_argument("--seed", type=int, default=5)

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        if options["reset"]:
            self._reset()
        have = Incident.objects.filter(code__contains=BENCH_MARK).count()
        if have < options["incidents"]:
            started = time.perf_counter()
            self._create(options["incidents"] - have, start=have, rng=rng)
            self.stderr.write(f"created {options['incidents'] - have} incidents in {time.perf_counter() - started:.1f}s")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # A freshly bulk-loaded table has no visibility map yet; autovacuum would set it in production.
                cursor.execute("VACUUM ANALYZE")
        self._measure(options["repeat"], rng)

    # -- data -------------------------------------------------------------------------------

    def _reset(self):
        with transaction.atomic():
            bench = Incident.objects.filter(code__contains=BENCH_MARK)
            for model in (IncidentActor, CasualtyFigure, IncidentSource):
                model.objects.filter(incident__in=bench).delete()
            bench.delete()
            Article.objects.filter(url__startswith="https://bench.invalid/").delete()

    def _fixtures(self):
        User = get_user_model()
        author, _ = User.objects.get_or_create(username="bench-editor")
        approver, _ = User.objects.get_or_create(username="bench-reviewer")
        places = []
        for name_ar, name_en, admin1, iso3, lat, lon in PLACES:
            place, _ = Entity.objects.get_or_create(
                type="LOC",
                name_ar=name_ar,
                defaults={"name_en": name_en, "admin1": admin1, "country_iso3": iso3, "latitude": lat, "longitude": lon},
            )
            places.append((place, admin1, iso3, lat, lon))
        actors = [
            Entity.objects.get_or_create(type="ORG", name_ar=ar, defaults={"name_en": en, "actor_type": kind})[0] for ar, en, kind in ACTORS
        ]
        source, _ = Source.objects.get_or_create(name="وكالة البنش للأنباء")
        articles = list(Article.objects.filter(url__startswith="https://bench.invalid/").values_list("pk", flat=True))
        if not articles:
            Article.objects.bulk_create(
                [
                    Article(
                        source=source,
                        url=f"https://bench.invalid/{i}",
                        title=f"خبر تجريبي {i}",
                        body=f"نص خبر تجريبي رقم {i} عن حادثة أمنية.",
                        content_hash=f"bench{i:059d}",
                        published_at=datetime.date(2024, 1, 1),
                        status=Article.Status.DONE,
                    )
                    for i in range(500)
                ]
            )
            articles = list(Article.objects.filter(url__startswith="https://bench.invalid/").values_list("pk", flat=True))
        return author, approver, places, actors, articles

    def _create(self, count, *, start, rng):
        author, approver, places, actors, articles = self._fixtures()
        now = timezone.now()
        batch = 5000
        for offset in range(0, count, batch):
            rows = []
            extras = []
            for n in range(start + offset, start + min(offset + batch, count)):
                place, admin1, iso3, lat, lon = rng.choice(places)
                sub, title_stub = rng.choice(SUB_EVENTS)
                day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 6 * 365))
                killed = rng.choice([0, 0, 0, 1, 1, 2, 3, 4, 5, 8, 12])
                actor1, actor2 = rng.sample(actors, 2)
                roll = rng.random()
                status = Incident.Status.PUBLISHED if roll < 0.9 else (Incident.Status.DRAFT if roll < 0.95 else Incident.Status.IN_REVIEW)
                title_ar = f"{title_stub} {place.name_ar}"
                title_en = f"{ENGLISH[sub]} {place.name_en}"
                summary_ar = f"أفادت مصادر محلية بأن {actor1.name_ar} نفذ {title_stub} {place.name_ar} في محافظة {admin1}، ما أسفر عن مقتل {killed} أشخاص."
                summary_en = f"Local sources said {actor1.name_en} carried out an incident in {place.name_en}; {killed} people were killed."
                code = f"{iso3}-{day.year}{BENCH_MARK}{n:06d}"
                text = " ".join(
                    [code, title_ar, title_en, summary_ar, summary_en, place.name_ar, place.name_en, admin1, actor1.name_ar, actor2.name_ar]
                )
                rows.append(
                    Incident(
                        code=code,
                        title_ar=title_ar,
                        title_en=title_en,
                        summary_ar=summary_ar,
                        summary_en=summary_en,
                        event_type=SUB_EVENT_TO_EVENT[sub],
                        sub_event_type=sub,
                        date_start=day,
                        date_end=day,
                        place=place,
                        place_text=place.name_ar,
                        country=iso3,
                        admin1=admin1,
                        latitude=lat + rng.uniform(-0.05, 0.05),
                        longitude=lon + rng.uniform(-0.05, 0.05),
                        fatalities=killed,
                        status=status,
                        confidence=rng.choice(["confirmed", "likely", "likely", "contested"]),
                        created_by=author,
                        approved_by=approver if status == Incident.Status.PUBLISHED else None,
                        published_at=now if status == Incident.Status.PUBLISHED else None,
                        search_text=_document_words(normalize_arabic(text)),
                    )
                )
                extras.append((actor1, actor2, killed, rng.choice(articles)))
            with transaction.atomic():
                created = Incident.objects.bulk_create(rows)
                IncidentActor.objects.bulk_create(
                    [
                        link
                        for incident, (a1, a2, _k, _a) in zip(created, extras, strict=True)
                        for link in (
                            IncidentActor(incident=incident, entity=a1, role="actor1"),
                            IncidentActor(incident=incident, entity=a2, role="actor2"),
                        )
                    ]
                )
                CasualtyFigure.objects.bulk_create(
                    [
                        CasualtyFigure(
                            incident=incident,
                            category="killed",
                            victim_class="civilians",
                            min_count=k,
                            max_count=k + 1,
                            claimant="مصدر أمني",
                        )
                        for incident, (_a1, _a2, k, _a) in zip(created, extras, strict=True)
                        if k
                    ]
                )
                IncidentSource.objects.bulk_create(
                    [
                        IncidentSource(incident=incident, article_id=a, quote="")
                        for incident, (_a1, _a2, _k, a) in zip(created, extras, strict=True)
                    ]
                )

    # -- measurements -----------------------------------------------------------------------

    def _time(self, client, urls, repeat, db_timings=None):
        """Wall time per request in ms; db_timings, when given, gets the time spent in SQL per request."""
        timings = []
        spent = [0.0]

        def timed(execute, sql, params, many, context):
            started = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                spent[0] += time.perf_counter() - started

        with connection.execute_wrapper(timed):
            for i in range(repeat):
                url = urls[i % len(urls)]
                spent[0] = 0.0
                started = time.perf_counter()
                response = client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
                if db_timings is not None:
                    db_timings.append(spent[0] * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}")
        return timings

    def _emit(self, name, value, unit):
        self.stdout.write(f"{name} {value} {unit}")

    def _measure(self, repeat, rng):
        client = Client()
        self._time(client, LIST_URLS + ["/ar/?q=" + q for q in SEARCH_QUERIES], len(LIST_URLS) + len(SEARCH_QUERIES))  # warm up
        list_db, search_db = [], []
        lists = self._time(client, LIST_URLS, repeat, list_db)
        searches = self._time(client, ["/ar/?q=" + q for q in SEARCH_QUERIES], repeat, search_db)
        codes = list(Incident.objects.published().filter(code__contains=BENCH_MARK).values_list("code", flat=True)[:500])
        details = self._time(client, [f"/ar/incidents/{rng.choice(codes)}/" for _ in range(repeat)], repeat)
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context: executed.append(sql) or execute(sql, params, many, context)
        ):
            client.get("/ar/")
        # The CSV export of everything public, streamed and consumed like a download would be.
        started = time.perf_counter()
        response = client.get("/export/incidents.csv")
        rows = sum(chunk.count(b"\n") for chunk in response.streaming_content) - 1
        elapsed = time.perf_counter() - started
        self._emit("incidents_public", Incident.objects.public().count(), "rows")
        self._emit("list_ms_p50", f"{statistics.median(lists):.1f}", "ms")
        self._emit("list_ms_p95", f"{_percentile(lists, 95):.1f}", "ms")
        self._emit("search_ms_p50", f"{statistics.median(searches):.1f}", "ms")
        self._emit("search_ms_p95", f"{_percentile(searches, 95):.1f}", "ms")
        # The SQL share of those requests (the rest is Python: middleware, templates).
        self._emit("list_db_ms_p50", f"{statistics.median(list_db):.1f}", "ms")
        self._emit("search_db_ms_p50", f"{statistics.median(search_db):.1f}", "ms")
        self._emit("load_average_1min", f"{os.getloadavg()[0]:.2f}", "")
        self._emit("detail_ms_p50", f"{statistics.median(details):.1f}", "ms")
        self._emit("export_csv_rows_per_s", f"{rows / elapsed:.0f}", "rows/s")
        self._emit("export_csv_rows", rows, "rows")
        self._emit("queries_per_list_page", len(executed), "queries")
