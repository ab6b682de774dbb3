"""Benchmark the public site on synthetic data, cache off: every public page, the API and the exports.

    python manage.py bench_public --incidents 1000000 [--reset] [--repeat 40]

Creates synthetic incidents (codes marked "-B") in the configured database: 90% published, the rest
drafts and incidents in review; countries, governorates and places from the engine's gazetteer;
one to three actors, one to four outlets' articles and up to three casualty figures per incident;
Arabic titles and summaries of a news brief's length. Rows are streamed to the database with COPY
on PostgreSQL (executemany elsewhere), in batches, with their search text computed as the
application computes it. Then it times requests through Django's test client (middleware, queries,
templates) with the public cache off, and prints `name value unit` lines: p50 and p95 of the whole
request and the p50 of its time in SQL, for each page; rows per second for each export.
Run it against a throwaway database (`make bench-public` creates and migrates one).
"""

import datetime
import functools
import itertools
import os
import random
import statistics
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client, override_settings
from django.utils import timezone

from annotation.models import Article, Entity, Source
from annotation.nlp.gazetteer import load_actors, load_places
from incidents import keyset
from incidents.models import CasualtyFigure, Incident, IncidentActor, IncidentSource
from incidents.search import _document_words, area_names, normalize_arabic
from incidents.stored_pages import forget_pages
from incidents.stored_rows import export_rows_rebuild
from incidents.tallies import tally_rebuild
from incidents.taxonomy import SUB_EVENT_TO_EVENT

BENCH_MARK = "-B"  # in every synthetic code: IRQ-2024-B000042
COUNTRY_WEIGHTS = {"IRQ": 45, "SYR": 30, "YEM": 15, "LBN": 5, "EGY": 3, "JOR": 2}
PLACES_PER_COUNTRY = 60
ARTICLES = 20_000
BATCH = 10_000
RARE_WORD = "زورق"  # in about one incident in a thousand
SUB_EVENTS = [
    ("Air/drone strike", "غارة جوية تستهدف مواقع في", 12),
    ("Armed clash", "اشتباكات مسلحة قرب", 20),
    ("Remote explosive/landmine/IED", "انفجار عبوة ناسفة في", 10),
    ("Attack", "هجوم مسلح على مدنيين في", 14),
    ("Shelling/artillery/missile attack", "قصف مدفعي على أحياء", 12),
    ("Peaceful protest", "وقفة احتجاجية سلمية في", 14),
    ("Arrests", "حملة اعتقالات في", 8),
    ("Abduction/forced disappearance", "خطف مواطنين قرب", 4),
    ("Looting/property destruction", "نهب ممتلكات عامة في", 3),
    ("Mob violence", "أعمال شغب في", 3),
]
ENGLISH = {
    "Air/drone strike": "Air strike on positions in",
    "Armed clash": "Armed clashes near",
    "Remote explosive/landmine/IED": "Roadside bomb explodes in",
    "Attack": "Gunmen attack civilians in",
    "Shelling/artillery/missile attack": "Shelling of neighbourhoods of",
    "Peaceful protest": "Peaceful protest in",
    "Arrests": "Arrest campaign in",
    "Abduction/forced disappearance": "Civilians abducted near",
    "Looting/property destruction": "Public property looted in",
    "Mob violence": "Riots in",
}
# Sentences of a summary (written for this benchmark); {place}, {actor}, {n} are filled in.
SUMMARY_SENTENCES = [
    "أفادت مصادر محلية بأن {actor} يقف وراء الحادثة التي وقعت في {place} صباح اليوم.",
    "وقال مسؤول في الشرطة إن حصيلة الضحايا بلغت {n} بحسب الأرقام الأولية.",
    "وأغلقت القوات الأمنية الطرق المؤدية إلى موقع الحادث وبدأت عمليات التفتيش في الأحياء المجاورة.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى ساعة إعداد هذا الخبر.",
    "وذكر شهود عيان أنهم سمعوا دوي إطلاق نار كثيف استمر قرابة ساعة.",
    "ونقل الجرحى إلى المستشفى العام في {place} وسط نقص في الأدوية والكوادر.",
    "وتشهد المنطقة توترا أمنيا منذ أسابيع بسبب الخلافات بين الفصائل المسلحة.",
    "وطالب وجهاء العشائر الحكومة المحلية بتعزيز الحماية في القرى الحدودية.",
    "وأكدت قيادة العمليات أن قواتها تلاحق المنفذين وأنها ستعلن النتائج لاحقا.",
    "ويأتي الحادث بعد أيام من هجوم مماثل استهدف نقطة تفتيش على الطريق الرئيسي.",
]
CLAIMANTS = ["مصدر أمني", "الدفاع المدني", "مصدر طبي", "المرصد المحلي", ""]
LIST_FACETS = [
    "country=IRQ&event_type=Battles&min_killed=1",
    "country=SYR&event_type=Explosions%2FRemote+violence&date_from=2022-01-01",
    "country=YEM&sub_event_type=Armed+clash&confidence=likely",
    "country=IRQ&admin1=Nineveh&event_type=Violence+against+civilians",
    "event_type=Protests&date_from=2023-01-01&date_to=2023-12-31",
]
COMMON_TERMS = ["هجوم", "اشتباكات", "الشرطة"]
COMMON_TERMS_VOWELLED = ["هُجُوم", "اشْتِبَاكَات", "الشُّرْطَة"]
RARE_TERMS = [RARE_WORD, "زَوْرَق"]


