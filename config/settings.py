"""Marsad settings: one module, configured through environment variables.

SQLite in the project directory by default; PostgreSQL when DATABASE_URL is set.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (true/false), got {value!r}")


def envint(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {value!r}") from exc


def envlist(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def _secret_key(debug, testing):
    """SECRET_KEY from the environment. Only a development or test run (DEBUG or MARSAD_TESTING) may fall back to
    a key generated once into an untracked local file: production refuses to start without one, because two
    servers that each generated their own would silently reject each other's sessions and CSRF tokens."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if not (debug or testing):
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (50+ random characters, the same on every server), "
            "or set DEBUG=1 for a development run (`make run` does)."
        )
    key_file = Path(os.environ.get("SECRET_KEY_FILE", BASE_DIR / "var" / "secret_key"))
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    key_file.write_text(key, encoding="utf-8")
    key_file.chmod(0o600)
    return key


MARSAD_DATA_DIR = Path(os.environ.get("MARSAD_DATA_DIR", BASE_DIR / "var"))
DEBUG = envbool("DEBUG", False)
SECRET_KEY = _secret_key(DEBUG, envbool("MARSAD_TESTING", False))
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "annotation",
    "incidents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "config.not_found.OwnNotFoundPageMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "incidents.context_processors.site",
            ],
            "libraries": {"i18n_links": "config.templatetags.i18n_links", "layout": "config.templatetags.layout"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,  # a reused connection is checked first: no errors after a database restart
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the task worker and the web server write without locking each other out.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    # The date index carries the version as a non-key column (INCLUDE, PostgreSQL's index-only export pairing);
    # SQLite builds the index without it, which is all the zero-setup database needs: no warning on every migrate.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
# The desk home (articles and incidents, served by the incidents app); annotation's views return to it too.
LOGIN_REDIRECT_URL = "workflow:dashboard"
LOGOUT_REDIRECT_URL = "incidents:list"

# Login throttling (django-axes): lock a username+IP pair after repeated failures.
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# …and an address after this many failures over any user names (config.throttling).
AXES_HANDLER = "config.throttling.AddressThrottleHandler"
MARSAD_LOGIN_ADDRESS_FAILURE_LIMIT = envint("MARSAD_LOGIN_ADDRESS_FAILURE_LIMIT", 20)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"

LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "ar")
LANGUAGES = [("ar", _("Arabic")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Baghdad")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = MARSAD_DATA_DIR / "media"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files in production (config/storage.py: whitenoise's storage, source maps optional).
        "BACKEND": (envbool("STATIC_MANIFEST", not DEBUG) and "config.storage.StaticStorage")
        or "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Background work (django-tasks): database queue by default, Redis (RQ) when REDIS_URL is set,
# run inline when TASKS_IMMEDIATE is set (tests).
REDIS_URL = os.environ.get("REDIS_URL", "")
if envbool("TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif REDIS_URL:
    INSTALLED_APPS.append("django_tasks_rq")
    INSTALLED_APPS.append("django_rq")
    # Workers: `manage.py rqworker default` (the job class below is what django-tasks-rq needs).
    RQ_QUEUES = {"default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": envint("RQ_DEFAULT_TIMEOUT", 3600)}}
    RQ = {"JOB_CLASS": "django_tasks_rq.Job"}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Intake limits.
MARSAD_MAX_ARTICLE_CHARS = envint("MARSAD_MAX_ARTICLE_CHARS", 200_000)
MARSAD_MAX_UPLOAD_BYTES = envint("MARSAD_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
MARSAD_FETCH_TIMEOUT = envint("MARSAD_FETCH_TIMEOUT", 10)
# Fetching article URLs and feeds refuses internal addresses (SSRF) unless this is on.
MARSAD_FETCH_ALLOW_PRIVATE = envbool("MARSAD_FETCH_ALLOW_PRIVATE", False)
DATA_UPLOAD_MAX_MEMORY_SIZE = MARSAD_MAX_UPLOAD_BYTES + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MARSAD_MAX_UPLOAD_BYTES
# Uploads are counted as they stream in and stopped past the limit, before they fill memory or disk.
FILE_UPLOAD_HANDLERS = [
    "annotation.intake.uploads.UploadSizeLimit",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# The no-JavaScript review form posts 5 fields per mention: a long article has thousands (Django's default is 1000).
DATA_UPLOAD_MAX_NUMBER_FIELDS = envint("DATA_UPLOAD_MAX_NUMBER_FIELDS", 20_000)

# Public site.
MARSAD_SITE_NAME = os.environ.get("MARSAD_SITE_NAME", "مرصد")
MARSAD_SITE_URL = os.environ.get("MARSAD_SITE_URL", "http://127.0.0.1:8000")
# Anonymous readers' pages are cached this many seconds (0 turns it off; off by default with DEBUG).
MARSAD_PUBLIC_CACHE_SECONDS = envint("MARSAD_PUBLIC_CACHE_SECONDS", 0 if DEBUG or envbool("MARSAD_TESTING", False) else 30)
# Per process by default; shared by every app server through Redis when REDIS_URL is set.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "marsad"}
}
MARSAD_MAP_TILE_URL = os.environ.get("MARSAD_MAP_TILE_URL", "")  # empty: offline outline map only
MARSAD_FARASA_BIN = os.environ.get("FARASA_BIN", "")

# Security. Production (DEBUG off) gets secure cookies and HSTS unless told otherwise; `manage.py check --deploy`
# is clean with DEBUG=0, SECRET_KEY (50+ random characters), ALLOWED_HOSTS and SECURE_SSL_REDIRECT=1 set
# (see docs/deploy.md for the whole table).
SECURE = envbool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_SECURE = SECURE
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 12 * 3600)  # one working day
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", False)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
BEHIND_PROXY = envbool("BEHIND_PROXY", False)  # a reverse proxy sets X-Forwarded-Proto/-For/-Host
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
USE_X_FORWARDED_HOST = BEHIND_PROXY
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", SECURE_HSTS_SECONDS > 0)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"


def _client_ip(request):
    """The address login throttling counts: behind our proxy, the one it appended to X-Forwarded-For."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if BEHIND_PROXY and forwarded:
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")


AXES_CLIENT_IP_CALLABLE = _client_ip

_tile_hosts = [MARSAD_MAP_TILE_URL.split("/{")[0]] if MARSAD_MAP_TILE_URL else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_tile_hosts],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Logs go to stderr: one JSON object per line in production (LOG_FORMAT=json, fields parsed from the
# "key=value" pairs of Marsad's own loggers, e.g. marsad.workflow), plain text when DEBUG is on.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text" if DEBUG else "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "config.logging.JsonFormatter"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json" if LOG_FORMAT == "json" else "text"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Propagates to the root handler (and to pytest's caplog); INFO even when LOG_LEVEL is higher.
        "marsad.workflow": {"level": "INFO"},
        # django-axes logs every start and every reset at INFO; lockouts are WARNING and still shown.
        "axes": {"level": "WARNING"},
    },
}

if envbool("MARSAD_TESTING", False):
    MARSAD_FETCH_ALLOW_PRIVATE = envbool("MARSAD_FETCH_ALLOW_PRIVATE", True)  # intake tests fetch from 127.0.0.1
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    WHITENOISE_USE_FINDERS = True
