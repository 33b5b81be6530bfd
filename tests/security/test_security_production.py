"""The production settings, each read by a child process started the way production starts: the deploy checks
pass, cookies are secure and HTTPS forced, and nothing starts without a secret key from the environment.

These tests touch no test database (each child has its own, or none), so the SQLite pass leaves them out.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

from tests.conftest import REPO


def _production_env(**extra: str) -> dict[str, str]:
    # Nothing of the test run's own environment: no SHUTAFUT_* setting, and not the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE (which the deploy checks rightly refuse).
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHUTAFUT_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        SHUTAFUT_DEBUG="False",
        SHUTAFUT_SECRET_KEY=secrets.token_urlsafe(64),
        SHUTAFUT_ALLOWED_HOSTS="example.org",
        # Production shares its login counters between processes (django-axes refuses a per-process cache).
        SHUTAFUT_CACHE_URL="dbcache://shutafut_cache",
        DJANGO_SETTINGS_MODULE="shutafut.settings",
    )
    env.update(extra)
    return env


def test_the_deploy_checks_pass_under_production_settings(tmp_path):
    # A database of its own: the development database may hold the demo accounts, which the checks refuse.
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=_production_env(DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key_from_the_environment():
    env = _production_env()
    del env["SHUTAFUT_SECRET_KEY"]
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], cwd=REPO, env=env, capture_output=True, text=True
    )
    assert result.returncode != 0 and "SHUTAFUT_SECRET_KEY" in result.stderr


def test_production_settings_make_cookies_secure_and_force_https():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=_production_env(), capture_output=True, text=True
    )
    assert result.stdout.split() == ["True", "True", "True", "True", "False"], result.stderr
