"""The migrations: they describe the models exactly, and the one data migration makes the national group.

The suite builds its test databases from the models (``--nomigrations`` in pyproject.toml: several seconds less for
each database), so this module is what ties the two together. The migrations themselves run from an empty
PostgreSQL database in tests/crash (``migrate`` makes its PostgreSQL database).
"""

from __future__ import annotations

import importlib
import io

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db.migrations import RunPython
from django.test import override_settings

from shutafut.accounts.context_processors import NATIONAL_GROUP

NATIONAL_MIGRATION = importlib.import_module("shutafut.reports.migrations.0002_national_group")


@pytest.mark.django_db
@override_settings(MIGRATION_MODULES={})  # the migrations themselves, not --nomigrations' stand-in for them
def test_the_migrations_describe_the_models_exactly():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit as missing:  # makemigrations --check exits 1 when a model change has no migration
        pytest.fail(f"a model change has no migration (exit {missing.code}): run makemigrations\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


def test_the_data_migration_runs_the_function_that_makes_the_national_group():
    [operation] = NATIONAL_MIGRATION.Migration.operations
    assert isinstance(operation, RunPython) and operation.code is NATIONAL_MIGRATION.create_group
    assert NATIONAL_MIGRATION.NATIONAL_GROUP == NATIONAL_GROUP


@pytest.mark.django_db
def test_the_national_group_is_made_once_and_removed_on_the_way_back():
    Group.objects.filter(name=NATIONAL_GROUP).delete()
    NATIONAL_MIGRATION.create_group(apps, None)
    NATIONAL_MIGRATION.create_group(apps, None)
    assert Group.objects.filter(name=NATIONAL_GROUP).count() == 1
    NATIONAL_MIGRATION.remove_group(apps, None)
    assert not Group.objects.filter(name=NATIONAL_GROUP).exists()
