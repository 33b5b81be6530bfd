"""API tokens: made on a page and shown once, scoped to one town, expiring, revocable by their owner or the town's
coordinator, and ended by a password change."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from shutafut.accounts.models import ApiToken, Membership, Role, TokenStatus
from shutafut.accounts.services import api_token_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def _api(token: str, path: str, **params: str) -> int:
    return Client().get(f"/api/v1/{path}", params, HTTP_AUTHORIZATION=f"Bearer {token}").status_code


def _make_on_page(client: Client, town_pk: int, name: str = "סקריפט דיווח") -> tuple[str, object]:
    response = client.post(reverse("api-tokens"), {"name": name, "town": town_pk, "lifetime_days": 30})
    assert response.status_code == 200, response.content
    match = re.search(r'value="(stf_[^"]+)"[^>]*data-testid="fresh-token"', response.content.decode())
    assert match, "the new token is shown"
    return match.group(1), response


def test_a_token_made_on_the_page_is_shown_once_and_listed_with_its_town_and_dates(client, personas, towns):
    client.force_login(personas["alice"])
    token, response = _make_on_page(client, towns[0].pk)
    assert response["Cache-Control"] == "no-store"  # type: ignore[index]
    record = ApiToken.objects.get()
    assert record.digest == ApiToken.digest_of(token) and token not in record.digest
    assert record.town == towns[0] and record.user == personas["alice"]
    assert abs(record.expires_at - record.created_at - dt.timedelta(days=30)) < dt.timedelta(seconds=5)
    again = client.get(reverse("api-tokens"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert token not in again
    assert "סקריפט דיווח" in again and towns[0].name in again and "never" in again and "Active" in again


def test_a_token_acts_in_its_own_town_only_even_for_a_member_of_two_towns(client, personas, towns, town_a_records):
    alice = personas["alice"]
    Membership.objects.create(user=alice, town=towns[1], role=Role.COORDINATOR)
    _record, token = api_token_create(user=alice, town=towns[0], name="t")
    assert _api(token, "organizations", town="town-a") == 200
    assert _api(token, "organizations", town="town-b") == 404
    assert _api(token, f"organizations/{town_a_records['other'].pk}") == 404  # town B's record
    assert _api(token, f"organizations/{town_a_records['city'].pk}") == 200
    client.force_login(alice)  # the same user's browser session still reaches both towns
    assert client.get("/api/v1/organizations", {"town": "town-b"}).status_code == 200


def test_a_superusers_token_is_scoped_to_its_town_too(django_user_model, towns, town_a_records):
    root = django_user_model.objects.create_superuser(username="root", password="pw")
    _record, token = api_token_create(user=root, town=towns[0], name="t")
    assert _api(token, "organizations", town="town-a") == 200
    assert _api(token, "organizations", town="town-b") == 404


def test_an_expired_token_is_refused(personas, towns):
    record, token = api_token_create(user=personas["bob"], town=towns[0], name="t")
    assert _api(token, "organizations", town="town-a") == 200
    ApiToken.objects.filter(pk=record.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert _api(token, "organizations", town="town-a") == 401
    record.refresh_from_db()
    assert record.status() == TokenStatus.EXPIRED


def test_the_owner_revokes_a_token_and_it_stops_working_at_once(client, personas, towns):
    record, token = api_token_create(user=personas["carol"], town=towns[0], name="t")
    client.force_login(personas["carol"])
    response = client.post(reverse("api-token-revoke", kwargs={"pk": record.pk}))
    assert response.status_code == 302 and response["Location"] == reverse("api-tokens")
    assert _api(token, "organizations", town="town-a") == 401
    record.refresh_from_db()
    assert record.revoked_at is not None and record.status() == TokenStatus.REVOKED


def test_a_password_change_ends_every_token_of_the_user(client, personas, towns):
    _record, token = api_token_create(user=personas["carol"], town=towns[0], name="t")
    client.force_login(personas["carol"])
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw-carol", "new_password1": "a-new-long-pass-1", "new_password2": "a-new-long-pass-1"},
    )
    assert response.status_code == 302
    assert _api(token, "organizations", town="town-a") == 401
    assert ApiToken.objects.get().status() == TokenStatus.PASSWORD_CHANGED
    page = client.get(reverse("api-tokens"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Ended by a password change" in page


def test_the_coordinator_sees_and_revokes_the_towns_tokens_and_no_one_else_does(client, personas, towns):
    record, token = api_token_create(user=personas["carol"], town=towns[0], name="כלי של כרמל")
    client.force_login(personas["alice"])
    page = client.get(reverse("town-api-tokens", kwargs={"town": "town-a"})).content.decode()
    assert "כלי של כרמל" in page and "carol" in page
    for outsider in ("bob", "charlie"):
        client.force_login(personas[outsider])
        assert client.post(reverse("api-token-revoke", kwargs={"pk": record.pk})).status_code == 404
    assert _api(token, "organizations", town="town-a") == 200
    client.force_login(personas["alice"])
    back = reverse("town-api-tokens", kwargs={"town": "town-a"})
    response = client.post(reverse("api-token-revoke", kwargs={"pk": record.pk}), {"next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert _api(token, "organizations", town="town-a") == 401


def test_a_token_cannot_be_made_for_a_town_where_the_user_has_no_role(client, personas, towns):
    client.force_login(personas["carol"])
    response = client.post(reverse("api-tokens"), {"name": "x", "town": towns[1].pk, "lifetime_days": 30})
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    assert not ApiToken.objects.exists()


def test_the_tokens_made_before_tokens_had_a_town_are_revoked_by_the_migration(personas):
    import importlib

    from django.apps import apps

    old = ApiToken.objects.create(
        user=personas["alice"], name="old", digest="d" * 64, expires_at=timezone.now() + dt.timedelta(days=9)
    )
    importlib.import_module("shutafut.accounts.migrations.0002_api_token_scope").revoke_unscoped(apps, None)
    old.refresh_from_db()
    assert old.revoked_at is not None and old.status() == TokenStatus.REVOKED


def test_a_token_notes_its_last_use_at_most_once_a_minute(personas, towns):
    _record, token = api_token_create(user=personas["bob"], town=towns[0], name="t")
    _api(token, "organizations", town="town-a")
    first = ApiToken.objects.get().last_used_at
    assert first is not None
    _api(token, "organizations", town="town-a")
    assert ApiToken.objects.get().last_used_at == first
