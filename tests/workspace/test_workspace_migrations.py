"""The data migration of one home per fact (workspace 0003) on a database of the old shape: it moves every value
to its home and loses nothing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings

from tests.conftest import record_migrations_as_applied

OLD = [("workspace", "0002_choice_labels_in_code"), ("partnerships", "0003_choice_labels_in_code")]


@pytest.fixture
def executor(transactional_db):  # type: ignore[no-untyped-def]
    latest = record_migrations_as_applied()
    with override_settings(MIGRATION_MODULES={}):  # the real migrations, back to the old shape and forward again
        executor = MigrationExecutor(connection)
        executor.migrate(OLD)
        yield executor
        executor = MigrationExecutor(connection)
        executor.migrate(latest)


def _old_records(apps):  # type: ignore[no-untyped-def]
    town = apps.get_model("accounts", "Town").objects.create(name="עיר", slug="ir", authority_code="1")
    org = apps.get_model("organizations", "Organization")
    city, ngo, biz = (
        org.objects.create(town=town, name=name, sector=sector, subtype=subtype, legal_form=form)
        for name, sector, subtype, form in (
            ("עירייה", "public", "local_authority", "local_authority"),
            ("עמותה", "third", "nonprofit", "amuta"),
            ("חברה", "business", "corporation", "company"),
        )
    )
    Partnership = apps.get_model("partnerships", "Partnership")
    Member = apps.get_model("partnerships", "Member")
    both = Partnership.objects.create(town=town, name="שתי מטרות", public_goals="תעסוקה")
    vision_only = Partnership.objects.create(town=town, name="מטרה בחזון בלבד")
    m_city = Member.objects.create(partnership=both, organization=city, roles=["initiator"], mandate="עד 10,000 ש״ח")
    m_ngo = Member.objects.create(partnership=both, organization=ngo, roles=[], mandate="")
    m_biz = Member.objects.create(partnership=both, organization=biz, roles=["partner"], mandate="שעות עבודה")
    Vision = apps.get_model("workspace", "Vision")
    Vision.objects.create(partnership=both, public_goal="הכשרה מקצועית", statement="חזון")
    Vision.objects.create(partnership=vision_only, public_goal="גינה בכל שכונה", statement="חזון")
    Vision.objects.create(
        partnership=Partnership.objects.create(town=town, name="זהה", public_goals="x"),
        public_goal="x",
        statement="חזון",
    )
    Charter = apps.get_model("workspace", "Charter")
    CharterMember = apps.get_model("workspace", "CharterMember")
    v1, v2 = (Charter.objects.create(partnership=both, version=v) for v in (1, 2))
    CharterMember.objects.create(charter=v1, member=m_ngo, roles=["partner"], mandate="נוסח ישן")
    CharterMember.objects.create(charter=v2, member=m_ngo, roles=["manager"], mandate="מוסמך לחתום")
    CharterMember.objects.create(charter=v2, member=m_city, roles=["initiator", "manager"], mandate="עד 10,000 ש״ח")
    CharterMember.objects.create(charter=v2, member=m_biz, roles=["partner"], mandate="ציוד")
    Document = apps.get_model("partnerships", "FrameworkDocument")
    Document.objects.create(partnership=both, kind="charter", title="אמנת השותפות", working_norms=True)
    Document.objects.create(partnership=both, kind="mou", title="מזכר", working_norms=False)
    return both.pk, vision_only.pk


def test_the_migration_moves_each_fact_to_its_home_and_loses_nothing(executor):
    both, vision_only = _old_records(executor.loader.project_state(OLD).apps)

    executor.loader.build_graph()
    executor.migrate([("workspace", "0003_one_home_per_fact"), ("partnerships", "0004_one_home_per_fact")])
    apps = executor.loader.project_state(
        [("workspace", "0003_one_home_per_fact"), ("partnerships", "0004_one_home_per_fact")]
    ).apps

    Partnership = apps.get_model("partnerships", "Partnership")
    assert Partnership.objects.get(pk=both).public_goals == "תעסוקה\nהכשרה מקצועית"  # both kept
    assert Partnership.objects.get(pk=vision_only).public_goals == "גינה בכל שכונה"  # moved
    assert Partnership.objects.get(name="זהה").public_goals == "x"  # the same goal is not written twice

    members = {m.organization.name: m for m in apps.get_model("partnerships", "Member").objects.all()}
    assert (members["עמותה"].roles, members["עמותה"].mandate) == (["manager"], "מוסמך לחתום")  # the latest version
    assert (members["עירייה"].roles, members["עירייה"].mandate) == (["initiator", "manager"], "עד 10,000 ש״ח")
    assert (members["חברה"].roles, members["חברה"].mandate) == (["partner"], "שעות עבודה\nציוד")

    norms = list(apps.get_model("workspace", "WorkingNorm").objects.values_list("partnership_id", "dimension", "text"))
    assert len(norms) == 1 and norms[0][:2] == (both, "") and "אמנת השותפות" in norms[0][2]

    assert {f.name for f in apps.get_model("workspace", "Vision")._meta.fields}.isdisjoint({"public_goal"})
    assert {f.name for f in apps.get_model("workspace", "CharterMember")._meta.fields}.isdisjoint({"roles", "mandate"})
    assert "working_norms" not in {f.name for f in apps.get_model("partnerships", "FrameworkDocument")._meta.fields}
