"""Remove the content of survey answers from events written before answers were logged without it."""

from django.db import migrations

# The models of shutafut.audit.models.ANSWER_MODELS when this migration was written.
ANSWER_MODELS = ["workspace.HealthResponse", "surveys.Rating", "surveys.Completion"]


def forget_answers(apps, schema_editor):  # type: ignore[no-untyped-def]
    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditEvent.objects.filter(model__in=ANSWER_MODELS).update(changes={}, object_repr="")


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forget_answers, migrations.RunPython.noop)]
