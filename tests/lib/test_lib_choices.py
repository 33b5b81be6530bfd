"""Choice labels live in code: a label edited in code needs no migration."""

from __future__ import annotations

from django.apps import apps
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState
from django.db.migrations.writer import MigrationWriter
from django.utils import translation

from shutafut.accounts.models import Membership, Role
from shutafut.model import records
from shutafut.model.records import Cadence
from shutafut.model.text import Text
from shutafut.partnerships.models import Partnership


def _pending_changes() -> dict[str, list[object]]:
    """What ``makemigrations --check`` would write (it runs with translations off, as here)."""
    with translation.override(None):
        return _autodetect()


def _autodetect() -> dict[str, list[object]]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    detector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps))
    return detector.changes(graph=loader.graph)


def test_the_migrations_match_the_models():
    assert _pending_changes() == {}


def test_changing_a_label_of_the_models_vocabulary_makes_no_migration(monkeypatch):
    monkeypatch.setitem(records._LABELS, ("Cadence", "weekly"), Text("כל שבוע, בדיקה", "Every week, a test"))
    assert dict(Partnership._meta.get_field("meeting_cadence").flatchoices)["weekly"] == "כל שבוע, בדיקה"
    assert _pending_changes() == {}


def test_changing_a_label_of_django_choices_makes_no_migration(monkeypatch):
    monkeypatch.setattr(Role.VIEWER, "_label_", "Onlooker")
    assert dict(Membership._meta.get_field("role").flatchoices)[Role.VIEWER.value] == "Onlooker"
    assert _pending_changes() == {}


def test_a_migration_names_the_choices_by_their_enum_and_holds_no_label():
    field = Partnership._meta.get_field("meeting_cadence")
    text, _imports = MigrationWriter.serialize(field)
    assert "Labels(shutafut.model.records.Cadence)" in text
    assert Cadence.WEEKLY.label.he not in text and Cadence.WEEKLY.label.en not in text


def test_a_field_shows_its_choice_labels_in_the_active_language():
    field = Partnership._meta.get_field("meeting_cadence")
    with translation.override("en"):
        assert dict(field.flatchoices)[Cadence.WEEKLY.value] == Cadence.WEEKLY.label.en
    with translation.override("he"):
        assert dict(field.flatchoices)[Cadence.WEEKLY.value] == Cadence.WEEKLY.label.he
