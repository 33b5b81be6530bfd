"""A partner's representative (member role) edits only what an organization they represent is party to, and
publishing is the coordinator's or the convener's representative's act (issue 11 item 2, issue 12 item 5)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.urls import reverse

from shutafut.organizations.models import Organization
from shutafut.partnerships.models import Member, Partnership
from shutafut.partnerships.services import partnership_create
from shutafut.workspace.models import MemberRepresentative

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


@pytest.fixture
def scene(personas, town_a_records):  # type: ignore[no-untyped-def]
    """carol (member role) represents the NGO in a partnership convened by the city; another partnership has
    neither the NGO nor carol."""
    town = town_a_records["city"].town
    city, ngo = town_a_records["city"], town_a_records["ngo"]
    ours = town_a_records["partnership"]
    ngo_member = Member.objects.create(partnership=ours, organization=ngo)
    MemberRepresentative.objects.create(member=ngo_member, user=personas["carol"])
    third = Organization.objects.create(town=town, name="חברה שלישית", sector="business", subtype="company")
    theirs = partnership_create(town=town, name="שותפות אחרת", convener=third)
    carol = Client()
    carol.force_login(personas["carol"])
    alice = Client()
    alice.force_login(personas["alice"])
    return {
        "town": town,
        "city": city,
        "ngo": ngo,
        "third": third,
        "ours": ours,
        "theirs": theirs,
        "carol": carol,
        "alice": alice,
    }


def _url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"town": "town-a", **kwargs})


def test_a_representative_saves_their_own_partnership_but_not_another_which_answers_404(scene):
    carol = scene["carol"]
    theirs = scene["theirs"]
    refused = carol.post(_url("partnership-edit", pk=theirs.pk), {"name": "נחטף", "stage": "initiation"})
    assert refused.status_code == 404
    theirs.refresh_from_db()
    assert theirs.name == "שותפות אחרת"
    assert carol.get(_url("partnership-edit", pk=scene["ours"].pk)).status_code == 200


def test_a_representative_cannot_open_another_partnerships_add_record_pages(scene):
    carol = scene["carol"]
    for part in ("decision", "flow", "member", "activity"):
        assert carol.get(_url("partnership-part-create", pk=scene["theirs"].pk, part=part)).status_code == 404
        assert carol.get(_url("partnership-part-create", pk=scene["ours"].pk, part=part)).status_code == 200


def test_a_representative_edits_their_organization_only(scene):
    carol = scene["carol"]
    assert carol.get(_url("organization-edit", pk=scene["ngo"].pk)).status_code == 200
    assert carol.get(_url("organization-edit", pk=scene["city"].pk)).status_code == 404
    assert carol.get(_url("organization-edit", pk=scene["third"].pk)).status_code == 404


def test_another_partnerships_page_offers_a_representative_no_edit_button(scene):
    page = scene["carol"].get(_url("partnership-detail", pk=scene["theirs"].pk)).content.decode()
    assert _url("partnership-edit", pk=scene["theirs"].pk) not in page
    own = scene["carol"].get(_url("partnership-detail", pk=scene["ours"].pk)).content.decode()
    assert _url("partnership-edit", pk=scene["ours"].pk) in own


def test_a_member_who_does_not_represent_the_convener_cannot_publish_through_the_api(scene):
    path = f"/api/v1/partnerships/{scene['ours'].pk}"
    body = json.dumps({"is_public": True})
    response = scene["carol"].generic("PATCH", path, data=body, content_type="application/json")
    assert response.status_code == 403
    assert not Partnership.objects.get(pk=scene["ours"].pk).is_public
    described = scene["carol"].generic(
        "PATCH", path, data=json.dumps({"description": "עדכון"}), content_type="application/json"
    )
    assert described.status_code == 200


def test_the_convener_representative_publishes_through_the_api(scene, personas):
    convener = Member.objects.get(partnership=scene["ours"], organization=scene["city"])
    MemberRepresentative.objects.create(member=convener, user=personas["carol"])
    path = f"/api/v1/partnerships/{scene['ours'].pk}"
    response = scene["carol"].generic(
        "PATCH", path, data=json.dumps({"is_public": True}), content_type="application/json"
    )
    assert response.status_code == 200
    assert Partnership.objects.get(pk=scene["ours"].pk).is_public


def test_a_member_who_may_not_publish_gets_no_switch_and_no_preview(scene):
    page = scene["carol"].get(_url("partnership-detail", pk=scene["ours"].pk)).content.decode()
    assert _url("public-preview", pk=scene["ours"].pk) not in page
    assert scene["carol"].get(_url("public-preview", pk=scene["ours"].pk)).status_code == 403
    assert scene["carol"].post(_url("public-preview", pk=scene["ours"].pk), {"publish": "1"}).status_code == 403
    assert not Partnership.objects.get(pk=scene["ours"].pk).is_public


def test_the_coordinator_publishes_with_the_switch_and_the_preview_is_the_public_page(scene):
    alice, ours = scene["alice"], scene["ours"]
    page = alice.get(_url("partnership-detail", pk=ours.pk)).content.decode()
    assert _url("public-preview", pk=ours.pk) in page
    preview = alice.get(_url("public-preview", pk=ours.pk))
    assert "reports/public.html" in [t.name for t in preview.templates]
    assert Client().get(f"/p/town-a/{ours.pk}/").status_code == 404
    done = alice.post(_url("public-preview", pk=ours.pk), {"publish": "1"})
    assert done.status_code == 302
    assert Client().get(f"/p/town-a/{ours.pk}/").status_code == 200
    alice.post(_url("public-preview", pk=ours.pk), {"publish": "0"})
    assert Client().get(f"/p/town-a/{ours.pk}/").status_code == 404


def test_survey_results_show_individual_ratings_to_the_coordinator_only(scene):
    from shutafut.surveys.models import Wave

    wave = Wave.objects.create(town=scene["town"], name="גל", status="open")
    wave.organizations.set([scene["city"], scene["ngo"]])
    coordinator = scene["alice"].get(_url("survey-wave-detail", pk=wave.pk))
    member = scene["carol"].get(_url("survey-wave-detail", pk=wave.pk))
    assert "surveys/pairs_table.html" in [t.name for t in coordinator.templates]
    assert "surveys/pairs_table.html" not in [t.name for t in member.templates]


def _tie(a: Organization, b: Organization) -> dict[str, str]:
    return {"org_a": str(a.pk), "org_b": str(b.pk), "domain": "תעסוקה", "rung": "3", "observed_on": "2026-03-01"}


def test_a_representative_records_a_tie_of_their_organization_but_not_one_between_two_others(scene):
    from shutafut.relationships.models import Relationship

    url = _url("relationship-create")
    refused = scene["carol"].post(url, _tie(scene["city"], scene["third"]), HTTP_ACCEPT_LANGUAGE="en")
    assert refused.status_code == 400
    assert "only of an organization you represent" in refused.content.decode()
    assert not Relationship.objects.filter(org_a=scene["city"], org_b=scene["third"]).exists()
    saved = scene["carol"].post(url, _tie(scene["ngo"], scene["third"]))
    assert saved.status_code == 302
    assert Relationship.objects.filter(org_a=scene["ngo"], org_b=scene["third"]).exists()


def test_a_representative_cannot_move_their_tie_to_two_other_organizations(scene):
    from shutafut.relationships.models import Relationship

    tie = Relationship.objects.create(
        town=scene["town"], org_a=scene["ngo"], org_b=scene["third"], domain="תעסוקה", rung=3, observed_on="2026-03-01"
    )
    response = scene["carol"].post(_url("relationship-edit", pk=tie.pk), _tie(scene["city"], scene["third"]))
    assert response.status_code == 400
    tie.refresh_from_db()
    assert tie.org_a == scene["ngo"]


def test_the_api_refuses_a_representative_a_tie_between_two_others_as_it_refuses_a_missing_record(scene):
    from shutafut.relationships.models import Relationship

    body = {"town": "town-a", "org_a": scene["city"].pk, "org_b": scene["third"].pk, "rung": 3}
    body["observed_on"] = "2026-03-01"
    refused = scene["carol"].post("/api/v1/relationships", json.dumps(body), content_type="application/json")
    assert refused.status_code == 404
    assert not Relationship.objects.filter(org_a=scene["city"], org_b=scene["third"]).exists()
    own = {**body, "org_a": scene["ngo"].pk}
    saved = scene["carol"].post("/api/v1/relationships", json.dumps(own), content_type="application/json")
    assert saved.status_code == 201


def test_a_representative_who_may_not_publish_cannot_make_their_organization_the_convener(scene):
    ours, ngo = scene["ours"], scene["ngo"]
    path = f"/api/v1/partnerships/{ours.pk}"
    response = scene["carol"].generic(
        "PATCH", path, data=json.dumps({"convener": ngo.pk}), content_type="application/json"
    )
    assert response.status_code == 403
    form = {"name": ours.name, "stage": ours.stage, "convener": str(ngo.pk)}
    scene["carol"].post(_url("partnership-edit", pk=ours.pk), form)
    assert Partnership.objects.get(pk=ours.pk).convener == scene["city"]
    assert (
        "disabled"
        in scene["carol"]
        .get(_url("partnership-edit", pk=ours.pk))
        .content.decode()
        .split('name="convener"')[1]
        .split(">")[0]
    )
