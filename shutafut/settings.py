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
    "shutafut.accounts",
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
TIME_ZONE = "Asia/Jerusalem"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

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
# Counters of the login throttle (django-axes: it warns, axes.W001, about a per-process cache such as LocMem), the
# password reset's and the survey links' limits. Several processes need a shared cache: SHUTAFUT_CACHE_URL.
CACHES = {"default": env.cache_url("SHUTAFUT_CACHE_URL", default="locmemcache://")}
if not DEBUG:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SHUTAFUT_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    CSRF_TRUSTED_ORIGINS = env.list("SHUTAFUT_CSRF_TRUSTED_ORIGINS", default=[f"https://{h}" for h in ALLOWED_HOSTS])
    if env.bool("SHUTAFUT_BEHIND_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

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
