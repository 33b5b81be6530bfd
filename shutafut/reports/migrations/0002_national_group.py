"""The 'national' group: members see the national view (aggregates across towns, never a town's records)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

NATIONAL_GROUP = "national"


def create_group(apps: Any, schema_editor: Any) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=NATIONAL_GROUP)


def remove_group(apps: Any, schema_editor: Any) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=NATIONAL_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, remove_group)]
