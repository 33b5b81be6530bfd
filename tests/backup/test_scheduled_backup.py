"""The scheduled backup: a worker writes a compressed backup only its owner can read into the configured folder,
and keeps the newest N."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import stat

import pytest
from click.testing import CliRunner

from shutafut.backup import scheduled_backup
from shutafut.backup_cli import scheduled_backup_command

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_per_module")]


def mode(path) -> int:  # type: ignore[no-untyped-def]
    return stat.S_IMODE(path.stat().st_mode)


def test_a_scheduled_backup_is_private_and_only_the_newest_ones_are_kept(town_a_records, tmp_path):
    folder = tmp_path / "backups"
    written = [
        scheduled_backup(folder=folder, keep=2, now=dt.datetime(2026, 12, day, 2, 0, tzinfo=dt.UTC))[0]
        for day in (1, 2, 3)
    ]
    assert sorted(folder.iterdir()) == written[1:]
    assert mode(folder) == 0o700 and all(mode(p) == 0o600 for p in written[1:])
    records = json.loads(gzip.decompress(written[-1].read_bytes()))
    assert any(r["model"] == "organizations.organization" for r in records)


def test_a_scheduled_backup_leaves_out_background_work_in_passing(town_a_records, personas, tmp_path):
    from shutafut.jobs.models import Job

    Job.objects.create(town=town_a_records["city"].town, kind="town-pdf", language="he")
    path, _removed = scheduled_backup(folder=tmp_path, keep=1)
    models = {r["model"] for r in json.loads(gzip.decompress(path.read_bytes()))}
    assert "jobs.job" not in models and "accounts.town" in models


def test_the_timer_s_command_has_a_worker_write_the_backup_into_the_configured_folder(
    town_a_records, tmp_path, settings
):
    settings.BACKUP_DIR, settings.BACKUP_KEEP = tmp_path / "nightly", 3
    result = CliRunner().invoke(scheduled_backup_command, [])
    assert result.exit_code == 0, result.output
    assert "queued for a worker" in result.output  # the tests' workers run it at once
    [written] = (tmp_path / "nightly").iterdir()
    assert written.name.startswith("shutafut-") and written.name.endswith(".json.gz") and mode(written) == 0o600


def test_keeping_no_backup_at_all_is_refused(tmp_path):
    with pytest.raises(ValueError, match="at least one"):
        scheduled_backup(folder=tmp_path, keep=0)
