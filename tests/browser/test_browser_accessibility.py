"""Accessibility and the Content-Security-Policy in Chromium.

axe-core (vendored in static/vendor/axe.min.js, loaded from the site itself so the CSP allows it) runs with the WCAG 2
A and AA rules on the login page, the dashboard, a partnership page, the map, the audit log, the town report, the
import page, the organization list, a wave's links page, what the public sees (a published partnership, the guide, the
404 page) and both survey forms: no serious or critical violation. The same visits listen for the
Content-Security-Policy's console errors (an inline script or style is one): there must be none. The survey form is
answered with the keyboard alone.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from shutafut.surveys.models import Wave

pytestmark = pytest.mark.django_db(transaction=True)

SEVERE = ("serious", "critical")


def axe_violations(page: Any, live_server: Any) -> list[str]:
    page.add_script_tag(url=f"{live_server.url}/static/vendor/axe.min.js")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in SEVERE
    ]


def csp_errors(page: Any) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda msg: (
            errors.append(f"{page.url}: {msg.text[:160]} {msg.location}")
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    return errors


@pytest.fixture
def survey_token(town_a_records) -> str:  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Person
    from shutafut.surveys.services import wave_create, wave_open, wave_set_roster

    city, ngo = town_a_records["city"], town_a_records["ngo"]
    person = Person.objects.create(town=city.town, organization=ngo, full_name="נועה")
    wave = wave_create(town=city.town, name="גל נגישות")
    wave_set_roster(wave=wave, organizations=[city, ngo], respondents=[person])
    [issued] = wave_open(wave=wave)
    return str(issued.token)


@pytest.fixture
def health_token(town_a_records) -> str:  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Person
    from shutafut.workspace import services

    partnership = town_a_records["partnership"]
    member = partnership.members.get()
    person = Person.objects.create(town=partnership.town, organization=member.organization, full_name="דן")
    survey = services.survey_create(partnership=partnership, title="סקר בריאות")
    return str(services.survey_invite(survey=survey, member=member, person=person))


def _pages(live_server: Any, records: dict[str, Any]) -> dict[str, str]:
    base = live_server.url
    return {
        "dashboard": f"{base}/t/town-a/",
        "partnership": f"{base}/t/town-a/partnerships/{records['partnership'].pk}/",
        "map": f"{base}/t/town-a/map/",
        "audit": f"{base}/t/town-a/audit/",
        "town report": f"{base}/t/town-a/reports/",
        "import": f"{base}/t/town-a/reports/import/",
        "organizations": f"{base}/t/town-a/organizations/",
    }


def test_the_login_page_has_no_serious_accessibility_violation(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    assert axe_violations(page, live_server) == []


def test_the_town_pages_have_no_serious_accessibility_violation_and_break_no_content_security_rule(
    page, live_server, login, personas, town_a_records
):
    errors = csp_errors(page)
    login("alice")
    found = {}
    for name, url in _pages(live_server, town_a_records).items():
        response = page.goto(url)
        assert response is not None and response.status == 200, (name, url)
        found[name] = axe_violations(page, live_server)  # its wait also lets the page's own requests finish
    severe = {k: v for k, v in found.items() if v}
    assert severe == {}, "\n".join(f"{k}: {v}" for k, v in severe.items())
    assert errors == [], "\n".join(errors)


def test_a_waves_links_page_has_no_serious_accessibility_violation(page, live_server, login, personas, survey_token):
    login("alice")
    wave = Wave.objects.get(name="גל נגישות")
    response = page.goto(f"{live_server.url}/t/town-a/surveys/{wave.pk}/links/")
    assert response is not None and response.status == 200
    assert axe_violations(page, live_server) == []


def test_what_the_public_sees_has_no_serious_accessibility_violation(page, live_server, town_a_records):
    partnership = town_a_records["partnership"]
    partnership.is_public = True
    partnership.save(update_fields=["is_public"])
    found = {}
    for url, status in ((f"/p/town-a/{partnership.pk}/", 200), ("/guide/", 200), ("/t/town-a/no-such-page/", 404)):
        response = page.goto(live_server.url + url)
        assert response is not None and response.status == status, url
        found[url] = axe_violations(page, live_server)
    assert {k: v for k, v in found.items() if v} == {}


@pytest.mark.parametrize("form", ["relationship survey", "health survey"])
def test_each_survey_form_has_no_serious_accessibility_violation_and_breaks_no_content_security_rule(
    page, live_server, request, form
):
    errors = csp_errors(page)
    url = {
        "relationship survey": lambda: f"/s/{request.getfixturevalue('survey_token')}/",
        "health survey": lambda: f"/h/{request.getfixturevalue('health_token')}/",
    }[form]()
    response = page.goto(live_server.url + url)
    assert response is not None and response.status == 200, url
    assert axe_violations(page, live_server) == []
    assert errors == [], "\n".join(errors)


def test_the_content_security_listener_hears_a_violation(page, live_server):
    """What makes the checks above able to fail: an inline script added to a page is refused, and heard."""
    errors = csp_errors(page)
    page.goto(f"{live_server.url}/accounts/login/")
    with page.expect_console_message(lambda msg: "Content Security Policy" in msg.text):
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); }"
        )
    assert errors


def test_the_survey_form_can_be_answered_with_the_keyboard_alone(page, live_server, survey_token):
    page.goto(f"{live_server.url}/s/{survey_token}/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type === 'radio'"):
            break
    else:
        raise AssertionError("Tab never reached a rung of the first organization")
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    row = page.locator("[id^=org-]").filter(has=page.locator("input[type=radio]:checked")).first
    expect(row.locator(".save-status")).to_have_text("נשמר.")
