"""Issue 4, done when: a coordinator runs a wave from the browser, respondents answer through their links, and the
coordinator sees the map and its metrics change."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

READY = "() => !!(window.shutafutMap && window.shutafutMap.cy && document.getElementById('map-canvas').dataset.ready)"


@pytest.fixture
def town_with_people(town_a_records):  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Organization, Person

    city, ngo = town_a_records["city"], town_a_records["ngo"]
    shop = Organization.objects.create(
        town=city.town, name="מכולת השכונה", sector="business", subtype="small_business", legal_form="company"
    )
    dan = Person.objects.create(town=city.town, organization=city, full_name="דן")
    noa = Person.objects.create(town=city.town, organization=ngo, full_name="נועה")
    return {"city": city, "ngo": ngo, "shop": shop, "dan": dan, "noa": noa}


def _answer(page, url: str, ratings: dict[int, int]) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    for org_pk, rung in ratings.items():
        row = page.locator(f"#org-{org_pk}")
        row.locator(f"input[name=rung][value='{rung}']").check()
        expect(row.locator(".save-status")).to_have_text("נשמר.")


def test_a_coordinator_runs_a_wave_and_sees_the_map_and_metrics_change(
    page, live_server, personas, town_with_people, login
):  # type: ignore[no-untyped-def]
    t = town_with_people
    login("alice")
    # 1. a new wave with a roster of three organizations and two respondents
    page.goto(f"{live_server.url}/t/town-a/surveys/new/")
    page.fill("#id_name", "גל ראשון")
    page.locator("main form button[type=submit]").click()
    match = re.search(r"/surveys/(\d+)/", page.url)
    assert match, page.url
    wave_pk = match.group(1)
    for org in ("city", "ngo", "shop"):
        page.locator(f"input[name=organizations][value='{t[org].pk}']").check()
    for person in ("dan", "noa"):
        page.locator(f"input[name=respondents][value='{t[person].pk}']").check()
    page.locator("form.roster button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/surveys/{wave_pk}/$"))

    # 2. before anyone answers, the wave's map has its three organizations and no tie
    page.goto(f"{live_server.url}/t/town-a/map/?wave={wave_pk}")
    page.wait_for_function(READY)
    assert page.evaluate("window.shutafutMap.cy.nodes().length") == 3
    assert page.evaluate("window.shutafutMap.cy.edges().length") == 0
    expect(page.get_by_test_id("summary-ties")).to_have_text("0")

    # 3. open the wave: the personal links are shown once
    page.goto(f"{live_server.url}/t/town-a/surveys/{wave_pk}/")
    page.locator(f"form[action$='/surveys/{wave_pk}/open/'] input[name=send]").uncheck()
    page.locator(f"form[action$='/surveys/{wave_pk}/open/'] button[type=submit]").click()
    links = page.get_by_test_id("personal-link")  # opening leads to the wave's links page
    expect(links).to_have_count(2)
    by_person = {}
    for i in range(2):
        row = page.get_by_test_id("link-row").nth(i)
        by_person[row.locator("td bdi").first.inner_text().strip()] = links.nth(i).input_value()

    # 4. the respondents answer through their links (no account)
    respondent = page.context.new_page()
    _answer(respondent, by_person["דן"], {t["ngo"].pk: 4, t["shop"].pk: 3})
    _answer(respondent, by_person["נועה"], {t["city"].pk: 4})
    respondent.close()

    # 5. close the wave: its pairs become survey relationships
    page.goto(f"{live_server.url}/t/town-a/surveys/{wave_pk}/")
    page.locator(f"form[action$='/surveys/{wave_pk}/close/'] button[type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("2")

    # 6. the map and the metrics changed
    page.goto(f"{live_server.url}/t/town-a/map/?wave={wave_pk}")
    page.wait_for_function(READY)
    assert page.evaluate("window.shutafutMap.cy.edges().length") == 2
    expect(page.get_by_test_id("summary-ties")).to_have_text("2")
    ratings = page.evaluate(
        "id => { const e = window.shutafutMap.cy.getElementById(id).connectedEdges()[0].data();"
        " return [e.rung, e.rating_source_to_target, e.rating_target_to_source]; }",
        str(t["ngo"].pk),
    )
    assert ratings == [4, 4, 4]  # the ngo's one tie: rung 4, rated 4 by each side
    # A block that returns nothing: emit() returns the edge, and handing cytoscape's object graph back to Python
    # took Playwright 15 s.
    page.evaluate(
        "id => { window.shutafutMap.cy.getElementById(id).connectedEdges()[0].emit('tap'); }", str(t["ngo"].pk)
    )
    expect(page.locator("#map-panel-body")).to_contain_text("הדירוג של עמותת לב")  # an edge shows both ratings
    expect(page.locator("#map-panel-body")).to_contain_text("שיתוף פעולה")
    density = page.evaluate("window.shutafutMap.data.summary.density")
    assert density == pytest.approx(2 / 3)
