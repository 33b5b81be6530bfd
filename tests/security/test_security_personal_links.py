"""Personal links (issue 11, item 8): their pages are never cached, indexed or sent as a referrer, and their forms
are accepted from a browser that sends no referrer.

These tests read the permissions matrix's world (tests/security/conftest.py), built once for the module; the other
small holes (test_security_small_holes.py) make their own towns.
"""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("token_of", ["survey_token", "health_token"])
def test_a_personal_link_page_is_never_cached_indexed_or_sent_as_a_referrer(world, token_of):
    prefix = "/s/" if token_of == "survey_token" else "/h/"
    for token in (world[token_of], "not-a-valid-link"):
        response = Client().get(f"{prefix}{token}/")
        assert response.status_code in (200, 404), response.status_code
        assert response["Cache-Control"] == "no-store, private"
        assert response["Referrer-Policy"] == "no-referrer"
        assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_a_personal_link_form_is_accepted_from_a_browser_that_sends_no_referrer(world):
    """With Referrer-Policy: no-referrer a browser posts a form with ``Origin: null``, which CSRF would refuse:
    the link's secret URL is the credential, so the personal-link pages are exempt (and only they)."""
    from shutafut.workspace.models import HealthResponse
    from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS

    browser = Client(enforce_csrf_checks=True)
    assert browser.post(f"/s/{world['survey_token']}/finish/", HTTP_ORIGIN="null").status_code == 302
    answers = {code: "4" for code, _p, _t in PRINCIPLE_ITEMS} | {code: "3" for code, _t in TRUST_ITEMS}
    assert browser.post(f"/h/{world['health_token']}/", answers, HTTP_ORIGIN="null").status_code == 302
    assert HealthResponse.objects.count() == 1
    browser.force_login(world["users"]["coordinator"])
    assert browser.post("/t/town-a/organizations/new/", {"name": "x"}, HTTP_ORIGIN="null").status_code == 403
