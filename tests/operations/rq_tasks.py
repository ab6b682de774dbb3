"""A test-only task for the RQ tests (tasks must live at module level)."""

from django_tasks import task


@task()
def explode(word):
    raise RuntimeError(f"failed on purpose: {word}")
