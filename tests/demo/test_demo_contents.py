"""The demo, as ``shutafut demo`` loads it: two towns large enough to exercise every screen, with its accounts and
negative cases, loaded idempotently.

The command loads it once for the module into the empty database (tests/conftest.py, ``demo``); every test here reads
it or writes inside its own rolled-back savepoint.
"""

from __future__ import annotations

import pytest

from shutafut.accounts.models import Membership, Town
from shutafut.demo.loader import load_demo
from shutafut.model.ladder import Rung
from shutafut.organizations.models import Organization
from shutafut.partnerships.models import InReturn
from shutafut.relationships.models import Relationship

pytestmark = pytest.mark.django_db


def test_the_command_loads_both_towns_and_names_the_demo_accounts(demo_command):
    assert demo_command.exit_code == 0, demo_command.output
    assert "coordinator1" in demo_command.output
    assert set(Town.objects.values_list("slug", flat=True)) == {"beer-sheva", "kfar-saba"}


def test_each_town_has_the_promised_size_and_variety(demo):
    towns = list(Town.objects.all())
    assert len(towns) == 2
    for town in towns:
        assert town.organizations.count() >= 60
        assert {o.sector for o in town.organizations.all()} == {"public", "third", "business"}
        assert town.relationships.count() >= 300
        assert {r.rung for r in town.relationships.all()} == {int(r) for r in Rung}
        partnerships = town.partnerships.all()
        assert partnerships.count() >= 5
        assert len({p.stage for p in partnerships}) >= 4


@pytest.mark.parametrize("slug", ["beer-sheva", "kfar-saba"])
def test_each_town_has_the_negative_cases(demo, slug):
    flows = [f for p in Town.objects.get(slug=slug).partnerships.all() for f in p.flows.all()]
    assert any(f.in_return == InReturn.RECOGNITION for f in flows), "a donation-only arrangement"
    assert any(f.in_return == InReturn.DELIVERABLE for f in flows), "a purchase of services"


def test_loading_twice_changes_nothing(demo):
    before = (Organization.objects.count(), Relationship.objects.count(), Membership.objects.count())
    load_demo()
    assert (Organization.objects.count(), Relationship.objects.count(), Membership.objects.count()) == before


def test_every_account_the_demo_creates_is_one_the_production_check_refuses(demo, django_user_model):
    from shutafut.security.checks import DEMO_USERNAMES

    created = set(django_user_model.objects.values_list("username", flat=True))
    assert created and created <= set(DEMO_USERNAMES)


def test_the_demo_accounts_log_in_to_their_own_town_only(demo, client):
    login = client.post("/accounts/login/", {"username": "coordinator1", "password": "demo1234"})
    assert login.status_code == 302
    assert client.get("/t/beer-sheva/").status_code == 200
    assert client.get("/t/kfar-saba/").status_code == 404


def test_the_dashboard_counts_partnerships_by_their_diagnosed_rung(demo, client, django_user_model):
    client.force_login(django_user_model.objects.get(username="coordinator1"))
    diagnosed = client.get("/t/beer-sheva/").context["diagnosed"]
    counts = {int(rung): n for rung, _label, n in diagnosed}
    assert sum(counts.values()) == Town.objects.get(slug="beer-sheva").partnerships.count()
    assert counts[int(Rung.PARTNERSHIP)] == 1


def test_the_partner_account_represents_partners_in_the_partnership_at_initiation(demo):
    from shutafut.workspace.models import MemberRepresentative

    partnership = Town.objects.get(slug="beer-sheva").partnerships.get(stage="initiation")
    acting = {
        r.member.organization_id: r.user.username
        for r in MemberRepresentative.objects.filter(member__partnership=partnership)
    }
    assert acting[partnership.convener_id] == "coordinator1"
    assert set(acting.values()) == {"coordinator1", "partner1"}


def test_the_demo_has_a_national_team_login_that_reaches_the_full_national_view(demo, client):
    from shutafut.reports.models import LocalAuthority

    assert LocalAuthority.objects.count() == 255
    from django.contrib.auth import get_user_model

    national = get_user_model().objects.get(username="national1")
    assert national.check_password("demo1234")
    client.force_login(national)
    page = client.get("/national/")
    assert page.status_code == 200
    assert len(page.context["r"]["towns"]) == 2
    assert all(row["authority"] is not None for row in page.context["r"]["towns"])


def test_the_national_team_login_is_a_member_of_no_town(demo):
    from django.contrib.auth import get_user_model

    national = get_user_model().objects.get(username="national1")
    assert not Membership.objects.filter(user=national).exists()
