"""Shared test fixtures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SHUTAFUT_SHARED_DIR", REPO.parent / "shared"))


DB_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server", "towns", "personas", "town_a_records"}


def pytest_collection_modifyitems(items):  # type: ignore[no-untyped-def]
    """Mark the tests that never touch a database, so the second (SQLite) pass can leave them out."""
    for item in items:
        if item.get_closest_marker("django_db") is None and not DB_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.nodb)


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _default_language_after_each_test():  # type: ignore[no-untyped-def]
    """A page asked for in English leaves English active in the thread: put the default (Hebrew) back, so that no
    test depends on which test ran before it on the same worker."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The read-only real data sets of ../shared/data; tests that need them skip when they are absent."""
    data = SHARED / "data"
    if not data.is_dir():
        pytest.skip(f"real data sets not found at {data} (set SHUTAFUT_SHARED_DIR to the shared/ folder)")
    return data


# Personas, after healthchecks' alice/bob/charlie: alice coordinates town A, bob only views town A, carol is a
# member of town A, charlie coordinates town B. Every access test checks the outsider as well as the insider.


@pytest.fixture
def towns(db):  # type: ignore[no-untyped-def]
    from shutafut.accounts.models import Town

    return (
        Town.objects.create(name="עיר א", name_en="Town A", slug="town-a", authority_code="1000"),
        Town.objects.create(name="עיר ב", name_en="Town B", slug="town-b", authority_code="2000"),
    )


@pytest.fixture
def personas(towns, django_user_model):  # type: ignore[no-untyped-def]
    from shutafut.accounts.models import Membership, Role

    town_a, town_b = towns
    people = {}
    for name, town, role in (
        ("alice", town_a, Role.COORDINATOR),
        ("carol", town_a, Role.MEMBER),
        ("bob", town_a, Role.VIEWER),
        ("charlie", town_b, Role.COORDINATOR),
    ):
        user = django_user_model.objects.create_user(username=name, password="pw-" + name)
        Membership.objects.create(user=user, town=town, role=role)
        people[name] = user
    return people


@pytest.fixture
def town_a_records(towns):  # type: ignore[no-untyped-def]
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
