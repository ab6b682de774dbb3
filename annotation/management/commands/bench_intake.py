"""Benchmark intake: N generated 500-word Arabic articles imported, cleaned, split, checked, saved and tagged.

    DATABASE_URL=sqlite:////tmp/bench_intake.sqlite3 python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench_intake.sqlite3 python manage.py bench_intake --articles 1000

Articles are generated from word lists in this file (not from any evaluation corpus), each with
page chrome around it (a "آخر تحديث" stamp, a dateline, "المصدر:", share lines, a related-articles
list) so that boilerplate removal and splitting do real work. The import goes through the same
service as a JSONL upload; tagging runs in this process (what the task worker does) so the figure
covers the whole path. Prints `name value unit` lines. The articles are deleted afterwards unless
--keep is given. Run it against a throwaway database.
"""

import datetime
import json
import os
import random
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotation.intake.files import FileContent
from annotation.intake.split import split_articles
from annotation.models import Article, ImportBatch, Mention
from annotation.services.intake import batch_import
from annotation.services.suggestions import batch_tag

PLACES = [
    "بغداد",
    "الموصل",
    "البصرة",
    "كركوك",
    "الرمادي",
    "الفلوجة",
    "بعقوبة",
    "تكريت",
    "سامراء",
    "أربيل",
    "الحويجة",
    "طوزخورماتو",
    "النجف",
    "كربلاء",
    "الحلة",
]
ACTORS = [
    "قيادة العمليات المشتركة",
    "خلية الإعلام الأمني",
    "وزارة الداخلية العراقية",
    "وزارة الدفاع",
    "قوات الحشد الشعبي",
    "جهاز مكافحة الإرهاب",
    "الشرطة الاتحادية",
    "قوات البيشمركة",
    "تنظيم داعش",
    "مسلحون مجهولون",
]
PEOPLE = ["اللواء تحسين الخفاجي", "العميد يحيى رسول", "الناطق باسم الوزارة", "محافظ كركوك", "قائد الشرطة", "العقيد أحمد الجبوري"]
EVENTS = ["هجوم مسلح", "انفجار عبوة ناسفة", "ضربة جوية", "اشتباك مسلح", "عملية أمنية", "قصف مدفعي", "كمين"]
WEAPONS = ["طائرات مسيرة", "عبوة ناسفة", "قذائف هاون", "أسلحة خفيفة", "طائرات إف 16", "صواريخ كاتيوشا"]
NUMBERS = ["ثلاثة", "أربعة", "خمسة", "عنصرين", "ستة", "سبعة", "عشرة", "2", "3", "12"]
VICTIMS = ["مدنيين", "جنود", "عناصر من الشرطة", "مسلحين", "عناصر من التنظيم"]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
FILLER = (
    "وأضاف أن القوات الأمنية تواصل عملياتها في المناطق المحررة لملاحقة الخلايا النائمة ومنع تسلل العناصر "
    "الإرهابية عبر الحدود مؤكدا أن التنسيق بين الأجهزة الأمنية في أعلى مستوياته وأن المواطنين يتعاونون "
    "مع القوات في الإبلاغ عن أي تحركات مشبوهة في القرى والبساتين المحيطة بالطرق الرئيسية بين المحافظات "
    "فيما أشار مراقبون إلى أن الوضع الأمني شهد تحسنا ملحوظا خلال الأشهر الماضية رغم استمرار الهجمات "
    "المتفرقة التي تستهدف نقاط التفتيش والدوريات في المناطق النائية والوعرة خارج المدن الكبرى"
).split()


def _sentence(rng):
    kind = rng.randrange(4)
    place, actor = rng.choice(PLACES), rng.choice(ACTORS)
    if kind == 0:
        return (
            f"أعلنت {actor} يوم {rng.choice(DAYS)} {rng.randint(1, 28)} {rng.choice(MONTHS)} مقتل {rng.choice(NUMBERS)} "
            f"{rng.choice(VICTIMS)} وإصابة {rng.choice(NUMBERS)} آخرين في {rng.choice(EVENTS)} استهدف منطقة قرب {place}."
        )
    if kind == 1:
        return f"وقال {rng.choice(PEOPLE)} في بيان إن {rng.choice(ACTORS)} نفذت {rng.choice(EVENTS)} باستخدام {rng.choice(WEAPONS)} جنوب {place}."
    if kind == 2:
        return f"وذكرت مصادر محلية في {place} أن {actor} فرضت طوقا أمنيا حول المنطقة وباشرت عمليات التفتيش بحثا عن المتورطين."
    start = rng.randrange(len(FILLER) - 20)
    words = FILLER[start : start + rng.randint(12, 20)]
    rng.shuffle(words)
    return " ".join(words) + "."


