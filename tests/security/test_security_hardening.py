"""Security headers, login throttling, the rate limit helper and the production settings."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client, override_settings

from shutafut.security import ratelimit
from shutafut.security.headers import POLICY
from tests.conftest import REPO

pytestmark = pytest.mark.django_db


def test_every_page_carries_a_content_security_policy_without_inline_script_or_style(client, personas, towns):
    client.force_login(personas["alice"])
    for url in ("/accounts/login/", "/t/town-a/", "/guide/", "/api/v1/openapi.json"):
        response = client.get(url)
        csp = response["Content-Security-Policy"]
        assert csp == POLICY
        assert "unsafe-inline" not in csp
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_every_page_carries_the_referrer_permissions_and_opener_policies(client):
    response = client.get("/accounts/login/")
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_only_the_admin_and_the_api_docs_get_the_relaxed_policy(client):
    assert "unsafe-inline" in client.get("/api/v1/docs")["Content-Security-Policy"]
    assert "unsafe-inline" in client.get("/admin/login/")["Content-Security-Policy"]
    assert "unsafe-inline" not in client.get("/guide/")["Content-Security-Policy"]


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW=600)
def test_a_user_name_is_refused_after_too_many_failed_logins_even_with_the_right_password(personas):
    client = Client()
    for _ in range(3):
        assert client.post("/accounts/login/", {"username": "alice", "password": "wrong"}).status_code == 200
    refused = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 600
    assert "_auth_user_id" not in client.session


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW=600, LANGUAGE_CODE="en")
def test_the_throttled_login_page_says_why_and_how_long_to_wait(personas):
    client = Client()
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    text = client.post("/accounts/login/", {"username": "alice", "password": "x"}).content.decode()
    assert "too many failed attempts" in text and "10 minutes" in text


@override_settings(LOGIN_FAILURE_LIMIT=3, LOGIN_FAILURE_WINDOW=600)
def test_a_successful_login_clears_the_failure_count_and_other_user_names_are_not_affected(personas):
    client = Client()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    client.logout()
    for _ in range(2):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    for _ in range(3):
        client.post("/accounts/login/", {"username": "carol", "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "bob", "password": "pw-bob"}).status_code == 302


def test_the_rate_limit_allows_the_budget_then_refuses_until_the_window_passes(monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert all(ratelimit.allow("k", 5, 60) for _ in range(5))
    assert not ratelimit.allow("k", 5, 60)
    assert ratelimit.allow("other", 5, 60)
    now[0] += 60
    assert ratelimit.allow("k", 5, 60)


def test_a_survey_link_gets_120_requests_a_minute():
    assert all(ratelimit.allow_survey_link(7) for _ in range(120))
    assert not ratelimit.allow_survey_link(7)
    assert ratelimit.allow_survey_link(8)


def test_too_many_requests_answers_429_with_retry_after(rf):
    response = ratelimit.too_many_requests(rf.get("/"), retry_after=30)
    assert response.status_code == 429 and response["Retry-After"] == "30"


def _production_env(**extra: str) -> dict[str, str]:
    # Nothing of the test run's own environment: no SHUTAFUT_* setting, and not the browser tests'
    # DJANGO_ALLOW_ASYNC_UNSAFE (which the deploy checks rightly refuse).
    env = {k: v for k, v in os.environ.items() if not k.startswith("SHUTAFUT_") and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        SHUTAFUT_DEBUG="False",
        SHUTAFUT_SECRET_KEY=secrets.token_urlsafe(64),
        SHUTAFUT_ALLOWED_HOSTS="example.org",
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


def test_the_deploy_check_fails_when_a_demo_account_exists_in_production(django_user_model, settings):
    from shutafut.security.checks import check_no_demo_accounts

    settings.DEBUG = False
    assert check_no_demo_accounts() == []
    django_user_model.objects.create_user(username="coordinator1", password="demo1234")
    assert [e.id for e in check_no_demo_accounts()] == ["shutafut.E003"]


def test_the_deploy_check_fails_with_the_development_secret_key(settings):
    from shutafut.security.checks import DEV_SECRET, check_production_secrets

    settings.SECRET_KEY = DEV_SECRET
    assert "shutafut.E001" in [e.id for e in check_production_secrets()]
