"""`make run` serves the site and runs the background worker beside it, on the PORT and HOST given."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _recipe(*env):
    return subprocess.run(["make", "-n", "-C", str(ROOT), "run", *env], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_starts_the_worker_beside_the_server():
    recipe = _recipe("PORT=8123", "HOST=0.0.0.0")
    assert "manage.py db_worker &" in recipe
    assert "manage.py runserver 0.0.0.0:8123" in recipe
    assert "kill $worker" in recipe  # Ctrl-C stops the worker too


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_run_uses_the_rq_worker_with_redis():
    assert "manage.py rqworker default &" in _recipe("REDIS_URL=redis://127.0.0.1:6379/9")
