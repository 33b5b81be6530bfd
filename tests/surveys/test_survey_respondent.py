"""The respondent's form at /s/<token>/: link states, answers saved as given, validation, a closed wave."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from shutafut.surveys.links import link_issue, link_revoke
from shutafut.surveys.models import Rating, WaveStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]

JSON = {"HTTP_ACCEPT": "application/json"}


def form_url(token: str) -> str:
    return reverse("survey-respond", kwargs={"token": token})


def answer_url(token: str) -> str:
    return reverse("survey-answer", kwargs={"token": token})


def test_the_respondent_form_lives_at_s_token(survey):
    assert form_url(survey["tokens"]["noa"]).startswith("/s/")


def test_an_invalid_link_is_404_and_says_only_that_it_is_not_valid(client, survey):
    token = survey["tokens"]["noa"]
    response = client.get(form_url(token[:-2] + ("AA" if not token.endswith("AA") else "BB")))
    assert response.status_code == 404
    body = response.content.decode()
    assert "This link is not valid." in body or "הקישור הזה אינו תקף." in body
    for secret in ("גל ראשון", survey["ngo"].name, survey["city"].name, "נועה", "expired", "revoked"):
        assert secret not in body


def test_an_expired_link_is_410_and_says_it_expired(client, survey, settings):
    settings.LANGUAGE_CODE = "en"
    noa = survey["people"]["noa"]
    _link, token = link_issue(
        lifetime=dt.timedelta(seconds=-1),
        town=survey["town"],
        purpose="relationship_survey",
        person=noa,
        organization=noa.organization,
        wave=survey["wave"],
    )
    response = client.get(form_url(token), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    assert "This survey link has expired." in response.content.decode()


def test_a_revoked_link_is_410_and_says_it_was_revoked(client, survey):
    link_revoke(survey["links"]["noa"])
    response = client.get(form_url(survey["tokens"]["noa"]), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 410
    assert "This survey link was revoked." in response.content.decode()
    assert client.post(answer_url(survey["tokens"]["noa"]), {"rated": survey["city"].pk, "rung": 3}).status_code == 410
    assert not Rating.objects.exists()


def test_the_form_lists_the_other_roster_organizations_by_sector_with_every_rung_defined(client, survey):
    response = client.get(form_url(survey["tokens"]["noa"]), HTTP_ACCEPT_LANGUAGE="en")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="org-{survey["city"].pk}"' in body and f'id="org-{survey["shop"].pk}"' in body
    assert f'id="org-{survey["ngo"].pk}"' not in body  # not her own organization
    assert body.index("Public sector") < body.index(f'id="org-{survey["city"].pk}"') < body.index("Business sector")
    assert "No contact in this field in the past year." in body and "An explicit, ongoing framework" in body
    assert response["Cache-Control"].startswith("no-store") and response["Referrer-Policy"] == "no-referrer"


def test_every_answer_is_saved_as_given_and_shown_on_return(client, survey):
    token, city, shop = survey["tokens"]["noa"], survey["city"], survey["shop"]
    first = {
        "rated": city.pk,
        "rung": "4",
        "domain": "חינוך",
        "frequency": "monthly",
        "trust_reliability": "3",
        "value_power": "4",
        "resources": ["knowledge", "budget"],
    }
    assert client.post(answer_url(token), first, **JSON).json() == {"ok": True, "message": "נשמר."}
    assert client.post(answer_url(token), {"rated": shop.pk, "rung": "1"}, **JSON).status_code == 200
    saved = Rating.objects.get(link=survey["links"]["noa"], rated=city)
    assert (saved.rung, saved.domain, saved.frequency, saved.trust_reliability, saved.trust_mission) == (
        4,
        "חינוך",
        "monthly",
        3,
        None,
    )
    assert saved.value_power == 4 and saved.resources == ["knowledge", "budget"] and saved.rater == survey["ngo"]
    body = client.get(form_url(token)).content.decode()
    assert 'name="rung" value="4" checked' in body and 'name="rung" value="1" checked' in body
    assert 'value="חינוך"' in body and 'value="budget" checked' in body


def test_saving_again_replaces_the_answer_and_never_duplicates_it(client, survey):
    token, city = survey["tokens"]["noa"], survey["city"]
    for rung in ("2", "3", "3"):
        client.post(answer_url(token), {"rated": city.pk, "rung": rung, "trust_mission": "2"}, **JSON)
    client.post(answer_url(token), {"rated": city.pk, "rung": "3"}, **JSON)
    assert Rating.objects.filter(link=survey["links"]["noa"]).count() == 1
    rating = Rating.objects.get()
    assert rating.rung == 3 and rating.trust_mission is None  # the last answer, exactly as given


def test_without_javascript_a_row_saves_and_returns_to_the_form(client, survey):
    token = survey["tokens"]["noa"]
    response = client.post(answer_url(token), {"rated": survey["city"].pk, "rung": "2"})
    assert response.status_code == 302
    assert response["Location"] == form_url(token) + f"#org-{survey['city'].pk}"
    assert Rating.objects.get().rung == 2


@pytest.mark.parametrize(
    ("field", "data", "label"),
    [
        ("rung", {"rung": "7"}, "Rung"),
        ("rung", {}, "Rung"),
        ("trust_openness", {"rung": "3", "trust_openness": "5"}, "Trust: open to discussion"),
        ("value_resources", {"rung": "3", "value_resources": "0"}, "Value: resources it contributes"),
        ("resources", {"rung": "3", "resources": ["knowledge", "gold"]}, "Resources exchanged"),
    ],
)
def test_a_bad_value_is_refused_with_an_error_naming_the_field_and_nothing_is_saved(client, survey, field, data, label):
    response = client.post(
        answer_url(survey["tokens"]["noa"]),
        {"rated": survey["city"].pk, **data},
        HTTP_ACCEPT_LANGUAGE="en",
        **JSON,
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field][0].startswith(label + ": ")
    assert not Rating.objects.exists()


def test_the_field_is_named_in_hebrew_for_a_hebrew_respondent(client, survey):
    response = client.post(answer_url(survey["tokens"]["noa"]), {"rated": survey["city"].pk, "rung": "9"}, **JSON)
    assert response.json()["errors"]["rung"] == ["דרגה: יש לבחור דרגה בין 0 ל-5."]


@pytest.mark.parametrize("whom", ["own", "other_town", "missing"])
def test_only_other_organizations_on_the_roster_can_be_rated(client, survey, whom):
    rated = {"own": survey["ngo"].pk, "other_town": survey["other"].pk, "missing": 999999}[whom]
    response = client.post(
        answer_url(survey["tokens"]["noa"]), {"rated": rated, "rung": "3"}, HTTP_ACCEPT_LANGUAGE="en", **JSON
    )
    assert response.status_code == 400
    assert response.json()["errors"]["rated"][0].startswith("Organization: ")
    assert not Rating.objects.exists()


def test_without_javascript_an_error_is_shown_on_the_row_and_nothing_is_saved(client, survey):
    response = client.post(
        answer_url(survey["tokens"]["noa"]), {"rated": survey["city"].pk, "rung": "8"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 400
    assert "Rung: Choose a rung from 0 to 5." in response.content.decode()
    assert not Rating.objects.exists()


def test_a_closed_wave_refuses_answers_with_a_clear_message(client, survey):
    wave = survey["wave"]
    wave.status = WaveStatus.CLOSED
    wave.save()
    token = survey["tokens"]["noa"]
    response = client.post(
        answer_url(token), {"rated": survey["city"].pk, "rung": "3"}, HTTP_ACCEPT_LANGUAGE="en", **JSON
    )
    assert response.status_code == 409
    assert "closed" in response.json()["errors"]["__all__"][0]
    assert not Rating.objects.exists()
    page = client.get(form_url(token), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "This survey round is closed: answers are no longer accepted." in page
    assert '<fieldset class="rung-choice" disabled>' in page


def test_finishing_marks_the_respondent_done(client, survey):
    token = survey["tokens"]["noa"]
    client.post(reverse("survey-finish", kwargs={"token": token}))
    assert hasattr(survey["links"]["noa"].__class__.objects.get(pk=survey["links"]["noa"].pk), "completion")
