"""REST API v1: token authentication, the same gates as the pages, errors that name the field."""

from __future__ import annotations

import json

import pytest

from shutafut.accounts.models import ApiToken, Membership
from shutafut.accounts.services import api_token_create
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Partnership
from tests.conftest import represent

pytestmark = pytest.mark.django_db


@pytest.fixture
def token_of(personas):
    def issue(name: str) -> dict[str, str]:
        town = Membership.objects.get(user=personas[name]).town
        _record, token = api_token_create(user=personas[name], town=town, name="test")
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    return issue


def post(client, url, data, headers):
    return client.post(url, json.dumps(data), content_type="application/json", **headers)


def test_the_api_requires_authentication(client, town_a_records):
    assert client.get("/api/v1/organizations", {"town": "town-a"}).status_code == 401


def test_a_wrong_token_is_refused(client, town_a_records):
    assert client.get("/api/v1/organizations", {"town": "town-a"}, HTTP_AUTHORIZATION="Bearer nope").status_code == 401


def test_tokens_are_stored_only_as_digests(personas, towns):
    record, token = api_token_create(user=personas["alice"], town=towns[0], name="x")
    assert token not in record.digest
    assert record.digest == ApiToken.digest_of(token)


def test_the_list_filters_and_paginates(client, token_of, town_a_records):
    headers = token_of("bob")
    everything = client.get("/api/v1/organizations", {"town": "town-a"}, **headers).json()
    assert everything["count"] == 2
    third = client.get("/api/v1/organizations", {"town": "town-a", "sector": "third"}, **headers).json()
    assert [o["name"] for o in third["results"]] == ["עמותת לב"]
    paged = client.get("/api/v1/organizations", {"town": "town-a", "page_size": 1, "page": 2}, **headers).json()
    assert len(paged["results"]) == 1 and paged["count"] == 2


@pytest.mark.parametrize(
    "path, record",
    [("organizations", "city"), ("relationships", "relationship"), ("partnerships", "partnership")],
)
def test_another_towns_object_is_the_same_404_as_a_missing_one(client, token_of, town_a_records, path, record):
    headers = token_of("charlie")
    forbidden = client.get(f"/api/v1/{path}/{town_a_records[record].pk}", **headers)
    missing = client.get(f"/api/v1/{path}/999999999", **headers)
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.content == missing.content
    patched = client.patch(
        f"/api/v1/{path}/{town_a_records[record].pk}", "{}", content_type="application/json", **headers
    )
    assert patched.status_code == 404


def test_listing_another_towns_records_is_404(client, token_of, town_a_records):
    assert client.get("/api/v1/partnerships", {"town": "town-a"}, **token_of("charlie")).status_code == 404


def test_a_member_creates_and_updates_an_organization(client, token_of, towns, personas):
    headers = token_of("carol")
    created = post(
        client,
        "/api/v1/organizations",
        {
            "town": "town-a",
            "name": "חברה",
            "sector": "business",
            "subtype": "corporation",
            "legal_form": "company",
        },
        headers,
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    represent(personas["carol"], Organization.objects.get(pk=pk))
    updated = client.patch(
        f"/api/v1/organizations/{pk}",
        json.dumps({"locality": "באר שבע"}),
        content_type="application/json",
        **headers,
    )
    assert updated.json()["locality"] == "באר שבע"
    assert Organization.objects.get(pk=pk).locality == "באר שבע"


def test_a_viewer_cannot_create(client, token_of, towns):
    response = post(
        client,
        "/api/v1/organizations",
        {"town": "town-a", "name": "x", "sector": "third", "subtype": "nonprofit", "legal_form": "amuta"},
        token_of("bob"),
    )
    assert response.status_code == 403
    assert not Organization.objects.exists()


def test_a_self_relationship_is_refused_with_the_field_named(client, token_of, town_a_records, personas):
    represent(personas["carol"], town_a_records["city"])
    city = town_a_records["city"].pk
    response = post(
        client,
        "/api/v1/relationships",
        {"town": "town-a", "org_a": city, "org_b": city, "rung": 3, "observed_on": "2026-01-01"},
        token_of("carol"),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["detail"]} >= {"org_b"}


def test_a_rung_outside_the_ladder_is_refused_in_the_users_language(client, token_of, town_a_records, personas):
    represent(personas["carol"], town_a_records["ngo"])
    response = post(
        client,
        "/api/v1/relationships",
        {
            "town": "town-a",
            "org_a": town_a_records["city"].pk,
            "org_b": town_a_records["ngo"].pk,
            "rung": 7,
            "observed_on": "2026-01-01",
        },
        {**token_of("carol"), "HTTP_ACCEPT_LANGUAGE": "en"},
    )
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert errors[0]["field"] == "rung"
    assert "7" in errors[0]["message"]


def test_a_relationship_with_another_towns_organization_is_404(client, token_of, town_a_records):
    response = post(
        client,
        "/api/v1/relationships",
        {
            "town": "town-a",
            "org_a": town_a_records["city"].pk,
            "org_b": town_a_records["other"].pk,
            "rung": 2,
            "observed_on": "2026-01-01",
        },
        token_of("carol"),
    )
    assert response.status_code == 404


def test_partnership_detail_includes_its_parts(client, token_of, town_a_records):
    body = client.get(f"/api/v1/partnerships/{town_a_records['partnership'].pk}", **token_of("bob")).json()
    assert body["name"] == "שותפות א"
    assert [m["organization_name"] for m in body["members"]] == ["עיריית א"]
    assert body["decisions"] == [] and body["flows"] == []


def test_the_openapi_schema_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/partnerships/{partnership_id}" in schema["paths"]


def test_an_explicit_null_for_a_required_field_is_refused_with_the_field_named(
    client, token_of, town_a_records, personas
):
    pk = town_a_records["ngo"].pk
    represent(personas["carol"], town_a_records["ngo"])
    response = client.patch(
        f"/api/v1/organizations/{pk}",
        json.dumps({"registry_number": None, "name": None}),
        content_type="application/json",
        **token_of("carol"),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["detail"]} == {"registry_number", "name"}
    assert Organization.objects.get(pk=pk).name == "עמותת לב"


def test_a_nul_character_in_any_text_is_refused_with_the_field_named(client, token_of, town_a_records):
    # PostgreSQL cannot store U+0000; before this the API answered 500 there (and stored it on SQLite).
    response = client.post(
        "/api/v1/partnerships",
        json.dumps({"town": "town-a", "name": "ok", "public_goals": "goal\x00 hidden", "focus": "a\x00"}),
        content_type="application/json",
        **token_of("alice"),
    )
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["detail"]} == {"public_goals", "focus"}
    assert not Partnership.objects.filter(name="ok").exists()
