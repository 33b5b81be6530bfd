"""Django settings for Shutafut.

One settings module, read from the environment (12-factor). The defaults suit development: DEBUG on, a SQLite
file next to the code. Production sets ``SHUTAFUT_DEBUG=False`` and must then provide ``SHUTAFUT_SECRET_KEY``
and ``SHUTAFUT_ALLOWED_HOSTS``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import django_stubs_ext
import environ
from django.core.exceptions import ImproperlyConfigured

# Lets generic classes such as ModelForm[Organization] be subscripted at run time (django-stubs).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("SHUTAFUT_DEBUG", default=True)

_DEV_SECRET = "dev-only-not-secret-shutafut"
SECRET_KEY = env.str("SHUTAFUT_SECRET_KEY", default=_DEV_SECRET if DEBUG else "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SHUTAFUT_SECRET_KEY must be set when SHUTAFUT_DEBUG is off.")
# Rotating the secret: the new one in SHUTAFUT_SECRET_KEY, the old ones here (comma-separated) until the sessions,
# password-reset links and survey links signed with them have expired; then remove them (README, "Production").
SECRET_KEY_FALLBACKS = env.list("SHUTAFUT_SECRET_KEY_FALLBACKS", default=[])

ALLOWED_HOSTS = env.list("SHUTAFUT_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "shutafut.accounts",
    "shutafut.jobs",
    "shutafut.organizations",
    "shutafut.relationships",
    "shutafut.partnerships",
    "shutafut.guide",
    "shutafut.diagnosis",
    "shutafut.network",
    "shutafut.surveys",
    "shutafut.workspace",
    "shutafut.reports",
    "shutafut.audit",
    "shutafut.security",
    "shutafut.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "shutafut.security.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "shutafut.guide.errors.FriendlyErrorPagesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "shutafut.audit.middleware.AuditActorMiddleware",
]

ROOT_URLCONF = "shutafut.urls"
WSGI_APPLICATION = "shutafut.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "shutafut.accounts.context_processors.towns",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'shutafut.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Keep connections between requests (with a health check): a new PostgreSQL connection per request cost
    # more than the request itself under load.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("SHUTAFUT_DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work at once; a busy timeout instead of "database is locked".
    # WAL lets readers work beside one writer; IMMEDIATE transactions take the write lock up front, so
    # concurrent writers wait (up to the timeout) instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "he"
LANGUAGES = [("he", "עברית"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "shutafut" / "locale"]
# Day-first dates in English too (shutafut/lib/formats/en): one short date format, d/m/Y, in both languages.
FORMAT_MODULE_PATH = ["shutafut.lib.formats"]
TIME_ZONE = "Asia/Jerusalem"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("SHUTAFUT_STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "shutafut.lib.staticfiles.CompressedManifestStorage"
    },
}
# collectstatic keeps only the hashed names (what pages link to), not a second copy under the plain names.
WHITENOISE_KEEP_ONLY_HASHED_FILES = True

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# --- Security (shutafut.security; docs/security.md) -------------------------------------------------------------
# Production is switched on by SHUTAFUT_DEBUG=False: secrets then come only from the environment (above), cookies
# are secure, HTTPS is enforced and the deploy checks (manage.py check --deploy) pass.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env.int("SHUTAFUT_SESSION_AGE", default=8 * 60 * 60)
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Login throttling: django-axes (shutafut.security.logins; docs/security.md). Its backend stands first, so that
# every login form (the site's, the admin's) is counted.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "default"
AXES_FAILURE_LIMIT = env.int("SHUTAFUT_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = dt.timedelta(seconds=env.int("SHUTAFUT_LOGIN_FAILURE_WINDOW", default=15 * 60))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "shutafut.security.logins.login_username"
AXES_LOCKOUT_CALLABLE = "shutafut.security.logins.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ADMIN = False  # the counters are in the cache: axes' tables stay empty
# Counters of the login throttle (django-axes), the password reset's and the survey links' limits: every process
# must see the same ones. In production the default is a table of the database (``manage.py createcachetable``,
# which ``make serve`` runs); a town with Redis or Valkey sets SHUTAFUT_CACHE_URL=redis://host:6379/0 (rediss://
# with TLS). Development, one web process, keeps them in memory (and axes' warning about that, axes.W001, is off).
CACHE_TABLE = "shutafut_cache"
CACHES = {
    "default": env.cache_url("SHUTAFUT_CACHE_URL", default="locmemcache://" if DEBUG else f"dbcache://{CACHE_TABLE}")
}
if DEBUG and CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SHUTAFUT_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env.list(
        "SHUTAFUT_CSRF_TRUSTED_ORIGINS", default=[f"https://{h}" for h in ALLOWED_HOSTS if not h.startswith(".")]
    )
    # Behind a reverse proxy that ends TLS (deploy/nginx.conf): it says "https" in X-Forwarded-Proto. Only set this
    # when the proxy overwrites that header, or anyone could claim a secure connection.
    if env.bool("SHUTAFUT_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Background work (shutafut.jobs; docs/jobs.md) ----------------------------------------------------------------
# Django's Tasks API (the django-tasks backport) with its database backend: tasks wait in a table until one of the
# ``manage.py db_worker`` processes (any number, on any machine that shares the database) runs them. The test
# suite runs them at once instead (tests/conftest.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Scheduled backups (``shutafut backup --scheduled``, run by deploy/shutafut-backup.timer): where, and how many.
BACKUP_DIR = env.path("SHUTAFUT_BACKUP_DIR", default=BASE_DIR / "var" / "backups")
BACKUP_KEEP = env.int("SHUTAFUT_BACKUP_KEEP", default=14)

EMAIL_BACKEND = env.str("SHUTAFUT_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")

# Every handler drops the secret of personal links from the paths it writes (shutafut.security.logs); the
# gunicorn access log does the same through gunicorn.conf.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_links": {"()": "shutafut.security.logs.RedactPersonalLinks"}},
    "formatters": {
        "django.server": {"()": "django.utils.log.ServerFormatter", "format": "[{server_time}] {message}", "style": "{"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_links"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["personal_links"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO" if DEBUG else "WARNING", "propagate": False},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}
