"""Resources an editor (or a hostile site) could tie up: fetches, uploads, training jobs, login attempts."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest

from annotation.intake.fetch import FetchError, fetch_url


class _Trickle(BaseHTTPRequestHandler):
    """Headers at once, then one byte every 0.2 s: each byte restarts a socket timeout."""

    def do_GET(self):
        body = b"<p>" + b"x" * 40 + b"</p>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for byte in body:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def trickling_url(settings):
    settings.MARSAD_FETCH_ALLOW_PRIVATE = True
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Trickle)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/slow"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_has_an_overall_deadline(trickling_url):
    # Each byte arrives well within the 1 s timeout; the whole page would take 9 s.
    with pytest.raises(FetchError, match="within 1 seconds"):
        fetch_url(trickling_url, timeout=1)


def test_upload_over_the_limit_is_stopped_while_streaming(client, editor, settings, monkeypatch):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from annotation.models import Article
    from annotation.views import intake

    settings.MARSAD_MAX_UPLOAD_BYTES = 4096
    read = []
    monkeypatch.setattr(intake, "read_upload", lambda *a, **k: read.append(a) or pytest.fail("the file was read into memory"))
    client.force_login(editor)
    upload = SimpleUploadedFile("big.txt", "كلمة ".encode() * 2000, content_type="text/plain")
    response = client.post("/en/desk/intake/", {"title": "ملف كبير", "file": upload})
    assert response.status_code == 413
    assert "The file is larger than the 0.0 MB limit." in response.content.decode()
    assert read == [] and not Article.objects.exists()
    assert response.wsgi_request.upload_refused == "big.txt"


def test_one_training_job_is_queued_at_a_time(client, editor, editor2, monkeypatch):
    from annotation.services import review

    queued = []
    monkeypatch.setattr(review, "train_model", SimpleNamespace(enqueue=lambda **kwargs: queued.append(kwargs)))
    client.force_login(editor)
    for _ in range(5):
        client.post(_train_url(), {})
    client.force_login(editor2)
    response = client.post(_train_url(), {}, follow=True)
    assert len(queued) == 1
    assert "A training is already queued or running" in " ".join(str(m) for m in response.context["messages"])
    review._training_lock_release()  # the job ended (train_model gives the lock back)
    client.post(_train_url(), {})
    assert len(queued) == 2


def test_the_training_lock_holds_across_processes(editor, editor2, monkeypatch):
    """Another process shares the database, not this one's memory or (without Redis) its cache."""
    from django.core.cache import cache
    from django.core.exceptions import ValidationError

    from annotation.models import TrainingLock
    from annotation.services import review

    monkeypatch.setattr(review, "train_model", SimpleNamespace(enqueue=lambda **kwargs: None))
    review.model_train(user=editor)
    cache.clear()  # what a second worker with its own local cache sees
    with pytest.raises(ValidationError) as err:
        review.model_train(user=editor2)
    assert err.value.code == "train_queued"
    assert TrainingLock.objects.get().held_by == editor


def test_a_training_lock_left_by_a_dead_worker_is_taken_over(editor, editor2, monkeypatch):
    import datetime

    from django.utils import timezone

    from annotation.models import TrainingLock
    from annotation.services import review

    monkeypatch.setattr(review, "train_model", SimpleNamespace(enqueue=lambda **kwargs: None))
    review.model_train(user=editor)
    old = timezone.now() - datetime.timedelta(seconds=review.TRAIN_LOCK_SECONDS + 1)
    TrainingLock.objects.update(held_since=old)
    review.model_train(user=editor2)
    assert TrainingLock.objects.get().held_by == editor2


def test_a_finished_training_frees_the_queue(editor, monkeypatch):
    from annotation.models import TrainingLock
    from annotation.services import review

    monkeypatch.setattr(review, "call_command", lambda *a, **k: None)
    review.model_train(user=editor)  # runs at once under the immediate backend of the tests
    assert TrainingLock.objects.get().held_since is None
    review.model_train(user=editor)


def _train_url():
    from django.urls import reverse
    from django.utils import translation

    with translation.override("en"):
        return reverse("annotation:model_train")
