"""In Chromium: log in, read the Hebrew dashboard, switch to English, create an organization and find it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_logs_in_to_a_hebrew_right_to_left_dashboard(
    page, live_server, personas, town_a_records, login_through_the_page
):
    login_through_the_page("alice", "pw-alice")
    expect(page).to_have_url(re.compile(r"/t/town-a/$"))
    html = page.locator("html")
    expect(html).to_have_attribute("lang", "he")
    expect(html).to_have_attribute("dir", "rtl")
    expect(page.get_by_role("heading", level=1)).to_contain_text("עיר א")
    # The sector table sits on the right in RTL: its start edge is the page's right side.
    box = page.locator("main").bounding_box()
    first_card = page.locator(".card").first.bounding_box()
    assert box and first_card and first_card["x"] + first_card["width"] > box["x"] + box["width"] / 2


def test_the_language_switch_turns_the_page_to_english_and_back(page, live_server, personas, town_a_records, login):
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/")
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("html")).to_have_attribute("dir", "ltr")
    expect(page.get_by_role("link", name="Organizations", exact=True)).to_be_visible()
    page.get_by_test_id("lang-switch").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")


def test_a_member_creates_an_organization_and_finds_it(page, live_server, personas, town_a_records, login):
    login("carol")
    page.goto(f"{live_server.url}/t/town-a/organizations/new/")
    page.fill("#id_name", "עמותת הדפדפן")
    page.select_option("#id_sector", "third")
    page.select_option("#id_subtype", "nonprofit")
    page.select_option("#id_legal_form", "amuta")
    page.fill("#id_registry_number", "580000016")
    page.fill("#id_fields_of_activity", "נוער, ספורט")
    page.click("main button[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text("עמותת הדפדפן")

    page.goto(f"{live_server.url}/t/town-a/organizations/")
    page.fill("#f-q", "הדפדפן")
    page.click("form.filters button[type=submit]")
    expect(page.locator("main table tbody tr")).to_have_count(1)
    expect(page.locator("main table tbody")).to_contain_text("עמותת הדפדפן")


def test_a_bad_registry_number_is_shown_next_to_its_field(page, live_server, personas, town_a_records, login):
    login("carol")
    page.goto(f"{live_server.url}/t/town-a/organizations/new/")
    page.fill("#id_name", "עמותה")
    page.select_option("#id_sector", "third")
    page.select_option("#id_subtype", "nonprofit")
    page.select_option("#id_legal_form", "amuta")
    page.fill("#id_registry_number", "580000009")
    page.click("main button[type=submit]")
    expect(page.locator("#id_registry_number_error")).to_be_visible()


def test_an_outsider_sees_not_found_for_another_towns_partnership(page, live_server, personas, town_a_records, login):
    login("charlie")
    response = page.goto(f"{live_server.url}/t/town-a/partnerships/{town_a_records['partnership'].pk}/")
    assert response is not None and response.status == 404
