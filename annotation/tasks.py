"""Background work (django-tasks): tagging imported articles and retraining the engine on editors' decisions."""

import io
import logging
import os

from django.core.management import call_command
from django_tasks import task

log = logging.getLogger("marsad.workflow")


@task()
def tag_batch(batch_id: int) -> int:
    """Tag the articles of an import batch, updating ImportBatch.tagged as chunks finish."""
    from annotation.services.intake import batch_tag

    # Forked tagging processes are used only when the worker is single-threaded (see tagging_pool).
    return batch_tag(batch_id=batch_id, processes=min(4, os.cpu_count() or 1))


@task()
def tag_article(article_id: int) -> int:
    """Tag one article again (e.g. after a failed run)."""
    from annotation.models import Article
    from annotation.services.intake import articles_tag

    article = Article.objects.filter(pk=article_id).first()
    return articles_tag(articles=[article]) if article else 0


@task()
def train_model(requested_by=None):
    """Run the engine's ``train`` command (started from the review screen); returns its output for the result page."""
    out = io.StringIO()
    log.info("train requested_by=%s", requested_by)
    call_command("train", stdout=out)
    return out.getvalue()[-4000:]