def generate_article(rng, index, words=500):
    """A page as an editor would paste it: chrome, a dateline, ~``words`` words of body, a related list."""
    paragraphs, count, paragraph = [], 0, []
    while count < words:
        sentence = _sentence(rng)
        paragraph.append(sentence)
        count += len(sentence.split())
        if len(paragraph) >= rng.randint(2, 4):
            paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        paragraphs.append(" ".join(paragraph))
    place = rng.choice(PLACES)
    stamp = f"آخر تحديث: {rng.randint(1, 28)} {rng.choice(MONTHS)} 2024 - {rng.randint(1, 12)}:{rng.randint(10, 59)} ص"
    paragraphs[0] = f"{stamp} {place}/ وكالة الأنباء {index}- {paragraphs[0]}"
    related = "\n".join(f"  • {rng.choice(EVENTS)} في {rng.choice(PLACES)} ومقتل {rng.choice(NUMBERS)}" for _ in range(5))
    text = "\n\n".join(paragraphs) + "\n\nشارك على فيسبوك\n\nالمصدر: وكالة الأنباء\n\nمقالات مشابهة\n\n" + related
    return {"text": text, "title": f"{rng.choice(EVENTS)} في {place} ({index})", "source": "وكالة البنش", "published": "2024-11-22"}


class Command(BaseCommand):
    help = "Time the import of N generated Arabic articles, tagging included; prints `name value unit` lines."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=1000)
        parser.add_argument("--words", type=int, default=500)
        parser.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock, so reruns are not duplicates)")
        parser.add_argument("--keep", action="store_true", help="keep the imported articles")
        parser.add_argument(
            "--processes", type=int, default=min(4, os.cpu_count() or 1), help="tagging processes (as the task worker uses)"
        )

    def handle(self, *args, **options):
        n = options["articles"]
        rng = random.Random(options["seed"] if options["seed"] is not None else time.time_ns())
        user, _ = get_user_model().objects.get_or_create(username="bench-intake")
        rows = [generate_article(rng, i, options["words"]) for i in range(n)]
        content = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows)
        words = sum(len(r["text"].split()) for r in rows) / n
        from annotation.engine import get_engine

        engine = get_engine()  # loaded before the clock starts, as a running worker would have it
        sample = [split_articles(r["text"])[0].body for r in rows[:50]]
        t = time.perf_counter()
        published = datetime.date(2024, 11, 22)
        for body in sample:
            engine.tag(body, published=published)
        engine_ms = (time.perf_counter() - t) / len(sample) * 1000

        with CaptureQueriesContext(connection) as import_queries:
            t0 = time.perf_counter()
            batch = batch_import(upload=FileContent("jsonl", content, "bench.jsonl"), user=user, enqueue=False)
            t1 = time.perf_counter()
        with CaptureQueriesContext(connection) as tag_queries:
            batch_tag(batch_id=batch.pk, processes=options["processes"])
            t2 = time.perf_counter()

        batch.refresh_from_db()
        imported = Article.objects.filter(import_batch=batch).count()
        mentions = Mention.objects.filter(article__import_batch=batch).count()
        statuses = {}
        for entry in batch.report:
            statuses[entry["status"]] = statuses.get(entry["status"], 0) + 1
        out = self.stdout.write
        out(f"articles_generated {n} count")
        out(f"words_per_article {words:.0f} words")
        out(f"articles_imported {imported} count")
        out(f"rows_skipped {statuses.get('skipped', 0)} count")
        out(f"rows_refused {statuses.get('refused', 0)} count")
        out(f"mentions_saved {mentions} count")
        out(f"import_{n}_s {t2 - t0:.2f} s")
        out(f"intake_{n}_s {t1 - t0:.2f} s")
        out(f"tagging_{n}_s {t2 - t1:.2f} s")
        out(f"intake_queries {len(import_queries)} queries")
        out(f"tagging_queries {len(tag_queries)} queries")
        out(f"engine_ms_per_article {engine_ms:.1f} ms")
        out(f"tagging_processes {options['processes']} count")
        out(f"batch_tagged {batch.tagged}/{batch.total} articles")
        if not options["keep"]:
            Article.objects.filter(import_batch=batch).delete()
            ImportBatch.objects.filter(pk=batch.pk).delete()
