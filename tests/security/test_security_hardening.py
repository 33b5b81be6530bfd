"""Security headers, login throttling, the rate limit helper and the deploy checks' own rules.

The production settings themselves, read by a child process, are in test_security_production.py."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client, override_settings

from shutafut.security import ratelimit
from shutafut.security.headers import POLICY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


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


THROTTLE = {"AXES_FAILURE_LIMIT": 3, "AXES_COOLOFF_TIME": dt.timedelta(minutes=10)}


def _fail(client: Client, username: str, url: str = "/accounts/login/") -> int:
    return client.post(url, {"username": username, "password": "wrong"}).status_code


@override_settings(**THROTTLE)
def test_a_user_name_is_refused_after_too_many_failed_logins_even_with_the_right_password(personas):
    client = Client()
    assert [_fail(client, "alice") for _ in range(3)] == [200, 200, 429]
    refused = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) == 600
    assert "_auth_user_id" not in client.session


@override_settings(**THROTTLE)
def test_a_look_alike_user_name_counts_against_the_same_user(personas):
    client = Client()
    for look_alike in ("ａｌｉｃｅ", "ａlice", "alｉce"):  # fullwidth letters: NFKC, as the login form, reads alice
        client.post("/accounts/login/", {"username": look_alike, "password": "wrong"})
    assert client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"}).status_code == 429


@override_settings(**THROTTLE)
def test_the_admin_login_is_throttled_like_the_sites(personas, django_user_model):
    django_user_model.objects.create_superuser(username="root", password="pw-root")
    client = Client()
    assert [_fail(client, "root", "/admin/login/") for _ in range(3)] == [200, 200, 429]
    refused = client.post("/admin/login/", {"username": "root", "password": "pw-root"})
    assert refused.status_code == 429 and "_auth_user_id" not in client.session
    # the same counter: the site's login form is closed to that user name too
    assert client.post("/accounts/login/", {"username": "root", "password": "pw-root"}).status_code == 429


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", ["too many failed attempts", "10 minutes"]), ("he", ["יותר מדי ניסיונות", "10 דקות"])],
)
@override_settings(**THROTTLE)
def test_the_throttled_login_page_says_why_and_how_long_to_wait_in_the_users_language(personas, language, words):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    for _ in range(3):
        _fail(client, "alice")
    text = client.post("/accounts/login/", {"username": "alice", "password": "x"}).content.decode()
    assert all(w in text for w in words), text


@override_settings(**THROTTLE)
def test_a_successful_login_clears_the_failure_count_and_other_user_names_are_not_affected(personas):
    client = Client()
    for _ in range(2):
        _fail(client, "alice")
    assert client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    client.logout()
    for _ in range(2):
        _fail(client, "alice")
    assert client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"}).status_code == 302
    client.logout()
    for _ in range(3):
        _fail(client, "carol")
    assert client.post("/accounts/login/", {"username": "bob", "password": "pw-bob"}).status_code == 302


@override_settings(**THROTTLE)
def test_another_client_is_not_locked_out_by_someone_elses_failures(personas):
    for _ in range(3):
        _fail(Client(REMOTE_ADDR="10.0.0.9"), "alice")
    assert (
        Client(REMOTE_ADDR="10.0.0.8")
        .post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
        .status_code
        == 302
    )


def test_password_reset_sends_at_most_three_mails_to_one_address_an_hour(client, personas, mailoutbox):
    personas["alice"].email = "alice@example.org"
    personas["alice"].save()
    answers = [
        Client(REMOTE_ADDR=f"10.0.1.{i}").post("/accounts/password_reset/", {"email": "Alice@example.org"})
        for i in range(6)
    ]
    assert [r.status_code for r in answers] == [302] * 6  # the same answer every time: nothing tells the limit
    assert len(mailoutbox) == 3


def test_password_reset_answers_429_to_a_client_after_ten_requests_an_hour(client, personas, mailoutbox):
    codes = [client.post("/accounts/password_reset/", {"email": f"x{i}@example.org"}).status_code for i in range(11)]
    assert codes == [302] * 10 + [429]
    assert client.post("/accounts/password_reset/", {"email": "y@example.org"})["Retry-After"] == "3600"


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
