"""Background tagging through Redis (django-tasks-rq + RQ), run when REDIS_TEST_URL or REDIS_URL is set."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

# Imported before any settings override: @task() validates the queue against the backend configured at import.
from annotation.services.suggestions import tag_article
from tests.operations import rq_tasks

REDIS = os.environ.get("REDIS_TEST_URL") or os.environ.get("REDIS_URL")
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not REDIS, reason="set REDIS_TEST_URL (e.g. redis://127.0.0.1:6379/15) to run the Redis tests")

BODY = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس 13 آذار 2025."


@pytest.fixture
def rq_queue(settings):
    """The production configuration (config/settings.py, REDIS_URL branch) on a queue of our own."""
    import django_rq

    name = f"marsad-test-{uuid.uuid4().hex[:10]}"
    # django-tasks-rq fetches results through the "default" queue's connection, so it must exist too.
    settings.RQ_QUEUES = {"default": {"URL": REDIS}, name: {"URL": REDIS, "DEFAULT_TIMEOUT": 120}}
    settings.RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": [name]}}
    yield name
    django_rq.get_queue(name).delete(delete_jobs=True)


@pytest.mark.django_db
def test_tagging_task_runs_through_rq_worker(rq_queue, make_article):
    import django_rq
    from django_tasks import TaskResultStatus, task_backends
    from django_tasks_rq import RQBackend
    from rq import SimpleWorker

    from annotation.models import Article, Mention

    assert isinstance(task_backends["default"], RQBackend)
    article = make_article(body=BODY)
    assert article.mentions.count() == 0

    result = tag_article.using(queue_name=rq_queue).enqueue(article.pk)
    assert result.status == TaskResultStatus.READY
    queue = django_rq.get_queue(rq_queue)
    assert queue.count == 1
    assert Mention.objects.filter(article=article).count() == 0  # nothing happens until a worker runs

    worker = django_rq.get_worker(rq_queue, worker_class=SimpleWorker)  # no fork: sees the test's transaction
    assert worker.work(burst=True) is True

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    mentions = list(Mention.objects.filter(article=article).values_list("label", "text"))
    assert ("LOC", "بعقوبة") in mentions
    assert result.return_value == len(mentions)
    assert Article.objects.get(pk=article.pk).tagging_status == Article.TaggingStatus.DONE
    assert queue.count == 0


@pytest.mark.django_db
def test_failed_task_is_reported_failed(rq_queue):
    import django_rq
    from django_tasks import TaskResultStatus
    from rq import SimpleWorker

    result = rq_tasks.explode.using(queue_name=rq_queue).enqueue("بوم")
    django_rq.get_worker(rq_queue, worker_class=SimpleWorker).work(burst=True)
    result.refresh()
    assert result.status == TaskResultStatus.FAILED
    assert result.errors[0].exception_class_path == "builtins.RuntimeError"
    assert "بوم" in result.errors[0].traceback


def _manage(*args, env, code=None):
    cmd = [sys.executable, "manage.py", *args] + (["-c", code] if code else [])
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def test_redis_by_configuration_alone(tmp_path):
    """REDIS_URL set, nothing else: the web process enqueues, `manage.py rqworker --burst` tags."""
    import redis

    env = {k: v for k, v in os.environ.items() if k not in ("TASKS_IMMEDIATE", "DATABASE_URL", "MARSAD_TESTING")}
    env |= {
        "REDIS_URL": REDIS,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'rq.sqlite3'}",
        "LOG_LEVEL": "WARNING",
        "MARSAD_DATA_DIR": str(tmp_path),
    }
    connection = redis.Redis.from_url(REDIS)
    connection.delete("rq:queue:default")
    _manage("check", "--fail-level", "WARNING", env=env)
    _manage("migrate", "--noinput", "-v0", env=env)
    backend = _manage(
        "shell",
        env=env,
        code=(
            "from annotation.models import Article; from annotation.services.suggestions import tag_article;"
            f"a = Article.objects.create(body={BODY!r});"
            "r = tag_article.enqueue(a.pk); print(type(r.task.get_backend()).__name__, a.mentions.count())"
        ),
    )
    assert backend == "RQBackend 0"
    _manage("rqworker", "--burst", "default", env=env)
    count = _manage(
        "shell", env=env, code="from annotation.models import Mention; print(Mention.objects.filter(label='LOC', text='بعقوبة').count())"
    )
    assert count == "1"
