from __future__ import annotations

import copy
import datetime
from typing import Any

import pytest

from tests.conftest import make_personas, make_town_a_records, make_towns, rows_for_the_module, session_key


@pytest.fixture(autouse=True)
def _empty_cache():  # type: ignore[no-untyped-def]
    """Rate-limit and login-throttle counters live in the cache: start every test from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _no_pdf_layout(monkeypatch):  # type: ignore[no-untyped-def]
    """The security tests ask who gets which answer, not how a PDF is laid out: the report views still render
    their templates, but WeasyPrint's layout (half a second a PDF) is left out. tests/reports/test_reports_pdf.py
    renders real PDFs."""
    from shutafut.reports import pdf

    monkeypatch.setattr(pdf, "html_to_pdf", lambda html: b"%PDF-1.7 (layout left out in the security tests)")


@pytest.fixture(scope="module")
def _world_rows(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    def build() -> dict[str, Any]:
        towns = make_towns()
        world = make_world(make_personas(towns), make_town_a_records(towns))
        world["sessions"] = {role: session_key(user) for role, user in world["users"].items()}
        return world

    yield from rows_for_the_module(django_db_blocker, build)


@pytest.fixture
def world(_world_rows, db):  # type: ignore[no-untyped-def]
    """One record of every kind a URL can name, in town A, a user for every role (the matrix's world), and a
    logged-in session for each of them.

    Built once for the module (see rows_for_the_module); each test gets its own copy of the objects.
    """
    return copy.deepcopy(_world_rows)


def make_world(personas: dict[str, Any], town_a_records: dict[str, Any]) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from shutafut.accounts.models import Membership, Role
    from shutafut.accounts.services import api_token_create
    from shutafut.jobs.models import Job, JobFile
    from shutafut.organizations.models import Person
    from shutafut.partnerships.models import Partnership
    from shutafut.surveys.links import link_issue
    from shutafut.surveys.models import Wave
    from shutafut.workspace.models import (
        Charter,
        CharterItem,
        Goal,
        HealthInvitation,
        HealthSurvey,
        MemberRepresentative,
        Milestone,
        Task,
        WorkingNorm,
    )

    root = get_user_model().objects.create_superuser(username="root", password="pw-root")
    person = Person.objects.create(
        town=town_a_records["city"].town, organization=town_a_records["city"], full_name="מירב"
    )
    town = person.town
    wave = Wave.objects.create(town=town, name="גל", status="open")
    wave.organizations.set([town_a_records["city"], town_a_records["ngo"]])
    wave.respondents.set([person])
    link, token = link_issue(
        town=town, purpose="relationship_survey", person=person, organization=town_a_records["city"], wave=wave
    )
    partnership = town_a_records["partnership"]
    public = Partnership.objects.create(town=town, name="שותפות ציבורית", is_public=True)
    member = partnership.members.get()
    health = HealthSurvey.objects.create(partnership=partnership, title="סקר", status="open")
    _health_link, health_token = link_issue(
        town=town, purpose="health_survey", person=person, organization=member.organization, subject_id=health.pk
    )
    invitation = HealthInvitation.objects.create(survey=health, member=member, person=person, link=_health_link)
    goal = Goal.objects.create(partnership=partnership, title="יעד", indicator="משתתפים", target=100)
    milestone = Milestone.objects.create(goal=goal, title="אבן דרך")
    task = Task.objects.create(milestone=milestone, title="משימה", owner=member, due=datetime.date(2026, 12, 31))
    charter = Charter.objects.create(partnership=partnership, version=1)
    item = CharterItem.objects.create(charter=charter, member=member, column="benefit", text="תועלת")
    norm = WorkingNorm.objects.create(partnership=partnership, text="עונים תוך יומיים")
    api_token, _secret = api_token_create(user=personas["carol"], town=town, name="כלי")
    job = Job.objects.create(town=town, kind="town-pdf", language="he", status="done")
    JobFile.objects.create(
        job=job, purpose="output", name="r.pdf", content_type="application/pdf", size=1, content=b"%"
    )
    representative = get_user_model().objects.create_user(username="dora", password="pw-dora")
    Membership.objects.create(user=representative, town=town, role=Role.MEMBER)
    MemberRepresentative.objects.create(member=member, user=representative)
    users = {
        "viewer": personas["bob"],
        "member": personas["carol"],
        "representative": representative,
        "coordinator": personas["alice"],
        "other_coordinator": personas["charlie"],
        "superuser": root,
    }
    records = {
        **town_a_records,
        "wave": wave,
        "link": link,
        "public_partnership": public,
        "health_survey": health,
        "health_invitation": invitation,
        "task": task,
        "charter_item": item,
        "api_token": api_token,
        "job": job,
        "a_person": person,
        "a_member": member,
        "a_goal": goal,
        "a_norm": norm,
    }
    return {"records": records, "users": users, "survey_token": token, "health_token": health_token}
