"""In Chromium, in Hebrew: a coordinator takes a partnership from initiation to routine by the guide, with partner
representatives filling the charter, the vision, the cultures and the health survey through personal links."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PROFILE = {"decision_speed": 2, "planning_horizon": 3, "formality": 4, "success_meaning": 3, "risk_attitude": 2}


def _setup(records, personas):  # type: ignore[no-untyped-def]
    from shutafut.organizations.models import Person
    from shutafut.partnerships.services import member_add
    from shutafut.workspace.models import MemberRepresentative

    p = records["partnership"]
    city = p.members.get(organization=records["city"])
    city_rep = Person.objects.create(town=p.town, organization=records["city"], full_name="דנה", email="d@example.org")
    city.representative = city_rep
    city.save()
    ngo_rep = Person.objects.create(town=p.town, organization=records["ngo"], full_name="יוסי", email="y@example.org")
    ngo_two = Person.objects.create(town=p.town, organization=records["ngo"], full_name="מיכל", email="m@example.org")
    ngo = member_add(partnership=p, organization=records["ngo"], roles=["partner"], representative=ngo_rep)
    MemberRepresentative.objects.create(member=city, user=personas["alice"])
    MemberRepresentative.objects.create(member=ngo, user=personas["carol"])
    return p, city, ngo, [(city, city_rep), (ngo, ngo_rep), (ngo, ngo_two)]


def _move(page, to: str, reason: str = "") -> None:  # type: ignore[no-untyped-def]
    page.select_option("#id_to", to)
    if reason:
        page.fill("#id_override_reason", reason)
    page.click("form[action$='/stage/'] button[type=submit]")
    page.wait_for_load_state()


def test_a_coordinator_takes_a_partnership_from_initiation_to_routine_in_hebrew(
    page, live_server, personas, town_a_records, login
):
    from shutafut.partnerships.services import document_create
    from shutafut.surveys.links import link_resolve
    from shutafut.workspace import services
    from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_CODES

    p, city, ngo, respondents = _setup(town_a_records, personas)
    ws = f"{live_server.url}/t/town-a/workspace/{p.pk}"
    page.set_default_timeout(15000)

    # Initiation: the gates to kick-off are shown unmet until readiness and justification pass.
    login("alice")
    page.goto(f"{ws}/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.get_by_test_id("current-stage")).to_have_text("ייזום")
    expect(page.get_by_test_id("unmet-gate")).to_have_count(2)
    page.goto(f"{ws}/readiness/")
    for name in ("political", "organizational", "community", "contribution", "scope", "innovation"):
        page.fill(f"#id_{name}", "2")
    page.fill("#id_political_evidence", "ראש העירייה תומך")
    page.click("form.card button[type=submit]")
    expect(page.get_by_test_id("readiness-go")).to_have_class("status-passed")
    page.goto(f"{ws}/")
    expect(page.get_by_test_id("unmet-gate")).to_have_count(0)
    _move(page, "kickoff")
    expect(page.get_by_test_id("current-stage")).to_have_text("התנעה")

    # Kick-off: charter from the sector table, roles, vision; the coordinator approves for the city she represents.
    page.goto(f"{ws}/charter/")
    page.select_option("#id_prefill-member", str(city.pk))
    page.click("form[action$='/prefill/'] button[type=submit]")
    page.select_option("#id_entry-member", str(city.pk))
    page.check("input[name='entry-roles'][value='initiator']")
    page.check("input[name='entry-roles'][value='manager']")
    page.fill("#id_entry-mandate", "מתחייבת עד 50,000 ש״ח")
    page.click("form[action$='/entry/'] button[type=submit]")
    page.click("form[action$='/approve/'] button[type=submit]")
    expect(page.locator(f"#charter-member-{city.pk} [data-testid=approval]")).to_be_visible()
    page.goto(f"{ws}/vision/")
    page.fill("#id_public_goal", "תעסוקה לנוער בעיר")
    page.fill("#id_statement", "כל נער ונערה בעיר מוצאים מקום")
    page.check("input[name='dimensions'][value='social']")
    page.click("form[action$='/vision/save/'] button[type=submit]")
    page.click("form[action$='/endorse/'] button[type=submit]")
    page.goto(f"{ws}/culture/")
    page.select_option("#id_member", str(city.pk))
    for name, value in {**PROFILE, "reporting_cycle": 5}.items():
        page.fill(f"#id_{name}", str(value))
    page.click("form[action$='/profile/'] button[type=submit]")
    page.goto(f"{ws}/")
    _move(page, "agreement")
    expect(page.get_by_test_id("current-stage")).to_have_text("התנעה")  # the NGO has not endorsed: refused
    refused = page.locator("form[action$='/stage/'] [role=alert]")  # the form comes back with the refusal
    expect(refused).to_contain_text("כל השותפים אישרו את החזון המשותף")

    # Carol, the NGO's representative, fills its part: charter item and approval, vision, culture.
    login("carol")
    page.goto(f"{ws}/charter/")
    page.select_option("#id_item-member", str(ngo.pk))
    page.select_option("#id_item-column", "contribution")
    page.select_option("#id_item-code", "third.contribution.field_proximity")
    page.click("form[action$='/charter/item/'] button[type=submit]")
    page.click("form[action$='/approve/'] button[type=submit]")
    expect(page.locator(f"#charter-member-{ngo.pk} [data-testid=approval]")).to_contain_text("carol")
    page.goto(f"{ws}/vision/")
    page.click("form[action$='/endorse/'] button[type=submit]")
    page.goto(f"{ws}/culture/")
    page.select_option("#id_member", str(ngo.pk))
    for name, value in {**PROFILE, "reporting_cycle": 1}.items():
        page.fill(f"#id_{name}", str(value))
    page.click("form[action$='/profile/'] button[type=submit]")
    page.select_option("#id_dimension", "reporting_cycle")
    page.fill("#id_text", "דיווח חודשי משותף")
    page.click("form[action$='/norm/'] button[type=submit]")
    expect(page.locator("table.heatmap")).to_contain_text("הוסכם")

    # Agreement: a signed framework (recorded directly; its form is covered elsewhere), then action and routine.
    login("alice")
    page.goto(f"{ws}/")
    _move(page, "agreement")
    expect(page.get_by_test_id("current-stage")).to_have_text("הסכמות")
    expect(page.get_by_test_id("unmet-gate")).to_have_count(3)  # framework signed, decision and info-flow rules
    document_create(
        partnership=p,
        kind="agreement",
        title="הסכם שותפות",
        signed_on=dt.date(2026, 1, 1),
        signatories=[city, ngo],
        decision_rules="בהסכמה",
        info_flow_rules="עדכון חודשי",
    )
    page.reload()
    _move(page, "action")
    expect(page.get_by_test_id("current-stage")).to_have_text("יציאה לפעולה")
    goal = services.goal_create(partnership=p, title="תעסוקת נוער", indicator="משרות", target=20)
    milestone = services.milestone_create(goal=goal, title="גיוס מעסיקים")
    services.task_create(milestone=milestone, owner=ngo, title="פגישות", due=dt.date(2026, 3, 1), progress=50)
    page.reload()
    _move(page, "routine")
    expect(page.get_by_test_id("current-stage")).to_have_text("ניהול שגרה")

    # The health survey: the city's representative answers through her personal link in the browser; the NGO's two
    # answer through the service (the same form's view is tested in tests/workspace), so the results count three.
    survey = services.survey_create(partnership=p, title="סקר בריאות 2026")
    tokens = [services.survey_invite(survey=survey, member=m, person=person) for m, person in respondents]
    page.goto(f"{live_server.url}/h/{tokens[0]}/")
    for radio in page.locator("fieldset.likert").all():
        name = radio.locator("input").first.get_attribute("name")
        radio.locator(f"input[value='{'5' if name and name.startswith('p') else '3'}']").check()
    page.click("form.ws-survey button[type=submit]")
    expect(page.get_by_role("heading", level=1)).to_have_text("תודה")
    for token in tokens[1:]:
        services.survey_answer(
            link=link_resolve(token),
            answers={code: 4 for code, _principle, _text in PRINCIPLE_ITEMS},
            trust={code: 3 for code in TRUST_CODES},
        )
    page.goto(f"{ws}/health/")
    page.click("a[href$='/closing/']")  # closing asks first, on its own page
    page.click("form[action$='/close/'] button[type=submit]")
    page.goto(f"{ws}/health/{survey.pk}/results/")
    table = page.get_by_test_id("principle-results")
    expect(table).to_contain_text("4.3")
    expect(table.locator(".band-strength")).to_have_count(6)
