"""Background work the review screen starts: retraining the engine on editors' decisions."""

import io
import logging

from django.core.management import call_command
from django_tasks import task

log = logging.getLogger("marsad.workflow")


@task()
def train_model(requested_by=None):
    """Run the engine's ``train`` command; returns its output so the result page can show it."""
    out = io.StringIO()
    log.info("train requested_by=%s", requested_by)
    call_command("train", stdout=out)
    return out.getvalue()[-4000:]
