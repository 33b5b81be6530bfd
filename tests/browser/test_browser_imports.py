"""Imports in Chromium, in Hebrew: a coordinator finds them in the town menu, downloads the template, checks a
file written in the app's own Hebrew words, reads each row's outcome in words, and imports it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_browser_accessibility import axe_violations

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

FILE = (
    "שם,מגזר,סוג,צורה משפטית,מספר רישום,יישוב,תחומי פעולה\n"
    "עמותת הגשר,המגזר השלישי,עמותה,עמותה,580000008,עיר א,חינוך\n"
    "עמותה בחיפה,המגזר השלישי,עמותה,עמותה,580000016,חיפה,רווחה\n"
)


def test_a_coordinator_imports_a_file_in_hebrew_words_from_the_town_menu(
    page, live_server, login, personas, towns, tmp_path
):
    from shutafut.organizations.models import Organization

    login("alice")
    page.goto(f"{live_server.url}/t/town-a/")
    page.click("nav.site-nav a[href$='/reports/import/']")
    page.wait_for_url("**/reports/import/")
    assert axe_violations(page, live_server) == []
    expect(page.locator("#h-formats")).to_be_visible()
    with page.expect_download() as download:
        page.click("a[href$='/template/organizations.xlsx']")
    assert download.value.suggested_filename == "town-a-organizations-template.xlsx"

    path = tmp_path / "organizations.csv"
    path.write_text(FILE, encoding="utf-8")
    page.set_input_files("#i-file", str(path))
    page.select_option("#i-format", "generic")
    page.click("button[value='dry-run']")
    page.wait_for_url("**/jobs/*/")
    table = page.locator(".job-result table")
    expect(table.locator("tr", has_text="עמותת הגשר")).to_contain_text("ייווצר")
    expect(table.locator("tr", has_text="עמותה בחיפה")).to_contain_text("ידולג")
    expect(table.locator("tr", has_text="עמותה בחיפה")).to_contain_text("יישוב אחר")
    assert not Organization.objects.filter(town=towns[0]).exists()

    page.click(".job-result form button")
    page.wait_for_url("**/jobs/*/")
    expect(page.locator(".job-result table tr", has_text="עמותת הגשר")).to_contain_text("נוצר")
    org = Organization.objects.get(town=towns[0])
    assert (org.name, org.sector, org.subtype, org.fields_of_activity) == ("עמותת הגשר", "third", "nonprofit", "חינוך")
