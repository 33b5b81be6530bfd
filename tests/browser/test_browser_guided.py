"""In Chromium, on a phone-sized screen, in Hebrew: a coordinator answers the guided questions for a real-shaped case
(a regional council and a foundation with a signed agreement of principles and a standing steering committee that
meets regularly, frequency unknown) and sees a partnership; answering "no signed document" drops it to cooperation
in the live preview; saving creates the town's partnership with the same diagnosis."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PARTNERSHIP, COOPERATION = "שותפות", "שיתוף פעולה"


def next_screen(page: Any) -> None:
    page.get_by_test_id("guided-next").click()
    page.wait_for_load_state()


def choose(page: Any, value: str, name: str = "answer") -> None:
    page.locator(f"input[name='{name}'][value='{value}']").check()


def first_row(page: Any, **answers: str | tuple[str, ...]) -> None:
    """Fill the first row of a screen: text for a string, ticked members for a tuple."""
    for name, value in answers.items():
        if isinstance(value, tuple):
            for member in value:
                page.check(f"input[name='rows-0-{name}'][value='{member}']")
        else:
            page.fill(f"#id_rows-0-{name}", value)


def test_a_coordinator_finds_a_real_arrangement_is_a_partnership_and_saves_it(
    page, live_server, personas, towns, login
):
    from shutafut.diagnosis.services import diagnosis_document
    from shutafut.partnerships.models import Partnership

    csp_errors: list[str] = []
    page.on("console", lambda m: csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.set_viewport_size({"width": 390, "height": 844})
    page.set_default_timeout(15000)
    login("alice")
    page.goto(f"{live_server.url}/t/town-a/diagnosis/guided/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    page.fill("#id_name", "נוער בסיכון: מועצה אזורית וקרן קהילתית")
    next_screen(page)
    page.fill("#id_rows-0-name", "מועצה אזורית גליל")
    choose(page, "public", "rows-0-sector")
    page.fill("#id_rows-1-name", "קרן קהילתית")
    choose(page, "third", "rows-1-sector")
    next_screen(page)
    expect(page.get_by_test_id("guided-rung")).not_to_have_text("")
    choose(page, "m1")  # the council convenes it
    next_screen(page)

    choose(page, "yes")
    page.select_option("#id_rows-0-kind", "agreement")
    first_row(page, title="הסכם עקרונות", signatories=("m1", "m2"))
    next_screen(page)
    choose(page, "36")
    next_screen(page)
    # The standing steering committee, answered with the keyboard alone.
    page.locator("input[name='answer'][value='yes']").focus()
    page.keyboard.press("Space")
    page.get_by_test_id("guided-next").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    choose(page, "regular")
    next_screen(page)

    choose(page, "known")
    for row, kind in ((0, "access_to_population"), (1, "professional_expertise")):
        page.check(f"input[name='rows-{row}-types'][value='budget']")
        page.get_by_test_id("guided-row").nth(row).locator("summary").click()  # beyond the guide's own six types
        page.check(f"input[name='rows-{row}-types'][value='{kind}']")
    next_screen(page)
    choose(page, "members")
    page.check("input[name='members'][value='m1']")
    page.check("input[name='members'][value='m2']")
    next_screen(page)
    choose(page, "yes")
    first_row(page, subject="תוכנית שנתית", date="2024-10-15", participants=("m1", "m2"))
    next_screen(page)
    choose(page, "yes")
    first_row(page, title="מחנה קיץ", date="2025-07-10", organizers=("m1", "m2"))
    next_screen(page)
    choose(page, "yes")
    page.fill("#id_text", "להשאיר את בני הנוער של היישובים במסגרות חינוך ותעסוקה")
    next_screen(page)
    choose(page, "outside")
    page.fill("#id_text", "בני נוער בגילים 14-24 ביישובי המועצה")
    next_screen(page)
    for _question in ("information", "adjustment", "rivalry"):
        choose(page, "unknown")
        next_screen(page)

    expect(page.get_by_test_id("guided-result")).to_be_visible()
    expect(page.get_by_test_id("guided-rung")).to_have_text(PARTNERSHIP)
    expect(page.get_by_test_id("guided-print")).to_be_visible()  # shown by the script; without it, the browser prints
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    assert serious_accessibility_violations(page, live_server) == []

    # "No signed document": the live preview drops to cooperation before anything is sent with "Next".
    page.locator("dd", has_text="הסכם עקרונות").get_by_role("button").click()
    page.wait_for_load_state()
    choose(page, "no")
    expect(page.get_by_test_id("guided-rung")).to_have_text(COOPERATION)
    expect(page.locator("[data-test='T1']")).to_have_attribute("data-status", "failed")
    choose(page, "yes")
    expect(page.get_by_test_id("guided-rung")).to_have_text(PARTNERSHIP)
    page.get_by_test_id("guided-to-result").click()
    page.wait_for_load_state()

    assert not Partnership.objects.exists()  # nothing is written until saved
    page.get_by_test_id("guided-save").click()
    page.wait_for_load_state()
    expect(page.get_by_test_id("diagnosis-rung")).to_have_text(PARTNERSHIP)
    saved = Partnership.objects.get(town=towns[0])
    assert saved.standing_body is True and saved.meeting_cadence == "regular"
    assert diagnosis_document(saved, "he")["is_partnership"] is True
    assert csp_errors == []


def serious_accessibility_violations(page: Any, live_server: Any) -> list[str]:
    """axe-core's WCAG 2 A and AA rules (vendored, so the CSP allows it): the serious and critical violations."""
    page.add_script_tag(url=f"{live_server.url}/static/vendor/axe.min.js")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    return [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]


def test_the_guided_screens_fit_a_phone_with_big_touch_targets_and_pass_axe(page, live_server, personas, towns, login):
    page.set_viewport_size({"width": 360, "height": 740})
    login("carol")
    page.goto(f"{live_server.url}/t/town-a/diagnosis/guided/")
    page.fill("#id_name", "x")
    next_screen(page)
    page.fill("#id_rows-0-name", "A")
    choose(page, "public", "rows-0-sector")
    next_screen(page)
    heights = page.eval_on_selector_all(".g-choice", "els => els.map(e => e.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44
    button = page.get_by_test_id("guided-next").bounding_box()
    assert button and button["height"] >= 44
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    assert serious_accessibility_violations(page, live_server) == []
