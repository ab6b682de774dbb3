"""Production settings: `check --deploy` clean, secure cookies, CSP, login throttling, password rules."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "marsad.example.org",
    "SECURE_SSL_REDIRECT": "1",
    "CSRF_TRUSTED_ORIGINS": "https://marsad.example.org",
}


def _run(code_or_args, **env):
    """Run manage.py (list) or Python code (str) in a fresh process with production-like settings."""
    # A clean production environment: nothing the test run sets (the browser tests set DJANGO_ALLOW_ASYNC_UNSAFE).
    dropped = ("MARSAD_TESTING", "TASKS_IMMEDIATE", "DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    base = {k: v for k, v in os.environ.items() if k not in dropped}
    base.update({"DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY_FILE": "/nonexistent/never-read"} | env)
    args = [sys.executable, "manage.py", *code_or_args] if isinstance(code_or_args, list) else [sys.executable, "-c", code_or_args]
    return subprocess.run(args, cwd=ROOT, env=base, capture_output=True, text=True, timeout=120)


def test_check_deploy_is_clean_with_production_environment():
    code = (
        "import django; django.setup();"
        "from django.core.management import call_command;"
        "call_command('check', '--deploy', '--fail-level', 'WARNING')"
    )
    result = _run(code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_without_ssl_redirect():
    """The test above would be meaningless if the check could not fail: drop one variable and it does."""
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], **(PRODUCTION_ENV | {"SECURE_SSL_REDIRECT": "0"}))
    assert result.returncode != 0
    assert "security.W008" in result.stderr


def test_production_settings_values():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_CONTENT_TYPE_NOSNIFF, s.X_FRAME_OPTIONS, s.ALLOWED_HOSTS, s.LOG_FORMAT,"
        " s.LANGUAGE_COOKIE_SECURE]))"
    )
    result = _run(code, **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip().splitlines()[-1] == '[false, true, true, true, 31536000, true, "DENY", ["marsad.example.org"], "json", true]'
    )


@pytest.mark.django_db
def test_security_headers_and_csp_are_sent(client):
    response = client.get("/ar/accounts/login/")
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["default-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_secure_and_httponly(client, editor):
    """Tests run with DEBUG off, as production does."""
    login_page = client.get("/ar/accounts/login/")
    assert login_page.cookies["csrftoken"]["secure"] is True
    response = client.post("/ar/accounts/login/", {"username": "editor1", "password": "pw-editor1-1234"})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
SCRIPT_TAG = re.compile(r"<script\b([^>]*)>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"""<[a-zA-Z][^>]*\s(on[a-z]+)\s*=""", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*\sstyle\s*=""", re.IGNORECASE)


def _templates():
    paths = sorted({p for d in TEMPLATE_DIRS if d.is_dir() for p in d.rglob("*.html")})
    assert paths, "no templates found"
    return paths


def inline_script_offences(html, where):
    """Inline scripts CSP would block: <script> without src (JSON data blocks excepted), on*= handlers,
    javascript: URLs and style attributes (style-src 'self' blocks those too)."""
    offences = []
    for match in SCRIPT_TAG.finditer(html):
        attrs = match.group(1)
        if re.search(r"\bsrc\s*=", attrs):
            continue
        if re.search(r"""\btype\s*=\s*["']application/(?:ld\+)?json["']""", attrs):
            continue
        offences.append(f"{where}: inline <script{attrs}>")
    offences += [f"{where}: event handler {m.group(1)}=" for m in EVENT_HANDLER.finditer(html)]
    offences += [f"{where}: style attribute" for _ in STYLE_ATTRIBUTE.finditer(html)]
    offences += [f"{where}: javascript: URL" for _ in re.finditer(r"""=\s*["']?\s*javascript:""", html, re.IGNORECASE)]
    return offences


def test_no_template_has_inline_script_handlers_or_style_attributes():
    offences = []
    for path in _templates():
        offences += inline_script_offences(path.read_text(encoding="utf-8"), path.relative_to(ROOT))
    assert offences == []


def test_inline_script_scanner_catches_offences():
    html = '<script>alert(1)</script><script type="application/json" id="d">{}</script><script src="/s.js"></script><a onclick="x()" style="color:red" href="javascript:void(0)">'
    assert inline_script_offences(html, "t") == [
        "t: inline <script>",
        "t: event handler onclick=",
        "t: style attribute",
        "t: javascript: URL",
    ]


def test_password_validation_refuses_weak_passwords(db):
    for weak in ["short1", "1234567890123", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(weak)
    validate_password("ضوء-القمر-فوق-دجلة-2025")


def test_login_page_uses_password_validation_settings(settings):
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == ["UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator", "NumericPasswordValidator"]
