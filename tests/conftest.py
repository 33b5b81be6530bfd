"""Shared test fixtures."""

from __future__ import annotations

import copy
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHUTAFUT_SHARED_DIR", REPO.parent / "shared"))


T = TypeVar("T")

DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "towns", "personas", "town_a_records"}


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Mark the tests that never touch a database, so the second (SQLite) pass can leave them out."""
    for item in items:
        if item.get_closest_marker("django_db") is None and not DB_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.nodb)


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}


@pytest.fixture(autouse=True, scope="session")
def _tasks_run_at_once():  # type: ignore[no-untyped-def]
    """Background tasks run in the test's own process, when the transaction that queued them commits (tests that
    need the jobs done wrap the request in ``django_capture_on_commit_callbacks(execute=True)``). The tests of
    the workers themselves switch back to the database backend."""
    from django.test import override_settings

    with override_settings(TASKS=IMMEDIATE_TASKS):
        yield


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher() -> Iterator[None]:
    """MD5 for the whole run, so that users made by module-scoped fixtures are quick to make too."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


def record_migrations_as_applied() -> list[tuple[str, str]]:
    """Record every migration as applied in the test database; return the latest migration of each app.

    The suite makes its databases from the models (``--nomigrations``); a test that runs migrations, or hands the
    database to a process that will (``migrate`` in the production profile), first records them as applied: the
    models are their result (tests/test_migrations.py checks that).
    """
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    with override_settings(MIGRATION_MODULES={}):
        executor = MigrationExecutor(connection)
        latest = executor.loader.graph.leaf_nodes()
        executor.migrate(latest, fake=True)
    return latest


def shared_path(*parts: str) -> Path:
    """A file or folder of the read-only ../shared (the guide's seed, the real data sets); fails when it is absent.

    CI always has ../shared, so a missing one is a failure that says where it was looked for, never a skip.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"{path} not found: the tests read ../shared (set SHUTAFUT_SHARED_DIR to the shared/ folder)")
    return path


def require_program(name: str, package: str) -> str:
    """The path of a program that `make test` installs; fails, naming the Debian package, when it is missing."""
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: install the Debian package {package} (make test installs it)")
    return found


@pytest.fixture(autouse=True)
def _default_language_after_each_test():  # type: ignore[no-untyped-def]
    """A page asked for in English leaves English active in the thread: put the default (Hebrew) back, so that no
    test depends on which test ran before it on the same worker."""
    yield
    translation.deactivate()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only real data sets of ../shared/data."""
    return shared_path("data")


def rows_for_the_module(django_db_blocker: Any, build: Callable[[], T]) -> Iterator[T]:
    """Build rows once for all the tests of a module, in a transaction rolled back after the last of them.

    For a module-scoped fixture: ``yield from rows_for_the_module(django_db_blocker, build)``. Each test still runs
    in a savepoint of its own inside that transaction (pytest-django's ``db``), so what one test writes is gone
    before the next, which finds the rows as ``build`` left them. Every database test of the module must use the
    fixture (the rows are there for all of them), and none may need ``transaction=True``: rows never committed are
    invisible to a live server's or a child process's connection. Hand each test a deep copy of the objects
    (as Django's setUpTestData does), so that no test sees another's changes to them in memory.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def session_key(user: Any) -> str:
    """Log ``user`` in (without the login page) and return the session's key, for a client or a browser to reuse."""
    client = Client()
    client.force_login(user)
    return str(client.cookies[settings.SESSION_COOKIE_NAME].value)


def client_on_session(key: str | None, **client_options: Any) -> Client:
    """A test client on the session ``key`` (anonymous when it is None)."""
    client = Client(**client_options)
    if key is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client


# Personas, after healthchecks' alice/bob/charlie: alice coordinates town A, bob only views town A, carol is a
# member of town A, charlie coordinates town B. Every access test checks the outsider as well as the insider.


def make_towns() -> tuple[Any, Any]:
    from shutafut.accounts.models import Town

    return (
        Town.objects.create(name="עיר א", name_en="Town A", slug="town-a", authority_code="1000"),
        Town.objects.create(name="עיר ב", name_en="Town B", slug="town-b", authority_code="2000"),
    )


def make_personas(towns: tuple[Any, Any]) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from shutafut.accounts.models import Membership, Role

    town_a, town_b = towns
    people = {}
    for name, town, role in (
        ("alice", town_a, Role.COORDINATOR),
        ("carol", town_a, Role.MEMBER),
        ("bob", town_a, Role.VIEWER),
        ("charlie", town_b, Role.COORDINATOR),
    ):
        user = get_user_model().objects.create_user(username=name, password="pw-" + name)
        Membership.objects.create(user=user, town=town, role=role)
        people[name] = user
    return people


def add_nonprofits(town: Any, count: int, *, name: str = "עמותה מספר {n}", registry_numbers: bool = False) -> None:
    """``count`` nonprofits (amutot) in ``town``, named by ``name`` with ``{n}`` their number from 0, written a
    thousand to a query: a town large enough for what depends on its size. With ``registry_numbers``, the n-th has
    ``57`` and n in seven digits."""
    from shutafut.organizations.models import Organization

    Organization.objects.bulk_create(
        (
            Organization(
                town=town,
                name=name.format(n=n),
                sector="third",
                subtype="nonprofit",
                legal_form="amuta",
                registry_number=f"57{n:07d}" if registry_numbers else "",
            )
            for n in range(count)
        ),
        batch_size=1000,
    )


