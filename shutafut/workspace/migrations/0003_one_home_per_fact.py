"""One home per fact (issue 13.1): move each fact written in two places to its one home, losing nothing.

- The public goal: ``Vision.public_goal`` joins ``Partnership.public_goals``.
- A member's roles and its representative's mandate: the latest charter version's entry joins ``Member.roles`` and
  ``Member.mandate`` (the older versions' entries were copied forward into it by every edit).
- Working norms: a framework document that "sets working norms" becomes an agreed ``WorkingNorm`` of the
  partnership that names the document.

Where both places hold a value, the home keeps its own and gains the other's when it differs (roles are joined,
texts follow on a new line). The fields left behind are removed here and in ``partnerships`` 0004, which this
migration runs before.
"""

from django.conf import settings
from django.db import migrations, models

NORM_FROM_DOCUMENT = {
    "he": "נקבעו במסמך המסגרת „%s”: כללי ישיבות, ערוצים, זמני תגובה.",
    "en": 'Set by the framework document "%s": meeting rules, channels, response times.',
}


def joined_text(home, other):
    home, other = (home or "").strip(), (other or "").strip()
    if not other or other in home:
        return home
    return f"{home}\n{other}" if home else other


def joined_roles(home, other):
    return list(home or []) + [r for r in other or [] if r not in (home or [])]


def move_facts(apps, schema_editor):
    Partnership = apps.get_model("partnerships", "Partnership")
    Member = apps.get_model("partnerships", "Member")
    FrameworkDocument = apps.get_model("partnerships", "FrameworkDocument")
    Vision = apps.get_model("workspace", "Vision")
    CharterMember = apps.get_model("workspace", "CharterMember")
    WorkingNorm = apps.get_model("workspace", "WorkingNorm")

    for vision in Vision.objects.all():
        partnership = Partnership.objects.get(pk=vision.partnership_id)
        goals = joined_text(partnership.public_goals, vision.public_goal)
        if goals != partnership.public_goals:
            Partnership.objects.filter(pk=partnership.pk).update(public_goals=goals)

    latest = {}
    for entry in CharterMember.objects.order_by("member_id", "charter__version", "pk"):
        latest[entry.member_id] = entry
    for member_id, entry in latest.items():
        member = Member.objects.get(pk=member_id)
        roles = joined_roles(member.roles, entry.roles)
        mandate = joined_text(member.mandate, entry.mandate)
        if roles != list(member.roles or []) or mandate != member.mandate:
            Member.objects.filter(pk=member_id).update(roles=roles, mandate=mandate)

    text = NORM_FROM_DOCUMENT["en" if settings.LANGUAGE_CODE.startswith("en") else "he"]
    for document in FrameworkDocument.objects.filter(working_norms=True).order_by("pk"):
        WorkingNorm.objects.create(partnership_id=document.partnership_id, dimension="", text=text % document.title)


class Migration(migrations.Migration):
    dependencies = [
        ("workspace", "0002_choice_labels_in_code"),
        ("partnerships", "0003_choice_labels_in_code"),
    ]
    run_before = [("partnerships", "0004_one_home_per_fact")]

    operations = [
        migrations.RunPython(move_facts, migrations.RunPython.noop, elidable=False),
        migrations.AlterModelOptions(
            name="workingnorm",
            options={"ordering": ["agreed_at", "pk"]},
        ),
        migrations.RemoveField(model_name="chartermember", name="mandate"),
        migrations.RemoveField(model_name="chartermember", name="roles"),
        migrations.RemoveField(model_name="vision", name="public_goal"),
        migrations.AlterField(
            model_name="workingnorm",
            name="dimension",
            field=models.CharField(blank=True, max_length=30, verbose_name="dimension"),
        ),
    ]
