"""The coordinator's wave pages: who may do what, links shown once, e-mail, status, re-send and revoke."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from shutafut.organizations.models import Person
from shutafut.surveys.models import Rating, SurveyLink, Wave, WaveStatus
from shutafut.surveys.services import rating_save, wave_create, wave_set_roster

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def url(name: str, wave: Wave, **kw: object) -> str:
    return reverse(name, kwargs={"town": wave.town.slug, "pk": wave.pk, **kw})


@pytest.fixture
def draft(town_a_records):
    city, ngo = town_a_records["city"], town_a_records["ngo"]
    wave = wave_create(town=city.town, name="גל טיוטה", link_lifetime_days=10)
    people = [
        Person.objects.create(town=city.town, organization=city, full_name="דנה", email="dana@example.org"),
        Person.objects.create(town=city.town, organization=ngo, full_name="נועה", email="noa@example.org"),
    ]
    wave_set_roster(wave=wave, organizations=[city, ngo], respondents=people)
    return wave


def test_a_coordinator_creates_a_wave_and_goes_on_to_its_roster(client, personas):
    client.force_login(personas["alice"])
    response = client.post(
        reverse("survey-wave-create", kwargs={"town": "town-a"}),
        {"name": "סתיו 2026", "opens_on": "2026-10-01", "closes_on": "2026-10-31", "link_lifetime_days": "21"},
    )
    wave = Wave.objects.get()
    assert (wave.name, wave.link_lifetime_days, wave.status, wave.town.slug) == ("סתיו 2026", 21, "draft", "town-a")
    assert response["Location"] == url("survey-wave-roster", wave)


def test_a_wave_cannot_close_before_it_opens(client, personas):
    client.force_login(personas["alice"])
    response = client.post(
        reverse("survey-wave-create", kwargs={"town": "town-a"}),
        {"name": "x", "opens_on": "2026-10-31", "closes_on": "2026-10-01", "link_lifetime_days": "21"},
    )
    assert response.status_code == 200 and not Wave.objects.exists()


def test_the_roster_takes_organizations_and_their_respondents(client, personas, draft, town_a_records):
    client.force_login(personas["alice"])
    noa = Person.objects.get(full_name="נועה")
    client.post(url("survey-wave-roster", draft), {"respondents": [noa.pk]})
    assert list(draft.respondents.all()) == [noa]
    assert list(draft.organizations.all()) == [town_a_records["ngo"]]  # a respondent brings her organization


def test_a_respondent_can_be_added_inline(client, personas, draft, town_a_records):
    client.force_login(personas["alice"])
    shop_person = {
        "person-organization": town_a_records["city"].pk,
        "person-full_name": "רון",
        "person-email": "ron@example.org",
    }
    client.post(url("survey-wave-add-respondent", draft), shop_person)
    assert draft.respondents.filter(full_name="רון", organization=town_a_records["city"]).exists()


def test_opening_issues_one_link_per_respondent_sends_it_by_mail_and_goes_to_the_links_page(
    client, personas, draft, django_capture_on_commit_callbacks
):
    client.force_login(personas["alice"])
    with django_capture_on_commit_callbacks(execute=True):  # the e-mails leave after the commit
        response = client.post(url("survey-wave-open", draft), {"send": "1"})
    assert response.status_code == 302 and response["Location"] == url("survey-wave-links", draft)
    draft.refresh_from_db()
    assert draft.status == WaveStatus.OPEN
    links = SurveyLink.objects.filter(wave=draft)
    assert links.count() == 2 and {link.purpose for link in links} == {"relationship_survey"}
    page = client.get(response["Location"])
    assert page["Cache-Control"] == "no-store, private"
    shown = [row["url"] for row in page.context["rows"]]
    assert len(shown) == 2 and all(u.startswith("http://testserver/s/") for u in shown)
    assert len(mail.outbox) == 2 and shown[0] in mail.outbox[0].body + mail.outbox[1].body
    token = shown[0].split("/s/")[1].rstrip("/")
    assert not SurveyLink.objects.filter(digest__contains=token.split(":")[0]).exists()
    assert not SurveyLink.objects.filter(nonce__contains=token.split(":")[0]).exists()
    # the wave page does not show them, and opening again issues nothing new
    assert token not in client.get(url("survey-wave-detail", draft)).content.decode()
    client.post(url("survey-wave-open", draft))
    assert SurveyLink.objects.filter(wave=draft).count() == 2


@pytest.mark.parametrize("action", ["survey-wave-open", "survey-wave-close"])
def test_a_viewer_or_a_member_cannot_open_close_or_send(client, personas, draft, action):
    for name in ("bob", "carol"):
        client.force_login(personas[name])
        assert client.post(url(action, draft), {"send": "1"}).status_code == 403
    draft.refresh_from_db()
    assert draft.status == WaveStatus.DRAFT and not SurveyLink.objects.exists() and not mail.outbox


def test_a_viewer_cannot_resend_or_revoke_a_link(client, personas, survey):
    link = survey["links"]["noa"]
    client.force_login(personas["bob"])
    for action in ("survey-link-resend", "survey-link-revoke"):
        assert client.post(url(action, survey["wave"], link=link.pk)).status_code == 403
    link.refresh_from_db()
    assert link.revoked_at is None and SurveyLink.objects.count() == 4


def test_a_viewer_sees_the_list_and_the_status_but_no_actions(client, personas, survey):
    client.force_login(personas["bob"])
    listing = client.get(reverse("survey-wave-list", kwargs={"town": "town-a"}))
    assert listing.status_code == 200 and "גל ראשון" in listing.content.decode()
    detail = client.get(url("survey-wave-detail", survey["wave"]))
    assert detail.status_code == 200
    assert url("survey-wave-close", survey["wave"]) not in detail.content.decode()
    assert client.get(reverse("survey-wave-create", kwargs={"town": "town-a"})).status_code == 403


def test_another_towns_wave_is_404_like_a_missing_one(client, personas, survey):
    wave = survey["wave"]
    client.force_login(personas["charlie"])
    for path in (
        reverse("survey-wave-detail", kwargs={"town": "town-b", "pk": wave.pk}),
        reverse("survey-wave-close", kwargs={"town": "town-b", "pk": wave.pk}),
        reverse("survey-link-revoke", kwargs={"town": "town-b", "pk": wave.pk, "link": survey["links"]["noa"].pk}),
        reverse("survey-wave-detail", kwargs={"town": "town-b", "pk": 999999}),
    ):
        response = client.post(path) if "close" in path or "revoke" in path else client.get(path)
        assert response.status_code == 404, path
    assert client.get(url("survey-wave-detail", wave)).status_code == 404  # not a member of town A
    wave.refresh_from_db()
    assert wave.status == WaveStatus.OPEN


def test_the_status_shows_not_started_in_progress_and_done_and_the_response_rate(client, personas, survey):
    links = survey["links"]
    rating_save(link=links["noa"], rated=survey["city"], rung=3)
    rating_save(link=links["shai"], rated=survey["city"], rung=2)
    rating_save(link=links["shai"], rated=survey["ngo"], rung=2)  # every other organization: done
    client.force_login(personas["alice"])
    response = client.get(url("survey-wave-detail", survey["wave"]))
    states = {r.person.full_name: (r.state, r.answers) for r in response.context["status"].respondents}
    assert states == {
        "דנה": ("not_started", 0),
        "דב": ("not_started", 0),
        "נועה": ("in_progress", 1),
        "שי": ("done", 2),
    }
    status = response.context["status"]
    assert (status.organizations_answered, status.roster_size, round(status.organization_rate)) == (2, 3, 67)


def test_resending_revokes_the_old_link_issues_a_new_one_and_keeps_the_answers(
    client, personas, survey, django_capture_on_commit_callbacks
):
    old = survey["links"]["noa"]
    rating_save(link=old, rated=survey["city"], rung=4)
    client.force_login(personas["alice"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("survey-link-resend", survey["wave"], link=old.pk), {"send": "1"})
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.revoked_at is not None
    fresh = SurveyLink.objects.filter(person=old.person, revoked_at__isnull=True).get()
    assert Rating.objects.get().link == fresh
    [row] = [r for r in client.get(response["Location"]).context["rows"] if r["person"] == old.person]
    assert row["link"] == fresh and len(mail.outbox) == 1 and row["url"] in mail.outbox[0].body
    token = row["url"].split("/s/")[1]
    assert client.get("/s/" + token).status_code == 200
    assert client.get(reverse("survey-respond", kwargs={"token": survey["tokens"]["noa"]})).status_code == 410


def test_revoking_a_link_stops_it(client, personas, survey):
    link = survey["links"]["noa"]
    client.force_login(personas["alice"])
    client.post(url("survey-link-revoke", survey["wave"], link=link.pk))
    assert client.get(reverse("survey-respond", kwargs={"token": survey["tokens"]["noa"]})).status_code == 410


def test_closing_from_the_page_closes_the_wave_and_stops_answers(client, personas, survey):
    client.force_login(personas["alice"])
    client.post(url("survey-wave-close", survey["wave"]))
    survey["wave"].refresh_from_db()
    assert survey["wave"].status == WaveStatus.CLOSED
    token = survey["tokens"]["noa"]
    response = client.post(reverse("survey-answer", kwargs={"token": token}), {"rated": survey["city"].pk, "rung": 3})
    assert response.status_code == 409 and not Rating.objects.exists()


def test_sending_again_replaces_an_expired_link_and_carries_its_answers_over(client, personas, survey):
    import datetime as dt

    from django.utils import timezone

    old = survey["links"]["noa"]
    rating_save(link=old, rated=survey["city"], rung=4)
    SurveyLink.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    client.force_login(personas["alice"])
    client.post(url("survey-wave-open", survey["wave"]))
    fresh = SurveyLink.objects.filter(person=old.person, revoked_at__isnull=True).get()
    assert fresh.pk != old.pk
    assert Rating.objects.get().link == fresh  # still one respondent with one set of answers
    old.refresh_from_db()
    assert old.revoked_at is not None
