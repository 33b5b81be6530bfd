"""The crash tests' process: it makes and seeds a database, then forks one child process per write.

    python crash_child.py        (the database comes from DATABASE_URL)

It prints the seeded ids (JSON), then reads one case a line on its standard input, a JSON list:

    ["import", MEMBERS, PAUSE_AT or null] | ["rating", IDS, PAUSE, RATED, RUNG]

and runs it in a child forked from itself, so a case costs no start of Python and Django. With a pause, the child
prints INSIDE, its process id and what its own transaction already holds, once it is in the middle of the write
(part of the rows written, nothing committed), then sleeps, waiting for the parent's SIGKILL; without one it prints
DONE when the write has committed. Then this process prints EXIT and the child's exit code (-9 once killed).
"""

from __future__ import annotations

import json
import os
import sys
import time
import traceback
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shutafut.settings")
sys.path.insert(0, os.environ.get("SHUTAFUT_REPO", "."))

import django  # noqa: E402

django.setup()

from django.db.models.signals import post_save  # noqa: E402


def pause(inside: dict[str, object]) -> None:
    print("INSIDE", os.getpid(), json.dumps(inside, ensure_ascii=False), flush=True)
    time.sleep(120)


def seed() -> None:
    import datetime as dt

    from shutafut.accounts.models import Town
    from shutafut.organizations.models import Organization, Person
    from shutafut.surveys.links import link_issue
    from shutafut.surveys.models import Rating, Wave

    town = Town.objects.create(name="עיר קריסה", slug="crash", authority_code="9")
    a = Organization.objects.create(
        town=town, name="א", sector="public", subtype="local_authority", legal_form="local_authority"
    )
    b = Organization.objects.create(town=town, name="ב", sector="third", subtype="nonprofit", legal_form="amuta")
    c = Organization.objects.create(town=town, name="ג", sector="third", subtype="nonprofit", legal_form="amuta")
    person = Person.objects.create(town=town, organization=a, full_name="רות")
    wave = Wave.objects.create(town=town, name="גל 1", status="open", opens_on=dt.date(2026, 1, 1))
    wave.organizations.set([a, b, c])
    wave.respondents.set([person])  # only the roster answers
    link, _token = link_issue(town=town, purpose="relationship_survey", person=person, organization=a, wave=wave)
    Rating.objects.create(wave=wave, link=link, rater=a, rated=c, rung=2)
    print(json.dumps({"link": link.pk, "b": b.pk, "c": c.pk}))


def record(n_members: int) -> object:
    from shutafut.diagnosis.engine import parse

    members = [
        {"id": f"m{i}", "name": f"ארגון {i}", "sector": ("public", "business", "third")[i % 3]}
        for i in range(n_members)
    ]
    return parse(
        {
            "schema_version": 1,
            "id": "crash",
            "name": "שותפות גדולה",
            "convener": "m0",
            "members": members,
            "framework_documents": [],
            "pledges": [],
            "decisions": [],
            "interactions": [],
        }
    )


def do_import(n_members: int, pause_at: int | None) -> None:
    from shutafut.accounts.models import Town
    from shutafut.diagnosis.imports import partnership_import
    from shutafut.partnerships.models import Member

    def on_member(sender: object, instance: Member, **kwargs: object) -> None:
        written = Member.objects.filter(partnership=instance.partnership_id).count()
        if written == pause_at:
            pause({"members": written})

    post_save.connect(on_member, sender=Member, weak=False)
    partnership_import(town=Town.objects.get(slug="crash"), record=record(n_members))  # type: ignore[arg-type]
    print("DONE", flush=True)


def do_rating(ids: dict[str, int], with_pause: bool, rated_key: str, rung: int) -> None:
    from shutafut.organizations.models import Organization
    from shutafut.surveys.models import Rating, SurveyLink
    from shutafut.surveys.services import rating_save

    def on_rating(sender: object, instance: Rating, **kwargs: object) -> None:
        pause({"rated": instance.rated.name, "rung": instance.rung})

    if with_pause:
        post_save.connect(on_rating, sender=Rating, weak=False)
    link = SurveyLink.objects.get(pk=ids["link"])
    rating_save(link=link, rated=Organization.objects.get(pk=ids[rated_key]), rung=rung, trust_reliability=4)
    print("DONE", flush=True)


def run(case: list[Any]) -> None:
    if case[0] == "import":
        do_import(case[1], case[2])
    elif case[0] == "rating":
        do_rating(case[1], case[2], case[3], case[4])
    else:
        raise ValueError(f"unknown case: {case!r}")


def make_tables() -> None:
    """On PostgreSQL (production's database) every migration runs, data migrations included: the one place in the
    suite where they run from an empty database. On SQLite the tables come from the models, as in the rest of the
    suite (``--nomigrations``), seconds sooner; tests/test_migrations.py checks that both describe the same tables."""
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    if connection.vendor == "postgresql":
        call_command("migrate", interactive=False, verbosity=0)
        return
    without_migrations = {app.label: None for app in apps.get_app_configs()}
    with override_settings(MIGRATION_MODULES=without_migrations):
        call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)


def serve() -> None:
    from django.db import connections

    make_tables()
    seed()
    sys.stdout.flush()
    for line in sys.stdin:
        connections.close_all()  # the child opens a connection of its own
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                run(json.loads(line))
            except BaseException:
                traceback.print_exc()
                code = 1
            sys.stdout.flush()
            os._exit(code)
        _pid, status = os.waitpid(pid, 0)
        print("EXIT", os.waitstatus_to_exitcode(status), flush=True)


if __name__ == "__main__":
    serve()