def make_town_a_records(towns: tuple[Any, Any]) -> dict[str, Any]:
    """Two organizations, a relationship and a partnership in town A; one organization in town B."""
    import datetime as dt

    from shutafut.organizations.models import Organization
    from shutafut.partnerships.services import partnership_create
    from shutafut.relationships.models import Relationship

    town_a, town_b = towns
    city = Organization.objects.create(
        town=town_a, name="עיריית א", sector="public", subtype="local_authority", legal_form="local_authority"
    )
    ngo = Organization.objects.create(
        town=town_a,
        name="עמותת לב",
        sector="third",
        subtype="nonprofit",
        legal_form="amuta",
        registry_number="580000008",
    )
    other = Organization.objects.create(
        town=town_b, name="עמותה בעיר ב", sector="third", subtype="nonprofit", legal_form="amuta"
    )
    relationship = Relationship.objects.create(
        town=town_a, org_a=city, org_b=ngo, rung=3, observed_on=dt.date(2026, 1, 1), domain="חינוך"
    )
    partnership = partnership_create(town=town_a, name="שותפות א", convener=city)
    return {
        "city": city,
        "ngo": ngo,
        "other": other,
        "relationship": relationship,
        "partnership": partnership,
    }


def represent(user: Any, organization: Any) -> None:
    """Make ``user`` a representative of ``organization``: a partner's representative (member role) writes only
    what an organization they represent is party to. They act for it in a partnership it is a member of, or in a
    new one it convenes when it is in none."""
    from shutafut.partnerships.models import Member
    from shutafut.partnerships.services import partnership_create
    from shutafut.workspace.models import MemberRepresentative

    member = Member.objects.filter(organization=organization).first()
    if member is None:
        partnership = partnership_create(
            town=organization.town, name=f"ייצוג {organization.name}", convener=organization
        )
        member = partnership.members.get()
    MemberRepresentative.objects.get_or_create(member=member, user=user)


@pytest.fixture(scope="module")
def rows_per_module(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Opt-in for a module whose tests all take the same towns, personas and records (each test still undoes its
    own writes): ``pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]``. The three
    are then built once for the module (see rows_for_the_module) and every test gets its own deep copy of them, a
    tenth of a second and about 50 queries less per test. In such a module all three exist for every test, asked
    for or not."""

    def build() -> dict[str, Any]:
        towns = make_towns()
        return {"towns": towns, "personas": make_personas(towns), "records": make_town_a_records(towns)}

    yield from rows_for_the_module(django_db_blocker, build)


@pytest.fixture
def _module_rows(request, db):  # type: ignore[no-untyped-def]
    """This test's copy of its module's rows, or None outside a ``rows_per_module`` module."""
    if "rows_per_module" not in request.fixturenames:
        return None
    return copy.deepcopy(request.getfixturevalue("rows_per_module"))


@pytest.fixture
def towns(_module_rows, db):  # type: ignore[no-untyped-def]
    return make_towns() if _module_rows is None else _module_rows["towns"]


@pytest.fixture
def personas(_module_rows, towns):  # type: ignore[no-untyped-def]
    return make_personas(towns) if _module_rows is None else _module_rows["personas"]


@pytest.fixture
def town_a_records(_module_rows, towns):  # type: ignore[no-untyped-def]
    """Two organizations, a relationship and a partnership in town A; one organization in town B."""
    return make_town_a_records(towns) if _module_rows is None else _module_rows["records"]


@pytest.fixture(scope="module")
def _demo_rows(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    def load() -> Any:
        from click.testing import CliRunner

        from shutafut.accounts.models import Town
        from shutafut.cli import main

        assert not Town.objects.exists()
        with override_settings(DEBUG=True):  # the demo refuses to load otherwise
            return CliRunner().invoke(main, ["demo"])

    yield from rows_for_the_module(django_db_blocker, load)


@pytest.fixture
def demo(_demo_rows, db, settings):  # type: ignore[no-untyped-def]
    """The demo's two towns, loaded once for all the tests of a module (see rows_for_the_module) by the
    ``shutafut demo`` command into the empty database; DEBUG is on."""
    from shutafut.accounts.models import Town

    assert _demo_rows.exit_code == 0, _demo_rows.output
    settings.DEBUG = True
    return Town.objects.get(slug="beer-sheva")


@pytest.fixture
def demo_command(_demo_rows, demo):  # type: ignore[no-untyped-def]
    """What ``shutafut demo`` answered when it loaded the module's demo (a click Result)."""
    return _demo_rows


@pytest.fixture
def announced():  # type: ignore[no-untyped-def]
    """The partnerships announced (``partnership_changed``) while the test runs, in order."""
    from shutafut.partnerships.signals import partnership_changed

    seen = []

    def receiver(sender, *, partnership, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(partnership)

    partnership_changed.connect(receiver, dispatch_uid="test_announced")
    yield seen
    partnership_changed.disconnect(dispatch_uid="test_announced")
