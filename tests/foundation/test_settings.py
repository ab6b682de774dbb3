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
    base = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SECRET_KEY", "DEBUG", "TASKS_IMMEDIATE", "REDIS_URL")}
    base |= {"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY_FILE": str(tmp_path / "key"), "MARSAD_DATA_DIR": str(tmp_path)}
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


def test_secret_key_generated_once_into_untracked_file(tmp_path):
    first = json.loads(probe(tmp_path).stdout)["key"]
    second = json.loads(probe(tmp_path).stdout)["key"]
    assert first == second == (tmp_path / "key").read_text()
    assert len(first) >= 50
    assert oct((tmp_path / "key").stat().st_mode)[-3:] == "600"
    assert json.loads(probe(tmp_path, SECRET_KEY="from-env").stdout)["key"] == "from-env"


def test_debug_and_hosts_from_environment(tmp_path):
    out = json.loads(probe(tmp_path, DEBUG="true", ALLOWED_HOSTS="marsad.example, www.marsad.example").stdout)
    assert out["debug"] is True
    assert out["secure"] is False
    assert out["hosts"] == ["marsad.example", "www.marsad.example"]


def test_bad_boolean_is_refused_with_a_clear_message(tmp_path):
    result = probe(tmp_path, DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean (true/false), got 'perhaps'" in result.stderr
