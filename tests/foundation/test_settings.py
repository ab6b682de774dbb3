"""Settings come from the environment: checked in fresh interpreters so nothing leaks between tests."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'debug': settings.DEBUG,"
    " 'lang': settings.LANGUAGE_CODE, 'hosts': settings.ALLOWED_HOSTS, 'key': settings.SECRET_KEY,"
    " 'tasks': settings.TASKS['default']['BACKEND'], 'secure': settings.SESSION_COOKIE_SECURE}))"
)


def probe(tmp_path, **env):
    """Settings in a fresh interpreter with production's environment (no MARSAD_TESTING) plus ``env``."""
    dropped = ("DATABASE_URL", "SECRET_KEY", "DEBUG", "TASKS_IMMEDIATE", "REDIS_URL", "MARSAD_TESTING")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base |= {"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY_FILE": str(tmp_path / "key"), "MARSAD_DATA_DIR": str(tmp_path)}
    base |= {"SECRET_KEY": "probe-key-not-secret"}
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=base | env, capture_output=True, text=True, check=False)
    return result


def test_defaults_are_sqlite_in_project_arabic_and_debug_off(tmp_path):
    out = json.loads(probe(tmp_path).stdout)
    assert out["engine"] == "django.db.backends.sqlite3"
    assert out["name"] == str(ROOT / "db.sqlite3")
    assert out["debug"] is False
    assert out["secure"] is True
    assert out["lang"] == "ar"
    assert out["tasks"] == "django_tasks_db.DatabaseBackend"


def test_database_url_switches_to_postgresql(tmp_path):
    out = json.loads(probe(tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:5432/marsad_x").stdout)
    assert (out["engine"], out["name"]) == ("django.db.backends.postgresql", "marsad_x")


def test_development_secret_key_generated_once_into_untracked_file(tmp_path):
    first = json.loads(probe(tmp_path, DEBUG="1", SECRET_KEY="").stdout)["key"]
    second = json.loads(probe(tmp_path, DEBUG="1", SECRET_KEY="").stdout)["key"]
    assert first == second == (tmp_path / "key").read_text()
    assert len(first) >= 50
    assert oct((tmp_path / "key").stat().st_mode)[-3:] == "600"
    assert json.loads(probe(tmp_path, SECRET_KEY="from-env").stdout)["key"] == "from-env"


def test_production_refuses_to_start_without_secret_key(tmp_path):
    result = probe(tmp_path, SECRET_KEY="")
    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured: SECRET_KEY is not set." in result.stderr
    assert not (tmp_path / "key").exists()


def test_pytest_settings_default_to_the_test_environment():
    env = {k: v for k, v in os.environ.items() if k not in ("MARSAD_TESTING", "TASKS_IMMEDIATE", "SECRET_KEY", "DATABASE_URL")}
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps([settings.SECRET_KEY, settings.TASKS['default']['BACKEND'], settings.PASSWORD_HASHERS[0]]))"
    )
    env["DJANGO_SETTINGS_MODULE"] = "config.settings_test"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert json.loads(result.stdout) == [
        "test-only-not-secret",
        "django_tasks.backends.immediate.ImmediateBackend",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]


def test_debug_and_hosts_from_environment(tmp_path):
    out = json.loads(probe(tmp_path, DEBUG="true", ALLOWED_HOSTS="marsad.example, www.marsad.example").stdout)
    assert out["debug"] is True
    assert out["secure"] is False
    assert out["hosts"] == ["marsad.example", "www.marsad.example"]


def test_bad_boolean_is_refused_with_a_clear_message(tmp_path):
    result = probe(tmp_path, DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean (true/false), got 'perhaps'" in result.stderr
