"""In Chromium: in a town too large for a list of its organizations, a coordinator records a relationship by
typing part of a name and choosing a suggestion (organizations/picker.py and picker.js)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from shutafut.organizations.picker import PICKER_FROM
from shutafut.relationships.models import Relationship
from tests.conftest import add_nonprofits

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_picks_both_organizations_from_suggestions_as_they_type(
    page, live_server, personas, town_a_records, login
):
    town = town_a_records["city"].town
    add_nonprofits(town, PICKER_FROM)
    login("alice")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "suggest" in r.url else None)
    page.goto(f"{live_server.url}/t/town-a/relationships/new/")
    options = page.locator("#id_org_b-suggestions option")
    page.fill("#id_org_a", "עיריי")
    page.locator("#id_org_a").press_sequentially("ת")
    expect(page.locator("#id_org_a-suggestions option")).to_have_count(1)
    expect(page.locator("#id_org_a-suggestions option").first).to_have_attribute("value", "עיריית א")
    page.locator("#id_org_b").press_sequentially("מספר 27")
    expect(options.first).to_have_attribute("value", "עמותה מספר 27")
    assert options.count() == 11  # 27 and 270-279, shortest first
    # Each of the two pickers brings the script; each box is bound once, so a pause in typing asks once.
    assert len(asked) == len(set(asked)), asked
    page.fill("#id_org_a", "עיריית א")
    page.fill("#id_org_b", options.first.get_attribute("value") or "")
    page.select_option("#id_rung", "3")
    page.fill("#id_domain", "תעסוקה")
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/relationships/\d+/$"))
    tie = Relationship.objects.get(domain="תעסוקה")
    assert (tie.org_a.name, tie.org_b.name) == ("עיריית א", "עמותה מספר 27")
