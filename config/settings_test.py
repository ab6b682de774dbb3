"""Settings for pytest (pyproject.toml points pytest-django here): the test environment's defaults, then
the one settings module. `make test` exports the same variables; with these defaults a bare `pytest`
runs the same way. Variables already set win (e.g. DATABASE_URL for PostgreSQL)."""

import os

for _name, _value in {"MARSAD_TESTING": "1", "TASKS_IMMEDIATE": "1", "SECRET_KEY": "test-only-not-secret"}.items():
    os.environ.setdefault(_name, _value)

from config.settings import *  # noqa: E402, F403
