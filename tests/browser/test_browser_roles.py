"""In Chromium, in Hebrew: a coordinator publishes a partnership with the switch on its page, sees the preview drawn
by the public page itself, and the public page opens logged out; a partner's representative sees only their own
partnerships and approvals, and another partnership's edit page is the friendly 404 (issues 11 and 12)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_publishes_with_the_switch_and_the_public_page_opens_logged_out(
    page, live_server, personas, town_a_records, login
):
    p = town_a_records["partnership"]
    page.set_default_timeout(15000)
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/partnerships/{p.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "he")
    switch = page.get_by_test_id("publish-switch")
    expect(switch).to_have_text("פרסום העמוד הציבורי")
    page.get_by_test_id("preview-link").click()
    expect(page.get_by_test_id("public-preview")).to_contain_text("תצוגה מקדימה של העמוד הציבורי")
    expect(page.locator("article.public-partnership h1")).to_have_text(p.name)
    page.get_by_test_id("publish-switch").click()
    expect(page.locator(".messages")).to_contain_text("העמוד הציבורי של השותפות פורסם")
    expect(page.get_by_test_id("publish-switch")).to_have_text("הסרת העמוד הציבורי")

    page.context.clear_cookies()
    response = page.goto(f"{live_server.url}/p/town-a/{p.pk}/")
    assert response is not None and response.status == 200
    expect(page.locator("article.public-partnership h1")).to_have_text(p.name)
    expect(page.get_by_test_id("public-preview")).to_have_count(0)
    expect(page.get_by_role("link", name="כניסה")).to_be_visible()


def test_a_partners_representative_sees_only_their_partnerships_and_approvals_and_the_friendly_404(
    page, live_server, personas, town_a_records, login
):
    from shutafut.partnerships.models import Member
    from shutafut.partnerships.services import partnership_create
    from shutafut.workspace.models import Charter, MemberRepresentative

    town = town_a_records["city"].town
    ours = town_a_records["partnership"]
    ngo = Member.objects.create(partnership=ours, organization=town_a_records["ngo"])
    MemberRepresentative.objects.create(member=ngo, user=personas["carol"])
    Charter.objects.create(partnership=ours, version=1)
    theirs = partnership_create(town=town, name="שותפות של אחרים", convener=town_a_records["city"])
    Charter.objects.create(partnership=theirs, version=1)

    page.set_default_timeout(15000)
    login("carol")
    page.goto(f"{live_server.url}/t/town-a/")
    expect(page.get_by_test_id("todo")).to_contain_text("העבודה שלי")
    mine = page.get_by_test_id("due-mine")
    expect(mine).to_contain_text(ours.name)
    expect(mine).not_to_contain_text(theirs.name)
    approvals = page.get_by_test_id("due-approvals")
    expect(approvals).to_contain_text("האישורים שלי")
    expect(approvals).to_contain_text(town_a_records["ngo"].name)
    expect(approvals).not_to_contain_text(town_a_records["city"].name)
    expect(approvals).not_to_contain_text(theirs.name)
    expect(page.get_by_test_id("first-steps")).to_have_count(0)

    response = page.goto(f"{live_server.url}/t/town-a/partnerships/{theirs.pk}/edit/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text("העמוד לא נמצא")
    expect(page.locator("body")).not_to_contain_text("URLconf")
    expect(page.get_by_role("link", name="חזרה לעמוד הפתיחה")).to_be_visible()
