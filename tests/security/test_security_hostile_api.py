"""The API under schemathesis: generated requests from /api/v1/openapi.json, authenticated as a town coordinator.

Whatever the input (over-long strings, odd unicode, wrong types, unknown ids), the API must answer without a
server error. The number of examples per operation is bounded to keep the suite fast.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.core import NotSet

from shutafut.api.api import api

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]

EXAMPLES = 8
PREFIX = "/api/v1"


def test_no_generated_api_request_causes_a_server_error(personas, town_a_records, towns):
    from shutafut.accounts.services import api_token_create

    _record, token = api_token_create(user=personas["alice"], town=towns[0], name="schemathesis")
    # The schema as served at /api/v1/openapi.json; requests go through Django's test client (in the test's
    # transaction) rather than a WSGI round trip, which would close the test's database connection.
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix=""))
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        def run(case: schemathesis.Case) -> None:
            path = PREFIX + case.formatted_path
            if case.query:
                path += "?" + urlencode(case.query, doseq=True)
            body = "" if isinstance(case.body, NotSet) else json.dumps(case.body)
            with transaction.atomic():  # a failed write must not poison the next request's transaction
                response = client.generic(case.method, path, data=body, content_type="application/json")
            if response.status_code >= 500:
                failures.append(f"{case.method} {path} -> {response.status_code}: {body[:200]}")

        run()
    assert failures == [], "\n".join(sorted(set(failures)))


def test_a_null_in_any_field_of_an_api_update_is_refused_without_a_server_error(personas, town_a_records, towns):
    from shutafut.accounts.services import api_token_create

    _record, token = api_token_create(user=personas["alice"], town=towns[0], name="nulls")
    client = Client(raise_request_exception=False, HTTP_AUTHORIZATION=f"Bearer {token}")
    schema = api.get_openapi_schema(path_prefix="")
    ids = {
        "organization_id": town_a_records["city"].pk,
        "relationship_id": town_a_records["relationship"].pk,
        "partnership_id": town_a_records["partnership"].pk,
    }
    failures, tried = [], []
    for path, operations in schema["paths"].items():
        patch = operations.get("patch")
        if patch is None:
            continue
        ref = patch["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]
        url = PREFIX + path.format(**ids)
        for field in schema["components"]["schemas"][ref]["properties"]:
            with transaction.atomic():
                response = client.generic("PATCH", url, json.dumps({field: None}), "application/json")
            tried.append(f"{path} {field}")
            if response.status_code >= 500:
                failures.append(f"PATCH {url} {{{field!r}: null}} -> {response.status_code}")
    assert len({t.split()[0] for t in tried}) >= 3, f"fewer update operations than the API has: {tried}"
    assert failures == [], "\n".join(failures)
