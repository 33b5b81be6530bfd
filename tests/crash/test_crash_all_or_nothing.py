"""Kill the process (SIGKILL) in the middle of an import and of a survey answer: the database holds all or nothing.

Each scenario runs in a child process (tests/crash/crash_child.py) against its own database: a SQLite file (WAL,
as configured) and, when DATABASE_URL points at PostgreSQL, a fresh database on that server. The child prints
INSIDE once it is inside the transaction with part of the rows written; the parent kills it there.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

CHILD = Path(__file__).with_name("crash_child.py")


def _backends() -> list[str]:
    url = os.environ.get("DATABASE_URL", "")
    return ["sqlite", "postgres"] if url.startswith(("postgres://", "postgresql://")) else ["sqlite"]


def _env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="shutafut.settings", SHUTAFUT_REPO=str(REPO))
    return env


class Database:
    def __init__(self, url: str) -> None:
        self.url = url

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, str(CHILD), *args],
            cwd=REPO,
            env=_env(self.url),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    def count(self) -> dict[str, object]:
        return json.loads(self.run("count"))

    def finish(self, *args: str) -> dict[str, object]:
        """Run the write to its end; return what the database holds afterwards."""
        out = self.run(*args).splitlines()
        assert out[0] == "DONE"
        return json.loads(out[1])

    def kill_inside(self, *args: str) -> None:
        """Start the child, wait until it is inside its transaction, and SIGKILL it there."""
        child = subprocess.Popen(
            [sys.executable, str(CHILD), *args],
            cwd=REPO,
            env=_env(self.url),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        if line.strip() != "INSIDE":
            child.kill()
            raise AssertionError(f"the child never got inside its transaction: {line!r} {child.stderr.read()[-2000:]}")
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL


@pytest.fixture(scope="module", params=_backends())
def database(request, tmp_path_factory) -> Iterator[tuple[Database, dict[str, int]]]:  # type: ignore[no-untyped-def]
    drop = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('crash') / 'crash.sqlite3'}"
    else:
        import psycopg

        base = os.environ["DATABASE_URL"]
        name = f"crash_{uuid.uuid4().hex[:12]}"
        admin = base.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        url = base.rsplit("/", 1)[0] + "/" + name

        def drop() -> None:
            with psycopg.connect(admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    db = Database(url)
    ids = json.loads(db.run("setup"))
    yield db, ids
    if drop is not None:
        drop()


def test_an_import_killed_halfway_leaves_nothing_of_it(database):
    db, _ids = database
    before = db.count()
    db.kill_inside("import", "60")
    assert db.count() == before


def test_an_import_that_finishes_leaves_all_of_it(database):
    db, _ids = database
    before = db.count()
    after = db.finish("import")
    assert after["partnerships"] == before["partnerships"] + 1  # type: ignore[operator]
    assert after["members"] == before["members"] + 120  # type: ignore[operator]


def test_a_survey_answer_killed_before_commit_leaves_the_previous_answers_as_they_were(database):
    db, ids = database
    before = db.count()
    db.kill_inside("rating", json.dumps(ids), "pause", "c", "5")  # replaces an answer: the old one stays
    assert db.count() == before


def test_a_survey_answer_that_finishes_is_all_there(database):
    db, ids = database
    after = db.finish("rating", json.dumps(ids), "nopause", "b", "4")
    assert ["ב", 4] in after["ratings"] and after["link_used"] == 1  # type: ignore[operator]
