"""lib.versions: a record's version follows what it stores (many-to-many included), names the fields that changed,
and check_version refuses a save made on an older version; lib.deletion counts what a delete takes along."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from shutafut.lib.deletion import deletion_plan
from shutafut.lib.services import model_delete, model_update
from shutafut.lib.versions import StaleVersion, changed_since, check_version, version_of
from shutafut.partnerships.models import Decision
from shutafut.partnerships.services import decision_create
from shutafut.relationships.models import Relationship

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def test_a_version_changes_with_a_stored_field_and_names_it(town_a_records):
    relationship = town_a_records["relationship"]
    before = version_of(relationship)
    assert version_of(relationship) == before
    model_update(relationship, notes="נפגשו")
    assert changed_since(relationship, before) == ["notes"]


def test_a_version_follows_many_to_many_fields(town_a_records):
    partnership = town_a_records["partnership"]
    member = partnership.members.get()
    decision = decision_create(
        partnership=partnership, participants=[member], date=dt.date(2026, 1, 1), subject="תקציב", method="consensus"
    )
    before = version_of(decision)
    decision.consulted.set([member])
    assert changed_since(Decision.objects.get(pk=decision.pk), before) == ["consulted"]


def test_a_save_on_an_older_version_is_refused_and_changes_nothing(town_a_records):
    relationship = town_a_records["relationship"]
    seen = version_of(relationship)
    model_update(relationship, domain="בריאות")
    with pytest.raises(StaleVersion) as refused:
        model_update(relationship, as_of=seen, notes="ישן")
    assert refused.value.changed == ["domain"]
    relationship.refresh_from_db()
    assert relationship.notes == ""


def test_no_version_means_no_check_and_a_garbled_one_is_stale(town_a_records):
    relationship = town_a_records["relationship"]
    check_version(relationship, None)
    with pytest.raises(StaleVersion):
        check_version(relationship, "not-a-version")


def test_the_deletion_plan_counts_what_goes_along_and_what_forbids_it(town_a_records):
    plan = deletion_plan(town_a_records["ngo"])
    assert plan.allowed
    assert [(k.label, k.count) for k in plan.deleted] == [(str(Relationship._meta.verbose_name_plural), 1)]
    blocked = deletion_plan(town_a_records["city"])  # a member of the partnership it convened
    assert not blocked.allowed
    assert blocked.blockers[0].context == "שותפות א"
    with pytest.raises(ValidationError):
        model_delete(town_a_records["city"])
