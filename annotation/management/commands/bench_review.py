"""Benchmark the review screen server side; prints `name value unit` lines.

One generated article with ~60 suggestions is created inside a transaction that is rolled back at
the end, so the command leaves the database as it found it. Requests go through the whole Django
stack (middleware, session, permission checks, template) with the test Client.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management.base import BaseCommand
from django.core.signals import request_started
from django.db import connection, reset_queries, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from annotation.labels import LABELS
from annotation.models import Article, Mention, Source

SENTENCE = "أعلنت قيادة العمليات المشتركة مقتل عنصرين من تنظيم داعش في قضاء الحويجة جنوب غربي كركوك يوم الجمعة بضربة جوية"


class _Rollback(Exception):
    pass


def _percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def build_article(mentions=60, words=500):
    """An Arabic article of about ``words`` words with ``mentions`` suggestions spread over it."""
    base = SENTENCE.split()
    text_words = [base[i % len(base)] for i in range(words)]
    body = " ".join(text_words)
    source, _created = Source.objects.get_or_create(name="bench-review")
    article = Article.objects.create(source=source, title="bench", body=body, tagging_status=Article.TaggingStatus.DONE)
    offsets, pos = [], 0
    for w in text_words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    step = max(1, len(offsets) // mentions)
    rows = []
    for n, i in enumerate(range(0, len(offsets), step)):
        if n >= mentions:
            break
        s, e = offsets[i]
        rows.append(
            Mention(
                article=article,
                start=s,
                end=e,
                article_length=len(body),
                text=body[s:e],
                label=LABELS[n % len(LABELS)],
                origin=Mention.Origin.LEXICON,
                confidence=0.5 + (n % 5) / 10,
            )
        )
    Mention.objects.bulk_create(rows)
    return article


class Command(BaseCommand):
    help = "Time the review page and a mention action (server side); count the page's queries."

    def add_arguments(self, parser):
        parser.add_argument("--mentions", type=int, default=60)
        parser.add_argument("--requests", type=int, default=200)

    def handle(self, *args, mentions=60, requests=200, **options):
        results = {}
        with override_settings(ALLOWED_HOSTS=["testserver"], SECURE_SSL_REDIRECT=False, AXES_ENABLED=False, DEBUG=False):
            try:
                with transaction.atomic():
                    self._run(results, mentions, requests)
                    raise _Rollback
            except _Rollback:
                pass
        for name, value, unit in results.values():
            self.stdout.write(f"{name} {value:.2f} {unit}" if isinstance(value, float) else f"{name} {value} {unit}")

    def _run(self, results, mentions, requests):
        user = get_user_model().objects.create_user(username="bench-review-editor", password=None)
        # The annotation permissions an editor holds; the roles themselves belong to the incidents app above.
        user.user_permissions.set(Permission.objects.filter(content_type__app_label="annotation").exclude(codename__startswith="delete_"))
        article = build_article(mentions)
        client = Client()
        client.force_login(user)
        page = reverse("annotation:review", kwargs={"pk": article.pk})
        response = client.get(page)
        assert response.status_code == 200, response.status_code
        # Django empties the query log when a request starts; keep it for the count.
        request_started.disconnect(reset_queries)
        try:
            with CaptureQueriesContext(connection) as ctx:
                client.get(page)
            page_queries = len(ctx.captured_queries)
        finally:
            request_started.connect(reset_queries)
        times, cpu = [], []
        for _ in range(requests):
            t, c = time.perf_counter(), time.process_time()
            client.get(page)
            times.append((time.perf_counter() - t) * 1000)
            cpu.append((time.process_time() - c) * 1000)
        results["p50"] = ("review_page_ms_p50", statistics.median(times), "ms")
        results["p95"] = ("review_page_ms_p95", _percentile(times, 0.95), "ms")
        # CPU time of this process: the same work without the waits a busy machine adds to wall time.
        results["cpu"] = ("review_page_cpu_ms_p50", statistics.median(cpu), "ms")
        target = Mention.objects.filter(article=article).order_by("start").first()
        url = reverse("annotation:mention_action", kwargs={"pk": article.pk, "mention_pk": target.pk, "action": "relabel"})
        headers = {"X-Requested-With": "fetch"}
        action_times, action_cpu = [], []
        for n in range(max(20, requests // 4)):
            version = Article.objects.values_list("version", flat=True).get(pk=article.pk)
            t, c = time.perf_counter(), time.process_time()
            r = client.post(url, {"version": version, "label": LABELS[n % 2]}, headers=headers)
            action_times.append((time.perf_counter() - t) * 1000)
            action_cpu.append((time.process_time() - c) * 1000)
            assert r.status_code == 200, r.status_code
        results["action"] = ("mention_action_ms_p50", statistics.median(action_times), "ms")
        results["action_cpu"] = ("mention_action_cpu_ms_p50", statistics.median(action_cpu), "ms")
        results["queries"] = ("queries_per_review_page", page_queries, "queries")
        results["mentions"] = ("review_page_mentions", Mention.objects.filter(article=article).count(), "mentions")