_fold = functools.lru_cache(maxsize=200_000)(normalize_arabic)


def _percentile(values, pct):
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def _seek_cursors(rng, count):
    """Positions anywhere in the newest-first list (a date in the benchmark's six years): the
    list's deep pages by position (?after=), which cost what its first page does."""
    days = [datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 6 * 365)) for _ in range(count)]
    return [keyset.encode(["-date_start", "-id"], [day, 2**31 - 1]) for day in days]


class _Writer:
    """Rows into a table through COPY (PostgreSQL) or executemany, with the model's defaults for the
    columns a row leaves out (so that a field added later does not break the benchmark)."""

    def __init__(self, model, names):
        self.model = model
        fields = [f for f in model._meta.concrete_fields if not f.generated]
        self.names = list(names)
        missing = [f for f in fields if f.attname not in self.names and f.name not in self.names and not f.primary_key]
        now = timezone.now()
        self.fixed = [now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) else f.get_default() for f in missing]
        self.columns = [model._meta.get_field(n).column for n in self.names] + [f.column for f in missing]

    def write(self, rows):
        table = connection.ops.quote_name(self.model._meta.db_table)
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({cols}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row((*row, *self.fixed))
            else:
                marks = ", ".join(["%s"] * len(self.columns))
                cursor.executemany(f"INSERT INTO {table} ({cols}) VALUES ({marks})", [(*row, *self.fixed) for row in rows])  # noqa: S608


class SqlClock:
    """A database execute wrapper that adds up the time the queries took (``seconds``; reset it between requests)."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


class Command(BaseCommand):
    help = "Create synthetic public incidents and print the public pages' timings (cache off)."

    def add_arguments(self, parser):
        parser.add_argument("--incidents", type=int, default=10_000)
        parser.add_argument("--reset", action="store_true", help="delete earlier synthetic data first")
        parser.add_argument("--repeat", type=int, default=40, help="requests per measured page")
        parser.add_argument("--export-rows", type=int, default=100_000, help="rows per measured export (?limit=)")
        parser.add_argument("--seed", type=int, default=5)
        parser.add_argument("--explain", action="store_true", help="print the plans of each page's slowest query instead of timing")
        parser.add_argument("--load-only", action="store_true", help="create the synthetic data, then stop without timing")

    def handle(self, *args, **options):
        rng = random.Random(options["seed"])
        if options["reset"]:
            self._reset()
        have = Incident.objects.filter(code__contains=BENCH_MARK).count()
        if have < options["incidents"]:
            started = time.perf_counter()
            self._create(options["incidents"] - have, start=have, rng=rng)
            tally_rebuild()  # COPY bypasses the signals that keep the stats tallies
            export_rows_rebuild(only_missing=True)  # … and the exports' stored rows
            self._emit("generate_s", f"{time.perf_counter() - started:.1f}", "s")
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    # A freshly loaded table has no visibility map and no statistics yet; autovacuum would set them.
                    cursor.execute("VACUUM ANALYZE")
        if options["load_only"]:
            return
        with override_settings(MARSAD_PUBLIC_CACHE_SECONDS=0):
            if options["explain"]:
                self._explain()
            else:
                self._measure(options["repeat"], options["export_rows"], rng)

    # -- data -------------------------------------------------------------------------------

    def _reset(self):
        with transaction.atomic():
            bench = Incident.objects.filter(code__contains=BENCH_MARK)
            for model in (IncidentActor, CasualtyFigure, IncidentSource):
                model.objects.filter(incident__in=bench).delete()
            bench.delete()
            Article.objects.filter(url__startswith="https://bench.invalid/").delete()

    def _places(self, rng):
        """Governorate entities and up to PLACES_PER_COUNTRY towns per benchmark country (the gazetteer's)."""
        chosen = {}
        for place in load_places():
            if place.country_iso3 in COUNTRY_WEIGHTS and place.kind in ("city", "town") and place.admin1_en:
                chosen.setdefault(place.country_iso3, []).append(place)
        places = []
        for iso3, candidates in chosen.items():
            for p in candidates[:PLACES_PER_COUNTRY]:
                entity, _ = Entity.objects.get_or_create(
                    type="LOC",
                    name_ar=p.name_ar,
                    country_iso3=iso3,
                    defaults={"name_en": p.name_en, "admin1": p.admin1_en, "latitude": p.lat, "longitude": p.lon, "geo_kind": p.kind},
                )
                places.append((entity, p.admin1_en, iso3))
        for p in load_places():
            if p.kind == "governorate" and p.country_iso3 in COUNTRY_WEIGHTS:
                Entity.objects.get_or_create(
                    type="LOC",
                    name_ar=p.name_ar,
                    country_iso3=p.country_iso3,
                    defaults={"name_en": p.name_en, "admin1": p.name_en, "geo_kind": Entity.GeoKind.GOVERNORATE},
                )
        by_country = {iso3: [p for p in places if p[2] == iso3] for iso3 in COUNTRY_WEIGHTS}
        return {iso3: rows for iso3, rows in by_country.items() if rows}

    def _fixtures(self, rng):
        User = get_user_model()
        author, _ = User.objects.get_or_create(username="bench-editor")
        approver, _ = User.objects.get_or_create(username="bench-reviewer")
        places = self._places(rng)
        actors = []
        for a in load_actors():
            if a.actor_type and len(actors) < 80:
                actors.append(
                    Entity.objects.get_or_create(
                        type=a.label, name_ar=a.name_ar, defaults={"name_en": a.name_en, "actor_type": a.actor_type}
                    )[0]
                )
        outlets = [Source.objects.get_or_create(name=f"وكالة أنباء تجريبية {i}")[0] for i in range(12)]
        articles = list(Article.objects.filter(url__startswith="https://bench.invalid/").values_list("pk", flat=True))
        if not articles:
            writer = _Writer(Article, ["source", "url", "title", "body", "content_hash", "published_at", "status"])
            day0 = datetime.date(2019, 1, 1)
            writer.write(
                (
                    rng.choice(outlets).pk,
                    f"https://bench.invalid/{i}",
                    f"خبر تجريبي رقم {i}",
                    f"نص خبر تجريبي رقم {i} عن حادثة أمنية في المنطقة.",
                    f"bench{i:059d}",
                    day0 + datetime.timedelta(days=i % 2190),
                    Article.Status.DONE,
                )
                for i in range(ARTICLES)
            )
            articles = list(Article.objects.filter(url__startswith="https://bench.invalid/").values_list("pk", flat=True))
        return author, approver, places, actors, articles

    def _create(self, count, *, start, rng):
        author, approver, places, actors, articles = self._fixtures(rng)
        now = timezone.now()
        countries = list(places)
        weights = [COUNTRY_WEIGHTS[c] for c in countries]
        sub_events = [s[:2] for s in SUB_EVENTS]
        sub_weights = [s[2] for s in SUB_EVENTS]
        areas = {}  # (iso3, admin1) → Arabic names, looked up once
        next_id = (Incident.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        incident_cols = [
            "id", "code", "title_ar", "title_en", "summary_ar", "summary_en", "event_type", "sub_event_type",
            "date_start", "date_end", "time_precision", "place", "place_text", "geo_precision", "country", "admin1",
            "latitude", "longitude", "fatalities", "injured", "status", "confidence", "created_by", "approved_by",
            "published_at", "search_text", "version",
        ]  # fmt: skip
        incidents = _Writer(Incident, incident_cols)
        links = _Writer(IncidentActor, ["incident", "entity", "role", "certainty"])
        figures = _Writer(CasualtyFigure, ["incident", "category", "victim_class", "min_count", "max_count", "claimant"])
        sources = _Writer(IncidentSource, ["incident", "article", "quote"])
        for offset in range(0, count, BATCH):
            rows, actor_rows, figure_rows, source_rows = [], [], [], []
            for n in range(start + offset, start + min(offset + BATCH, count)):
                pk = next_id
                next_id += 1
                iso3 = rng.choices(countries, weights)[0]
                place, admin1, _iso3 = rng.choice(places[iso3])
                sub, stub = rng.choices(sub_events, sub_weights)[0]
                day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 6 * 365))
                killed = rng.choice([0, 0, 0, 0, 1, 1, 2, 3, 4, 5, 8, 12, 20])
                cast = rng.sample(actors, rng.choice([1, 2, 2, 2, 3]))
                roll = rng.random()
                status = Incident.Status.PUBLISHED if roll < 0.9 else (Incident.Status.DRAFT if roll < 0.95 else Incident.Status.IN_REVIEW)
                rare = [f"وشوهد {RARE_WORD} قرب الشاطئ."] if rng.random() < 0.001 else []
                title_ar = f"{stub} {place.name_ar}"
                title_en = f"{ENGLISH[sub]} {place.name_en}"
                fill = {"place": place.name_ar, "actor": cast[0].name_ar, "n": killed}
                sentences = [s.format(**fill) for s in rng.sample(SUMMARY_SENTENCES, rng.randint(3, 5))] + rare
                summary_ar = " ".join(sentences)
                summary_en = (
                    f"Local sources said {cast[0].name_en} carried out the incident in {place.name_en}; {killed} people were killed."
                )
                code = f"{iso3}-{day.year}{BENCH_MARK}{n:07d}"
                if (iso3, admin1) not in areas:
                    areas[(iso3, admin1)] = " ".join(area_names(iso3, admin1))
                # What incidents.search.search_document indexes, folded part by part (the parts repeat:
                # folding each distinct sentence once keeps a million rows within minutes).
                parts = [code, title_ar, title_en, *sentences, summary_en, place.name_ar, place.name_en, admin1, areas[(iso3, admin1)]]
                text = " ".join(_fold(part) for part in parts + [f"{a.name_ar} {a.name_en}" for a in cast])
                published = status == Incident.Status.PUBLISHED
                rows.append(
                    (
                        pk, code, title_ar, title_en, summary_ar, summary_en, SUB_EVENT_TO_EVENT[sub], sub,
                        day, day, 1, place.pk, place.name_ar, rng.choice([1, 1, 1, 2]), iso3, admin1,
                        (place.latitude or 0) + rng.uniform(-0.05, 0.05), (place.longitude or 0) + rng.uniform(-0.05, 0.05),
                        killed, rng.choice([0, 0, 1, 3]), status, rng.choice(["confirmed", "likely", "likely", "contested"]),
                        author.pk, approver.pk if published else None, now if published else None,
                        _document_words(text), 1,
                    )
                )  # fmt: skip
                for role, actor in zip(("actor1", "actor2", "assoc1"), cast, strict=False):
                    actor_rows.append((pk, actor.pk, role, "certain"))
                if killed:
                    figure_rows.append((pk, "killed", "civilians", killed, killed + rng.choice([0, 0, 2]), rng.choice(CLAIMANTS)))
                for category in rng.sample(["injured", "arrested"], rng.choice([0, 0, 1, 2])):
                    figure_rows.append((pk, category, "unknown", 1, rng.randint(1, 9), rng.choice(CLAIMANTS)))
                for article in rng.sample(articles, rng.choice([1, 1, 2, 3, 4])):
                    source_rows.append((pk, article, ""))
            with transaction.atomic():
                incidents.write(rows)
                links.write(actor_rows)
                figures.write(figure_rows)
                sources.write(source_rows)
            self.stderr.write(f"  {offset + len(rows)} / {count} incidents")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in (Incident, IncidentActor, CasualtyFigure, IncidentSource, Article):
                    table = model._meta.db_table
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")  # noqa: S608

    # -- measurements -----------------------------------------------------------------------

    def _time(self, client, urls, repeat):
        """(wall ms per request, SQL ms per request) over `repeat` requests rotating through urls."""
        timings, db = [], []
        clock = SqlClock()
        with connection.execute_wrapper(clock):
            for url in itertools.islice(itertools.cycle(urls), repeat):
                clock.seconds = 0.0
                started = time.perf_counter()
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
                timings.append((time.perf_counter() - started) * 1000)
                db.append(clock.seconds * 1000)
                if response.status_code != 200:
                    raise RuntimeError(f"{url} answered {response.status_code}")
        return timings, db

    def _emit(self, name, value, unit):
        self.stdout.write(f"{name} {value} {unit}")

    def _page(self, client, name, urls, repeat, *, warm_up_urls=None):
        # Warm up (templates, translations, the gazetteer) on the first URLs, or on others when a first view is timed.
        self._time(client, (warm_up_urls or urls)[:3], min(3, repeat))
        timings, db = self._time(client, urls, repeat)
        self._emit(f"{name}_ms_p50", f"{statistics.median(timings):.1f}", "ms")
        self._emit(f"{name}_ms_p95", f"{_percentile(timings, 95):.1f}", "ms")
        self._emit(f"{name}_db_ms_p50", f"{statistics.median(db):.1f}", "ms")

    def _export(self, client, name, url, rows_in):
        started = time.perf_counter()
        response = client.get(url)
        body = b"".join(response.streaming_content)
        elapsed = time.perf_counter() - started
        rows = rows_in(body)
        self._emit(f"export_{name}_rows", rows, "rows")
        self._emit(f"export_{name}_rows_per_s", f"{rows / elapsed:.0f}", "rows/s")

    def _explain(self):
        """EXPLAIN (ANALYZE, BUFFERS) of the slowest query of each page (PostgreSQL)."""
        client = Client()
        code = Incident.objects.public().filter(code__contains=BENCH_MARK).values_list("code", flat=True).first()
        actor = Entity.objects.filter(incident_roles__isnull=False).values_list("pk", flat=True).first()
        place = Entity.objects.filter(incidents_here__isnull=False).values_list("pk", flat=True).first()
        pages = {
            "list_first": "/ar/",
            "list_deep": "/ar/?page=40",
            "list_seek": f"/ar/?after={_seek_cursors(random.Random(1), 1)[0]}",
            "list_facets": f"/ar/?{LIST_FACETS[0]}",
            "search_common": f"/ar/?q={COMMON_TERMS[0]}",
            "search_rare": f"/ar/?q={RARE_TERMS[0]}",
            "incident": f"/ar/incidents/{code}/",
            "place": f"/ar/places/{place}/",
            "actor": f"/ar/actors/{actor}/",
            "stats": "/ar/stats/",
            "stats_scan": "/ar/stats/?date_from=2023-01-01",
            "api_list": "/api/v1/incidents",
        }
        for name, url in pages.items():
            client.get(url)  # warm
            captured = []

            def capture(execute, sql, params, many, context, captured=captured):
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    captured.append((time.perf_counter() - started, sql, params))

            with connection.execute_wrapper(capture):
                client.get(url)
            spent, sql, params = max(captured, key=lambda item: item[0])
            self.stdout.write(
                f"\n== {name} {url}: {len(captured)} queries, slowest {spent * 1000:.1f} ms\n{sql % tuple(map(repr, params or ()))}"
            )
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
                self.stdout.write("\n".join(row[0] for row in cursor.fetchall()))

    def _measure(self, repeat, export_rows, rng):
        client = Client()
        public = Incident.objects.public()
        self._emit("incidents_public", public.count(), "rows")
        codes = list(public.filter(code__contains=BENCH_MARK).values_list("code", flat=True)[:2000])
        places = list(Entity.objects.filter(incidents_here__isnull=False).distinct().values_list("pk", flat=True)[:200])
        actors = list(Entity.objects.filter(incident_roles__isnull=False).distinct().values_list("pk", flat=True)[:80])
        self._page(client, "list_first", ["/ar/", "/en/"], repeat)
        self._page(client, "list_deep", [f"/ar/?page={n}" for n in (40, 39, 38, 37)], repeat)
        self._page(client, "list_seek", [f"/ar/?after={cursor}" for cursor in _seek_cursors(rng, 8)], repeat)
        self._page(client, "list_facets", [f"/ar/?{q}" for q in LIST_FACETS], repeat)
        self._page(client, "search_common", [f"/ar/?q={t}" for t in COMMON_TERMS], repeat)
        self._page(client, "search_common_vowelled", [f"/ar/?q={t}" for t in COMMON_TERMS_VOWELLED], repeat)
        self._page(client, "search_rare", [f"/ar/?q={RARE_TERMS[0]}"], repeat)
        self._page(client, "search_rare_vowelled", [f"/ar/?q={RARE_TERMS[1]}"], repeat)
        # An incident page's first view renders its body and stores it (incidents.stored_pages); later views read it.
        viewed = [rng.choice(codes) for _ in range(repeat)]
        forget_pages(Incident.objects.filter(code__in=viewed).values("pk"))
        others = [f"/ar/incidents/{code}/" for code in codes if code not in viewed][:3]
        self._page(client, "incident_first_view", [f"/ar/incidents/{code}/" for code in viewed], repeat, warm_up_urls=others)
        self._page(client, "incident", [f"/ar/incidents/{code}/" for code in viewed], repeat)
        self._page(client, "place", [f"/ar/places/{rng.choice(places)}/" for _ in range(repeat)], repeat)
        self._page(client, "actor", [f"/ar/actors/{rng.choice(actors)}/" for _ in range(repeat)], repeat)
        self._page(client, "stats", ["/ar/stats/", "/ar/stats/?country=IRQ", "/ar/stats/?event_type=Battles"], repeat)
        self._page(client, "api_list", ["/api/v1/incidents", "/api/v1/incidents?country=SYR", "/api/v1/incidents?page=3"], repeat)
        executed = []
        with connection.execute_wrapper(
            lambda execute, sql, params, many, context: executed.append(sql) or execute(sql, params, many, context)
        ):
            client.get("/ar/")
        self._emit("queries_per_list_page", len(executed), "queries")
        self._export(client, "csv", f"/export/incidents.csv?limit={export_rows}", lambda body: body.count(b"\n") - 1)
        self._export(client, "json", f"/export/incidents.json?limit={export_rows}", lambda body: body.count(b'"code": '))
        self._export(client, "geojson", f"/export/incidents.geojson?limit={export_rows}", lambda body: body.count(b'"type": "Feature",'))
        self._emit("load_average_1min", f"{os.getloadavg()[0]:.2f}", "")
