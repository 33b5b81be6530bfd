"""In Chromium, in Hebrew: a coordinator corrects a wrong pledge, then deletes it after the confirmation page, and
sees the diagnosis no longer count it; then ends the partnership from its own page and reopens it with a reason."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_corrects_and_deletes_a_wrong_pledge_then_ends_and_reopens_the_partnership(
    page, live_server, personas, town_a_records, login
):
    from shutafut.partnerships.services import flow_create, member_add

    p = town_a_records["partnership"]
    ngo = member_add(partnership=p, organization=town_a_records["ngo"], roles=["partner"])
    pledge = flow_create(partnership=p, kind="pledge", giver=ngo, resource_type="budget", value=500000, unit="₪")
    detail = f"{live_server.url}/t/town-a/partnerships/{p.pk}/"
    page.set_default_timeout(15000)
    login("alice")

    # The wrong pledge is on the page and the diagnosis rests on it.
    page.goto(detail)
    expect(page.locator("html")).to_have_attribute("lang", "he")
    expect(page.locator(f"#flow-{pledge.pk}")).to_contain_text("500000")
    expect(page.locator(f"#diagnosis a[href='#flow-{pledge.pk}']").first).to_be_attached()

    # Corrected on its edit page.
    page.get_by_test_id(f"edit-flow-{pledge.pk}").click()
    page.fill("#id_value", "5000")
    page.click("#main form[method=post] button[type=submit]")
    expect(page.locator(f"#flow-{pledge.pk}")).to_contain_text("5000 ₪")

    # Deleted after a page that says what follows; the diagnosis no longer counts it.
    page.get_by_test_id(f"delete-flow-{pledge.pk}").click()
    expect(page.get_by_test_id("consequences")).to_contain_text("האבחון של השותפות מחושב מחדש בלעדיה")
    page.get_by_role("button", name="למחוק לצמיתות").click()
    expect(page.locator(f"#flow-{pledge.pk}")).to_have_count(0)
    expect(page.locator(f"#diagnosis a[href='#flow-{pledge.pk}']")).to_have_count(0)

    # Ending asks first and says what follows; a coordinator reopens it with a reason, kept in the history.
    page.goto(f"{live_server.url}/t/town-a/workspace/{p.pk}/")
    page.get_by_test_id("end-link").click()
    expect(page.get_by_test_id("what-follows")).to_contain_text("מה נשאר זמין לקריאה")
    page.fill("#id_reason", "הפרויקט הסתיים")
    page.get_by_role("button", name="לסיים את השותפות").click()
    expect(page.get_by_test_id("current-stage")).to_have_text("הסתיימה")
    expect(page.get_by_test_id("ended")).to_be_visible()
    page.get_by_role("link", name="פתיחה מחדש…").click()
    page.fill("#id_reason", "נמצא מימון להמשך")
    page.get_by_role("button", name="לפתוח מחדש").click()
    expect(page.get_by_test_id("current-stage")).to_have_text("ייזום")
    expect(page.locator("table")).to_contain_text("נמצא מימון להמשך")
