"""Production static files: collectstatic with hashed, compressed names, served by whitenoise."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHECK = """
import django, json
django.setup()
from django.test import Client
client = Client()
page = client.get("/ar/accounts/login/")
css = [p for p in json.load(open(STATIC_ROOT + "/staticfiles.json"))["paths"].items() if p[0] == "vendor/bootstrap/bootstrap.rtl.min.css"][0][1]
served = client.get("/static/" + css)
print(json.dumps({"page": page.status_code, "linked": ("/static/" + css) in page.content.decode(),
                  "served": served.status_code, "cache": served.get("Cache-Control", "")}))
"""


def test_collectstatic_in_production_hashes_and_serves(tmp_path):
    static_root = tmp_path / "static"
    env = {k: v for k, v in os.environ.items() if k not in ("MARSAD_TESTING", "DATABASE_URL", "STATIC_MANIFEST")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "0",
        "STATIC_ROOT": str(static_root),
        "LOG_LEVEL": "WARNING",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_COOKIES": "0",
    }
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'unused.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((static_root / "staticfiles.json").read_text(encoding="utf-8"))["paths"]
    for name in ["vendor/bootstrap/bootstrap.rtl.min.css", "vendor/leaflet/leaflet.js", "vendor/htmx/htmx.min.js", "css/marsad.css"]:
        hashed = manifest[name]
        assert hashed != name
        assert (static_root / hashed).exists()
        assert (static_root / (hashed + ".gz")).exists()
    check = subprocess.run(
        [sys.executable, "-c", f"STATIC_ROOT = {str(static_root)!r}\n" + CHECK],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stderr
    outcome = json.loads(check.stdout.strip().splitlines()[-1])
    assert outcome["page"] == 200
    assert outcome["linked"] is True
    assert outcome["served"] == 200
    assert "max-age=315360000" in outcome["cache"] and "immutable" in outcome["cache"]
