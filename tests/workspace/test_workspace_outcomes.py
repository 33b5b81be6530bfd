"""Outcomes as PARTNER asks them (issue 13.5): intended and achieved outcomes from the guide's list, each member's
most important contribution, and the representatives' success rating, shown only as a mean of three or more."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from shutafut.accounts.models import Membership, Role
from shutafut.audit.models import AuditEvent
from shutafut.workspace import selectors, services
from shutafut.workspace.models import MemberContribution, MemberRepresentative, PartnershipOutcome, SuccessRating
from shutafut.workspace.services import OutcomeMarks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():  # type: ignore[no-untyped-def]
    """Refusals and pages are checked by their English wording; the Hebrew is checked by the catalog test."""
    with translation.override("en"):
        yield


def _url(name, ws):  # type: ignore[no-untyped-def]
    return reverse(name, kwargs={"town": ws["town"].slug, "pk": ws["p"].pk})


def _page(client, ws, user):  # type: ignore[no-untyped-def]
    client.force_login(ws[user])
    return client.get(_url("ws-outcomes", ws), HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.fixture
def dave(ws, django_user_model):  # type: ignore[no-untyped-def]
    """A third representative (of the business member), so that three ratings can be given."""
    user = django_user_model.objects.create_user(username="dave", password="pw-dave")
    Membership.objects.create(user=user, town=ws["town"], role=Role.MEMBER)
    MemberRepresentative.objects.create(member=ws["biz_m"], user=user)
    return user


@pytest.fixture
def frank(ws, django_user_model):  # type: ignore[no-untyped-def]
    """A member of the town who represents no member of the partnership."""
    user = django_user_model.objects.create_user(username="frank", password="pw-frank")
    Membership.objects.create(user=user, town=ws["town"], role=Role.MEMBER)
    return user


MARKS = {
    "quality_of_life": OutcomeMarks(intended=True, achieved=True, note="200 families took part"),
    "participation": OutcomeMarks(intended=True),
    "transparency": OutcomeMarks(achieved=True),
}


def test_a_representative_records_intended_and_achieved_outcomes_and_the_page_shows_them(client, ws):
    services.outcomes_save(partnership=ws["p"], by=ws["carol"], marks=MARKS, most_important="quality_of_life")
    view = selectors.outcomes_view(ws["p"])
    assert (view["n_intended"], view["n_achieved"]) == (2, 2) and view["most_important"].label == "Quality of life"
    body = _page(client, ws, "bob")
    table = body.split('data-testid="outcomes"')[1].split("</table>")[0]
    assert "Quality of life" in table and "the most important" in table and "200 families took part" in table
    assert "Participation" in table and "Transparency" in table and "Efficiency" not in table


def test_saving_the_outcomes_again_replaces_the_whole_picture(ws):
    services.outcomes_save(partnership=ws["p"], by=ws["alice"], marks=MARKS, most_important="participation")
    services.outcomes_save(
        partnership=ws["p"], by=ws["alice"], marks={"participation": OutcomeMarks(intended=True, achieved=True)}
    )
    [row] = PartnershipOutcome.objects.all()
    assert (row.outcome, row.intended, row.achieved, row.most_important) == ("participation", True, True, False)


def test_a_most_important_outcome_that_is_neither_intended_nor_achieved_is_refused_and_nothing_changes(ws):
    services.outcomes_save(partnership=ws["p"], by=ws["carol"], marks=MARKS)
    with pytest.raises(ValidationError) as refused:
        services.outcomes_save(
            partnership=ws["p"], by=ws["carol"], marks={"efficiency": OutcomeMarks()}, most_important="efficiency"
        )
    assert "most_important" in refused.value.message_dict
    assert PartnershipOutcome.objects.count() == 3


def test_someone_who_represents_no_member_cannot_record_outcomes(ws, frank):
    with pytest.raises(ValidationError, match="Only a coordinator or a representative"):
        services.outcomes_save(partnership=ws["p"], by=frank, marks=MARKS)
    assert not PartnershipOutcome.objects.exists()


def test_a_note_on_an_unmarked_outcome_comes_back_by_its_field_with_what_was_typed(client, ws):
    client.force_login(ws["carol"])
    data = {"intended_participation": "on", "note_efficiency": "פחות כפילויות", "most_important": "participation"}
    response = client.post(_url("ws-outcomes-save", ws), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert set(response.context["outcomes_form"].errors) == {"note_efficiency"}
    body = response.content.decode()
    assert 'value="פחות כפילויות"' in body and "Mark the outcome as intended or achieved" in body
    assert not PartnershipOutcome.objects.exists()


def test_a_representative_saves_the_outcomes_through_the_page(client, ws):
    client.force_login(ws["carol"])
    data = {"intended_public_space": "on", "achieved_public_space": "on", "note_public_space": "גינה חדשה"}
    response = client.post(_url("ws-outcomes-save", ws), data, follow=True)
    assert response.redirect_chain == [(_url("ws-outcomes", ws), 302)]
    row = PartnershipOutcome.objects.get()
    assert (row.outcome, row.intended, row.achieved, row.note) == ("public_space", True, True, "גינה חדשה")


def test_a_members_most_important_contribution_is_set_by_its_representative_or_a_coordinator_only(ws):
    with pytest.raises(ValidationError, match="Only a coordinator or the member's representative"):
        services.contribution_set(member=ws["biz_m"], by=ws["carol"], resource_type="budget")
    services.contribution_set(member=ws["ngo_m"], by=ws["carol"], resource_type="volunteers", note="40 מתנדבים")
    services.contribution_set(member=ws["biz_m"], by=ws["alice"], resource_type="budget")
    view = selectors.outcomes_view(ws["p"])
    assert {c["name"]: c["contribution"] for c in view["contributions"]} == {
        "עיריית א": None,
        "עמותת לב": "Volunteers",
        "חברת אור": "Budget",
    }
    with pytest.raises(ValidationError):
        services.contribution_set(member=ws["ngo_m"], by=ws["carol"], resource_type="goodwill")
    assert MemberContribution.objects.get(member=ws["ngo_m"]).resource_type == "volunteers"


def test_only_a_members_own_representative_rates_success_and_only_from_one_to_four(ws):
    with pytest.raises(ValidationError, match="Only a representative of עמותת לב can rate for it"):
        services.success_rate(member=ws["ngo_m"], by=ws["alice"], score=4)  # a coordinator, but not its representative
    for bad in (0, 5, True, "3"):
        with pytest.raises(ValidationError):
            services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=bad)
    services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=2)
    services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=3)  # changes her rating, adds none
    assert list(SuccessRating.objects.values_list("score", flat=True)) == [3]


def test_the_success_mean_is_hidden_under_three_ratings_and_shown_with_its_n_from_three(client, ws, dave):
    services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=4)
    services.success_rate(member=ws["city_m"], by=ws["alice"], score=1)
    assert selectors.success_of(ws["p"]).mean is None
    body = _page(client, ws, "bob")
    assert 'data-testid="success-hidden"' in body and "2 ratings so far" in body and "2.5" not in body
    services.success_rate(member=ws["biz_m"], by=dave, score=3)
    assert selectors.success_of(ws["p"]).mean == pytest.approx(8 / 3)
    assert "2.7 of 4 (mean of 3 ratings)" in _page(client, ws, "bob")


def test_a_representative_sees_her_own_rating_and_nobody_elses(client, ws):
    services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=4)
    services.success_rate(member=ws["city_m"], by=ws["alice"], score=1)
    body = _page(client, ws, "carol")
    assert "Your rating for עמותת לב: Very successful" in body
    assert "Not successful" not in body.split('data-testid="own-rating"')[1].split("</p>")[0]
    assert 'data-testid="own-rating"' not in _page(client, ws, "bob")


def test_a_representative_rates_through_the_page_and_a_rating_for_another_member_is_refused(client, ws):
    client.force_login(ws["carol"])
    refused = client.post(_url("ws-success", ws), {"success-member": ws["city_m"].pk, "success-score": "4"})
    assert refused.status_code == 400 and not SuccessRating.objects.exists()
    done = client.post(_url("ws-success", ws), {"success-member": ws["ngo_m"].pk, "success-score": "4"})
    assert done.status_code == 302 and SuccessRating.objects.get().score == 4


def test_the_partnership_page_shows_the_outcomes_panel(client, ws):
    services.outcomes_save(partnership=ws["p"], by=ws["carol"], marks=MARKS, most_important="quality_of_life")
    services.contribution_set(member=ws["ngo_m"], by=ws["carol"], resource_type="volunteers")
    client.force_login(ws["bob"])
    url = reverse("partnership-detail", kwargs={"town": "town-a", "pk": ws["p"].pk})
    body = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    panel = body.split('data-testid="outcomes-panel"')[1].split("</section>")[0]
    assert "Quality of life (the most important)" in panel and "עמותת לב: Volunteers" in panel
    assert "from the guide" in panel and "after PARTNER" in panel and "No rating yet." in panel


def test_a_success_rating_is_logged_without_its_score(ws):
    AuditEvent.objects.all().delete()
    services.success_rate(member=ws["ngo_m"], by=ws["carol"], score=1)
    [event] = AuditEvent.objects.filter(model="workspace.SuccessRating")
    assert event.changes == {} and event.object_repr == ""
