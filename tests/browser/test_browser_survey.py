"""In Chromium on a phone-sized screen: a respondent answers the survey in Hebrew, reloads, finds the answers kept."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def respondent_link(town_a_records):  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Organization, Person
    from shutafut.surveys.services import wave_create, wave_open, wave_set_roster

    city, ngo = town_a_records["city"], town_a_records["ngo"]
    shop = Organization.objects.create(
        town=city.town, name="מכולת השכונה", sector="business", subtype="small_business", legal_form="company"
    )
    noa = Person.objects.create(town=city.town, organization=ngo, full_name="נועה")
    wave = wave_create(town=city.town, name="גל ראשון")
    wave_set_roster(wave=wave, organizations=[city, ngo, shop], respondents=[noa])
    [issued] = wave_open(wave=wave)
    return issued.token, city, shop


def test_a_respondent_answers_two_organizations_on_a_phone_and_finds_them_after_a_reload(
    page, live_server, respondent_link
):
    token, city, shop = respondent_link
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/s/{token}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "he")
    expect(page.locator("#survey-search")).to_be_visible()  # the script enhanced the page

    city_row, shop_row = page.locator(f"#org-{city.pk}"), page.locator(f"#org-{shop.pk}")
    city_row.get_by_label("3 · תיאום").check()
    expect(city_row.locator(".save-status")).to_have_text("נשמר.")
    shop_row.get_by_label("1 · תחרות").check()
    expect(shop_row.locator(".save-status")).to_have_text("נשמר.")
    shop_row.locator("summary").click()
    shop_row.get_by_label("אמון: אמין").select_option("4")
    expect(shop_row.locator(".save-status")).to_have_text("נשמר.")

    # A phone layout: the rungs stack, nothing overflows sideways.
    first, second = city_row.locator(".rung-option").nth(0), city_row.locator(".rung-option").nth(1)
    assert first.bounding_box()["y"] < second.bounding_box()["y"]  # type: ignore[index]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.reload()
    expect(page.locator(f"#org-{city.pk}").get_by_label("3 · תיאום")).to_be_checked()
    expect(page.locator(f"#org-{shop.pk}").get_by_label("1 · תחרות")).to_be_checked()
    expect(page.locator(f"#org-{shop.pk}").get_by_label("אמון: אמין")).to_have_value("4")
    expect(page.get_by_test_id("progress")).to_contain_text("2")

    page.fill("#survey-search", "מכולת")
    expect(page.locator(f"#org-{city.pk}")).to_be_hidden()
    expect(page.locator(f"#org-{shop.pk}")).to_be_visible()
