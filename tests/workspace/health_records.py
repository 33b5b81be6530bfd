"""Helpers that write health-survey answers and success ratings straight to the records, for the tests that read
them back (the personal link and the services have their own tests)."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from django.utils import timezone

from shutafut.organizations.models import Person
from shutafut.workspace.models import HealthResponse, HealthSurvey, SurveyStatus
from shutafut.workspace.questionnaire import PRINCIPLE_ITEMS, TRUST_CODES

_people = itertools.count(1)


def scores(principles: int = 4, trust: int = 3) -> tuple[dict[str, int], dict[str, int]]:
    """Every principle item answered ``principles``, every trust item ``trust``."""
    return {code: principles for code, _p, _t in PRINCIPLE_ITEMS}, {code: trust for code in TRUST_CODES}


def respond(survey: HealthSurvey, member: Any, *, principles: int = 4, trust: int = 3, **fields: Any) -> Any:
    """One more person of ``member``'s organization answers ``survey``."""
    answers, trust_answers = scores(principles, trust)
    org = member.organization
    person = Person.objects.create(town=org.town, organization=org, full_name=f"משיב {next(_people)}")
    fields.setdefault("answers", answers)
    fields.setdefault("trust", trust_answers)
    return HealthResponse.objects.create(survey=survey, member=member, person=person, sector=org.sector, **fields)


def closed_survey(partnership: Any, title: str, day: dt.date, answers: list[tuple[Any, int]]) -> HealthSurvey:
    """A survey closed on ``day``, answered once per (member, trust score) of ``answers``."""
    survey = HealthSurvey.objects.create(partnership=partnership, title=title, status=SurveyStatus.OPEN)
    for member, trust in answers:
        respond(survey, member, trust=trust)
    survey.status = SurveyStatus.CLOSED
    survey.closed_at = timezone.make_aware(dt.datetime.combine(day, dt.time(12)))
    survey.save()
    return survey
