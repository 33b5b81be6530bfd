"""Security headers, login throttling, the rate limit helper and the deploy checks' own rules.

The production settings themselves, read by a child process, are in test_security_production.py."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from shutafut.security import ratelimit
from shutafut.security.headers import POLICY

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
