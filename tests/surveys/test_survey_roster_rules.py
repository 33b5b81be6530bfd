"""Who may answer a wave (issue 11, item 5): people on its roster, until its closing date.

Taking a person off the roster revokes their link; an answer through the link of someone no longer among the
respondents is refused and does not count when the wave closes; after ``closes_on`` the link says the survey closed,
in the respondent's language, and answers are refused.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from shutafut.relationships.models import Relationship
from shutafut.surveys.models import Rating
from shutafut.surveys.services import rating_save, wave_close

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]

JSON = {"HTTP_ACCEPT": "application/json"}


def _respond(token: str) -> str:
    return reverse("survey-respond", kwargs={"token": token})


def _answer(token: str) -> str:
    return reverse("survey-answer", kwargs={"token": token})


def test_taking_a_person_off_the_roster_revokes_their_link(client, personas, survey):
    wave, people = survey["wave"], survey["people"]
    client.force_login(personas["alice"])
    others = [p.pk for k, p in people.items() if k != "noa"]
    roster = reverse("survey-wave-roster", kwargs={"town": wave.town.slug, "pk": wave.pk})
    client.post(roster, {"organizations": [survey["ngo"].pk], "respondents": others})
    survey["links"]["noa"].refresh_from_db()
    assert survey["links"]["noa"].revoked_at is not None
    assert survey["links"]["dana"].revoked_at is None
    client.logout()
    assert client.get(_respond(survey["tokens"]["noa"])).status_code == 410
    response = client.post(_answer(survey["tokens"]["noa"]), {"rated": survey["city"].pk, "rung": 3}, **JSON)
    assert response.status_code == 410 and not Rating.objects.exists()


def test_an_answer_from_someone_no_longer_among_the_respondents_is_refused(client, survey):
    survey["wave"].respondents.remove(survey["people"]["noa"])  # straight in the table: the link is still live
    response = client.post(_answer(survey["tokens"]["noa"]), {"rated": survey["city"].pk, "rung": 3}, **JSON)
    assert response.status_code >= 400 and not Rating.objects.exists()


def test_answers_of_someone_taken_off_the_roster_do_not_count_when_the_wave_closes(survey):
    noa = survey["links"]["noa"]
    rating_save(link=noa, rated=survey["shop"], rung=3)  # the only answer about the pair NGO–shop
    rating_save(link=survey["links"]["dana"], rated=survey["ngo"], rung=2)
    survey["wave"].respondents.remove(survey["people"]["noa"])  # straight in the table: the link is still live
    wave_close(wave=survey["wave"])
    pairs = {frozenset((r.org_a_id, r.org_b_id)) for r in Relationship.objects.filter(wave=survey["wave"])}
    assert frozenset((survey["ngo"].pk, survey["shop"].pk)) not in pairs
    assert frozenset((survey["ngo"].pk, survey["city"].pk)) in pairs


@pytest.mark.parametrize(
    ("language", "says"), [("he", "הסקר הזה נסגר."), ("en", "This survey has closed.")], ids=["hebrew", "english"]
)
def test_after_its_closing_date_the_link_says_the_survey_closed_in_the_respondents_language(
    client, survey, language, says
):
    wave = survey["wave"]
    wave.closes_on = timezone.localdate() - dt.timedelta(days=1)
    wave.save()
    response = client.get(_respond(survey["tokens"]["noa"]), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 410
    body = response.content.decode()
    assert says in body and f'lang="{language}"' in body


def test_after_its_closing_date_answers_are_refused_but_on_the_closing_day_they_are_taken(client, survey):
    wave, token = survey["wave"], survey["tokens"]["noa"]
    wave.closes_on = timezone.localdate()
    wave.save()
    ok = client.post(_answer(token), {"rated": survey["city"].pk, "rung": 3}, **JSON)
    assert ok.status_code == 200
    wave.closes_on = timezone.localdate() - dt.timedelta(days=1)
    wave.save()
    late = client.post(_answer(token), {"rated": survey["shop"].pk, "rung": 3}, **JSON)
    assert late.status_code == 410
    assert list(Rating.objects.values_list("rated_id", flat=True)) == [survey["city"].pk]
