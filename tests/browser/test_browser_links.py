"""In Chromium, in Hebrew: a coordinator downloads a wave's personal links as CSV, reissues one, and the old link
stops working (issue 12, item 4)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def open_wave(town_a_records, personas):  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Person
    from shutafut.surveys.services import wave_create, wave_open, wave_set_roster

    city, ngo = town_a_records["city"], town_a_records["ngo"]
    people = [
        Person.objects.create(town=city.town, organization=city, full_name="דנה לוי", email="dana@example.org"),
        Person.objects.create(town=city.town, organization=ngo, full_name="נועה כהן"),
    ]
    wave = wave_create(town=city.town, name="סבב סתיו")
    wave_set_roster(wave=wave, organizations=[city, ngo], respondents=people)
    tokens = {i.link.person.full_name: i.token for i in wave_open(wave=wave)}
    return wave, tokens


def test_a_coordinator_downloads_the_links_as_csv_reissues_one_and_the_old_link_stops_working(
    page, live_server, login, open_wave
):
    wave, tokens = open_wave
    login("alice")
    page.goto(f"{live_server.url}/t/{wave.town.slug}/surveys/{wave.pk}/")
    expect(page.locator("html")).to_have_attribute("lang", "he")
    page.get_by_role("link", name="קישורים אישיים").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("קישורים אישיים")
    expect(page.get_by_test_id("link-row")).to_have_count(2)
    expect(page.get_by_role("button", name="העתקת כל הקישורים")).to_be_visible()  # the script enhanced the page

    with page.expect_download() as download:
        page.get_by_test_id("links-csv").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:5] == ["משיב/ה", "ארגון", 'דוא"ל', "ענו", "קישור אישי"]
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {"דנה לוי", "נועה כהן"}
    assert by_name["נועה כהן"][4] == f"{live_server.url}/s/{tokens['נועה כהן']}/"
    assert by_name["נועה כהן"][3] == "לא" and "הקישור האישי שלכם" in by_name["נועה כהן"][5]

    noa = page.get_by_test_id("link-row").filter(has_text="נועה כהן")
    noa.get_by_test_id("reissue").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "קישורים אישיים"
    )  # back on the page, no form to resend
    new_url = page.get_by_test_id("link-row").filter(has_text="נועה כהן").get_by_test_id("personal-link").input_value()
    assert new_url != by_name["נועה כהן"][4]

    page.context.clear_cookies()
    old = page.goto(by_name["נועה כהן"][4])
    assert old is not None and old.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("קישור הסקר הזה בוטל.")
    fresh = page.goto(new_url)
    assert fresh is not None and fresh.status == 200
