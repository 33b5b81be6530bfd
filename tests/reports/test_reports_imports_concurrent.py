"""Two real imports into one town at the same moment (two workers, or a worker and the command line) run one after
the other: the second plans on what the first wrote, so nothing is created twice and neither fails on the town's
one-organization-per-name rule. PostgreSQL only: SQLite serializes writers, so it cannot show the race."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection, connections

from shutafut.accounts.models import Town
from shutafut.organizations.models import Organization
from shutafut.reports.importers import RowAction
from shutafut.reports.services import ImportResult, organizations_import

pytestmark = [pytest.mark.django_db(transaction=True)]

ROWS = 300


def test_two_imports_of_one_file_at_once_create_each_organization_once(towns, tmp_path: Path) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the race needs concurrent writers: PostgreSQL")
    path = tmp_path / "orgs.csv"
    lines = ["name,sector,subtype,legal_form"] + [f"עמותה {n},third,nonprofit,amuta" for n in range(ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    town = Town.objects.get(slug="town-a")
    barrier = threading.Barrier(2)
    results: list[ImportResult] = []
    failures: list[BaseException] = []

    def run() -> None:
        try:
            barrier.wait(timeout=30)
            results.append(organizations_import(town=town, path=path, fmt="generic"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    assert Organization.objects.filter(town=town).count() == ROWS
    created = sorted(sum(row.action is RowAction.CREATE for row in r.rows) for r in results)
    unchanged = sorted(sum(row.action is RowAction.UNCHANGED for row in r.rows) for r in results)
    assert created == [0, ROWS] and unchanged == [0, ROWS]
