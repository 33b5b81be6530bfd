"""Respondents answering at the same moment (issue 11, item 7): no server error, every answer stored exactly once.

Real threads, each with its own database connection, post through the respondent's page at once (a barrier lets
them go together). Each respondent's answers are posted twice, from two threads, as a double click or a second open
tab would: the two saves of one answer race on the one-rating-per-pair constraint. PostgreSQL only: SQLite
serializes writers, so it cannot show the race.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from shutafut.organizations.models import Organization, Person
from shutafut.surveys.models import Rating
from shutafut.surveys.services import wave_create, wave_open, wave_set_roster

pytestmark = [pytest.mark.django_db(transaction=True)]

RESPONDENTS = 8
JSON = {"HTTP_ACCEPT": "application/json"}


def _postgresql_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent writers: PostgreSQL")


def _run_at_once(jobs: list[Callable[[], list[int]]]) -> list[int]:
    """Run every job in its own thread, all released together; return every HTTP status they saw."""
    barrier = threading.Barrier(len(jobs))
    statuses: list[int] = []
    lock = threading.Lock()
    failures: list[BaseException] = []

    def run(job: Callable[[], list[int]]) -> None:
        try:
            barrier.wait(timeout=30)
            got = job()
            with lock:
                statuses.extend(got)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not failures, failures
    return statuses


def test_eight_respondents_answering_at_once_on_postgresql_get_no_server_error_and_each_answer_is_stored_once(
    towns,
):
    _postgresql_only()
    town = towns[0]
    orgs = [
        Organization.objects.create(
            town=town, name=f"ארגון {k}", sector="civil_society", subtype="nonprofit", legal_form="amuta"
        )
        for k in range(RESPONDENTS)
    ]
    people = [Person.objects.create(town=town, organization=org, full_name=f"משיב {k}") for k, org in enumerate(orgs)]
    wave = wave_create(town=town, name="גל במקביל")
    wave_set_roster(wave=wave, organizations=orgs, respondents=people)
    issued = {i.link.person_id: i.token for i in wave_open(wave=wave)}

    def respondent(person: Person) -> Callable[[], list[int]]:
        token = issued[person.pk]
        url = reverse("survey-answer", kwargs={"token": token})

        def post_all() -> list[int]:
            client = Client(raise_request_exception=False)
            return [
                client.post(url, {"rated": org.pk, "rung": 3, "domain": "חינוך"}, **JSON).status_code
                for org in orgs
                if org.pk != person.organization_id
            ]

        return post_all

    statuses = _run_at_once([respondent(p) for p in people for _tab in range(2)])

    assert Counter(statuses) == {200: RESPONDENTS * (RESPONDENTS - 1) * 2}
    stored = Counter(Rating.objects.filter(wave=wave).values_list("link__person_id", "rated_id"))
    assert len(stored) == RESPONDENTS * (RESPONDENTS - 1)
    assert set(stored.values()) == {1}


def test_eight_health_survey_respondents_answering_twice_at_once_on_postgresql_get_no_server_error(town_a_records):
    _postgresql_only()
    from shutafut.workspace.models import HealthResponse
    from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_ITEMS
    from shutafut.workspace.services import survey_create, survey_invite

    partnership = town_a_records["partnership"]
    member = partnership.members.get(organization=town_a_records["city"])
    survey = survey_create(partnership=partnership, title="סקר במקביל")
    people = [
        Person.objects.create(town=partnership.town, organization=member.organization, full_name=f"משיבה {k}")
        for k in range(RESPONDENTS)
    ]
    tokens = [survey_invite(survey=survey, member=member, person=p) for p in people]
    data = {code: "4" for code, _p, _t in PRINCIPLE_ITEMS} | {code: "3" for code, _t in TRUST_ITEMS}

    def respondent(token: str) -> Callable[[], list[int]]:
        return lambda: [Client(raise_request_exception=False).post(f"/h/{token}/", data).status_code]

    statuses = _run_at_once([respondent(t) for t in tokens for _tab in range(2)])

    assert Counter(statuses) == {302: RESPONDENTS * 2}  # each answer saved and sent on to the thanks page
    assert Counter(HealthResponse.objects.filter(survey=survey).values_list("person_id", flat=True)) == {
        p.pk: 1 for p in people
    }
