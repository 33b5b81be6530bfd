"""Backup and restore of the whole database as one portable JSON file (SQLite and PostgreSQL alike).

``backup(path)`` writes every row of the project's tables (Django's serialization, with natural keys for content
types so the file does not depend on the numbering of the database it came from). ``restore(path)`` loads such a
file into an empty, migrated database in one transaction: all of it, or nothing. Sessions and the tables that
``migrate`` rebuilds (content types, permissions) are left out, and so is background work in passing (queued tasks,
jobs and the files they read or made: a restored town starts them again).

``scheduled_backup(folder=…, keep=…)`` is what the nightly timer asks a worker to do (``scheduled_backup_task``):
a compressed backup that only its owner may read, in a folder only its owner may enter, keeping the newest ``keep``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import Deserializer as JsonDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import transaction
from django.db.models import Model
from django_tasks import task

from shutafut.audit.context import suspended

EXCLUDED = ("contenttypes", "auth.permission", "sessions", "django_tasks_database", "jobs")
TRANSIENT_APPS = ("contenttypes", "sessions", "django_tasks_database", "jobs")
BACKUP_PREFIX = "shutafut-"
BACKUP_SUFFIX = ".json.gz"
FORMAT = "shutafut"  # Django's JSON, with datetimes to the microsecond (DjangoJSONEncoder keeps milliseconds)


class _Encoder(DjangoJSONEncoder):
    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JsonSerializer):
    """The backup format: Django's JSON serializer with an exact encoder."""

    def _init_options(self) -> None:
        self.options.setdefault("cls", _Encoder)
        super()._init_options()  # type: ignore[misc]


Deserializer = JsonDeserializer


def _register() -> None:
    if FORMAT not in serializers.get_serializer_formats():
        serializers.register_serializer(FORMAT, __name__)


class RestoreError(Exception):
    """The target database is not empty, or the file is not a backup."""


def data_models() -> list[type[Model]]:
    """The models whose rows a backup holds."""
    return [
        m for m in apps.get_models() if m._meta.app_label not in TRANSIENT_APPS and m._meta.label != "auth.Permission"
    ]


def _is_gzip(path: Path) -> bool:
    return path.suffix == ".gz"


def backup(path: str | Path) -> int:
    """Write the backup to ``path`` (gzip-compressed when it ends in .gz); return the number of records. The file
    is readable by its owner only (mode 0600) from before it gets its name."""
    path = Path(path)
    _register()
    out = io.StringIO()
    call_command(
        "dumpdata",
        format=FORMAT,
        exclude=list(EXCLUDED),
        natural_foreign=True,
        indent=None,
        stdout=out,
    )
    text = out.getvalue()
    data = text.encode("utf-8")
    tmp = path.with_name(path.name + ".part")
    # It holds password hashes and personal data: readable by its owner only (0600), whatever the umask.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(gzip.compress(data) if _is_gzip(path) else data)
    tmp.replace(path)
    return len(json.loads(text))


def scheduled_backup(*, folder: str | Path, keep: int, now: dt.datetime | None = None) -> tuple[Path, list[Path]]:
    """Write ``shutafut-<UTC time>.json.gz`` into ``folder`` (created, mode 0700; the file 0600), then delete all
    but the newest ``keep`` such files. Return the new file and the deleted ones."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o700)
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{BACKUP_PREFIX}{stamp}{BACKUP_SUFFIX}"
    backup(path)
    kept = sorted(folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}"), reverse=True)
    removed = kept[keep:]
    for old in removed:
        old.unlink()
    return path, removed


@task()
def scheduled_backup_task() -> dict[str, Any]:
    """The nightly backup, run by a worker (deploy/shutafut-backup.timer queues it): SHUTAFUT_BACKUP_DIR, keeping
    SHUTAFUT_BACKUP_KEEP files."""
    path, removed = scheduled_backup(folder=settings.BACKUP_DIR, keep=settings.BACKUP_KEEP)
    return {"file": str(path), "removed": [str(p) for p in removed]}


def database_is_empty() -> bool:
    """True when no project or user rows exist (a freshly migrated database)."""
    return not any(m._default_manager.exists() for m in data_models())


def restore(path: str | Path, *, replace: bool = False) -> int:
    """Load the backup at ``path`` into this database in one transaction; return the number of records.

    The database must be empty (migrated, without data) unless ``replace`` is set: then its data is flushed first.
    """
    path = Path(path)
    if not path.is_file():
        raise RestoreError(f"no such file: {path}")
    with tempfile.TemporaryDirectory() as tmpdir:
        _register()
        fixture = Path(tmpdir) / f"backup.{FORMAT}"
        if _is_gzip(path):
            with gzip.open(path, "rb") as src, fixture.open("wb") as dst:
                shutil.copyfileobj(src, dst)
        else:
            shutil.copyfile(path, fixture)
        if not fixture.read_text(encoding="utf-8").lstrip().startswith("["):
            raise RestoreError(f"{path} is not a Shutafut backup (a JSON list of records)")
        with transaction.atomic():
            if not database_is_empty():
                if not replace:
                    raise RestoreError("the database already holds data; restore into an empty database")
                call_command("flush", interactive=False, verbosity=0)
            with suspended():  # the backup holds the audit log as it was; loading must not add to it
                call_command("loaddata", str(fixture), stdout=io.StringIO(), verbosity=1)
            return len(json.loads(fixture.read_text(encoding="utf-8")))
